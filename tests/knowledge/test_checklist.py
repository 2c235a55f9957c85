"""Checklist form noise is cleaned when a document is parsed: answer-column blocks dropped,
a trailing "Yes No" run cut, roman-numeral items run together put on lines of their own."""

from __future__ import annotations

from knowledge.document import Block
from knowledge.parsing.checklist import clean_checklists


def texts(*lines: str) -> list[str]:
    return [b.text for b in clean_checklists([Block(t) for t in lines])]


def test_answer_column_blocks_are_dropped():
    assert texts("B. Staff show competency.", "Yes No", "Yes No Yes No", "O Not applicable") == [
        "B. Staff show competency."
    ]


def test_a_trailing_yes_no_run_is_cut_and_roman_items_get_their_own_lines():
    cleaned = texts("i. Upon hire, prior to provision of care ii. Annually Yes No Yes No")
    assert cleaned == ["i. Upon hire, prior to provision of care\nii. Annually"]


def test_ordinary_sentences_are_left_alone():
    kept = [
        "Answer yes or no to each question.",
        "Is a second check needed? No.",
        "Vitamin C ii. was not measured in this study.",  # not a list: does not start with one
        "Was the form completed? Yes No If Yes, ensure those elements are evaluated.",
    ]
    assert texts(*kept) == kept


def test_the_infection_checklist_reads_as_items(corpus):
    from knowledge.parsing import parse_file

    doc = parse_file(corpus / "cdc-infection-prevention-outpatient-2016.pdf")
    blocks = [b.text for b in doc.blocks]
    assert "i. Upon hire, prior to provision of care\nii. Annually" in blocks
    assert not any(text.strip() in ("Yes No", "Yes No Yes No") for text in blocks)
