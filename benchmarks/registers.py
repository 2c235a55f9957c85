"""Answers in three registers: what the answer shows, per register, tuning and held-out parts.

    .venv/bin/python benchmarks/registers.py [--home benchmarks/_work/answering-home]
        [--out benchmarks/results/registers.md] [--rows benchmarks/_work/registers-rows.json]
    .venv/bin/python benchmarks/registers.py --answers DUMP.json --label before ...
        (score answers recorded by another build of the app: same questions, same home)

The gold set is tests/data/registers/*.jsonl (written blind to the code: tests/data/README.md).
Every question goes through the offline `AnswerEngine` of this checkout over the cached home
of benchmarks/answering.py (the five corpus files and the demo pack, approved). Scored:

- what the answer *shows*: key facts found in the answer text
  (assistant/evaluation/eval_facts.py): the evidence cards, each cited passage whole; table
  rows and list items of cited passages that the text leaves out (must be none);
- the outcome: answerable questions wrongly refused, unanswerable ones answered, other-language
  questions refused with the language named; of the refusals, how many show related passages
  (amber) and whether the gold location is among them;
- follow-ups asked in the chat of the question they follow (and topic changes after an
  unrelated question): answered from the right section;
- citations: gold location among the first three citations (PDF page; other files: the
  document); retrieval alone: gold location among the top-5 passages (R@5);
- register agreement: the formal, shorthand and lay wordings of one question get the same
  outcome;
- per register, per tag (identifier, followup, table) and per split (tune / heldout).

Refusal features (best similarity, concept coverage, value coverage) are kept per question so
that `--sweep` can recalibrate the refusal thresholds on the tuning part without re-asking.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine, md_table, write_text  # noqa: E402

from assistant.evaluation.eval_facts import facts_shown  # noqa: E402
from assistant.evaluation.eval_gold import REGISTERS, GoldQuestion, load_gold  # noqa: E402
from assistant.evaluation.evaluation import quantile, register_agreement, score_answer  # noqa: E402

GOLD_DIR = REPO / "tests" / "data" / "registers"
DEFAULT_HOME = WORK / "answering-home"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "registers.md"
DEFAULT_ROWS = WORK / "registers-rows.json"
TOP_RETRIEVED = 5


def load_questions(folder: Path = GOLD_DIR) -> list[GoldQuestion]:
    questions: list[GoldQuestion] = []
    for path in sorted(folder.glob("*.jsonl")):
        questions += load_gold(path)
    return questions


# -- asking ------------------------------------------------------------------------------------
def ask_all(engine, questions: list[GoldQuestion], log=print) -> list[dict]:
    from assistant.evaluation.evaluation import previous_subject
    from knowledge.evidence import question_coverage, value_coverage

    rows = []
    asked = {}
    for i, q in enumerate(questions):
        # a follow-up is asked in the chat of the question it follows (or after the question
        # it changes the topic from); every other question starts a new chat
        answer = engine.ask(q.question, previous=previous_subject(q, asked))
        asked[q.id] = answer
        clean = searched_for(answer)
        result = engine.retriever.search(clean)
        row = score_answer(q, answer)
        row["retrieved"] = [_location(p) for p in result.passages[:TOP_RETRIEVED]]
        row["features"] = {
            "similarity": round(result.best_similarity, 4),
            "coverage": round(question_coverage(result.question, result.passages), 4),
            "value": value_coverage(result.question, result.passages),
        }
        row["expansions"] = answer.query_expansions
        # Key facts in the related passages shown for a question that was not answered.
        cited = " ".join(c.passage for c in sorted(answer.citations, key=lambda c: c.number)[:3])
        row["facts_in_related"] = (
            facts_shown(q.key_facts, cited) if answer.outcome == "related" else 0
        )
        rows.append(row)
        if log and (i + 1) % 50 == 0:
            log(f"  {i + 1}/{len(questions)}")
    return rows


def searched_for(answer) -> str:
    from assistant.answering.engine import searched_text

    return searched_text(answer)


def _location(p) -> dict:
    return {
        "source_name": p.source.source_name,
        "page_start": p.source.page_start,
        "page_end": p.source.page_end,
    }


def score_dump(path: Path, questions: list[GoldQuestion]) -> list[dict]:
    """Rows for answers recorded by another build (a JSON list of {"id", "answer"})."""
    recorded = {r["id"]: r["answer"] for r in json.loads(path.read_text(encoding="utf-8"))}
    rows = []
    for q in questions:
        data = recorded[q.id]
        answer = SimpleNamespace(
            refused=data["refused"],
            refusal_reason=data.get("refusal_reason", ""),
            mode=data.get("mode", ""),
            text=data.get("text", ""),
            claims_total=data.get("claims_total", 0),
            claims_verified=data.get("claims_verified", 0),
            timings_ms=data.get("timings_ms", {}),
            citations=[SimpleNamespace(**_citation(c)) for c in data.get("citations", [])],
        )
        row = score_answer(q, answer)
        row["retrieved"] = data.get("retrieved", [])
        rows.append(row)
    return rows


def _citation(c: dict) -> dict:
    return {k: c[k] for k in ("number", "source_name", "page_start", "page_end")}


# -- measures ----------------------------------------------------------------------------------
def at_gold(row: dict, loc: dict) -> bool:
    if loc["source_name"] != row["doc"]:
        return False
    if not row["pages"]:
        return True
    start = loc["page_start"]
    return bool(start) and any(start <= p <= (loc["page_end"] or start) for p in row["pages"])


def is_language_refusal(row: dict) -> bool:
    return row["refused"] and "in English" in (row.get("refusal_reason") or "")


def measures(rows: list[dict]) -> dict:
    """The report's numbers for one slice of rows (None where the slice has no such question)."""
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"] and r.get("kind") != "other-language"]
    other_language = [r for r in rows if r.get("kind") == "other-language"]
    facts = [r for r in answerable if r["key_facts"]]
    latencies = [r["latency_ms"] for r in rows if r.get("latency_ms") is not None]
    share_agree, groups, agreeing = register_agreement(rows)

    def rate(items, test):
        return (sum(bool(test(r)) for r in items) / len(items), len(items)) if items else None

    return {
        "questions": len(rows),
        "wrong_refusal": rate(answerable, lambda r: r["refused"]),
        "unanswerable_answered": rate(unanswerable, lambda r: not r["refused"]),
        "page_at_3": rate(answerable, lambda r: r["page_at_3"]),
        "key_facts": (
            (sum(r["facts_shown"] / len(r["key_facts"]) for r in facts) / len(facts), len(facts))
            if facts
            else None
        ),
        "all_facts": rate(facts, lambda r: r["facts_shown"] == len(r["key_facts"])),
        "related": rate(answerable, lambda r: r.get("outcome") == "related"),
        "related_gold": rate(answerable, lambda r: r.get("related_page_at_3")),
        "dropped": (
            (sum(r.get("dropped_items") or 0 for r in rows), len(rows))
            if any("dropped_items" in r for r in rows)
            else None
        ),
        "r_at_5": rate(answerable, lambda r: any(at_gold(r, p) for p in r.get("retrieved", []))),
        "doc_r_at_5": rate(
            answerable,
            lambda r: any(p["source_name"] == r["doc"] for p in r.get("retrieved", [])),
        ),
        "language_refused": rate(other_language, is_language_refusal),
        "agreement": (share_agree, groups) if groups else None,
        "p50_ms": quantile(latencies, 0.5),
    }


