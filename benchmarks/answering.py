"""Answer-quality benchmark: the offline AnswerEngine on every gold question, real model.

    .venv/bin/python benchmarks/answering.py [--home benchmarks/_work/answering-home]
                                             [--corpus ../shared/corpus]
                                             [--out benchmarks/results/answering.md]

1. A cached home under benchmarks/_work/ holds the five corpus files (PDF + HTML, approved)
   and the demo pack (assets/demo, approved). It is reused when it is complete (every
   expected document live, with all its chunks stored); otherwise the missing files are
   ingested (several minutes for the corpus with the real model on 2 cores). A second,
   small demo-only home (the app's offline default) is built the same way.
2. Every question of tests/data/corpus_gold.jsonl (94) and assets/demo/questions.jsonl (12)
   goes through `AnswerEngine.ask` in offline mode (chat_client None). Scored:
   - answer level: gold document among the top-3 citations; gold *location* among the top-3
     citations (PDF: a citation's [page_start, page_end] contains a gold page; MMWR HTML:
     the citation's section is the gold report; other non-paginated files: the document);
     MRR of the first correct citation; evidence phrase inside a cited passage / inside a
     quoted sentence; refusals on answerable (wrong) and unanswerable (right) questions;
   - retrieval level: the same matches among the top-3 / top-8 passages of
     `engine.retriever.search(question)`, and the dense / BM25 rank of the chunks that hold
     the evidence, so retrieval misses and answer-selection misses can be told apart;
   - warm latency of `ask` (p50/p95, per stage);
   - a refusal-threshold sweep over best_similarity (computed once per question),
     calibrated on the corpus gold set and checked on the held-out demo questions.
3. Results go to the "answering" section of benchmarks/results/answering.md (the
   verification section, written by calibrate_verification.py, is kept). Raw per-question
   rows are written to benchmarks/_work/answering-rows.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine, rss_mb, write_text  # noqa: E402
from answering_report import report  # noqa: E402
from answering_tables import (  # noqa: E402
    REPORT_ID,
    choose_threshold,
    metric_rows,
    quantile,
    sweep,
)

from knowledge.evidence import question_coverage, value_coverage  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_HOME = WORK / "answering-home"
DEMO_HOME = WORK / "answering-demo-home"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "answering.md"
ROWS_OUT = WORK / "answering-rows.json"
GOLD = REPO / "tests" / "data" / "corpus_gold.jsonl"
DEMO_QUESTIONS = REPO / "assets" / "demo" / "questions.jsonl"
HELDOUT = REPO / "tests" / "data" / "heldout_gold.jsonl"
SECTION = "answering"
MIN_COVERAGE = 0.0  # set in main() from AnswerSettings().min_coverage when the app has it
TOP_CITED, TOP_RETRIEVED = 3, 8


# -- results file with sections owned by different scripts -------------------------------------
def write_section(path: Path, name: str, body: str) -> None:
    """Replace (or append) the block between `<!-- name:start -->` and `<!-- name:end -->`."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}\n"
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if start in old and end in old:
        head, rest = old.split(start, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        new = head + block + ("\n" + tail if tail else "")
    elif name == SECTION or name.endswith("summary"):
        # the main report goes first, and a hand-written summary before everything
        new = block + ("\n" + old if old else "")
    else:
        new = old.rstrip() + "\n\n" + block if old else block
    write_text(path, new)


# -- text matching -----------------------------------------------------------------------------
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm_tokens(text: str) -> list[str]:
    """Case-folded word/number tokens; hyphens dropped ("long-term" == "longterm") as in the
    gold checker, so evidence phrases match chunk text regardless of PDF hyphenation."""
    t = unicodedata.normalize("NFKC", text.replace("\ufffe", "\u00ad")).translate(_QUOTES)
    t = re.sub(r"\u00ad\s*", "", t)
    t = re.sub(r"-[ \t]*\r?\n\s*", "-", t).replace("-", "")
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)?|[%≥≤<>–]", t.lower())


def evidence_share(evidence: list[str], text: str) -> float:
    """Longest contiguous run of the evidence tokens found in `text`, as a share of them."""
    if not evidence:
        return 0.0
    toks = norm_tokens(text)
    if len(set(evidence) & set(toks)) < 0.5 * len(set(evidence)):
        return 0.0
    m = SequenceMatcher(None, evidence, toks, autojunk=False).find_longest_match(
        0, len(evidence), 0, len(toks)
    )
    return m.size / len(evidence)


