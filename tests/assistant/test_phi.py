"""Patient-identifier redaction (assistant.answering.phi).

Positive cases assert the exact redacted text and the kinds found; negative cases are real
clinical questions that must pass unchanged.

Known misses (documented, not asserted): names with no cue word ("Lisa said...", "John has
diabetes"), all-capital names ("Mr SMITH"), lower-case particles ("van der Berg"), numeric
day/month without a year ("admitted 3/4"), lower-case or non-English month names, phone
formats other than US, UK and "+" international, national insurance numbers, URLs, IP
addresses, and free-text identifiers such as device serials or employers.
Known over-redaction: a capitalised clinical word straight after a cue ("pt Metformin dose"),
"name: Zofran", document dates ("dated 01/04/2023") and "patients aged 90 and over"."""

from __future__ import annotations

import random
import re

import pytest

from assistant.answering.phi import (
    AGE_PLACEHOLDER,
    KINDS,
    PhiBlocked,
    PhiFinding,
    Redaction,
    check,
    redact,
)

# (input, exact redacted output, kinds in order of appearance)
POSITIVES = [
    # record numbers
    ("MRN 12345678 on warfarin", "MRN [MRN-1] on warfarin", ["MRN"]),
    ("MRN: A1234567, INR 3.1 today", "MRN: [MRN-1], INR 3.1 today", ["MRN"]),
    ("hospital number 123456 needs review", "hospital number [MRN-1] needs review", ["MRN"]),
    ("NHS number 943 476 5919 on the form", "NHS number [MRN-1] on the form", ["MRN"]),
    (
        "record #88812 shows a penicillin allergy",
        "record #[MRN-1] shows a penicillin allergy",
        ["MRN"],
    ),
    ("patient ID 55-12-9 missed two doses", "patient ID [MRN-1] missed two doses", ["MRN"]),
    (
        "medical record number 00123456 is flagged",
        "medical record number [MRN-1] is flagged",
        ["MRN"],
    ),
    ("MRN is 7654321, is the dose right?", "MRN is [MRN-1], is the dose right?", ["MRN"]),
    ("acct 1234567 billing query", "acct [ID-1] billing query", ["ID"]),
    ("insurance ID: XZ98765 covers it?", "insurance ID: [ID-1] covers it?", ["ID"]),
    ("Ref 98765432 for the referral letter", "Ref [ID-1] for the referral letter", ["ID"]),
    # social security numbers
    ("SSN 123-45-6789 on file", "SSN [SSN-1] on file", ["SSN"]),
    ("SSN 123456789 on file", "SSN [SSN-1] on file", ["SSN"]),
    ("her social security is 123-45-6789", "her social security is [SSN-1]", ["SSN"]),
    ("id 123-45-6789 was given", "id [SSN-1] was given", ["SSN"]),
    # dates of birth and other full dates
    ("DOB 01/02/1950, on metformin", "DOB [DOB-1], on metformin", ["DOB"]),
    ("D.O.B.: 1950-02-01", "D.O.B.: [DOB-1]", ["DOB"]),
    ("born 3 March 1950 with CKD", "born [DOB-1] with CKD", ["DOB"]),
    ("date of birth 3/2/50", "date of birth [DOB-1]", ["DOB"]),
    ("admitted on 12/03/2024 with sepsis", "admitted on [DATE-1] with sepsis", ["DATE"]),
    ("seen 2024-03-12 in clinic", "seen [DATE-1] in clinic", ["DATE"]),
    ("discharged 12 March 2024 on apixaban", "discharged [DATE-1] on apixaban", ["DATE"]),
    ("surgery on March 12, 2024 went well", "surgery on [DATE-1] went well", ["DATE"]),
    ("fell on the 5th of June at home", "fell on the [DATE-1] at home", ["DATE"]),
    ("bloods 12.03.2024 showed AKI", "bloods [DATE-1] showed AKI", ["DATE"]),
    # phone numbers
    ("call (555) 123-4567 for results", "call [PHONE-1] for results", ["PHONE"]),
    ("son on 555-123-4567", "son on [PHONE-1]", ["PHONE"]),
    ("wife on +1 555 123 4567 tonight", "wife on [PHONE-1] tonight", ["PHONE"]),
    ("home 020 7946 0958", "home [PHONE-1]", ["PHONE"]),
    ("mobile 07700 900123 please", "mobile [PHONE-1] please", ["PHONE"]),
    ("GP on +44 20 7946 0958", "GP on [PHONE-1]", ["PHONE"]),
    ("daughter 555.123.4567 ext 4455", "daughter [PHONE-1]", ["PHONE"]),
    # email
    ("email jane.doe@example.com the plan", "email [EMAIL-1] the plan", ["EMAIL"]),
    # addresses
    ("lives at 221B Baker Street alone", "lives at [ADDRESS-1] alone", ["ADDRESS"]),
    ("from 1600 Pennsylvania Ave", "from [ADDRESS-1]", ["ADDRESS"]),
    ("lives at 12 Oak Rd, London SW1A 1AA alone", "lives at [ADDRESS-1] alone", ["ADDRESS"]),
    ("at 10 Elm Street, Springfield, IL 62704.", "at [ADDRESS-1].", ["ADDRESS"]),
    ("postcode SW1A 1AA, frail", "postcode [ADDRESS-1], frail", ["ADDRESS"]),
    ("zip code 90210 area", "zip code [ADDRESS-1] area", ["ADDRESS"]),
    # names
    ("Mrs. Jane Doe is on apixaban", "Mrs. [NAME-1] is on apixaban", ["NAME"]),
    ("patient John Smith has diabetes", "patient [NAME-1] has diabetes", ["NAME"]),
    ("pt Smith refused insulin", "pt [NAME-1] refused insulin", ["NAME"]),
    ("pt. Lee has a fever", "pt. [NAME-1] has a fever", ["NAME"]),
    ("Dr Patel prescribed 5 mg", "Dr [NAME-1] prescribed 5 mg", ["NAME"]),
    ("Name: John Smith", "Name: [NAME-1]", ["NAME"]),
    ("Name - Mary Jones, 54", "Name - [NAME-1], 54", ["NAME"]),
    ("patient name Ahmed Khan, on dialysis", "patient name [NAME-1], on dialysis", ["NAME"]),
    ("Patient: Tom Brown", "Patient: [NAME-1]", ["NAME"]),
    ("my patient, Anne Marie O'Neil, has sepsis", "my patient, [NAME-1], has sepsis", ["NAME"]),
    ("Mr Smith-Jones fell twice", "Mr [NAME-1] fell twice", ["NAME"]),
    ("is Mr. McDonald's INR too high?", "is Mr. [NAME-1]'s INR too high?", ["NAME"]),
    ("Ms José Álvarez on ward 4", "Ms [NAME-1] on ward 4", ["NAME"]),
    ("a patient called Grace Hill, 80", "a patient called [NAME-1], 80", ["NAME"]),
    ("Mr J. Wood is NBM", "Mr [NAME-1] is NBM", ["NAME"]),
    # names with no cue, found word by word (examples written for these tests)
    ("can Wojciech have ibuprofen?", "can [NAME-1] have ibuprofen?", ["NAME"]),
    (
        "pain not controlled for Brennan 5 mg q4h",
        "pain not controlled for [NAME-1] 5 mg q4h",
        ["NAME"],
    ),
    ("is it for dorothea? INR 3.1", "is it for [NAME-1]? INR 3.1", ["NAME"]),
    ("K 3.0 (Harriet Blackwood) replace?", "K 3.0 ([NAME-1]) replace?", ["NAME"]),
    ("Rose is 84 and dizzy on amlodipine", "[NAME-1] is 84 and dizzy on amlodipine", ["NAME"]),
    ("T.K. Okonkwo on ward 7 needs a VTE score", "[NAME-1] on ward 7 needs a VTE score", ["NAME"]),
    ("my mum edith morgan fell again", "my mum [NAME-1] fell again", ["NAME"]),
    ("ADEBAYO OLUWASEUN in bay 3, K 6.1", "[NAME-1] in bay 3, K 6.1", ["NAME"]),
    ("tran van duc 52 m AKI, hold ramipril?", "[NAME-1] 52 m AKI, hold ramipril?", ["NAME"]),
    # names in small letters, told by what follows or precedes them
    ("okafor refusing his 2200 enoxaparin", "[NAME-1] refusing his 2200 enoxaparin", ["NAME"]),
    ("his wife folasade says he is allergic", "his wife [NAME-1] says he is allergic", ["NAME"]),
    ("mrs abernathy-kowal lives alone", "mrs [NAME-1] lives alone", ["NAME"]),
    ("ivy is 7 and 21kg, ibuprofen dose?", "[NAME-1] is 7 and 21kg, ibuprofen dose?", ["NAME"]),
    # more forms of dates, addresses and numbers
    ("chemo due thursday the 17th, flu jab now?", "chemo due [DATE-1], flu jab now?", ["DATE"]),
    ("next dose is on the 21st, ok?", "next dose is on [DATE-1], ok?", ["DATE"]),
    ("born 1931 #NOF, spinal?", "born [DOB-1] #NOF, spinal?", ["DOB"]),
    ("dob 04.05.33 on warfarin", "dob [DOB-1] on warfarin", ["DOB"]),
    ("send it to PO Box 1187, can we?", "send it to [ADDRESS-1], can we?", ["ADDRESS"]),
    ("SIN 123 456 789 on the form", "SIN [SSN-1] on the form", ["SSN"]),
    ("wristband says QRT4471902", "wristband says [MRN-1]", ["MRN"]),
    ("call oh seven seven double oh nine one two three", "call [ID-1]", ["ID"]),
    # other identifiers the first rules missed
    ("call son on 555-0142 x12 if worse", "call son on [PHONE-1] if worse", ["PHONE"]),
    ("medicaid # QX44519B prior auth?", "medicaid # [ID-1] prior auth?", ["ID"]),
    ("social 412 55 9810 for the claim", "social [SSN-1] for the claim", ["SSN"]),
    ("c-section 14/08, still bleeding", "c-section [DATE-1], still bleeding", ["DATE"]),
    ("94F on bisoprolol", "[AGE-90+]F on bisoprolol", ["ID"]),
    ("she is ninety-four and frail", "she is [AGE-90+] and frail", ["ID"]),
    ("lives at 9 willow road, anytown", "lives at [ADDRESS-1], anytown", ["ADDRESS"]),
    ("Salem OR 97301 home health visit", "[ADDRESS-1] home health visit", ["ADDRESS"]),
    ("reviews on jkl-rehab.blogspot.com", "reviews on [ID-1]", ["ID"]),
    # ages over 89
    ("a 92-year-old woman on digoxin", "a [AGE-90+]-year-old woman on digoxin", ["ID"]),
    ("aged 94 with AF", "aged [AGE-90+] with AF", ["ID"]),
    ("101 yo man with delirium", "[AGE-90+] yo man with delirium", ["ID"]),
    # forms added on 2026-12-05 (wordings written for these tests)
    (
        "PATEL, ANIL R - sodium 121, fluid restrict?",
        "[NAME-1] - sodium 121, fluid restrict?",
        ["NAME"],
    ),
    ("name: LI NA, vanc trough 22", "name: [NAME-1], vanc trough 22", ["NAME"]),
    ("UR 4471203 for the cannula audit", "UR [MRN-1] for the cannula audit", ["MRN"]),
    ("born 02.11.47, shingles vaccine?", "born [DOB-1], shingles vaccine?", ["DOB"]),
    ("Surgery date 14/09 - hold the SGLT2?", "Surgery date [DATE-1] - hold the SGLT2?", ["DATE"]),
    ("log at tinyurl.ly/ab12CD please", "log at [ID-1] please", ["ID"]),
    (
        "j underscore ryan at eircom dot ie wants the leaflet",
        "[EMAIL-1] wants the leaflet",
        ["EMAIL"],
    ),
    ("for Noor binti Ahmad, bisoprolol 2.5mg?", "for [NAME-1], bisoprolol 2.5mg?", ["NAME"]),
    (
        "OKONJO keeps pulling at the NG, mittens ok?",
        "[NAME-1] keeps pulling at the NG, mittens ok?",
        ["NAME"],
    ),
    ("Autumn's dad rang about the MMR", "[NAME-1]'s dad rang about the MMR", ["NAME"]),
    ("PPSN 7654321KA, is the flu jab free?", "PPSN [SSN-1], is the flu jab free?", ["SSN"]),
    ("aadhaar 2345 6789 0123 for the TB notice", "aadhaar [SSN-1] for the TB notice", ["SSN"]),
    ("NI no AB 12 34 56 D on the PIP form", "NI no [SSN-1] on the PIP form", ["SSN"]),
    ("ABHA 12-3456-7890-1234, stent cover?", "ABHA [MRN-1], stent cover?", ["MRN"]),
    (
        "JT (bed 7) wants his own insulin pen",
        "[NAME-1] (bed 7) wants his own insulin pen",
        ["NAME"],
    ),
    ("o'brien, siobhan - iron and PPI together?", "[NAME-1] - iron and PPI together?", ["NAME"]),
    (
        "Carmen Ruiz, pump serial A2219 alarming",
        "[NAME-1], pump serial [ID-1] alarming",
        ["NAME", "ID"],
    ),
    ("Daisy, 7, swallowed a button battery", "[NAME-1], 7, swallowed a button battery", ["NAME"]),
    ("Jack's obs are worse since noon", "[NAME-1]'s obs are worse since noon", ["NAME"]),
    ("Grace desatted to 84 on 2L, NIV?", "[NAME-1] desatted to 84 on 2L, NIV?", ["NAME"]),
    ("PATEL, RAJ fell at 0300, CT head?", "[NAME-1] fell at 0300, CT head?", ["NAME"]),
    ("Beatrice (goes by Bea) on 4L O2", "[NAME-1] (goes by [NAME-2]) on 4L O2", ["NAME", "NAME"]),
    # a date of birth right after a name is no dose ("Norco 10/325" is)
    ("Faith Adeyemi 3/4/52 admitted w/ DKA", "[NAME-1] [DATE-1] admitted w/ DKA", ["NAME", "DATE"]),
    ("Gareth ap Rhys 56 on methotrexate", "[NAME-1] 56 on methotrexate", ["NAME"]),
    ("IHI 8003 6012 3456 7890 on the referral", "IHI [MRN-1] on the referral", ["MRN"]),
    # a given name and a surname that is an eponym's noun; two English words before an age
    ("pre-op for (Angela Nurse), G&S?", "pre-op for ([NAME-1]), G&S?", ["NAME"]),
    (
        "Amber Green 26 on isotretinoin, test monthly?",
        "[NAME-1] 26 on isotretinoin, test monthly?",
        ["NAME"],
    ),
    ("maiden name Okafor on the old chart", "maiden name [NAME-1] on the old chart", ["NAME"]),
    # the town of an address, though the lists know it as a place
    (
        "lives at 44 oak street in Brighton, home NIV",
        "lives at [ADDRESS-1] in [ADDRESS-2], home NIV",
        ["ADDRESS", "ADDRESS"],
    ),
    # the town a patient lives in, known place or not; a town travelled from is history
    (
        "lives alone in Leeds, refer to rapid response?",
        "lives alone in [ADDRESS-1], refer to rapid response?",
        ["ADDRESS"],
    ),
    (
        "resident of Ballymun, needs a district nurse",
        "resident of [ADDRESS-1], needs a district nurse",
        ["ADDRESS"],
    ),
    # older given names; a given name that is a brand, before a surname and an age
    ("can Dorothy have ibuprofen tonight?", "can [NAME-1] have ibuprofen tonight?", ["NAME"]),
    ("Heather Moody 45 on lithium, NSAID ok?", "[NAME-1] 45 on lithium, NSAID ok?", ["NAME"]),
    ("Holly ate 3 berries at nursery, 2yo", "[NAME-1] ate 3 berries at nursery, 2yo", ["NAME"]),
    # after "pt", in small letters, a word spelt like a name; capitals before a name
    ("pt thandeka 28 on nifedipine", "pt [NAME-1] 28 on nifedipine", ["NAME"]),
    ("pt thandeka mqhayi 28 on nifedipine", "pt [NAME-1] 28 on nifedipine", ["NAME"]),
    ("NURUL AIN BINTI ISMAIL 34/40 GDM", "[NAME-1] 34/40 GDM", ["NAME"]),
    ("hundred and two yr old gent on 14 meds", "[AGE-90+] yr old gent on 14 meds", ["ID"]),
    (
        "14 Long Street, Gardens, Cape Town 8001 - TB clinic?",
        "[ADDRESS-1] - TB clinic?",  # the suburb, the town and its postcode with the street
        ["ADDRESS"],
    ),
    # several at once
    (
        "Mrs Jane Doe, DOB 01/02/1950, MRN 12345678, phone 020 7946 0958",
        "Mrs [NAME-1], DOB [DOB-1], MRN [MRN-1], phone [PHONE-1]",
        ["NAME", "DOB", "MRN", "PHONE"],
    ),
]

