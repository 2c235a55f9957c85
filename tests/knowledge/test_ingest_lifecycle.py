"""Ingest, re-ingest, versions, approval, retirement and removal against a real local Chroma."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.catalog import APPROVED, INGESTING, PENDING, RETIRED
from knowledge.errors import InvalidTransition, NotFound
from knowledge.ingest import ADDED, FAILED, NEW_VERSION, RESUMED, SKIPPED, IngestOptions

POLICY_V1 = """# Visiting policy

## Hours
Visiting hours on general wards are 10:00 to 20:00 every day.

## Children
Children under 12 visit with an adult.
"""
POLICY_V2 = POLICY_V1.replace("10:00 to 20:00", "09:00 to 21:00")


def _results(kb, paths, **options):
    return [e.result for e in kb.ingest(paths, IngestOptions(**options)) if e.result]


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _chunk_status(kb, version_id: str) -> set[str]:
    return {c.metadata["status"] for c in kb.chunks_of(version_id)}


def test_new_document_is_pending_and_fully_described(kb, tmp_path):
    path = _write(tmp_path / "docs", "visiting.md", POLICY_V1)
    [result] = _results(kb, [path], owner="Nursing board", review_by="2027-01-31")

    assert result.status == ADDED and result.chunks >= 1
    version = kb.version("visiting")
    assert version.status == PENDING and version.version == 1
    assert version.title == "Visiting policy"
    assert version.owner == "Nursing board" and version.review_by == "2027-01-31"
    assert version.source_name == "visiting.md" and len(version.sha256) == 64
    assert version.embedding_model == "test-hash-embedder"
    assert kb.live_versions() == []  # pending is never live
    chunks = kb.chunks_of(version.version_id)
    assert len(chunks) == version.chunk_count
    assert _chunk_status(kb, version.version_id) == {PENDING}
    sections = {c.metadata["section"] for c in chunks}
    assert "Visiting policy > Hours" in sections and "Visiting policy > Children" in sections


def test_unchanged_file_is_skipped_without_embedding(kb, tmp_path, fake_embedder):
    path = _write(tmp_path, "visiting.md", POLICY_V1)
    _results(kb, [path])
    calls = fake_embedder.calls
    [again] = _results(kb, [path])
    assert again.status == SKIPPED and "unchanged" in again.reason
    assert fake_embedder.calls == calls
    assert len(kb.versions()) == 1


def test_changed_file_becomes_pending_version_old_stays_live_until_approved(kb, tmp_path):
    path = _write(tmp_path, "visiting.md", POLICY_V1)
    _results(kb, [path], approve=True)
    v1 = kb.version("visiting")
    assert v1.status == APPROVED and v1.approved_by
    assert _chunk_status(kb, v1.version_id) == {APPROVED}

    path.write_text(POLICY_V2, encoding="utf-8")
    [result] = _results(kb, [path])
    assert result.status == NEW_VERSION and result.version == 2
    live = kb.live_versions()
    assert [v.version for v in live] == [1]  # the approved old version stays live

    approved, retired = kb.approve("visiting", by="dr.admin")
    assert approved.version == 2 and approved.approved_by == "dr.admin"
    assert [v.version for v in retired] == [1]
    assert [v.version for v in kb.live_versions()] == [2]
    assert _chunk_status(kb, approved.version_id) == {APPROVED}
    assert _chunk_status(kb, v1.version_id) == {RETIRED}


def test_approve_refuses_retired_and_older_versions(kb, tmp_path):
    path = _write(tmp_path, "visiting.md", POLICY_V1)
    _results(kb, [path], approve=True)
    v1_id = kb.version("visiting").version_id
    path.write_text(POLICY_V2, encoding="utf-8")
    _results(kb, [path], approve=True)
    with pytest.raises(InvalidTransition, match="retired"):
        kb.approve(v1_id, by="x")
    with pytest.raises(NotFound, match="no document or version"):
        kb.approve("no-such-doc", by="x")


def test_retire_removes_document_from_live_set(kb, tmp_path):
    _results(kb, [_write(tmp_path, "visiting.md", POLICY_V1)], approve=True)
    retired = kb.retire("visiting")
    assert retired.status == RETIRED and retired.retired_at
    assert kb.live_versions() == []
    assert _chunk_status(kb, retired.version_id) == {RETIRED}
    with pytest.raises(InvalidTransition, match="already retired"):
        kb.retire("visiting")


def test_remove_deletes_every_version_and_chunk(kb, tmp_path):
    path = _write(tmp_path, "visiting.md", POLICY_V1)
    _results(kb, [path], approve=True)
    path.write_text(POLICY_V2, encoding="utf-8")
    _results(kb, [path])
    other = _write(tmp_path, "parking.txt", "PARKING\n\nStaff park in zone C after 18:00.\n")
    _results(kb, [other])

    removed = kb.remove("visiting")
    assert sorted(v.version for v in removed) == [1, 2]
    assert [v.doc_id for v in kb.versions(include_unfinished=True)] == ["parking"]
    assert {c.metadata["doc_id"] for c in kb.index.get_chunks()} == {"parking"}


def test_remove_single_version_keeps_the_others(kb, tmp_path):
    path = _write(tmp_path, "visiting.md", POLICY_V1)
    _results(kb, [path], approve=True)
    path.write_text(POLICY_V2, encoding="utf-8")
    [v2] = _results(kb, [path])
    kb.remove(v2.version_id)
    assert [v.version for v in kb._catalog.of_document("visiting")] == [1]
    assert kb.live_versions()[0].version == 1


def test_duplicate_content_under_another_name_is_refused(kb, tmp_path):
    original = _write(tmp_path, "visiting.md", POLICY_V1)
    copy = tmp_path / "copy-of-visiting.md"
    shutil.copy(original, copy)
    first, second = _results(kb, [original, copy])
    assert first.status == ADDED
    assert second.status == FAILED
    assert "same content as document 'visiting' version 1" in second.reason
    assert len(kb.versions()) == 1


def test_folder_is_walked_recursively_and_unknown_types_reported(kb, tmp_path):
    root = tmp_path / "policies"
    _write(root / "ward", "visiting.md", POLICY_V1)
    _write(root, "parking.txt", "PARKING\n\nStaff park in zone C after 18:00.\n")
    (root / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (root / "notes.xyz").write_text("just notes", encoding="utf-8")
    _write(root / ".hidden", "secret.md", "# Hidden\n\ntext\n")

    results = {r.path.name: r for r in _results(kb, [root])}
    assert set(results) == {"visiting.md", "parking.txt", "scan.png", "notes.xyz"}
    assert results["visiting.md"].status == ADDED and results["parking.txt"].status == ADDED
    assert results["scan.png"].status == FAILED and "PNG image" in results["scan.png"].reason
    assert (
        results["notes.xyz"].status == FAILED
        and "unsupported file type .xyz" in results["notes.xyz"].reason
    )


def test_cancel_mid_document_leaves_nothing_visible_or_stored(kb, tmp_path):
    text = "# Long policy\n\n" + "\n\n".join(
        f"Paragraph {i} describes step {i} of the procedure in enough words to fill a chunk "
        "with realistic policy language about checks, escalation and documentation." * 2
        for i in range(80)
    )
    path = _write(tmp_path, "long.md", text)
    events = kb.ingest([path], IngestOptions(embed_batch=4))
    for event in events:
        if event.stage == "embedding" and event.file_chunks_done >= 8:
            events.close()  # what the Cancel button does: stop at this yield
            break
    assert kb.versions(include_unfinished=True) == []
    assert kb.index.get_chunks() == []


def test_interrupted_ingest_is_resumed_by_the_next_run(kb, tmp_path):
    path = _write(tmp_path, "visiting.md", POLICY_V1 * 6)
    events = kb.ingest([path], IngestOptions(embed_batch=1))
    for event in events:
        if event.stage == "embedding" and event.file_chunks_done >= 2:
            break  # abandon the generator without closing it: like a crash, nothing cleans up
    unfinished = kb.versions(include_unfinished=True)
    assert [v.state for v in unfinished] == [INGESTING]
    assert kb.live_versions() == [] and kb.versions() == []

    [result] = _results(kb, [path], approve=True)
    assert result.status == RESUMED and result.version == 1
    version = kb.version("visiting")
    assert len(kb.chunks_of(version.version_id)) == version.chunk_count
    assert len(kb.index.get_chunks()) == version.chunk_count  # no duplicates from the resume


def test_title_and_doc_id_only_for_single_file(kb, tmp_path):
    a = _write(tmp_path, "a.md", "# A\n\nalpha text here\n")
    b = _write(tmp_path, "b.md", "# B\n\nbeta text here\n")
    with pytest.raises(ValueError, match="single file"):
        _results(kb, [a, b], title="Both")
    [result] = _results(kb, [a], title="Alpha policy", doc_id="policy-alpha")
    assert result.doc_id == "policy-alpha"
    assert kb.version("policy-alpha").title == "Alpha policy"


def test_chunk_metadata_carries_provenance(kb, corpus):
    [result] = _results(kb, [corpus / "fda-bioavailability-studies-guidance-2022.pdf"])
    assert result.pages == 33
    chunks = kb.chunks_of(result.version_id)
    assert chunks and all(
        1 <= c.metadata["page_start"] <= c.metadata["page_end"] <= 33 for c in chunks
    )
    indexes = [c.metadata["chunk_index"] for c in chunks]
    assert indexes == list(range(len(chunks)))
    intro = [c for c in chunks if c.metadata["section"].startswith("I. INTRODUCTION")]
    assert intro and intro[0].metadata["page_start"] == 4


def test_a_removed_documents_text_is_nowhere_in_the_home(kb, tmp_path, fake_embedder):
    """Removing a document leaves none of its words on disk: not in Chroma's write-ahead queue,
    not in the free space of its database pages, not in any other file of the home."""
    from fakes import word_counter

    from knowledge.base import KnowledgeBase
    from knowledge.retrieval import Retriever

    canary = "Zebracanary quokka protocol requires violet wristbands on Tuesdays"
    secret = _write(tmp_path, "secret.md", f"# Quokka rules\n\n## Scope\n\n{canary}.\n")
    other = _write(tmp_path, "parking.txt", "PARKING\n\nStaff park in zone C after 18:00.\n")
    _results(kb, [secret, other], approve=True)
    assert _files_holding(kb.home, b"Zebracanary")  # the check can see it while it is there
    # A search saves the lexical index and vectors of the live set, the canary's words with it.
    searched = Retriever(kb)
    assert searched.search("quokka wristbands").passages
    assert _files_holding(kb.home, b"zebracanari")  # its stem, in the index's vocabulary

    kb.remove("secret")
    assert _files_holding(kb.home, b"Zebracanary") == []
    assert _files_holding(kb.home, b"quokka") == []
    assert _files_holding(kb.home, b"zebracanari") == []
    # the next search rebuilds the index over what is left, and finds the other document
    assert searched.search("where do staff park").passages[0].source.doc_id == "parking"
    assert _files_holding(kb.home, b"quokka") == []
    # the store still works, and a fresh process replays its queue without the document
    reopened = KnowledgeBase(kb.home, embedder=fake_embedder, count_tokens=word_counter)
    assert {c.metadata["doc_id"] for c in reopened.index.get_chunks()} == {"parking"}
    _results(reopened, [secret])
    assert {c.metadata["doc_id"] for c in reopened.index.get_chunks()} == {"parking", "secret"}


def _files_holding(home: Path, needle: bytes) -> list[str]:
    return sorted(
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file() and needle.lower() in p.read_bytes().lower()
    )


def test_an_admin_marks_who_a_document_is_written_for(kb, tmp_path):
    [result] = _results(kb, [_write(tmp_path, "visiting.md", POLICY_V1)])
    assert kb.version(result.version_id).audience == ""
    kb.update_metadata(result.version_id, by="dr-admin", audience="patient")
    assert kb.version(result.version_id).audience == "patient"
    with pytest.raises(ValueError, match="audience must be one of patient, clinician"):
        kb.update_metadata(result.version_id, by="dr-admin", audience="everyone")
    assert kb.version(result.version_id).audience == "patient"
