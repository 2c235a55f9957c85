"""Identifiers in research, genetics, telehealth and the technical specialties
(assistant.answering.phi): a trial participant's, a transplant's, a blood unit's and an
attendance's numbers, a German insurance number, a portal's user name, a retinal image's
reference, a surname in capitals and given names after a label, an initial and a surname in
small letters after "pt", a name after a trial's "ppt", the town a patient's house is in; and
the words of research that are no identifier (registry numbers, protocol versions and
release dates, factor V Leiden)."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    (
        "randomisation number 17-0456, the participant",
        "randomisation number [ID-1], the participant",
    ),
    ("ctimp ppt (scr 0773) wants a second trial", "ctimp ppt (scr [ID-1]) wants a second trial"),
    ("(recipient number R-2024-0331), wishes", "(recipient number [ID-1]), wishes"),
    ("cord blood unit CBU-SG-00412 banked", "cord blood unit [ID-1] banked"),
    ("A&E no. 2025-ED-44821", "A&E no. [ID-1]"),
    ("(versichertennr. A123456780) - can", "(versichertennr. [ID-1]) - can"),
    ("portal username is bigdave_1958 and he", "portal username is [ID-1] and he"),
    ("User: participant.pwright88 / IP", "User: [ID-1] / IP"),
    ("retinal scan ref OPT-5520-R in the", "retinal scan ref [ID-1] in the"),
    ("Patient: TAN, Boon Keng / Device", "Patient: [NAME-1] / Device"),
    ("serial check for pt m. dubois came back", "serial check for pt [NAME-1] came back"),
    ("ppt rose baker 62 wants her letter", "ppt [NAME-1] 62 wants her letter"),
    ("stolen from his house in Croydon — can", "stolen from his house in [ADDRESS-1] — can"),
]

# Research's own words and numbers: nothing in them is an identifier.
CLEAN = [
    "site number 104 - which pharmacy?",
    "subject 12 of 40 withdrew - replace?",
    "pt w. long term opioids - taper?",
    "references both NCT05567890 and EudraCT 2022-001234-56 - both on the PIS?",
    "Version: 6.0 dated 15 Jan 2025 - implement now?",
    "F5 c.1601G>A (factor V Leiden) het - test relatives?",
    "unavailable 02:00–04:00 on Sunday 12 October for upgrade - fallback?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_research_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_researchs_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