NEGATIVES = [
    "What is the maximum dose of oxycodone q4h for a patient with renal impairment?",
    "Should we taper opioids if the patient is on more than 50 MME/day?",
    "Can I give 5 mg morphine IV BID for breakthrough pain?",
    "Is a target HbA1c 7.5% reasonable for frail elderly patients with type 2 diabetes?",
    "Do we need to repeat the falls risk assessment within 72 hours of admission?",
    "Which ICD-10 code should be used for COVID-19 pneumonia?",
    "What does the 2016 guideline say about hand hygiene before aseptic procedures?",
    "Is the falls bundle required for everyone over age 65?",
    "The patient in room 12 needs a sliding scale; what insulin regimen does policy recommend?",
    "Recommendation 5 says to reassess pain scores; how often is that?",
    "Is a grade 3 pressure ulcer reportable as a serious incident?",
    "Visiting is 10:00 to 20:00, can relatives help with feeding at lunch?",
    "On page 12 of the opioid policy, what is the conversion ratio for tramadol?",
    "What is the Patient Safety policy on wrong-site surgery?",
    "Where is the patient Identification policy for wristbands?",
    "Can a pt with diabetes receive dexamethasone 6.6 mg daily?",
    "When should vancomycin trough levels be taken, before the 4th dose?",
    "Gentamicin 7 mg/kg once daily: how do we adjust for CrCl below 40 mL/min?",
    "Is Patient Controlled Analgesia allowed on ward 7?",
    "What does section 4.2.1 say about alcohol hand rub?",
    "How many MME is 30 mg oxycodone twice daily?",
    "Give 1 g paracetamol 6-hourly, max 4 g in 24 hours?",
    "Should amoxicillin 500 mg TDS be continued for 5 to 7 days?",
    "Are Patient Group Directions valid for flu vaccines in 2024?",
    "What NEWS2 score triggers escalation to the outreach team?",
    "Check capillary glucose at 08:00, 12:00 and 18:00 on basal-bolus insulin.",
    "Does the March 2024 update change the enoxaparin dose for BMI over 40?",
    "Penicillin G benzathine 2.4 million units IM: is one dose enough?",
    "For patients aged 80 and over, which fall prevention measures are mandatory?",
    "Is ext 4455 the number for the pain team, or extension 4456?",
    "Is bed 3 in bay 2 a side room suitable for C. diff isolation?",
    "What is the MRSA decolonisation regimen, 5 days of mupirocin?",
    "Which patients need VTE prophylaxis within 14 hours of admission?",
    "Ceftriaxone 2 g IV q24h: infuse over 30 minutes?",
    "Potassium 40 mmol in 1000 mL over 8 hours, is that safe peripherally?",
    "Table 3 in chapter 2 lists CURB-65 scores; which score needs admission?",
    "Is the 2019 NICE guideline NG136 still current?",
    "Warfarin INR target 2.5 to 3.5 for a mechanical mitral valve?",
    "Insulin glargine 10 units at 22:00, should it move to the morning?",
    "Where is the Patient Information leaflet on opioids after discharge?",
    "Version 3.2.10 of the sepsis pathway, what changed from 3.2.9?",
    "BP 120/80 and HR 72, can we give metoprolol 25 mg?",
    "Adrenaline 1:1000, 0.5 mL IM for anaphylaxis in adults?",
    "Is ICU admission required for lactate above 4 mmol/L?",
    "Pt on warfarin with INR 5 and no bleeding, what should we do?",
    "The pt's name band fell off, what does the identification policy say?",
    "Do we follow the 20/20/20 rule for screen breaks?",
    "Hand hygiene audit scores for Q3 2023 by ward, 95% compliant?",
    "Is it hourly rounding or 2-hourly for falls risk patients on ward 10?",
    "Max 3 doses of naloxone 400 micrograms every 2 to 3 minutes?",
    "Dr. on call for ward 5 should review any NEWS2 of 5 or more?",
    "Patient Group with Directions as per Section 7, Appendix B.",
]

