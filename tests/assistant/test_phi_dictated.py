"""Identifiers in questions dictated or typed like a text message (assistant.answering.phi):
names in small letters after the words that say who someone is, numbers and dates said
aloud, labels typed against their value; and the spoken readings and amounts that are no
age or date."""

from __future__ import annotations

import pytest

from assistant.answering.phi import AGE_PLACEHOLDER, redact

# (input, exact redacted output)
DICTATED = [
    (
        "patient is maria lopez on apixaban can we give tranexamic acid",
        "patient is [NAME-1] on apixaban can we give tranexamic acid",
    ),
    (
        "pts name is karen white and her inr is six",
        "pts name is [NAME-1] and her inr is six",
    ),
    ("my mum is margaret doyle she fell twice", "my mum is [NAME-1] she fell twice"),
    ("pt = helen oyeleye for theatre, nbm from when?", "pt = [NAME-1] for theatre, nbm from when?"),
    (
        "please ring doctor nowak about the potassium",
        "please ring doctor [NAME-1] about the potassium",
    ),
    ("this is nurse dawn from ward six", "this is nurse [NAME-1] from ward six"),
    (
        "a six year old called tama te rangi needs a dose",
        "a six year old called [NAME-1] needs a dose",
    ),
    ("son (kofi mensah) wants an update", "son ([NAME-1]) wants an update"),
    ("gent for ms price before 10?", "gent for ms [NAME-1] before 10?"),
    ("bloods for mr shah today", "bloods for mr [NAME-1] today"),
    (
        "m r n three three eight one two seven for the c t",
        "m r n [ID-1] for the c t",
    ),
    ("dob two oh one one five two and on insulin", "dob [ID-1] and on insulin"),
    (
        "date of birth fourth of june nineteen fifty two on metformin",
        "date of birth [DATE-1] on metformin",
    ),
    (
        "date of birth nine slash ten slash forty four comma on warfarin",
        "date of birth [DATE-1] comma on warfarin",
    ),
    (
        "born the second of the third seventy one full stop",
        "born [DATE-1] full stop",
    ),
    ("dob4/7/52 mrn not known, trop timing?", "dob[DOB-1] mrn not known, trop timing?"),
    (
        "lives in Manly postcode 2095, hitH criteria?",
        "lives in [ADDRESS-1] postcode [ADDRESS-2], hitH criteria?",
    ),
    (
        "for knee replacement 14/10 - stop clopidogrel when?",
        "for knee replacement [DATE-1] - stop clopidogrel when?",
    ),
    ("ninety-two and on digoxin, level?", f"{AGE_PLACEHOLDER} and on digoxin, level?"),
    (
        "she turns 96!! can she have the flu jab",
        f"she turns {AGE_PLACEHOLDER}!! can she have the flu jab",
    ),
    ("80yo lady agnes moran ?uti, which abx", "80yo lady [NAME-1] ?uti, which abx"),
    ("she lives at forty two oak road with her son", "she lives at [ADDRESS-1] with her son"),
    ("flat three nineteen mill lane is the address", "[ADDRESS-1] is the address"),
]

# Said aloud, these are readings, amounts, times and a document's date: nothing to remove.
SPOKEN_NEGATIVES = [
    "sats ninety four on two litres is that ok for copd",
    "the patient is ninety kilos what is the enoxaparin dose",
    "bp one ninety over a hundred and five in pregnancy what first",
    "hba1c is ninety one millimoles per mol before surgery",
    "she is ninety six per cent on air can we stop oxygen",
    "running at ninety mils an hour of saline how often u and e",
    "bilirubin two hundred and sixty on day three phototherapy",
    "chart says twenty two hundred but pharmacy said eighteen hundred",
    "the policy dated first of april twenty twenty four is it current",
    "patient is young and fit can they go home the same day",
    "the doctor said to stop it is that right",
    "nurse led discharge criteria for chest pain",
    "mr scan booked for tomorrow does he need to fast",
    "for ms relapse what steroid dose",
    "the lady in bed three turns 90 degrees to eat is that safe with her hip",
    "a man walking with a frame fell in the corridor",
    "he walked two miles down the road before the chest pain started",
    "give two units every way you can",
]


