"""Unit tests of the citation checks: markers a model writes, claims and their support. Fast:
embeddings come from a fake that maps each text to a fixed unit vector."""

from __future__ import annotations

import numpy as np

from assistant.answering.citations import (
    Claim,
    SupportThresholds,
    check_support,
    clean_markers,
    drop_unsupported,
    lexical_support,
    split_claims,
)


def test_invalid_markers_are_dropped_and_valid_ones_renumbered_by_first_use():
    text = "Rub for 20 seconds [3]. Use soap when soiled [1, 9]. See [Source 3] and [passage 2]."
    cleaned, order, removed = clean_markers(text, passage_count=3)
    assert cleaned == "Rub for 20 seconds [1]. Use soap when soiled [2]. See [1] and [3]."
    assert order == [3, 1, 2]  # original passage numbers in their new order
    assert removed == 1  # [9] points at no passage


def test_ranges_and_lists_expand_within_the_passages():
    cleaned, order, removed = clean_markers("Both apply [1-3] and [2 and 4].", passage_count=3)
    assert order == [1, 2, 3] and removed == 1
    assert cleaned == "Both apply [1] [2] [3] and [2]."


def test_claims_take_a_marker_after_their_full_stop_and_uncited_sentences_cite_nothing():
    claims = split_claims("Rub for 20 seconds. [1] Wash with soap [2]. Ask a nurse.")
    assert [(c.text, c.cited) for c in claims] == [
        ("Rub for 20 seconds.", [1]),
        ("Wash with soap.", [2]),
        ("Ask a nurse.", []),
    ]


def test_a_number_the_passage_lacks_halves_lexical_support():
    passage = "Rub for 20-30 seconds until the hands are dry."
    assert lexical_support("Rub for 20-30 seconds until dry", passage) == 1.0
    assert lexical_support("Rub for 60 seconds until dry", passage) < 0.6


class FixedEmbeddings:
    """Each text's vector is chosen by the test: unit vectors on two axes."""

    def __init__(self, close: set[str]):
        self.close = close

    def __call__(self, texts):
        return np.asarray([[1.0, 0.0] if t in self.close else [0.0, 1.0] for t in texts])


def test_a_paraphrase_is_supported_and_a_wrong_number_never_is():
    passages = ["Rub for 20-30 seconds. Dry the hands in the air.", "Wash with soap and water."]
    claims = [
        Claim("Rub your hands for 20-30 seconds.", [1]),
        Claim("Rub your hands for 60 seconds.", [1]),
        Claim("Use a towel to dry them.", [2]),
        Claim("This is not covered in the approved documents.", []),
    ]
    embed = FixedEmbeddings(
        {
            "Rub your hands for 20-30 seconds.",
            "Rub for 20-30 seconds.",
            "Rub your hands for 60 seconds.",
        }
    )
    check_support(claims, passages, embed, SupportThresholds())
    assert [c.supported for c in claims] == [True, False, False, True]
    assert claims[0].evidence == "Rub for 20-30 seconds."
    text = "Rub your hands for 20-30 seconds [1]. Rub your hands for 60 seconds [1]."
    split = split_claims(text)
    split[0].supported = True
    assert drop_unsupported(text, split) == "Rub your hands for 20-30 seconds [1]."
