"""Identifiers in pre-hospital and emergency questions (assistant.answering.phi): a major
incident's triage tag, a MedicAlert number, an ambulance record's and a dispatch log's
numbers, a vehicle identification number written out, a surname after a police rank typed
small; and an asset tag, which names no patient."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    (
        "major incident, tag T1-0457 on pt in red jacket",
        "major incident, tag [ID-1] on pt in red jacket",
    ),
    ("medic alert no. 448210 on the bracelet", "medic alert no. [ID-1] on the bracelet"),
    ("ePCR number 7734-0921-AB relates", "ePCR number [ID-1] relates"),
    ("CAD: 1104-2211 / Cat 2", "CAD: [ID-1] / Cat 2"),
    (
        "vehicle identification number WDB9066331S123456. Is",
        "vehicle identification number [ID-1]. Is",
    ),
    ("saps sgt mokoena phoned from the station", "saps sgt [NAME-1] phoned from the station"),
]

CLEAN = [
    "Asset tag EQ-004512 is on the bladder scanner - recalibrate?",
    "tag 3 of the bundle - which one?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_prehospital_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_prehospital_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
