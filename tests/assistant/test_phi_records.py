"""The less common identifiers (assistant.answering.phi): a record about one person after the
word for it (a claim, an invoice, a passport, a licence, a sample, an account), a vehicle's
plate or VIN, a ZIP code after its state; and the look-alikes that name no one: a document's
code, a scenario card, a public health body's web address."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

RECORDS = [
    ("claim 7731-20-44182 was denied, rebill?", "claim [ID-1] was denied, rebill?"),
    ("invoice INV-2025-10233 for his cataract", "invoice [ID-1] for his cataract"),
    ("passport P1234567 expired, can she fly?", "passport [ID-1] expired, can she fly?"),
    ("driving licence SMITH801234AB9CD after a seizure", "driving licence [ID-1] after a seizure"),
    (
        "birth certificate no. C-2024-220193 for the baby",
        "birth certificate no. [ID-1] for the baby",
    ),
    ("sample HX25-88120 was rejected", "sample [ID-1] was rejected"),
    ("his tracker user 7KD3QZ shows HR 36", "his tracker user [ID-1] shows HR 36"),
    ("UBRN 1234 5678 9012 returned", "UBRN [ID-1] returned"),
    ("account 5521 8830 refund", "account [ID-1] refund"),
    ("his SIN, 046 454 286, for the form", "his SIN, [SSN-1], for the form"),
    ("car reg AB12 CDE in the bay", "car reg [ID-1] in the bay"),
    ("rego XYZ-123 was towed from the scene", "rego [ID-1] was towed from the scene"),
    ("VIN 1HGCM82633A004352 from police", "VIN [ID-1] from police"),
    ("oxycodone filled 03/05 and again later", "oxycodone filled [DATE-1] and again later"),
    (
        "Referral\nClient: Aroha Ngata\nWound: leg ulcer",
        "Referral\nClient: [NAME-1]\nWound: leg ulcer",
    ),
    ("User: care home resident, 94 years, deaf", "User: care home resident, [AGE-90+] years, deaf"),
    ("DL: W2210-44518-90312 - must I report?", "DL: [ID-1] - must I report?"),
    ("MR no. 77-31408, DKA, when to stop the drip?", "MR no. [MRN-1], DKA, when to stop the drip?"),
    (
        "she lives with us in Paterson and takes insulin",
        "she lives with us in [ADDRESS-1] and takes insulin",
    ),
]

LOOK_ALIKES = [
    "For a Group 1 licence how long off driving after a first seizure?",
    "Simulation scenario card SIM-07: what potassium replacement rate?",
    "The report template RAD-TPL-CTC-02 asks for contrast details - which?",
    "Is the form FP-10 still used for controlled drugs?",
    "Is NICE NG136 on nice.org.uk still current for hypertension?",
    "hse.ie says what about BCG in infants?",
    "www.cdc.gov/flu has the antiviral guidance - oseltamivir window?",
    "the reg 2 on call said to start heparin",
    "sample 24h urine protein - how do we collect it?",
    "SNOMED CT 22298006 or 57054005 for the register?",
    "We gave Priorix lot Y004411 at the clinic - record the lot where?",
    "Clinic rota: Tue 9-12, Thu 1-5 - who covers warfarin?",
    "Can a nurse prescriber's script cover isotretinoin?",
]


@pytest.mark.parametrize(("text", "expected"), RECORDS, ids=[r[0][:40] for r in RECORDS])
def test_a_record_about_one_person_is_removed(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_codes_and_public_addresses_that_name_no_one_pass_unchanged(text: str) -> None:
    result = redact(text)
    assert not result.changed, [(f.kind, f.text) for f in result.findings]


def test_a_public_bodys_address_with_someones_number_in_it_is_still_removed() -> None:
    assert redact("see https://www.example.gov/patient/884211 for his results").changed


def test_a_zip_code_after_its_state_goes_with_the_address_it_ends() -> None:
    # An apartment number breaks the street pattern; the ZIP after the state still goes.
    text = redact("lives at 9 Elm Court Apt 3, Akron, OH 44308 alone, insulin at night?").text
    assert "44308" not in text and "Akron" not in text and "insulin at night?" in text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("her SIN is 046 454 286, can it go in the note?", "454 286"),
        ("participant no. 431 889 201 had three seizures today", "889 201"),
        ("steuer-id 47 036 892 816 steht auf dem Antrag", "892 816"),
    ],
)
def test_a_number_in_three_groups_of_three_is_someones(text: str, number: str) -> None:
    assert number not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "bp 120 130 140 over the day, is that a trend?",
        "hr 112 118 124 overnight - sepsis screen?",
        "ladder of 100 200 300 mg doses - which step for a child?",
        "platelets 150 000 000 per litre is normal?",
    ],
)
def test_readings_and_doses_in_a_row_are_no_number_of_anyones(text: str) -> None:
    assert not redact(text).changed, redact(text).text
