"""Identifiers of custody healthcare, military and veterans' care, dentistry and the
Caribbean and West Africa (assistant.answering.phi): a prisoner's number (NOMIS, a New South
Wales MIN, a custody record, a federal register number), a service number after its short
label, names after a service rank, New Zealand's NHI without its label, a Barbados postcode,
a Ghana Post digital address, a taxi's plate in brackets, labels of antenatal cards and
insurance schemes, an initial with a surname no list holds, an employer named after a
paramedic's job, a pupil referral unit, a home named where someone lived, a date after a
release or a court; and their look-alikes (drugs and brands, prisons and towns, dental
eponyms, wards said to be wards, blood groups, a healthcare centre's beds, "Black" before a
group of people) that must be left alone."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("reception screen: Dean Price A4471TR says he's on 30mg methadone", "A4471TR"),
    ("check nomis b2284kd before we give the night meds", "b2284kd"),
    ("NOMIS shows c9012pq twice - merge the health record?", "c9012pq"),
    ("Justice Health: MIN 604418, on clozapine, bloods due", "604418"),
    ("FME review, CR 4410/25, cut to forearm needs steristrips?", "4410/25"),
    ("custody: CR no 22KX/1187/25, asthma, no inhaler with him", "22KX/1187/25"),
    ("register no. 55120-083 - insulin pump allowed in the unit?", "55120-083"),
    ("SN Q41 228 907 on the medical board list, knee still unstable", "Q41 228 907"),
    ("sick parade: Pte HOLLOWAY J - blisters both heels", "HOLLOWAY"),
    ("sick parade: Pte HOLLOWAY J - blisters both heels", "HOLLOWAY J"),
    ("GNR ADEBAYO TUNDE, 1 RHA, ankle inversion on the run", "ADEBAYO TUNDE"),
    ("LCpl Harrow reports chest tightness after the CBRN drill", "Harrow"),
    ("scan says KMT4471, the consent form says KMT4417 - which is right?", "KMT4471"),
    ("lives in St Philip BB18022, missed her dialysis twice", "BB18022"),
    ("her digital address is GA-184-2290, near the market", "GA-184-2290"),
    ("he drives a route taxi (PBD 2271) and his vision is 6/36", "PBD 2271"),
    ("ANC no. 5512, booking bloods done, Hb 9.1", "5512"),
    ("hosp. no. 21-558830 - repeat the malaria film?", "21-558830"),
    ("NHIA enrolee: ABJ/HMO/44120/C, which antenatal drugs are covered?", "ABJ/HMO/44120/C"),
    ("Reg: KBTH-2025-004417, discharged on warfarin", "KBTH-2025-004417"),
    ("iris code IRC-5B10-7721 does not match the card", "IRC-5B10-7721"),
    ("Aetna member W7710 22841 - is the crown covered?", "W7710 22841"),
    ("Medicaid CIN KT44120P, new to the clinic", "KT44120P"),
    ("dental plan policy 4410-2290-7731: is sedation covered?", "4410-2290-7731"),
    ("label the denture 'R. NOWICKA' please", "NOWICKA"),
    ("bed 2 - t. mcgillivray, fractured mandible, soft diet?", "mcgillivray"),
    ("the lad is known on the wing as Spider, refuses meds", "Spider"),
    ("she was a paramedic with South Western Ambulance Service before this", "Ambulance"),
    ("he goes to Fairfield Pupil Referral Unit and has asthma", "Fairfield"),
    ("remanded for a fight at The Cedars where he lived, MMSE 18", "The Cedars"),
    ("release day 14/08/2025 - who arranges his methadone script?", "14/08/2025"),
    ("dr smith told me to ask about the anticoagulant before extraction", "smith"),
    ("hearing aids L 4410KX118 R 4410KX119 - right one whistles", "4410KX119"),
    ("pt maria de la cruz 45f, cough for 3 weeks", "cruz"),
    ("sr de la peña in bay 4 is hypo", "peña"),
    ("n° sécu 1 72 11 69 123 045 18 - prior auth?", "045 18"),
    ("nº utente 301 884 552, mora em Braga", "301 884 552"),
    ("mieszka ul. Długa 4, 31-147 Kraków - her son asks about INR", "31-147"),
    ("bunicul are 94 de ani, will not eat", "94"),
    ("telf 611 223 498, call the daughter", "611 223 498"),
]

# Look-alikes: sent exactly as typed.
KEPT = [
    "Maviret or Epclusa for a short sentence?",
    "Is modafinil still allowed for aircrew?",
    "Bonjela for an adult with ulcers - safe?",
    "Duraphat 5000 toothpaste for a 14 year old?",
    "Casgevy for sickle cell - who is eligible?",
    "referral route to the Central Mental Hospital in Portrane?",
    "In Polmont, who prescribes for the under-18s?",
    "Salford Royal - does it take veterans' major trauma?",
    "Cvek pulpotomy for a fractured incisor?",
    "Kois deprogrammer or a Lucia jig for a bite record?",
    "Cawood and Howell class V ridge - graft first?",
    "curve of Wilson: why does it matter for dentures?",
    "Rose Ward is the female PICU - can it take a transfer from prison?",
    "Bader Ward - is that the amputee rehab ward?",
    "Mum O positive and baby A positive - Coombs?",
    "Handover: HCC bed 4 BMs four-hourly, any concerns?",
    "Medicaid 1115 waivers before release - which services?",
    "Do Black patients need a different eGFR equation now?",
    "How does Justice Health handle methadone in court cells?",
    "Coeliac diet in detention: is a biopsy needed?",
    "Halal and kosher medicines: which capsules have gelatin?",
    "DVA Gold Card holders - do they need a referral?",
    "What is Hb Bart's on a newborn screen?",
    "What is DCB1605 and what must we record?",
    "Lt knee swelling after the march - ice?",
    "insulin pump 50ml/h overnight - is that right?",
    "the family call it 'pressão alta' - do they mean hypertension?",
    "is ataque de nervios a recognised cultural syndrome?",
    "what is a posto de saúde - like a GP surgery?",
    "Spasfon was bought in France - what is the UK equivalent?",
    "dose 10-100 mg daily is too wide a range?",
]


# Each case: what is typed, and the identifier that must not be sent (None: a look-alike,
# sent exactly as typed).
CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_identifiers_go_and_look_alikes_stay(typed, gone):
    check_redaction(typed, gone)
