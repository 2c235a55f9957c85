"""Approvals every workstation can verify (issue 14, part 1): a forged, altered or unsigned
approval is never served and doctor names it; old homes are signed once, on the record."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fakes import HashEmbedder, word_counter

from assistant.core.services import build_knowledge_base
from assistant.governance.audit import AuditLog
from assistant.governance.settings import ApprovalSettings, Settings
from knowledge.approval_signing import ApprovalSigner, public_line
from knowledge.base import KnowledgeBase
from knowledge.ingest import IngestOptions

POLICY = "# Hypoglycaemia\n\nGive 15 grams of fast-acting carbohydrate and recheck in 15 minutes.\n"
FORGED = "# Hypoglycaemia\n\nGive 500 grams of sugar and do not recheck.\n"


def built(settings: Settings) -> KnowledgeBase:
    kb = build_knowledge_base(settings)
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    return kb


def ingest(kb, tmp_path, name: str, text: str, approve: bool, doc_id: str = ""):
    path = tmp_path / name
    path.write_text(text)
    options = IngestOptions(approve=approve, doc_id=doc_id)
    [result] = [e.result for e in kb.ingest([path], options) if e.result]
    return result


def forge_approval(kb, version_id: str, by: str = "dr-forged") -> None:
    """What anyone who can write the store can do: flip a record to approved."""
    record = kb.version(version_id)
    kb._catalog.save(replace(record, status="approved", approved_by=by, approved_at="2026-12-04"))


def kinds(findings) -> list[str]:
    return [f.kind for f in findings]


@pytest.fixture
def kb(isolated_home):
    return built(Settings(home=isolated_home))


def test_an_approval_made_here_is_signed_and_served(kb, tmp_path):
    result = ingest(kb, tmp_path, "hypo.md", POLICY, approve=True)
    [live] = kb.live_versions()
    assert live.version_id == result.version_id and live.signature and live.signer
    assert kb.diagnose() == []


def test_a_forged_approval_is_not_served_and_doctor_names_it(kb, tmp_path):
    genuine = ingest(kb, tmp_path, "hypo.md", POLICY, approve=True)
    pending = ingest(kb, tmp_path, "hypo-v2.md", FORGED, approve=False, doc_id=genuine.doc_id)
    assert (pending.doc_id, pending.version) == (genuine.doc_id, 2)
    forge_approval(kb, pending.version_id)  # a "newer approved version" of the same document

    assert [v.version_id for v in kb.live_versions()] == [genuine.version_id]
    [finding] = [f for f in kb.diagnose() if f.kind == "unverified approval"]
    assert pending.version_id in finding.detail
    assert "not signed" in finding.detail and "dr-forged" in finding.detail
    kb.diagnose(repair=True)  # repairs what it may: never retires the genuine version for it
    assert [v.version_id for v in kb.live_versions()] == [genuine.version_id]
    assert kb.version(genuine.version_id).status == "approved"


def test_an_altered_signed_approval_is_not_served(kb, tmp_path):
    result = ingest(kb, tmp_path, "hypo.md", POLICY, approve=True)
    signed = kb.version(result.version_id)
    kb._catalog.save(replace(signed, approved_by="dr-someone-else"))  # signature kept
    assert kb.live_versions() == []
    [finding] = kb.diagnose()
    assert "does not match the record" in finding.detail


def test_a_site_trusts_only_the_approver_keys_it_lists(isolated_home, tmp_path):
    admin_home = tmp_path / "admin-home"
    admin_key = ApprovalSigner.of_home(admin_home)
    trusted = ApprovalSettings(trusted_keys=[public_line(admin_key.public_key)])
    site = Settings(home=isolated_home, approvals=trusted)
    ward = built(site)
    ingest(ward, tmp_path, "hypo.md", POLICY, approve=True)  # signed with the ward's own key
    assert ward.live_versions() == []  # not an approver the site lists
    assert "which is not trusted" in ward.diagnose()[0].detail


def test_an_old_home_is_signed_once_and_on_the_record(isolated_home, tmp_path):
    old = KnowledgeBase(isolated_home, embedder=HashEmbedder(), count_tokens=word_counter)
    result = ingest(old, tmp_path, "hypo.md", POLICY, approve=True)  # approved before signing
    assert not old.version(result.version_id).signature

    kb = built(Settings(home=isolated_home))
    [live] = kb.live_versions()
    assert live.version_id == result.version_id and live.signature
    entries = AuditLog(isolated_home).entries()
    assert [e["type"] for e in entries][-2:] == ["intent", "resign"]
    assert entries[-1]["data"]["versions"][0]["version_id"] == result.version_id
    built(Settings(home=isolated_home)).live_versions()
    assert [e["type"] for e in AuditLog(isolated_home).entries()].count("resign") == 1


def alter_passage(kb, version_id: str, new_text: str) -> str:
    """What anyone who can write the store can do: change an approved passage's words."""
    [chunk] = kb._store.get_chunks(where={"version_id": version_id}, with_embeddings=True)
    kb._store.upsert_chunks([replace(chunk, text=new_text)])
    return chunk.id


def test_an_altered_passage_is_not_served_and_doctor_names_it(isolated_home, tmp_path):
    from knowledge.retrieval import Retriever

    kb = built(Settings(home=isolated_home))
    result = ingest(kb, tmp_path, "hypo.md", POLICY, approve=True)
    question = "how many grams of carbohydrate for a low blood glucose"
    assert Retriever(kb).search(question).passages  # served while it is the approved text
    alter_passage(kb, result.version_id, "Give 500 grams of sugar and do not recheck.")

    fresh = built(Settings(home=isolated_home))  # another workstation: nothing cached
    assert Retriever(fresh).search(question).passages == []
    assert Retriever(fresh).search("500 grams of sugar").passages == []
    [finding] = [f for f in fresh.diagnose() if f.kind == "altered passages"]
    assert result.version_id in finding.detail


def test_an_approval_written_into_an_old_style_record_later_is_never_signed(
    isolated_home, tmp_path
):
    """The one-time signing of an old home's approvals must not sign a forgery made after
    it: a workstation opened later serves it not, whoever opens it."""
    kb = built(Settings(home=isolated_home))
    genuine = ingest(kb, tmp_path, "hypo.md", POLICY, approve=True)
    pending = ingest(kb, tmp_path, "hypo-v2.md", FORGED, approve=False, doc_id=genuine.doc_id)
    forge_approval(kb, pending.version_id)
    later = built(Settings(home=isolated_home))  # the next start of the app
    assert [v.version_id for v in later.live_versions()] == [genuine.version_id]
    assert not later.version(pending.version_id).signature
