"""Identifiers in pharmacy and medicines questions (assistant.answering.phi): numbers written
out in words (National Health Index, Personal Public Service), an insurer's "ID of", a
delivery app's "vehicle=", an incident report's number; and the batches of medicines and
vaccines, which name no patient (an implant's lot does)."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (input, exact redacted output)
REDACTED = [
    ("National Health Index number PRT8823, has", "National Health Index number [ID-1], has"),
    (
        "Personal Public Service Number, 8123456TA, appears",
        "Personal Public Service Number, [SSN-1], appears",
    ),
    ("has a Medicaid ID of JK48201T and", "has a Medicaid ID of [ID-1] and"),
    ("driver=van 2; vehicle=1HT 7QP; track", "driver=van 2; vehicle=[ID-1]; track"),
    (
        "(incident report number IR-2024-08817) involving",
        "(incident report number [ID-1]) involving",
    ),
    (
        "hip implant lot 0498-225-11 recalled, do we tell him",
        "hip implant lot [ID-1] recalled, do we tell him",
    ),
    (
        "Component: femoral\nLot: 22K09-114\nimplanted 2023",
        "Component: femoral\nLot: [ID-1]\nimplanted 2023",
    ),
]

# Pharmacy's own words and numbers: nothing in them is an identifier.
CLEAN = [
    "insulin aspart x10 (lot 3P7K9), insulin glargine x6 (lot LG2281) - discard after 4 h at 14°C?",
    "Boostrix-IPV — lot A54CB128 — exp 06/2025 - use within 30 days of expiry?",
    "Troponin I assay reagent lot 88231 failed QC - re-run?",
    "vehicle fleet 2 vans - CD transport rules?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_identifiers_of_pharmacy_work_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_pharmacys_own_words_are_left_as_they_are(question):
    assert redact(question).text == question
