"""Identifiers in community, care-home and clinic questions (assistant.answering.phi):
prescription, booking and practice-system references, the code to a patient's door, a
visit's or an appointment's date, a date in a photo's file name, the first of two days of
one month, a street where someone lives, a surname in capitals on a pharmacy label; and
the scores, codes and words of that work that are no identifier."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    (
        "made up by the pharmacy, Rx ref 55-091827. Her",
        "made up by the pharmacy, Rx ref [ID-1]. Her",
    ),
    ("Charcot foot, ref POD-33418, photos attached", "Charcot foot, ref [ID-1], photos attached"),
    ("EMIS no. 400321 - died at home", "EMIS no. [MRN-1] - died at home"),
    (
        "stairs assessment, buzzer code 1702. Post-stroke",
        "stairs assessment, buzzer code [ID-1]. Post-stroke",
    ),
    ("key safe 4471 by the back door", "key safe [ID-1] by the back door"),
    ("Visit note 09/12 - wound larger", "Visit note [DATE-1] - wound larger"),
    (
        "HIV VL 1200, clinic appt 12/12, on 2nd line",
        "HIV VL 1200, clinic appt [DATE-1], on 2nd line",
    ),
    ("photos named 'foot_20240302.heic' - usable?", "photos named 'foot_[DATE-1].heic' - usable?"),
    ("attempted the visit on 8th and 9th Jan", "attempted the visit on [DATE-1] and [DATE-2]"),
    (
        "discharged home, lives 42 kingfisher way. flexion 70",
        "discharged home, lives [ADDRESS-1]. flexion 70",
    ),
]

# Community work's own words and numbers: nothing in them is an identifier.
CLEAN = [
    "ref: ED-PGD-07, valid for two years?",
    "5 mm 31G needles (REF 320118) or 8 mm?",
    "see ref 12 in the guideline",
    "access 2000 units of heparin per what?",
    "door 3 to theatre or the lift?",
    "2nd and 3rd line agents in HIV",
    "Waterlow 12, MUST 0, Braden 19, Barthel 85 - low risk?",
    "Barthel 20/100 - nursing care funding?",
    "DR ABC approach to the collapsed resident",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_community_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_community_works_own_words_are_left_as_they_are(question):
    assert redact(question).text == question


def test_a_surname_in_capitals_after_a_title_on_a_label_is_a_name():
    sent = redact("label reads 'MRS E. HUNTER - MORPHINE SULFATE 10MG/5ML'").text
    assert "HUNTER" not in sent and "MORPHINE SULFATE" in sent
