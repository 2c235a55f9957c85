"""Fusion on question-like queries: recall of the shipped retriever against dense and BM25 alone.

    .venv/bin/python benchmarks/fusion_questions.py [--home benchmarks/_work/answering-home]
        [--out benchmarks/results/fusion-questions.md]

BEIR queries are claims and keyword lists; clinicians ask questions. Over the cached home of
benchmarks/answering.py (five corpus files and the demo pack), this measures, for three sets:

* the tuning part of the three-register set (tests/data/registers, answerable questions; gold
  location: a PDF page, else the document) -- the weights are chosen on this set only;
* its held-out part -- reported, never tuned on;
* headings as questions: every section heading of the indexed documents that is at least three
  words long and names one section only, asked as it stands; the gold is that section (the
  way a clinician types a topic, like the title of an FAQ page).

Methods: dense alone (the expanded question's nearest chunks in Chroma), BM25 alone (the app's
lexical index and query), and the app's Retriever with convex fusion at several dense weights
and with reciprocal rank fusion, each with the app's query expansion, rescoring, neighbour
smoothing and per-document cap. Recall@k: a gold location among the first k passages.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine, md_table, write_text  # noqa: E402

DEFAULT_HOME = WORK / "answering-home"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "fusion-questions.md"
WEIGHTS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
KS = (1, 3, 5)


def register_sets() -> dict[str, list[dict]]:
    from registers import load_questions

    out: dict[str, list[dict]] = {"registers, tuning part": [], "registers, held-out part": []}
    for q in load_questions():
        if not q.answerable or "followup" in q.tags:
            continue
        name = "registers, tuning part" if q.split == "tune" else "registers, held-out part"
        out[name].append({"question": q.question, "doc": q.doc, "pages": q.pages, "section": None})
    return out


def heading_set(kb) -> list[dict]:
    """Section headings asked as questions, each naming exactly one section."""
    live = kb.live_versions()
    sections: Counter[str] = Counter()
    where: dict[str, tuple[str, str]] = {}
    for v in live:
        for chunk in kb.index.get_chunks(where={"version_id": v.version_id}):
            path = chunk.metadata.get("section", "")
            heading = path.split(" > ")[-1].strip()
            key = heading.lower()
            if (path, v.source_name) != where.get(key):
                sections[key] += 1 if key not in where else 0
                where.setdefault(key, (path, v.source_name))
    out = []
    for key, (path, source) in sorted(where.items()):
        heading = path.split(" > ")[-1].strip()
        words = re.findall(r"[A-Za-z]{2,}", heading)
        if len(words) < 3 or sections[key] != 1 or len(heading) > 120:
            continue
        out.append({"question": heading, "doc": source, "pages": None, "section": path})
    return out


def hit(q: dict, source: str, section: str, page_start, page_end) -> bool:
    if source != q["doc"]:
        return False
    if q["section"] is not None:
        return section == q["section"]
    if not q["pages"]:
        return True
    return bool(page_start) and any(page_start <= p <= (page_end or page_start) for p in q["pages"])


def first_hit(q: dict, ranked: list[tuple[str, str, int | None, int | None]]) -> int | None:
    return next((i for i, r in enumerate(ranked) if hit(q, *r)), None)


def clean(question: str) -> str:
    from assistant.answering.engine import search_text

    return search_text(question)


def rank_dense(kb, retriever, question: str) -> list:
    expansion = retriever.expand(clean(question))
    vector = kb.embedder.embed_query(expansion.dense_text)
    hits = kb.index.query(vector, k=10)
    return [_key(h.metadata, kb) for h in hits]


def rank_bm25(kb, retriever, question: str) -> list:
    expansion = retriever.expand(clean(question))
    hits = retriever.lexical.search(expansion.lexical_text, 10)
    records = retriever.records.get([h.chunk_id for h in hits])
    return [_key(records[h.chunk_id].metadata, kb) for h in hits if h.chunk_id in records]


_SOURCES: dict[str, str] = {}


def _key(meta: dict, kb) -> tuple:
    version = meta.get("version_id", "")
    if version not in _SOURCES:
        v = next(v for v in kb.versions() if v.version_id == version)
        _SOURCES[version] = v.source_name
    return (
        _SOURCES[version],
        meta.get("section", ""),
        meta.get("page_start") or None,
        meta.get("page_end") or None,
    )


def rank_app(retriever, question: str) -> list:
    result = retriever.search(clean(question), top_n=10)
    return [
        (p.source.source_name, p.source.section, p.source.page_start, p.source.page_end)
        for p in result.passages
    ]


def measure(qs: list[dict], ranker) -> dict:
    firsts = [first_hit(q, ranker(q["question"])) for q in qs]
    out = {f"R@{k}": sum(f is not None and f < k for f in firsts) / len(qs) for k in KS}
    out["MRR@10"] = sum(1 / (f + 1) for f in firsts if f is not None) / len(qs)
    return out


TUNING_SETS = ("registers, tuning part", "headings as questions")


def verdict_lines(results: dict) -> list[str]:
    """The weight the tuning sets prefer (mean MRR@10), and whether the shipped fusion's
    recall@5 is at least dense retrieval's on every set."""
    weights = [m for m in next(iter(results.values())) if m.startswith("convex")]
    mean = {
        w: sum(results[t][w]["MRR@10"] for t in TUNING_SETS) / len(TUNING_SETS) for w in weights
    }
    best = max(mean, key=mean.get)
    lines = [
        "- mean MRR@10 over the tuning sets (registers tuning part, headings): "
        + ", ".join(f"{w.split()[1]}: {100 * v:.1f}" for w, v in mean.items())
        + f"; best {best.split()[1]}.",
    ]
    shipped = next(w for w in weights if "shipped" in w)
    for name, by_method in results.items():
        ours, dense = by_method[shipped]["R@5"], by_method["dense alone"]["R@5"]
        verdict = "not below" if ours >= dense else "BELOW"
        lines.append(
            f"- {name}: shipped R@5 {100 * ours:.1f} vs dense alone {100 * dense:.1f} ({verdict})."
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    from knowledge.base import KnowledgeBase
    from knowledge.retrieval import RetrievalConfig, Retriever

    kb = KnowledgeBase(args.home)
    base = Retriever(kb)
    base.refresh()
    sets = register_sets()
    sets["headings as questions"] = heading_set(kb)
    # RRF's scores are ~100 times smaller than the convex ones: its rescoring weight too.
    rrf = Retriever(kb, RetrievalConfig(fusion="rrf", rescore_weight=0.004))
    methods = {
        "dense alone": lambda q: rank_dense(kb, base, q),
        "BM25 alone": lambda q: rank_bm25(kb, base, q),
        "RRF (app pipeline)": lambda q, r=rrf: rank_app(r, q),
    }
    for w in WEIGHTS:
        retriever = Retriever(kb, RetrievalConfig(dense_weight=w))
        methods[f"convex {w:.1f}" + (" (shipped)" if w == 0.7 else "")] = lambda q, r=retriever: (
            rank_app(r, q)
        )
    started = time.perf_counter()
    results = {name: {m: measure(qs, fn) for m, fn in methods.items()} for name, qs in sets.items()}
    info = machine()
    info["run"] = f"{time.perf_counter() - started:.0f} s"
    info["load average (1/5/15 min) at end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    parts = [
        "# Fusion on question-like queries",
        "",
        "Written by `benchmarks/fusion_questions.py` (see its docstring). Recall@k = a gold "
        "location among the first k passages; every method uses the app's query expansion.",
        "",
    ]
    for name, by_method in results.items():
        parts += [f"## {name} ({len(sets[name])} questions)", ""]
        rows = [
            (m, *[f"{100 * v[c]:.1f}" for c in (*[f"R@{k}" for k in KS], "MRR@10")])
            for m, v in by_method.items()
        ]
        parts += [md_table(["method", *[f"R@{k}" for k in KS], "MRR@10 ×100"], rows, "lrrrr"), ""]
    parts += ["## What it says", "", *verdict_lines(results), ""]
    parts += ["## Machine", "", md_table(["", ""], info.items()), ""]
    write_text(args.out, "\n".join(parts))
    print("\n".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
