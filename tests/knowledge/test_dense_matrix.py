"""Exact dense search over the live chunks' vectors, kept with the lexical index: the same
question always gets the same candidates, pending and retired chunks never count, and
documents approved during a background rebuild are still found."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from support import ingest_one, markdown_doc

from knowledge.dense_matrix import ROW_VERSIONS, VECTORS, DenseMatrix
from knowledge.lexical import LexicalIndex, erase_versions
from knowledge.retrieval import RetrievalConfig, Retriever


def _unit_rows(count: int, dimension: int = 16, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _matrix(count: int = 50, versions: tuple[str, ...] = ("v1", "v2")) -> DenseMatrix:
    ids = [f"c{i}" for i in range(count)]
    return DenseMatrix(ids, _unit_rows(count), [versions[i % len(versions)] for i in range(count)])


def test_nearest_is_the_exact_ranking_by_cosine():
    matrix = _matrix()
    query = _unit_rows(1, seed=7)[0]
    found = matrix.nearest(query, 10, {"v1", "v2"})
    expected = np.argsort(-(matrix.vectors @ query), kind="stable")[:10]
    assert [m.chunk_id for m in found] == [f"c{i}" for i in expected]
    assert found[0].similarity == pytest.approx(float(matrix.vectors[expected[0]] @ query))
    assert np.array_equal(found[0].vector, matrix.vectors[expected[0]])


def test_only_rows_of_live_versions_are_returned():
    matrix = _matrix()
    query = _unit_rows(1, seed=3)[0]
    found = matrix.nearest(query, 100, {"v2"})
    assert len(found) == 25 and all(int(m.chunk_id[1:]) % 2 == 1 for m in found)
    assert matrix.nearest(query, 5, set()) == []
    assert matrix.nearest(query, 5, {"retired"}) == []


def test_equal_similarities_keep_row_order_every_time():
    vector = np.full(16, 0.25, dtype=np.float32)  # a unit vector whose products are exact
    matrix = DenseMatrix([f"c{i}" for i in range(30)], np.tile(vector, (30, 1)), ["v"] * 30)
    orders = {tuple(m.chunk_id for m in matrix.nearest(vector, 12, {"v"})) for _ in range(5)}
    assert orders == {tuple(f"c{i}" for i in range(12))}


def test_a_matrix_needs_one_id_and_one_version_per_row():
    with pytest.raises(ValueError, match="one id and one version per row"):
        DenseMatrix(["a", "b"], _unit_rows(3), ["v", "v"])


def test_saved_and_loaded_unchanged_and_a_missing_or_mismatched_file_is_no_matrix(tmp_path):
    matrix = _matrix(20)
    matrix.save(tmp_path)
    loaded = DenseMatrix.load(tmp_path, matrix.ids)
    assert loaded is not None and np.array_equal(loaded.vectors, matrix.vectors)
    assert loaded.row_versions == matrix.row_versions
    assert DenseMatrix.load(tmp_path, matrix.ids[:-1]) is None  # rows and ids disagree
    (tmp_path / VECTORS).unlink()
    assert DenseMatrix.load(tmp_path, matrix.ids) is None
    assert not (tmp_path / VECTORS).exists() and (tmp_path / ROW_VERSIONS).exists()


# -- with the knowledge base (real local Chroma, the hashing embedder) ------------------------
_ingest = ingest_one
_doc = markdown_doc


def _sections(tmp_path, name, count, words):
    parts = [f"## Part {i}\n\n{words} rule {i} number {i * 7 % 13}." for i in range(count)]
    return _doc(tmp_path, name, parts)


def test_the_dense_candidates_are_the_exact_nearest_live_chunks(kb, tmp_path):
    _ingest(kb, _sections(tmp_path, "hands.md", 40, "Rub hands with alcohol hand rub"))
    _ingest(kb, _sections(tmp_path, "masks.md", 40, "Wear a fitted respirator mask"))
    _ingest(kb, _sections(tmp_path, "draft.md", 40, "Rub hands and wear a mask"), approve=False)
    retriever = Retriever(kb, RetrievalConfig(k_dense=30))
    live = {v.version_id: v for v in retriever.refresh()}
    assert retriever.lexical.dense is not None
    vector = kb.embedder.embed_query("rub hands with a respirator mask rule 12")

    chunks = kb.index.get_chunks(where={"version_id": {"$in": sorted(live)}}, with_embeddings=True)
    sims = np.stack([c.embedding for c in chunks]) @ vector
    exact = [chunks[i].id for i in np.argsort(-sims, kind="stable")[:30]]
    got = retriever._dense(vector, live, [])
    assert [h.id for h in got] == exact  # no pending draft chunk, none missed
    assert all(h.metadata["version_id"] in live and h.text for h in got)


def test_the_store_reads_vectors_in_the_order_asked_and_says_when_one_is_gone(kb, tmp_path):
    _ingest(kb, _sections(tmp_path, "hands.md", 5, "Rub hands with alcohol hand rub"))
    chunks = kb.index.get_chunks(with_embeddings=True)
    ids = [c.id for c in reversed(chunks)]
    vectors = kb.index.get_vectors(ids)
    assert vectors.dtype == np.float32 and vectors.shape == (len(ids), kb.embedder.dimension)
    assert np.allclose(vectors, np.stack([c.embedding for c in reversed(chunks)]))
    with pytest.raises(LookupError, match="no longer in the store"):
        kb.index.get_vectors([*ids, "gone"])


def test_a_built_index_serves_its_vectors_from_the_file(kb, tmp_path):
    _ingest(kb, _sections(tmp_path, "hands.md", 5, "Rub hands with alcohol hand rub"))
    retriever = Retriever(kb)
    retriever.refresh()
    assert isinstance(retriever.lexical.dense.vectors, np.memmap)
    assert len(retriever.lexical.dense.ids) == retriever.lexical.size == 5


def in_thread(fn) -> None:
    threading.Thread(target=fn, name="bm25-rebuild").start()


class _HeldBuild:
    """Holds the index build's fetch of the live chunks until released."""

    def __init__(self, monkeypatch, store):
        self.release, self.entered = threading.Event(), threading.Event()
        original = store.get_chunks

        def held(*args, **kwargs):
            if kwargs.get("where") is not None:  # the build's fetch; by id (fusion) passes
                self.entered.set()
                assert self.release.wait(30), "the test never released the build"
            return original(*args, **kwargs)

        monkeypatch.setattr(store, "get_chunks", held)


