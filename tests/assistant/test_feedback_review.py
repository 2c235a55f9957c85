"""Feedback review (no Qt): the rows the admin desk's feedback page shows, in review order
(negative first, newest first within each group), with each answer's citations."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from assistant.answering.answer import Answer, Citation
from assistant.conversations.feedback_review import (
    detail_text,
    load_feedback,
    rating_label,
    review_order,
    time_label,
)
from assistant.conversations.store import CitedDocument, ConversationStore, FeedbackRecord
from knowledge.provenance import Provenance


class Clock:
    def __init__(self):
        self.now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def citation(number: int, doc_id: str, version: int, page: int | None = None) -> Citation:
    return Citation(
        number=number,
        passage="passage text",
        source=Provenance(
            chunk_id=f"{doc_id}-chunk",
            doc_id=doc_id,
            version_id=f"{doc_id}@v{version}",
            version=version,
            title=doc_id.replace("-", " ").title(),
            source_name=f"{doc_id}.pdf",
            source_path=f"/docs/{doc_id}.pdf",
            section="Dosing",
            page_start=page,
            page_end=page,
            position_start=0,
            position_end=1,
            char_start=0,
            char_end=10,
            approved_at="2025-01-02T00:00:00+00:00",
        ),
    )


def answer(question: str, sent: str, text: str, citations: list[Citation]) -> Answer:
    return Answer(question=question, sent_question=sent, text=text, citations=citations)


@pytest.fixture
def store(isolated_home):
    store = ConversationStore.in_home(isolated_home, clock=Clock())
    yield store
    store.close()


def record(feedback_id: int, rating: str, created_at: str) -> FeedbackRecord:
    return FeedbackRecord(
        feedback_id=feedback_id,
        exchange_id=feedback_id,
        conversation_id=1,
        rating=rating,
        comment="",
        question=f"q{feedback_id}",
        answer_text="",
        refused=False,
        mode="",
        documents=[],
        closest=[],
        created_at=created_at,
    )


def test_review_order_is_negative_first_then_newest_first_whatever_the_input_order():
    records = [
        record(1, "up", "2025-03-01T08:01:00+00:00"),
        record(2, "down", "2025-03-01T08:02:00+00:00"),
        record(3, "up", "2025-03-01T08:03:00+00:00"),
        record(4, "down", "2025-03-01T08:04:00+00:00"),
        record(5, "down", "2025-03-01T08:04:00+00:00"),  # same moment: the later id first
        record(6, "up", "2025-02-28T23:59:00+00:00"),
    ]
    expected = [5, 4, 2, 3, 1, 6]
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert [r.feedback_id for r in review_order(shuffled)] == expected
    assert review_order([]) == []


def test_load_feedback_lists_stored_feedback_in_review_order_with_citations(store):
    conversation = store.create()
    rows = []
    for n in range(4):
        rows.append(
            store.add_exchange(
                conversation.id,
                f"Mrs Jane Smithson question {n}",
                answer(
                    f"Mrs Jane Smithson question {n}",
                    f"[NAME-1] question {n}",
                    f"Answer {n} [1].",
                    [citation(1, f"policy-{n}", n + 1, page=n + 2)],
                ),
            )
        )
    # Given in this order: up, down, up, down (one minute apart).
    store.set_feedback(rows[0].id, "up", "fine")
    store.set_feedback(rows[1].id, "down", "wrong dose")
    store.set_feedback(rows[2].id, "up")
    store.set_feedback(rows[3].id, "down", "missing the paediatric table")

    snapshot = load_feedback(store)
    assert [i.record.exchange_id for i in snapshot.items] == [
        rows[3].id,
        rows[1].id,
        rows[2].id,
        rows[0].id,
    ]
    assert [i.record.exchange_id for i in snapshot.visible(negative_only=True)] == [
        rows[3].id,
        rows[1].id,
    ]
    assert snapshot.negative_count == 2 and len(snapshot.visible()) == 4

    newest_negative = snapshot.items[0]
    time_cell, rating_cell, question_cell, comment_cell, documents_cell = newest_negative.cells()
    assert rating_cell == "Not helpful" and comment_cell == "missing the paediatric table"
    assert question_cell == "[NAME-1] question 3"  # the redacted question, never the typed one
    assert documents_cell == "policy-3 v4 (p. 5)"
    assert time_cell.endswith("UTC") and time_cell.startswith("2025-03-01")
    assert [c.number for c in newest_negative.citations] == [1]

    detail = detail_text(newest_negative)
    assert "Answer 3 [1]." in detail
    assert "[1] Policy 3 (v4) — Dosing — p. 5 · policy-3 version 4" in detail
    assert "missing the paediatric table" in detail
    for item in snapshot.items:
        assert "Smithson" not in detail_text(item) and "Smithson" not in " ".join(item.cells())


def test_a_second_rating_moves_the_row_and_a_refusal_says_so(store):
    conversation = store.create()
    refused = Answer(
        question="fire routes?",
        sent_question="fire routes?",
        text="No approved document covers this question.",
        citations=[],
        refused=True,
    )
    first = store.add_exchange(conversation.id, "fire routes?", refused)
    second = store.add_exchange(
        conversation.id, "dose?", answer("dose?", "dose?", "Give 5 mg [1].", [citation(1, "d", 2)])
    )
    store.set_feedback(first.id, "down")
    store.set_feedback(second.id, "down")
    assert [i.record.exchange_id for i in load_feedback(store).items] == [second.id, first.id]
    store.set_feedback(first.id, "down", "still missing")  # replaced: now the newest
    items = load_feedback(store).items
    assert [i.record.exchange_id for i in items] == [first.id, second.id]
    assert items[0].cells()[4] == "no answer (refused)"
    assert "refused" in detail_text(items[0]) and "No citations." in detail_text(items[0])
    store.set_feedback(first.id, "up")
    assert [i.record.exchange_id for i in load_feedback(store).items] == [second.id, first.id]


def test_labels():
    assert rating_label("down") == "Not helpful" and rating_label("up") == "Helpful"
    assert time_label("2025-01-31T09:12:03.120000+00:00") == "2025-01-31 09:12 UTC"
    assert time_label("2025-01-31T10:12:03+01:00") == "2025-01-31 09:12 UTC"
    assert time_label("not a time") == "not a time"
    assert CitedDocument("d", 2, "D", "").label() == "d v2"
