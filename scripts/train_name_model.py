"""Fit the identifier detector's second opinion (assistant/answering/phi_name_model.py).

Reads the tuning half of every question set in tests/data/phi (the held-out halves are never
read: they report the detector), runs the rules on each question, and fits a logistic
regression on the words the rules leave to judgement: a word is positive when it lies inside
an identifier the set's writer marked. Writes assistant/answering/name_model.tsv.

    python scripts/train_name_model.py [--out FILE] [--c 1.0]

Needs knowledge/data (scripts/setup.sh builds it): the features use the name and word lists.
Deterministic: the same sets and lists give the same table.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import phi as bench  # noqa: E402  (benchmarks/phi.py: the sets and their split)
from phi_sets import NEVER_READ_BY_THE_NAME_MODEL  # noqa: E402

from assistant.answering import phi, phi_name_model  # noqa: E402

SETS = ROOT / "tests" / "data" / "phi"
MIN_COUNT = 3  # a feature seen fewer times is dropped: it would only memorise
# Chosen by fitting on half the sets and scoring the other half (by set, so a set's own names
# never score it): 3 withdrew the most wrong guesses for the names it cost.
C = 3.0
# Sets that arrived while this model was fitted: measured blind by it, so never read here.
ARRIVED_LATER = NEVER_READ_BY_THE_NAME_MODEL


def examples(leave_out: tuple[str, ...] = ()):
    """(features, label, state, set) for each judged word of every tuning question."""
    rows = []
    for path in sorted(SETS.glob("*.jsonl")):
        if path.name.split("_")[0] in leave_out:
            continue
        for case in bench.load(path):
            if bench.split(case) != "tune":
                continue
            spans = _identifier_spans(case)
            states, tokens = _states(case["question"])
            question = phi_name_model.context(case["question"], tokens, states)
            for i, token in enumerate(tokens):
                if states[i] not in (phi_name_model.GUESS, phi_name_model.NONE):
                    continue
                label = any(a < token.end() and token.start() < b for a, b in spans)
                feats = phi_name_model.features(case["question"], tokens, states, i, question)
                rows.append((feats, label, states[i], path.name.split("_")[0]))
    return rows


def _identifier_spans(case: dict) -> list[tuple[int, int]]:
    question, spans = case["question"], []
    for identifier in case.get("identifiers", []):
        text = identifier["text"]
        if identifier["kind"] == "age" or not text:
            continue
        start = question.find(text)
        while start >= 0:
            spans.append((start, start + len(text)))
            start = question.find(text, start + 1)
    return spans


def _states(text: str):
    """What the rules made of each word, as phi._names_word_by_word sees it."""
    seen = {}
    original = phi_name_model.judge

    def spy(text_, names, others, guesses):
        seen["args"] = (names, others, guesses)
        return guesses  # the rules' own verdict: the model must not judge its own input

    phi_name_model.judge = spy
    try:
        phi.redact(text)
    finally:
        phi_name_model.judge = original
    tokens = phi_name_model.words(text)
    return phi_name_model.states_of(tokens, *seen["args"]), tokens


def fit(rows, c: float):
    counts = Counter(f for feats, *_ in rows for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias")
    index = {f: k for k, f in enumerate(names)}
    indptr, indices = [0], []
    for feats, *_ in rows:
        indices += sorted({index[f] for f in feats if f in index})
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(names)))
    y = np.array([row[1] for row in rows], dtype=float)

    def loss(w):
        z = x @ w
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        value = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += 0.5 * np.dot(w, w) / c
        grad = x.T @ (p - y) + w / c
        return value, grad

    result = optimize.minimize(
        loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    return {f: float(result.x[index[f]]) for f in names}


def write(weights: dict[str, float], out: Path, note: str) -> None:
    lines = [f"# {note}", "# feature<TAB>weight (scripts/train_name_model.py)"]
    lines += [f"{f}\t{w:.4f}" for f, w in sorted(weights.items()) if abs(w) >= 0.005]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=phi_name_model.WEIGHTS)
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--rows", type=Path, help="also write the examples here (JSON)")
    parser.add_argument(
        "--leave-out", nargs="*", default=ARRIVED_LATER, help="sets (file prefixes) not to read"
    )
    parser.add_argument("--from-rows", type=Path, help="fit on examples written by --rows")
    args = parser.parse_args()
    phi.warm_up()
    if args.from_rows:
        rows = json.loads(args.from_rows.read_text())
    else:
        rows = examples(tuple(args.leave_out))
    if args.rows:
        args.rows.write_text(json.dumps(rows))
    weights = fit(rows, args.c)
    positives = sum(row[1] for row in rows)
    write(weights, args.out, f"{len(rows)} words ({positives} in identifiers), C={args.c}")
    print(f"{len(rows)} words, {positives} in identifiers, {len(weights)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
