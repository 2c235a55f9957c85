"""Identifiers of South Asian maternity care, mental health law, US paediatric emergency care,
renal units, pharmacy, palliative care, sexual health and Nordic or German stroke units
(assistant.answering.phi): names on a card or after a relative's label, Vietnamese names by
their middle name, initials with the name in brackets, a name no longer used, capitals
SURNAME, GIVEN; India's, Sweden's and Switzerland's phone groups; numbers after an unlisted
card's "no.", households, trust prefixes, the last digits of an SSN, Canadian provincial and
Kenyan clinic numbers, prescribers' college numbers, dashed codes after "ID" or "no.", Nordic
national numbers; @-handles and dating-app user names; towns with a Canadian province, a
home town flown or discharged to, where someone lives in Danish or German; dates after an
expiry, a hearing or an examination, German day.month. dates, Nordic months; and their
look-alikes (brands, devices, eponym lists, children's hospitals, a state's own act, a day
the world marks, an audit period, an obstetric formula, a clinic's opening hours, document
codes, a hospital formerly called something else) that must be left alone."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("name on card LAKSHMI BAI, husband name MOHAN LAL. JSY payment stuck", "BAI"),
    ("name on card LAKSHMI BAI, husband name MOHAN LAL. JSY payment stuck", "LAL"),
    ("father's name Ramesh Kumar Sharma - needed on the form?", "Ramesh Kumar Sharma"),
    ("pt lacks capacity. Nguyen Thi Lan, 71, catatonic", "Lan"),
    ("Tran Van Duc needs a bed tonight", "Duc"),
    ("handover:\n- JT (Jordan Taylor) CTO, depot due\n- MB (Mary Brennan) s117", "JT"),
    ("handover:\n- JT (Jordan Taylor) CTO, depot due\n- MB (Mary Brennan) s117", "MB"),
    ("her name is Cat (deadname on the old record is Rhodri), hospital", "Rhodri"),
    ("trans man Alex (prev. Alexandra) Kowalski on Nebido", "Alexandra"),
    ("PATIENT: O'BRIEN-KOWALSKI, SHAUNA  RX: 4471", "SHAUNA"),
    ("PT ACCT 99812  Name: GUERRERO, ANA M.  61 F", "ANA"),
    ("father-in-law Sh. Ramesh 094160 23478 - pt unconscious", "094160 23478"),
    ("tel 070-482 19 36. Pappa har fått en infarkt", "070-482 19 36"),
    ("Ihr Sohn (079 512 64 87) fragt, ob Stillen geht", "079 512 64 87"),
    ("Nagarikta no. 27-01-72-05678, transport incentive claimed", "27-01-72-05678"),
    ("LHW Register | Household #27 | Woman: 32", "27"),
    ("RXH 1234567 / NHS 4857773456 - breech at 37+2", "RXH 1234567"),
    ("member # 00012345678, SSN ends 4471. Can we bill?", "4471"),
    ("Manitoba PHIN 112 889 405 - deductible question", "112 889 405"),
    ("YHCIP # 002-117-884 - cold chain tips", "002-117-884"),
    ("Paeds ART: CCC 14567-00345, switching to pDTG", "14567-00345"),
    ("hospital no. CV3 441207, sex with cis men", "CV3 441207"),
    ("spoke w/ Dr Lau (CPSO 87123) re: duplicate SSRI", "87123"),
    ("DREAMS PrEP (DREAMS ID GP-DRM-004512), aged 17", "GP-DRM-004512"),
    ("refugee no. KAK-16C-33097, presenting with PID", "KAK-16C-33097"),
    ("Ann (CPR 140352-1186), som tog Eliquis", "140352-1186"),
    ("hetu 040305A1236, 19 v, nuoren aivoinfarkti", "040305A1236"),
    ("Kelan kuntoutushakemus: 230454-135X, afasia", "230454-135X"),
    ("@BarbsBigKnit is the daughter's instagram", "@BarbsBigKnit"),
    ("contacts: a guy on Grindr called KlaBoi256. how long?", "KlaBoi256"),
    ("wants partner services to notify bigbearnyc on Scruff.", "bigbearnyc"),
    ("sex with a man from Hornet (user romanobello), needs PEP", "romanobello"),
    ("his email nikos.p at yahoo dot gr, who is NR?", "nikos.p at yahoo dot gr"),
    ("blogs about it on annalenas-strokeresa.blogspot.com. Is that ok?", "blogspot"),
    ("Nebulizer loaner # NB-22871 signed out, never returned", "NB-22871"),
    ("pump (SynchroMed II, serienr NGP417293H) needs a refill", "NGP417293H"),
    ("Patient from Corner Brook, NL, referred for transplant", "Corner Brook"),
    ("the reasons say his address is in Leeds - a breach?", "Leeds"),
    ("flying home to Galway on Friday - 30 days of enoxaparin?", "Galway"),
    ("OK to discharge home to Cardiff with follow-up?", "Cardiff"),
    ("Pt, 77, bor Vestergade 22, 3. tv, 8000 Aarhus: LDL-mål?", "Vestergade 22"),
    ("Pt, 77, bor Vestergade 22, 3. tv, 8000 Aarhus: LDL-mål?", "8000 Aarhus"),
    ("pt Andreea, s2 expiring 18/05. Extended automatically?", "18/05"),
    ("catatonic, not eating since 2/4, has a pacemaker", "2/4"),
    ("exams were 1/5 and the AMHP came later", "1/5"),
    ("MHRT hearing by video 3/12 - can his health worker attend?", "3/12"),
    ("booked on 3rd may, lmp 18 feb, now 24 wks", "3rd may"),
    ("long-term survivor dx'd March 1988, on Triumeq", "March 1988"),
    ("Mrs K (Ukrainian, arrived Apr 2022), lives alone", "Apr 2022"),
    ("Fr. Huber – Symptombeginn 17.03. um 14:20", "17.03."),
    ("Ole, født 1. maj 1940 — visitation til plejebolig?", "1. maj 1940"),
    ("92-jährige aus dem Pflegeheim, NIHSS 6", "92"),
    ("PT ACCT 99812  GUERRERO, ANA M.  61 F  admitted via ED", "ANA"),
    ("dottern Eva, 070-482 19 36. Pappa har fått en infarkt", "070-482 19 36"),
    ("mpox 2nd doses due: Ann (d1 12/8) - can the second be early?", "12/8"),
    ("Sun Life plan member 4471-29983-00 - Wegovy not covered", "4471-29983-00"),
]

# Look-alikes: sent exactly as typed.
KEPT = [
    "Hegar's, Chadwick's and Goodell's signs - useful in practice?",
    "Capgras delusion with no clear risk - enough for s2?",
    "Bence Jones proteinuria with AKI - high cut-off HD?",
    "Lurie Children's toxicology consult vs the Illinois Poison Center",
    "What's the usual ETA for the Le Bonheur Children's transport team?",
    "Will Lucile Packard accept a NICU back-transfer from our ED?",
    "How do we refer a new leukemia from the ED to St. Jude?",
    "Victoria's Mental Health and Wellbeing Act 2022 - how long is a treatment order?",
    "Can a Mental Health Tribunal hearing go ahead in Victoria if the patient had ECT?",
    "Mannitol during first dialysis - dose and timing?",
    "converting Aranesp 40 micrograms weekly to Mircera monthly - what dose?",
    "Xofluza for flu in kids - minimum age?",
    "Transonic access flow 450 ml/min in a forearm fistula - refer?",
    "Ok to put a kid in fast track if the fever came down?",
    "Lipase 3x ULN after a handlebar injury - CT or serial exams?",
    "World Kidney Day is 13 March this year - ideas for a display?",
    "World Breastfeeding Week 1-7 August - theme ideas for the ward?",
    "Audit period Jan-Mar 2024: what denominator for the CS rate?",
    "G3P2L2 POG 34+2 WKS PIH ON TAB LABETALOL 100 BD - PLAN?",
    "Renal Day Unit opens 0730 and closes 1930 Mon-Sat - who covers Sunday?",
    "Hospital Universitario Marqués de Valdecilla - how is donation organised?",
    "What CPAP protocol do they use at Dhaka Medical College Hospital?",
    "Janani Suraksha Yojana cash incentive for institutional delivery?",
    "Is the main switchboard number 0161 276 1234 the one to give patients?",
    "Issued: 29/06/2020; Review date: 29/06/2025",
    "POLICY: Medicines in Schools | Ref MED-POL-003 | Version 4.2 - section 6.3?",
    "Order set ID: OS-ENDO-017 rev C - when is 10% glucose added?",
    "Outbreak code OB-2024-031 - what should the ward do?",
    "ICD code I63-9 for stroke - is that right?",
    "Is Salford Royal, formerly Hope Hospital, still the stroke centre?",
    "Under the Voluntary Assisted Dying Act 2017 (Vic), can a doctor raise VAD?",
    "in rural Kerry, how do we get a hospital bed out of hours?",
    "pharmacist-furnished PrEP: max 60 days supply?",
    "CTO (Community Treatment Order) rules for a recall",
    "Is Caring@Home available in NSW?",
    "I met someone on Grindr - is PEP needed?",
    "see section 6.3. for the details",
    "D5 1/2 NS at 80 ml/h - ok for maintenance?",
]


# Each case: what is typed, and the identifier that must not be sent (None: a look-alike,
# sent exactly as typed).
CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_identifiers_go_and_look_alikes_stay(typed, gone):
    check_redaction(typed, gone)
