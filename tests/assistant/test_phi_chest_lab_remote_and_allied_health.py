"""Identifiers of chest medicine, the laboratory, remote and expedition medicine and allied
health (assistant.answering.phi): a ship a patient works on and the cabin he sleeps in, the
numbers seafarers, retrieval services, insurers' clubs and equipment stores give one person,
a blood donation's number, an Italian tax code, a DNA profile, an aircraft's registration, a
body's tag, a satellite phone, a handle with dots, a relative's home town, a day centre, a
nickname before the real name, names typed in small letters (with a particle, a
double-barrelled surname, or a listed surname no word list holds), a Singapore flat,
Romanian and Roman-numeral months; and their look-alikes (blood group antigens, a ship's
guide and its sanitation programme, hospital rooms, a mail domain, a country, a rule's
start, scores named after places, "frank haematuria", charities named after people) that
must be left alone."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("medic on MV Northern Osprey: chest pain in the bosun - aspirin?", "Northern Osprey"),
    ("crew of the MT Silver Heron report diarrhoea - which stool tests?", "Silver Heron"),
    ("she's a steward on the trawler 'Morning Star', hook in the thumb", "Morning Star"),
    ("burns on the ferry Island Princess: dressings?", "Island Princess"),
    ("roustabout on the Kittiwake Spirit FPSO - back pain, red flags?", "Kittiwake Spirit"),
    ("he is in cabin C412 with a fever, isolate?", "C412"),
    ("cellulitis in the galley hand, berth 22A - switch to clindamycin?", "22A"),
    ("camp room is K-204, diarrhoea since Monday", "K-204"),
    ("seafarer's book S00412288 for the oiler - fit to sail?", "S00412288"),
    ("P&I claim 25/PI/0091: the club asks about sign-off", "25/PI/0091"),
    ("equipment loan number is WES/23/11872 - the hoist sling is missing", "WES/23/11872"),
    ("tasking 25-NT-30418, child with snake bite - antivenom first?", "25-NT-30418"),
    ("employee 77-41220, rig medical BP 190/110", "77-41220"),
    ("passport (NZ) LA442817 only ID - register him?", "LA442817"),
    ("crew list: DIAZ, Marco  AB  PH P5512044C  b. 1990", "P5512044C"),
    ("unit G092 113 448 207 J given at 02:00 - lookback?", "G092 113 448 207 J"),
    ("tessera sanitaria RSSMRA80A01H501U only - can we bill?", "RSSMRA80A01H501U"),
    ("STR match D8S1179 12/14, D21S11 29/30, TH01 6/9 - release form?", "D21S11 29/30"),
    ("retrieval 0815 dep VH-RFQ to Alice - oxygen for the flight?", "VH-RFQ"),
    ("mortuary: 'UNKNOWN FEMALE 2207' - PM before formal ID?", "2207"),
    ("call the yacht on +8816 3311 2290 about the wound", "3311 2290"),
    ("posted on TikTok @sally_deckie.offshore last night - risk assessment?", "@sally_deckie"),
    ("his wife Amara is in Lagos and wants updates by phone", "Lagos"),
    ("daughter ringing from Seville about her mother's sedation", "Seville"),
    ("i live in dundee, can i get my bloods redone", "dundee"),
    ("he goes to Riverside Resource Centre on Fridays - SLT referral?", "Riverside"),
    ("Spud (real name Peter Walsh) swallowed a bone", "Spud"),
    ("Tiny (Sam Tuilagi, 19) pulled it out with tongs - ok?", "Tiny"),
    ("Mark Bath, 57, roughneck, BP 188/112", "Mark Bath"),
    ("rhodri ap gwilym has a cough on the vessel", "rhodri ap gwilym"),
    ("hi, grace adeyemi-cole 29 crushed her hand", "adeyemi-cole"),
    ("cooper, hope - dob 1990 - vocal nodules", "cooper, hope"),
    ("lives Blk 88 Bedok North #07-221, wheelchair too wide", "#07-221"),
    ("text said 'programare 21 martie?' - interpreter for the home visit", "21 martie"),
    ("DOB 14.iii.61, crush injury to the foot", "14.iii.61"),
    ("date of evac 9/6 - when do the stitches come out?", "9/6"),
    ("at Kowhai Lifecare, room 8 - PEG water flushes?", "Kowhai Lifecare"),
    ("pt patrick 'paddy' o'donnell 84 says his son can't be told", "o'donnell"),
    ("swallow screen for grace o'hara before lunch?", "o'hara"),
    ("will harper has a productive cough, 3rd day of amoxicillin", "will harper"),
    ("CF pt Niamh, 23, from Galway - tobramycin levels?", "Galway"),
    ("my father is 91. We come from Riyadh for treatment. Concor dose?", "Riyadh"),
    ("INR 3.4 taken 14.02, dental extraction ok?", "14.02"),
    ("oxycodone filled 01/11 and again 09/11 at another store", "09/11"),
    ("his wife says the nurse who visited on the 2nd left the door open", "2nd"),
    ("he's a bus driver for Metroline - can he drive after the YAG?", "Metroline"),
    ("plays for Clontarf Rugby, grade II MCL - brace?", "Clontarf Rugby"),
    ("tongue tie clinic for the baby? mum in wrexham, nearest clinic", "wrexham"),
    ("does she at hazel court (flat 12) still need bd visits", "flat 12"),
    ("cant get into 14 primrose way, key safe code changed", "14 primrose way"),
    ("Crisis referral Name: Aroha TAKERE NHI: ABC1234", "TAKERE"),
    ("Crow Shoe, Marvin 47 - CIWA 19, phenobarb or benzos?", "Crow Shoe"),
    ("VISITS: Mr Hale - 93 - catheter blocked", "93"),
    ("outliers: Okafor, Ben (Ward 24) 91; Price (Ward 22) 77", "91"),
    ("Travel insurance policy: AXA-TRV-66120 - who calls the insurer?", "AXA-TRV-66120"),
    ("Portal support ticket #66231 - can't see my results", "66231"),
    ("<Patient><MemberID>W338810457</MemberID></Patient> - Eliquis prior auth?", "W338810457"),
]

# Look-alikes: sent exactly as typed.
KEPT = [
    "Kidd antibodies - why do they cause delayed haemolysis?",
    "Duffy null phenotype: is it common in West African donors?",
    "Lutheran antibodies: do we need antigen-negative units?",
    "Paris system for urine cytology - what is 'atypical'?",
    "Charcot-Leyden crystals in a sinus biopsy - meaning?",
    "Clauss fibrinogen 1.6 in a PPH - give cryo?",
    "does Hartmann's matter for DKA resus?",
    "report to the CDC Vessel Sanitation Program - how many GI cases?",
    "the Ship Captain's Medical Guide - still the UK reference?",
    "ACEP Cruise Ship Health Care Guidelines for ships over 3,000 guests?",
    "post-op lap appy in room 3B has HR 122 - review?",
    "Outpatient room B14 at the eye clinic - injections on apixaban?",
    "is sending to @gmail.com addresses allowed?",
    "family from Nigeria asking about sickle screening",
    "her son is in reading glasses now - driving ok?",
    "the MLC amendments entered into force on 23 December 2024 - anything for the ship's hospital?",
    "World TB Day 24 March - any campaign materials?",
    "Lake Louise score for AMS - is headache mandatory?",
    "pax fell on the tender transfer, knee swollen",
    "Bronchitol in CF - tolerance test before the first dose?",
    "Acapella or Aerobika for bronchiectasis clearance?",
    "Fleming Ward MDR-TB isolation - how long?",
    "Southern Ocean crossing: hyoscine patch timing?",
    "MY DAD DRINKS EVERY DAY, IF HE STOPS CAN HE HAVE A FIT??",
    "Nordic walking six weeks after a hip replacement?",
    "frank haematuria with clots after TURP - irrigation rate?",
    "max statin dose with amiodarone?",
    "sue ryder hospice referral criteria?",
    "marcus gunn pupil and disc swelling - steroids?",
    "referred from Cork University Hospital - do we repeat the CT?",
    "Must a driver with Ménière's disease stop driving during vertigo?",
    "on the 3rd day of antibiotics still febrile - switch?",
    "after the LP should she lie flat 30 minutes or sit up?",
    "Our home uses PURPOSE T instead of Waterlow. Will CQC accept that?",
    "Does King Edward VII Memorial Hospital take direct transfers?",
    "Facilities ticket FAC-3310: call bells in Bay C - Datix too?",
]


# Each case: what is typed, and the identifier that must not be sent (None: a look-alike,
# sent exactly as typed).
CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_identifiers_go_and_look_alikes_stay(typed, gone):
    check_redaction(typed, gone)
