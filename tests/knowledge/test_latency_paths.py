"""The per-question fast paths (issue 3): one-thread query embedding, the cached live set,
BM25 rebuilt in the background, and chunk fetching without limit/offset paging."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from fakes import HashEmbedder, word_counter
from support import ingest_one, markdown_doc

import knowledge.store as store_module
from knowledge.base import KnowledgeBase
from knowledge.catalog import GENERATION, Catalog
from knowledge.embedding import torch_threads
from knowledge.lexical import LexicalIndex
from knowledge.retrieval import Retriever

QUESTION = "How long should I rub my hands with alcohol-based hand rub?"


_ingest = ingest_one
_doc = markdown_doc


def _sections(tmp_path, name, count, words="Hand hygiene rule"):
    # One chunk per section: chunks never cross a heading.
    parts = [f"## Part {i}\n\n{words} {i}: rub hands with alcohol hand rub." for i in range(count)]
    return _doc(tmp_path, name, parts)


def _count_calls(monkeypatch, obj, name):
    calls = []
    original = getattr(obj, name)

    def wrapper(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, wrapper)
    return calls


# -- 1. query embedding on one torch thread ---------------------------------------------------
def _record_encode_threads(embedder, monkeypatch) -> list[int]:
    """The torch thread count in force at each call of the model's encode."""
    import torch

    seen: list[int] = []
    model = embedder.load()
    original = model.encode

    def recording(*args, **kwargs):
        seen.append(torch.get_num_threads())
        return original(*args, **kwargs)

    monkeypatch.setattr(model, "encode", recording)
    return seen


def test_embed_query_runs_on_one_thread_same_vector_and_restores(real_embedder, monkeypatch):
    import torch

    before = torch.get_num_threads()
    seen = _record_encode_threads(real_embedder, monkeypatch)
    single = real_embedder.embed_query(QUESTION)
    batch = real_embedder.embed_documents([QUESTION, "Hand hygiene"])[0]
    assert seen == [1, real_embedder._batch_threads]
    assert torch.get_num_threads() == before  # restored for whatever runs next on this thread
    np.testing.assert_allclose(single, batch, rtol=0, atol=1e-6)
    assert abs(float(np.linalg.norm(single)) - 1.0) < 1e-5


def test_a_question_does_not_narrow_a_concurrent_ingest_thread(real_embedder, monkeypatch):
    """The desktop app embeds a batch on its index thread while a pool thread answers."""
    import torch

    if real_embedder._batch_threads < 2:
        pytest.skip("one core: batches run on one thread anyway")
    ingest_inside, question_inside = threading.Event(), threading.Event()
    seen = {}
    model = real_embedder.load()
    original = model.encode

    def ingest_batch(*args, **kwargs):
        ingest_inside.set()
        question_inside.wait(10)  # the question holds one thread now
        seen["ingest during question"] = torch.get_num_threads()
        return original(*args, **kwargs)

    monkeypatch.setattr(model, "encode", ingest_batch)
    worker = threading.Thread(target=lambda: real_embedder.embed_documents(["a", "b"]))
    worker.start()
    assert ingest_inside.wait(30)
    with torch_threads(1):
        seen["question"] = torch.get_num_threads()
        question_inside.set()
        worker.join(30)
    assert seen == {"question": 1, "ingest during question": real_embedder._batch_threads}


def test_batch_embedding_pins_its_thread_count_even_on_a_thread_born_during_a_question(
    real_embedder, monkeypatch
):
    seen = _record_encode_threads(real_embedder, monkeypatch)
    with torch_threads(1):  # a thread touching torch now inherits one thread by default
        worker = threading.Thread(target=lambda: real_embedder.embed_documents(["a", "b"]))
        worker.start()
        worker.join(60)
    assert seen == [real_embedder._batch_threads]


# -- 3. the live set, cached until the generation stamp changes --------------------------------
def test_live_set_is_cached_until_another_catalog_on_the_store_approves(kb, tmp_path, monkeypatch):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    pending = _ingest(
        kb, _doc(tmp_path, "masks.md", ["Wear a mask for droplet precautions."]), approve=False
    )
    assert [v.doc_id for v in kb.live_versions()] == ["sharps"]
    reads = _count_calls(monkeypatch, kb._store, "get_records")
    assert [v.doc_id for v in kb.live_versions()] == ["sharps"]
    assert reads == []  # a cache hit: only the generation record was read

    other = Catalog(kb._store)  # e.g. the ingest worker's, or another workstation's
    other.approve(pending.version_id, by="admin")
    reads.clear()  # approving reads the records too
    assert [v.doc_id for v in kb.live_versions()] == ["masks", "sharps"]
    assert len(reads) == 1
    other.retire("sharps")
    assert [v.doc_id for v in kb.live_versions()] == ["masks"]


