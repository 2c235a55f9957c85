"""Conversations kept on this computer: questions, full answers and the clinician's feedback.

One SQLite file in the knowledge home (`<home>/conversations.sqlite3`, created 0600 where the
OS allows), in WAL mode so the UI thread can read while a worker saves an answer. Each thread
gets its own connection; writes take `BEGIN IMMEDIATE` and wait (busy timeout) rather than
fail. The schema version is `PRAGMA user_version`; `migrate()` brings an older file up to
date and refuses a file made by a newer release.

What is stored and why:

* an exchange keeps the question as typed (it never leaves this computer) and the whole
  answer as `Answer.to_json()`, so a conversation restores exactly after a restart
  (`Exchange.answer()` rebuilds the `Answer` with its `Citation` objects);
* the conversation title is taken from the first question *after* redaction
  (`Answer.sent_question`), so the conversation list and exports show "[NAME-1]" rather
  than a patient's name;
* feedback keeps rating, comment (passed through the PHI redactor) and time only; the admin's
  view and export (`all_feedback`, `export_feedback`) read the redacted question from the
  answer, never the question as typed;
* deleting a conversation deletes its exchanges and feedback (foreign keys with cascade),
  zeroes the freed pages (`secure_delete`), purges the search index and checkpoints the WAL.

Search matches the title or any question or answer text, case- and accent-insensitively,
every word of the query somewhere in the conversation. It uses an FTS5 trigram index when
this Python's SQLite has one (substring matches, like LIKE but indexed) and LIKE otherwise.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import MISSING, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant import phi
from assistant.answer import Answer, Citation, ClosestDocument

__all__ = [
    "DEFAULT_TITLE",
    "FILENAME",
    "SCHEMA_VERSION",
    "CitedDocument",
    "Conversation",
    "ConversationStore",
    "Exchange",
    "Feedback",
    "FeedbackRecord",
    "StoreVersionError",
    "answer_from_json",
    "pages_label",
    "title_from_question",
]

FILENAME = "conversations.sqlite3"
DEFAULT_TITLE = "New conversation"
TITLE_WORDS_LIMIT = 60  # an automatic title: the first question, cut on a word boundary
TITLE_MAX = 200  # a title the user types is cut to this length
RATINGS = ("up", "down")

log = logging.getLogger(__name__)


class StoreVersionError(RuntimeError):
    """The conversation file was written by a newer clinassist than this one."""


# --- the objects the UI shows ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    title: str
    created_at: str  # UTC ISO 8601
    updated_at: str  # the last activity: creation or the newest exchange (a rename is not one)


@dataclass(frozen=True, slots=True)
class Exchange:
    id: int
    conversation_id: int
    question: str  # as typed
    answer_json: dict[str, Any]  # Answer.to_json(), as saved
    created_at: str

    def answer(self) -> Answer:
        """The saved answer as an `Answer`, with `Citation` and `ClosestDocument` objects."""
        return answer_from_json(self.answer_json, question=self.question)


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    exchange_id: int
    rating: str  # "up" | "down"
    comment: str  # after PHI redaction
    created_at: str


@dataclass(frozen=True, slots=True)
class CitedDocument:
    doc_id: str
    version: int
    title: str
    pages: str  # "p. 3", "pp. 3–4, 7" or ""
    version_id: str = ""

    def label(self) -> str:
        text = f"{self.doc_id} v{self.version}"
        return f"{text} ({self.pages})" if self.pages else text


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """One line of the admin's feedback view; carries no question as typed."""

    feedback_id: int
    exchange_id: int
    conversation_id: int
    rating: str
    comment: str
    question: str  # the redacted question (Answer.sent_question)
    answer_text: str
    refused: bool
    mode: str
    documents: list[CitedDocument]
    closest: list[str]  # for a refusal: "title (v2)" of the nearest documents
    created_at: str

    @property
    def documents_label(self) -> str:
        return "; ".join(doc.label() for doc in self.documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at,
            "rating": self.rating,
            "comment": self.comment,
            "question": self.question,
            "answer": self.answer_text,
            "refused": self.refused,
            "mode": self.mode,
            "documents": [
                {
                    "doc_id": d.doc_id,
                    "version": d.version,
                    "version_id": d.version_id,
                    "title": d.title,
                    "pages": d.pages,
                }
                for d in self.documents
            ],
            "closest_documents": self.closest,
            "exchange_id": self.exchange_id,
            "conversation_id": self.conversation_id,
            "feedback_id": self.feedback_id,
        }


