"""Chinese, Korean and South-East Asian Chinese names in Latin letters
(assistant.answering.phi_east_asian): a family name then given-name syllables is a person in
any case; hospitals named after their founders, Hong Kong, and exercises and herbs spelt the
same way are not."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact
from assistant.answering.phi_east_asian import given_syllables

NAMES = [
    ("subj 2207 = tan wei ming on the CRF by mistake", "wei ming"),
    ("ctimp ppt ng kok wai (scr 0773) wants to join a second trial", "kok wai"),
    ("tac level 18.2 for ho kwok-wing, target 5-8. hold or reduce?", "kwok-wing"),
    ("CHAN Tai Man, Peter - 1st dose rabies vaccine given abroad", "Tai Man"),
    ("Pre-assessment: Name Goh Siew Lan | ASA 3 | home O2 2L", "Siew Lan"),
    ("leung ka yan, karen 16y overdose - needs CAMHS?", "ka yan"),
    ("ambo handover mr lee wing-kei, 83, ?NOF", "wing-kei"),
]


@pytest.mark.parametrize(("question", "given"), NAMES)
def test_a_family_name_before_given_syllables_is_removed(question, given):
    assert given not in redact(question).text


CLEAN = [
    "What are the components of the falls bundle at Khoo Teck Puat Hospital?",
    "Does Ng Teng Fong General Hospital allow patients to use their own insulin pens?",
    "Under Hong Kong's PDPO, can remote monitoring data be stored abroad?",
    "Tai Chi classes for falls prevention - who can refer?",
    "is ma huang safe with an MAOI?",
    "dong quai with warfarin - any interaction?",
    "tan and pink skin around the wound - infected?",
    "so long as the INR is stable can we skip the check?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_places_things_and_english_words_are_left(question):
    assert redact(question).text == question


def test_the_syllables_hold_pinyin_and_other_spellings_but_no_long_english_words():
    syllables = given_syllables()
    assert {"ming", "xiao", "kwok", "siew", "hyun"} <= syllables
    assert not {"ward", "bed", "dose"} & syllables