# Capitalised words that are not people (examples written for these tests). Not used by the
# injection test below: cut in two by "NHS number …", "Glasgow Coma" reads as a name.
WORD_NEGATIVES = [
    "Kernig and Brudzinski signs negative, still do the LP?",
    "Barrett's oesophagus with low grade dysplasia, repeat scope when?",
    "Xarelto 15 mg BD for 21 days then 20 mg OD?",
    "Amiodarone with digoxin: halve the digoxin?",
    "Foley catheter change every 12 weeks?",
    "Glasgow Coma Scale 8, intubate?",
    "Wolff-Parkinson-White on ECG, avoid adenosine?",
    "Christmas Day clinic closed, who doses the warfarin?",
    "I'm worried the Ventolin is not working, should she use it more?",
    "Dad keeps forgetting his tablets, is a dosette box allowed?",
    "Travel to Kenya next month, malaria tablets?",
    "lactate rose to 4 after theatre, fluids?",
    "temp 99.5 F and HR 110, sepsis screen?",
    "HbA1c 58 and SpO2 93% on room air",
    "Stage IIIa NSCLC, adjuvant osimertinib?",
    "Is the 3rd dose due after 4 weeks?",
    "How long is safe on a peripheral line?",
    "My son is 4, what ibuprofen dose?",
    "King's College criteria met, transplant referral?",
    "Wait till 20 weeks for the anomaly scan?",
    "Temp 99.5 F after surgery, sepsis screen?",
    "One or two tablets, three times a day for five days?",
    "Switching Humira to Hyrimoz or Yuflyma, any washout?",
    # makers before their products, scores, month and year, expiry, a prefixed eponym
    "Bayer aspirin or the generic?",
    "Medtronic MiniMed 780G alarm at night, what now?",
    "Wells 4, D-dimer or straight to CTPA?",
    "Policy FP-07 (rev. Oct 2024) on bed rails?",
    "The PGD expires 30/04/2026, who signs the new one?",
    "post-Whipple drain output, when to remove?",
    "Nightingale ward has no hoist, can we borrow one?",
    "COPD is worse in winter, rescue pack?",
    "Neutropenic on Verzenio, hold a week?",
    "Is Juliet-35 ED still made?",
    "Cerazette vs Cerelle for a smoker?",
    "Can her Zometa go in the same chair session?",
    "Pierre Robin sequence, prone positioning?",
    "Little's area bleed, cautery both sides?",
    "Wood's lamp shows coral red, erythrasma?",
    "Peripheral bag allowed? Or is it central only?",
    "Kingella kingae in a toddler, PCR needed?",
    "Macmillan nurse visit at home, who refers?",
    "FEVER, RIGORS started after the transfusion, stop it?",
    "Candida auris screening - which sites do we swab?",
    "policy v4.1 dated 01/03/2024 says 2 nurses to check IV potassium",
    "noradrenaline via peripheral cannula 16mcg/ml, safe for how long?",
    "Goodell's and Hegar's signs, how early in pregnancy?",
    "Marie Curie overnight nursing for a dying pt at home",
    "melioidosis after a trip to Darwin, meropenem how long?",
    "my baby desaturating during feeds, prone or not?",
    "covid pt ppe for AGPs - FFP3 for nebs?",
    "palliative pt, dont want to reverse all the analgesia",
    "Returned from Lagos with fever - malaria screen first?",
    "in Mumbai is Dolo 650 the same as Crocin?",
    "Cushing's vs pseudo-Cushing's in heavy drinkers, which test?",
    "St Thomas' VRIII protocol - what rate for glucose 18?",
    "Lassa fever in a traveller back from Sierra Leone, ribavirin?",
    "New South Wales Health policy on concentrated potassium",
    "Yankauer vs soft suction catheter for oral suctioning",
    "bleep the reg on 4421 for a NEWS of 9?",
    "Trimbow NEXThaler 172/5/9 or the pMDI for COPD?",
    "Martha's Rule escalation - can the family call outreach?",
    "Is Victoria Ward 12 beds or 14 since the refit?",
]


