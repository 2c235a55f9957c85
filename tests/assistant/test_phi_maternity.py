"""Identifiers in maternity, neonatal, paediatric, mental-health and emergency questions
(assistant.answering.phi): a baby named by its mother's surname, a nickname asked for in
quotes, a day and month written with its zero, police and safeguarding references, an
Australian tax file number, a plate without its label; and the clinical words of those
wards that are no identifier."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    (
        "BO king - cord pH 7.08, refer for cooling?",
        "BO [NAME-1] - cord pH 7.08, refer for cooling?",
    ),
    (
        "ED: Jasmine, 16, says to call her 'Jazz' and won't give a surname",
        "ED: [NAME-1], 16, says to call her '[NAME-2]' and won't give a surname",
    ),
    ('he goes by "Bee" on the unit', 'he goes by "[NAME-1]" on the unit'),
    ("Gave birth at home 10/09, BP 168/110", "Gave birth at home [DATE-1], BP 168/110"),
    ("returned by police\nCAD 1123 14/05", "returned by police\nCAD [ID-1] [DATE-1]"),
    ("case ref TU-DUB-2025-0772 for the social worker", "case ref [ID-1] for the social worker"),
    ("crime no. 01/55123/24 and custody number 4471", "crime no. [ID-1] and custody number [ID-2]"),
    ("pt's TFN 123 456 782 was on the form", "pt's TFN [SSN-1] was on the form"),
    ("the car that dropped her off: KX21 PLO.", "the car that dropped her off: [ID-1]."),
    ("we saw the Joneses.", "we saw the [NAME-1]."),  # a family after "the" is no place
]

# Clinical text of these wards: nothing in it is an identifier.
CLEAN = [
    "BO normal today, BO x2 - still on lactulose?",
    "hx CAD 3 vessel, CAD 2019 - aspirin before the scan?",
    "GCS 14/15 at 36/40, 2/52 post-op: policy updated 10/05",
    "Lethargic and mottled\nAge 18 months\nQ: first fluid bolus?",
    "Unknown Male, approx 30 - what name goes on the wristband?",
    "Plaster of Paris backslab for a buckle fracture in a 6yo?",
    "Are Kielland forceps still used, or only Neville Barnes?",
    "Sudocrem or Bepanthen for nappy rash on the NNU?",
    "Are the Bliss volunteers allowed to hold babies, on the Bliss-recommended cuddle times?",
    "Finnegan 8, 8 and 9 on consecutive scores: oral morphine dose?",
    "Broselow tape - purple is roughly 10-11kg",
    "Parvolex or the SNAP regimen? Denzapine, Zaponex and Clozaril monitoring?",
    "Samaritans or Shout for a young person? Does a Pieta referral need the GP?",
    "Do we need Caldicott guardian approval to share ED notes?",
    "Are the Moro and rooting reflexes documented on the NIPE?",
    "Postnatal readmission to the Rosie: do we use MEOWS?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_these_wards_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_clinical_text_of_these_wards_is_left_as_it_is(question):
    assert redact(question).text == question
