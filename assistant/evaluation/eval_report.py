"""A self-contained HTML report of an evaluation run (`clinassist eval --report`).

One file, no external resources: inline CSS, and charts as inline SVG written by
assistant/evaluation/svg_charts.py. Every piece of text that comes from the gold file, the
documents or the settings is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from assistant.evaluation.evaluation import METRICS, cited_summary, failures, pages_label
from assistant.evaluation.svg_charts import Series, histogram, horizontal_bars, vertical_bars

FAILURES_SHOWN = 25

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;
max-width:70rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:2px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0 1rem;width:100%;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.35rem .55rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:#57606a;font-size:.9rem}.bad{color:#b42318;font-weight:600}
.good{color:#1a7f37;font-weight:600}.chart svg{max-width:100%;height:auto}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{flex:1 1 30rem}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def fmt_metric(name: str, value) -> str:
    return _fmt(name, value, sign="", rate_unit="%")


def fmt_delta(name: str, delta) -> str:
    return _fmt(name, delta, sign="+", rate_unit=" pts")


def _fmt(name: str, value, sign: str, rate_unit: str) -> str:
    """Milliseconds for latency, three decimals for MRR, percent (points) for rates."""
    if value is None:
        return "n/a"
    if name.startswith("latency"):
        return f"{value:{sign},.0f} ms"
    if name == "mrr":
        return f"{value:{sign}.3f}"
    return f"{100 * value:{sign}.1f}{rate_unit}"


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """`rows` hold already-escaped cell HTML."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _count(metrics: dict, name: str) -> str:
    c = metrics.get("counts", {})
    if name in ("gold_document_at_3", "gold_page_at_3"):
        return f"{c.get(name, 0)}/{metrics['answerable']}"
    if name == "refusal_rate":
        return f"{c.get('refused_unanswerable', 0)}/{metrics['unanswerable']}"
    if name == "wrong_refusal_rate":
        return f"{c.get('refused_answerable', 0)}/{metrics['answerable']}"
    if name == "verified_claim_rate":
        return f"{metrics.get('claims_verified', 0)}/{metrics.get('claims_total', 0)}"
    if name == "mrr":
        return f"{metrics['answerable']} questions"
    if name == "key_facts_shown":
        return f"{c.get('key_facts_shown', 0)}/{c.get('key_facts', 0)}"
    if name == "register_agreement":
        return f"{c.get('register_groups_agreeing', 0)}/{c.get('register_groups', 0)}"
    return f"{metrics['questions']} answers"


def summary_table(metrics: dict) -> str:
    rows = []
    for name, (label, definition, _) in METRICS.items():
        rows.append(
            [
                f"<strong>{_e(label)}</strong>",
                _e(fmt_metric(name, metrics.get(name))),
                _e(_count(metrics, name)),
                _e(definition),
            ]
        )
    return _table(["Measure", "Result", "Count", "What it means"], rows, numeric={1, 2})


def group_table(groups: dict[str, dict], first: str) -> str:
    names = [
        "gold_document_at_3",
        "gold_page_at_3",
        "mrr",
        "wrong_refusal_rate",
        "refusal_rate",
        "key_facts_shown",
    ]
    headers = [first, "Questions", *[METRICS[n][0] for n in names], "p50 time"]
    rows = []
    for group, m in groups.items():
        rows.append(
            [
                _e(group),
                _e(m["questions"]),
                *[_e(fmt_metric(n, m.get(n))) for n in names],
                _e(fmt_metric("latency_p50_ms", m.get("latency_p50_ms"))),
            ]
        )
    return _table(headers, rows, numeric=set(range(1, len(headers))))


def failures_table(rows: list[dict], limit: int = FAILURES_SHOWN) -> str:
    found = failures(rows)
    if not found:
        return "<p class='good'>No failures: every question met its expectation.</p>"
    out = []
    for r in found[:limit]:
        gold = (
            "not answerable"
            if not r["answerable"]
            else (r["doc"] + (" pages " + ", ".join(map(str, r["pages"])) if r["pages"] else ""))
        )
        out.append(
            [
                _e(r["id"]),
                _e(r["question"]),
                _e(r["failure"]),
                _e(gold),
                _e(cited_summary(r)),
            ]
        )
    note = ""
    if len(found) > limit:
        note = f"<p class='muted'>{len(found) - limit} more not shown (see the saved results).</p>"
    return (
        _table(["Id", "Question", "Problem", "Expected source", "Cited instead (first three)"], out)
        + note
    )


def comparison_table(comparison: dict) -> str:
    rows = []
    for name, m in comparison["metrics"].items():
        flag = "<span class='bad'>regression</span>" if m["regression"] else ""
        rows.append(
            [
                _e(METRICS[name][0]),
                _e(fmt_metric(name, m["before"])),
                _e(fmt_metric(name, m["after"])),
                _e(fmt_delta(name, m["delta"])),
                flag,
            ]
        )
    html = _table(["Measure", "Before", "After", "Change", ""], rows, numeric={1, 2, 3})
    before = comparison.get("before", {})
    html = (
        f"<p class='muted'>Before: run of {_e(before.get('date') or 'unknown date')} on "
        f"{_e(before.get('gold_file') or 'unknown gold file')}.</p>" + html
    )
    changed = comparison.get("questions_changed", [])
    if changed:
        html += "<h3>Questions whose outcome changed</h3>" + _table(
            ["Id", "Question", "Change", "Before", "After"],
            [
                [
                    _e(c["id"]),
                    _e(c["question"]),
                    (
                        "<span class='bad'>regressed</span>"
                        if c["change"] == "regressed"
                        else "<span class='good'>improved</span>"
                    ),
                    _e(c["before"]),
                    _e(c["after"]),
                ]
                for c in changed
            ],
        )
    return html


