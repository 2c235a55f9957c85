"""Offline patient handouts on 80 topics written blind to the code (issue 16 targets).

    .venv/bin/python benchmarks/handouts.py [--out benchmarks/results/handouts.md] [--rows F]

The topics (tests/data/handouts/topics.jsonl, h01-h20; topics_b.jsonl, h21-h40, and
topics_c.jsonl, h41-h60, and topics_d.jsonl, h61-h80, each written later by another helper)
were written by someone who
read only the documents: a topic as a clinician would type it, optional personalisation, the
document and pages a good handout draws on, key phrases it must contain, and steps whose order
it must keep; in each file two topics no document covers. Each handout is made offline, as
`clinassist handout` makes it, from a copy of benchmarks/answering.py's home (the CDC/NIH/FDA
corpus and the demo pack, all approved: every other document is a distractor). Measured, and
shown per topic:
- covered: a handout was made for a covered topic, none for an uncovered one;
- right document: the expected document is among the handout's sources;
- key phrases found in the handout's text (spaces normalised), and steps in the source's order;
- verbatim: every line occurs in the approved passage it cites, and that passage is the one
  stored for its chunk id in the index (what the knowledge base admits);
- grade against its sources' grade and the target 6;
- the automatic PEMAT-style checks passed (assistant/handouts/quality.py);
- the patient's pages of the printed PDF (the clinician's page comes after them).
Topics h01, h02 and h14 overlap the topics the selection rules were first tuned on (low blood
sugar, sick days, hand hygiene), and h04, h05 and h15 were looked at to revise them (a lead-in
without a colon, the passage that leads, a step after a short label, no harder than the
sources). Later the other fourteen of h01-h20 were looked at too (pointers to the source's
pages, headings and cut-off sentences quoted as lines), and h21-h40 after they had been
measured once, blind. The failed checks of h51-h58 were read on 2026-12-05, and some of their
lines (a reference list quoted for h54). The summary gives h01-h40 and h51-h58 as tuned on or
looked at, and h41-h50 and h59-h60, which nobody has looked at case by case, as held out;
h61-h80 (written 2026-12-05, seventh session, by a helper who saw no code and no earlier
topic) are a second held-out group, reported on their own, but for h79, whose lines were read
once measured (a bed-sores handout made from bed-rail passages; nothing was changed for it).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine_section, md_table, write_text  # noqa: E402

TOPICS = REPO / "tests" / "data" / "handouts" / "topics.jsonl"
LATER_TOPICS = REPO / "tests" / "data" / "handouts" / "topics_b.jsonl"
HELD_OUT_TOPICS = REPO / "tests" / "data" / "handouts" / "topics_c.jsonl"
NEWEST_TOPICS = REPO / "tests" / "data" / "handouts" / "topics_d.jsonl"
NEWEST = {f"h{n:02d}" for n in range(61, 81)}
# h51-h58: their failed checks and some of their lines were read on 2026-12-05 (fifth session),
# where a reference list was found quoted (h54): no longer held out.
TUNED_ON = {f"h{n:02d}" for n in (*range(1, 41), *range(51, 59), 79)}
PEMAT_TARGET = 0.70


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def in_order(text: str, phrases: list[str]) -> bool:
    at = 0
    for phrase in phrases:
        found = text.find(normalised(phrase), at)
        if found < 0:
            return False
        at = found + 1
    return True


def verbatim(handout, kb) -> bool:
    stored = {}
    for line in handout.lines:
        chunk_id = line.source.chunk_id
        if chunk_id not in stored:
            [chunk] = kb.index.get_chunks(ids=[chunk_id]) or [None]
            stored[chunk_id] = chunk.text if chunk else ""
        if normalised(line.text) not in normalised(stored[chunk_id]):
            return False
    return True


def patient_pages(handout, folder: Path) -> int | None:
    """Pages of the printed handout before the clinician's page (the PDF the app writes)."""
    if handout.empty:
        return None
    import pypdfium2

    from assistant.ui.handout_pdf import write_handout_pdf

    path = write_handout_pdf(handout, folder / "handout.pdf")
    pdf = pypdfium2.PdfDocument(path)
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    return next(i for i, text in enumerate(texts) if "For the clinician" in text)


