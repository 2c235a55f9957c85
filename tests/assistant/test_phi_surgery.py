"""Identifiers in surgical, renal, palliative and allied-health questions
(assistant.answering.phi): a full name before a word of time, a bracket or a record's label
(which no eponym's noun follows), a person's house after a possessive, a transplant list's
and a parking badge's numbers, a door code with a letter, a plate after "rego is", a month in
small letters with an ordinal; and the eponyms and units that name no patient."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("can we consent Maria Lopez before surgery?", "can we consent [NAME-1] before surgery?"),
    (
        "recipient Ali Haddad (list no. KX-20931) crossmatch",
        "recipient [NAME-1] (list no. [ID-1]) crossmatch",
    ),
    (
        "bed delivery to Susan Clarke's house on friday",
        "bed delivery to [NAME-1]'s house on friday",
    ),
    ("blue badge no. TP55210B renewal", "blue badge no. [ID-1] renewal"),
    ("door code for the bungalow is B4471", "door code for the bungalow is [ID-1]"),
    ("his van rego is 7XYZ123 - parking?", "his van rego is [ID-1] - parking?"),
    ("lap chole on feb 3rd, still sore", "lap chole on [DATE-1], still sore"),
    ("daughter Lim Wei Ling hp 9123 4567 wants", "daughter [NAME-1] hp [PHONE-1] wants"),
]

CLEAN = [
    "Mohs surgery before radiotherapy - any interval?",
    "Cullen's sign after pancreatitis - urgent CT?",
    "Ronald McDonald House for families of dialysis kids?",
    "Whipple procedure drain output 300 ml at day 10 - normal?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_surgical_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_surgical_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
