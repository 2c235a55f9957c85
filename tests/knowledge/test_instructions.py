"""Instructions told from sentences about a practice, and questions that want steps."""

from __future__ import annotations

import pytest

from knowledge.instructions import asks_what_to_do, is_instruction, is_patient_instruction


@pytest.mark.parametrize(
    ("sentence", "patient", "anyone"),
    [
        ("Wash it thoroughly with soap and warm running water.", True, True),
        ("Puncture wounds and cuts: let the wound bleed freely.", True, True),
        ("If it is below 70, have one of the following right away:", True, True),
        ("You should call your provider if a sore does not heal.", True, True),
        ("Report the injury to occupational health within the hour.", False, True),
        ("Do not scrub the wound.", True, True),  # "do" opens it
        ("Sharps must be discarded in a sharps container.", False, True),
        ("This procedure tells staff what to do after an injury.", False, False),
        ("Falls are the most commonly reported patient safety incident.", False, False),
    ],
)
def test_an_instruction_to_a_patient_or_to_staff(sentence, patient, anyone):
    assert is_patient_instruction(sentence) is patient
    assert is_instruction(sentence) is anyone


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("I got a needlestick injury, what should I do?", True),
        ("found syringe reuse in clinic - next steps?", True),
        ("how do we manage a blood spill in clinic", True),
        ("What is the purpose of the sharps procedure?", False),
        ("How long do I rub my hands?", False),
    ],
)
def test_a_question_that_wants_steps(question, wants):
    assert asks_what_to_do(question) is wants


def test_an_opening_word_before_the_verb_is_passed_over():
    assert is_instruction("Also tell the nurse or manager in charge.")
    assert is_patient_instruction("Dry the area and cover any wound with a waterproof dressing.")
    assert not is_instruction("Also known as hypoglycemia, it can make you shaky.")
