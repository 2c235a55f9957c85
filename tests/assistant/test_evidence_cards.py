"""Evidence cards on fixed passages (no model, no store): what a card shows, how neighbouring
chunks are joined exactly, how a lead-in brings what it introduces, and how each shell lays
the card out from the same lines."""

from __future__ import annotations

from dataclasses import replace

from fakes import provenance

from assistant.answering.answer import CARDS, Answer
from assistant.answering.evidence_builder import EvidenceBuilder
from assistant.answering.evidence_html import cards_html
from assistant.answering.evidence_layout import (
    ITEM,
    LEAD_IN,
    ROW,
    TEXT,
    card_lines,
    cards_text,
    short_section,
)
from knowledge.provenance import Provenance
from knowledge.retrieval import Passage, RetrievalResult

# One document's canonical text; chunks are exact slices of it (as the chunker cuts them).
DOC = (
    "Neurological observations start after any unwitnessed fall. Follow this schedule:"
    "\n\nTime after the fall | Frequency"
    "\n\nFirst hour | Every 15 minutes\n\nNext 2 hours | Every 30 minutes"
    "\n\nNext 4 hours | Every hour\n\nThen until 24 hours | Every 4 hours"
)
SCHEDULE_AT = DOC.index("Time after")


def chunk(start: int, end: int, index: int, section: str, similarity: float = 0.6) -> Passage:
    return Passage(
        text=DOC[start:end],
        similarity=similarity,
        source=provenance(
            "falls",
            title="Falls Prevention Policy",
            section=section,
            page_start=3,
            page_end=3,
            chunk_id=f"c{index}",
            position_start=index,
            position_end=index,
            char_start=start,
            char_end=end,
            chunk_index=index,
        ),
    )


FIRST = chunk(0, SCHEDULE_AT - 2, 0, "Falls Prevention Policy > 9. Neurological observations")
TABLE = chunk(SCHEDULE_AT, len(DOC), 1, "Falls Prevention Policy > 9. Neurological observations")


class Following:
    """A retriever that knows only the chunk after FIRST."""

    def following(self, source: Provenance) -> Passage | None:
        return TABLE if source.chunk_index == 0 else None


def test_a_lead_in_at_a_chunks_end_brings_the_table_it_introduces_whole():
    question = "What must start after an unwitnessed fall?"
    evidence = EvidenceBuilder(Following()).build(RetrievalResult(question, [FIRST]))
    (card,) = evidence.citations
    assert card.passage == DOC  # exactly the document's text from the first to the last row
    assert (card.source.char_start, card.source.char_end) == (0, len(DOC))
    rows = [line for line in card_lines(card.passage, card.quotes) if line.kind == ROW]
    assert [r.cells()[1] for r in rows] == [
        "Frequency", "Every 15 minutes", "Every 30 minutes", "Every hour", "Every 4 hours"
    ]  # fmt: skip


def test_neighbouring_chunks_become_one_card_and_their_overlap_is_said_once():
    overlap_start = DOC.index("Follow this schedule:")
    second = chunk(overlap_start, len(DOC), 1, FIRST.source.section, similarity=0.5)
    question = "When do neurological observations start, and how often in the first hour?"
    result = RetrievalResult(question, [second, FIRST])
    evidence = EvidenceBuilder(None).build(result)
    assert len(evidence.citations) == 1
    assert evidence.citations[0].passage == DOC and DOC.count("Follow this schedule:") == 1


def test_chunks_that_cannot_be_joined_exactly_stay_separate_cards():
    where = replace(TABLE.source, char_start=TABLE.source.char_start + 40, section="Other > Else")
    far = replace(TABLE, source=where)
    question = "How often are neuro observations after an unwitnessed fall?"
    evidence = EvidenceBuilder(None).build(RetrievalResult(question, [FIRST, far]))
    assert all(c.passage in (FIRST.text, far.text) for c in evidence.citations)


def test_card_lines_keep_the_kind_of_each_line_and_mark_the_quotes():
    passage = "Wash hands:\n\n1. before contact;\n\na | b\n\nThen dry them. Do not rub."
    lines = card_lines(passage, ["Then dry them."])
    assert [line.kind for line in lines] == [LEAD_IN, ITEM, ROW, TEXT]
    assert lines[3].pieces() == [("Then dry them.", True), (" Do not rub.", False)]


def test_a_short_section_is_the_last_two_levels_in_sentence_case():
    path = "GUIDE TO INFECTION PREVENTION > FUNDAMENTAL ELEMENTS NEEDED > Hand Hygiene"
    assert short_section(path) == "Fundamental elements needed > Hand Hygiene"
    assert short_section("Policy > PCA") == "Policy > PCA"  # short capitals are acronyms


def test_the_chat_and_the_text_show_the_same_card_and_escape_document_text():
    passage = "Give <b>10 mg</b> [2] then <script>x</script> | reassess"
    question = "What dose to give then reassess?"
    p = replace(
        FIRST, text=passage, source=replace(FIRST.source, char_end=len(passage), chunk_index=-1)
    )
    evidence = EvidenceBuilder(None).build(RetrievalResult(question, [p]))
    answer = Answer(question, question, cards_text("", evidence.citations), evidence.citations)
    answer.layout = CARDS
    rendered = cards_html(answer)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "[1] Falls Prevention Policy (v1)" in answer.text and passage in answer.text


def test_a_citation_names_the_printed_page_beside_the_physical_one():
    from knowledge.provenance import pages_label

    assert pages_label(46, 46, "44", "44") == "p. 46 (printed 44)"
    assert pages_label(46, 47, "44", "45") == "pp. 46–47 (printed 44–45)"
    assert pages_label(3, 3) == "p. 3" and pages_label(None) == ""
    where = replace(FIRST.source, page_start=46, page_end=46, page_label_start="44", chunk_index=-1)
    labelled = replace(FIRST, source=where)
    question = "What must start after an unwitnessed fall?"
    card = EvidenceBuilder(None).build(RetrievalResult(question, [labelled]))
    assert "p. 46 (printed 44)" in cards_text("", card.citations)
