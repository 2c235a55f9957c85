"""Identifiers in the forms the twenty-seventh session's sets showed (assistant/answering/
phi_capital_names.py, phi_age_rules.py, phi_shape_rules.py, phi_rules.py, phi_form_rules.py,
phi_date_rules.py, phi_number_rules.py, phi_place_rules.py, phi_lexicon.py, phi_names.py):
New Zealand's newer health index number, ages of 90 and over after the word for a person or
"of age", opening a bracket, closing a clause or after another language's word, names in
messages typed all in capitals, a surname with its initial in a clinic's list, initials
opening a case, a relative's name after an in-law, a postcode after "is", a spoken birth date
with its month first, a student's number in small letters, a phone number read out digit by
digit, a year before "-born" or after "died in", a masked NRIC, a veteran's claim file, a
radio call sign, an address on a grid of numbered roads, a Malay "bt" inside a name, a town
after Tagalog's or Malay's "lives in"; and their look-alikes (regulators' dates, doses with
their route, radiotherapy's units, freephone lines, abbreviations in capitals, a run of
labels, a cohort's birth year, Malay's common words, readings and waits), which are sent as
typed."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("nhi zfa23pk - what vaccines is she due at 15 months?", "zfa23pk"),
        ("NHI ZKL45TR, INR 3.1 on 4mg - dose change?", "ZKL45TR"),
        ("is Aclasta ok with a calcium of 2.61? lady is 93, fractured NOF", "93"),
        ("GRANDAD IS 98 AND THE HOME KEEP GIVING HIM SENNA", "98"),
        ("a 91-y-o with PD fell out of bed x3, low bed or crash mat?", "91"),
        ("Mrs Lewis, 90 years of age, CFS 7 - hospital at home?", " 90 years"),
        ("Tama's whānau are asking if he can have rongoā alongside chemo", "Tama"),
        ("INR clinic: Anderson P. 1.6 on 7mg - dose change?", "Anderson"),
        ("Baker J, Tdap last given in March - booster before the lab rotation?", "Baker"),
        ("Rx for Keflex 500 for BAKER, SHAWNA has the wrong sig", "SHAWNA"),
        ("outside CT for BROOKS-MILLER, TANYA needs fusing", "TANYA"),
        ("COPD ON 2L HOME O2, SAT 84%, WIFE GEORGETTE ON PHONE. AMBULANCE?", "GEORGETTE"),
        ("skin tear on R forearm, daughter-in-law Dusty put super glue on it", "Dusty"),
        ("Zip is 47906, she wants the flu clinic closest to home", "47906"),
        ("VM: 'my date of birth is may fifth nineteen sixty eight i need my pill'", "fifth"),
        ("z5234567 asking if her OSHC covers a Nexplanon insertion", "5234567"),
        ("for my write-up I put 'EB, 76M, PMH AF, on edoxaban 60' - right dose?", "EB,"),
        ("please call me back at 9 1 5, 2 2 0, 4 4 8 1.", "4 4 8 1"),
        ("Mrs Evans 1928-born, Welsh speaking, 4AT 8 on Ward 10", "1928"),
        ("keeps asking for his wife but she died in 2019. Do we tell him?", "2019"),
        ("bisoprolol 2.5mg for a 55 kg lady - Mdm Tan, NRIC XXXXX378D?", "XXXXX378D"),
        ("VA file number C-28 117 904. Can hospice bill VA and Medicare both?", "C-28 117 904"),
        ("his ham radio call sign KD0QRT - can it go in the emergency plan?", "KD0QRT"),
        ("EMS on scene at 2210 W 900 N, family farm, crush injury", "2210 W 900 N"),
        ("Nota klerking: Salmah bt Ahmad, 59 thn, SOB 3/7", "Salmah bt Ahmad"),
        ("For Hajj medical, Mr Khan, passport P4412907, 91 years - ACYW needed?", "91 years"),
        ("Mrs Lee, ~100 years (family says), pressure sore grade 4", "100 years"),
        ("pasyente 45/M, nakatira sa Taguig, kelan last TT?", "Taguig"),
        ("Pt has a pacemaker SN 88123, and is 98 — MRI conditional?", "98"),
        ("on my round: Doreen (90, 12 Elm Rd), Frank (76, 3 Oak St)", "(90,"),
        ("Gladys (96!) won't eat for a week, family want an NG", "96"),
        ("grandma is about ninety-eight, nobody knows exactly", "ninety-eight"),
        ("Mama 3omraha 94 w sakne wa7da, el doctor 2al lazem tbattel el aspirin?", "94"),
        ("vraag vanuit SEH: 92-jarige man valt steeds", "92"),
        ("parvande 4471, bimar-e 96 saleh, ba dard-e sine", "96"),
        ("makcik tinggal di Shah Alam, on insulin, boleh puasa?", "Shah Alam"),
    ],
)
def test_a_form_of_an_identifier_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "Plunketline 0800 933 922 - is it open 24/7 for new parents?",
        "levetiracetam 750 bd IV to 750 bd oral solution, 1:1?",
        "500 via NG then flush with 30 ml water?",
        "Valproate MHRA update of 31 January 2024: two specialists to sign?",
        "Is the semaglutide shortage over as of 21 Feb 2025?",
        "CyberKnife vs Gamma Knife for trigeminal neuralgia, 80 Gy Dmax?",
        "PTV D95 below 95% on the boost plan - replan?",
        "COPD, 76M, on home oxygen - is pulmonary rehab worth it?",
        "WIFE CALLING AGAIN ABOUT THE RESULTS, CAN THE REG RING HER?",
        "SON WILL COLLECT THE TABLETS TOMORROW",
        "CRP, WBC AND LFTS TODAY?",
        "the man is 95 kg, enoxaparin dose for VTE treatment?",
        "GCS 4 5 6 over the shift, CT head?",
        "Young woman, 22/40, fell off a horse - anti-D dose?",
        "Whānau hui on Ward 4 tomorrow - who from the medical team should be there?",
        "arrest call on ward 9, PEA, ROSC after 2 cycles - post-ROSC checklist?",
        "Bay B, bed 6 needs a warfarin dose - can we do it by phone?",
        "Stone clinic is in Outpatients Hall B, Room 4 - where is the uroflowmeter?",
        "Triplets labelled Triplet I, II, III - how do we avoid mix-ups with feeds?",
        "Is the 2019-born cohort of babies due the new MenB schedule?",
        "children born in 2015 - which pneumococcal schedule?",
        "colchicine has been used for about 90 years in gout - why the new dosing?",
        "screening at 50, 60, 70, 80, 90 years? which intervals does the programme use?",
        "patients aged 65, 90 years and over get the high-dose flu vaccine?",
        "Is the clinic open on King's Birthday weekend?",
        "any ID physician at Hospital Sultanah Aminah on call for melioidosis?",
        "CKD stage 4, eGFR 22 - boleh teruskan metformin atau tukar ke linagliptin?",
        "sats (90, on 2L) and HR 110 - escalate?",
        "Hb was 80 and is 98 - transfuse another unit?",
        "waited about ninety minutes for the CT - is that a breach?",
    ],
)
def test_a_look_alike_is_sent_as_typed(typed):
    check_redaction(typed, None)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("NHI ZFA23PK, 80 Gy in 40 fractions done - skin care?", "80 Gy"),
        ("lady is 93, CFS 7, on apixaban 2.5 mg BD", "2.5 mg BD"),
    ],
)
def test_a_clinical_number_beside_an_identifier_is_kept(typed, kept):
    check_kept_beside_an_identifier(typed, kept)
