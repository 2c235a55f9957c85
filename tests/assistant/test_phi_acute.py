"""Identifiers in the acute specialties' questions (assistant.answering.phi): a month and
year after a birth label, a Korean or Chinese name in its own order, a surname in small
letters after "mr" with a person's context, a bay's number after a surname, an Irish
particle typed without its accent, a name's possessive, a car registered to someone, a name
in small letters or capitals opening the question; and the eponyms of surgery typed small,
which are no name."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("DEMIR Ayse DOB Mar-61, POD1", "[NAME-1] DOB [DOB-1], POD1"),
    ("dob mar 1961, on apixaban", "dob [DOB-1], on apixaban"),
    ("born 03/61 - CKD 4", "born [DOB-1] - CKD 4"),
    ("park ji-hoon 45M on vanc trough 24", "[NAME-1] 45M on vanc trough 24"),
    ("mr price 72 s/p lap chole", "mr [NAME-1] 72 s/p lap chole"),
    ("okafor in 7B s/p whipple POD3", "[NAME-1] in 7B s/p whipple POD3"),
    ("referral for siobhan ni bhriain, ok?", "referral for [NAME-1], ok?"),
    ("liam hale's car still in the carpark", "[NAME-1]'s car still in the carpark"),
    ("in a car registered ZQX-412. Does", "in a car registered [ID-1]. Does"),
    ("oksana hrytsenko renal stepdown, AVF", "[NAME-1] renal stepdown, AVF"),
    ("HOPE MASON post mastectomy drain", "[NAME-1] post mastectomy drain"),
]

# The acute specialties' own words and numbers: nothing in them is an identifier.
CLEAN = [
    "child-pugh B for lap chole - ok as day case?",
    "roux-en-y pt cant swallow big tabs - ok to crush PPI?",
    "born 1/52 ago, jaundiced - SBR threshold?",
    "born 36/40 - glucose checks how often?",
    "mr safe list for the scanner?",
    "morphine mr 30mg bd - switch to oxycodone?",
    "insulin in 2B fridge - how long once opened?",
    "WELLS SCORE is 4 - CTPA or d-dimer?",
    "MAY CAUSE drowsiness - ok to drive?",
    "is the car registered 2 spaces away?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_acute_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_acute_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question


def test_a_name_in_small_letters_does_not_run_on_past_a_comma():
    # "ok" is a surname on the census lists; after a comma it is the question going on
    sent = redact("referral for aoife ni dhomhnaill, ok?").text
    assert sent == "referral for [NAME-1], ok?"
