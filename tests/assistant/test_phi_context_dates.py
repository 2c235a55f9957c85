"""Dates in a question about a person (assistant.answering.phi_context_dates): once a question
names a patient or gives a record number, its bare day-month dates, its whole dates after a
record's own words ("next review", "issued"), its months and years and its months alone after
"in" or "since" are that person's; the readings that are no date (fractions, scores, visual
acuity, ward shorthand for days, months and hours, dose splits, spinal levels, "24/7") stay.
A question with no other identifier keeps all of them."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("pt dorothy quinlan slipped off the commode 15/8, x-ray?", "15/8"),
    ("Mr Adeyemi's two clinic visits were 2/6 and 9/6 - was the second too soon?", "9/6"),
    ("carer's note 11/3: Mrs Fennimore not drinking, ring her son", "11/3"),
    ("MRN 7713902 - cystoscopy moved to 4/10, still on apixaban", "4/10"),
    ("Name: Hollis, Greta | Next review: 03/02/2026 | on clozapine", "03/02/2026"),
    ("biopsy report for Tomasz Wrona amended 14/05/2025 - do we recall him?", "14/05/2025"),
    ("Leah Okafor arrived from Lagos March 2023, now TB symptoms", "March 2023"),
    ("Mr Baptiste had his stroke in January and still can't swallow", "January"),
    ("Ines Carvalho's bloods were sent 03/2024, never resulted", "03/2024"),
    ("my mother Rosalind Ferry was at your hospital 4/3-9/3, why two bills?", "9/3"),
]

KEPT_WITH_A_NAME = [
    # (question, the text that must still be sent)
    ("pt archie brennan 1/2 tab of zopiclone enough?", "1/2"),
    ("Mrs Delacroix pain 7/10 after oramorph, what next?", "7/10"),
    ("Mr Osei power 4/5 in the left arm since this morning", "4/5"),
    ("Harriet Vance VA 6/9 right eye, can she drive?", "6/9"),
    ("pt kieran doyle, coryzal 3/7, abx?", "3/7"),
    ("baby of Mrs Achebe, 6/12 old, fever", "6/12"),
    ("Mr Lindqvist on prednisolone 20/10 split dose - why?", "20/10"),
    ("Mrs Ferreira MoCA 22/30, capacity for discharge?", "22/30"),
    ("Jonah Reyes C5/6 disc prolapse - physio first?", "C5/6"),
    ("Mr Patel's daughter is his carer 24/7 now", "24/7"),
    ("Aunty Wiremu's grade 2/6 murmur - echo?", "2/6"),
]

WITHOUT_AN_IDENTIFIER = [
    "slipped off the commode 2/9 - x-ray needed?",
    "Next review: 03/02/2026 - who signs off the clozapine protocol?",
    "arrived from Lagos March 2023 - which TB screen do new entrants get?",
]


@pytest.mark.parametrize(("typed", "gone"), FOUND)
def test_a_named_persons_dates_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(("typed", "kept"), KEPT_WITH_A_NAME)
def test_what_is_no_date_stays_beside_a_name(typed, kept):
    check_kept_beside_an_identifier(typed, kept)


@pytest.mark.parametrize("typed", WITHOUT_AN_IDENTIFIER)
def test_a_question_about_no_one_keeps_its_dates(typed):
    check_redaction(typed, None)