def metadata_table(meta: dict) -> str:
    index = meta.get("index", {})
    rows = [
        ["Date (UTC)", meta.get("date")],
        ["Gold file", meta.get("gold_file")],
        [
            "Questions",
            f"{meta.get('gold_questions', '?')} ({meta.get('gold_answerable', '?')} answerable)",
        ],
        ["Answer mode", meta.get("mode")],
        ["Provider / model", f"{meta.get('provider', '')} {meta.get('model', '')}".strip()],
        ["Index: live documents", index.get("documents")],
        ["Index: chunks", index.get("chunks")],
        ["Embedding model", index.get("embedding_model")],
        ["Store", meta.get("store")],
        ["Run time", f"{meta['duration_s']} s" if "duration_s" in meta else None],
    ]
    for key, value in (meta.get("settings") or {}).items():
        rows.append([f"Setting {key}", value])
    html = _table(["Item", "Value"], [[_e(k), _e(v)] for k, v in rows if v is not None])
    docs = index.get("document_list") or []
    if docs:
        html += "<h3>Documents in the index</h3>" + _table(
            ["File", "Title", "Version", "Chunks"],
            [
                [_e(d["source_name"]), _e(d["title"]), _e(d["version"]), _e(d["chunks"])]
                for d in docs
            ],
            numeric={2, 3},
        )
    return html


# -- charts -------------------------------------------------------------------------------------
def chart_per_document(per_document: dict[str, dict]) -> str:
    names = list(per_document)
    return horizontal_bars(
        "Hit rate per document",
        names,
        [
            Series(
                "right document",
                [100 * (per_document[n]["gold_document_at_3"] or 0) for n in names],
                "#4c78a8",
            ),
            Series(
                "right page",
                [100 * (per_document[n]["gold_page_at_3"] or 0) for n in names],
                "#f58518",
            ),
        ],
        "% of answerable questions (source among the first three)",
    )


def chart_latency(rows: list[dict]) -> str:
    values = [r["latency_ms"] for r in rows if r.get("latency_ms") is not None]
    return histogram("Answer time", values, "answer time (ms)", "#54a24b")


def chart_comparison(comparison: dict) -> str:
    metrics = comparison["metrics"]
    names = [
        n
        for n, m in metrics.items()
        if not n.startswith("latency") and m["before"] is not None and m["after"] is not None
    ]
    # every measure here is a 0–1 share (MRR too): shown × 100 so the bars compare
    return vertical_bars(
        "Before → after",
        [METRICS[n][0] for n in names],
        [
            Series("before", [100 * metrics[n]["before"] for n in names], "#bab0ac"),
            Series("after", [100 * metrics[n]["after"] for n in names], "#4c78a8"),
        ],
        "%  (MRR × 100)",
    )


def _chart(title: str, svg: str) -> str:
    return f"<div class='chart' role='img' aria-label='{_e(title)}'>{svg}</div>" if svg else ""


# -- the page -----------------------------------------------------------------------------------
def render_html(results: dict, comparison: dict | None = None) -> str:
    meta, metrics, rows = results.get("meta", {}), results["metrics"], results.get("rows", [])
    title = f"Answer quality evaluation — {meta.get('gold_file', 'gold set')}"
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='muted'>Run on {_e(meta.get('date', 'unknown date'))} · "
        f"{_e(meta.get('mode', ''))} · {_e(metrics['questions'])} questions "
        f"({_e(metrics['answerable'])} answerable, {_e(metrics['unanswerable'])} not answerable "
        "from the approved documents).</p>",
        "<p>Each question of the gold set was asked once, exactly as a clinician would, of the "
        "current approved documents and settings. The gold set says which document (and page) "
        "holds the answer, or that no approved document answers it. An answer's sources are "
        "counted in the order it cites them.</p>",
        "<h2>Summary</h2>",
        summary_table(metrics),
    ]
    if comparison:
        regress = comparison.get("regressions", [])
        verdict = (
            f"<p class='bad'>{len(regress)} measure(s) got worse: "
            f"{_e(', '.join(METRICS[n][0] for n in regress))}.</p>"
            if regress
            else "<p class='good'>No measure got worse.</p>"
        )
        parts += [
            "<h2>Before → after</h2>",
            verdict,
            comparison_table(comparison),
            _chart("Before and after", chart_comparison(comparison)),
        ]
    parts += ["<h2>Charts</h2><div class='charts'>"]
    parts.append(_chart("Hit rate per document", chart_per_document(metrics["per_document"])))
    parts.append(_chart("Answer time histogram", chart_latency(rows)))
    parts.append("</div>")
    parts += [
        "<h2>Per document (answerable questions)</h2>",
        group_table(metrics["per_document"], "Document")
        if metrics["per_document"]
        else "<p class='muted'>No answerable questions.</p>",
    ]
    if metrics.get("per_kind"):
        parts += ["<h2>Per kind of question</h2>", group_table(metrics["per_kind"], "Kind")]
    if metrics.get("per_register"):
        parts += [
            "<h2>Per register (how the question was worded)</h2>",
            group_table(metrics["per_register"], "Register"),
        ]
    if metrics.get("per_tag"):
        parts += ["<h2>Per tag</h2>", group_table(metrics["per_tag"], "Tag")]
    parts += [
        "<h2>Failures (worst first)</h2>",
        "<p class='muted'>Worst first: answerable questions refused, then a wrong document "
        "cited, then the right document at the wrong page, then questions the documents do not "
        "answer that were answered anyway.</p>",
        failures_table(rows),
        "<h2>Run details</h2>",
        metadata_table(meta),
        "</body></html>",
    ]
    return "\n".join(parts)


__all__ = ["render_html", "fmt_metric", "fmt_delta", "pages_label"]
