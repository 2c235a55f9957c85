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
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine, md_table, rss_mb, write_text  # noqa: E402

from knowledge.evidence import question_coverage, requested_value, value_coverage  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_HOME = WORK / "answering-home"
DEMO_HOME = WORK / "answering-demo-home"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "answering.md"
ROWS_OUT = WORK / "answering-rows.json"
GOLD = REPO / "tests" / "data" / "corpus_gold.jsonl"
DEMO_QUESTIONS = REPO / "assets" / "demo" / "questions.jsonl"
HELDOUT = REPO / "tests" / "data" / "heldout_gold.jsonl"
SECTION = "answering"
MAX_WRONG_REFUSALS = 0.10  # the threshold rule: wrong refusals on answerable <= 10 %
MIN_COVERAGE = 0.0  # set in main() from AnswerSettings().min_coverage when the app has it
SWEEP = [round(0.20 + 0.02 * i, 2) for i in range(21)]  # 0.20 .. 0.60
TOP_CITED, TOP_RETRIEVED = 3, 8
REPORT_ID = re.compile(r"\[(mm\d{3,4}[a-z]\d+)\]")


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
    from assistant.demo import demo_manifest, load_demo_pack
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    kb = KnowledgeBase(home)
    wanted = {p.name for p in files} | (
        {d["file"] for d in demo_manifest()} if with_demo else set()
    )

    def missing() -> set[str]:
        live = {v.source_name: v for v in kb.catalog.live_versions()}
        out = set()
        for name in wanted:
            v = live.get(name)
            if v is None or len(kb.store.get_chunks(where={"version_id": v.version_id})) != (
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
        for v in kb.catalog.versions():
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
            live = {v.source_name: v for v in self.kb.catalog.live_versions()}
            v = live[source_name]
            self._chunks[source_name] = self.kb.store.get_chunks(where={"version_id": v.version_id})
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


def pct(values, digits=0) -> str:
    values = list(values)
    if not values:
        return "–"
    return f"{100 * sum(values) / len(values):.{digits}f}%"


def frac(values) -> str:
    values = list(values)
    return f"{sum(values)}/{len(values)}" if values else "–"


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


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
                "doc": c.source_name,
                "section": c.section,
                "pages": [c.page_start, c.page_end] if c.page_start else None,
                "doc_hit": Locator.doc_hit(q, c.source_name),
                "loc_hit": Locator.loc_hit(q, c.source_name, c.section, c.page_start, c.page_end),
                "evidence_in_passage": bool(ev) and evidence_share(ev, c.passage) >= EVIDENCE_SHARE,
                "evidence_in_quotes": bool(ev)
                and evidence_share(ev, " ".join(c.quotes)) >= EVIDENCE_SHARE,
                "quotes": c.quotes,
                "chunk_id": c.chunk_id,
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
                "doc": p.source_name,
                "pages": [p.page_start, p.page_end] if p.page_start else None,
                "section": p.section,
                "similarity": round(p.similarity, 4),
                "dense_rank": p.dense_rank,
                "lexical_rank": p.lexical_rank,
                "doc_hit": Locator.doc_hit(q, p.source_name),
                "loc_hit": Locator.loc_hit(q, p.source_name, p.section, p.page_start, p.page_end),
                "evidence": bool(ev) and p.chunk_id in set(q.get("evidence_chunks", [])),
            }
        )
    row["retrieved"] = ret
    row["coverage_top5"] = round(question_coverage(question, passages[:5]), 4)
    value = value_coverage(question, passages)
    row["asks_value"] = requested_value(question)
    row["value_coverage"] = None if value is None else round(value, 4)
    row["refused_value"] = False
    if row["refused_no_sentence"] and row["coverage_top5"] < MIN_COVERAGE:
        # the engine's coverage guard (settings.answer.min_coverage)
        row["refused_no_sentence"], row["refused_coverage"] = False, True
    elif row["refused_no_sentence"] and value is not None and value < MIN_COVERAGE:
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
        from knowledge.analysis import expand_query

        wanted = set(q["evidence_chunks"])
        vector = kb.embedder.embed_query(expand_query(question))
        dense = kb.store.query(vector, k=200, where={"status": "approved"})
        row["evidence_dense_rank"] = next(
            (i + 1 for i, h in enumerate(dense) if h.id in wanted), None
        )
        lexical = engine.retriever.lexical.search(question, 200)
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
        if row["best_similarity"] < threshold:
            return f"refused: best similarity {row['best_similarity']:.2f} < {threshold:.2f}"
        if row.get("refused_coverage"):
            return f"refused: question coverage {row['coverage_top5']:.2f} < {MIN_COVERAGE:.2f}"
        if row.get("refused_value"):
            return (
                f"refused: no {row['asks_value']} near the question's words "
                f"({row['value_coverage']:.2f} < {MIN_COVERAGE:.2f})"
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


# -- report ------------------------------------------------------------------------------------
def sweep(rows: list[dict]) -> list[dict]:
    out = []
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    for t in SWEEP:
        out.append(
            {
                "t": t,
                "wrong": sum(r["best_similarity"] < t for r in ans) / max(len(ans), 1),
                "right": sum(r["best_similarity"] < t for r in una) / max(len(una), 1),
                "n_ans": len(ans),
                "n_una": len(una),
            }
        )
    return out


def choose_threshold(curve: list[dict]) -> dict:
    """Max correct refusals with wrong refusals <= 10 %; ties: fewest wrong refusals, then
    the lowest threshold (the widest margin for answerable questions)."""
    ok = [c for c in curve if c["wrong"] <= MAX_WRONG_REFUSALS + 1e-9]
    return max(ok, key=lambda c: (c["right"], -c["wrong"], -c["t"])) if ok else curve[0]


def guard_rows(rows: list[dict], demo_only_rows: list[dict]) -> list[tuple]:
    out = []
    sets = [
        [r for r in rows if r["set"] == "corpus"],
        [r for r in rows if r["set"] == "demo"],
        demo_only_rows,
    ]
    for t in (0.44, 0.46, 0.48, 0.50):
        for c in (0.0, 0.35, 0.40, 0.45, 0.50):
            cells = []
            for subset in sets:
                refuse = [r for r in subset if r["best_similarity"] < t or r["coverage_top5"] < c]
                a = [r for r in subset if r["answerable"]]
                u = [r for r in subset if not r["answerable"]]
                cells += [
                    f"{sum(r in refuse for r in a)}/{len(a)}",
                    f"{sum(r in refuse for r in u)}/{len(u)}",
                ]
            out.append((f"{t:.2f}", f"{c:.2f}", *cells))
    return out


REFUSAL_STAGES = [
    ("similarity only (best_similarity < min_similarity)", 1),
    ("+ coverage guard (no top-5 passage holds min_coverage of the question)", 2),
    ("+ value check (no value of the asked kind near min_coverage of the question)", 3),
]


def refused_by(row: dict, threshold: float, stages: int) -> bool:
    """The engine's refusal rule, simulated from the row's measures, up to `stages` parts."""
    if row["best_similarity"] < threshold:
        return True
    if stages >= 2 and row["coverage_top5"] < MIN_COVERAGE:
        return True
    value = row.get("value_coverage")
    return stages >= 3 and value is not None and value < MIN_COVERAGE


def refusal_stage_rows(subsets: list[list[dict]], threshold: float) -> list[tuple]:
    out = []
    for label, stages in REFUSAL_STAGES:
        cells = []
        for subset in subsets:
            a = [r for r in subset if r["answerable"]]
            u = [r for r in subset if not r["answerable"]]
            cells += [
                f"{sum(refused_by(r, threshold, stages) for r in a)}/{len(a)}",
                f"{sum(refused_by(r, threshold, stages) for r in u)}/{len(u)}",
            ]
        out.append((label, *cells))
    return out


def metric_rows(rows: list[dict]) -> list[tuple]:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    pdf = [r for r in ans if r["pages"]]
    ev = [r for r in ans if r.get("evidence")]

    def m(name, subset, key):
        vals = [bool(r[key]) for r in subset if r[key] is not None]
        return (name, frac(vals), pct(vals))

    return [
        m("gold document among top-3 citations", ans, "cite_doc@3"),
        m("gold page among top-3 citations (PDF questions)", pdf, "cite_loc@3"),
        m(
            "gold location among top-3 citations (PDF page / MMWR report / document)",
            ans,
            "cite_loc@3",
        ),
        (
            "MRR of the first correct citation (location)",
            f"{len(ans)} q",
            f"{statistics.mean(r['rr'] for r in ans):.3f}" if ans else "–",
        ),
        m("evidence phrase inside a cited passage", ev, "cite_evidence"),
        m("evidence phrase inside a quoted (answer) sentence", ev, "quote_evidence"),
        (
            "wrong refusals (answerable refused)",
            frac(r["refused"] for r in ans),
            pct(r["refused"] for r in ans),
        ),
        (
            "correct refusals (unanswerable refused)",
            frac(r["refused"] for r in una),
            pct(r["refused"] for r in una),
        ),
        m("retrieval: gold document in top-3 passages", ans, "ret_doc@3"),
        m("retrieval: gold document in top-8 passages", ans, "ret_doc@8"),
        m("retrieval: gold location in top-3 passages", ans, "ret_loc@3"),
        m(
            "retrieval: gold location in top-5 passages (what the extractive answer reads)",
            ans,
            "ret_loc@5",
        ),
        m("retrieval: gold location in top-8 passages", ans, "ret_loc@8"),
        m("retrieval: gold page in top-3 passages (PDF)", pdf, "ret_loc@3"),
        m("retrieval: gold page in top-8 passages (PDF)", pdf, "ret_loc@8"),
        m("retrieval: an evidence chunk in top-8 passages", ev, "ret_evidence@8"),
    ]


def breakdown(rows: list[dict], key) -> list[tuple]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["answerable"]:
            groups[key(r)].append(r)
    out = []
    for name, g in sorted(groups.items()):
        out.append(
            (
                name,
                len(g),
                pct(r["cite_doc@3"] for r in g),
                pct(r["cite_loc@3"] for r in g),
                f"{statistics.mean(r['rr'] for r in g):.2f}",
                pct(r["refused"] for r in g),
                pct(r["ret_loc@3"] for r in g),
                pct(r["ret_loc@8"] for r in g),
                pct(r["quote_evidence"] for r in g if r["quote_evidence"] is not None),
            )
        )
    return out


BREAKDOWN_HEADERS = [
    "group",
    "n",
    "doc@3 cited",
    "loc@3 cited",
    "MRR",
    "wrong refusals",
    "ret loc@3",
    "ret loc@8",
    "evidence quoted",
]


def cited_summary(row: dict, n: int = 3) -> str:
    parts = []
    for c in row["citations"][:n]:
        where = c["doc"].rsplit(".", 1)[0][:28]
        if c["pages"]:
            a, b = c["pages"]
            where += f" p.{a}" + (f"–{b}" if b and b != a else "")
        rep = REPORT_ID.search(c["section"] or "")
        if rep:
            where += f" [{rep.group(1)}]"
        parts.append(where)
    return "; ".join(parts) or "–"


def first_quote(row: dict, width: int = 110) -> str:
    for c in row["citations"]:
        for qt in c["quotes"]:
            return qt[:width] + ("…" if len(qt) > width else "")
    return "–"


def gold_summary(row: dict) -> str:
    g = row["doc"].rsplit(".", 1)[0][:28] if row["doc"] else "–"
    if row["pages"]:
        g += " p." + ",".join(map(str, row["pages"]))
    if row["gold_reports"]:
        g += " [" + ",".join(row["gold_reports"]) + "]"
    return g


def latency_table(rows: list[dict]) -> list[tuple]:
    keys = [
        ("retrieval_catalog_ms", "catalog (live set + BM25 check)"),
        ("retrieval_embed_ms", "embed question"),
        ("retrieval_dense_ms", "dense (Chroma)"),
        ("retrieval_lexical_ms", "lexical (BM25)"),
        ("retrieval_fuse_ms", "fuse + rescore + cap"),
        ("retrieval_total_ms", "retrieval total"),
        ("extract_ms", "sentence selection (total − retrieval)"),
        ("total_ms", "**answer total** (Answer.timings_ms)"),
        ("latency_ms", "wall time of ask()"),
    ]
    out = []
    for key, label in keys:
        vals = []
        for r in rows:
            t = r["timings_ms"]
            if key == "extract_ms":
                v = t.get("total_ms", 0) - t.get("retrieval_total_ms", 0)
            elif key == "latency_ms":
                v = r["latency_ms"]
            else:
                v = t.get(key)
            if v is not None:
                vals.append(v)
        out.append(
            (label, f"{quantile(vals, 0.5):.1f}", f"{quantile(vals, 0.95):.1f}", f"{max(vals):.1f}")
        )
    return out


FUNNEL = [
    ("refused", "refused"),
    (
        "parsing",
        "evidence phrase in no chunk of the gold document (parsing/chunking, or a caption "
        "kept out of the chunk text)",
    ),
    (
        "retrieval",
        "evidence chunk not in the top-8 passages (retrieval; often the right page, another chunk)",
    ),
    ("unread", "evidence chunk at rank 6–8 (the extractive answer reads the top 5)"),
    (
        "passage",
        "evidence chunk in the top 5 but not cited (sentence scoring preferred other passages)",
    ),
    ("sentence", "evidence chunk cited, but other sentences of it quoted"),
    ("ok", "evidence quoted in the answer"),
]


def funnel_stage(r: dict) -> str:
    if r["refused"]:
        return "refused"
    if r["evidence_chunks"] == 0:
        return "parsing"
    if not r["ret_evidence@8"]:
        return "retrieval"
    if not r["ret_evidence@5"]:
        return "unread"
    if not r["cite_evidence"]:
        return "passage"
    if not r["quote_evidence"]:
        return "sentence"
    return "ok"


def funnel_rows(rows: list[dict]) -> list[tuple]:
    ev = [r for r in rows if r["answerable"] and r.get("evidence")]
    out = []
    for key, label in FUNNEL:
        ids = [r["id"] for r in ev if funnel_stage(r) == key]
        out.append((label, len(ids), f"{100 * len(ids) / max(len(ev), 1):.0f}%", ", ".join(ids)))
    return out


def report(
    rows, demo_only_rows, curve_corpus, curve_demo, curve_demo_only, chosen, threshold, info, host
) -> str:
    corpus = [r for r in rows if r["set"] == "corpus"]
    heldout = [r for r in rows if r["set"] == "heldout"]
    demo = [r for r in rows if r["set"] == "demo"]
    ans = [r for r in rows if r["answerable"]]
    L = []
    L += [
        "# Answering benchmark (offline extractive mode)",
        "",
        f"Written by `benchmarks/answering.py` on {host['date']}. Real bundled model "
        "(all-MiniLM-L6-v2), real Chroma, `AnswerEngine(kb, settings, chat_client=None)`; "
        f"settings.answer.min_similarity = **{threshold:.2f}**"
        + (f" and min_coverage = **{MIN_COVERAGE:.2f}**" if MIN_COVERAGE else "")
        + " (the current defaults) for the "
        "answer-level numbers. One knowledge base holds the five corpus files "
        f"({info['corpus_chunks']} chunks) and the six demo documents ({info['demo_chunks']} "
        "chunks), all approved; the demo questions are also asked of a demo-only home (the "
        "app's offline default) for the threshold check.",
        "",
        "Definitions. *Citations* are the answer's citations in number order (the order the "
        "answer first uses them). *Gold location*: for a PDF question, a citation whose "
        "[page_start, page_end] contains a gold page; for an MMWR (HTML) question, a citation "
        "inside the gold report (the report whose chunks hold the gold evidence phrase; "
        "section `[mmXXXXxN]`); for the demo's non-paginated files, the document. *Evidence "
        "in passage/quote*: ≥ 60 % of the gold evidence phrase appears contiguously "
        "(case/hyphen-insensitive) in a cited chunk / in the sentences the answer quotes. "
        "*Retrieval* = `engine.retriever.search(question).passages` (top 8 after fusion and "
        "the per-document cap of 4); the extractive answer reads only the first 5.",
        "",
        "## Headline",
        "",
    ]
    for name, subset in (
        (f"corpus gold ({len(corpus)})", corpus),
        (f"held-out gold ({len(heldout)}, written blind to the code)", heldout),
        (f"demo questions ({len(demo)}, held out)", demo),
    ):
        L += [
            f"### {name}",
            "",
            md_table(["metric", "count", "rate"], metric_rows(subset), "lrr"),
            "",
        ]
    L += [
        f"Warm latency per answer (all {len(rows)} questions): "
        f"p50 **{quantile([r['latency_ms'] for r in rows], 0.5):.0f} ms**, "
        f"p95 **{quantile([r['latency_ms'] for r in rows], 0.95):.0f} ms** "
        f"({info['chunks_total']} chunks; see Latency below).",
        "",
        "## Per document (answerable questions of the corpus and demo sets)",
        "",
        md_table(
            BREAKDOWN_HEADERS,
            breakdown([r for r in rows if r["set"] != "heldout"], lambda r: r["doc"]),
            "lrrrrrrrr",
        ),
        "",
        "## Per kind (answerable questions)",
        "",
        md_table(
            BREAKDOWN_HEADERS, breakdown(rows, lambda r: f"{r['set']}: {r['kind']}"), "lrrrrrrrr"
        ),
        "",
    ]
    L += [
        "## Evidence funnel (corpus questions, chunk level)",
        "",
        "Page-level hits flatter the system: a page holds several chunks, and a citation on the "
        "right page may still not contain the answer. Following the gold evidence phrase itself "
        "(first stage that fails):",
        "",
        md_table(["stage", "questions", "share", "ids"], funnel_rows(corpus), "lrrl"),
        "",
    ]
    # -- failures
    fails = [r for r in ans if r["failure"]]
    counts = defaultdict(int)
    for r in fails:
        counts[r["failure"].split(":")[0]] += 1
    L += [
        "## Failures (answerable questions without the gold location among the top-3 citations)",
        "",
        f"{len(fails)} of {len(ans)} answerable questions. By cause (first that applies: "
        "refusal; evidence in no chunk = parsing/chunking; evidence chunk on other pages = page "
        "attribution; gold location not in the top-8 passages = retrieval; rank 6–8 = never "
        "read; otherwise the passage was there and sentence selection chose others):",
        "",
        md_table(["cause", "questions"], sorted(counts.items(), key=lambda x: -x[1]), "lr"),
        "",
        "Worst first (refusals and retrieval misses, then selection misses; dense/BM25 = rank "
        "of the best evidence chunk in each retriever alone, top 200):",
        "",
    ]

    def severity(r):
        order = ["refused", "parsing", "page", "retrieval miss", "retrieval rank", "sentence"]
        cause = next((i for i, o in enumerate(order) if r["failure"].startswith(o)), 9)
        return (cause, -(r["ret_loc_rank"] or 99), r["id"])

    fail_rows = []
    for r in sorted(fails, key=severity):
        fail_rows.append(
            (
                r["id"],
                r["question"][:90],
                gold_summary(r),
                r["failure"],
                f"{r['best_similarity']:.2f}",
                r["ret_loc_rank"] or "–",
                f"{r['evidence_dense_rank'] or '–'} / {r['evidence_bm25_rank'] or '–'}",
                cited_summary(r),
                first_quote(r),
            )
        )
    L += [
        md_table(
            [
                "id",
                "question",
                "gold",
                "cause",
                "best sim",
                "gold rank (top 8)",
                "dense / BM25",
                "cited instead (top 3)",
                "first quoted sentence",
            ],
            fail_rows,
        ),
        "",
    ]
    # Right document or evidence cited but not among the top 3 etc.
    partial = [r for r in ans if r["cite_loc@3"] and r["quote_evidence"] is False]
    if partial:
        L += [
            "Cited the gold location but quoted sentences other than the evidence "
            f"({len(partial)} questions; the right passage is shown but the answer text may "
            "not state the answer):",
            "",
            md_table(
                ["id", "question", "first quoted sentence"],
                [(r["id"], r["question"][:90], first_quote(r, 160)) for r in partial],
            ),
            "",
        ]
    una_answered = [r for r in rows if not r["answerable"] and not r["refused"]]
    L += [
        f"Unanswerable questions that were answered ({len(una_answered)}):",
        "",
        md_table(
            ["id", "question", "best sim", "cited", "first quoted sentence"],
            [
                (
                    r["id"],
                    r["question"][:90],
                    f"{r['best_similarity']:.2f}",
                    cited_summary(r),
                    first_quote(r),
                )
                for r in sorted(una_answered, key=lambda r: -r["best_similarity"])
            ],
        )
        if una_answered
        else "none",
        "",
    ]

    # -- threshold
    def sweep_rows():
        for a, b, c in zip(curve_corpus, curve_demo, curve_demo_only, strict=True):
            mark = " ◀" if a["t"] == chosen["t"] else (" (current)" if a["t"] == threshold else "")
            yield (
                f"{a['t']:.2f}{mark}",
                pct([a["wrong"]], 0),
                pct([a["right"]], 0),
                pct([b["wrong"]], 0),
                pct([b["right"]], 0),
                pct([c["wrong"]], 0),
                pct([c["right"]], 0),
            )

    def sims(subset, answerable):
        v = sorted(r["best_similarity"] for r in subset if r["answerable"] == answerable)
        return ", ".join(f"{x:.2f}" for x in v)

    held = next(c for c in curve_demo if c["t"] == chosen["t"])
    held_only = next(c for c in curve_demo_only if c["t"] == chosen["t"])
    L += [
        "## Refusal rule, stage by stage",
        "",
        "The engine refuses when the best passage is not close enough in meaning, when no "
        "top-5 passage shares enough of the question's words, or when the question asks for a "
        "kind of value (a duration, a dose, a number of kcal) and no sentence carrying such a "
        "value sits where the question's words are (`knowledge/evidence.py`). Each part "
        f"added to the one before, at min_similarity {threshold:.2f} and min_coverage "
        f"{MIN_COVERAGE:.2f} (wrong = answerable refused, correct = unanswerable refused):",
        "",
        md_table(
            [
                "rule",
                "corpus wrong",
                "corpus correct",
                "held-out wrong",
                "held-out correct",
                "demo wrong",
                "demo correct",
                "demo-only wrong",
                "demo-only correct",
            ],
            refusal_stage_rows([corpus, heldout, demo, demo_only_rows], threshold),
            "lrrrrrrrr",
        ),
        "",
        "The engine's own refusals agree with the simulated full rule on "
        f"{sum(r['refused'] == refused_by(r, threshold, 3) for r in rows)} of {len(rows)} "
        "questions (a difference is a refusal for want of any sentence to quote).",
        "",
        "## Refusal threshold (settings.answer.min_similarity)",
        "",
        "best_similarity = the highest question↔passage cosine among the retrieved passages, "
        "computed once per question; a question is refused at threshold t when "
        "best_similarity < t (the engine can also refuse when no sentence is selected, which "
        f"happened {sum(r['refused_no_sentence'] for r in rows)} times; the coverage guard "
        f"refused {sum(r.get('refused_coverage', False) for r in rows)} more). "
        "Calibrated on the corpus gold set "
        f"({curve_corpus[0]['n_ans']} answerable / {curve_corpus[0]['n_una']} unanswerable); "
        "checked on the held-out demo questions "
        f"({curve_demo[0]['n_ans']} / {curve_demo[0]['n_una']}), in the combined home and in a "
        "demo-only home.",
        "",
        md_table(
            [
                "min_similarity",
                "corpus: wrong refusals",
                "corpus: correct refusals",
                "demo (combined): wrong",
                "demo (combined): correct",
                "demo-only home: wrong",
                "demo-only home: correct",
            ],
            sweep_rows(),
            "lrrrrrr",
        ),
        "",
        f"Rule: the largest share of correct refusals on the corpus set with wrong refusals ≤ "
        f"{MAX_WRONG_REFUSALS:.0%}; ties go to fewer wrong refusals, then the lower threshold "
        f"(more margin for answerable questions). **Chosen: {chosen['t']:.2f}** — corpus "
        f"wrong refusals {chosen['wrong']:.0%}, correct refusals {chosen['right']:.0%}; held-out "
        f"demo questions at {chosen['t']:.2f}: wrong {held['wrong']:.0%}, correct "
        f"{held['right']:.0%} (demo-only home: wrong {held_only['wrong']:.0%}, correct "
        f"{held_only['right']:.0%}).",
        "",
        "### The coverage guard on top of the threshold (in the app: min_coverage)",
        "",
        "Refuse also when no passage among the top 5 contains at least C of the question's "
        "content stems (stems + abbreviation expansions; `question_coverage`). Near misses "
        "borrow the corpus's vocabulary in the embedding but not its words (sepsis, NPO, "
        "DKA, pressure ulcers). Similarity and coverage only (the value check comes on top):",
        "",
        md_table(
            [
                "min_similarity",
                "C",
                "corpus wrong",
                "corpus correct",
                "demo wrong",
                "demo correct",
                "demo-only wrong",
                "demo-only correct",
            ],
            guard_rows(rows, demo_only_rows),
            "rrrrrrrr",
        ),
        "",
        "best_similarity of each question, sorted:",
        "",
        f"- corpus answerable: {sims(corpus, True)}",
        f"- corpus unanswerable: {sims(corpus, False)}",
        f"- demo answerable (combined home): {sims(demo, True)}",
        f"- demo unanswerable (combined home): {sims(demo, False)}",
        f"- demo answerable (demo-only home): {sims(demo_only_rows, True)}",
        f"- demo unanswerable (demo-only home): {sims(demo_only_rows, False)}",
        "",
        "Unanswerable corpus questions by best_similarity (near misses share vocabulary with "
        "the corpus):",
        "",
        md_table(
            ["id", "kind", "question", "best sim", "closest passage"],
            [
                (
                    r["id"],
                    r["kind"],
                    r["question"][:80],
                    f"{r['best_similarity']:.2f}",
                    (
                        lambda p: (
                            f"{p['doc'].rsplit('.', 1)[0][:30]}"
                            + (f" p.{p['pages'][0]}" if p["pages"] else "")
                        )
                    )(max(r["retrieved"], key=lambda p: p["similarity"]))
                    if r["retrieved"]
                    else "–",
                )
                for r in sorted(
                    (r for r in rows if not r["answerable"]), key=lambda r: -r["best_similarity"]
                )
            ],
        ),
        "",
    ]
    # -- latency
    L += [
        "## Latency (warm)",
        "",
        f"Each question asked once after {info['warmup']} warm-up questions (model loaded, "
        f"BM25 index built, first query paid). {info['chunks_total']} chunks, "
        f"{info['live']} live documents. The per-question retrieval for the metrics runs just "
        "before each `ask`, so caches are as warm as in a session. First query after start: "
        f"{info['first_query_ms']:.0f} ms (catalog/BM25 {info['first_catalog_ms']:.0f} ms). "
        f"RSS after the run: {info['rss_mb']:.0f} MB.",
        "",
        md_table(["stage", "p50 ms", "p95 ms", "max ms"], latency_table(rows), "lrrr"),
        "",
        "## Machine",
        "",
        md_table(["", ""], host.items()),
        "",
    ]
    return "\n".join(L)


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

    from assistant.engine import AnswerEngine
    from assistant.settings import AnswerSettings, Settings

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

    live = kb.catalog.live_versions()
    demo_names = {v.source_name for v in demo_kb.catalog.live_versions()}
    info = {
        "chunks_total": kb.store.chunk_count(),
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