EVIDENCE_SHARE = 0.6  # a chunk "holds" the evidence when 60 % of it appears contiguously


# -- home --------------------------------------------------------------------------------------
def corpus_files(corpus: Path) -> list[Path]:
    return sorted(
        p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in {".pdf", ".html"}
    )


def ensure_home(home: Path, files: list[Path], with_demo: bool, log=print):
    """Open (or complete) a cached home: every file live and approved with all its chunks."""
    from assistant.core.demo import demo_manifest, load_demo_pack
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    kb = KnowledgeBase(home)
    wanted = {p.name for p in files} | (
        {d["file"] for d in demo_manifest()} if with_demo else set()
    )

    def missing() -> set[str]:
        live = {v.source_name: v for v in kb.live_versions()}
        out = set()
        for name in wanted:
            v = live.get(name)
            if v is None or len(kb.index.get_chunks(where={"version_id": v.version_id})) != (
                v.chunk_count
            ):
                out.add(name)
        return out

    todo = missing()
    if todo:
        log(f"home {home}: ingesting {sorted(todo)} (the corpus takes several minutes)")
        t = time.perf_counter()
        paths = [p for p in files if p.name in todo]
        if paths:
            for event in kb.ingest(paths, IngestOptions(approve=True, user="benchmark")):
                if event.result is not None:
                    r = event.result
                    log(f"  {r.path.name}: {r.status} {r.chunks} chunks {r.reason}")
                    event.result = None
        if with_demo:
            for event in load_demo_pack(kb):
                if event.result is not None:
                    log(f"  {event.result.path.name}: {event.result.status}")
                    event.result = None
        # a file ingested earlier but left pending (e.g. an interrupted run) is approved here
        for v in kb.versions():
            if v.source_name in wanted and v.status == "pending":
                kb.approve(v.version_id, by="benchmark")
        log(f"  done in {time.perf_counter() - t:.0f} s")
        still = missing()
        if still:
            raise SystemExit(f"home {home} still incomplete: {sorted(still)}")
    else:
        log(f"home {home}: complete, reused")
    return kb


# -- questions ---------------------------------------------------------------------------------
def load_questions() -> list[dict]:
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            q["set"] = "corpus"
            out.append(q)
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            q["set"] = "heldout"
            out.append(q)
    for line in DEMO_QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            q["set"] = "demo"
            q.setdefault("kind", "answerable" if q["answerable"] else "unanswerable")
            q.setdefault("evidence", None)
            out.append(q)
    return out


class Locator:
    """Where the gold answer is, and whether a passage/citation is there."""

    def __init__(self, kb):
        self.kb = kb
        self._chunks: dict[str, list] = {}

    def chunks_of(self, source_name: str):
        if source_name not in self._chunks:
            live = {v.source_name: v for v in self.kb.live_versions()}
            v = live[source_name]
            self._chunks[source_name] = self.kb.index.get_chunks(where={"version_id": v.version_id})
        return self._chunks[source_name]

    def prepare(self, q: dict) -> None:
        """Evidence chunks (ids, pages, MMWR reports) of an answerable question."""
        q["evidence_chunks"], q["gold_reports"], q["evidence_pages"] = [], [], []
        if not q["answerable"] or not q.get("evidence"):
            return
        ev = norm_tokens(q["evidence"])
        found = []
        for c in self.chunks_of(q["doc"]):
            share = evidence_share(ev, c.text)
            if share >= EVIDENCE_SHARE:
                found.append((share, c))
        found.sort(key=lambda x: -x[0])
        q["evidence_chunks"] = [c.id for _, c in found]
        q["evidence_pages"] = sorted(
            {
                p
                for _, c in found
                if c.metadata.get("page_start")
                for p in range(c.metadata["page_start"], c.metadata["page_end"] + 1)
            }
        )
        if q["doc"].endswith(".html"):
            q["gold_reports"] = sorted(
                {m.group(1) for _, c in found for m in REPORT_ID.finditer(c.metadata["section"])}
            )

    @staticmethod
    def doc_hit(q: dict, source_name: str) -> bool:
        return bool(q["answerable"]) and source_name == q["doc"]

    @staticmethod
    def loc_hit(q: dict, source_name: str, section: str, page_start, page_end) -> bool:
        """Gold location: PDF page, MMWR report, else the document itself."""
        if not Locator.doc_hit(q, source_name):
            return False
        if q.get("pages"):
            if not page_start:
                return False
            return any(page_start <= p <= (page_end or page_start) for p in q["pages"])
        if q.get("gold_reports"):
            return any(f"[{r}]" in section for r in q["gold_reports"])
        return True