def test_every_save_and_delete_changes_the_generation(kb, tmp_path):
    result = _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries."]))
    stamps = {kb._catalog.generation()}
    count = kb._store.get_meta(GENERATION)["count"]
    version = kb.version(result.version_id)
    kb._catalog.save(version)
    stamps.add(kb._catalog.generation())
    kb.remove("sharps")
    stamps.add(kb._catalog.generation())
    assert len(stamps) == 3 and "" not in stamps
    assert kb._store.get_meta(GENERATION)["count"] >= count + 2
    assert kb.live_versions() == []


def test_shared_server_workstation_sees_approval_despite_its_cache(
    chroma_server, isolated_home, tmp_path, monkeypatch
):
    admin, ward = (
        KnowledgeBase(
            isolated_home / name,
            store_url=chroma_server,
            embedder=HashEmbedder(),
            count_tokens=word_counter,
        )
        for name in ("admin", "ward")
    )
    pending = _ingest(
        admin, _doc(tmp_path, "latex.md", ["Latex allergy: use nitrile gloves."]), approve=False
    )
    assert ward.live_versions() == []
    reads = _count_calls(monkeypatch, ward._store, "get_records")
    assert ward.live_versions() == [] and reads == []
    admin.approve(pending.version_id, by="admin")
    assert [v.doc_id for v in ward.live_versions()] == ["latex"]
    admin.remove("latex")
    assert ward.live_versions() == []


# -- 4. BM25 rebuilt in the background, the old index serving meanwhile ------------------------
class _Gate:
    """Holds store.get_chunks (the first step of a BM25 build) until opened."""

    def __init__(self, monkeypatch, store):
        self.opened, self.entered = threading.Event(), threading.Event()
        original = store.get_chunks

        def gated(*args, **kwargs):
            if kwargs.get("where") is not None:  # a build; fetches by id (fusion) pass
                self.entered.set()
                assert self.opened.wait(30), "the test never opened the gate"
            return original(*args, **kwargs)

        monkeypatch.setattr(store, "get_chunks", gated)


def _words(index, query):
    return [hit.chunk_id for hit in index.search(query, 10)]


def in_thread(fn) -> None:
    """The app's maintenance lane, without Qt: run `fn` on another thread."""
    threading.Thread(target=fn, name="bm25-rebuild").start()


def test_bm25_serves_the_old_index_while_rebuilding_then_swaps(kb, tmp_path, monkeypatch):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    index = LexicalIndex(tmp_path / "lexical", sync_limit=0, background=in_thread)
    index.ensure(kb._store, kb.live_versions())  # first run: built before answering
    assert index.size == 1 and _words(index, "needlestick")

    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))
    gate = _Gate(monkeypatch, kb._store)
    # Returns while the rebuild is held at the gate: the question is not held up (were the
    # rebuild in this thread, ensure() could not return before the gate opens below).
    index.ensure(kb._store, kb.live_versions())
    assert not gate.opened.is_set()
    assert gate.entered.wait(10) and index.rebuilding
    assert index.size == 1 and _words(index, "needlestick") and not _words(index, "respirator")
    index.ensure(kb._store, kb.live_versions())  # a second question: no second build

    gate.opened.set()
    assert index.wait(30) and index.last_error is None
    assert index.size == 2 and _words(index, "respirator") and _words(index, "needlestick")
    folders = [p.name for p in (tmp_path / "lexical").iterdir()]
    assert len(folders) == 1 and ".tmp" not in folders[0]  # old index and temp folder gone


def test_retired_document_is_not_answered_from_the_stale_index(kb, tmp_path, monkeypatch):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))
    retriever = Retriever(kb)
    retriever.lexical = LexicalIndex(kb.home / "lexical", sync_limit=0, background=in_thread)
    assert {p.source.doc_id for p in retriever.search("needlestick injuries").passages} >= {
        "sharps"
    }

    kb.retire("sharps")
    gate = _Gate(monkeypatch, kb._store)
    result = retriever.search("needlestick injuries")
    assert retriever.lexical.rebuilding and retriever.lexical.size == 2  # stale index serving
    assert "sharps" not in {p.source.doc_id for p in result.passages}
    gate.opened.set()
    assert retriever.lexical.wait(30) and retriever.lexical.size == 1


