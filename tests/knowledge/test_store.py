"""The Chroma adapter: local folder, a real `chroma run` server, model checks and reindex."""

from __future__ import annotations

import pytest
from fakes import HashEmbedder, word_counter
from support import free_port

from knowledge.base import KnowledgeBase
from knowledge.errors import ModelMismatch, StoreUnavailable
from knowledge.ingest import IngestOptions
from knowledge.reindex import reindex
from knowledge.store import ChromaStore, open_client

POLICY = "# Sharps\n\nReport every needlestick injury to occupational health within one hour.\n"


def _ingest(kb, path, approve=True):
    return [e.result for e in kb.ingest([path], IngestOptions(approve=approve)) if e.result]


def test_collection_records_model_and_refuses_another(isolated_home, tmp_path):
    doc = tmp_path / "sharps.md"
    doc.write_text(POLICY)
    kb = KnowledgeBase(isolated_home, embedder=HashEmbedder("model-a"), count_tokens=word_counter)
    _ingest(kb, doc)
    info = kb.index.index_info()
    assert info["embedding_model"] == "model-a" and info["dimension"] == 384

    other = KnowledgeBase(
        isolated_home, embedder=HashEmbedder("model-b"), count_tokens=word_counter
    )
    with pytest.raises(ModelMismatch) as excinfo:
        other.versions()
    message = str(excinfo.value)
    assert "model-a" in message and "model-b" in message and "clinassist reindex" in message


def test_reindex_switches_model_and_keeps_catalog(isolated_home, tmp_path):
    doc = tmp_path / "sharps.md"
    doc.write_text(POLICY)
    kb = KnowledgeBase(isolated_home, embedder=HashEmbedder("model-a"), count_tokens=word_counter)
    _ingest(kb, doc)
    before = {c.id: c.text for c in kb.index.get_chunks()}

    client = open_client(path=isolated_home / "index")
    events = list(reindex(client, HashEmbedder("model-b", dimension=64)))
    assert events[-1].done == events[-1].total == len(before)

    after = KnowledgeBase(
        isolated_home, embedder=HashEmbedder("model-b", dimension=64), count_tokens=word_counter
    )
    assert {c.id: c.text for c in after.index.get_chunks()} == before
    assert after.index.index_info()["embedding_model"] == "model-b"
    assert [v.doc_id for v in after.live_versions()] == ["sharps"]
    stored = after.index.get_chunks(with_embeddings=True)
    assert all(c.embedding.shape == (64,) for c in stored)


def test_query_returns_nearest_with_metadata_and_filter(kb, tmp_path):
    a = tmp_path / "sharps.md"
    a.write_text(POLICY)
    b = tmp_path / "falls.md"
    b.write_text("# Falls\n\nAssess falls risk within six hours of admission.\n")
    _ingest(kb, a)
    _ingest(kb, b, approve=False)
    query = kb.embedder.embed_query("needlestick injury report")
    hits = kb.index.query(query, k=2)
    assert hits[0].metadata["doc_id"] == "sharps" and hits[0].distance < hits[1].distance
    only_approved = kb.index.query(query, k=5, where={"status": "approved"})
    assert {h.metadata["doc_id"] for h in only_approved} == {"sharps"}


def test_bad_store_url_is_a_clear_error(tmp_path):
    with pytest.raises(StoreUnavailable, match="must look like http://host:8000"):
        open_client(url="ftp://example")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="cannot open the vector store"):
        open_client(url=f"http://127.0.0.1:{free_port()}")


def test_http_client_against_real_chroma_server(chroma_server, isolated_home, tmp_path):
    """Two workstations share one server: what one approves, the other sees at once."""
    doc = tmp_path / "sharps.md"
    doc.write_text(POLICY)
    admin = KnowledgeBase(
        isolated_home / "admin",
        store_url=chroma_server,
        embedder=HashEmbedder(),
        count_tokens=word_counter,
    )
    clinician = KnowledgeBase(
        isolated_home / "ward",
        store_url=chroma_server,
        embedder=HashEmbedder(),
        count_tokens=word_counter,
    )
    assert isinstance(admin._store, ChromaStore)
    [result] = _ingest(admin, doc, approve=False)
    assert clinician.live_versions() == []
    admin.approve(result.version_id, by="admin")
    assert [v.doc_id for v in clinician.live_versions()] == ["sharps"]
    hits = clinician.index.query(
        clinician.embedder.embed_query("needlestick"), k=1, where={"status": "approved"}
    )
    assert "needlestick" in hits[0].text
    _check_query_without_records(clinician)
    assert not (isolated_home / "ward" / "index").exists()  # nothing stored locally
    admin.remove("sharps")
    assert clinician.index.chunk_count() == 0


def _check_query_without_records(kb):
    """The retriever's cheap first pass: ids, distances and vectors, no text or metadata."""
    vector = kb.embedder.embed_query("needlestick")
    [full] = kb.index.query(vector, k=1, with_embeddings=True)
    [bare] = kb.index.query(vector, k=1, with_embeddings=True, with_records=False)
    assert bare.id == full.id and bare.distance == pytest.approx(full.distance)
    assert bare.text == "" and bare.metadata == {} and "needlestick" in full.text
    [stored] = kb.index.get_chunks(ids=[full.id], with_embeddings=True)
    assert bare.embedding is not None and bare.embedding.shape == (384,)
    assert bare.embedding == pytest.approx(stored.embedding, abs=1e-6)
    assert kb.index.query(vector, k=1)[0].embedding is None  # vectors only when asked


def test_query_without_records_on_a_local_store(isolated_home, tmp_path):
    doc = tmp_path / "sharps.md"
    doc.write_text(POLICY)
    kb = KnowledgeBase(isolated_home, embedder=HashEmbedder(), count_tokens=word_counter)
    _ingest(kb, doc)
    _check_query_without_records(kb)


def test_the_unused_tail_of_a_persisted_hnsw_index_is_zeroed(tmp_path):
    """hnswlib writes its whole buffer; the slots past the vectors hold uninitialised memory
    (seen holding a removed document's words). Only that tail is zeroed, only when the header
    and the file's size agree."""
    import struct

    from knowledge.store import zero_index_slack

    folder = tmp_path / "segment"
    folder.mkdir()
    slot, max_elements, count = 16, 4, 2
    (folder / "header.bin").write_bytes(struct.pack("<iQQQQ", 1, 0, max_elements, count, slot))
    vectors, garbage = b"V" * (count * slot), b"Beta rule." + b"G" * (2 * slot - 10)
    (folder / "data_level0.bin").write_bytes(vectors + garbage)
    assert zero_index_slack(folder)
    assert (folder / "data_level0.bin").read_bytes() == vectors + bytes(2 * slot)

    (folder / "data_level0.bin").write_bytes(vectors + garbage + b"x")  # size disagrees
    assert not zero_index_slack(folder)
    assert b"Beta rule." in (folder / "data_level0.bin").read_bytes()
    assert not zero_index_slack(tmp_path / "no-index-here")