@pytest.mark.parametrize(("text", "expected", "kinds"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_detects_and_redacts(text, expected, kinds):
    result = redact(text)
    assert result.text == expected
    assert [f.kind for f in result.findings] == kinds
    assert result.changed


@pytest.mark.parametrize("text", NEGATIVES + WORD_NEGATIVES)
def test_clinical_text_passes_unchanged(text):
    result = redact(text)
    assert result.text == text, [f.text for f in result.findings]
    assert not result.changed and result.findings == ()


def test_table_sizes_meet_the_brief():
    assert len(POSITIVES) >= 40 and len(NEGATIVES) >= 30


@pytest.mark.parametrize("text", [p[0] for p in POSITIVES])
def test_offsets_point_into_the_original(text):
    result = redact(text)
    for f in result.findings:
        assert result.original[f.start : f.end] == f.text
        assert f.kind in KINDS
    # Rebuilding from the findings gives the redacted text: no nested or broken placeholders.
    rebuilt, pos = [], 0
    for f in result.findings:
        assert f.start >= pos
        rebuilt += [text[pos : f.start], f.placeholder]
        pos = f.end
    assert "".join(rebuilt) + text[pos:] == result.text


@pytest.mark.parametrize("text", [p[0] for p in POSITIVES])
def test_redaction_is_idempotent(text):
    once = redact(text).text
    assert redact(once).text == once


def test_numbering_per_kind_and_reuse_of_a_repeated_value():
    text = "MRN 11111111 and MRN 22222222; again MRN 11111111. Mrs Ann Lee, Mr Bo Chan."
    result = redact(text)
    assert result.text == (
        "MRN [MRN-1] and MRN [MRN-2]; again MRN [MRN-1]. Mrs [NAME-1], Mr [NAME-2]."
    )
    assert [f.placeholder for f in result.findings] == [
        "[MRN-1]",
        "[MRN-2]",
        "[MRN-1]",
        "[NAME-1]",
        "[NAME-2]",
    ]


def test_a_name_found_once_is_redacted_everywhere_with_the_same_placeholder():
    text = "patient John Smith on ward 3. Does John Smith need a bolus? Smith's BM is 2.9."
    result = redact(text)
    assert result.text == (
        "patient [NAME-1] on ward 3. Does [NAME-1] need a bolus? [NAME-1]'s BM is 2.9."
    )
    assert "Smith" not in result.text and "John" not in result.text


def test_overlaps_keep_the_most_specific_detection():
    # The NHS number also looks like a US phone number; the label makes it an MRN.
    assert redact("NHS 943 476 5919").text == "NHS [MRN-1]"
    # A date of birth is one DOB, not a DATE as well.
    result = redact("DOB 12/03/1950")
    assert [(f.kind, f.text) for f in result.findings] == [("DOB", "12/03/1950")]
    # A street address is one finding, not a name ("Dr") plus a postcode.
    result = redact("5 Harley Dr, London W1G 9PF")
    assert [(f.kind, f.text) for f in result.findings] == [
        ("ADDRESS", "5 Harley Dr, London W1G 9PF")
    ]


def test_names_stop_before_clinical_words():
    assert redact("patient John Smith Ward 3").text == "patient [NAME-1] Ward 3"
    assert redact("pt. The dose is 5 mg").text == "pt. The dose is 5 mg"
    assert redact("Patient Safety Group").text == "Patient Safety Group"
    assert redact("patient John Smith has diabetes").findings[0].text == "John Smith"


def test_ages_use_a_fixed_placeholder_and_are_not_numbered():
    result = redact("a 92-year-old and a 95 year old; age 65 is fine")
    assert result.text == "a [AGE-90+]-year-old and a [AGE-90+] year old; age 65 is fine"
    assert {f.placeholder for f in result.findings} == {AGE_PLACEHOLDER}
    assert result.summary() == {"ID": 2}
    assert result.notice() == "Removed before sending: 2 ages over 89."


def test_summary_counts_by_kind_in_order_of_appearance():
    result = redact("Mrs Jane Doe, MRN 12345678, Mr Tom Hill, call 555-123-4567")
    assert result.summary() == {"NAME": 2, "MRN": 1, "PHONE": 1}
    assert list(result.summary()) == ["NAME", "MRN", "PHONE"]


def test_notice_wording_has_counts_and_no_values():
    result = redact("patient John Smith, MRN 12345678")
    assert result.notice() == "Removed before sending: 1 name, 1 medical record number."
    result = redact("Mrs Jane Doe and Mr Tom Hill, emails a@b.org and c@d.org, DOB 1/2/1950")
    notice = result.notice()
    assert notice == ("Removed before sending: 2 names, 2 email addresses, 1 date of birth.")
    for f in result.findings:
        assert f.text not in notice
    assert redact("no identifiers here").notice() == ""


def test_a_name_found_word_by_word_is_listed_as_a_guess():
    # Where unsure, redact, and say so: the clinician sees which count may be a plain word.
    one = redact("can Wojciech have ibuprofen?")
    assert one.notice() == "Removed before sending: 1 name (a guess)."
    assert [f.guess for f in one.findings] == [True]
    mixed = redact("pt John Smith asks if Wojciech can visit")
    assert mixed.notice() == "Removed before sending: 2 names (1 of them a guess)."
    both = redact("can Wojciech and Tomasz share a bay?")
    assert both.notice() == "Removed before sending: 2 names (guesses)."
    assert redact("pt John Smith, MRN 12345678").findings[0].guess is False


def test_unchanged_redaction_is_falsy_and_empty():
    result = redact("")
    assert result == Redaction(original="", text="", findings=())
    assert not result.changed and result.summary() == {} and result.notice() == ""


def test_dataclasses_are_frozen():
    finding = redact("MRN 12345678").findings[0]
    assert finding == PhiFinding("MRN", "12345678", 4, 12, "[MRN-1]")
    with pytest.raises(AttributeError):
        finding.text = "x"  # type: ignore[misc]


def test_check_block_raises_naming_kinds_not_values():
    text = "patient John Smith, MRN 12345678, DOB 01/02/1950"
    with pytest.raises(PhiBlocked) as excinfo:
        check(text, mode="block")
    message = str(excinfo.value)
    for kind in ("NAME", "MRN", "DOB"):
        assert kind in message
    for value in ("John", "Smith", "12345678", "01/02/1950"):
        assert value not in message
    assert excinfo.value.kinds == ("NAME", "MRN", "DOB")


def test_check_block_passes_clean_text_through():
    result = check(NEGATIVES[0], mode="block")
    assert result.text == NEGATIVES[0] and not result.changed


def test_check_redact_returns_the_redaction():
    result = check("Mrs. Jane Doe, 92-year-old", mode="redact")
    assert result.text == "Mrs. [NAME-1], [AGE-90+]-year-old"
    assert result == redact("Mrs. Jane Doe, 92-year-old")


def test_check_rejects_an_unknown_mode():
    with pytest.raises(ValueError):
        check("anything", mode="off")  # type: ignore[arg-type]


# Identifiers to inject, with the exact value that must not survive redaction.
INJECTIONS = [
    ("Patient John Smith, MRN 12345678.", ["John", "Smith", "12345678"]),
    ("Mrs. Anne O'Neil (DOB 3/2/1950).", ["Anne", "O'Neil", "3/2/1950"]),
    ("NHS number 943 476 5919.", ["943 476 5919"]),
    ("Call her on 07700 900123.", ["07700 900123"]),
    ("Email jo.bloggs@nhs.net.", ["jo.bloggs@nhs.net"]),
    ("She lives at 12 Oak Rd, Leeds LS1 4AP.", ["12 Oak Rd", "LS1 4AP"]),
    ("SSN 123-45-6789.", ["123-45-6789"]),
    ("Admitted 2024-03-12.", ["2024-03-12"]),
    ("pt Kowalski-Brown is 94 years old.", ["Kowalski-Brown", "94"]),
    ("(555) 123-4567", ["123-4567"]),
]


def test_injected_identifiers_never_survive():
    rng = random.Random(20240312)
    for _ in range(400):
        sentence = rng.choice(NEGATIVES)
        injection, values = rng.choice(INJECTIONS)
        words = sentence.split(" ")
        cut = rng.randrange(len(words) + 1)
        text = " ".join([*words[:cut], injection, *words[cut:]])
        redacted = redact(text).text
        for value in values:
            assert not re.search(rf"(?<![\w']){re.escape(value)}(?![\w'])", redacted), (
                text,
                redacted,
            )
        # The clinical words around the injection are untouched.
        assert redacted.startswith(" ".join(words[:cut]))


def test_a_rejected_match_does_not_hide_a_name_inside_it():
    text = "Is Patient Controlled Analgesia Mrs. Anne O'Neil allowed?"
    assert redact(text).text == "Is Patient Controlled Analgesia Mrs. [NAME-1] allowed?"


# Long pasted text must not hit quadratic regex backtracking (it did for e-mails): timed on
# such inputs by benchmarks/phi.py (results/phi.md), never by a clock in a test.


def test_an_unlisted_drug_name_opening_the_question_is_kept():
    # "Lentocilin" (a Portuguese benzathine penicillin) is no English word, no abbreviation
    # and has no drug stem the detector knows. The rules guess it is a name; the learned
    # second opinion (phi_name_model.py) withdraws the guess: no name list holds the word,
    # drugs end in "-lin", and nothing else in the question is about a person.
    assert redact("Lentocilin 2.4 MU IM?").text == "Lentocilin 2.4 MU IM?"


@pytest.mark.xfail(strict=True, reason="the learned second opinion withdraws this guess")
def test_known_miss_a_given_name_spelt_like_a_place():
    # "Wiktoria" is on no name list; its ending is a country's or a state's ("Victoria",
    # "Austria"), and the model, fitted on the question sets, withdraws the rules' guess. The
    # model gains far more than it loses over the sets (benchmarks/results/phi.md), and this
    # is what it loses.
    assert redact("can Wiktoria have ibuprofen?").text == "can [NAME-1] have ibuprofen?"


# -- names by where they stand (issue 12) ------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Maria Gonzalez 76yo F s/p fall on apixaban, CT head needed?", ["Maria", "Gonzalez"]),
        ("Okafor, Chidinma 34F G2P1 at 32 wks, BP 152/98, labetalol?", ["Okafor", "Chidinma"]),
        ("Siobhán Ní Bhriain 29F on lithium, level 1.4, hold?", ["Siobhán", "Bhriain"]),
        ("76yo F Rose Whitfield fell at home, on apixaban", ["Rose", "Whitfield"]),
        ("81F with dementia, daughter Karen Whitlock wants to stop her statin", ["Karen"]),
        ("Harriet Ames DOB 03/04/1931 new dx of PMR, pred dose?", ["Harriet", "Ames"]),
        ("need an alternative to penicillin, allergic rash, pt ALVAREZ", ["ALVAREZ"]),
        ("pt GONZALEZ, MARIA (#00912837) - neuro obs frequency?", ["GONZALEZ", "MARIA"]),
        ("张伟 62M post DES on ticagrelor, stop DAPT?", ["张伟"]),
        ("Дмитрий Волков 50M post MI, LDL target?", ["Дмитрий", "Волков"]),
    ],
)
def test_names_are_found_by_where_they_stand(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


def test_a_name_typed_in_small_letters_is_found_by_its_words():
    # none of the three is an English or clinical word, and they stand together
    text = redact("nguyen van minh 45 m AST 210 on atorvastatin 80").text
    assert text.startswith("[NAME-1] 45 m AST 210 on atorvastatin 80")


@pytest.mark.xfail(strict=True, reason="a name made of English words, in small letters, passes")
def test_known_miss_a_lower_case_name_of_english_words():
    # "grant" and "young" are both words; nothing but the context says they are a person
    assert "grant" not in redact("grant young on ward 9 has a sodium of 119").text


@pytest.mark.parametrize(
    "typed",
    [
        "elderly 80F on warfarin, INR 4.2, what now?",
        "pt NBM for theatre, give her metformin?",
        "pt COPD exacerbation 67M, steroids how long?",
        "GCS 9 after fall, Glasgow Coma Scale drop of 2 points, when to intubate?",
        "Is Patient Controlled Analgesia NHS number policy on ward 7?",
        "β-blocker dose 76yo M with HR 110?",
        "known diabetic 58M BG 22, ketones 3.1, DKA protocol?",
    ],
)
def test_clinical_words_in_those_places_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("pt's email is jane dot doe at gmail dot com - advice?", ["jane", "gmail"]),
        ("his email dad.brennan [at] icloud [dot] com, dizzy on doxazosin", ["brennan"]),
        ("logged into the portal from 203.0.113.45 and asked for a refill", ["203.0.113.45"]),
        ("ECG device at 2001:db8:85a3::8a2e:370:7334 sent a VT alarm", ["8a2e"]),
        ("VP shunt serial SN 77120-884 headache and vomiting", ["77120"]),
        ("seizure video at https://youtu.be/Xk29LpQ81aZ, focal?", ["Xk29LpQ81aZ"]),
    ],
)
def test_mail_web_and_device_identifiers_are_removed(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    ["give at 10:30 and dilute 1:1000", "version 1.2.3 of the guideline", "ratio 1:2:3 mix"],
)
def test_times_ratios_and_versions_are_not_addresses(typed):
    assert redact(typed).text == typed


