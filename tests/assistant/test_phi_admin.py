"""Identifiers in the questions of the staff beside the clinicians (assistant.answering.phi):
record numbers written in groups with slashes, complaint and incident references, national
health insurance numbers and an insurer's approval, postcodes of India, Australia and New
Zealand after a town, a day and a month in small letters, a name in capitals after a form's
label, West African and South Asian honorifics, the name someone goes by in brackets, a name
with Yoruba's combining accents; and the words of hospital administration that are no
identifier."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("hosp no GGH/22/1457, address", "hosp no [MRN-1], address"),
    ("Folder: 37/5521", "Folder: [MRN-1]"),
    ("MRD No: AH-MRD-661208", "MRD No: [MRN-1]"),
    ("reg no 2024-OPD-55178, came", "reg no [MRN-1], came"),
    (
        "A complaint (reference CMP/LASUTH/24/119) was lodged",
        "A complaint (reference [ID-1]) was lodged",
    ),
    ("Grievance G-2024-0412 from", "Grievance [ID-1] from"),
    ("the incident report (RL6 #2024-5512) can", "the incident report (RL6 #[ID-1]) can"),
    (
        "NHIA no 21100488712/0, hmo approval code AXA/PA/88312.",
        "NHIA no [ID-1], hmo approval code [ID-2].",
    ),
    (
        "going home to Flat 204, Shanti Niwas, Kothrud, Pune 411038, son",
        "going home to [ADDRESS-1], [ADDRESS-2], [NAME-1], [NAME-2] [ADDRESS-3], son",
    ),
    ("of 12 Marine Parade, Napier 4110, received", "of [ADDRESS-1], received"),
    ("hosp no H0938271, appt 12 nov 10:30 ortho", "hosp no [MRN-1], appt [DATE-1] 10:30 ortho"),
    ("Patient: JOY FIELDING  DOB 03/04/1951", "Patient: [NAME-1]  DOB [DOB-1]"),
    ("Re: Request for report – Alhaji Musa Bello Danjuma", "Re: Request for report – [NAME-1]"),
    ("mrs mcallister (isobel) dob 17.8.39 - d/c", "mrs [NAME-1] dob [DOB-1] - d/c"),
    ("dictation says 'Olúwadámilọ́lá Ògúnlànà' — pt", "dictation says '[NAME-1]' — pt"),
    ("clerk - patrick is asking", "clerk - [NAME-1] is asking"),
    # a word in brackets after a name is its own: "(deaf)" says how to talk to her
    (
        "mrs mcallister (deaf) needs a BSL interpreter",
        "mrs [NAME-1] (deaf) needs a BSL interpreter",
    ),
]

# Hospital administration's own words and numbers: nothing in them is an identifier.
CLEAN = [
    "reference range 3.5-5.0 for potassium?",
    "Internal memo ref PHARM/2024/112: switch IV paracetamol to oral?",
    "complaint 2 of 3 this month - escalate?",
    "6 dec in BP after the bolus - repeat?",
    "Oxygen cylinder left in the corridor near Victoria Block — incident?",
    "A wallet was handed in at the Florence Block entrance at 14:30.",
    "hand hygiene score for October was 87% - action plan?",
    "is a 16-year-old automatically Gillick competent?",
    "Category: Information governance | Harm: None - report to IG?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_administration_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_administrations_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
