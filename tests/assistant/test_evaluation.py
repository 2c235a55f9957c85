"""The evaluation harness: gold loading, metrics on hand-made answers, the HTML report, the
comparison, and `clinassist eval` on the demo home (real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import provenance
from typer.testing import CliRunner

from assistant import cli
from assistant.answering.answer import Answer, Citation
from assistant.evaluation.eval_compare import ResultsError, compare, load_results, save_results
from assistant.evaluation.eval_gold import GoldError, GoldQuestion, load_gold, parse_gold_line
from assistant.evaluation.eval_report import render_html
from assistant.evaluation.evaluation import (
    build_results,
    compute_metrics,
    failures,
    quantile,
    run_evaluation,
    score_answer,
)

REPO = Path(__file__).resolve().parents[2]
DEMO_QUESTIONS = REPO / "assets" / "demo" / "questions.jsonl"
runner = CliRunner()


def cite(number: int, source: str, start: int | None = None, end: int | None = None) -> Citation:
    return Citation(
        number=number,
        passage="text",
        source=provenance(
            source,
            chunk_id=f"c{number}",
            title=source,
            source_name=source,
            page_start=start,
            page_end=end if end is not None else start,
        ),
    )


def answer(*citations: Citation, refused=False, total=0, verified=0, ms=100.0) -> Answer:
    return Answer(
        question="q",
        sent_question="q",
        text="" if refused else "an answer",
        citations=list(citations),
        refused=refused,
        claims_total=total,
        claims_verified=verified,
        timings_ms={"total_ms": ms},
    )


def gq(qid, answerable=True, doc="a.pdf", pages=(3,), kind=None) -> GoldQuestion:
    return GoldQuestion(
        id=qid,
        question=f"question {qid}?",
        answerable=answerable,
        doc=doc if answerable else None,
        pages=tuple(pages) if (pages and answerable) else None,
        kind=kind,
        line=1,
    )


# -- scoring -----------------------------------------------------------------------------------
def test_page_containment_and_rank():
    q = gq("x", pages=(5, 9))
    row = score_answer(
        q, answer(cite(1, "b.pdf", 5), cite(2, "a.pdf", 1, 2), cite(3, "a.pdf", 4, 6))
    )
    assert row["doc_at_3"] and row["page_at_3"]
    assert row["rr"] == pytest.approx(1 / 3)
    assert [c["page_hit"] for c in row["citations"]] == [False, False, True]
    # a range that straddles no gold page misses; the citation order is by number, not list
    row = score_answer(q, answer(cite(2, "a.pdf", 6, 8), cite(1, "a.pdf", 9)))
    assert row["rr"] == 1.0 and row["citations"][0]["page_start"] == 9


def test_hit_only_in_top_three_counts_for_at_3_but_counts_for_mrr():
    q = gq("x", pages=(7,))
    cites = [cite(i, "other.pdf", 1) for i in (1, 2, 3)] + [cite(4, "a.pdf", 7)]
    row = score_answer(q, answer(*cites))
    assert row["doc_at_3"] is False and row["page_at_3"] is False
    assert row["rr"] == 0.25


def test_pages_null_means_document_match_counts():
    q = gq("x", doc="policy.md", pages=None)
    row = score_answer(q, answer(cite(1, "other.md"), cite(2, "policy.md")))
    assert row["doc_at_3"] and row["page_at_3"] and row["rr"] == 0.5


def test_citation_without_pages_on_a_paginated_gold_is_a_document_hit_only():
    row = score_answer(gq("x", pages=(2,)), answer(cite(1, "a.pdf", None)))
    assert row["doc_at_3"] and not row["page_at_3"] and row["rr"] == 0.0


def test_metrics_on_hand_made_answers():
    qs = [
        gq("a1", kind="number"),
        gq("a2", kind="number"),
        gq("a3", doc="b.pdf", pages=(1,), kind="fact"),
        gq("a4", doc="b.pdf", pages=(1,), kind="fact"),
        gq("u1", answerable=False, kind="unanswerable"),
        gq("u2", answerable=False, kind="unanswerable"),
    ]
    answers = [
        answer(cite(1, "a.pdf", 3), total=2, verified=2, ms=100),  # page hit, rr 1
        answer(cite(1, "b.pdf", 1), cite(2, "a.pdf", 2, 4), total=2, verified=1, ms=200),  # rr .5
        answer(cite(1, "b.pdf", 8), ms=300),  # doc hit, page miss
        answer(refused=True, ms=50),  # wrong refusal
        answer(refused=True, ms=40),  # correct refusal
        answer(cite(1, "a.pdf", 3), ms=400),  # answered an unanswerable question
    ]
    rows = [score_answer(q, a) for q, a in zip(qs, answers, strict=True)]
    m = compute_metrics(rows)
    assert (m["questions"], m["answerable"], m["unanswerable"]) == (6, 4, 2)
    assert m["gold_document_at_3"] == 0.75
    assert m["gold_page_at_3"] == 0.5
    assert m["mrr"] == pytest.approx((1 + 0.5 + 0 + 0) / 4)
    assert m["refusal_rate"] == 0.5
    assert m["wrong_refusal_rate"] == 0.25
    assert m["verified_claim_rate"] == 0.75
    assert m["latency_p50_ms"] == 150.0
    assert m["latency_p95_ms"] == pytest.approx(quantile([100, 200, 300, 50, 40, 400], 0.95), 0.01)
    # per document: answerable questions only
    assert set(m["per_document"]) == {"a.pdf", "b.pdf"}
    assert m["per_document"]["a.pdf"]["gold_page_at_3"] == 1.0
    assert m["per_document"]["b.pdf"]["gold_document_at_3"] == 0.5
    assert m["per_document"]["b.pdf"]["wrong_refusal_rate"] == 0.5
    assert m["per_document"]["b.pdf"]["refusal_rate"] is None
    # per kind
    assert m["per_kind"]["unanswerable"]["refusal_rate"] == 0.5
    assert m["per_kind"]["number"]["mrr"] == 0.75
    # failures, worst first
    worst = failures(rows)
    assert [f["id"] for f in worst] == ["a4", "a3", "u2"]
    assert worst[0]["failure"] == "answerable question refused"
    assert m["failures"] == 3


def test_verified_claim_rate_is_none_without_claims():
    rows = [score_answer(gq("a"), answer(cite(1, "a.pdf", 3)))]
    assert compute_metrics(rows)["verified_claim_rate"] is None


def test_run_evaluation_turns_engine_value_errors_into_refused_rows():
    class Engine:
        def ask(self, question, previous=""):
            if "bad" in question:
                raise ValueError("the question is empty")
            return answer(cite(1, "a.pdf", 3))

    qs = [gq("ok"), GoldQuestion("bad", "bad one", True, "a.pdf", (3,), None, 2)]
    seen = []
    rows = run_evaluation(Engine(), qs, lambda i, n, q: seen.append(i))
    assert rows[0]["page_at_3"] and rows[1]["refused"]
    assert rows[1]["refusal_reason"].startswith("error:")
    assert seen == [0, 1, 2]


# -- comparison --------------------------------------------------------------------------------
def _results(page_hits: list[bool], latency: float) -> dict:
    rows = []
    for i, hit in enumerate(page_hits):
        a = answer(cite(1, "a.pdf", 3 if hit else 99), ms=latency)
        rows.append(score_answer(gq(f"q{i}"), a))
    return build_results(rows, {"date": "2026-01-01T00:00:00+00:00", "gold_file": "g.jsonl"})


def test_comparison_deltas_and_regressions():
    before = _results([True, True, True, False], latency=100)
    after = _results([True, True, False, True], latency=100)
    same = compare(before, after)
    assert same["metrics"]["gold_page_at_3"]["delta"] == 0.0
    assert same["regressions"] == []
    assert {c["id"]: c["change"] for c in same["questions_changed"]} == {
        "q2": "regressed",
        "q3": "improved",
    }
    worse_results = _results([True, False, False, False], latency=300)
    worse = compare(before, worse_results)
    assert worse["metrics"]["gold_page_at_3"]["delta"] == -0.5
    assert worse["metrics"]["gold_page_at_3"]["regression"]
    assert worse["metrics"]["latency_p50_ms"]["delta"] == 200.0
    assert "latency_p50_ms" in worse["regressions"]
    assert not worse["metrics"]["gold_document_at_3"]["regression"]  # 100 % → 100 %
    better = compare(worse_results, before)
    assert better["regressions"] == []
    # lower is better for wrong refusals
    refusing = build_results([score_answer(gq("q0"), answer(refused=True))], {"date": "x"})
    assert "wrong_refusal_rate" in compare(before, refusing)["regressions"]


def test_saved_results_round_trip_and_bad_files(tmp_path):
    results = _results([True, False], latency=10)
    path = tmp_path / "out" / "r.json"
    save_results(results, path)
    assert load_results(path)["metrics"] == json.loads(json.dumps(results["metrics"]))
    with pytest.raises(ResultsError, match="file not found"):
        load_results(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{nope")
    with pytest.raises(ResultsError, match="not valid JSON"):
        load_results(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"a": 1}')
    with pytest.raises(ResultsError, match="not an evaluation results file"):
        load_results(tmp_path / "other.json")


# -- report ------------------------------------------------------------------------------------
def test_report_has_tables_charts_and_escapes_text():
    evil = '<script>alert("x")</script> & <b>'
    qs = [
        GoldQuestion("e1", evil, True, "<a>.pdf", (1,), "num<ber>", 1),
        gq("u1", answerable=False, kind="unanswerable"),
    ]
    rows = [
        score_answer(qs[0], answer(cite(1, "evil<i>.pdf", 4))),
        score_answer(qs[1], answer(cite(1, "a.pdf", 3))),
    ]
    meta = {
        "date": "2026-01-01T00:00:00+00:00",
        "gold_file": "gold<1>.jsonl",
        "gold_questions": 2,
        "gold_answerable": 1,
        "provider": "offline",
        "mode": "offline-extractive",
        "settings": {"answer.min_similarity": 0.4},
        "index": {
            "documents": 1,
            "chunks": 3,
            "embedding_model": "m",
            "document_list": [
                {"source_name": "<a>.pdf", "title": "T&C", "version": 1, "chunks": 3}
            ],
        },
    }
    results = build_results(rows, meta)
    html = render_html(results, compare(results, results))
    assert "<script>" not in html and "evil<i>" not in html and "<a>.pdf" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert "evil&lt;i&gt;.pdf p. 4" in html  # what was cited instead
    assert "gold&lt;1&gt;.jsonl" in html and "T&amp;C" in html
    assert html.count("<svg") >= 2 or "data:image/png" in html
    for heading in ("Summary", "Per document", "Per kind", "Failures", "Run details", "Before"):
        assert heading in html
    assert "n/a" in html  # no claims: verified-claim rate not applicable
    assert "Right page cited" in html and "What it means" in html
    # self-contained: nothing is fetched from elsewhere
    for pattern in (
        'src="http',
        "src='http",
        'href="http',
        "href='http",
        "url(http",
        "<!DOCTYPE svg",
    ):
        assert pattern not in html


# -- gold loading ------------------------------------------------------------------------------
def test_load_gold_reads_the_repository_sets():
    demo = load_gold(DEMO_QUESTIONS)
    assert len(demo) == 12 and sum(not q.answerable for q in demo) == 3
    corpus = load_gold(REPO / "tests" / "data" / "corpus_gold.jsonl")
    assert len(corpus) == 106 and corpus[0].kind and corpus[0].pages
    assert sum(not q.answerable for q in corpus) == 29
    heldout = load_gold(REPO / "tests" / "data" / "heldout_gold.jsonl")
    assert len(heldout) == 36 and sum(not q.answerable for q in heldout) == 14
    assert not {q.id for q in heldout} & {q.id for q in corpus}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json}", "not valid JSON"),
        ("[1, 2]", "each line must be a JSON object"),
        ('{"id": "a", "answerable": true, "doc": "x.pdf"}', 'missing "question"'),
        ('{"question": 3, "answerable": true, "doc": "x"}', '"question" must be a non-empty'),
        ('{"question": "  ", "answerable": true, "doc": "x"}', '"question" must be a non-empty'),
        ('{"question": "q?", "doc": "x"}', 'missing "answerable"'),
        ('{"question": "q?", "answerable": "yes", "doc": "x"}', '"answerable" must be true'),
        (
            '{"question": "q?", "answerable": true, "doc": null}',
            'an answerable question needs "doc"',
        ),
        ('{"question": "q?", "answerable": true, "doc": 5}', '"doc" must be'),
        ('{"question": "q?", "answerable": true, "doc": "x", "pages": "3"}', '"pages" must'),
        ('{"question": "q?", "answerable": true, "doc": "x", "pages": [0]}', '"pages" must'),
        ('{"question": "q?", "answerable": true, "doc": "x", "pages": [true]}', '"pages" must'),
        ('{"id": [1], "question": "q?", "answerable": false}', '"id" must be'),
        ('{"question": "q?", "answerable": false, "kind": 1}', '"kind" must be'),
    ],
)
def test_bad_gold_lines_name_the_line(tmp_path, line, message):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "ok", "question": "fine?", "answerable": false}\n\n' + line + "\n")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert f"g.jsonl:3: {message}" in str(err.value)


def test_gold_file_errors(tmp_path):
    with pytest.raises(GoldError, match="file not found"):
        load_gold(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    with pytest.raises(GoldError, match="no questions"):
        load_gold(tmp_path / "empty.jsonl")
    dup = '{"id": "a", "question": "q?", "answerable": false}\n'
    (tmp_path / "dup.jsonl").write_text(dup + dup.replace("q?", "r?"))
    with pytest.raises(GoldError, match="dup.jsonl:2: id 'a' already used on line 1"):
        load_gold(tmp_path / "dup.jsonl")


def test_gold_line_defaults_and_extra_fields():
    q = parse_gold_line(
        '{"question": " a  b? ", "answerable": false, "doc": "x", "pages": [1], "extra": 1}', 7
    )
    assert (q.id, q.question, q.doc, q.pages, q.kind) == ("line-7", "a b?", None, None, None)


# -- CLI (real model, demo home) ----------------------------------------------------------------
def test_cli_eval_on_the_demo_home(demo_cli, tmp_path):
    report, saved = tmp_path / "report.html", tmp_path / "results.json"
    args = ["eval", str(DEMO_QUESTIONS), "--report", str(report), "--json", "--save", str(saved)]
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    m = data["metrics"]
    assert (m["questions"], m["answerable"], m["unanswerable"]) == (12, 9, 3)
    assert m["gold_document_at_3"] >= 0.8 and m["gold_page_at_3"] >= 0.8
    assert 0.5 <= m["mrr"] <= 1.0
    assert m["wrong_refusal_rate"] <= 0.2 and m["refusal_rate"] is not None
    assert m["verified_claim_rate"] == 1.0  # offline: quoted sentences are verified
    assert m["latency_p50_ms"] > 0 and m["latency_p95_ms"] >= m["latency_p50_ms"]
    assert "falls-prevention.pdf" in m["per_document"]
    assert data["meta"]["index"]["documents"] == 6 and data["meta"]["provider"] == "offline"
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "questions.jsonl" in html and "Per document" in html
    assert len(json.loads(saved.read_text())["rows"]) == 12

    # compare against the saved run: the same index and settings, so no rate regresses
    again = runner.invoke(
        cli.app, ["eval", str(DEMO_QUESTIONS), "--compare", str(saved), "--report", str(report)]
    )
    assert again.exit_code == 0, again.output
    assert "Before → after" in report.read_text(encoding="utf-8")
    assert "before" in again.stdout and "Right page cited" in again.stdout


def test_cli_eval_bad_input_exits_2(tmp_path, monkeypatch):
    import assistant.core.services as services

    def no_engine(*a, **k):  # bad input must fail before any model loads
        raise AssertionError("the engine must not be built")

    monkeypatch.setattr(services, "build_engine", no_engine)
    missing = runner.invoke(cli.app, ["eval", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "file not found" in missing.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "ok?", "answerable": false}\n{oops\n')
    result = runner.invoke(cli.app, ["eval", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:2: not valid JSON" in result.output
    good = tmp_path / "good.jsonl"
    good.write_text('{"question": "ok?", "answerable": false}\n')
    result = runner.invoke(cli.app, ["eval", str(good), "--compare", str(bad)])
    assert result.exit_code == 2 and "not valid JSON" in result.output
