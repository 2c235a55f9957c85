"""The titles a name follows, read from one list by the cue rule, the pairs before an age
and the clauses of another language (assistant/answering/phi_titles.py); and the words that
spell a title in small letters, which stay."""

from __future__ import annotations

import pytest
from support import check_redaction

from assistant.answering import phi, phi_titles


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("ponia Rūta Jonaitienė 58 m. skundžiasi skausmu", "Jonaitienė"),
        ("Ponas Kazlauskas asks whether metformin can continue", "Kazlauskas"),
        ("gosp. Lovrića traži nalaze", "Lovrića"),
        ("Madame Benali needs an interpreter for consent", "Benali"),
        ("Signora Caputo has had a fever since Tuesday", "Caputo"),
        ("kyria roula 67 with a hip fracture", "roula"),
    ],
)
def test_a_name_after_a_title_of_another_language_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "don PPE before entering the side room",
        "Seu filho tem febre desde ontem?",
        "pan-sensitive Pseudomonas on the sputum culture",
        "sig: 1 tab po bid with food",
    ],
)
def test_a_title_spelt_as_a_word_leaves_the_question_alone(typed):
    assert phi.redact(typed).text == typed


def test_the_cue_rule_tries_a_longer_title_before_its_beginning():
    # "Panią" must not match as "Pan" and leave "ią" to swallow the name's first letters.
    words = phi_titles.alternation(frozenset({"pan", "panią", "pana"})).split("|")
    assert words.index("panią") < words.index("pana") < words.index("pan")