# -- the fifth set's forms (issue 12): dates, last fours, bracketed mail, devices, joins -------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("DOB 17 SEP 1931 Hb 7.9, transfuse 1 unit?", ["1931", "SEP"]),
        ("dob feb 3 1940 egfr 28, metformin ok?", ["feb 3", "1940"]),
        ("her birthday is 9 august 1950 and she wants the shingles jab", ["august", "1950"]),
        ("DOB 110652 on the label, INR 3.1", ["110652"]),
        ("born in '48, can he have the RSV vaccine", ["'48"]),
        ("生于1948年7月2日 warfarin dose?", ["1948年7月2日"]),
        ("discharged 21st march, readmitted back 02-04 with CAP", ["21st march", "02-04"]),
        ("last dalteparin given 11/7 at 1800, epidural ok?", ["11/7"]),
        ("caller gave last 4 of her social 4417 for the K result", ["4417"]),
        ("SSN ending in 8802, same pt as the old chart?", ["8802"]),
        ("old label says ***-**-5521, merge the records?", ["5521"]),
        ("med rec 7731-2290 on the drug chart, stop statin?", ["7731"]),
        ("Cigna member Q88120044 asking about PT visits", ["Q88120044"]),
        ("results to kwame.m[at]outlook.com please", ["kwame", "outlook"]),
        ("reply to s.ortiz{at}yahoo{dot}com", ["ortiz", "yahoo"]),
        ("home is 18 rue des Lilas, Laval QC H7N 2K4, IV abx at home?", ["Lilas", "H7N"]),
        ("sensor 3JK8QZ dropped out overnight, BG 2.9", ["3JK8QZ"]),
        ("NOK (Mei Ling Tan) wants an update on his troponin", ["Mei", "Ling", "Tan"]),
        ("Violet Ashworth-Pyke 44F on sertraline, tramadol ok?", ["Violet", "Ashworth"]),
        ("Gertrude Okonkwo, 96, fell overnight on apixaban", ["96", "Gertrude"]),
        ("ohip 1234-567-890-AB renewal for home O2", ["1234-567-890"]),
    ],
)
def test_dates_numbers_mail_and_names_in_the_fifth_sets_forms(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "The policy updated 3 June 2024 says insulin needs two checkers",
        "Formulary effective April 1 moves us to edoxaban",
        "SNOMED 38341003 for hypertension on the problem list?",
        "Ozempic 0.5 → 1 mg, staying on 0.5 another month?",
        "My 86 yo dad takes 9 tablets a day",
        "Bronchiolitis, 6 week old, feeding 50 % of normal",
        "Nitrofurantoin with CrCl 42 for 3 days?",
        "how do we chart the 0100 dose when the clocks change",
    ],
)
def test_policy_dates_codes_decimals_and_conditions_are_kept(typed):
    assert redact(typed).text == typed