# -- one question ------------------------------------------------------------------------------
def evaluate(engine, loc: Locator, q: dict, threshold: float) -> dict:
    kb = engine.kb
    question = q["question"]
    result = engine.retriever.search(question)
    passages = result.passages
    t0 = time.perf_counter()
    answer = engine.ask(question)
    wall_ms = (time.perf_counter() - t0) * 1000
    row = {k: q.get(k) for k in ("id", "set", "question", "answerable", "doc", "pages", "kind")}
    row["evidence"] = q.get("evidence")
    row["gold_reports"] = q.get("gold_reports", [])
    row["evidence_pages"] = q.get("evidence_pages", [])
    row["evidence_chunks"] = len(q.get("evidence_chunks", []))
    row["best_similarity"] = round(result.best_similarity, 4)
    row["refused"] = answer.refused
    row["refused_no_sentence"] = answer.refused and result.best_similarity >= threshold
    row["refused_coverage"] = False
    row["latency_ms"] = round(wall_ms, 2)
    row["timings_ms"] = answer.timings_ms
    row["text"] = answer.text
    ev = norm_tokens(q["evidence"]) if q.get("evidence") else []
    cites = []
    for c in sorted(answer.citations, key=lambda c: c.number):
        cites.append(
            {
                "number": c.number,
                "doc": c.source.source_name,
                "section": c.source.section,
                "pages": [c.source.page_start, c.source.page_end] if c.source.page_start else None,
                "doc_hit": Locator.doc_hit(q, c.source.source_name),
                "loc_hit": Locator.loc_hit(
                    q,
                    c.source.source_name,
                    c.source.section,
                    c.source.page_start,
                    c.source.page_end,
                ),
                "evidence_in_passage": bool(ev) and evidence_share(ev, c.passage) >= EVIDENCE_SHARE,
                "evidence_in_quotes": bool(ev)
                and evidence_share(ev, " ".join(c.quotes)) >= EVIDENCE_SHARE,
                "quotes": c.quotes,
                "chunk_id": c.source.chunk_id,
            }
        )
    row["citations"] = cites
    top = cites[:TOP_CITED]
    row["cite_doc@3"] = any(c["doc_hit"] for c in top)
    row["cite_loc@3"] = any(c["loc_hit"] for c in top)
    row["cite_page@3"] = row["cite_loc@3"] if q.get("pages") else None
    first = next((i for i, c in enumerate(cites) if c["loc_hit"]), None)
    row["rr"] = 1.0 / (first + 1) if first is not None else 0.0
    row["cite_evidence"] = any(c["evidence_in_passage"] for c in cites) if ev else None
    row["quote_evidence"] = any(c["evidence_in_quotes"] for c in cites) if ev else None

    ret = []
    for rank, p in enumerate(passages):
        ret.append(
            {
                "rank": rank + 1,
                "doc": p.source.source_name,
                "pages": [p.source.page_start, p.source.page_end] if p.source.page_start else None,
                "section": p.source.section,
                "similarity": round(p.similarity, 4),
                "dense_rank": p.dense_rank,
                "lexical_rank": p.lexical_rank,
                "doc_hit": Locator.doc_hit(q, p.source.source_name),
                "loc_hit": Locator.loc_hit(
                    q,
                    p.source.source_name,
                    p.source.section,
                    p.source.page_start,
                    p.source.page_end,
                ),
                "evidence": bool(ev) and p.chunk_id in set(q.get("evidence_chunks", [])),
            }
        )
    row["retrieved"] = ret
    searched = result.question  # with retrieval's expansion
    row["coverage_top5"] = round(question_coverage(searched, passages[:5]), 4)
    value = value_coverage(searched, passages)
    cfg = engine.settings.answer
    row["similarity_floor"] = (
        cfg.relaxed_similarity if row["coverage_top5"] >= cfg.relaxed_coverage else threshold
    )
    row["value_share"] = cfg.min_value_coverage
    floor = row["similarity_floor"]
    row["refused_no_sentence"] = answer.refused and row["best_similarity"] >= floor
    row["asks_value"] = searched.value_kind
    row["value_coverage"] = None if value is None else round(value, 4)
    row["refused_value"] = False
    if row["refused_no_sentence"] and row["coverage_top5"] < MIN_COVERAGE:
        # the engine's coverage guard (settings.answer.min_coverage)
        row["refused_no_sentence"], row["refused_coverage"] = False, True
    elif row["refused_no_sentence"] and value is not None and value < row["value_share"]:
        # the engine's value check: no sentence with the kind of value asked for near the
        # question's subject (knowledge.evidence.value_coverage)
        row["refused_no_sentence"], row["refused_value"] = False, True
    for k in (TOP_CITED, 5, TOP_RETRIEVED):
        row[f"ret_doc@{k}"] = any(r["doc_hit"] for r in ret[:k])
        row[f"ret_loc@{k}"] = any(r["loc_hit"] for r in ret[:k])
        row[f"ret_evidence@{k}"] = any(r["evidence"] for r in ret[:k]) if ev else None
    row["ret_loc_rank"] = next((r["rank"] for r in ret if r["loc_hit"]), None)

    # Where the evidence chunks rank in each retriever on its own (diagnosis only).
    if q.get("evidence_chunks"):
        # The queries the app sends: the question as retrieval expands it.
        wanted = set(q["evidence_chunks"])
        vector = kb.embedder.embed_query(searched.expansion.dense_text)
        dense = kb.index.query(vector, k=200, where={"status": "approved"})
        row["evidence_dense_rank"] = next(
            (i + 1 for i, h in enumerate(dense) if h.id in wanted), None
        )
        lexical = engine.retriever.lexical.search(searched.expansion.lexical_text, 200)
        row["evidence_bm25_rank"] = next(
            (i + 1 for i, h in enumerate(lexical) if h.chunk_id in wanted), None
        )
    else:
        row["evidence_dense_rank"] = row["evidence_bm25_rank"] = None
    row["failure"] = classify(row, threshold)
    return row


