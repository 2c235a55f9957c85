"""Identifiers in outpatient, imaging and children's-services questions
(assistant.answering.phi): a Malaysian identity card's number, an imaging accession after
"acc#", a laboratory number, a hearing aid's serial, a day and month after a time of day, a
meeting or "today (", a record's number after a bare "#", an intake's and an appeal's
numbers, "I am 91", children listed with their ages; and the department lines, eponyms and
organisations that name no patient."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("Lim Chee Keong IC 550302-14-5127 for cataract", "[NAME-1] IC [SSN-1] for cataract"),
    ("MRI knee acc# MR-25-004417 reported?", "MRI knee acc# [ID-1] reported?"),
    ("histology lab no. B25-11872 not back", "histology lab no. [ID-1] not back"),
    ("her hearing aid serial 22K8810 is broken", "her hearing aid serial [ID-1] is broken"),
    ("booked 9am 12/6 for the ABR", "booked 9am [DATE-1] for the ABR"),
    ("strategy meeting 18/2 - who attends?", "strategy meeting [DATE-1] - who attends?"),
    ("she collapsed in class today (4/11).", "she collapsed in class today ([DATE-1])."),
    ("- Aaron Blake, 15, #Y-25-01133, refusing", "- [NAME-1], 15, #[ID-1], refusing"),
    ("DCFS intake no. 250119-0388 - report?", "DCFS intake no. [ID-1] - report?"),
    ("tribunal appeal HX/2025/0417 evidence", "tribunal appeal [ID-1] evidence"),
    ("I'm 93 and on my own - who can help?", "I'm [AGE-90+] and on my own - who can help?"),
    (
        "ENT list: siobhan (5), mere (7), piper (4) - fasting?",
        "ENT list: [NAME-1] (5), [NAME-2] (7), [NAME-3] (4) - fasting?",
    ),
]

CLEAN = [
    "the main switchboard number 020 7188 7188 - ok for rebooking?",
    "phone triage line 01 409 2000 - open at night?",
    "Royal College of Ophthalmologists guidance on intravitreal injections",
    "Ministry of Health Malaysia referral criteria for cochlear implants",
    "report a contrast reaction on a Yellow Card?",
    "goldmann applanation prism cleaning",
    "Jordan's Principle funding for a hearing aid?",
    "still do the Whooley questions at 6 weeks?",
    "twins both booked for the same GA list - ok?",
    "scores: Wells (4), Centor (3) - next step?",
    "fracture clinic for a #NOF review",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_outpatient_and_childrens_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_outpatient_and_childrens_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
