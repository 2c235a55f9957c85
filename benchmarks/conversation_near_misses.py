"""Near misses asked in a conversation: does a question the documents do not answer get
answered because of the question before it?

    .venv/bin/python benchmarks/conversation_near_misses.py [--home benchmarks/_work/answering-home]
        [--out benchmarks/results/conversation-near-misses.md]

The follow-up handling (assistant/answering/follow_up.py) joins a dependent question with the
previous question's subject. That must not turn a question the library cannot answer into an
answer about the previous subject. Every near miss of the three-register set
(tests/data/registers, `kind: near-miss`) is asked twice over the offline engine: alone, and
in a conversation right after an answerable formal question on the same document (chosen
with a fixed seed; the near miss's closest document, else any). Reported: how many are
answered each way, and which change outcome. The worst case on purpose: the question before is
on the very document the near miss is about.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine_section, md_table, write_text  # noqa: E402

from assistant.evaluation.eval_gold import GoldQuestion, load_gold  # noqa: E402

GOLD_DIR = REPO / "tests" / "data" / "registers"
DEFAULT_HOME = WORK / "answering-home"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "conversation-near-misses.md"
_CLOSEST = re.compile(r"Closest document: ([\w.-]+)")


def closest_documents(folder: Path = GOLD_DIR) -> dict[str, str]:
    """Each near miss's closest document, as its gold answer names it (the checker keeps the
    `doc` field of an unanswerable line empty)."""
    found = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            named = _CLOSEST.search(row.get("answer") or "")
            if named:
                found[row["id"]] = named.group(1)
    return found


def pairs(questions: list[GoldQuestion], seed: int = 7) -> list[tuple[str, GoldQuestion]]:
    """(previous question, near miss): the previous one answerable, formal, standalone, on
    the near miss's document when the set names one."""
    closest = closest_documents()
    firsts = [q for q in questions if q.answerable and q.register == "formal" and not q.follows]
    rng = random.Random(seed)
    chosen = []
    for q in questions:
        if q.kind != "near-miss":
            continue
        doc = q.doc or closest.get(q.id)
        same = [f for f in firsts if f.doc == doc] or firsts
        chosen.append((rng.choice(same).question, q))
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    from answering import corpus_files, ensure_home

    from assistant.answering.engine import AnswerEngine
    from assistant.governance.settings import Settings

    questions = [q for path in sorted(GOLD_DIR.glob("*.jsonl")) for q in load_gold(path)]
    corpus = REPO.parent / "shared" / "corpus"
    kb = ensure_home(args.home, corpus_files(corpus), with_demo=True)
    engine = AnswerEngine(kb, Settings(home=args.home))
    alone_answered = after_answered = 0
    changed = []
    asked = pairs(questions)
    for previous, q in asked:
        alone = engine.ask(q.question).outcome
        after = engine.ask(q.question, previous=previous)
        alone_answered += alone == "answered"
        after_answered += after.outcome == "answered"
        if alone != after.outcome:
            changed.append((q.id, alone, after.outcome, after.searched_for or "(its own words)"))
    n = len(asked)
    lines = [
        "# Near misses asked in a conversation",
        "",
        "Written by `benchmarks/conversation_near_misses.py` (see its docstring): every near",
        "miss of tests/data/registers asked alone, then right after an answerable question on",
        "the same document. Offline engine, default settings, the cached answering home.",
        "",
        md_table(
            ["", "near misses", "answered"],
            [
                ["asked alone", n, f"{alone_answered} ({100 * alone_answered / n:.0f} %)"],
                [
                    "after a question on the same document",
                    n,
                    f"{after_answered} ({100 * after_answered / n:.0f} %)",
                ],
            ],
            "lrr",
        ),
        "",
        "Outcome changed by the conversation:",
        "",
        md_table(
            ["id", "alone", "in the conversation", "searched for"],
            [[i, a, b, s[:90]] for i, a, b, s in changed] or [["none", "", "", ""]],
        ),
        "",
        *machine_section(),
        f"Load average at end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
    ]
    write_text(args.out, "\n".join(lines))
    print("\n".join(lines[:12]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