def test_after_a_restart_the_previous_index_on_disk_serves_during_the_rebuild(
    kb, tmp_path, monkeypatch
):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    LexicalIndex(tmp_path / "lexical").ensure(kb._store, kb.live_versions())
    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))

    restarted = LexicalIndex(tmp_path / "lexical", sync_limit=0, background=in_thread)
    gate = _Gate(monkeypatch, kb._store)
    restarted.ensure(kb._store, kb.live_versions())
    assert restarted.rebuilding and _words(restarted, "needlestick")
    gate.opened.set()
    assert restarted.wait(30) and _words(restarted, "respirator")


def test_small_libraries_still_rebuild_before_answering(kb, tmp_path):
    index = LexicalIndex(tmp_path / "lexical")  # default limit: a few chunks build in place
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    index.ensure(kb._store, kb.live_versions())
    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))
    index.ensure(kb._store, kb.live_versions())
    assert not index.rebuilding and index.size == 2 and _words(index, "respirator")


def test_a_failed_background_rebuild_keeps_the_old_index_and_is_retried(kb, tmp_path, monkeypatch):
    _ingest(kb, _doc(tmp_path, "sharps.md", ["Report needlestick injuries within one hour."]))
    index = LexicalIndex(tmp_path / "lexical", sync_limit=0, background=in_thread)
    index.ensure(kb._store, kb.live_versions())
    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))
    original = kb._store.get_chunks

    def broken(*args, **kwargs):
        raise ConnectionError("server went away")

    monkeypatch.setattr(kb._store, "get_chunks", broken)
    index.ensure(kb._store, kb.live_versions())
    assert index.wait(30) and isinstance(index.last_error, ConnectionError)
    assert index.size == 1 and _words(index, "needlestick")
    monkeypatch.setattr(kb._store, "get_chunks", original)
    index.ensure(kb._store, kb.live_versions())
    assert index.wait(30) and index.last_error is None and index.size == 2


# -- 5. fetching chunks and records without limit/offset paging --------------------------------
def test_get_chunks_over_several_pages_returns_the_same_chunks(kb, tmp_path, monkeypatch):
    first = _ingest(kb, _sections(tmp_path, "long.md", 11))
    _ingest(kb, _sections(tmp_path, "other.md", 4, words="Glove rule"))
    collection = kb._store._chunks
    raw = collection.get(where={"version_id": first.version_id}, include=["documents"])
    expected = dict(zip(raw["ids"], raw["documents"], strict=True))
    assert len(expected) == 11

    monkeypatch.setattr(store_module, "_PAGE", 3)  # 11 chunks = 4 pages
    gets = _count_calls(monkeypatch, collection, "get")
    chunks = kb.index.get_chunks(where={"version_id": first.version_id}, with_embeddings=True)
    assert {c.id: c.text for c in chunks} == expected
    assert all(c.metadata["version_id"] == first.version_id for c in chunks)
    assert all(c.embedding is not None and c.embedding.shape == (384,) for c in chunks)
    assert len(gets) == 1 + 4 and not any("offset" in call for call in gets)

    everything = kb.index.get_chunks()
    assert len(everything) == 15 == len({c.id for c in everything})
    by_ids = kb.index.get_chunks(ids=sorted(expected))
    assert sorted(c.id for c in by_ids) == sorted(expected)


def test_catalog_records_over_several_pages(kb, tmp_path, monkeypatch):
    for i in range(5):
        _ingest(kb, _doc(tmp_path, f"policy{i}.md", [f"Policy {i} says to wash hands."]))
    monkeypatch.setattr(store_module, "_PAGE", 2)
    gets = _count_calls(monkeypatch, kb._store._catalog, "get")
    records = kb._store.get_records()
    assert sorted(r["doc_id"] for r in records.values()) == [f"policy{i}" for i in range(5)]
    assert not any("offset" in call for call in gets)


@pytest.mark.parametrize("where", [None, {"version_id": "no-such-version"}])
def test_get_chunks_of_nothing_is_empty(kb, where):
    assert kb.index.get_chunks(where=where) == [] and kb.index.get_chunks(ids=[]) == []


def test_without_a_background_runner_a_large_rebuild_happens_before_answering(kb, tmp_path):
    """The CLI gives no runner: knowledge/ never starts a thread, the index is exact at once."""
    _ingest(kb, _doc(tmp_path, "masks.md", ["Wear a respirator for tuberculosis."]))
    index = LexicalIndex(tmp_path / "lexical", sync_limit=0)
    index.ensure(kb._store, kb.live_versions())
    assert not index.rebuilding and _words(index, "respirator")
