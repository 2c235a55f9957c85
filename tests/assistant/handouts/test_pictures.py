"""Picture spaces: beside the steps that show an amount or size to measure, a few per handout."""

from __future__ import annotations

import pytest

from assistant.handouts.handout import DO, KNOW, HandoutLine, HandoutSection
from assistant.handouts.pictures import MAX_PICTURES, picture_subject, wanted, with_pictures
from knowledge.provenance import Provenance

SOURCE = Provenance(
    chunk_id="c1", doc_id="d", version_id="d@v1", version=1, title="T", source_name="t.md"
)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("3 or 4 glucose tablets", "3 or 4 glucose tablets"),
        ("1/2 cup (4 ounces) of any fruit juice", "1/2 cup (4 ounces) of any fruit juice"),
        ("1 tablespoon of sugar or honey", "1 tablespoon of sugar or honey"),
        (
            "Drink at least one cup (8 ounces) of water every hour.",
            "one cup (8 ounces) of water every hour",
        ),
        ("A serving of meat is about the size of your palm.", "about the size of your palm"),
        ("Check your blood glucose every 4 hours.", ""),  # a time, not an amount to measure
        ("Take 500 mg twice a day.", ""),  # a dose on the label: no household measure
        ("Wash your hands for 20 seconds.", ""),
    ],
)
def test_the_subject_is_the_amount_the_line_shows(text, subject):
    assert picture_subject(text) == subject


def _lines(*texts):
    return tuple(HandoutLine(t, SOURCE, t, 3.0, step=True) for t in texts)


def test_spaces_go_to_the_first_steps_with_amounts_and_never_to_background():
    do = HandoutSection(
        DO,
        _lines(
            "Check your blood glucose.",
            "3 or 4 glucose tablets",
            "1/2 cup (4 ounces) of any fruit juice",
            "1 cup (8 ounces) of milk",
            "5 or 6 pieces of hard candy",
        ),
    )
    know = HandoutSection(KNOW, _lines("A serving is 1 cup of milk."))
    sections = with_pictures((do, know), True)
    marked = [ln.picture for s in sections for ln in s.lines if ln.picture]
    assert marked == [
        "3 or 4 glucose tablets",
        "1/2 cup (4 ounces) of any fruit juice",
        "1 cup (8 ounces) of milk",
    ]
    assert len(marked) == MAX_PICTURES
    assert len(wanted(sections)) == 4  # the candy too: the check says it has no space
    assert [ln.text for ln in sections[0].lines] == [ln.text for ln in do.lines]  # text untouched
    assert not any(ln.picture for ln in with_pictures(sections, False)[0].lines)
