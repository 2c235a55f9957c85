"""Clinical words that look like names, beside real names (assistant.answering.phi): the
ward's own words, a unit of care by its letters, a fluid given by volume; and an age over
89 said after a name, initials in a bed, a given name after a dose, which still go."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact


@pytest.mark.parametrize(
    "typed",
    [
        "Handover: bed 7, 66F, day 3 of IV co-amoxiclav - switch to oral?",
        "HANDOVER - side room 2, C. diff, stool chart?",
        "ITU bed 4 on noradrenaline 0.2 - target MAP?",
        "Does anyone else in the bay need PEP, and who else should be screened?",
        "Septic, lactate 5: give 500 ml of Hartmann's now or wait for the reg?",
        "Takotsubo after a fall - how long before she can drive?",
    ],
)
def test_ward_words_a_unit_by_its_letters_and_a_fluid_given_by_volume_are_kept(typed):
    assert redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("My nan Edith is 93 and keeps falling - is that normal?", ["Edith", "93"]),
        ("Mr Okafor was 91 when he started apixaban: dose?", ["Okafor", "91"]),
        ("RK (bed 12) sats 88% on 2 l - escalate?", ["RK"]),
        ("night staff gave 10 mg Maria at 02:00 - was that too much?", ["Maria"]),
    ],
)
def test_an_age_said_after_a_name_initials_in_a_bed_and_a_name_after_a_dose_still_go(typed, gone):
    sent = redact(typed).text
    assert not any(word in sent for word in gone), sent


def test_factor_xa_is_no_name_but_a_person_called_xa_still_is():
    assert redact("Anti-Xa level 4 hours post dose - in range?").text.startswith("Anti-Xa")
    assert "Nguyen" not in redact("Xa Nguyen is 45, on apixaban").text


def test_an_older_generic_is_no_name_even_after_called():
    sent = redact("she has been given something called haloperidol, is that safe?").text
    assert "haloperidol" in sent
    assert redact("Allopurinol starting dose 100 mg/day?").text.startswith("Allopurinol")
