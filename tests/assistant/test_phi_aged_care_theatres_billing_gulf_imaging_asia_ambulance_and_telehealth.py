"""Identifiers of aged care, theatres, US billing, Gulf hospitals, imaging, East and South-East
Asian hospitals, ambulance services and telehealth (assistant.answering.phi): Japanese
addresses, plates, My Number, era dates and ages in 歳; IBANs, Gulf villas and the companies
that sponsor workers; New Zealand's newer NHI; MAC addresses; Australian area codes in
brackets; nicknames between a given name and a surname; ages over 89 between dashes or after
a birth year; a form's SURNAME/FORENAME header; "BROWN, J 71M"; a care home gone back to; a
person by what he is, from a listed town; car plates after the word; blocks and lots;
Singapore postcodes and NRICs typed small; Thai HN; a caller's number; a card's last digits;
precert and case numbers; meeting passcodes; RAMQ cards; a recording file's date and MRN;
"Baby Girl Lindqvist"; KakaoTalk ids and Discord handles; and their look-alikes (glosses in
Japanese, places, brands, foods, festivals, eponyms, contrast agents, a rule's start date,
vital signs, SARS-CoV-2, a ward's abbreviation before a bay) that must be left alone."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("son lives at 3-8-12 Sakae Honcho, Naka-ku, Nagoya and visits daily", "Sakae Honcho"),
    ("plate 品川 500 さ 47-19 still on his car; MCI; should he stop driving?", "47-19"),
    ("My Number 5512 0934 7781 is on the form for Mrs Ito", "5512 0934 7781"),
    ("Sato Fumiko, 94歳, refusing food for three days", "94歳"),
    ("refund to IBAN GB29 NWBK 6016 1331 9268 19 after cancelled surgery", "GB29 NWBK 6016 1331"),
    ("pays by transfer, account SA44 2000 0001 2345 6789 1234, ok?", "SA44 2000 0001 2345"),
    ("fell at home, Villa 14, Arabian Ranches 2 - CT head clear", "Villa 14"),
    ("labourer w/ Desert Falcon Contracting LLC, heat stroke, temp 41.2", "Desert Falcon"),
    ("NHI: ZRT57KD  DOB 02/02/1931 - syringe driver at home?", "ZRT57KD"),
    ("falls mat sensor (MAC 3C:71:BF:4A:09:E2) flagged him at 0200", "3C:71:BF:4A:09:E2"),
    ("NOK daughter on (08) 9311 4402, after hours only", "(08) 9311 4402"),
    ("resident Elizabeth 'Betty' Sterling has new confusion, MSU sent", "Sterling"),
    ("our lady Patricia (Trish) Hollingworth-Dunne wants to go home", "Hollingworth-Dunne"),
    ("Mrs O'Hare (NHI ABC1234) - 96 - recurrent UTIs, prophylaxis?", "96"),
    ("bay 2: Mr Quinn (b. 1929, 97), Mrs Lowe (88) - both with norovirus", "97"),
    ("PACS: SURNAME: OKONJO  FORENAME: ADAEZE  DOB: 04-05-1980", "ADAEZE"),
    ("list: BROWN, T 64M CT abdo | then the ultrasound", "BROWN, T"),
    ("discharged 3/5 back to The Willows - GP queries the furosemide dose", "The Willows"),
    ("medical tourist from Jakarta, bariatric surgery, when can she fly?", "Jakarta"),
    ("security: car SKQ 7731 H in the ambulance bay belongs to his son", "SKQ 7731 H"),
    ("car 448210 parked in the drop-off zone, owner is in resus", "448210"),
    ("lives Blk 218 Lot 9, Villa Verde Homes, Imus - TB contact tracing", "Blk 218 Lot 9"),
    ("discharging to his daughter's flat, Singapore S530211, needs a commode", "S530211"),
    ("can u check s8812345d allergy before the cefazolin?", "s8812345d"),
    ("HN 63-004417, dengue day 5, platelets 22", "63-004417"),
    ("admitted H30.11.3 with aspiration; family ask about PEG", "H30.11.3"),
    ("Caller from 9123 4482 says his wife took 20 tabs of amlodipine", "9123 4482"),
    ("paid $300 by card ending 7729 but still billed, where do I look?", "7729"),
    ("precert # 4410-KX-0021 expired before the TKA was rebooked", "4410-KX-0021"),
    ("SJA case 2025-SJ-10443: anaphylaxis, adrenaline x3", "2025-SJ-10443"),
    ("zoom meeting id 812 4471 0093 and passcode 771204, phone-only ok?", "771204"),
    ("RAMQ card LAVM 5502 1417 - can she use OTN video from Ottawa?", "LAVM 5502 1417"),
    ("recording saved as 20240918_0930_ADEBAYO_MRN441907.mp4 on the drive", "20240918"),
    ("recording saved as 20240918_0930_ADEBAYO_MRN441907.mp4 on the drive", "441907"),
    ("coding for Baby Boy Fairclough (34 wks, RDS) - P07.33 first?", "Fairclough"),
    ("prefers KakaoTalk id jiwoo.park91 for reminders", "jiwoo.park91"),
    ("she messaged from discord handle @nightowl_88#5512 after taking pills", "#5512"),
    ("rugby player, a fisherman from Tauranga, cut on the hand", "Tauranga"),
]

# Questions with no identifier, sent exactly as typed.
KEPT = [
    "Wrap therapy (ラップ療法) for a grade 3 pressure ulcer - still used?",
    "Can a care worker (介護福祉士) do suctioning under the rules?",
    "Group home (グループホーム) night staffing - one carer per unit?",
    "The strengthened standards take effect 1 November 2025 - what changes for us?",
    "is it normal that the doctor doesn't answer the bleep at night?",
    "Sapporo winters - vitamin D for all residents?",
    "Kampo yokukansan for BPSD - any risk of hypokalaemia?",
    "bed sensors reporting over Wi-Fi - are they medical devices?",
    "1.5L Jevity over 24h via PEG - how much free water on top?",
    "Hospital main line (02) 5550 0000 after hours - who approves tenecteplase?",
    "Gadolinium deposition in the dentate nucleus - tell patients?",
    "Dantrolene: how many vials for a 70kg adult?",
    "Bromage 3 two hours after spinal - normal?",
    "HD patients going for Hajj - how do they book dialysis in Makkah?",
    "Hijri or Gregorian on a controlled drug prescription?",
    "SARS-CoV-2 PCR Ct 34 - still infectious?",
    "Vitals: BP 88/54 HR 124 RR 28 T 39.1 SpO2 91% - start sepsis six?",
    "Crestor 40 in South Asians - is 20mg the max?",
    "Standard on Patient Healthcare Data Privacy - WhatsApp for handover?",
    "How do I re-send images from CR room 4 to PACS?",
    "Can HD bay 3 take an MRSA carrier after the 2pm session?",
    "Is Pocari Sweat ok as oral rehydration in adults?",
    "Songkran week road trauma - extra on-call staffing?",
    "Ben Taub and LBJ - how does their financial assistance work?",
    "Is the St John NZ guideline on IN fentanyl for kids different?",
    "Does Cook County take pediatric trauma or do we go to Lurie?",
    "Ferritin 14, Hb 98 - oral iron alternate days?",
]


# Each case: what is typed, and the identifier that must not be sent (None: a look-alike,
# sent exactly as typed).
CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_identifiers_go_and_look_alikes_stay(typed, gone):
    check_redaction(typed, gone)
