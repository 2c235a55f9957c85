"""Feedback on answers: the feedback rows, the admin's records and their export.

`FeedbackStore` works on the conversation database through what `ConversationStore` hands it
(a reader, a writing transaction and its clock); the store offers its methods as its own. A
`FeedbackRecord` is built from a feedback row joined with its exchange; it carries the
redacted question (`Answer.sent_question`), never the question as typed. Split from
assistant.conversations.store, which re-exports `CitedDocument` and `FeedbackRecord`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from assistant.answering import phi
from assistant.conversations.conversation_records import Feedback, iso_time, pages_label
from assistant.conversations.record_export import write_records

RATINGS = ("up", "down")


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


class FeedbackStore:
    """Feedback rows of the conversation database: set, read, list for the admin, export."""

    def __init__(
        self,
        read: Callable[[], sqlite3.Connection],
        write: Callable[[], AbstractContextManager[sqlite3.Connection]],
        now: Callable[[], str],
    ):
        self._conn, self._write, self.now = read, write, now

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
        return write_records(
            path,
            fmt,
            self.all_feedback(since),
            CSV_COLUMNS,
            lambda record: [_cell(value) for value in _csv_row(record)],
            FeedbackRecord.to_json,
        )


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


def _normalise_since(since: str) -> str:
    try:
        moment = datetime.fromisoformat(since.strip())
    except ValueError as exc:
        raise ValueError(f"'since' must be an ISO date or time, e.g. 2025-01-31: {exc}") from None
    return iso_time(moment)


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
