"""Audit first, then change: a change whose record cannot be written is not made, and says
so in one clear line (issue 14, part 3)."""

from __future__ import annotations

import pytest
from fakes import HashEmbedder, word_counter
from typer.testing import CliRunner

from assistant import cli
from assistant.core.services import build_knowledge_base
from assistant.governance.admin_auth import AdminGuard
from assistant.governance.audit import AuditLog
from assistant.governance.settings import Settings
from knowledge.errors import RecordUnavailable
from knowledge.ingest import IngestOptions

POLICY = "# Visiting\n\nVisiting hours are 10:00 to 20:00 every day.\n"


@pytest.fixture
def kb(isolated_home):
    kb = build_knowledge_base(Settings(home=isolated_home))
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    return kb


def tear(log: AuditLog) -> None:
    with log.path.open("ab") as out:
        out.write(b'{"seq": 99, "torn')


def test_with_a_torn_log_no_change_is_made_and_the_reason_is_clear(kb, isolated_home, tmp_path):
    source = tmp_path / "visiting.md"
    source.write_text(POLICY)
    [result] = [e.result for e in kb.ingest([source], IngestOptions()) if e.result]
    tear(AuditLog(isolated_home))

    with pytest.raises(RecordUnavailable, match="nothing was changed"):
        kb.approve(result.version_id, by="dr-admin")
    assert kb.version(result.version_id).status == "pending"
    with pytest.raises(RecordUnavailable):
        kb.update_metadata(result.version_id, by="dr-admin", owner="Ward 7")
    assert kb.version(result.version_id).owner == ""
    with pytest.raises(RecordUnavailable):
        kb.remove(result.doc_id)
    assert kb.version(result.version_id).doc_id == "visiting"
    other = tmp_path / "parking.md"
    other.write_text("# Parking\n\nStaff park in car park B.\n")
    with pytest.raises(RecordUnavailable):
        list(kb.ingest([other], IngestOptions(approve=True)))
    assert [v.doc_id for v in kb.versions(include_unfinished=True)] == ["visiting"]


def test_the_command_line_says_so_without_a_traceback(kb, isolated_home, tmp_path, monkeypatch):
    source = tmp_path / "visiting.md"
    source.write_text(POLICY)
    [result] = [e.result for e in kb.ingest([source], IngestOptions(approve=True)) if e.result]
    AdminGuard(isolated_home).set_passphrase("a long admin passphrase")
    tear(AuditLog(isolated_home))
    monkeypatch.setenv("CLINASSIST_HOME", str(isolated_home))
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", "a long admin passphrase")
    monkeypatch.setattr(cli, "knowledge_base", lambda: kb)

    retired = CliRunner().invoke(cli.app, ["docs", "retire", result.version_id])

    assert retired.exit_code == 2 and "nothing was changed" in retired.output
    assert "Traceback" not in retired.output and not isinstance(retired.exception, TypeError)
    assert kb.live_versions()[0].version_id == result.version_id  # still live


def test_an_ingest_killed_before_its_approval_is_approved_when_ingested_again(kb, tmp_path):
    source = tmp_path / "visiting.md"
    source.write_text(POLICY)
    [first] = [e.result for e in kb.ingest([source], IngestOptions()) if e.result]
    assert kb.live_versions() == []  # as a kill between the ingest and its approval leaves it
    [again] = [e.result for e in kb.ingest([source], IngestOptions(approve=True)) if e.result]
    assert again.status == "unchanged" and again.approved
    assert [v.version_id for v in kb.live_versions()] == [first.version_id]
