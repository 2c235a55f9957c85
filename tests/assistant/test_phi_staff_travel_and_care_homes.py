"""Identifiers of staff who are patients, of travellers, of care-home residents and of a US
hospital's accounts (assistant.answering.phi), and the look-alikes of dentistry, sexual
health and billing that must be left alone."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (question, the text that must be gone from what is sent)
FOUND = [
    ("jan nowak 58 from ealing - PEG removal policy?", "nowak"),
    ("grant mills 72 on ward 5 fell overnight, on apixaban", "mills"),
    ("pt wade 45 y/o unilat tinnitus R only - MRI IAMs needed?", "wade"),
    ("inr 5.8 for burns 76 on warfarin, no bleeding, omit?", "burns"),
    ("ms burns 23, 3rd GC in 12 months - offer 4CMenB?", "burns"),
    ("dc to snf today for pt ward, willie -- SNF needs a covid test", "willie"),
    ("staff vax records lost - porter mo hassan says had bcg as kid", "hassan"),
    ("ooh - hca (mercy asamoah) scratch from pt's fingernails, need tetanus?", "mercy"),
    ("Pt: Nguyen Thi Hoa   Chart #: 20-4471   OK to text: Y", "Nguyen"),
    ("Mr Kenji Mori, 91, d/c to Fernlea Nursing Home room 22 for EOL care", "Fernlea"),
    ("Mr Kenji Mori, 91, d/c to Fernlea Nursing Home room 22 for EOL care", "room 22"),
    ("92 yr old, rm 7 Meadowbank Nursing Home, EOL meds - who prescribes?", "rm 7"),
    ("he is booked on Ryanair flight FR2312 to Malaga on 17 October", "FR2312"),
    ("Airline/flight: Fiji Airways FJ911 AKL-NAN", "FJ911"),
    ("Employee: Becky Thornton\nPayroll: 556209\nAbsence: 3 months", "556209"),
    ("rape disclosure 19 F, assault 6/4, SARC not open til mon", "6/4"),
    ("pt GC in throat, tx'd 17/11 ceftriaxone 1g IM, test of cure when", "17/11"),
    ("pregnant hcw measles contact 3/3 - igg negative, HNIG?", "3/3"),
    ("she was in SNF til 8/1 and readmitted, new 100 days?", "8/1"),
    ("dental pt doug (pt no 3310) says he's got hep C", "3310"),
    ("Re: Acct# 7700912458 / Enc# E20240311-0087", "E20240311-0087"),
    ("medi-cal CIN 91832745A for her, share of cost $612", "91832745A"),
    ("lives 3321 N 27th St apt 2 milwaukee 53216-1830, in the service area?", "53216-1830"),
    ("f 98 cfs 9 on ward 22, family asking for the ReSPECT form", "98"),
    ("husband says wife 94 wd never want a catheter", "94"),
    ("a retired GP who is now our inpatient at the age of 91 asks for her form", "91"),
    ("pt ID 5512093 (Tanaka H, 91) - can the uDNACPR be used here", "91"),
    ("mrs ivory lives alone flat 4 cedar court, wants a domiciliary reline", "cedar court"),
    ("dog belongs to neighbour at 7 birch grove - report to police?", "birch grove"),
    ("needlestick on board 20/03, source sailor HIV neg rapid test", "20/03"),
    ("lost Medicaid in unwinding 5/31, currently uninsured", "5/31"),
    ("His last covered day would be 03/22.", "03/22"),
    ("hba1c hx for mcgregor: 86 in jan, 78 in jul - still 3 monthly?", "mcgregor"),
    ("Bay B\nB1\tMrs HOPE Lily\t89y\tfall, ?#NOF", "HOPE"),
    ("A Year 11 student at Parkside School has asked for emergency contraception", "Parkside"),
    ("the girl (Year 4, St Joseph's Primary) needs an epipen at school", "Joseph"),
    ("can the gp sign a fit note? she works at Pret kings cross", "Pret"),
    ("workers comp pt, employer is UPS (package car driver), adjuster not answering", "UPS"),
    ("mum rang - she's at 4 Pennine View, Todmorden OL14 - ok to visit?", "OL14"),
    ("mum says lives at 3 Cherry Tree Walk B29 - transport needed?", "B29"),
    ("jan nowak 58 from ealing - PEG removal, cut and push?", "ealing"),
    ("mr macleod (angus) 66 from stornoway, flown in - travel costs?", "stornoway"),
    ("Tobi 19 - #23 winger Leicester Tigers academy - hamstring grade 2", "Tigers"),
    ("Tobi 19 - #23 winger Leicester Tigers academy - hamstring grade 2", "#23 winger"),
    ("plays for Red Lion FC on sundays, ACL graft - when back to contact?", "Red Lion"),
    ("joy okeke ward 6 bed 2 - pt asking if her partner can stay", "okeke"),
    ("first tocilizumab dose for grant whitehorse - homecare or clinic?", "whitehorse"),
    ("does 'allow natural death' count as a DNACPR? he's 95, form ref ADN/4471", "4471"),
    ("must the hearing (CCB file TO-25-1187) begin within seven days?", "1187"),
    ("In the matter of K. O. - Docket No. 2584MH000417 - petition pending", "2584MH000417"),
    ("Vaccination centre booking\nRef: VC-8830-AK\nVaccine: RSV", "8830"),
    ("hi, I had surgery on the 4th and my Medicaid says anesthesia wasnt covered", "4th"),
    ("re Kwame Mensah 1931-2024, family want a copy of the notes", "1931"),
]


@pytest.mark.parametrize(("question", "identifier"), FOUND)
def test_the_identifier_is_not_sent(question, identifier):
    assert identifier not in redact(question).text


CLEAN = [
    "Do we do a falls risk assessment for every patient over 65?",
    "ALT 93, stop statin?",
    "temp 99 F, HR 102 — SIRS criteria?",
    "bcg for hcw over 35 - not given? check green book ch32",
    "I'm a cleaner and got a rash from the gloves, what should I do?",
    "IUD fit - can HCA hold the tenaculum/Pozzi or must be RN",
    "Champy plates for angle # - 1 or 2 plates",
    "Ward's incision vs envelope flap for 48 removal",
    "URA with Adams clasps on 6s + Z spring - full time wear how long",
    "Le Fort II # - ophthalmology review needed pre-op?",
    "mpox vaccine Imvanex (Jynneos) - min interval dose 1 to 2",
    "I have Blue Cross through my job and I'm also on my husband's Aetna.",
    "I got a Good Faith Estimate but my bill came out a lot higher.",
    "During a Major Trauma activation, what is the quick registration process?",
    "creatinine rose from 85 to 160 overnight after contrast — is that AKI?",
    "how long does the flight 2 hours after a chest drain matter?",
    "NDC 59762-1525-1 recalled - what do we do with stock?",
    "4/24 obs for the first day, then 4 hourly?",
    "12/15 patients audited had a VTE assessment - is that compliant?",
    "scored 12/17 plates on colour vision testing - fit for a pilot medical?",
    "can we signpost sue ryder online bereavement support",
    "How is Gilmore's groin diagnosed in footballers?",
    "side room for noro - how long after the last loose stool?",
    "viral load threshold for epp clearance?",
    "Mr CT head today or tomorrow?",
    "I work at a clinic. If I stay home with something catching, will I lose pay?",
    "I work for the NHS - do I need a hep B booster?",
    "Does the Royal College guidance on consent apply to students at medical school?",
    "Dexcom G7 — trust the CGM or do a fingerstick?",
    "Vitamin B12 - how often are injections given?",
    "entresto - 36 hour washout from ramipril, correct?",
    "kaftrio / trikafta - same drug? transfer from ivacaftor",
    "pasted from formulary: ceftriaxone 2 g IV q12h - can it go IM?",
    "What does the American Academy of Pediatrics say about sports after concussion?",
    "summer rota means fewer staff on the stroke unit - does the falls policy change?",
    "grant funding for the falls project - who signs off?",
    "Ref: NG136 says what about home blood pressure monitoring?",
    "is the discharge lounge on the 2nd floor or the 3rd floor?",
    "obs 1930-2000 hrs missed on the night shift - incident form?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_look_alikes_are_left_as_they_are(question):
    assert redact(question).text == question


def test_a_known_word_labelling_a_number_after_pt_is_no_name():
    # "reg no" labels the number that follows; a name after "pt" before "no allergies" stays one
    assert redact("OMFS on call - pt reg no F887231 dog bite").text == (
        "OMFS on call - pt reg no [MRN-1] dog bite"
    )
    assert "tanvir" not in redact("pt tanvir no allergies, ok for co-amox?").text


def test_last_comma_first_after_pt_needs_a_given_name_second():
    # "then" is a word, not a given name: the clause goes on after the comma
    question = "pt bishop, then review the chart"
    assert "then review" in redact(question).text