def test_a_name_span_stops_at_a_sentence_end_but_joins_an_initial():
    assert "Anti-GQ1b" in redact("Ataxia and areflexia – Miller Fisher. Anti-GQ1b sent?").text
    assert redact("T. Okonkwo 34F on labetalol").text.startswith("[NAME-1] 34F")


# -- the eleventh set's forms (issue 12) ---------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Mrs Lee s/p lap chole 3.4.24 still nauseated, ondansetron?", ["3.4.24"]),
        ("consent for Bob, DOB Mar-04-1952, theatre at 1400 for TURP", ["Mar-04-1952", "1952"]),
        ("mum was born in spring - wristband says 1932, which is right?", ["1932"]),
        ("his koro (Tama Ngata) is 91 and wants to die at home", ["91", "Tama"]),
        ("son's number 9123 4567 (HK) - can we call overseas for consent?", ["9123", "4567"]),
        ("pt Joe ICD serial PZS 615233 - magnet over device during surgery?", ["615233"]),
        ("bed 4 - Baker - is it ok to give her Ensure while nbm for ct?", ["Baker"]),
        ("transfer letter for Quentin Ashby lists GP as Dr Hope", ["Quentin", "Ashby"]),
        ("Mr Patrick 'Paddy' Houlihan, 61, wants to self-discharge", ["Paddy", "Houlihan"]),
        ("Margaret (Peggy) Byrne fell twice overnight", ["Peggy", "Byrne"]),
        ("mobile 0412 345 678 for the daughter", ["0412"]),
        ("NI number QQ 12 34 56 C for the blue badge form", ["QQ 12"]),
        ("bay 5 - mrs fox has had no urine output since 0600", ["fox"]),
        ("Mr brown in bed 4 is confused again", ["brown"]),
        ("mr and mrs smith want to talk about the DNACPR", ["smith"]),
    ],
)
def test_dates_numbers_and_names_in_the_eleventh_sets_forms(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "obs at 1930 then hourly until 2300",
        "last dose given 1915 hrs, next due at 0300",
        "see section 4.2.12 of the sepsis policy",
        "bed 4 - Sepsis? start abx within the hour",
        "call 2222 for a cardiac arrest, bleep 4417 for the reg",
        "Beers list drugs to avoid in the elderly",
        "mr head and neck or CT first for the lump?",
        "is his pacemaker mr safe, and is there a slot on the mr list today?",
        "Do we use Clinell wipes or chlorine for blood spills?",
        "her Hb is 95 and falling, transfuse?",
    ],
)
def test_clock_times_sections_and_short_numbers_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    "typed",
    [
        "Is lot FK4428 of Beyfortus part of the recall? where do we check MHRA drug alerts?",
        "WHERE IS THE LUND AND BROWDER CHART FOR PAEDS BURNS",
        "Ondexxya for an apixaban bleed - on formulary or Octaplex only?",
        "Portia, Levora, Sharobel - US pill brands, what are the UK equivalents?",
        "can we use the NIV on Lister Ward or only on the Respiratory Unit?",
        "Klebsiella CPE positive - side room + contact precautions until discharge?",
        "Is there a prayer room near Cavell Unit for Jummah on Fridays?",
        "Auslan interpreter for an ICU family meeting - how much notice?",
        "PIP code 111-6427 for Fortisip - how do GPs order it?",
        "Zelvira (tirzepatide 5mg) weekly - pen needles supplied?",
        "Does Natasha's Law apply to the sandwiches in the hospital shop?",
        "Admits to mandy and ket at a festival, temp 39.5 and Na 124",
        "says he had some charlie and a few bumps of tina last night, chest pain",
        "smokes mary jane every day and keeps vomiting - cannabinoid hyperemesis?",
    ],
)
def test_lots_codes_wards_genera_and_brands_of_the_eleventh_set_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("hip implant lot 0498-225-11 is under recall - do we tell him", "0498-225-11"),
        ("Jane (metformin 500mg) BG 15 - hold the dose?", "Jane"),
        ("John Ward fell again overnight", "Ward"),
        ("Mrs Victoria Ward on warfarin, INR 4.2", "Victoria"),
        ("Okafor Ward fell again overnight", "Okafor"),
        ("charlie has a fever and a rash after the festival", "charlie"),
        ("mandy is refusing her meds again", "mandy"),
        # in capitals a given name stays a name before an eponym's noun ("CHART", "SCORE")
        ("SARAH JONES CHART SAYS NKDA, OK FOR CO-AMOXICLAV?", "SARAH"),
        ("JAMES BROWN SCORE ON WATERLOW IS 15", "JAMES"),
    ],
)
def test_an_implants_lot_a_given_name_and_a_surname_ward_still_go(typed, gone):
    assert gone not in redact(typed).text