def measure_topic(topic: dict, engine, kb, folder: Path) -> dict:
    from assistant.core.handouts import make_handout
    from assistant.handouts.extractive_handout import HandoutRequest
    from assistant.handouts.quality import score

    started = time.perf_counter()
    handout, _kept = make_handout(engine, HandoutRequest(topic["topic"], personalise=topic["for"]))
    took = time.perf_counter() - started
    text = normalised("\n".join(line.text for line in handout.lines))
    expected = bool(topic["document"])
    sources = {s.source_name for s in handout.sources()}
    phrases = topic["key_phrases"]
    return {
        "id": topic["id"],
        "topic": topic["topic"],
        "for": topic["for"],
        "expected": expected,
        "made": not handout.empty,
        "right_document": (topic["document"] in sources) if expected else None,
        "phrases_found": sum(normalised(p) in text for p in phrases),
        "phrases": len(phrases),
        "order_kept": in_order(text, topic["actions_in_order"])
        if topic["actions_in_order"]
        else None,
        "verbatim": verbatim(handout, kb) if not handout.empty else None,
        "grade": handout.grade if not handout.empty else None,
        "source_grade": handout.source_grade if not handout.empty else None,
        "pemat": score(handout.checks) if handout.checks else None,
        "lines": len(handout.lines),
        "pages": patient_pages(handout, folder),
        "seconds": took,
    }


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def summary(rows: list[dict], label: str) -> list:
    covered = [r for r in rows if r["expected"]]
    made = [r for r in covered if r["made"]]
    phrases = sum(r["phrases"] for r in covered)
    ordered = [r for r in covered if r["order_kept"] is not None]
    return [
        label,
        len(rows),
        f"{sum(r['made'] == r['expected'] for r in rows)} of {len(rows)}",
        f"{sum(bool(r['right_document']) for r in made)} of {len(covered)}",
        pct(sum(r["phrases_found"] for r in covered), phrases),
        f"{sum(r['order_kept'] for r in ordered)} of {len(ordered)}",
        f"{sum(bool(r['verbatim']) for r in made)} of {len(made)}",
        f"{sum(r['grade'] <= r['source_grade'] for r in made)} of {len(made)}",
        f"{sum(r['grade'] <= 6 for r in made)} of {len(made)}",
        f"{sum(r['pemat'] >= PEMAT_TARGET for r in made)} of {len(made)}",
        f"{sum(r['pemat'] for r in made) / len(made):.0%}" if made else "–",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "handouts.md")
    parser.add_argument("--rows", type=Path, help="also write the per-topic rows as JSON here")
    args = parser.parse_args()
    source = WORK / "answering-home"
    if not source.is_dir():
        raise SystemExit(f"{source} is missing: run benchmarks/answering.py first")
    topics = [
        json.loads(line)
        for path in (TOPICS, LATER_TOPICS, HELD_OUT_TOPICS, NEWEST_TOPICS)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    from assistant.core.services import build_engine
    from assistant.governance.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(source, home)
        engine = build_engine(load_settings(home))
        engine.kb.embedder.load()
        rows = [measure_topic(topic, engine, engine.kb, Path(tmp)) for topic in topics]
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    held_out = [r for r in rows if r["id"] not in TUNED_ON | NEWEST]
    newest = [r for r in rows if r["id"] in NEWEST - TUNED_ON]
    tuned = [r for r in rows if r["id"] in TUNED_ON]
    per_topic = [
        [
            r["id"] + ("*" if r["id"] in TUNED_ON else ""),
            r["topic"] + (f" (for: {r['for']})" if r["for"] else ""),
            "yes" if r["made"] else ("no (right: not covered)" if not r["expected"] else "no"),
            {True: "yes", False: "no", None: "–"}[r["right_document"]],
            f"{r['phrases_found']} of {r['phrases']}" if r["phrases"] else "–",
            {True: "yes", False: "no", None: "–"}[r["order_kept"]],
            {True: "yes", False: "no", None: "–"}[r["verbatim"]],
            "–" if r["grade"] is None else f"{r['grade']:g} / {r['source_grade']:g}",
            "–" if r["pemat"] is None else f"{r['pemat']:.0%}",
            r["lines"],
            "–" if r["pages"] is None else r["pages"],
            f"{r['seconds']:.2f}",
        ]
        for r in rows
    ]
    headers = [
        "topics",
        "n",
        "made when covered, none when not",
        "right document",
        "key phrases",
        "steps in order",
        "every line verbatim",
        "grade ≤ sources'",
        "grade ≤ 6",
        "PEMAT-style ≥ 70 %",
        "mean PEMAT-style",
    ]
    text = "\n".join(
        [
            "# Patient handouts (offline)",
            "",
            "Written by `benchmarks/handouts.py` (its docstring says what is measured and how). "
            f"{len(rows)} topics written blind to the code (`tests/data/handouts/topics.jsonl`, "
            "h01-h20, `topics_b.jsonl`, h21-h40, `topics_c.jsonl`, h41-h60, `topics_d.jsonl`, "
            "h61-h80); the home "
            "holds the whole corpus and the demo pack. Offline handouts quote approved sentences "
            "and list items word for word; nothing is reworded. The PEMAT-style score is the "
            "share of the judged checks passed (visual aids are shown, not judged).",
            "",
            "## Summary",
            "",
            md_table(
                headers,
                [
                    summary(held_out, "held out (h41-h50, h59-h60)"),
                    summary(newest, "held out, written later (h61-h78, h80)"),
                    summary(tuned, "tuned on or looked at (*, h01-h40, h51-h58, h79)"),
                    summary(rows, "all"),
                ],
                "lr" + "r" * 9,
            ),
            "",
            "## Per topic",
            "",
            md_table(
                [
                    "id",
                    "topic",
                    "made",
                    "right document",
                    "key phrases",
                    "steps in order",
                    "verbatim",
                    "grade / sources'",
                    "PEMAT-style",
                    "lines",
                    "patient pages (PDF)",
                    "s",
                ],
                per_topic,
                "llllrlllrrrr",
            ),
            "",
            *machine_section(),
        ]
    )
    write_text(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
