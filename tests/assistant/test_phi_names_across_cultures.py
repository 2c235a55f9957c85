"""Identifiers and look-alikes in questions about patients from many naming traditions
(assistant.answering.phi): a serial after "ser. no.", a day and month after an MDT; and the
words of other languages and traditions that name no patient (a grandfather in Māori, a
greeting, a folk remedy, principles and duties named after people, eponyms joined by a
hyphen, a calendar's name)."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("CGM ser. no. 3MH0047KQ for the pt on 4B", "CGM ser. no. [ID-1] for the pt on 4B"),
    ("Breast MDT 21/10 - 3 new cases", "Breast MDT [DATE-1] - 3 new cases"),
]

CLEAN = [
    "kikuchi-fujimoto disease - is a biopsy needed?",
    "can we say karakia for my koro before theatre?",
    "kia ora - where do whānau wait?",
    "what does Joyce's Principle ask of us?",
    "coining (cao gio) or bruising?",
    "is the Tarasoff duty law here?",
    "Zam-Buk on a fresh scar - ok?",
    "a DOB in the Jalali calendar - how to convert?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_in_questions_across_cultures_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_words_of_other_traditions_are_left_as_they_are(question):
    assert redact(question).text == question
