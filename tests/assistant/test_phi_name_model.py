"""The identifier detector's learned second opinion (assistant/answering/phi_name_model.py) and
its fitting script (scripts/train_name_model.py): what it may change, what it never changes,
and that fitting never reads a held-out half."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

from assistant.answering import phi, phi_name_model
from assistant.answering.phi import redact

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    # The script puts the checkout and benchmarks/ on the path to reach the sets' split;
    # take them off again so no other test imports a benchmark by accident.
    path = list(sys.path)
    spec = importlib.util.spec_from_file_location(
        "train_name_model", ROOT / "scripts" / "train_name_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
    return module


def test_the_weights_table_is_shipped_and_readable():
    weights = phi_name_model._weights()
    assert "bias" in weights
    assert len(weights) > 1000
    assert all(math.isfinite(w) for w in weights.values())
    # What the rules made of a word is among what it weighs most.
    assert weights["st=guess"] > weights["st=none"]


def test_probabilities_are_one_per_word_between_zero_and_one():
    text = "spoke to Nakato about her insulin"
    tokens = phi_name_model.words(text)
    states = [phi_name_model.NONE] * len(tokens)
    p = phi_name_model.probabilities(text, tokens, states)
    assert len(p) == len(tokens)
    assert all(0.0 < x < 1.0 for x in p)


def test_a_name_a_rule_found_is_never_withdrawn():
    # "Lentocilin" is a guess the model withdraws (test_phi.py); placed by a rule as a
    # name, the same span stays whatever the model thinks of it.
    text = "Lentocilin 2.4 MU IM?"
    span = (0, len("Lentocilin"))
    assert phi_name_model.judge(text, [], [], [span]) == []
    assert phi_name_model.judge(text, [span], [], [span]) == [span]


def test_a_guess_a_cue_placed_is_kept():
    # "goes by" and the quotes placed it, not the word itself: the model may not withdraw it.
    assert redact('he goes by "Bee" on the unit').text == 'he goes by "[NAME-1]" on the unit'
    assert "rubina" not in redact("mr khan's daughter is rubina, can she collect his meds?").text


@pytest.mark.parametrize(
    "typed",
    [
        "mr head and neck or CT first for the lump?",  # a body part after "mr" typed small
        "m r n three three eight one two seven for the c t",  # a label spelt out
    ],
)
def test_it_adds_no_letter_alone_and_no_dictionary_word_in_small_letters(typed):
    assert [f.text for f in redact(typed).findings if f.kind == "NAME"] == []


def test_a_word_it_adds_is_counted_as_a_guess():
    text = "Babirye Prossy rang about her son, fever 39"
    found = redact(text)
    assert "Babirye" not in found.text and "Prossy" not in found.text
    assert all(f.guess for f in found.findings if f.kind == "NAME")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a surname that is also a word, after a given name the rules found
        ("EBM meant for another baby was given to Baby of Roxanne Swallow via NG", "Swallow"),
        ("GRACE WOOD - LDLT donor, right lobe. POD 5 bilirubin 45, normal?", "GRACE"),
    ],
)
def test_a_word_beside_a_name_joins_it(text, gone):
    assert gone not in redact(text).text


def test_a_title_before_a_name_does_not_join_it():
    # Before a name stand titles and roles: they stay, the name goes.
    sent = redact("witnessed by Staff Nurse Kirsty Paterson on the ward").text
    assert "Staff Nurse" in sent and "Kirsty" not in sent and "Paterson" not in sent


def test_fitting_reads_only_tuning_halves_and_leaves_out_later_sets(tmp_path, monkeypatch):
    trainer = _trainer()
    bench = trainer.bench
    cases = [
        {"id": f"ZZ-{n:03d}", "question": f"can Zofia{n} have ibuprofen?", "identifiers": []}
        for n in range(1, 41)
    ]
    for case in cases:
        case["identifiers"] = [{"kind": "name", "text": case["question"].split()[1]}]
    (tmp_path / "zz_identifier_cases.jsonl").write_text(
        "\n".join(json.dumps(c) for c in cases) + "\n"
    )
    later = tmp_path / "later_identifier_cases.jsonl"
    later.write_text(json.dumps({**cases[0], "id": "LT-001"}) + "\n")
    monkeypatch.setattr(trainer, "SETS", tmp_path)
    read = []
    real = phi.redact
    monkeypatch.setattr(phi, "redact", lambda text: read.append(text) or real(text))

    rows = trainer.examples(leave_out=("later",))

    tuning = [c["question"] for c in cases if bench.split(c) == "tune"]
    assert 0 < len(tuning) < len(cases)  # both halves are present in the set
    assert read == tuning
    assert {row[3] for row in rows} == {"zz"}
    assert any(row[1] for row in rows)  # the names are the positives


def test_fitting_is_deterministic_and_learns_what_separates():
    trainer = _trainer()
    rows = [(["bias", "a"], True, "guess", "s")] * 20 + [(["bias", "b"], False, "guess", "s")] * 20
    first = trainer.fit(rows, 3.0)
    assert first == trainer.fit(rows, 3.0)
    assert first["a"] > 0 > first["b"]
