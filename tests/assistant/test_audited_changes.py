"""Every change to the knowledge base and to admin rights is on the audit record, whichever
shell made it: metadata edits, reindex, repair, ingest-time approvals and the retirements they
cause, passphrase set and change, denied admin attempts."""

from __future__ import annotations

import pytest
from conftest import ADMIN_PASSPHRASE
from fakes import HashEmbedder
from test_cli_admin import listed, run

from assistant import cli
from assistant.governance.audit import audit_log_for


def _entries(kind: str) -> list[dict]:
    log = audit_log_for(cli.settings())
    assert log.verify().ok  # the chain holds after every change
    return [e["data"] for e in log.entries() if e["type"] == kind]


def _policy(tmp_path, text: str):
    path = tmp_path / "visiting.md"
    path.write_text(f"# Visiting\n\n{text}\n")
    return path


def test_a_metadata_edit_records_each_field_before_and_after(cli_kb, cli_admin, tmp_path):
    assert run("ingest", str(_policy(tmp_path, "Hours are 10:00 to 20:00."))).exit_code == 0
    result = run("docs", "edit", "visiting", "--owner", "Ward 7", "--review-by", "2027-01-31")
    assert result.exit_code == 0, result.output
    [edit] = _entries("edit")
    assert edit["doc_id"] == "visiting" and edit["by"]
    assert edit["changes"] == {
        "owner": {"before": "", "after": "Ward 7"},
        "review_by": {"before": "", "after": "2027-01-31"},
    }
    assert listed()[0]["owner"] == "Ward 7"


def test_a_bad_edit_is_refused_clearly_and_records_nothing(cli_kb, cli_admin, tmp_path):
    assert run("ingest", str(_policy(tmp_path, "Hours are 10:00 to 20:00."))).exit_code == 0
    nothing = run("docs", "edit", "visiting")
    assert nothing.exit_code != 0 and "nothing to change" in nothing.output
    bad_date = run("docs", "edit", "visiting", "--effective", "next Tuesday")
    assert bad_date.exit_code != 0 and "must be a date like" in bad_date.output
    assert _entries("edit") == []


def test_approving_at_ingest_records_the_approval_and_the_retirement(cli_kb, cli_admin, tmp_path):
    path = _policy(tmp_path, "Hours are 10:00 to 20:00.")
    assert run("ingest", str(path), "--approve").exit_code == 0
    path.write_text("# Visiting\n\nHours are 09:00 to 21:00.\n")
    assert run("ingest", str(path), "--approve").exit_code == 0
    first, second = _entries("approve")
    assert first["version"] == 1 and first["retired"] == []
    assert second["version"] == 2 and [v["version"] for v in second["retired"]] == [1]
    assert second["by"]


def test_repair_and_reindex_are_on_the_record(cli_kb, cli_admin, tmp_path):
    assert run("ingest", str(_policy(tmp_path, "Hours are 10:00 to 20:00."))).exit_code == 0
    kb = cli_kb()
    version = kb.version("visiting")
    version.state = "removing"  # an interrupted removal, as a crash leaves it
    kb._catalog.save(version)
    assert run("doctor", "--repair").exit_code == 0
    [repair] = _entries("repair")
    assert repair["repaired"][0]["kind"] == "interrupted removal" and repair["by"]

    assert run("ingest", str(_policy(tmp_path, "Hours are 10:00 to 20:00."))).exit_code == 0
    assert run("reindex").exit_code == 0
    [reindex] = _entries("reindex")
    assert reindex["model"] == HashEmbedder().name and reindex["chunks"] >= 1


def test_passphrase_changes_and_denied_attempts_are_recorded(
    isolated_home, monkeypatch, setup_code
):
    first = run("admin", "passphrase", input=f"{ADMIN_PASSPHRASE}\n{ADMIN_PASSPHRASE}\n")
    assert first.exit_code == 0
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", "not the passphrase at all")
    assert run("docs", "approve", "visiting").exit_code == 2
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    new = "a different long passphrase"
    assert run("admin", "passphrase", "--change", input=f"{new}\n{new}\n").exit_code == 0
    events = _entries("admin")
    assert [e["event"] for e in events] == ["passphrase set", "denied", "passphrase changed"]
    assert events[1]["action"] == "approve (visiting)"
    assert events[1]["reason"] == "wrong passphrase"
    log_text = (isolated_home / "audit" / "audit.jsonl").read_text()
    assert ADMIN_PASSPHRASE not in log_text and new not in log_text


def test_ingest_options_are_built_once_for_both_shells(isolated_home):
    """The desk and `clinassist ingest` build their options with assistant.core.library: the site's
    limits and chunking apply to both, and a bad date is refused by name before anything."""
    from assistant.core.library import ingest_options
    from assistant.governance.settings import Settings

    settings = Settings(home=isolated_home)
    settings.ingest.max_file_mb = 12.5
    options = ingest_options(settings, approve=True, user="ward-admin", owner="  Ward 7 ")
    assert (options.approve, options.user, options.owner) == (True, "ward-admin", "Ward 7")
    assert options.max_file_mb == 12.5
    assert options.chunking.max_tokens == settings.ingest.chunk_tokens
    with pytest.raises(ValueError, match="'31/01/2027' is not a date in the form YYYY-MM-DD"):
        ingest_options(settings, approve=False, review_by="31/01/2027")


def test_a_bad_date_at_ingest_is_named_and_nothing_is_stored(cli_kb, cli_admin, tmp_path):
    result = run("ingest", str(_policy(tmp_path, "Hours.")), "--review-by", "next year")
    assert result.exit_code != 0 and "'next year' is not a date" in result.output
    assert listed() == [] and _entries("ingest") == []
