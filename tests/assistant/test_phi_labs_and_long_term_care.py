"""Identifiers in laboratory, transfusion, mortuary and long-term-condition questions
(assistant.answering.phi): a lab number with dots, an in-patient number after "ip no", a
month and year after "transfused", "died at 93", a month's short name with two digits, a
result's date in brackets, a day and month after "downloaded" or a trip, a Singapore
postcode, a message's signature, an Irish surname after "mrs"; and the organisations,
hospitals, freephone numbers and wards that name no patient."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("lab no B25.0041187 haemolysed again", "lab no [ID-1] haemolysed again"),
    ("ip no GH/2025/004471 needs a redraw", "ip no [MRN-1] needs a redraw"),
    ("last transfused 11/2023 elsewhere", "last transfused [DATE-1] elsewhere"),
    ("father died at 93 - can she see the PM?", "father died at [AGE-90+] - can she see the PM?"),
    ("INR 2.1 in feb 24, 3.4 mar 24 - dose?", "INR 2.1 in [DATE-1], 3.4 [DATE-2] - dose?"),
    ("HbA1c 71 (Oct 2024) then 64", "HbA1c 71 ([DATE-1]) then 64"),
    ("hba1c 77 (9/3) on metformin", "hba1c 77 ([DATE-1]) on metformin"),
    ("CPAP data downloaded 12/5, leak high", "CPAP data downloaded [DATE-1], leak high"),
    ("Can the infusion move?\nThanks,\nKwabena", "Can the infusion move?\nThanks,\n[NAME-1]"),
    ("mrs o'dwyer on warfarin, INR 6", "mrs [NAME-1] on warfarin, INR 6"),
]

CLEAN = [
    "guideline v4.2 (Sept 2023) still current?",
    "Hunter New England pathology release policy",
    "Australian Red Cross Lifeblood advice on O negative stock",
    "groote schuur blood bank after hours",
    "the NHS Organ Donor Register opt-out",
    "is the hub number 0300 123 4567 staffed at night?",
    "Diabetes Australia helpline 1800 637 700 hours",
    "admit to the Bishop Ward short-stay unit?",
    "dolby vivisol oxygen order form",
    "Thanks\nPharmacy Team",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_laboratory_and_long_term_care_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_laboratory_and_long_term_cares_own_words_are_left_as_they_are(question):
    assert redact(question).text == question


def test_a_singapore_postcode_after_the_town_is_redacted():
    text = redact("delivery to Blk 412 Ang Mo Kio Ave 10, Singapore 560412 ok?").text
    assert "560412" not in text and "Singapore" in text
