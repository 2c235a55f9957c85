"""Text clean-up shared by the parsers."""

from __future__ import annotations

import pytest

from knowledge.parsing.hygiene import join_lines, normalize


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("infec-\ntion control", "infection control"),  # the joined word is a word
        ("a substi-\ntute for judgement", "a substitute for judgement"),
        ("arrange follow-\nup in clinic", "arrange follow-up in clinic"),  # both halves are words
        ("COVID-\n19 vaccine", "COVID-19 vaccine"),  # digits and capitals keep the hyphen
        ("pharmaco-\nlogic therapy", "pharmacologic therapy"),  # rare word: joined
        ("line one\nline two", "line one line two"),
    ],
)
def test_join_lines_repairs_hyphenation_with_a_dictionary(raw, joined):
    assert join_lines(raw) == joined


def test_normalize_folds_ligatures_spaces_and_controls():
    assert normalize("ﬁnal\u00a0 dose\x07  of\u00ad ﬂuids ") == "final dose of fluids"
