"""Reviewing clinicians' feedback on answers: what the admin desk's feedback page is a view of.

The rows come from `ConversationStore.all_feedback` (the same reading code as `clinassist
feedback export`, so the page and the export never disagree and no question as typed is
shown: only the redacted one). This module adds what a reviewer needs on top: the review
order made explicit (negative first, newest first within each group), the "negative only"
filter, each answer's numbered citations, and the wording of the table and detail pane.
No Qt here; `feedback_job` is the body the UI runs on a worker (it reads SQLite).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from assistant.answering.answer import Citation
from assistant.conversations.store import ConversationStore, FeedbackRecord, answer_from_json

__all__ = [
    "FeedbackSnapshot",
    "ReviewItem",
    "detail_text",
    "feedback_job",
    "load_feedback",
    "rating_label",
    "review_order",
    "time_label",
]

NEGATIVE = "down"
RATING_LABELS = {"down": "Not helpful", "up": "Helpful"}


def review_order(records: Iterable[FeedbackRecord]) -> list[FeedbackRecord]:
    """Negative feedback first, then positive; newest first within each group (the later
    feedback id first when two were given at the same moment)."""
    newest_first = sorted(records, key=lambda r: (r.created_at, r.feedback_id), reverse=True)
    return sorted(newest_first, key=lambda r: r.rating != NEGATIVE)  # stable: keeps the time order


def rating_label(rating: str) -> str:
    return RATING_LABELS.get(rating, rating)


def time_label(created_at: str) -> str:
    """An ISO time as "2025-01-31 09:12 UTC" (the text itself if it does not parse)."""
    try:
        moment = datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return created_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One feedback row: the stored record and the answer's numbered citations."""

    record: FeedbackRecord
    citations: tuple[Citation, ...] = ()

    @property
    def negative(self) -> bool:
        return self.record.rating == NEGATIVE

    @property
    def feedback_id(self) -> int:
        return self.record.feedback_id

    def cells(self) -> tuple[str, str, str, str, str]:
        """Time, rating, question (redacted), comment, cited documents and versions."""
        r = self.record
        documents = r.documents_label or ("no answer (refused)" if r.refused else "")
        return (
            time_label(r.created_at),
            rating_label(r.rating),
            r.question,
            r.comment,
            documents,
        )


@dataclass(slots=True)
class FeedbackSnapshot:
    """Every feedback row in review order, read at one moment (`taken_at`, monotonic)."""

    items: list[ReviewItem] = field(default_factory=list)
    taken_at: float = 0.0

    def visible(self, negative_only: bool = False) -> list[ReviewItem]:
        return [i for i in self.items if i.negative] if negative_only else list(self.items)

    @property
    def negative_count(self) -> int:
        return sum(i.negative for i in self.items)

    def find(self, feedback_id: int) -> ReviewItem | None:
        return next((i for i in self.items if i.feedback_id == feedback_id), None)


def _citations(store: ConversationStore, exchange_id: int) -> tuple[Citation, ...]:
    exchange = store.get_exchange(exchange_id)
    if exchange is None:  # deleted since the feedback was read
        return ()
    # Only the citations are taken from the saved answer; never the question as typed.
    return tuple(answer_from_json(exchange.answer_json, question="").citations)


def load_feedback(store: ConversationStore, since: str | None = None) -> FeedbackSnapshot:
    """Read every feedback row (from `since`, an ISO date or time, if given) for review."""
    taken_at = time.monotonic()
    records = review_order(store.all_feedback(since))
    items = [ReviewItem(r, _citations(store, r.exchange_id)) for r in records]
    return FeedbackSnapshot(items, taken_at)


def feedback_job(session) -> FeedbackSnapshot:
    """Job body (worker thread): the session's conversation store, read for review."""
    return load_feedback(session.conversations)


def _citation_line(c: Citation) -> str:
    where = c.source
    document = f"{where.doc_id} version {where.version} ({where.source_name})"
    return f"[{c.number}] {c.label()} · {document}"


def detail_text(item: ReviewItem) -> str:
    """The detail pane for a selected row: question, feedback, the answer and its sources."""
    r = item.record
    lines = [
        f"Question (as sent, identifiers removed): {r.question}",
        f"Feedback: {rating_label(r.rating)} · {time_label(r.created_at)}",
    ]
    if r.comment:
        lines.append(f"Comment: {r.comment}")
    lines += ["", "Answer" + (" (refused: no approved document covered it)" if r.refused else "")]
    lines += [r.answer_text or "(no answer text)", ""]
    if item.citations:
        lines.append("Citations")
        lines += [_citation_line(c) for c in item.citations]
    elif r.documents:
        lines.append("Cited documents")
        lines += [doc.label() for doc in r.documents]
    else:
        lines.append("No citations.")
    if r.refused and r.closest:
        lines += ["", "Closest documents", *r.closest]
    if r.mode:
        lines += ["", f"Mode: {r.mode}"]
    return "\n".join(lines)
