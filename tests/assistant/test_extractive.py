"""Offline sentence selection (assistant.extractive): verbatim, value-aware, in reading order."""

from __future__ import annotations

from assistant.extractive import select_sentences
from knowledge.retrieval import Passage


def passage(text: str, similarity: float = 0.7) -> Passage:
    return Passage(
        chunk_id="c1",
        text=text,
        doc_id="d",
        version_id="v",
        version=1,
        title="Sick day rules",
        source_name="sick.pdf",
        source_path="/x/sick.pdf",
        section="Sick days",
        page_start=48,
        page_end=48,
        position_start=0,
        position_end=0,
        char_start=0,
        char_end=len(text),
        approved_at="2026-01-01",
        similarity=similarity,
    )


SICK_DAYS = (
    "Take care of yourself when you are sick.\n"
    "Check your blood glucose level every 4 hours.\n"
    "Drink at least one cup (8 ounces) of water or other calorie-free liquid every hour.\n"
    "Keep taking your diabetes medicines."
)


def test_a_how_much_question_prefers_the_sentence_with_an_amount():
    # "when sick" is not a "when" question: the amount, not the 4-hour interval, answers it.
    chosen = select_sentences(
        "How much fluid should a patient drink when sick?", [passage(SICK_DAYS)]
    )
    best = max(chosen, key=lambda e: e.score)
    assert best.text.startswith("Drink at least one cup (8 ounces)")


def test_extracts_are_verbatim_spans_in_reading_order():
    p = passage(SICK_DAYS)
    chosen = select_sentences("How often should blood glucose be checked when sick?", [p])
    assert chosen and all(p.text[e.start : e.end].strip() == e.text for e in chosen)
    assert [e.start for e in chosen] == sorted(e.start for e in chosen)
    assert any("every 4 hours" in e.text for e in chosen)