def classify(row: dict, threshold: float) -> str:
    if not row["answerable"]:
        return "" if row["refused"] else "answered an unanswerable question"
    if row["cite_loc@3"]:
        return ""
    if row["refused"]:
        floor = row.get("similarity_floor", threshold)
        if row["best_similarity"] < floor:
            return f"refused: best similarity {row['best_similarity']:.2f} < {floor:.2f}"
        if row.get("refused_coverage"):
            return f"refused: question coverage {row['coverage_top5']:.2f} < {MIN_COVERAGE:.2f}"
        if row.get("refused_value"):
            return (
                f"refused: no {row['asks_value']} near the question's words "
                f"({row['value_coverage']:.2f} < {row['value_share']:.2f})"
            )
        return "refused: no sentence selected"
    if row["set"] in ("corpus", "heldout") and row["evidence_chunks"] == 0:
        return "parsing/chunking: evidence phrase in no chunk of the gold document"
    if (
        row["pages"]
        and row["evidence_pages"]
        and not set(row["pages"]) & set(row["evidence_pages"])
    ):
        return "page attribution: evidence chunk carries other pages"
    rank = row["ret_loc_rank"]
    if rank is None:
        where = "right document, wrong location" if row["ret_doc@8"] else "wrong documents"
        return f"retrieval miss: gold location not in top-{TOP_RETRIEVED} ({where})"
    if rank > 5:
        return f"retrieval rank {rank}: beyond the 5 passages the extractive answer reads"
    cited_doc = any(c["doc_hit"] for c in row["citations"][:TOP_CITED])
    elsewhere = ", cited the right document elsewhere" if cited_doc else ""
    return f"sentence selection: gold passage retrieved (rank {rank}) but not cited{elsewhere}"


