"""Tables of the answering benchmark (benchmarks/answering.py): metrics, breakdowns, the
refusal rule part by part, the similarity sweep, the evidence funnel and latency by stage.
Pure functions over the per-question rows that answering.evaluate builds."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

MAX_WRONG_REFUSALS = 0.10  # the threshold rule: wrong refusals on answerable <= 10 %
SWEEP = [round(0.20 + 0.02 * i, 2) for i in range(21)]  # 0.20 .. 0.60
REPORT_ID = re.compile(r"\[(mm\d{3,4}[a-z]\d+)\]")


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
    ("+ value check (no value of the asked kind near min_value_coverage of the question)", 3),
]


def refused_by(row: dict, threshold: float, min_coverage: float, stages: int) -> bool:
    """The engine's refusal rule, simulated from the row's measures, up to `stages` parts."""
    # The floor drops to the relaxed one when the question's concepts are mostly in one passage
    # (answering.py records the floor the engine used); the value check has its own share.
    if row["best_similarity"] < row.get("similarity_floor", threshold):
        return True
    if stages >= 2 and row["coverage_top5"] < min_coverage:
        return True
    value = row.get("value_coverage")
    return stages >= 3 and value is not None and value < row.get("value_share", min_coverage)


def refusal_stage_rows(
    subsets: list[list[dict]], threshold: float, min_coverage: float
) -> list[tuple]:
    out = []
    for label, stages in REFUSAL_STAGES:
        cells = []
        for subset in subsets:
            a = [r for r in subset if r["answerable"]]
            u = [r for r in subset if not r["answerable"]]
            cells += [
                f"{sum(refused_by(r, threshold, min_coverage, stages) for r in a)}/{len(a)}",
                f"{sum(refused_by(r, threshold, min_coverage, stages) for r in u)}/{len(u)}",
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
        ("retrieval_dense_ms", "dense (exact, live vectors)"),
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
