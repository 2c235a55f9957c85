"""Identifiers in the forms the twenty-eighth session's sets showed (assistant/answering/
phi.py, phi_name_forms.py, phi_capital_names.py, phi_context_dates.py, phi_shape_rules.py,
phi_form_rules.py, phi_age_rules.py, phi_number_rules.py, phi_rules.py, phi_dates.py,
phi_place_rules.py, phi_numbers.py, phi_eponyms.py, phi_foreign_words.py, phi_lexicon.py and
knowledge/proper_terms.py): an emergency department's alias for an unidentified patient, a
newborn registered as "SURNAME, BABY", a day and month that could be a fraction after
"admitted", a Medicare card's number, a vehicle identification number, a pasted HL7 message's
names and birth date, ages of 90 and over after "a man of" and "at … too old" or after a
name and its initial or a full stop, an SSN's last four after a comma, a glucose sensor's
transmitter, an Australian veteran's file number, a gym's member number; and their
look-alikes (a tier of trauma call, a supply's HCPCS code, services' lines in Australia and
the UK, North America's toll-free 855, 844 and 833 lines and a line spelt in letters,
English's "via", a coma score, a holiday closure, a system's upgrade, an audit's period, a
journal club, a run of ordinals closing on a noun, a beam's megavolts, a reading after "a
driver with", a blood pressure after a name, possessive eponyms, Australian hospitals,
phrases of other languages), which are sent as typed."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Level 1 activation, TRAUMA, ZULU in bay 2, GSW L chest", "ZULU"),
        ("Unknown male, alias SIERRA, TRAUMA 4412, tox + fentanyl", "SIERRA"),
        ("Trauma name DELTA, UNKNOWN got alias MRN 7712034", "DELTA"),
        ("Unknown pt tagged 'Trauma Oscar 22' had a license in his shoe", "Oscar"),
        ("UNKNOWN ZULU needs 2 more units of O neg", "ZULU"),
        ("body in cold room labelled SMITH, BABY - do we need consent for the PM?", "BABY"),
        ("pt admitted 3/4/25, readmitted 1/4 - a bounce back? MRN 5512345", "1/4"),
        ("DOB 12/3/51, admitted 2/3 w urosepsis, now delirious", "2/3"),
        ("'Ms Rees is a 29yo with IH. Seen by Dr Okafor 3/4.' ok?", "3/4"),
        ("pt came with his son's Medicare card (4806 29366 1) - billing?", "29366"),
        ("VIN on the police report 1HGCM82633A004352 (the SUV), pelvic binder on", "004352"),
        ("the inbound PID|1||88123456^^^MRN||TRAN^MINH^DUC||19480302|M overwrites", "DUC"),
        ("the inbound PID|1||88123456^^^MRN||TRAN^MINH^DUC||19480302|M overwrites", "19480302"),
        ("NK1|1|NGUYEN^LAN|WIFE in the feed is wrong", "LAN"),
        ("PSA 9 in a man of 93, care home, no symptoms - refer?", "93"),
        ("Is Bob at 94 too old to start CPAP?", "94"),
        ("she only knows the last 4 of her social, 7731, and her name Jo Bloggs", "7731"),
        ("Dexcom data for Ann Lee shows a transmitter ID of 4TX9QK from another patient", "4TX9QK"),
        ("Bill Smith, DVA TX8731, is on a Webster pack", "TX8731"),
        ("only a gym card saying 'Jo M, member 55021' - how do we register him?", "55021"),
        ("DVA gold card for Mr Reginald Thomas, WWII vet, 98 — consent for blood?", "98"),
        ("post-op call via whatsapp to 9876 5432 — pt says he cannot pee", "9876 5432"),
        ("Gave 2 units RBC to Lane, Margaret at 1400 — when is the next Hb?", "Lane"),
        ("dad = tony russo. 91. known bowel ca, now vomiting - surgical r/v?", "91"),
        ("beds: 2 Quinn P 74 / 3 Fahy B 91 / 4 Doyle M 58 - who is bled first?", "B 91"),
    ],
)
def test_a_form_of_an_identifier_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "trauma alpha activation criteria - who attends?",
        "NICU, BABY ON CPAP - WEAN TO HIGH FLOW?",
        "Medicare E0471 for hypoventilation - is the PaCO2 criterion 45?",
        "a man of 95 kg - enoxaparin dose for a DVT?",
        "sats at 94 too low for home oxygen?",
        "Can I give Nurse-On-Call 1300 60 60 24 to parents at discharge in Vic?",
        "NHS Smokefree 0300 123 1044 - worth giving to every PAD patient?",
        "Compounded semaglutide and now pancreatitis - report via MedWatch on 1-800-FDA-1088?",
        "Is Lifeline 13 11 14 open overnight?",
        "The bereavement office is closed 25 and 26 December - who issues MCCDs?",
        "The sleep lab is closed 24 Dec to 2 Jan - can we still post oximetry kits?",
        "Since the statutory ME system started on 9 September 2024, do GP deaths go to the ME?",
        "Since the 14 March upgrade the MAR doesn't show PRN reasons.",
        "Audit ED-07: data period 01/01/2024 – 31/03/2024, 120 adults - is n enough?",
        "Journal Club – Critical Care, 15/05/2024: which TTM trial do we discuss?",
        "Leqembi: MRI before the 5th, 7th and 14th infusion - still the schedule?",
        "dosimetry student: why do we use 6 MV FFF for SBRT instead of 10X?",
        "max IPAP on the Lumis 150 in ST-A mode?",
        "Virchow's triad: calf pain after a 14 h road trip, Wells 2 - CTPA?",
        "Glasgow Coma Scale E2V3M5 - is that a GCS of 10?",
        "Out of hours the physiologist is reached via switchboard ext. 4412",
        "Does the major haemorrhage call go out via 2222 or the trauma bleep?",
        "Does the National Domestic Violence Hotline (1-800-799-7233) need posting?",
        "Kids Help Phone is 1-800-668-6868 right? for a teen going home",
        "The Maternal Mental Health Hotline is 1-833-TLC-MAMA (1-833-852-6262) - Spanish?",
        "Is the poison line 1-844-764-7669 the same as Poison Control?",
        "FMCSA: can a truck driver with AHI 20 keep the CDL if he uses CPAP?",
        "why do we give steroids before thyroidectomy for Graves'?",
        "Ramsay Hunt - does it change the pred dose compared to Bell's?",
        "pt keeps saying 'me falta el aire' - that's SOB right?",
        "Translate 'mal perforant plantaire' for a French referral letter",
        "Dekubitus Grad 2 - equal to our category 2?",
        "Transfer to John Hunter for neurosurgery - who do I call?",
        "Peter Mac or Royal Melbourne for an oncology emergency referral?",
        "Cranberry - does the 2023 Cochrane review now say it works?",
        "Anderson-Hynes pyeloplasty success rates, robotic vs open?",
    ],
)
def test_a_look_alike_is_sent_as_typed(typed):
    check_redaction(typed, None)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Mr Jones admitted 2/7 ago, now 1/2 tab of bisoprolol?", "2/7"),
        ("Mrs Lee's son asks: is 1-855-242-3310 the Hope for Wellness line?", "1-855-242-3310"),
        ("PID|1||88123456^^^MRN||TRAN^MINH^DUC||19480302|M after the ADT^A08", "ADT^A08"),
        ("the last 4 of her social, 7731 - CrCl 45, dose of enoxaparin?", "CrCl 45"),
        ("Mr Smith 98/60 after the second bolus - start noradrenaline?", "98/60"),
        ("Mrs Jones 120 / 80 on arrival, now 85 / 50", "120 / 80"),
    ],
)
def test_a_clinical_number_beside_an_identifier_is_kept(typed, kept):
    check_kept_beside_an_identifier(typed, kept)
