"""Identifiers in the forms the twenty-fifth session's sets showed (assistant/answering/
phi_place_rules.py, phi_date_rules.py, phi_form_rules.py, phi_context_numbers.py,
phi_foreign_words.py, knowledge/language.py): US care facilities, a weekday's date, a
newborn's list entry, a surname and initial before a gestation, pasted record labels, and
the Nordic languages' ages, streets, towns, plates and relatives; and their look-alikes,
which are sent as typed."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction

from assistant.answering import phi
from knowledge.language import LANGUAGE_NAMES, detect_language


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("d/c to Heritage Manor Nursing & Rehab, room 14B — transfer packet?", "Heritage Manor"),
        ("septic shock from Meadowbrook Care Center, family wants everything", "Meadowbrook"),
        ("man from Shady Pines ALF with 2 days of cough", "Shady Pines"),
        ("pp pt Ruth Adler, discharge is Sat 4/5 — Shabbat elevator?", "4/5"),
        ("PT: BLACKWOOD — stat BMP K 6.8, lokelma?", "BLACKWOOD"),
        ("s/p NSVD today, BG Okonkwo 3450 g, Apgars 8/9", "Okonkwo"),
        ("Smith J 30w PPROM latency abx day 3 — switch to PO?", "Smith"),
        ("Karen in bed 4 is 82 and confused overnight", "Karen"),
        ("request form says Jane Harper 14.5.72, wristband says Jayne", "14.5.72"),
        ("Rego of the pt's car is 1HX 7QM — he drove himself to day surgery", "1HX 7QM"),
        ("jail pt - IDOC # R48213 - Marcus Bell needs methadone verified", "R48213"),
        ("boda boda rider KMEB 482T, open tib-fib, antibiotic choice?", "KMEB 482T"),
        ("bed 12 lovely lady, 90 on saturday!! can we get her a cake", "lady, 90"),
        ("our granny is the oldest woman in Kerry, 106 in april, photo allowed?", "106"),
        ("verbal consent when the patient himself is 96 and hard of hearing?", "is 96"),
        ("lab called about ms ama owusu dob 3/4/55, potassium 6.8 haemolysed?", "owusu"),
        ("mrs m.a. o'keeffe 79 on caseload for cath - also needs b12", "keeffe"),
        ("old notes say Mrs. Ruth Cole, New Orleans, LA 70115, dob 3/4/41", "Orleans"),
        ("new address is 2915 N. Kedzie Ave #1R Chicago IL, pls mail my Lasix", "Kedzie"),
        ("lives on Township Rd 362 outside Berlin, no insurance", "Township Rd 362"),
        ("pt registered as FNU ZARGHONA, SIV — female Pashto interpreter?", "ZARGHONA"),
    ],
)
def test_a_ward_form_of_an_identifier_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "seen at Northside Urgent Care Center yesterday with a rash — antibiotics?",
        "gent 5 mg/kg daily in a pt who's 112 kg — use adjusted body weight?",
        "sun 3/4 strength cream on the face?",
        "Is Utica the biggest Karen community in New York?",
        "EPDS 14 in a Karen mom — validated in S'gaw Karen?",
        "see section 3.2.10 of the transfusion policy",
        "theres a man at the front desk saying hes a nephew, can i tell him the ward",
        "Group B 30w swab result pending — antibiotics in labour?",
        "ABG 7.18/68/54/25 on BiPAP 14/6 — intubate now or give it another hour?",
        "Esmarch bandage vs a Rhys-Davies exsanguinator before the tourniquet?",
        "bil ICA 30% stenosis on the duplex — refer to vascular?",
        "Torsades de pointes on the monitor in SR2, QTc was 560 this morning, Mg 2g IV?",
        "Implant sticker reads 'Smith & Nephew GENESIS II, Size 5' — which goes on the card?",
        "Ferritin 90 but TSAT 12% — iron deficient by the Patient Blood Management guidelines?",
        "A registry baseline form asks for DAS28, HAQ and EQ-5D - which are mandatory?",
        "pt with ms flare 45yo on ocrelizumab - steroids first?",
        "Vericiguat (Verquvo) with sildenafil - contraindicated?",
        "Patients on daratumumab (Darzalex) - why does the lab need a baseline phenotype?",
    ],
)
def test_a_look_alike_is_sent_as_typed(typed):
    check_redaction(typed, None)


def test_a_name_in_brackets_after_a_drug_is_still_a_persons():
    check_redaction("Mrs Okafor (Bisoprolol) confused overnight, Grace (Ventolin) too", "Grace")


def test_a_babys_weight_stays_beside_its_name():
    check_kept_beside_an_identifier("s/p NSVD today, BG Okonkwo 3450 g, Apgars 8/9", "3450 g")


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Min morfar fyllde nittiosex i förra veckan och har fått Trimetoprim", "nittiosex"),
        ("fru Hansen på rom 212 er nittitre og vil ikke spise", "nittitre"),
        ("Hún er 95 ára og býr ein heima", "er 95"),
        ("hun fylte 91 i går og har fått Paracet", "fylte 91"),
        ("Hun bor på Egevangen 7, 8000 Aarhus C.", "Egevangen 7"),
        ("och bor på Storgatan 12 B, lgh 1102, 852 31 Sundsvall.", "Storgatan"),
        ("Hún býr á Laugavegi 44, 101 Reykjavík og er ein heima", "Laugavegi 44"),
        ("Pasienten bor i Kautokeino og trenger tolk", "Kautokeino"),
        ("Potilas asuu Salossa ja on aloittanut Ozempicin", "Salossa"),
        ("omainen (tytär Satu) haluaa tietää saako hän jatkaa", "Satu"),
        ("trafikkulykke, reg.nr EL 72391. Politiet spør om promille", "EL 72391"),
        ("ajaa rekkaa (rekisterinumero XKP-482) ja hänellä on uniapnea", "XKP-482"),
        ("Polisen undrar om föraren av bil MLB 84F kan ha fått en stroke", "MLB 84F"),
        ("trafikkulykke i går, bilen EL 48213 – politiet ringer og spør om promille", "EL 48213"),
        ("Min bror Jens har ringet fra 0045 31 62 88 04 – må jeg fortælle ham det?", "88 04"),
        ("Hún heitir Ásta og er nýgreind með flogaveiki – má hún vinna áfram?", "Ásta"),
        ("Potilas 91 v, kaatunut kotona Lahdessa, Marevan ja Panadol, INR 4,2.", "Lahdessa"),
        ("Fæðingardagur barnsins er 14. janúar 2025 – hvenær á hann", "14. janúar"),
        ("Pt Jukka Virta, admitted to Meilahti ICU 2.1., intubated", "2.1."),
        ("Onko Jukka Virta varattu kontrolliaika 12.4.? Hänellä on Sjögrenin", "12.4."),
    ],
)
def test_a_nordic_identifier_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "nittio procent av patienterna får biverkningar",
        "Hvor stor er risikoen for delir ved Tradolan til borgere over 80?",
        "Vår avdeling har mange fall om natten – noen erfaring med sengealarmer?",
        "Dicloxacillin eller Heracillin – samma substans i Danmark och Sverige?",
    ],
)
def test_a_nordic_question_without_identifiers_is_sent_as_typed(typed):
    check_redaction(typed, None)


def test_a_decimal_closing_a_sentence_is_no_date():
    check_kept_beside_an_identifier("Jukka Virta admitted with INR 2.5. Vit K?", "INR 2.5.")


def test_a_drug_with_a_finnish_case_ending_is_no_name():
    sent = phi.redact("Potilas asuu Salossa ja on aloittanut Ozempicin – voiko sen tauottaa?")
    assert "Ozempicin" in sent.text


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Hvor stor er risikoen for delir ved Tradolan til borgere over 80?", "da"),
        ("Vad är skillnaden mellan Waran och Eliquis vid förmaksflimmer?", "sv"),
        ("Hvaða skammt af Parkódín má hún taka? Hún býr ein heima", "is"),
    ],
)
def test_the_nordic_languages_are_told_apart(question, language):
    assert detect_language(question) == language
    assert language in LANGUAGE_NAMES