# --- helpers ---------------------------------------------------------------------------------
def title_from_question(question: str, limit: int = TITLE_WORDS_LIMIT) -> str:
    """One line of at most `limit` characters (plus "…"), cut on a word boundary."""
    text = " ".join(question.split())
    if not text:
        return DEFAULT_TITLE
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    space = head.rfind(" ")
    head = head[:space] if space >= limit // 2 else text[:limit]
    return head.rstrip(" ,;:.-–—") + "…"


def pages_label(pages: set[int] | list[int]) -> str:
    """{3, 4, 7} -> "pp. 3–4, 7"; {3} -> "p. 3"; empty -> ""."""
    ordered = sorted(set(pages))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return f"p. {ordered[0]}"
    runs: list[list[int]] = []
    for page in ordered:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return "pp. " + ", ".join(f"{a}–{b}" if b != a else str(a) for a, b in runs)


def answer_from_json(data: dict[str, Any], question: str | None = None) -> Answer:
    """Rebuild an `Answer` from `Answer.to_json()`; unknown keys (e.g. a citation's "label")
    are ignored and missing ones take defaults, so older and newer files still load."""
    values = dict(data)
    if question is not None:
        values["question"] = question
    values["citations"] = [_build(Citation, c) for c in data.get("citations") or []]
    values["closest"] = [_build(ClosestDocument, c) for c in data.get("closest") or []]
    return _build(Answer, values)


_EMPTY_BY_TYPE = {"str": "", "int": 0, "float": 0.0, "bool": False}


def _build(cls, data: dict[str, Any]):
    kwargs = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = data[f.name]
        elif f.default is MISSING and f.default_factory is MISSING:
            kind = str(f.type)
            kwargs[f.name] = None if "None" in kind else _EMPTY_BY_TYPE.get(kind)
    return cls(**kwargs)


def _search_form(text: str) -> str:
    """What search compares: accents removed, case folded, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_TERM_EDGES = "\"'.,;:!?()[]{}<>"


def _search_terms(query: str) -> list[str]:
    terms = (t.strip(_TERM_EDGES) for t in _search_form(query).split())
    return list(dict.fromkeys(t for t in terms if t))


def _like_pattern(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _trigram_available() -> bool:
    try:
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        finally:
            probe.close()
    except sqlite3.Error:
        return False
    return True


# --- schema ----------------------------------------------------------------------------------
_SCHEMA_1 = (
    """CREATE TABLE conversations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        auto_title INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        search_title TEXT NOT NULL DEFAULT '',
        search_body TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX conversations_by_activity ON conversations (updated_at DESC, id DESC)",
    """CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX exchanges_by_conversation ON exchanges (conversation_id, id)",
    """CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        exchange_id INTEGER NOT NULL UNIQUE REFERENCES exchanges (id) ON DELETE CASCADE,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX feedback_by_time ON feedback (created_at)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA_1:
        conn.execute(statement)


# MIGRATIONS[i] takes a file from version i to i + 1. Append; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1,)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION in one transaction; returns the version found."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise StoreVersionError(
                f"the conversations file has schema version {found}, newer than this "
                f"clinassist understands ({SCHEMA_VERSION}); update clinassist"
            )
        for version in range(found, SCHEMA_VERSION):
            MIGRATIONS[version](conn)
        if found != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if found != SCHEMA_VERSION:
        log.info("conversations file migrated from schema %d to %d", found, SCHEMA_VERSION)
    return found


