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

This module holds the store itself; its parts live beside it in assistant.conversations and
are re-exported here: conversation_records (the objects and pure helpers),
conversation_schema (schema and migrations) and conversation_feedback (the feedback rows, the
admin's feedback records and their CSV / JSONL export).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.answering import phi
from assistant.answering.answer import Answer
from assistant.conversations.conversation_feedback import (
    CitedDocument,
    FeedbackRecord,
    FeedbackStore,
)
from assistant.conversations.conversation_records import (
    DEFAULT_TITLE,
    Conversation,
    Exchange,
    Feedback,
    answer_from_json,
    clean_title,
    exchange_from_row,
    iso_time,
    like_pattern,
    pages_label,
    search_form,
    search_terms,
    title_from_question,
)
from assistant.conversations.conversation_schema import SCHEMA_VERSION, StoreVersionError, migrate
from assistant.conversations.handout_records import HandoutRecords

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
        self._feedback = FeedbackStore(self._conn, self._write, self.now)
        # Feedback is the FeedbackStore's; the store offers its methods as its own.
        self.set_feedback = self._feedback.set_feedback
        self.feedback_for = self._feedback.feedback_for
        self.all_feedback = self._feedback.all_feedback
        self.export_feedback = self._feedback.export_feedback
        # Patient handouts, likewise the HandoutRecords'.
        self._handouts = HandoutRecords(self._conn, self._write, self.now)
        self.add_handout = self._handouts.add_handout
        self.mark_handout = self._handouts.mark_handout
        self.handouts = self._handouts.handouts
        self.export_handouts = self._handouts.export_handouts

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
        return iso_time(self._clock())

    def create(self, title: str = DEFAULT_TITLE) -> Conversation:
        title = clean_title(title)
        stamp = self.now()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO conversations (title, auto_title, created_at, updated_at, "
                "search_title) VALUES (?, ?, ?, ?, ?)",
                (title, int(title == DEFAULT_TITLE), stamp, stamp, search_form(title)),
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
        title = clean_title(title)
        with self._write() as conn:
            self._require(conn, conversation_id)
            self._index_remove(conn, conversation_id)
            conn.execute(
                "UPDATE conversations SET title = ?, auto_title = 0, search_title = ? WHERE id = ?",
                (title, search_form(title), conversation_id),
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
        terms = search_terms(search)
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
            params.extend([like_pattern(term)] * 2)
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
    def add_exchange(
        self, conversation_id: int, question: str, answer: Answer, keep_typed: bool = False
    ) -> Exchange:
        """Save a question and its whole answer. The question is kept as it was sent, with
        identifiers replaced by placeholders, unless `keep_typed` (a site setting). The first
        question names a conversation that still has the default title (its redacted form,
        cut to about 60 characters)."""
        if not keep_typed:
            question = answer.sent_question or phi.redact(question).text
        data = answer.to_json()
        data["question"] = question
        stamp = self.now()
        searchable = search_form(question) + "\n" + search_form(answer.text)
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
            if keep_typed:  # the next redact_typed_questions() has work to do
                conn.execute("DELETE FROM meta WHERE key = 'questions'")
            if auto_title:
                title = title_from_question(answer.sent_question or phi.redact(question).text)
                title = self._distinct_title(conn, title, conversation_id)
                conn.execute(
                    "UPDATE conversations SET title = ?, auto_title = 0, search_title = ? "
                    "WHERE id = ?",
                    (title, search_form(title), conversation_id),
                )
            self._index_add(conn, conversation_id)
        return Exchange(cursor.lastrowid, conversation_id, question, data, stamp)

    @staticmethod
    def _distinct_title(conn: sqlite3.Connection, title: str, conversation_id: int) -> str:
        """The title, numbered when another conversation has it already ("… (2)"): a list of
        chats about the same question is otherwise impossible to tell apart."""
        taken = {
            row[0]
            for row in conn.execute(
                "SELECT title FROM conversations WHERE id != ? AND (title = ? OR title LIKE ?)",
                (conversation_id, title, title.replace("%", "_") + " (%)"),
            )
        }
        number, candidate = 1, title
        while candidate in taken:
            number += 1
            candidate = f"{title} ({number})"
        return candidate

    def redact_typed_questions(self) -> int:
        """Replace every question kept as typed (an older database, or a site that kept typed
        questions and no longer does) by the question as sent: in the exchange, its saved
        answer and the search index; the old text is wiped from the file (secure delete, WAL
        truncated). Returns how many exchanges changed."""
        touched: set[int] = set()
        with self._write() as conn:
            # Once done, a flag says so: the window calls this on opening, and a large
            # database is not read through again at every start.
            if conn.execute("SELECT 1 FROM meta WHERE key = 'questions'").fetchone():
                return 0
            rows = conn.execute(
                "SELECT id, conversation_id, question, answer_json FROM exchanges WHERE "
                "question IS NOT json_extract(answer_json, '$.sent_question') "
                "OR json_extract(answer_json, '$.question') IS NOT question"
            )
            for exchange_id, conversation_id, question, answer_json in rows.fetchall():
                data = json.loads(answer_json)
                sent = data.get("sent_question") or phi.redact(question).text
                if question == sent and data.get("question", sent) == sent:
                    continue
                data["question"] = sent
                conn.execute(
                    "UPDATE exchanges SET question = ?, answer_json = ? WHERE id = ?",
                    (sent, json.dumps(data, ensure_ascii=False), exchange_id),
                )
                touched.add(conversation_id)
            for conversation_id in touched:
                self._reindex_body(conn, conversation_id)
            conn.execute("INSERT INTO meta (key, value) VALUES ('questions', 'as-sent')")
        if touched:
            self._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(touched)

    def _reindex_body(self, conn: sqlite3.Connection, conversation_id: int) -> None:
        """The conversation's search text rebuilt from its exchanges as they now stand."""
        self._index_remove(conn, conversation_id)
        parts = [
            search_form(question) + "\n" + search_form(json.loads(answer_json).get("text", ""))
            for question, answer_json in conn.execute(
                "SELECT question, answer_json FROM exchanges WHERE conversation_id = ? ORDER BY id",
                (conversation_id,),
            )
        ]
        conn.execute(
            "UPDATE conversations SET search_body = ? WHERE id = ?",
            ("\n".join(parts), conversation_id),
        )
        self._index_add(conn, conversation_id)

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
        return [exchange_from_row(row) for row in rows]

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
        return exchange_from_row(row) if row else None
