"""The markdown report of the answering benchmark (benchmarks/answering.py), written into the
"answering" section of benchmarks/results/answering.md."""

from __future__ import annotations

from collections import defaultdict

from _common import md_table
from answering_tables import (
    BREAKDOWN_HEADERS,
    MAX_WRONG_REFUSALS,
    breakdown,
    cited_summary,
    first_quote,
    funnel_rows,
    gold_summary,
    guard_rows,
    latency_table,
    metric_rows,
    pct,
    quantile,
    refusal_stage_rows,
    refused_by,
)


def report(
    rows,
    demo_only_rows,
    curve_corpus,
    curve_demo,
    curve_demo_only,
    chosen,
    threshold,
    min_coverage,
    info,
    host,
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
        + (f" and min_coverage = **{min_coverage:.2f}**" if min_coverage else "")
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
        f"{min_coverage:.2f} (wrong = answerable refused, correct = unanswerable refused):",
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
            refusal_stage_rows([corpus, heldout, demo, demo_only_rows], threshold, min_coverage),
            "lrrrrrrrr",
        ),
        "",
        "The engine's own refusals agree with the simulated full rule on "
        f"{sum(r['refused'] == refused_by(r, threshold, min_coverage, 3) for r in rows)} "
        f"of {len(rows)} "
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
