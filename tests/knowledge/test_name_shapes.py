"""The spelling model for words no list holds (built at install by scripts/build_name_shapes.py)."""

from __future__ import annotations

import math

import pytest

from assistant.answering.phi_words import SHAPE_THRESHOLD
from knowledge.name_shapes import DEFAULT_PATH, grams, name_likeness

needs_table = pytest.mark.skipif(
    not DEFAULT_PATH.is_file(), reason="knowledge/data/name_shapes.tsv is built by scripts/setup.sh"
)


def test_letter_sequences_mark_the_start_and_the_end():
    assert grams("Abe", 1, 2) == ["^", "a", "b", "e", "$", "^a", "ab", "be", "e$"]


@needs_table
def test_names_of_many_origins_are_spelt_more_like_names_than_most_drugs_and_devices():
    # written for this test: none of these is on the app's name or word lists
    names = ["Chidinma", "Wiktoria", "Oluwaseun", "Thandiwe", "Przemysław", "Siobhan"]
    things = ["Optiflow", "Venetoclax", "Kaltostat", "Nutramigen", "Prismaflex", "Dexcom"]
    threshold = SHAPE_THRESHOLD  # a word no list holds scoring below it is kept
    assert all(name_likeness(w) >= threshold for w in names)
    kept = [w for w in things if name_likeness(w) < threshold]
    assert len(kept) >= 4  # not all: "Kaltostat" is spelt like a name, and is redacted
    assert sum(map(name_likeness, names)) > sum(map(name_likeness, things))


def test_without_the_table_every_word_stays_a_name(tmp_path):
    assert name_likeness("Optiflow", tmp_path / "missing.tsv") == math.inf