@pytest.mark.parametrize(("text", "expected"), DICTATED, ids=[d[0][:40] for d in DICTATED])
def test_an_identifier_dictated_or_texted_is_removed(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize("text", SPOKEN_NEGATIVES)
def test_spoken_readings_and_amounts_pass_unchanged(text: str) -> None:
    result = redact(text)
    assert not result.changed, [(f.kind, f.text) for f in result.findings]


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("dob third march nineteen forty two, on apixaban", ["third march nineteen forty two"]),
        ("born eleven oh six fifty one, creatinine one twenty", ["eleven oh six fifty one"]),
        ("admitted the second, discharged on the ninth, still febrile", ["the ninth"]),
        ("name rosalind okafor, new af, anticoagulate?", ["rosalind", "okafor"]),
        ("name's kev, bp one sixty over ninety", ["kev"]),
        ("surname is adeyemi first name tolu, asthma review", ["adeyemi", "tolu"]),
        ("postcode l four five x y, home oxygen referral", ["l four five x y"]),
        ("reg k p one two three d f parked in the ambulance bay", ["k p one two three d f"]),
        ("medicare id is Q R 5 5 1 2 0 9 8 - covered?", ["Q R 5 5 1 2 0 9 8"]),
        ("mrn 44 017 920 - repeat the lactate?", ["44 017 920"]),
        ("calling about mr trevor hinds he's confused", ["trevor", "hinds"]),
    ],
)
def test_dictated_dates_labelled_names_and_letters_read_out_go(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "what is the brand name of apixaban?",
        "name band missing on a confused patient - policy?",
        "hydrocortisone one hundred milligrams iv then what?",
        "target sats eighty eight to ninety two for copd?",
        "is the third dose due after the first?",
        "serial troponins at 0 and 3 h - enough?",
    ],
)
def test_a_drugs_name_a_name_band_amounts_and_ordinals_said_aloud_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("what is the fall risk for someone who's 94, on two sedatives?", ["94"]),
        ("shes 92 and frail, can she have the rsv jab", ["92"]),
        ("permit for reg bd51 smr please, visiting daily", ["bd51 smr"]),
        ("loop recorder serial nr XK4471203, mri safe?", ["XK4471203"]),
        ("mr khan's daughter is rubina, can she collect his meds?", ["rubina"]),
        ("ring back on oh one one three four nine hundred two two seven", ["nine hundred"]),
        ("dob 3 feb 47, egfr 28 - metformin?", ["3 feb 47"]),
    ],
)
def test_ages_plates_serials_relatives_and_dates_typed_on_a_phone_go(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    ["reg on 4421 says hold the heparin", "the patient's son is here, can he stay?"],
)
def test_the_registrar_and_a_relative_without_a_name_are_kept(typed):
    assert redact(typed).text == typed


def test_a_uk_postcode_in_small_letters_after_an_address_goes_but_a_dose_stays():
    assert "ls7 4dd" not in redact("lives at 3 elmfield terrace, ls7 4dd - bp high").text
    assert redact("MRN 4482913 b12 1mg im monthly?").text.endswith("b12 1mg im monthly?")


def test_an_ordinal_before_may_the_verb_is_no_date():
    assert redact("the second may be given after 4 hours?").text.startswith("the second may")
    assert "third May" not in redact("born on the third May 1931, on warfarin").text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "gentleman from 4 cherry tree close comma is it worth a statin",
            "gentleman from [ADDRESS-1] comma is it worth a statin",
        ),
        (
            "address for home visit is 5 willow way, leg ulcer",
            "address for home visit is [ADDRESS-1], leg ulcer",
        ),
        # the same words of a street in a timing are no address
        ("from 2 hourly close obs to 4 hourly?", "from 2 hourly close obs to 4 hourly?"),
        ("2 tablets a day close to meals", "2 tablets a day close to meals"),
    ],
)
def test_a_street_of_english_words_is_an_address_where_someone_lives_is_said(question, expected):
    assert redact(question).text == expected
