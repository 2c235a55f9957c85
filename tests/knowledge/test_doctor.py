"""`doctor` finds and repairs every way catalog and index can disagree, including a kill -9."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.catalog import APPROVED, DocumentVersion
from knowledge.ingest import ADDED, RESUMED, IngestOptions
from knowledge.store import StoredChunk

WORKER = Path(__file__).with_name("ingest_worker.py")


def _ingest(kb, *paths, approve=False):
    return [e.result for e in kb.ingest(list(paths), IngestOptions(approve=approve)) if e.result]


def _kinds(findings) -> set[str]:
    return {f.kind for f in findings}


@pytest.mark.slow  # a separate process
def test_kill_9_during_ingest_then_doctor_repairs_and_ingest_completes(kb, isolated_home, corpus):
    pdf = corpus / "cdc-opioid-prescribing-guideline-2022.pdf"
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(isolated_home), str(pdf)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stdout:
            if line.startswith("chunks") and int(line.split()[1]) >= 80:
                break
        else:
            raise AssertionError("the worker finished before it could be killed")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # Nothing of the half-written document is visible to answers.
    assert kb.versions() == [] and kb.live_versions() == []
    findings = kb.diagnose()
    assert "interrupted ingest" in _kinds(findings)
    assert any("ingest the file again" in f.detail for f in findings)
    assert not any(f.repaired for f in findings)
    assert kb.index.get_chunks(), "the killed worker had written some chunks"

    repaired = kb.diagnose(repair=True)
    assert all(f.repaired for f in repaired)
    assert kb.index.get_chunks() == []
    assert kb.diagnose() == []

    [result] = _ingest(kb, pdf, approve=True)
    assert result.status == ADDED and result.pages == 100
    assert kb.diagnose() == []


@pytest.mark.slow  # a separate process
def test_ingest_after_kill_without_doctor_resumes(kb, isolated_home, tmp_path):
    doc = tmp_path / "policy.md"
    doc.write_text(
        "# Policy\n\n" + "\n\n".join(f"Rule {i}: " + "check twice. " * 40 for i in range(40))
    )
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(isolated_home), str(doc)],
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in proc.stdout:
        if line.startswith("chunks") and int(line.split()[1]) >= 8:
            proc.kill()
            break
    proc.wait(timeout=30)
    [result] = _ingest(kb, doc)
    assert result.status == RESUMED
    version = kb.version("policy")
    assert len(kb.index.get_chunks()) == version.chunk_count
    assert kb.diagnose() == []


def _two_docs(kb, tmp_path):
    a = tmp_path / "alpha.md"
    a.write_text("# Alpha\n\nAlpha rule one.\n\n## More\n\nAlpha rule two.\n")
    b = tmp_path / "beta.txt"
    b.write_text("BETA\n\nBeta rule.\n")
    _ingest(kb, a, b, approve=True)


def test_orphan_chunks_are_found_and_deleted(kb, tmp_path, fake_embedder):
    _two_docs(kb, tmp_path)
    vector = fake_embedder.embed_query("orphan")
    kb._store.upsert_chunks(
        [StoredChunk("orphan-1", "stray", {"version_id": "gone@v1", "status": "approved"}, vector)]
    )
    findings = kb.diagnose()
    assert [f.kind for f in findings] == ["orphan chunks"] and "1 chunk" in findings[0].detail
    kb.diagnose(repair=True)
    assert "orphan-1" not in {c.id for c in kb.index.get_chunks()}
    assert kb.diagnose() == []


def test_chunk_status_mismatch_is_copied_from_catalog(kb, tmp_path):
    _two_docs(kb, tmp_path)
    version = kb.version("alpha")
    ids = [c.id for c in kb.chunks_of(version.version_id)]
    kb._store.update_chunk_metadata(ids, [{"status": "pending"}] * len(ids))
    assert _kinds(kb.diagnose()) == {"chunk status"}
    kb.diagnose(repair=True)
    assert {c.metadata["status"] for c in kb.chunks_of(version.version_id)} == {APPROVED}


def test_missing_chunks_remove_the_version_on_repair(kb, tmp_path):
    _two_docs(kb, tmp_path)
    version = kb.version("alpha")
    kb._store.delete_chunks([kb.chunks_of(version.version_id)[0].id])
    [finding] = kb.diagnose()
    assert finding.kind == "chunk count" and "ingest alpha.md again" in finding.detail
    kb.diagnose(repair=True)
    assert [v.doc_id for v in kb.versions()] == ["beta"]
    assert kb.diagnose() == []


def test_two_approved_versions_keep_only_the_newest(kb, tmp_path):
    path = tmp_path / "alpha.md"
    path.write_text("# Alpha\n\nVersion one text.\n")
    _ingest(kb, path, approve=True)
    path.write_text("# Alpha\n\nVersion two text.\n")
    _ingest(kb, path)
    v1, v2 = kb._catalog.of_document("alpha")
    v2.status = APPROVED  # as if a crash hit between approving v2 and retiring v1
    kb._catalog.save(v2)
    kb._catalog.sync_chunk_status(v2)
    assert _kinds(kb.diagnose()) == {"several approved versions"}
    kb.diagnose(repair=True)
    assert [v.version for v in kb.live_versions()] == [2]
    assert kb.version(v1.version_id).status == "retired"
    assert kb.diagnose() == []


def test_interrupted_removal_is_finished(kb, tmp_path):
    _two_docs(kb, tmp_path)
    version: DocumentVersion = kb.version("beta")
    version.state = "removing"
    kb._catalog.save(version)
    assert _kinds(kb.diagnose()) == {"interrupted removal"}
    kb.diagnose(repair=True)
    assert [v.doc_id for v in kb.versions(include_unfinished=True)] == ["alpha"]
    assert {c.metadata["doc_id"] for c in kb.index.get_chunks()} == {"alpha"}
    # finishing the removal leaves none of its text on disk, as a whole removal does
    holding = [p for p in kb.home.rglob("*") if p.is_file() and b"Beta rule" in p.read_bytes()]
    assert holding == []
    assert any(b"Alpha rule one" in p.read_bytes() for p in kb.home.rglob("*") if p.is_file())
