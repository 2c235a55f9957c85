"""Codes in a question about a person (assistant.answering.phi_context_numbers): once a
question names a patient, an unlabelled code of six digits or more is theirs ("inmate …, DOC
#A-447829", "Acc no 24M0091827", "RG 12.345.678-9"); measurements, counts, ranges, billing
codes, lots, expiry dates and public catalogue numbers stay. A question with no other
identifier keeps its codes."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("TB in custody: inmate Darnell Okafor, DOC #B-558213, smear 2+ - cellmates?", "558213"),
    ("Campylobacter from the lab: acc 24K0087731, pt Priya Menon, who notifies?", "24K0087731"),
    ("Mr Tavares has RG 23.456.789-1 on his papers - is that his health number?", "23.456.789-1"),
    ("requisition for Mrs Okwu had 4410-087 not 4410-078 - reprint?", "4410-078"),
    ("home visit: Mr Tane Rihari, 12 Kowhai Lane, Kaikohe 0405 - wound check", "0405"),
    ("Mrs Pillay, address Flat 2, 14 Ridge Rd, Oakleigh 3166 - FBC and UEC", "3166"),
]

KEPT_WITH_A_NAME = [
    # (question, the text that must still be sent)
    ("Mrs Adebayo platelets 150000 units? no - 150000 per microlitre", "150000 units"),
    ("Mr Ruiz VL 45000 copies, CD4 310 - start ART?", "45000 copies"),
    ("Joan Pryce BP 182/104 at the dosing visit - hold the study drug?", "182/104"),
    ("Mr Lowe bilateral 64483-50 or two lines of 64483?", "64483-50"),
    ("cement LOT 4J8210 used for Hannah Fischer - recall?", "4J8210"),
    ("Amir Haddad visits 0800-1600 daily - can he stay overnight?", "0800-1600"),
    ("Mr Fifita, pick up from Auckland 0700 tomorrow, DKA", "0700"),
    ("Ciaran Murphy on Creon 25000 with meals - why the hypos?", "25000"),
    ("Mr Kahn moved to Perth 2019 and has had no follow-up since", "2019"),
    ("Mr Yusuf enrolled in NCT05123456 - who pays for the scans?", "NCT05123456"),
]

WITHOUT_AN_IDENTIFIER = [
    "Does dressing 4410-087 come in a larger size?",
    "Is form 24K0087 still the right one for referrals?",
]


@pytest.mark.parametrize(("typed", "gone"), FOUND)
def test_a_named_persons_codes_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(("typed", "kept"), KEPT_WITH_A_NAME)
def test_measures_counts_and_public_codes_stay_beside_a_name(typed, kept):
    check_kept_beside_an_identifier(typed, kept)


@pytest.mark.parametrize("typed", WITHOUT_AN_IDENTIFIER)
def test_a_question_about_no_one_keeps_its_codes(typed):
    check_redaction(typed, None)