# -- the thirteenth set's forms (issue 12): North American traffic and pasted lists -----------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("PHN 9123 456 781, DOB 04/04/1929 - Paxlovid with amiodarone?", ["456 781", "9123"]),
        ("Alberta PHN 84631-0927 expired - still covered?", ["84631"]),
        ("MRN 4471 023 118 on the wristband, bed 6", ["023 118", "4471"]),
        ("gentleman 96 years on 4 L O2, family want comfort care", ["96"]),
        ("Joy in Peds bed 3, BG 2.1 - glucagon dose?", ["Joy"]),
        ("Hope in 512 wants to keep her own CPAP", ["Hope"]),
        ("Ray (fractured hip, 84 yrs) on a PCA with RR 8 - naloxone?", ["Ray"]),
        ("Result: NGUYEN, MAI-ANH  Acct# 5520019823  troponin 61", ["NGUYEN", "MAI-ANH"]),
        ("PICC line inserted 07/19 by the IV team - dressing due?", ["07/19"]),
        ("critical K called to RN 21:05 12/02 - documented right?", ["12/02"]),
    ],
)
def test_health_card_numbers_ages_rooms_and_lists_of_the_thirteenth_set_go(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "max rate of IV KCl on 6 West vs the ICU?",
        "water leak on 3 North - where does clean linen go?",
        "during a Code Grey can we open the vaccine fridge?",
        "HbA1c targets per Diabetes Canada 2018 vs ADA?",
        "Regina General ED transfer process for cath lab",
        "Lincoln campus lab is closed overnight - where do troponins go?",
        "our hospital in Austin moved to SC heparin - BID or TID?",
        "paxlovid for an inpatient in Victoria BC?",
        "who approves transfers from Vernon?",
        "Marion County EMS bringing psych patients direct?",
        "Lilly's insulin assistance program for uninsured patients",
        "Morse 45+ = high risk, or 51?",
        "Is Gravol safe in pregnancy, or Diclectin?",
        "Trelegy Ellipta once daily with Ventolin PRN?",
        "Hemovac output 250 mL/h after a knee replacement",
        "Pleur-evac bubbling in the water seal chamber",
        "does Eat Sleep Console replace Finnegan scoring?",
        "Document ID: MED-07-015 - is this version current?",
        "DIN 02242974 on the bottle from home differs - ok?",
        "SBAR template for the 1900–0730 night shift",
        "abx started 5/7 ago, when to review?",
        "rehab referrals to St. Catharines?",
        "max in 24h for the syringe driver?",
    ],
)
def test_wards_codes_towns_brands_and_documents_of_the_thirteenth_set_are_kept(typed):
    assert redact(typed).text == typed


def test_a_name_no_list_holds_in_small_letters_goes_when_spelt_like_one_before_a_person():
    assert "priya" not in redact("priya has had 12 loose stools on Augmentin, C diff?").text
    kept = "MRSA decolonisation chlorhexidine wash and mupirocin 5 days?"
    assert redact(kept).text == kept  # a drug in small letters is spelt less like a name


