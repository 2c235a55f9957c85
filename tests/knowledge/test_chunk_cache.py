"""The chunk record cache: fetched once, vectors only when needed, bounded."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import HashEmbedder, word_counter

from knowledge.base import KnowledgeBase
from knowledge.chunk_cache import ChunkRecords
from knowledge.ingest import IngestOptions
from knowledge.retrieval import Retriever
from knowledge.store import StoredChunk


class CountingStore:
    """Wraps a store and records every get_chunks call (ids, with_embeddings)."""

    def __init__(self, store):
        self.store = store
        self.calls: list[tuple[tuple[str, ...], bool]] = []

    def get_chunks(self, where=None, ids=None, with_embeddings=False):
        self.calls.append((tuple(ids or ()), with_embeddings))
        return self.store.get_chunks(where=where, ids=ids, with_embeddings=with_embeddings)

    def __getattr__(self, name):
        return getattr(self.store, name)


class DictStore:
    def __init__(self, n: int):
        self.chunks = {
            f"c{i}": StoredChunk(f"c{i}", f"text {i}", {"i": i}, np.full(3, i, np.float32))
            for i in range(n)
        }

    def get_chunks(self, where=None, ids=None, with_embeddings=False):
        out = []
        for chunk_id in ids:
            c = self.chunks.get(chunk_id)
            if c is not None:
                vector = c.embedding if with_embeddings else None
                out.append(StoredChunk(c.id, c.text, c.metadata, vector))
        return out


def test_records_are_fetched_once_and_unknown_ids_left_out():
    store = CountingStore(DictStore(5))
    records = ChunkRecords(store)
    first = records.get(["c1", "c2", "nope"])
    assert set(first) == {"c1", "c2"} and first["c1"].text == "text 1"
    again = records.get(["c2", "c1"])
    assert again["c2"] is first["c2"] and len(store.calls) == 1


def test_vectors_are_fetched_only_when_not_known():
    store = CountingStore(DictStore(5))
    records = ChunkRecords(store)
    known = {"c1": np.ones(3, np.float32)}
    got = records.get(["c1", "c2"], with_embeddings=True, vectors_known=known)
    assert store.calls == [(("c1",), False), (("c2",), True)]
    assert got["c1"].embedding is known["c1"] and got["c2"].embedding[0] == 2
    records.get(["c3"])  # cached without a vector ...
    records.get(["c3"], with_embeddings=True)  # ... so asking for one fetches it
    assert store.calls[-1] == (("c3",), True)
    assert len(records.get(["c1", "c2", "c3"], with_embeddings=True)) == 3
    assert len(store.calls) == 4


def test_least_recently_used_records_are_dropped():
    store = CountingStore(DictStore(5))
    records = ChunkRecords(store, capacity=2)
    records.get(["c0"])
    records.get(["c1"])
    records.get(["c0"])  # c0 is now the most recent
    records.get(["c2"])  # evicts c1
    assert len(records) == 2
    calls = len(store.calls)
    records.get(["c0", "c2"])
    assert len(store.calls) == calls
    records.get(["c1"])
    assert store.calls[-1] == (("c1",), False)


def test_record_cues_are_the_chunk_texts():
    records = ChunkRecords(DictStore(3))
    [record] = records.get(["c2"]).values()
    assert record.numbers == {"2"} and ("text", "2") in record.pairs


def _sharps_home(home, folder):
    """A knowledge base of one approved two-section policy (hashing embedder)."""
    doc = folder / "sharps.md"
    doc.write_text(
        "# Sharps\n\nReport every needlestick injury to occupational health within one hour.\n"
        "\nDispose of sharps in puncture-resistant containers at the point of use.\n"
    )
    kb = KnowledgeBase(home, embedder=HashEmbedder(), count_tokens=word_counter)
    list(kb.ingest([doc], IngestOptions(approve=True)))
    return kb


def test_retriever_reads_each_chunk_record_once(isolated_home, tmp_path):
    kb = _sharps_home(isolated_home, tmp_path)
    retriever = Retriever(kb)
    counting = CountingStore(kb._store)
    retriever.records.store = counting
    local_reads = []
    index_records = retriever.records.local

    def counted(ids, with_embeddings):
        local_reads.append(tuple(ids))
        return index_records(ids, with_embeddings)

    retriever.records.local = counted
    first = retriever.search("needlestick injury report")
    fetched = len(counting.calls) + len(local_reads)
    again = retriever.search("needlestick injury report")
    # the second search hit the cache: no read from the index's files or the store
    assert fetched >= 1 and len(counting.calls) + len(local_reads) == fetched
    assert [p.chunk_id for p in again.passages] == [p.chunk_id for p in first.passages]
    assert [p.score for p in again.passages] == pytest.approx([p.score for p in first.passages])


def test_the_records_come_from_the_lexical_index_files_not_the_store(isolated_home, tmp_path):
    kb = _sharps_home(isolated_home, tmp_path)
    retriever = Retriever(kb)
    counting = CountingStore(kb._store)
    retriever.records.store = counting
    found = retriever.search("needlestick injury report")
    assert found.passages and "needlestick" in found.passages[0].text
    assert counting.calls == []  # every candidate's record was read from the index's files
    # ... and the records are the store's own, vectors included
    ids = [p.chunk_id for p in found.passages]
    stored = {c.id: c for c in kb._store.get_chunks(ids=ids, with_embeddings=True)}
    for chunk in retriever.lexical.records(ids, with_embeddings=True):
        assert (chunk.text, chunk.metadata) == (stored[chunk.id].text, stored[chunk.id].metadata)
        assert chunk.embedding == pytest.approx(stored[chunk.id].embedding)


def test_an_index_saved_without_texts_reads_its_records_from_the_store(isolated_home, tmp_path):
    from knowledge.chunk_texts import OFFSETS, TEXTS

    kb = _sharps_home(isolated_home, tmp_path)
    Retriever(kb).search("needlestick")  # saves the index, texts among its files
    for folder in (isolated_home / "lexical").iterdir():
        (folder / TEXTS).unlink()
        (folder / OFFSETS).unlink()
    restarted = Retriever(kb)  # as after an upgrade from a build that kept no texts
    counting = CountingStore(kb._store)
    restarted.records.store = counting
    found = restarted.search("needlestick injury")
    assert found.passages and "needlestick" in found.passages[0].text
    assert counting.calls  # read from the store instead
