"""Key facts are matched loosely in what an answer shows: case, white space, dashes, >= and
≥, citation markers and table cells do not matter; the words and numbers do."""

from __future__ import annotations

import pytest

from assistant.evaluation.eval_facts import fact_shown, facts_shown


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("Every 15 minutes", "First hour (0-1 hours) every  15\nminutes [1]"),
        ("20–30 seconds", "Rub for 20-30 seconds, until dry."),
        ("≥50 MME/day", "at >= 50 MME/day [2]"),
        ("Oxycodone 1.5", "Codeine | 0.15\nOxycodone | 1.5\nMethadone | 4.7"),
        ("post-exposure prophylaxis", "Post-\nexposure prophylaxis (PEP) is offered"),
    ],
)
def test_a_fact_is_shown_whatever_the_layout(fact, text):
    assert fact_shown(fact, text)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("Oxycodone 1.5", "Oxycodone | 15"),
        ("90 MME/day", "50 MME/day or more"),
        ("within 1 hour", "within 24 hours"),
    ],
)
def test_a_different_value_is_not_the_fact(fact, text):
    assert not fact_shown(fact, text)


def test_facts_are_counted_each_once():
    assert facts_shown(["a dose", "Every 4 hours", "missing"], "A dose | every 4 hours") == 2
