"""Identifiers of neurology in Scotland and Wales, clinic letters, drug and alcohol services
and homelessness, and genetics and fertility (assistant.answering.phi): a procedure's, a
prison's or a collection's date after a document's word, a day of 13 to 31 then a month
without a cue, a year of birth after its cue, a room in a hostel, a refuge or a care home, a
place someone sleeps rough, numbers after the word for what they number (a serial, a badge,
an IVF cycle, an embryo, a study's family, a needle exchange's client) and other countries'
numbers, a nickname others use, an elder's family name, a middle initial before a surname
that is a word, a frequent surname before an age; and their look-alikes (a ward named after
someone, syndromes, brands, Welsh and Scottish hospitals and boards, a document's revision
date, a cohort's birth years, a dose split after a drug, a blood pressure, a tent) that must
be left alone."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("Kerr, 44, shunt revision 12/03/2025, now headaches - CT?", "12/03/2025"),
    ("flare protocol, embryo transfer 05/06/2025 for Ms Dunne - progesterone?", "05/06/2025"),
    ("prison no. A4410BC, release date 11/04/2025 - who gives the Buvidal?", "11/04/2025"),
    ("Mr Ellis died at home 27/12 - verification by the nurse?", "27/12"),
    ("pt (d. 19/11) - can the family see the notes?", "19/11"),
    ("mr pearce dob 1958 on the stroke ward - aspirin?", "1958"),
    ("I'm Carol Nash, born in 1961, can I have the shingles jab?", "1961"),
    ("Petrov lost his card. He was born in 1957. Pneumococcal jab?", "1957"),
    ("ID clinic list 3/2: cellulitis bed 4 - oral switch?", "3/2"),
    ("GOC discussion 14/9 with pt and son, DNACPR agreed", "14/9"),
    ("resident of Ashgrove Lodge rm 14, new confusion - urine dip?", "rm 14"),
    ("she's at the women's refuge on Mill Lane, room 3 - methadone pick-up?", "room 3"),
    ("Room 9 at Harbour House Refuge, on sertraline - serotonin risk?", "Room 9"),
    ("in the YMCA, room 12C - TB screen?", "12C"),
    ("he sleeps under the arches at Arch 4, Canal Street - trench foot?", "Arch 4"),
    ("she is sleeping in the doorway of 14 Market Row - frostbite?", "14 Market Row"),
    ("serials HX4410A / HX4411A on his hearing aids - lost on the ward", "HX4411A"),
    ("council taxi badge TB-2291 for a man with first seizure - DVLA?", "TB-2291"),
    ("IVF cycle B23-7710: OHSS risk, freeze all?", "B23-7710"),
    ("Embryo EMB-250102-03 mosaic on PGT-A - transfer?", "EMB-250102-03"),
    ("pedigree for family 40917 - who else to test for BRCA2?", "40917"),
    ("needle exchange client ROJA1104 - 20 x 1ml, hep C test offered?", "ROJA1104"),
    ("Centrelink CRN 318 442 910K, wants a Buvidal depot", "910K"),
    ("calls himself Sparky, 50s, jaundiced - capacity on the street?", "Sparky"),
    ("(we call her Duchess) missed three doses - restart?", "Duchess"),
    ("no ID, says he's 'Shamrock' from the night shelter - thiamine?", "Shamrock"),
    ("Aunty Merle from the community, 68, on dialysis - potassium?", "Merle"),
    ("FORENAME: OLUWASEUN  DOB: 12.02.1990 - karyotype?", "OLUWASEUN"),
    ("Yours sincerely, Paul R. Hunter, MD", "Hunter"),
    ("MDT list: - Keith Green 71 PSA 22 GG3 - bone scan?", "Green"),
    ("FPS 552910E, on licence - can the hostel hold his methadone?", "552910E"),
    ("(Medi-Cal 83312094A) on methadone 90mg - breastfeeding ok?", "83312094A"),
    ("trial pt 04-221 (Yuki Sato): eGFR 48 - continue the IMP?", "04-221"),
    ("CONSENT FORM REF GC-2024-0731 SIGNED - new consent for reanalysis?", "2024-0731"),
    ("Ali Khan, NHS no 9434765919, lives Tower Hamlets - home detox?", "Tower Hamlets"),
    ("she moved to Perth last year - can her GP there prescribe?", "Perth"),
    # a date of injury, "DOI", is the person's (no digital object identifier)
    ("claimant Rhys Lloyd, DOI 14/03/2024, claim # WC-2024-118 - RTW?", "14/03/2024"),
]

KEPT = [
    "Jenner Ward, bed 4: day 5 after cystectomy, still no flatus - start PN?",
    "Mary Seacole Ward has no bladder scanner - alternatives for PVR?",
    "Loeys-Dietz or vascular EDS - which one gets celiprolol?",
    "Li-Fraumeni: is the annual whole-body MRI enough?",
    "Beckwith-Wiedemann after ICSI - what absolute risk do we quote?",
    "Spinraza or Zolgensma for presymptomatic SMA with 3 SMN2 copies?",
    "Betsi Cadwaladr neurology - do patients go to the Walton Centre?",
    "Hywel Dda - nearest neuro-ICU is where?",
    "does the first fit clinic at Ysbyty Glan Clwyd run on Tuesdays?",
    "Alder Hey sweat test after one CFTR variant - how soon?",
    "my nain's tablets make her sleepy, is that the Keppra?",
    "Date of Revision: 14/03/2023 - is this monograph still current?",
    "should adults born 1945-1965 all be screened for hepatitis C?",
    "he says he's 'fine' but his sats are 88% - admit?",
    "of U.S. children born in 2015, what share had their MMR by age 2?",
    "adrenal insufficiency on hydrocortisone 20/10 with D&V - double the dose?",
    "French GP letter says TA 15/9, FC 80 - is that hypertensive?",
    "Zoely 24/4 regimen - VTE risk compared with other pills?",
    "he is sleeping in a tent, any advice on frostbite?",
    "found in the car park, GCS 14 - CT head?",
    "abx for 14/7 after the washout - then oral?",
    "Irish letters open with 'A Chara' - what is the sign-off?",
    "Saving Babies' Lives Care Bundle version 3 - how often is fundal height plotted?",
    "neuro-rehab beds in Cardiff - is Rookwood still open or moved to Llandough?",
    "OMIM 300624 vs 309550 - which is the FMR1 gene entry?",
    "ClinVar VCV000012345 lists conflicting interpretations - how to weigh them?",
    "HPO HP:0001250 + HP:0001263 - enough to order the epilepsy panel?",
    "Duchenne exon-skipping: eteplirsen covers exon 51 - what about exon 45 skipping?",
    "Folic acid 5mg weekly with methotrexate - which day?",
    "PKU pre-conception: target Phe 120-360 umol/L?",
]


# Each case: what is typed, and the identifier that must not be sent (None: a look-alike,
# sent exactly as typed).
CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_identifiers_go_and_look_alikes_stay(typed, gone):
    check_redaction(typed, gone)
