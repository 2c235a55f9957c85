"""Identifiers of imaging requests, a practice's front desk and maternity care
(assistant.answering.phi): who introduces themselves in a message, a baby or twins by name,
whom a booking is for, a surname's label, a pupil's or a donor's number, and the look-alikes
of radiology, fertility and obstetrics that must be left alone."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

# (question, the text that must be gone from what is sent)
FOUND = [
    ("sms 09:10 'hi its dev, can i get my inhaler without an appt'", "dev"),
    ("voicemail: hello, this is Aroha from the farm, my dressing fell off", "Aroha"),
    ("message: hiya it's jess, script for the pill please", "jess"),
    ("mum feeding her baby, Poppy, after the contrast MRI - pump and dump?", "Poppy"),
    ("baby amara mensah day 3 jaundice level 290 - phototherapy?", "mensah"),
    ("otis (the little boy in bay 2) - calpol and ibuprofen together?", "otis"),
    ("twins ruby & harper both in special care, who signs the consent?", "harper"),
    ("barium swallow for kofi tmrw - NBM from when?", "kofi"),
    ("is a dating scan still possible at 13+6 for tanisha", "tanisha"),
    ("Referral form\nSurname: OKONJO  Forenames: Ada\nReason: reflux", "OKONJO"),
    ("Re: MRS TEMARA WHAANGA  NHI: ABC1234", "WHAANGA"),
    ("4. 09:20 GREEN, Alice 47 - BP check", "GREEN, Alice"),
    ("school nurse referral, UPN: K881200345678, who can see the notes?", "K881200345678"),
    ("donor code S-20931 - can the clinic release the donor's first name?", "20931"),
    ("his claim number, QX55120, goes on the physio referral?", "QX55120"),
    ("ivf pt for embryo transfer 3/6 - progesterone support how long", "3/6"),
    ("need a sick note from 2nd to 16th, she had shingles", "16th"),
    ("ct colon booked 9th for pt - bowel prep start when?", "9th"),
    ("mum w asthma - keisha grant 31 - steroid cover for the section?", "keisha"),
    ("ivy on the line, 84, dizzy since her new tablets - same-day slot?", "ivy"),
    ("phoned back bev t. - no answer, how many tries before closing?", "bev"),
    ("pls ring mrs k. o'hara re her transport to dialysis", "o'hara"),
    ("amber hill 31+2 reduced movements - CTG or scan first?", "hill"),
    ("his wife LISA is 45 and asks to stay overnight", "LISA"),
    ("unknown pt, tattoo 'NAOMI' on the forearm - how do we register him?", "NAOMI"),
    ("school: Riverside Heights High School, can the nurse give the inhaler?", "Riverside"),
    ("10:30  MORRIS, Glen     04/11/1949   NHS 401 223 8870", "MORRIS"),
    ("07:45 LANE, Summer 31F - marrow harvest, GA", "LANE"),
    ("granddaughter tilly phoned re nana's results, can I share?", "tilly"),
    ("sickle crisis, pt 'deano' on the day unit - pca or oral?", "deano"),
    ("run sheet shows 'MOLLY HUGHES, 9 Dock Road' - is that allowed?", "MOLLY HUGHES"),
    ("exemption: MatEx number 4471 2290 118 - does it cover her partner?", "4471 2290 118"),
    ("TTO query - K number K5512098, who checks the sharps teaching?", "K5512098"),
    ("Pt: ROY, Marcel  HC# 4471-200-118-XK  refill early?", "4471-200-118-XK"),
    ("stolen from his car, police report #25-330871 - early refill?", "330871"),
    ("the support worker (kerry) rang about the care package", "kerry"),
    ("his advocate (ben doyle) disagrees with the best-interests decision", "doyle"),
    ("pt with rett syndrome (lily-mae) needs bloods - distraction kit?", "lily-mae"),
    ("ruby (pt in side room 2) keeps pulling her cannula", "ruby"),
    ("mark from the day centre is asking about the discharge date", "mark"),
    ("her sister wants an update on kayla - can I share it?", "kayla"),
    ("dols expires 14/09 - who renews the urgent authorisation?", "14/09"),
    ("can we take the bloods at her last session 02/12?", "02/12"),
    ("his biopsy is booked for 19/11 - hold the clopidogrel?", "19/11"),
    ("she wants a cruise 3-17 Oct - can PD fluid go to the ship?", "3-17 Oct"),
    ("lab no TT-24-11820 for the recipient - who chases the crossmatch?", "11820"),
    ("10:40 NOWAK Anna 1961 LRCF - flow 380", "NOWAK"),
    ("can grace get the late dialysis slot on saturdays?", "grace"),
    ("pt ben (benjamin) okafor 2 failed fistulas - graft next?", "okafor"),
    ("platelets for mk in bay 4 - HLA antibodies first?", "mk"),
    ("Screening log: Trial no: LU-2291  Arm A - who unblinds?", "2291"),
]


@pytest.mark.parametrize(("question", "identifier"), FOUND)
def test_the_identifier_is_not_sent(question, identifier):
    assert identifier not in redact(question).text


CLEAN = [
    "hi it's me again - how long do I fast before the scan?",
    "hi I'm worried, is the MRI noise safe for the baby?",
    "Hello, this is Mum - can I stay with my son in recovery?",
    "baby blues or postnatal depression - when does the midwife refer?",
    "twins and triplets: does the birth plan policy differ?",
    "is the policy different for today?",
    "What are the indications for MR enterography in suspected Crohn's disease?",
    "shirodkar vs mcdonald cerclage - which is removed at 36+6?",
    "de quervain's injection - does radiology do them under ultrasound?",
    "hill-sachs on the shoulder film - is CT needed?",
    "bosniak 2f cyst - how often is the follow-up scan?",
    "What is the maximum dose of Gadovist in children under two?",
    "Is Primovist preferred over Dotarem for liver lesions?",
    "How should Leopold's manoeuvres be documented at 36 weeks?",
    "Please summarise the Montgomery ruling for consent to vaginal breech birth.",
    "What are the Ockenden report's actions on consultant presence?",
    "Is a Cusco or a Sims speculum used for suspected PPROM?",
    "Can the Mary Seacole birth centre take women with a BMI over 35?",
    "GP or recep - who fills in the visit card renewal form?",
    "We had an unexpected death at home - what does reception do?",
    "poisons advice - ring NPIS 0344 892 0111 or check TOXBASE first?",
    "should wards call the MRI department on 020 7188 5500 for safety queries?",
    "the donor code of practice - what does it say about anonymity?",
    "is the change from 1st to 3rd trimester dosing in the guideline?",
    "booked 2nd dose of anti-D - when is it given?",
    "MR CT BRAIN requests - who vets them out of hours?",
    "Garden IV NOF in an independent 80 yo - hemi or THR?",
    "surfactant by LISA in the delivery room - which babies?",
    "Who escalates on the Newborn Early Warning Trigger and Track chart?",
    "What does the Tommy's National Centre advise after recurrent miscarriage?",
    "isolation after 5.5 GBq of iodine-131 - how many days?",
    "pt on the line asking whether to fast before the scan",
    "ring back tomorrow - results not in yet",
    "Are Auer rods on a film enough to start the leukaemia pathway?",
    "Do Howell-Jolly bodies prompt a vaccination review?",
    "shared care with The Christie for proton referrals?",
    "Kymriah or Yescarta - which CAR-T is commissioned here?",
    "extended phenotype matching Rh & Kell for sickle cell - always?",
    "counselling points for a new Dosette box?",
    "can GPs call Leeds Teaching Hospitals (0113 392 3547) for medicines advice?",
    "a number of patients asked for a K number leaflet",
    "is ROSE BENGAL staining for dry eye done in clinic?",
    "CRP (rose) to 50 overnight - repeat cultures?",
    "The Medicines Adverse Reactions Committee (MARC) reviewed the reports - what changed?",
    "Does the Hope Suite offer support to families during a LeDeR review?",
    "Is Oliver McGowan training mandatory for bank staff?",
    "reflux in cornelia de lange syndrome - ppi dose?",
    "Who can act under a Lasting Power of Attorney for Health and Welfare?",
    "Talking Mats or Widgit symbols for consent?",
    "he loves Thomas the Tank Engine - can the play team use it?",
    "Kt/V 1.1 but Qb only 250 - push the blood flow first?",
    "transfer arrangements with Guy's and St Thomas' out of hours?",
    "My son has grommets. Can he go swimming?",
    "can crews give adrenaline before the anaphylaxis card says so?",
    "NICE Guidance 2019 on renal replacement - still current?",
    "pt with an ng in bay 3 pulled it out - replace tonight?",
    "which trial number does the consent form need?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_look_alikes_are_left_as_they_are(question):
    assert redact(question).text == question
