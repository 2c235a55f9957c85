"""Identifiers in pasted tables and record fields (assistant.answering.phi_tables and the
rules beside it): the cells under a bed board's or a sign-out list's identifying headings,
pipe- or tab-separated, an address field to the end of its line, a health-card number after
"HCN", a day and month after "d/c'd" or an assessment; and the tables and fields that hold
no identifier."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact
from assistant.answering.phi_tables import table_cells

BED_BOARD = (
    "BED|PT|URN|AGE|MOBILITY\n"
    "4A|Mr K. Osei-Bonsu|771204|81|frame\n"
    "4B|vacant|-|-|-\n"
    "4C|Mrs Ngaire Tapsell|771388|96|hoist\n"
    "Which of these need a falls sensor?"
)


def test_a_bed_boards_identifying_cells_are_redacted_and_nothing_else():
    assert redact(BED_BOARD).text == (
        "BED|PT|URN|AGE|MOBILITY\n"
        "4A|Mr [NAME-1]|[MRN-1]|81|frame\n"
        "4B|vacant|-|-|-\n"
        "4C|Mrs [NAME-2]|[MRN-2]|[AGE-90+]|hoist\n"
        "Which of these need a falls sensor?"
    )


def test_a_tab_separated_list_with_a_dob_column_is_read_by_its_heading():
    text = "MRN\tNAME\tDOB\tROOM\n20931\tLEUNG, KA MAN\t02/03/1950\t12\nok?"
    kinds = [(text[c.start : c.end], c.kind) for c in table_cells(text)]
    assert kinds == [("20931", "MRN"), ("LEUNG, KA MAN", "NAME"), ("02/03/1950", "DOB")]


@pytest.mark.parametrize(
    "text",
    [
        "Drug|Dose|Route|Frequency\nparacetamol|1 g|PO|QDS\nok?",
        "Score|Points|Action\nNEWS2 5|2|escalate\nright?",
        "Ward|Beds|Open\n4A|28|yes\nhow many?",
    ],
)
def test_a_table_without_identifying_headings_gives_no_cells(text):
    assert table_cells(text) == []


# (input, exact redacted output)
REDACTED = [
    (
        "Address: Flat 2, 14 Lane Road, Kothrud, Pune 411038\nDx: CAP",
        "Address: [ADDRESS-1]\nDx: CAP",
    ),
    ("pt hcn 4412 908 115 fell at home", "pt hcn [MRN-1] fell at home"),
    ("mrs kerrigan d/c'd 2/5, back in 4/5", "mrs [NAME-1] d/c'd [DATE-1], back in [DATE-2]"),
    ("capacity at last assessment 19/8", "capacity at last assessment [DATE-1]"),
]

CLEAN = [
    "Address: as on the GP letter - is that enough for transport?",
    "What are the indications for a Ryle's tube?",
    "email address: which one for the pharmacy team?",
]


@pytest.mark.parametrize(("question", "expected"), REDACTED)
def test_fields_and_dates_of_pasted_records_are_redacted(question, expected):
    assert redact(question).text == expected


@pytest.mark.parametrize("question", CLEAN)
def test_fields_that_name_no_patient_are_left_as_they_are(question):
    assert redact(question).text == question
