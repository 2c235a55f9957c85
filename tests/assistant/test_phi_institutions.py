"""Identifiers of patients in and from institutions (assistant.answering.phi): the numbers
services give them (EDIPI, service, prisoner, inmate, PNC, client, immigration and insurance
numbers, an SSN's last four), a fingerprint's reference, where they live inside an
institution (a cell, a cabin, a room in a hall of residence), a nickname in quotes, initials
someone goes by, a record's "SURNAME, I.", a date a person's injury gives; and the words of
these settings that are no identifier."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("EDIPI 1402958831 / on TRICARE", "EDIPI [ID-1] / on TRICARE"),
    ("Prisoner No: 91244 / DOB", "Prisoner No: [ID-1] / DOB"),
    ("Inmate: K88241 / escort", "Inmate: [ID-1] / escort"),
    ("PNC ID: 85/112934X / reason", "PNC ID: [ID-1] / reason"),
    ("UCI 11-2233-4455, IFHP cert IFH-88213, new HIV", "UCI [ID-1], IFHP cert [ID-2], new HIV"),
    ("OSHC membership number 8823 4410, living", "OSHC membership number [ID-1], living"),
    ("service number 857421), returned", "service number [ID-1]), returned"),
    ("Last 4: 6620 / Service", "Last 4: [SSN-1] / Service"),
    ("Fingerprint ref (IDENT1): 22Q-778341 / Reason", "Fingerprint ref (IDENT1): [ID-1] / Reason"),
    ("VA ICN 1008844221V773902 — family", "VA ICN [MRN-1] — family"),
    ("Cell: 4B-17 / Q: he", "Cell: [ADDRESS-1] / Q: he"),
    ("Housing: Pod C, cell 112 / Escort", "Housing: Pod C, cell [ADDRESS-1] / Escort"),
    ("cruise ship, cabin 10207, on warfarin", "cruise ship, cabin [ADDRESS-1], on warfarin"),
    ("in res (rm 305, Lakeview Hall) — STI", "in res (rm [ADDRESS-1], [NAME-1]) — STI"),
    ("jockey 'Tiny' Fitzgerald, 33, fell", "jockey '[NAME-1]' [NAME-2], 33, fell"),
    ('calls himself "Dutch" / sleeps', 'calls himself "[NAME-1]" / sleeps'),
    ("pt SWIFTWIND, A.J. (goes by AJ), 44", "pt [NAME-1] (goes by [NAME-2]), 44"),
    (
        "injured during annual training on 6/14/2025 and",
        "injured during annual training on [DATE-1] and",
    ),
]

# These settings' own words and numbers: nothing in them is an identifier.
CLEAN = [
    "inmate numbers are 6 digits?",
    "the service number 2 is engaged - which line?",
    "white cell count 12 - repeat?",
    "side room 12 on ward 4 - isolate?",
    "mandatory training on 6/14/2025 for all staff?",
    "pt NBM, A.M. bloods - when?",
    "Do we have access to Ojibwe and Oji-Cree interpreters through our language line?",
    "Language: Pitjantjatjara - interpreter?",
    "Do Maddocks questions remain valid for concussion assessment?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_patients_in_institutions_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_institutions_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
