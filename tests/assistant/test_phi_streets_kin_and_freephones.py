"""Identifiers in the forms the twenty-sixth session's sets showed (assistant/answering/
phi_place_rules.py, phi_name_forms.py, phi_names.py, phi_name_cues.py, phi_rules.py,
phi_dates.py, phi.py): streets named without their number or their street word, the town
someone is at home in, a flat after "in", a private bag, a township's extension, an initial
after a title, a nickname of two words, a name before "in bed 8", a name in capitals before an
age, ages after the words for years and for kin of southern Africa or after a record number or
a birth date; and their look-alikes
(countries, freephone lines, a coma score, a laboratory result, a charge's date), which are
sent as typed."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction

from assistant.answering import phi


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("paramedics found him at 4410 W Fullerton, GCS 9, narcan given", "Fullerton"),
        ("lives at his mother's place, home on Pulaski; no phone", "Pulaski"),
        ("staying with her sister on Marigold Ln since the eviction", "Marigold Ln"),
        ("fell at home in Kettering last night, on rivaroxaban", "Kettering"),
        ("her husband does the dressings at home in montrose, can the DN visit?", "montrose"),
        ("the warden says Mr Ives in flat 14 missed his insulin", "flat 14"),
        ("patient Kagiso, P/Bag 117, Serowe - can we post the results?", "P/Bag 117"),
        ("visited stand 2281 ext 4 Tembisa, gogo alone again", "2281 ext 4"),
        ("client lives 402 9 Ave NE in a basement suite, no heat", "402 9 Ave NE"),
        ("Mrs K. J. Abernathy on day 5 of co-amoxiclav, can we switch?", "Abernathy"),
        ("Mr T Okoro wants to self-discharge before his echo", "Okoro"),
        ('Pt (a.k.a. "Big Dre") refusing bloods again', "Big Dre"),
        ("Hamza in bed 11 is NBM for theatre, can he have his levetiracetam?", "Hamza"),
        ("Jones K, 03/04/1948, bay 2 — K 6.1 on the VBG", "Jones K"),
        ("TENDAI CHIRWA 61M HbA1c 112, start insulin?", "CHIRWA"),
        ("Thérèse, chambre 12, nausées après la chimio", "Thérèse"),
        ("Mkhulu wami uneminyaka engu-93, uyakhwehlela kakhulu", "93"),
        ("my nkoko o na le dingwaga di le 94 - a ka nwa pilisi eno?", "94"),
        ("visited, gogo 91 lives alone, neighbour brings food", "91"),
        ("ubaba wami uSibusiso Ndlovu is confused since yesterday", "Sibusiso"),
        ("PT: MWAPE   NRC: 551203/10/1   RES: KANYAMA, LUSAKA   C/O COUGH", "551203/10/1"),
        ("PT: MWAPE   NRC: 551203/10/1   RES: KANYAMA, LUSAKA   C/O COUGH", "KANYAMA"),
        ("MVA last night, driving a Nissan Almera HGT 552 GP, seatbelt on", "HGT 552"),
        ("the CIN I have for her is 80417723C and billing rejects it", "80417723C"),
        ("Barrett's INR is 4.2 tonight, hold the warfarin?", "Barrett"),
        ("she wants her slides to take home to Bulawayo next week, release them?", "Bulawayo"),
        ("Mr Hart, MRN 4471902, 94, on a trolley for 26 hours", "94"),
        ("Mr Lowe, gold card QX123456, 93, skin tear to the shin", "93"),
    ],
)
def test_a_form_of_an_identifier_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "Is the HPV screening interval change live in Scotland yet?",
        "Can we give 3 months of ART to someone going home to Zambia for the holidays?",
        "Do I pay for an ambulance in Australia if I don't live in Queensland?",
        "Is 1-800-MEDICARE (1-800-633-4227) the right line for an appeal?",
        "HSE Live 1800 700 700 - do they take vaccine bookings?",
        "GCS 11/15 after the seizure, CT head first?",
        "rhabdo? CK 1900 after a long lie, fluids rate?",
        "The prescription charge goes up on 1 April - new leaflet needed?",
        "The financial year ends 31 March - when do the audit returns close?",
        "CHEST PAIN 56M TROP RISING - HEPARIN DOSE?",
        "why did the old name change from Pneumocystis carinii?",
        "Gogo's grandchildren collect her tablets - is a letter needed?",
        "S aureus bacteraemia, 100 S Aureus isolates in the audit - source control?",
        "home on Friday if the drain output is low?",
        "a fall at home in the bathroom, hip x-ray normal",
        "LA grade C oesophagitis - repeat OGD to exclude Barrett's?",
        "Addison's sick day rules: double hydrocortisone for how long?",
        "Is Ringer's lactate the same as Hartmann's?",
        "Sudeck's atrophy after a wrist fracture - same as CRPS?",
        "Which is better for PCN allergy, the Sanford Guide or the local formulary?",
        "Vasovagal on the trolley after fentanyl, atropine dose?",
        "Amylase 1 800 with epigastric pain - gallstones?",
        "What does 'stuipe' mean in Afrikaans?",
        "Lot: 5580123A\nExp: see carton - is this batch on the recall?",
        "heparin 1000000U in 1 L - what rate?",
        "Nel reparto di Medicina del Policlinico Gemelli, letto 18, glicemia 320?",
        "G2P1, Bishop 3, cephalic 3/5 palpable - is she suitable for a balloon IOL?",
        "she takes 1/2 tab of warfarin on Mondays",
        "BP 120/80, 90, regular - is that a normal pulse for him?",
    ],
)
def test_a_look_alike_is_sent_as_typed(typed):
    check_redaction(typed, None)


def test_a_callers_own_number_is_still_redacted_though_toll_free():
    check_redaction("callback 8005550199 about her missed sertraline", "8005550199")
    check_redaction("ph: 1-800-555-0172 pt asking about naltrexone", "555-0172")


def test_a_freephone_line_stays_beside_a_patients_number():
    check_kept_beside_an_identifier(
        "MRN 4471902 - family to ring NHS 111 or Samaritans 116 123?", "116 123"
    )


def test_a_title_before_the_article_a_is_no_initial():
    assert phi.redact("Mr A is the one in bed 3?").text == "Mr A is the one in bed 3?"
