"""Hybrid retrieval: only live versions, BM25 kept in step with the catalog, query handling."""

from __future__ import annotations

import pytest
from support import ingest_one, markdown_doc

from knowledge.analysis import expand_query, expansions, lexical_stems, numbers
from knowledge.retrieval import RetrievalConfig, Retriever, rrf_scores

_ingest = ingest_one
_doc = markdown_doc


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


def test_the_lexical_index_builds_without_scipy_and_scores_as_scipy_would():
    """The frozen build leaves scipy out: BM25's numpy matrix must score exactly the same."""
    import bm25s
    import numpy as np

    corpus = [
        "Offer naloxone when opioid doses exceed 50 MME per day.",
        "Report needlestick injuries to occupational health within one hour.",
        "Neurological observations every 15 minutes for the first hour after a fall.",
        "Discard multi-dose vials 28 days after opening unless the maker says otherwise.",
    ] * 5
    scores = {}
    for backend in ("scipy", "numpy"):
        bm25 = bm25s.BM25(k1=1.2, b=0.75, csc_backend=backend)
        bm25.index(bm25s.tokenize(corpus, show_progress=False), show_progress=False)
        scores[backend] = [
            bm25.get_scores(q)
            for q in bm25s.tokenize(
                ["naloxone opioid MME", "fall observations hour"], return_ids=False
            )
        ]
    for numpy_scores, scipy_scores in zip(scores["numpy"], scores["scipy"], strict=True):
        assert np.array_equal(numpy_scores, scipy_scores) and numpy_scores.max() > 0


def test_the_knowledge_base_searches_words_with_scipy_unimportable(tmp_path):
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['scipy'] = None\n"  # as in the frozen build
        "from fakes import HashEmbedder, word_counter\n"
        "from knowledge.base import KnowledgeBase\n"
        "from knowledge.ingest import IngestOptions\n"
        "from knowledge.retrieval import Retriever\n"
        "from pathlib import Path\n"
        f"home = Path({str(tmp_path / 'home')!r}); doc = Path({str(tmp_path / 'n.md')!r})\n"
        "doc.write_text('# Naloxone\\n\\nOffer naloxone above 50 MME per day.')\n"
        "kb = KnowledgeBase(home, embedder=HashEmbedder(), count_tokens=word_counter)\n"
        "list(kb.ingest([doc], IngestOptions(approve=True)))\n"
        "retriever = Retriever(kb); retriever.refresh()\n"
        "[hit] = retriever.lexical.match('naloxone MME', k=1).hits\n"
        "assert hit.score > 0, hit\n"
        "assert 'scipy' not in {m.split('.')[0] for m in sys.modules if sys.modules[m]}\n"
        "print('found', hit.chunk_id)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
        env={"PYTHONPATH": ":".join(sys.path)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("found ")