# -- main --------------------------------------------------------------------------------------
def run_questions(engine, loc, questions, threshold, log, label):
    rows = []
    for i, q in enumerate(questions):
        row = evaluate(engine, loc, q, threshold)
        rows.append(row)
        mark = "ok " if not row["failure"] else "XX "
        log(
            f"  [{label} {i + 1}/{len(questions)}] {mark}{row['id']:<6} "
            f"sim {row['best_similarity']:.2f} "
            f"{row['latency_ms']:.0f} ms {row['failure']}"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    host = machine()

    from assistant.answering.engine import AnswerEngine
    from assistant.governance.settings import AnswerSettings, Settings

    files = corpus_files(args.corpus.resolve())
    kb = ensure_home(args.home, files, with_demo=True)
    demo_kb = ensure_home(DEMO_HOME, [], with_demo=True)
    global MIN_COVERAGE
    threshold = AnswerSettings().min_similarity
    MIN_COVERAGE = float(getattr(AnswerSettings(), "min_coverage", 0.0))
    settings = Settings(home=args.home)
    settings.answer.min_similarity = threshold
    engine = AnswerEngine(kb, settings, chat_client=None)
    demo_settings = Settings(home=DEMO_HOME)
    demo_settings.answer.min_similarity = threshold
    demo_engine = AnswerEngine(demo_kb, demo_settings, chat_client=None)

    questions = load_questions()
    loc = Locator(kb)
    for q in questions:
        loc.prepare(q)

    kb.embedder.load()
    t = time.perf_counter()
    first = engine.ask(questions[0]["question"])
    first_query_ms = (time.perf_counter() - t) * 1000
    first_catalog_ms = first.timings_ms.get("retrieval_catalog_ms", 0.0)
    warm = [q["question"] for q in questions[1:6]]
    for w in warm:
        engine.ask(w)
    for w in warm:
        demo_engine.ask(w)

    rows = run_questions(engine, loc, questions, threshold, print, "combined")
    demo_questions = [q for q in questions if q["set"] == "demo"]
    demo_loc = Locator(demo_kb)
    demo_only_rows = run_questions(
        demo_engine, demo_loc, demo_questions, threshold, print, "demo-only"
    )

    live = kb.live_versions()
    demo_names = {v.source_name for v in demo_kb.live_versions()}
    info = {
        "chunks_total": kb.index.chunk_count(),
        "corpus_chunks": sum(v.chunk_count for v in live if v.source_name not in demo_names),
        "demo_chunks": sum(v.chunk_count for v in live if v.source_name in demo_names),
        "live": len(live),
        "warmup": len(warm),
        "first_query_ms": first_query_ms,
        "first_catalog_ms": first_catalog_ms,
        "rss_mb": rss_mb(),
    }
    corpus_rows = [r for r in rows if r["set"] == "corpus"]
    demo_rows = [r for r in rows if r["set"] == "demo"]
    heldout_rows = [r for r in rows if r["set"] == "heldout"]
    curve_corpus, curve_demo = sweep(corpus_rows), sweep(demo_rows)
    curve_demo_only = sweep(demo_only_rows)
    chosen = choose_threshold(curve_corpus)
    host["load average (1/5/15 min) at end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    torch = sys.modules.get("torch")
    if torch is not None:
        host["torch"] = torch.__version__
        host["torch threads"] = str(torch.get_num_threads())

    write_text(
        ROWS_OUT,
        json.dumps({"rows": rows, "demo_only_rows": demo_only_rows}, indent=1, default=str),
    )
    md = report(
        rows,
        demo_only_rows,
        curve_corpus,
        curve_demo,
        curve_demo_only,
        chosen,
        threshold,
        MIN_COVERAGE,
        info,
        host,
    )
    write_section(args.out, SECTION, md)

    print()
    for name, subset in (("corpus", corpus_rows), ("heldout", heldout_rows), ("demo", demo_rows)):
        print(f"== {name}")
        for metric, count, rate in metric_rows(subset):
            print(f"  {metric:<80} {count:>7} {rate:>6}")
    lat = [r["latency_ms"] for r in rows]
    print(f"latency p50 {quantile(lat, 0.5):.0f} ms p95 {quantile(lat, 0.95):.0f} ms")
    print(
        f"chosen threshold {chosen['t']:.2f}: corpus wrong {chosen['wrong']:.0%} "
        f"right {chosen['right']:.0%}"
    )
    print(f"results written to {args.out}; rows in {ROWS_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
