"""Patient identifiers: how many a question still carries after redaction, and how often
clinical words are redacted by mistake.

    .venv/bin/python benchmarks/phi.py [--cases tests/data/phi] [--out benchmarks/results/phi.md]

The cases (tests/data/phi/, written by helpers who never saw the detector) are questions with
every identifier they contain listed as an exact substring and a kind, and clean questions
that carry none but are full of words a careless detector takes for one (eponyms, brands,
doses, ward numbers). Measured on what would be sent: `phi.redact(question).text`.

- An identifier *leaks* when its text is still in the sent question (case-insensitive); for
  one with four or more digits, when those digits still stand in a row; for a name or an
  e-mail, when any of its words is left (more often than the rest of the question has it).
- A clean question is *wrongly redacted* when the redaction changed anything in it.
- Recall by kind; the questions with any leak (what block mode would have sent); time per
  question.
- An age under 90 that a writer marked (kind `age`) is kept on purpose, as HIPAA's Safe
  Harbor keeps it: it is shown in the table by kind but counts in neither the share removed
  nor the questions leaking.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, machine, md_table  # noqa: E402
from phi_sets import LATER_SETS, SPLIT_SETS  # noqa: E402

from assistant.answering import phi  # noqa: E402

CASES = REPO / "tests" / "data" / "phi"
KEPT_KIND = "age"  # an age under 90: no identifier under HIPAA, and clinically needed
OUT = REPO / "benchmarks" / "results" / "phi.md"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def split(case: dict) -> str:
    """Half the cases tune the detector, the other half report it: by a hash of the id, so
    a case never changes side."""
    return "tune" if hashlib.sha256(case["id"].encode()).digest()[0] % 2 else "held-out"


def leaked(identifier: str, sent: str, question: str = "", kind: str = "") -> bool:
    """Still there whole; for a number, its digits in a row; for a name or an e-mail, any of
    its words more often than the rest of the question has it ("Frank … frank haematuria")."""
    sent = re.sub(r"\[[A-Z]+-[\w+]+\]", " ", sent)  # "[AGE-90+]" does not leak "90"
    # A name's words are judged by counting below: "Frank … frank haematuria" keeps a word.
    if identifier.casefold() in sent.casefold() and not (kind in ("name", "email") and question):
        return True
    digits = re.sub(r"\D", "", identifier)
    if len(digits) >= 4 and digits in re.sub(r"\D", "", sent):
        return True
    if kind in ("name", "email") and question:
        rest = question.replace(identifier, " ")
        for word in set(re.findall(r"[^\W\d_]{2,}", identifier)):
            # (an e-mail's spelt dots; a title kept with an initial, "Mrs F", names no one)
            if word.casefold() in {
                "at",
                "dot",
                "com",
                "net",
                "org",
                "mr",
                "mrs",
                "ms",
                "miss",
                "mx",
                "dr",
            }:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
            if len(pattern.findall(sent)) > len(pattern.findall(rest)):
                return True
    return False


def measure(cases: list[dict], clean: list[dict]) -> dict:
    by_kind: Counter[str] = Counter()
    leaks_by_kind: Counter[str] = Counter()
    leaking_questions, examples, times = 0, [], []
    for case in cases:
        started = time.perf_counter()
        sent = phi.redact(case["question"]).text
        times.append(time.perf_counter() - started)
        leaks = [
            i for i in case["identifiers"] if leaked(i["text"], sent, case["question"], i["kind"])
        ]
        for identifier in case["identifiers"]:
            by_kind[identifier["kind"]] += 1
        for identifier in leaks:
            leaks_by_kind[identifier["kind"]] += 1
        leaks = [i for i in leaks if i["kind"] != KEPT_KIND]
        if leaks:
            leaking_questions += 1
            examples.append((case["id"], [i["kind"] for i in leaks]))
    wrong = []
    for case in clean:
        started = time.perf_counter()
        redaction = phi.redact(case["question"])
        times.append(time.perf_counter() - started)
        if redaction.changed:
            wrong.append((case["id"], sorted({f.kind for f in redaction.findings})))
    times.sort()
    return {
        "identifiers": sum(n for kind, n in by_kind.items() if kind != KEPT_KIND),
        "leaked": sum(n for kind, n in leaks_by_kind.items() if kind != KEPT_KIND),
        "by_kind": {k: (by_kind[k], leaks_by_kind[k]) for k in sorted(by_kind)},
        "questions": len(cases),
        "leaking_questions": leaking_questions,
        "clean": len(clean),
        "wrongly_redacted": wrong,
        "p50_ms": 1000 * times[len(times) // 2] if times else 0.0,
        "max_ms": 1000 * times[-1] if times else 0.0,
        "leak_examples": examples,
    }


# Long pasted text of one repeated piece: each once made a pattern backtrack quadratically.
PASTED = [
    "1",
    "a",
    "a.",
    "Mr ",
    "Patient Aa ",
    "12 March ",
    "+1 ",
    "Maria ",
    "x at y dot ",
    "John Smith 02139 ",
    "555-0187 90210 ",
]
PASTED_LENGTH = 20000


def pasted_text_times() -> list[tuple[str, float]]:
    """Seconds to redact 20,000 characters of each repeated piece (pasted notes, logs)."""
    times = []
    for unit in PASTED:
        text = unit * (PASTED_LENGTH // len(unit))
        started = time.perf_counter()
        phi.redact(text)
        times.append((unit, time.perf_counter() - started))
    return times


def report(parts: dict[str, dict], pasted: list[tuple[str, float]]) -> str:
    lines = [
        "# Patient identifiers after redaction",
        "",
        "Written by `benchmarks/phi.py` from the cases in tests/data/phi (written blind to the "
        "detector), split by a hash of each id into a tuning half and a held-out half (the "
        "targets are judged on the held-out half). Measured on the text that would be sent "
        "(`phi.redact`).",
        "",
    ]
    for name, m in parts.items():
        lines += [f"## {name}", "", section(m), ""]
    lines += [
        "## Long pasted text",
        "",
        f"Seconds to redact {PASTED_LENGTH:,} characters made of one piece repeated (a pasted "
        "note or log); none may take quadratic time. Target: under 2 s each.",
        "",
        md_table(["repeated piece", "seconds"], [[f"`{u!r}`", f"{t:.2f}"] for u, t in pasted]),
        "",
    ]
    lines += ["## Machine", "", md_table(["", ""], machine().items()), ""]
    return "\n".join(lines)


def section(m: dict) -> str:
    recall = 1 - m["leaked"] / m["identifiers"] if m["identifiers"] else 0.0
    rows = [
        [kind, total, total - leaked, f"{100 * (total - leaked) / total:.1f} %"]
        for kind, (total, leaked) in m["by_kind"].items()
    ]
    wrong = m["wrongly_redacted"]
    lines = []
    if m["identifiers"]:
        lines += [
            f"- Identifiers removed: **{100 * recall:.1f} %** ({m['identifiers'] - m['leaked']} "
            f"of {m['identifiers']}; ages under 90, kept on purpose, not counted); "
            "target ≥ 99.5 %.",
            f"- Questions still carrying an identifier (what block mode would have let "
            f"through): **{m['leaking_questions']} of {m['questions']}**; target 0.",
        ]
    lines += [
        f"- Clean questions wrongly redacted: **{len(wrong)} of {m['clean']}** "
        f"({100 * len(wrong) / max(m['clean'], 1):.1f} %); target ≤ 1 %.",
        f"- Time per question: p50 {m['p50_ms']:.2f} ms, max {m['max_ms']:.2f} ms; target ≤ 10 ms.",
    ]
    if m["identifiers"]:
        lines += [
            "",
            md_table(["kind", "identifiers", "removed", "recall"], rows, "lrrr"),
            "",
            "Questions with a leak (id: kinds left): "
            + ", ".join(f"`{i}` {'/'.join(k)}" for i, k in m["leak_examples"][:60]),
        ]
    lines += [
        "",
        "Clean questions wrongly redacted (id: kinds): "
        + (", ".join(f"`{i}` {'/'.join(k)}" for i, k in wrong[:60]) or "none"),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    phi.warm_up()  # loads the name list and word list once, as the app's warm-up does
    gc.collect()  # ... and then freezes what it loaded (assistant/core/session.py), so no
    gc.freeze()  # full garbage collection walks the word lists inside a timed question
    cases = load(args.cases / "identifier_cases.jsonl")
    clean = load(args.cases / "clean_cases.jsonl")
    parts = {
        f"{side} half": measure(
            [c for c in cases if split(c) == side], [c for c in clean if split(c) == side]
        )
        for side in ("held-out", "tune")
    }
    parts["both halves"] = measure(cases, clean)
    third = args.cases / "third_clean_cases.jsonl"
    for prefix, label in LATER_SETS:
        cases_file = args.cases / f"{prefix}_identifier_cases.jsonl"
        clean_file = args.cases / f"{prefix}_clean_cases.jsonl"
        if all(path.is_file() for path in (cases_file, clean_file)) and prefix in SPLIT_SETS:
            for side, use in (("tune", "for tuning"), ("held-out", "blind: never tuned on")):
                parts[f"{label}, {side} half ({use})"] = measure(
                    [c for c in load(cases_file) if split(c) == side],
                    [c for c in load(clean_file) if split(c) == side],
                )
        elif all(path.is_file() for path in (cases_file, clean_file)):
            parts[label] = measure(load(cases_file), load(clean_file))
        if prefix == "extra" and third.is_file():  # the third set has clean questions only
            parts["third set, clean questions only (all for tuning)"] = measure([], load(third))
    text = report(parts, pasted_text_times())
    from answering import write_section

    # The measured part only: a hand-written summary above it is kept.
    write_section(args.out, "phi", text)
    print(text.split("## Machine")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
