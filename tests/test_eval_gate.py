"""CI gate: answer quality on the real corpus must not fall below tests/data/eval_thresholds.json.

The four PDFs of ../shared/corpus are ingested (approved, real model) into a temporary home;
every gold question about one of them, plus every unanswerable one, goes through the offline
engine with default settings. The 2.9 MB MMWR HTML file is left out to keep CI time down
(about 1200 chunks to embed instead of about 3900).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
GOLD = REPO / "tests" / "data" / "corpus_gold.jsonl"
THRESHOLDS = REPO / "tests" / "data" / "eval_thresholds.json"
PDFS = [
    "cdc-infection-prevention-outpatient-2016.pdf",
    "cdc-opioid-prescribing-guideline-2022.pdf",
    "fda-bioavailability-studies-guidance-2022.pdf",
    "niddk-eating-and-diabetes.pdf",
]


@pytest.fixture(scope="module")
def corpus_home(tmp_path_factory, real_embedder):
    missing = [name for name in PDFS if not (CORPUS / name).is_file()]
    if missing:
        pytest.skip(f"shared corpus not found at {CORPUS} (missing {missing})")
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    home = tmp_path_factory.mktemp("eval-gate-home")
    kb = KnowledgeBase(home, embedder=real_embedder)
    started = time.perf_counter()
    results = [
        e.result
        for e in kb.ingest([CORPUS / n for n in PDFS], IngestOptions(approve=True, user="ci"))
        if e.result is not None
    ]
    assert [r.status for r in results] == ["added"] * len(PDFS), results
    print(
        f"\neval gate: ingested {sum(r.chunks for r in results)} chunks in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return home


def test_answer_quality_meets_the_thresholds(corpus_home, real_embedder):
    from assistant.engine import AnswerEngine
    from assistant.eval_gold import load_gold
    from assistant.evaluation import build_results, run_evaluation, run_metadata
    from assistant.settings import Settings
    from knowledge.base import KnowledgeBase

    questions = [q for q in load_gold(GOLD) if not q.answerable or q.doc in PDFS]
    assert len(questions) >= 95  # 66 answerable about the PDFs + 29 unanswerable
    settings = Settings(home=corpus_home)  # defaults: offline, calibrated min_similarity
    engine = AnswerEngine(KnowledgeBase(corpus_home, embedder=real_embedder), settings)
    started = time.perf_counter()
    rows = run_evaluation(engine, questions)
    results = build_results(rows, run_metadata(engine, GOLD, questions))
    m = results["metrics"]
    elapsed = time.perf_counter() - started

    limits = json.loads(THRESHOLDS.read_text(encoding="utf-8"))["thresholds"]
    headline = {
        k: m[k]
        for k in (
            "gold_document_at_3",
            "gold_page_at_3",
            "mrr",
            "refusal_rate",
            "wrong_refusal_rate",
            "verified_claim_rate",
            "latency_p50_ms",
            "latency_p95_ms",
        )
    }
    report = (
        f"metrics on {m['questions']} questions ({m['answerable']} answerable), "
        f"{elapsed:.0f} s: {json.dumps(headline)}\nthresholds: {json.dumps(limits)}\n"
        "per document: "
        + json.dumps(
            {
                d: (g["gold_document_at_3"], g["gold_page_at_3"])
                for d, g in m["per_document"].items()
            }
        )
    )
    print("\n" + report)
    below = []
    for name, limit in limits.items():
        if name.endswith("_max"):
            value = m[name.removesuffix("_max")]
            if value is None or value > limit:
                below.append(f"{name.removesuffix('_max')} = {value} > {limit}")
        else:
            key = name.removesuffix("_min")
            value = m[key]
            if value is None or value < limit:
                below.append(f"{key} = {value} < {limit}")
    assert not below, "answer quality regressed: " + "; ".join(below) + "\n" + report
