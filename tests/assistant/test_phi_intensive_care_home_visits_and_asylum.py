"""Identifiers of intensive care, home visits and asylum health (assistant.answering.phi): a
study participant's, an asylum seeker's and a parking badge's numbers, the code to a
patient's door, a care home or a house known by its name, a street's short word before a
postcode's first half, a patient's name that is also a word; and the look-alikes of those
services (an ICU's sedation scale, a court's judgment, a palliative care's shorthand) that
must be left alone."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (question, the text that must be gone from what is sent)
FOUND = [
    ("Study ID: ITU-FU-0931 - can it go in the discharge letter?", "ITU-FU-0931"),
    ("parking badge no. KD 551 207 3 for the carer - who signs?", "KD 551 207 3"),
    ("his ARC no. HLQ 448210 71 - does it prove he is exempt?", "448210"),
    ("UAN 3311-0098-7765-4410 on the Home Office letter, alt id on PAS?", "3311-0098-7765-4410"),
    ("A-Number: A-318-552-907 - eligible for emergency Medicaid?", "A-318-552-907"),
    ("pt A# 318-552-907 needs the civil surgeon's vaccines", "318-552-907"),
    ("keysafe code changed (was 2468) and no answer - what next?", "2468"),
    ("Key safe: yes - 7531\nCan the agency carers use it?", "7531"),
    ("Booking: Mob - 03 9876 5432, is a 6-week clinic review standard?", "03 9876 5432"),
    ("88 y/o man in ashdene care home, grade 3 sacrum - who reports it?", "ashdene"),
    ("admitted from Lakeside SNF last night - goals of care?", "Lakeside SNF"),
    ("08:40 PRICE Hannah - insulin - The Old Rectory", "The Old Rectory"),
    ("please check on him at 3 Willow Cottages, no lights on", "Willow Cottages"),
    ("she lives out in Much Wenlock, can outreach visit?", "Much Wenlock"),
    ("moved to 14 Roundhay Ln LS8 without telling the TB team", "LS8"),
    ("pt mr page lives alone, refusing carers - who assesses capacity?", "page"),
    ("can relatives of pt wade (bed 14) have the direct line?", "wade"),
    ("Follow-up list: 1000 HOLT R, 1030 ADEBAYO K. How long is each slot?", "HOLT R"),
    ("Follow-up list: 1000 HOLT R, 1030 ADEBAYO K. How long is each slot?", "ADEBAYO K"),
    ("compression clinic pt (wade, j) declining 4 layer - document how?", "wade, j"),
    ("her hearing aids (serial L 5521-30944, R 5521-30945) whistle", "5521-30945"),
    ("says she is 17, presenting alone - which consent process? name Patience", "Patience"),
    ("the al-Khatib family (4 children) need catch-up vaccines", "al-Khatib"),
    ("Text from her son: she had the op yesterday the 14th and it's red now", "14th"),
    ("Wade, the patient in bed 9, has no fixed address - what goes on the form?", "Wade"),
    ("repair form for mr ahmed, aid number HB-3310-07", "HB-3310-07"),
    ("acc no PPA-00417 - how long is the balance held?", "PPA-00417"),
    ("Cashier's receipt #C-66102, can she withdraw cash at the weekend?", "C-66102"),
    ("police fingerprint ref PNC-FP 220/19K matched - register him now?", "220/19K"),
    ("OT access visit at Larchwood care home for annie before discharge?", "Larchwood"),
    ("OT access visit at Rosewood care home before discharge?", "Rosewood"),
    ("a request from Mr Ward's neighbour to be at the home visit", "Ward"),
    ("pt's username is jo.banks and she lost proxy access", "jo.banks"),
    ("Join the video visit\nUsername: kpatel22\nCan the MA start it?", "kpatel22"),
    ("mva pt plates 4ZXC881 - police want the BAC result", "4ZXC881"),
    ("pt 'Smiler' (real name withheld, code HC-2231) - naloxone kits?", "HC-2231"),
    ("lives at 9 Mesa Rd Taos NM 87571 - video recheck ok?", "87571"),
    ("Hello, my name is Pedro Alves and my hospital number is on the letter", "Alves"),
]


@pytest.mark.parametrize(("question", "identifier"), FOUND)
def test_the_identifier_is_not_sent(question, identifier):
    assert identifier not in redact(question).text


CLEAN = [
    "jic meds standard doses - midaz, levo, glyco, oramorph?",
    "How should the Richmond Agitation-Sedation Scale guide sedation holds?",
    "What does the Tracey judgment say about discussing DNACPR decisions?",
    "Can we transfer to the Royal Brompton for ECMO, and who refers?",
    "The ambulance took him to Ninewells - will the nurses stop visiting?",
    "Is there an Arabic-language leaflet on TB treatment?",
    "loa loa - check before ivermectin in travellers from Cameroon?",
    "Which services advocate for Gypsy, Roma and Traveller patients?",
    "is dimeticone (Hedrin) suitable for a hostel outbreak?",
    "Coban 2 on fragile skin - is it safe?",
    "outbreak in a care home - tamiflu for care home staff?",
    "pt stable (bed 4) - ok to step down?",
    "pt lives alone - what support is offered on discharge?",
    "Can Room 14 in the eye clinic be used without the laser adviser?",
    "Rota: 0800 WARD ROUND, 1000 CLINIC B, 1400 THEATRE A. Who covers?",
    "is the fentanyl patch (left, r) side rotation needed?",
    "which brand name, Hedrin?",
    "Eid al-Adha next week - will visiting relax?",
    "Where does the Al-Anon group meet for relatives?",
    "Is the Tono-Pen accurate after a corneal graft?",
    "How should Maddox rod and Maddox wing results be recorded?",
    "When is the Bagolini striated lens test used in orthoptics?",
    "Does the Esterman binocular field test meet the DVLA standard?",
    "Can the Phonak or Signia app be set up by ward staff?",
    "Is the Princess Alexandra Eye Pavilion taking transfers tonight?",
    "Refer to Great Ormond Street or the Evelina for cochlear implants?",
    "Is Salford Royal still the thrombectomy centre overnight?",
    "How long does a Disabled Facilities Grant application take?",
    "the nic says no moves during protected mealtimes - who decides?",
    "humphrey 24-2 vs 30-2 for pituitary patients?",
    "transfer from Lister Ward to the discharge lounge",
    "modifier 95 vs GT on telehealth claims for medicare 2025",
    "HCPCS code G2012 - is a virtual check-in billable?",
    "valuables envelope books - order code VB-100?",
    "username and password reset for the portal?",
    "Is Fendrix preferred for hepatitis B non-responders?",
    "Dalivit and Sytron doses for preterm babies at discharge?",
    "ortolani +ve on nipe, uss hips timing",
    "empirical treatment for enteric fever from South Asia?",
    "Plan B or ella without a pregnancy test?",
    "Are Haberman feeders on the ward for cleft palate?",
    "hand hygiene audits in the Northgate and Eastgate clinics?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_the_question_is_sent_unchanged(question):
    assert redact(question).text == question