# --- the store -------------------------------------------------------------------------------
class ConversationStore:
    """Thread-safe: call it from any thread; each thread uses its own SQLite connection."""

    def __init__(self, path: str | Path, clock: Callable[[], datetime] | None = None):
        self.path = Path(path)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._local = threading.local()
        # Each thread's connection, so close() can close them all and a finished worker
        # thread's connection is closed when the next thread connects.
        self._connections: dict[threading.Thread, sqlite3.Connection] = {}
        self._connections_lock = threading.Lock()
        self._closed = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Questions may name patients: only this user may read the file (SQLite gives
            # its -wal and -shm files the same permissions).
            with suppress(FileExistsError):
                os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        migrate(self._conn())
        self.uses_fts = self._prepare_search_index()

    @classmethod
    def in_home(cls, home: str | Path, **kwargs) -> ConversationStore:
        return cls(Path(home) / FILENAME, **kwargs)

    # -- connections --------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise RuntimeError("the conversation store is closed")
        conn = sqlite3.connect(
            self.path, timeout=30.0, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        self._local.conn = conn
        with self._connections_lock:
            finished = [t for t in self._connections if not t.is_alive()]
            for thread in finished:
                with suppress(sqlite3.Error):
                    self._connections.pop(thread).close()
            self._connections[threading.current_thread()] = conn
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used afterwards."""
        self._closed = True
        with self._connections_lock:
            connections, self._connections = list(self._connections.values()), {}
        for conn in connections:
            with suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    def __enter__(self) -> ConversationStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- search index -------------------------------------------------------------------------
    def _prepare_search_index(self) -> bool:
        """Use the FTS5 trigram index when available; rebuild it if it may be stale (the file
        was last written by a SQLite without FTS5)."""
        fts = _trigram_available()
        wanted = "fts5-trigram" if fts else "like"
        with self._write() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
            if row and row[0] == wanted:
                return fts
            if fts:
                conn.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS conversation_fts USING fts5("
                    "search_title, search_body, content='conversations', content_rowid='id', "
                    "tokenize='trigram')"
                )
                conn.execute("INSERT INTO conversation_fts (conversation_fts) VALUES ('rebuild')")
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('search_index', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (wanted,),
            )
        return fts

    def _index_remove(self, conn: sqlite3.Connection, conversation_id: int) -> None:
        if not self.uses_fts:
            return
        old = conn.execute(
            "SELECT search_title, search_body FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        if old is not None:
            conn.execute(
                "INSERT INTO conversation_fts (conversation_fts, rowid, search_title, search_body)"
                " VALUES ('delete', ?, ?, ?)",
                (conversation_id, *old),
            )

    def _index_add(self, conn: sqlite3.Connection, conversation_id: int) -> None:
        if self.uses_fts:
            conn.execute(
                "INSERT INTO conversation_fts (rowid, search_title, search_body) "
                "SELECT id, search_title, search_body FROM conversations WHERE id = ?",
                (conversation_id,),
            )

    # -- conversations ------------------------------------------------------------------------
    def now(self) -> str:
        return _iso(self._clock())

    def create(self, title: str = DEFAULT_TITLE) -> Conversation:
        title = _clean_title(title)
        stamp = self.now()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO conversations (title, auto_title, created_at, updated_at, "
                "search_title) VALUES (?, ?, ?, ?, ?)",
                (title, int(title == DEFAULT_TITLE), stamp, stamp, _search_form(title)),
            )
            conversation_id = cursor.lastrowid
            self._index_add(conn, conversation_id)
        return Conversation(conversation_id, title, stamp, stamp)

    def get(self, conversation_id: int) -> Conversation | None:
        row = (
            self._conn()
            .execute(
                "SELECT id, title, created_at, updated_at FROM conversations WHERE id = ?",
                (conversation_id,),
            )
            .fetchone()
        )
        return Conversation(*row) if row else None

    def rename(self, conversation_id: int, title: str) -> Conversation:
        title = _clean_title(title)
        with self._write() as conn:
            self._require(conn, conversation_id)
            self._index_remove(conn, conversation_id)
            conn.execute(
                "UPDATE conversations SET title = ?, auto_title = 0, search_title = ? WHERE id = ?",
                (title, _search_form(title), conversation_id),
            )
            self._index_add(conn, conversation_id)
        return self.get(conversation_id)

    def delete(self, conversation_id: int) -> bool:
        """Delete the conversation with its exchanges and feedback; False if there was none."""
        with self._write() as conn:
            self._index_remove(conn, conversation_id)
            deleted = conn.execute(
                "DELETE FROM conversations WHERE id = ?", (conversation_id,)
            ).rowcount
            if deleted and self.uses_fts:
                # Merge the index so the deleted text's entries are dropped, not just masked.
                conn.execute("INSERT INTO conversation_fts (conversation_fts) VALUES ('optimize')")
        if deleted:
            # Copy the zeroed pages into the file and empty the WAL, which still holds the
            # text as it was written (best effort: a reader in another thread may delay it).
            with suppress(sqlite3.Error):
                self._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return bool(deleted)

    def list(self, search: str = "") -> list[Conversation]:
        """Newest activity first; with `search`, only conversations where every word of it
        appears in the title, a question or an answer (any case, accents ignored)."""
        where, params = self._search_clause(search)
        rows = (
            self._conn()
            .execute(
                "SELECT id, title, created_at, updated_at FROM conversations "
                f"{where} ORDER BY updated_at DESC, id DESC",
                params,
            )
            .fetchall()
        )
        return [Conversation(*row) for row in rows]

    def _search_clause(self, search: str) -> tuple[str, list[Any]]:
        terms = _search_terms(search)
        if not terms:
            return "", []
        conditions: list[str] = []
        params: list[Any] = []
        indexed = [t for t in terms if self.uses_fts and len(t) >= 3]
        if indexed:
            conditions.append(
                "id IN (SELECT rowid FROM conversation_fts WHERE conversation_fts MATCH ?)"
            )
            params.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in indexed))
        for term in terms:
            if term in indexed:
                continue
            conditions.append("(search_title LIKE ? ESCAPE '\\' OR search_body LIKE ? ESCAPE '\\')")
            params.extend([_like_pattern(term)] * 2)
        return "WHERE " + " AND ".join(conditions), params

    @staticmethod
    def _require(conn: sqlite3.Connection, conversation_id: int) -> tuple[int, str]:
        row = conn.execute(
            "SELECT auto_title, search_body FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no conversation with id {conversation_id}")
        return row

    # -- exchanges ----------------------------------------------------------------------------
    def add_exchange(self, conversation_id: int, question: str, answer: Answer) -> Exchange:
        """Save a question and its whole answer. The first question names a conversation that
        still has the default title (its redacted form, cut to about 60 characters)."""
        data = answer.to_json()
        data["question"] = question
        stamp = self.now()
        searchable = _search_form(question) + "\n" + _search_form(answer.text)
        with self._write() as conn:
            auto_title, body = self._require(conn, conversation_id)
            self._index_remove(conn, conversation_id)
            cursor = conn.execute(
                "INSERT INTO exchanges (conversation_id, question, answer_json, created_at) "
                "VALUES (?, ?, ?, ?)",
                (conversation_id, question, json.dumps(data, ensure_ascii=False), stamp),
            )
            conn.execute(
                "UPDATE conversations SET updated_at = ?, search_body = ? WHERE id = ?",
                (stamp, f"{body}\n{searchable}" if body else searchable, conversation_id),
            )
            if auto_title:
                title = title_from_question(answer.sent_question or phi.redact(question).text)
                conn.execute(
                    "UPDATE conversations SET title = ?, auto_title = 0, search_title = ? "
                    "WHERE id = ?",
                    (title, _search_form(title), conversation_id),
                )
            self._index_add(conn, conversation_id)
        return Exchange(cursor.lastrowid, conversation_id, question, data, stamp)

    def exchanges(self, conversation_id: int) -> list[Exchange]:
        """Oldest first."""
        rows = (
            self._conn()
            .execute(
                "SELECT id, conversation_id, question, answer_json, created_at FROM exchanges "
                "WHERE conversation_id = ? ORDER BY id",
                (conversation_id,),
            )
            .fetchall()
        )
        return [_exchange(row) for row in rows]

    def get_exchange(self, exchange_id: int) -> Exchange | None:
        row = (
            self._conn()
            .execute(
                "SELECT id, conversation_id, question, answer_json, created_at FROM exchanges "
                "WHERE id = ?",
                (exchange_id,),
            )
            .fetchone()
        )
        return _exchange(row) if row else None

    # -- feedback -----------------------------------------------------------------------------
    def set_feedback(
        self, exchange_id: int, rating: Literal["up", "down"], comment: str = ""
    ) -> Feedback:
        """One feedback per exchange: a second call replaces the first (and its time). The
        comment is redacted like a question before it is stored."""
        if rating not in RATINGS:
            raise ValueError(f"a rating is 'up' or 'down', not {rating!r}")
        comment = phi.redact((comment or "").strip()).text
        stamp = self.now()
        with self._write() as conn:
            if (
                conn.execute("SELECT 1 FROM exchanges WHERE id = ?", (exchange_id,)).fetchone()
                is None
            ):
                raise KeyError(f"no exchange with id {exchange_id}")
            conn.execute(
                "INSERT INTO feedback (exchange_id, rating, comment, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (exchange_id) DO UPDATE SET "
                "rating = excluded.rating, comment = excluded.comment, "
                "created_at = excluded.created_at",
                (exchange_id, rating, comment, stamp),
            )
            row = conn.execute(
                "SELECT id, exchange_id, rating, comment, created_at FROM feedback "
                "WHERE exchange_id = ?",
                (exchange_id,),
            ).fetchone()
        return Feedback(*row)

    def feedback_for(self, exchange_id: int) -> Feedback | None:
        row = (
            self._conn()
            .execute(
                "SELECT id, exchange_id, rating, comment, created_at FROM feedback "
                "WHERE exchange_id = ?",
                (exchange_id,),
            )
            .fetchone()
        )
        return Feedback(*row) if row else None

    def all_feedback(self, since: str | None = None) -> list[FeedbackRecord]:
        """The admin's view: negative feedback first (newest first), then the positive
        (newest first). `since` is an ISO date or time (naive means UTC), inclusive."""
        params: list[Any] = []
        where = ""
        if since:
            where = "WHERE f.created_at >= ?"
            params.append(_normalise_since(since))
        rows = (
            self._conn()
            .execute(
                "SELECT f.id, f.exchange_id, e.conversation_id, f.rating, f.comment, "
                "e.question, e.answer_json, f.created_at FROM feedback f "
                f"JOIN exchanges e ON e.id = f.exchange_id {where} "
                "ORDER BY f.rating = 'down' DESC, f.created_at DESC, f.id DESC",
                params,
            )
            .fetchall()
        )
        return [_feedback_record(*row) for row in rows]

    def export_feedback(
        self, path: str | Path, fmt: Literal["csv", "jsonl"] = "csv", since: str | None = None
    ) -> int:
        """Write `all_feedback(since)` to a file; returns the number of records."""
        if fmt not in ("csv", "jsonl"):
            raise ValueError(f"export format is 'csv' or 'jsonl', not {fmt!r}")
        records = self.all_feedback(since)
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            if fmt == "csv":
                # utf-8-sig: spreadsheet programs then read "pp. 3–4" and accents correctly.
                with tmp.open("w", encoding="utf-8-sig", newline="") as out:
                    writer = csv.writer(out)
                    writer.writerow(CSV_COLUMNS)
                    for record in records:
                        writer.writerow([_cell(value) for value in _csv_row(record)])
            else:
                with tmp.open("w", encoding="utf-8", newline="\n") as out:
                    for record in records:
                        out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return len(records)


CSV_COLUMNS = (
    "created_at",
    "rating",
    "comment",
    "question",
    "answer",
    "refused",
    "mode",
    "cited_documents",
    "closest_documents",
    "exchange_id",
    "conversation_id",
)


def _csv_row(record: FeedbackRecord) -> list[Any]:
    return [
        record.created_at,
        record.rating,
        record.comment,
        record.question,
        record.answer_text,
        "yes" if record.refused else "no",
        record.mode,
        record.documents_label,
        "; ".join(record.closest),
        record.exchange_id,
        record.conversation_id,
    ]


def _cell(value: Any) -> Any:
    """Spreadsheet formula injection: a text cell starting with = + - @ (or a tab/CR) is
    prefixed with an apostrophe so Excel/LibreOffice show it instead of evaluating it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _clean_title(title: str) -> str:
    text = " ".join((title or "").split())
    if not text:
        raise ValueError("a conversation title cannot be empty")
    return title_from_question(text, TITLE_MAX) if len(text) > TITLE_MAX else text


def _normalise_since(since: str) -> str:
    try:
        moment = datetime.fromisoformat(since.strip())
    except ValueError as exc:
        raise ValueError(f"'since' must be an ISO date or time, e.g. 2025-01-31: {exc}") from None
    return _iso(moment)


def _exchange(row) -> Exchange:
    exchange_id, conversation_id, question, answer_json, created_at = row
    return Exchange(exchange_id, conversation_id, question, json.loads(answer_json), created_at)


def _feedback_record(
    feedback_id, exchange_id, conversation_id, rating, comment, question, answer_json, created_at
) -> FeedbackRecord:
    data = json.loads(answer_json)
    sent = data.get("sent_question")
    if not sent:  # never fall back to the question as typed
        sent = phi.redact(question).text
    return FeedbackRecord(
        feedback_id=feedback_id,
        exchange_id=exchange_id,
        conversation_id=conversation_id,
        rating=rating,
        comment=comment,
        question=sent,
        answer_text=data.get("text", ""),
        refused=bool(data.get("refused")),
        mode=data.get("mode", ""),
        documents=_cited_documents(data.get("citations") or []),
        closest=[
            f"{c.get('title', '')} (v{c.get('version', '?')})" for c in data.get("closest") or []
        ],
        created_at=created_at,
    )


def _cited_documents(citations: list[dict[str, Any]]) -> list[CitedDocument]:
    """One entry per document version, in citation order, with the pages of all its
    citations merged."""
    merged: dict[tuple[str, int], dict[str, Any]] = {}
    for c in citations:
        key = (c.get("doc_id", ""), c.get("version", 0))
        entry = merged.setdefault(
            key,
            {"title": c.get("title", ""), "version_id": c.get("version_id", ""), "pages": set()},
        )
        start, end = c.get("page_start"), c.get("page_end")
        if start:
            entry["pages"].update(range(start, max(start, end or start) + 1))
    return [
        CitedDocument(doc_id, version, e["title"], pages_label(e["pages"]), e["version_id"])
        for (doc_id, version), e in merged.items()
    ]