def test_a_document_approved_during_a_rebuild_is_found_by_dense_search(kb, tmp_path, monkeypatch):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    retriever = Retriever(kb)
    retriever.lexical = LexicalIndex(kb.home / "lexical", sync_limit=0, background=in_thread)
    retriever.search("needlestick injuries")  # the first index, built before answering

    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a fitted respirator for tuberculosis."]))
    held = _HeldBuild(monkeypatch, kb._store)
    result = retriever.search("fitted respirator tuberculosis")
    assert held.entered.wait(10) and retriever.lexical.rebuilding
    masks = next(v.version_id for v in kb.live_versions() if v.doc_id == "masks")
    assert masks not in retriever.lexical.dense.versions  # the matrix being served predates it
    assert result.passages[0].source.doc_id == "masks"
    assert result.passages[0].lexical_rank is None  # found by the vector store alone
    held.release.set()
    assert retriever.lexical.wait(30)
    again = retriever.search("fitted respirator tuberculosis")
    assert again.passages[0].source.doc_id == "masks" and again.passages[0].lexical_rank == 0


def test_an_index_saved_without_vectors_still_answers_from_the_store(kb, tmp_path):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    Retriever(kb).refresh()
    for saved in (kb.home / "lexical").rglob(VECTORS):
        saved.unlink()  # as an index written before the vectors were kept

    retriever = Retriever(kb)
    result = retriever.search("needlestick injuries")
    assert retriever.lexical.dense is None
    assert result.passages[0].source.doc_id == "sharps"
    assert result.passages[0].dense_rank == 0


def test_erasing_versions_deletes_only_the_saved_indexes_that_hold_them(tmp_path):
    vectors = np.eye(3, dtype=np.float32)
    for name, versions in (("old", ["v1", "v2", "v3"]), ("other", ["v2", "v3", "v4"])):
        (tmp_path / name).mkdir()
        DenseMatrix(["a", "b", "c"], vectors, versions).save(tmp_path / name)
    (tmp_path / "unknown").mkdir()  # saved without vectors: its versions cannot be told
    (tmp_path / "unknown" / "chunk_ids.json").write_text("[]", encoding="utf-8")

    assert erase_versions(tmp_path, ["v1"]) == ["old", "unknown"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other"]
    assert erase_versions(tmp_path, ["v9"]) == []
    assert erase_versions(tmp_path / "missing", ["v2"]) == []
