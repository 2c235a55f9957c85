"""Hybrid retrieval: only live versions, BM25 kept in step with the catalog, query handling."""

from __future__ import annotations

import pytest

from knowledge.analysis import expand_query, expansions, lexical_stems, numbers
from knowledge.ingest import IngestOptions
from knowledge.retrieval import RetrievalConfig, Retriever, rrf_scores


def _ingest(kb, path, approve=True):
    return [e.result for e in kb.ingest([path], IngestOptions(approve=approve)) if e.result][0]


def _doc(tmp_path, name, paragraphs):
    path = tmp_path / name
    path.write_text("# " + name.split(".")[0] + "\n\n" + "\n\n".join(paragraphs))
    return path


def test_only_live_versions_even_when_pending_chunks_crowd_the_top(kb, tmp_path):
    live = _doc(
        tmp_path, "naloxone.md", ["Offer naloxone when opioid doses exceed 50 MME per day."]
    )
    _ingest(kb, live)
    crowd = _doc(
        tmp_path,
        "draft.md",
        [
            f"Draft {i}: offer naloxone when opioid doses exceed 50 MME per day, version {i}."
            for i in range(60)
        ],
    )
    _ingest(kb, crowd, approve=False)  # pending: must never be returned
    retriever = Retriever(kb, RetrievalConfig(k_dense=5, k_lexical=5))
    result = retriever.search("When to offer naloxone above 50 MME per day?")
    assert result.passages and {p.source.doc_id for p in result.passages} == {"naloxone"}


def test_lexical_index_follows_approve_and_retire(kb, tmp_path):
    retriever = Retriever(kb)
    _ingest(
        kb,
        _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]),
        approve=False,
    )
    assert retriever.search("needlestick report").passages == []
    kb.approve("sharps", by="admin")
    result = retriever.search("needlestick report")
    assert [p.source.doc_id for p in result.passages] == ["sharps"] and retriever.lexical.size == 1
    assert result.passages[0].lexical_rank == 0 and result.passages[0].source.approved_at
    kb.retire("sharps")
    assert retriever.search("needlestick report").passages == []
    assert retriever.lexical.size == 0


def test_per_document_cap_keeps_other_documents_in_view(kb, tmp_path):
    long_doc = _doc(
        tmp_path,
        "long.md",
        [
            f"## Part {i}\n\nHand hygiene rule {i}: rub hands with alcohol hand rub."
            for i in range(12)
        ],
    )
    short_doc = _doc(tmp_path, "short.md", ["Hand hygiene: wash hands with soap and water."])
    _ingest(kb, long_doc)
    _ingest(kb, short_doc)
    retriever = Retriever(kb, RetrievalConfig(per_doc_cap=3, top_n=6))
    docs = [p.source.doc_id for p in retriever.search("hand hygiene rub hands").passages]
    assert docs.count("long") == 3 and "short" in docs


def test_abbreviations_numbers_and_fusion():
    assert "morphine milligram equivalents" in expansions("Max MME for pt?")
    assert "every 4 hours" in expansions("oxycodone q4h PRN")
    assert "patient" in expansions("pt on PCA")
    assert expansions("to be or not") == []  # lower-case "be" is a word, not bioequivalence
    assert "bioequivalence" in expansions("BE studies")
    assert expand_query("PPE for MRSA").startswith("PPE for MRSA (")
    assert set(lexical_stems("MME")) >= {"mme", "morphin", "milligram", "equival"}
    assert numbers("20–30 seconds, five minutes") == {"20", "30", "5"}
    scores = rrf_scores([(["a", "b"], 1.0), (["b", "c"], 1.0)], k=60)
    assert max(scores, key=scores.get) == "b" and set(scores) == {"a", "b", "c"}


def test_lexical_match_scores_chunks_beyond_its_top_hits(kb, tmp_path):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    _ingest(kb, _doc(tmp_path, "gloves.md", ["Wear gloves; report torn gloves at once."]))
    _ingest(kb, _doc(tmp_path, "diet.md", ["Eat vegetables and whole grains daily."]))
    retriever = Retriever(kb)
    retriever.refresh()
    match = retriever.lexical.match("report needlestick injuries", k=1)
    [top] = match.hits
    ids = {c.metadata["doc_id"]: c.id for c in kb.index.get_chunks()}
    assert top.chunk_id == ids["sharps"] and match.score(ids["sharps"]) == top.score
    assert 0 < match.score(ids["gloves"]) < top.score  # shares "report" only: not in top 1
    assert match.score(ids["diet"]) == 0.0
    assert match.score("no-such-chunk") is None


def test_fusion_choice_is_checked_and_rank_fusion_remains_available(kb, tmp_path):
    with pytest.raises(ValueError, match="unknown fusion 'sum'"):
        RetrievalConfig(fusion="sum")
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    _ingest(kb, _doc(tmp_path, "diet.md", ["Eat vegetables and whole grains daily."]))
    for config in (RetrievalConfig(), RetrievalConfig(fusion="rrf", smooth_weight=0)):
        result = Retriever(kb, config).search("needlestick injury report")
        assert result.passages[0].source.doc_id == "sharps"
        assert result.passages[0].score > result.passages[-1].score


def test_documents_use_says_which_words_many_passages_hold(kb, tmp_path):
    sections = [
        f"## Wound {i}\n\n"
        + " ".join(["Allevyn foam dressing stays for five days."] * 3)
        + f" Wound type {i} needs review after {i} days." * 20
        for i in range(8)
    ]
    _ingest(kb, _doc(tmp_path, "dressings.md", sections))
    retriever = Retriever(kb)
    retriever.refresh()
    assert kb.index.chunk_count() > 4  # more passages than the "rare" cut-off
    assert retriever.documents_use("Allevyn")
    assert not retriever.documents_use("Wiktoria")
    assert not retriever.documents_use("Nguyễn")  # the analyser cannot spell it: never counts
