"""Identifiers of palliative care, sexual health, cardiology, hospitals abroad, governance,
dermatology and gastroenterology (assistant.answering.phi): a surname that is also a place's
word after a title, a name after "named", a social media handle, a sexual health clinic's, a
bed-head ticket's and an INR book's numbers, Sri Lanka's identity card, a surname that is a
word after a first name that is none, a care home named with capitals, a day and month after a
last period or a call log, a month and year of an implant, a house named a lodge, the patient
named after "the patient is", an Australian landline, a birth date in a file's name, a
screening kit's barcode, a voiceprint's, an incident's, a coroner's, a regulator's and a
prison's references, an Irish plate; and the look-alikes of those services (a ward's bed, a
data export's field names, a schedule's item, a court's year, a ward named after someone,
eponyms, brands and places) that must be left alone."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (question, the text that must be gone from what is sent)
FOUND = [
    ("Mr Ward 82 lives alone and has fallen twice - OT referral?", "Ward"),
    ("Mrs Hall 79 on the end-of-life pathway, syringe driver dose?", "Hall"),
    ("allegation against a visiting carer named Derek - who do we tell?", "Derek"),
    ("a friend called Jo is her only contact - can we share?", "Jo"),
    ("her daughter's WeChat is lily_chen88, ok to message about DNACPR?", "lily_chen88"),
    ("his Insta @run_fast_pete shows him racing 6 wks post MI", "run_fast_pete"),
    ("GUM no. SH-552190, contact of chlamydia, treat?", "SH-552190"),
    ("doxy 100 bd 7d for pt (GUM 3382)?", "3382"),
    ("hosp num 771204, syphilis serology reactive", "771204"),
    ("BHT no 5521/24, Hb 7.2 - transfuse?", "5521/24"),
    ("INR book number KB/1120/23 lost - reissue?", "KB/1120/23"),
    ("NIC 852345678V, CKD stage 4, contrast ok?", "852345678V"),
    ("Morag Mackintosh on apixaban, INR not needed?", "Mackintosh"),
    ("at Elm Lodge care home - is the DNACPR still valid?", "Elm Lodge"),
    ("lives Rowan House care home, refusing food", "Rowan House"),
    ("EC: LMP 12/6, UPSI 60h ago - ulipristal or IUD?", "12/6"),
    ("INR clinic call log 14/10: Mrs Price 4.1 - omit how many?", "14/10"),
    ("Mr Kaur, 71, pacemaker implanted 03/2018 - battery due?", "03/2018"),
    # governance, dermatology and gastroenterology (sets 62-64)
    ("Mrs Patel at Rosewood Lodge, grade 2 PU - photos ok?", "Rosewood Lodge"),
    ("toxin by a nurse injector - the patient is Joanne Partridge. drops?", "Partridge"),
    ("NOK brother on 07 3842 2901 - proceed in best interests?", "3842 2901"),
    ("photos Smith_F_DOB210455_arm.png - excise?", "210455"),
    ("kit barcode 0 77213 44810 9 came back unused - re-kit?", "77213 44810"),
    ("caller matched voiceprint VP-55120-K - can we disclose?", "VP-55120-K"),
    ("SI (StEIS 2024/22345) for a missed sepsis - terms of reference?", "2024/22345"),
    ("Coroners Court request COR 2024 004812 for the records", "004812"),
    ("Coronial request CSU-2024-WLG-000812 for the notes of the baby", "CSU-2024-WLG-000812"),
    ("referral to the NMC, PIN 08B2234E, for falsified obs", "08B2234E"),
    ("records for a prisoner, prison no. B4321CD, without consent?", "B4321CD"),
    ("MNSI referral MI-044512 - do we pause our own review?", "MI-044512"),
    ("police asking about a car 182-D-22345 seen outside ED", "182-D-22345"),
    # orthopaedics, diabetes and dictation (sets 65-67)
    ("frame strut serials TSF-118842 and TSF-118843 read wrong - who to call?", "TSF-118843"),
    ("medic alert bracelet #MA 552910 says Addisons - hydrocortisone now?", "552910"),
    ("PhysiApp access code QW3-88T1 not working - print the sheets?", "QW3-88T1"),
    ("share code JHX-772-PLQ from his mum - how do we link the pump?", "JHX-772-PLQ"),
    ("Reid, Ann  DOB 30-JUN-2001  NHS NO pending - physio referral", "30-JUN-2001"),
    ("Bed 12 K3381902 NOF # POD2 AMTS 6/10 - delirium screen?", "K3381902"),
    # the hospital at night and Indigenous health services (sets 68-69)
    ("HSN 204 557 981. 52M from the reserve, chest pain - TNK here?", "204 557 981"),
    ("MNO citizenship no. 5517-3390 - does it get NIHB coverage?", "5517-3390"),
    ("tribal enrollment 2247-09 for her - does IHS pay Part B?", "2247-09"),
    ("census # 318,442 - registering for PRC", "318,442"),
]

# Clean questions that must reach the model unchanged.
KEPT = [
    "Ward 12 bay 3 bed 4 NIV alarming - what do I check first?",
    "Fields: study_id, visit_week, age_at_consent - is that pseudonymised enough?",
    "Medicare item 23 - can a nurse practitioner bill it?",
    "after the 2021 Supreme Court ruling, what changed for capacity to consent?",
    "Hospice ward named Florence Nightingale ward - visiting after 22:00?",
    "Reiter's arthritis after chlamydia - refer to rheumatology?",
    "Mobitz I vs Mobitz II on a 12 lead - when to pace?",
    "Judkins left 4 vs EBU for an LAD PCI?",
    "Oestrogel 2 pumps with a Mirena - is that enough protection?",
    "Benzathine penicillin shortage - doxycycline instead?",
    "Russell's viper bite - how often is the 20WBCT repeated?",
    "census: ICU 12/12, 4 North 28/32 - who authorises diversion?",
    "I called Pharmacy about the shortage, who else do I tell?",
    "bibasal creps and raised JVP - start furosemide before the echo?",
    "Ondine's curse - is PHOX2B testing needed?",
    "Simpson's biplane vs Teichholz for LVEF?",
    "Schwartz Rounds for staff after a traumatic death?",
    "Chelsea and Westminster - is the gender clinic separate?",
    "Nipah suspected in Kozhikode - which samples go where?",
    "Malaysian CPG on dengue: which warning signs mean admission?",
    "Iqama expired - can MOH hospitals still dialyse?",
    "Red Cross or Red Crescent - who runs the blood service there?",
    "the patient is Type 2 diabetic - continue metformin?",
    "the patient is Jehovah's Witness - consent for blood?",
    "our photo naming is site_laterality_view_sequence - is that enough?",
    "the Coroners Act 2008 - is this a reportable death?",
    "can Mohs go ahead on apixaban without stopping it?",
    "Mepilex Border Sacrum in ICU - evidence?",
    "Omnicell CD discrepancy - how many hours to resolve it?",
    "explain the Bolam test and the Bolitho gloss",
    "Stark Law - does a free lunch from a rep count?",
    "Kirkup report on East Kent maternity - key themes?",
    "EC registration: ECR/1234/Inst/KA/2019 - can recruitment start?",
    "Paprosky IIIA acetabular defect - cup cage or augment?",
    "Wolff-Chaikoff effect after contrast - when to recheck TFTs?",
    "DVLA says check glucose before driving - does CGM count?",
    "when are bloods taken for Nebido - trough?",
    "Alendronic acid 70mg weekly - drug holiday after 5 years?",
    "footcare leaflet in Polish and Romanian - does Diabetes UK have one?",
    "rabies PEP after a bat exposure in Aus - who do we call?",
    "spiro 25 and k 5.6, stop or reduce?",
    "is it ok to offer tobacco when asking an Elder to help with a consult?",
    "can bicillin be mixed with lignocaine for tamariki?",
    "nirsevimab in Nunavik - which infants?",
    "Te Whare Tapa Whā - how do I use it in an assessment?",
    "thyroid storm score (Burch-Wartofsky) - what cut-off?",
    "torsades de pointes on the monitor - magnesium 2g?",
]


@pytest.mark.parametrize(("typed", "gone"), FOUND)
def test_the_identifier_is_not_sent(typed, gone):
    sent = redact(typed).text
    assert gone not in sent, sent


@pytest.mark.parametrize("typed", KEPT)
def test_the_clean_question_is_sent_unchanged(typed):
    redaction = redact(typed)
    assert not redaction.changed, redaction.text