@pytest.mark.parametrize(
    "typed",
    [
        "Bell's palsy vs Ramsay Hunt - add aciclovir?",
        "Sister Mary Joseph nodule in a woman losing weight, what primaries?",
        "Braxton Hicks or real labour at 34 weeks?",
        "Can the family stay at Ronald McDonald House while the baby is in NICU?",
        "Tiemann tip catheter after two failed Foleys?",
        "Are Read codes still used in GP systems?",
    ],
)
def test_eponyms_of_several_words_and_counted_devices_are_kept(typed):
    assert redact(typed).text == typed


def test_a_nun_a_surname_that_ends_like_an_eponym_and_a_family_still_go():
    assert "Jones" not in redact("Sister Mary Jones in bed 4 fell overnight").text
    assert "Reyes" not in redact("Angel Reyes, pump serial 18M204471 alarming").text
    assert "Johnsons" not in redact("the Johnsons want an update on their dad").text


# -- the fourteenth set's forms (issue 12): Australia, New Zealand, Ireland, South Africa,
# India and Singapore ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("ward list: 'Mr Tan | NRIC S7712345C | R THR' - hold aspirin?", ["S7712345C"]),
        ("home visit at 9 Totara Street, Papatoetoe, Auckland 2025 - sharps bin?", ["2025"]),
        ("transport to 4 Kauri Place, Rotorua 3010 tomorrow", ["3010"]),
        ("MRSA screen positive on admission 14/02.", ["14/02"]),
        ("baby of Zanele, born 03/05 at 0340 - vitamin K consent?", ["03/05", "Zanele"]),
        ("lithium level - sample 09/07', continue?", ["09/07"]),
        ("Mrs Ali (MRN 40012345), 94, family want her home", ["94"]),
        ("Pt KR (71M) with chest pain - troponin at 0 and 2h?", ["KR"]),
        ("can Siobhan have the MMR if she is breastfeeding?", ["Siobhan"]),
        ("Which vaccines can Wiremu have before chemo?", ["Wiremu"]),
    ],
)
def test_registration_numbers_postcodes_dates_initials_and_names_of_the_fourteenth_set_go(
    typed, gone
):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "Patient is confused overnight - haloperidol or not?",
        "Is Augmentin Duo Forte ok with a mild penicillin rash?",
        "Is Synap Forte on the EDL?",
        "Medsafe data sheet for Sevredol - renal dosing?",
        "Whānau want to stay overnight - what does the visitor policy say?",
        "book a te reo Māori interpreter after hours",
        "Does Te Whatu Ora have a policy on tūpāpaku?",
        "Charlotte Maxeke's neonatal unit - kangaroo care weight?",
        "interpreter at Tan Tock Seng after hours?",
        "can students give S4 meds under supervision in Victoria?",
        "The Mater ED is asking about methadone doses",
        "hemi or THR for a Garden III NOF?",
    ],
)
def test_patients_products_maori_words_agencies_and_hospitals_are_kept(typed):
    assert redact(typed).text == typed


# -- the fifteenth set's forms (issue 12): long pasted letters, notes and policies ----------------
@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Medical Card No. 0847215K\nDear Colleague, can he have the flu jab?", ["0847215K"]),
        ("Accession: S24-00891  Submitting physician on leave - who signs?", ["S24-00891"]),
        ("Community pharmacy notified by fax (08) 9555 0187 - sick-day rules?", ["9555"]),
        ("DOB: 08/19/2002   SSN (last 4): 6621 - consent at 21?", ["6621"]),
        ("RAMQ BERG 5803 1219 - is he covered for the CT?", ["5803"]),
        ("Medicare No. 2953 48172 1 - bulk billed?", ["48172"]),
        ("admitted 14/09/2023 after a fall; approved for discharge?", ["14/09/2023"]),
        ("Pat Murphy, Co. Cork - flu jab this week?", ["Murphy"]),  # a county, no company
        ("The letter was opened from IP 81.2.69.160.", ["81.2.69.160"]),
        ("CPAP download 08/01–08/30/2024: usage 62 % - enough?", ["08/30/2024"]),
        ("Allergy: amoxicillin - hives (documented 06/2021). Cefalexin ok?", ["06/2021"]),
    ],
)
def test_card_accession_fax_and_last_four_numbers_in_pasted_text_go(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


@pytest.mark.parametrize(
    "typed",
    [
        "Duration: 5 days if clinically stable (Dinh et al., Lancet 2021). Enough?",
        "Norton scale (Norton, McLaren & Exton-Smith, 1962): 5 domains - still used?",
        "Approved by: Drugs and Therapeutics Committee, 14/09/2023\nReview date: 14/09/2026",
        "Ratified: Trust Board, 26 January 2023 - is this the current version?",
        "Minutes - Medication Safety Group, 21 March 2024: what was agreed?",
        "affected batches 24C118 (best before 30.09.2025) - quarantine?",
        "Gillick competence: can a 15 year old consent to contraception?",
        "The Green Book, Chapter 3, applies to the vaccine fridge?",
        "presumed capacity under the Family Law Reform Act 1969?",
        "robotic list on da Vinci Xi - positioning policy?",
        "anastomotic leak, Clavien-Dindo IIIb - learning points?",
        "How is citrate accumulation recognised on CRRT?",
        "XARELTO tablets - Janssen Pharmaceuticals, Inc. - renal dosing?",
        "Merck Serono Ltd data sheet: GFR 45-59?",
        "Paper: Dankiewicz J, et al. Hypothermia versus normothermia - does it change practice?",
        "TTM2: 1900 patients randomised, no difference - still cool to 33?",
        "Adopted by the Nursing Quality Council on 19/09/2022; reassess every shift?",
        "laryngeal mask size 4 - EAN 5060081781234 - in stock?",
        "policy updated 06/2024 - is it still valid?",
        "aged under 55 and not of Black African origin - first-line drug?",
    ],
)
def test_citations_document_dates_acts_and_eponyms_in_pasted_text_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "she was admitted in August 2024 for dialysis",
            "she was admitted in [DATE-1] for dialysis",
        ),
        ("diagnosed June 2019 with T2DM", "diagnosed [DATE-1] with T2DM"),
        ("na-confine siya noong Agosto 2024.", "na-confine siya noong [DATE-1]."),
        # a document's month and year is no patient's
        ("the March 2024 update says what?", "the March 2024 update says what?"),
        ("policy reviewed March 2024", "policy reviewed March 2024"),
    ],
)
def test_a_month_and_year_is_a_date_after_what_happened_to_the_patient(question, expected):
    assert redact(question).text == expected


def test_a_name_no_english_word_could_be_after_a_bare_pt():
    assert (
        redact("for pt tanvir - who supports the kit").text
        == "for pt [NAME-1] - who supports the kit"
    )
    for clinical in ("pt apyrexial overnight", "pt anxious", "pt nbm from midnight"):
        assert redact(clinical).text == clinical


def test_an_eponyms_noun_after_a_verb_and_another_eponym_is_not_the_first_words():
    assert redact("does Mensah meet Duke criteria?").text == "does [NAME-1] meet Duke criteria?"
    for clinical in (
        "Morse fall scale 45 - bed rails?",
        "Cornelia de Lange syndrome - is severe reflux typical?",
        "Jamieson vitamin D drops for a breastfed newborn?",
    ):
        assert redact(clinical).text == clinical
