"""Identifiers in infection-prevention, sexual-health and occupational-health questions
(assistant.answering.phi): clinic, payroll and employee numbers, an NHI in brackets, a day
and month after a weekday or what happened, a month and year after "since" or "back in";
and the eponyms of microbiology, which name no patient."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    (
        "GUM pt, clinic no KQ-2210, partner notified?",
        "GUM pt, clinic no [MRN-1], partner notified?",
    ),
    ("clinic number 5521 - PEP started", "clinic number [MRN-1] - PEP started"),
    ("seen by Tomas Ferreira clinic TB-40213 today", "seen by [NAME-1] clinic [MRN-1] today"),
    ("porter, payroll no. 551902, splash to eye", "porter, payroll no. [ID-1], splash to eye"),
    ("HCA emp XR-20931 needs hep B titre", "HCA emp [ID-1] needs hep B titre"),
    ("new starter (EMP-30412) varicella neg", "new starter ([ID-1]) varicella neg"),
    ("filed under NHI (QWE4471) by mistake", "filed under NHI ([ID-1]) by mistake"),
    ("diarrhoea from Tuesday 3/9, stool sent", "diarrhoea from Tuesday [DATE-1], stool sent"),
    ("exposed 22/11 at the party", "exposed [DATE-1] at the party"),
    ("his MRSA swab back in Mar 2021 was positive", "his MRSA swab back in [DATE-1] was positive"),
    ("camping in Wales Aug 3-9, tick bite", "camping in Wales [DATE-1], tick bite"),
]

CLEAN = [
    "Lowenstein-Jensen culture: how long before it is reported negative?",
    "Lancefield group G strep in a wound - isolate?",
    "Jarisch-Herxheimer reaction: warn before treating syphilis?",
    "Lemierre's after a sore throat - notifiable?",
    "Mayo Clinic 2023 review on C. diff recurrence - does it change our policy?",
    "the clinic 2 is on level 3 - is it a negative pressure room?",
    "Did the May 2020-2024 audit cover hand hygiene?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_public_health_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_public_health_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