def _pct(value, count: bool = False) -> str:
    if value is None:
        return "–"
    if count:
        return str(value[0])
    share, n = value
    return f"{100 * share:.0f} % ({round(share * n)}/{n})"


COLUMNS = [
    ("wrong_refusal", "answerable wrongly refused"),
    ("unanswerable_answered", "unanswerable answered"),
    ("page_at_3", "gold location in top-3 citations"),
    ("key_facts", "key facts shown (share)"),
    ("all_facts", "all key facts shown"),
    ("related", "answerable shown related passages (amber)"),
    ("related_gold", "… with the gold location among them"),
    ("r_at_5", "retrieval: gold location in top-5"),
    ("agreement", "register agreement"),
    ("dropped", "table rows / list items of cited passages not shown"),
]


def slices(rows: list[dict]) -> dict[str, list[dict]]:
    """Per register (plain wordings: no identifier or follow-up variants), per tag, and all."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        tags = r.get("tags") or []
        variants = {"identifier", "followup", "topic-change"}
        plain = not (variants & set(tags)) and r.get("kind") != "other-language"
        if plain and r.get("register") in REGISTERS:
            out[r["register"]].append(r)
        for tag in tags:
            out[f"tag: {tag}"].append(r)
        if r.get("kind") == "other-language":
            out["other language"].append(r)
        out["all"].append(r)
    order = [
        *REGISTERS,
        "tag: identifier",
        "tag: followup",
        "tag: topic-change",
        "tag: table",
        "other language",
        "all",
    ]
    return {name: out[name] for name in order if out.get(name)}


def table(rows: list[dict]) -> str:
    body = []
    for name, subset in slices(rows).items():
        m = measures(subset)
        cells = [_pct(m[key], count=key == "dropped") for key, _ in COLUMNS]
        if name == "other language":
            cells[1] = "refused naming the language: " + _pct(m["language_refused"])
        body.append([name, m["questions"], *cells])
    align = "lr" + "r" * len(COLUMNS)
    return md_table(["slice", "questions", *[label for _, label in COLUMNS]], body, align)


def split_rows(rows: list[dict]) -> dict[str, list[dict]]:
    return {
        "held-out part (report)": [r for r in rows if r.get("split") == "heldout"],
        "tuning part": [r for r in rows if r.get("split") == "tune"],
        "both parts": rows,
    }


def failures(rows: list[dict], limit: int = 40) -> str:
    lines = []
    for r in rows:
        if r.get("split") != "heldout":
            continue
        if r["answerable"] and (r["refused"] or r["facts_shown"] < len(r["key_facts"])):
            what = "refused" if r["refused"] else f"facts {r['facts_shown']}/{len(r['key_facts'])}"
        elif not r["answerable"] and not r["refused"]:
            what = "answered"
        else:
            continue
        lines.append(f"- `{r['id']}` ({r['register']}) {what}: {r['question'][:110]}")
    more = f"\n- … and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def report(results: dict[str, list[dict]], info: dict) -> str:
    parts = [
        "# Answers in three registers (tests/data/registers)",
        "",
        "Written by `benchmarks/registers.py`. Offline engine, default settings, over the cached "
        "home of the five corpus files and the demo pack. The questions were written by helpers "
        "who did not see the code; thresholds were tuned on the tuning part only, and the "
        "held-out part is what the targets are judged on. Per register = the plain wordings "
        "(identifier-bearing and follow-up variants are their own rows).",
        "",
    ]
    for label, rows in results.items():
        parts += [f"## {label}", ""]
        for split, subset in split_rows(rows).items():
            parts += [f"### {split}", "", table(subset), ""]
        lat = [r["latency_ms"] for r in rows if r.get("latency_ms") is not None]
        if lat:
            parts += [
                f"Answer latency over all {len(lat)} questions: p50 "
                f"{quantile(lat, 0.5):.0f} ms, p95 {quantile(lat, 0.95):.0f} ms.",
                "",
            ]
    last = list(results.values())[-1]
    parts += ["## Held-out failures of the last run", "", failures(last), ""]
    parts += ["## Machine", "", md_table(["", ""], info.items()), ""]
    return "\n".join(parts)


# -- main --------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--rows", type=Path, default=DEFAULT_ROWS)
    parser.add_argument("--answers", type=Path, help="score this dump instead of asking")
    parser.add_argument("--label", default="this checkout")
    parser.add_argument(
        "--before", type=Path, help="rows JSON of an earlier run, reported first as 'before'"
    )
    args = parser.parse_args()
    questions = load_questions()
    info = machine()
    from answering import write_section

    if args.answers:
        rows = score_dump(args.answers, questions)
    else:
        from answering import corpus_files, ensure_home

        from assistant.answering.engine import AnswerEngine
        from assistant.governance.settings import Settings

        corpus = REPO.parent / "shared" / "corpus"
        kb = ensure_home(args.home, corpus_files(corpus), with_demo=True)
        engine = AnswerEngine(kb, Settings(home=args.home))
        engine.ask("How long should hands be rubbed with alcohol-based hand rub?")  # warm
        started = time.perf_counter()
        rows = ask_all(engine, questions)
        info["questions asked in"] = f"{time.perf_counter() - started:.0f} s"
    info["load average (1/5/15 min) at end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    write_text(args.rows, json.dumps({"label": args.label, "rows": rows}, default=str))
    results = {}
    if args.before:
        before = json.loads(args.before.read_text(encoding="utf-8"))
        results[f"Before: {before['label']}"] = before["rows"]
    results[f"Now: {args.label}"] = rows
    # The measured part only: a hand-written summary above it is kept.
    write_section(args.out, "registers", report(results, info))
    for split, subset in split_rows(rows).items():
        print(f"== {split}")
        print(table(subset))
    print(f"written {args.out} and {args.rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
