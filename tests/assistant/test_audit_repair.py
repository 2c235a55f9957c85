"""A damaged audit log is sealed in one command, and the damage stays on the record."""

from __future__ import annotations

import json

import pytest

from assistant.governance.audit import AuditError, AuditLog


@pytest.fixture
def log(isolated_home) -> AuditLog:
    return AuditLog(isolated_home)


def fill(log: AuditLog, n: int) -> None:
    for i in range(n):
        log.append("settings", {"key": f"k{i}", "changed": True})


def test_a_crash_before_the_first_head_was_written_does_not_brick_the_home(log):
    fill(log, 1)
    log.head_path.unlink()  # killed between the first line and head.json
    assert log.verify().ok
    fill(log, 1)  # the home goes on
    assert log.verify().ok and log.verify().entries == 2


def test_a_torn_tail_is_quarantined_and_sealed_with_a_gap(log):
    fill(log, 3)
    with log.path.open("ab") as out:
        out.write(b'{"seq": 4, "time": "2026-')  # killed mid-line
    with pytest.raises(AuditError):
        fill(log, 1)  # a torn log refuses writes: nothing is written unaudited
    assert not log.verify().ok

    gap = log.repair()

    assert gap["type"] == "gap" and gap["seq"] == 4 and gap["data"]["kept_to_seq"] == 3
    assert "1 line(s) after entry 3 did not verify" in gap["data"]["reason"]
    kept = log.dir / gap["data"]["quarantined"]
    assert kept.read_bytes() == b'{"seq": 4, "time": "2026-\n'  # the evidence, unchanged
    result = log.verify()
    assert result.ok and result.gaps == ({"seq": 4, "reason": gap["data"]["reason"]},)
    fill(log, 1)
    assert log.verify().ok and log.repair() is None  # nothing more to do


def test_a_lost_head_and_a_lost_end_are_named_in_the_gap(log):
    fill(log, 4)
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:2]))  # the disk lost entries 3 and 4
    gap = log.repair()
    assert "head.json recorded entry 4 but the log kept entries to 2" in gap["data"]["reason"]
    assert gap["seq"] == 3 and log.verify().ok
    log.head_path.unlink()
    with pytest.raises(AuditError, match="head.json is missing"):
        fill(log, 1)
    gap = log.repair()
    assert gap["data"]["reason"] == "head.json was missing" and gap["seq"] == 4
    assert [g["seq"] for g in log.verify().gaps] == [3, 4]


def test_an_altered_entry_is_not_hidden_by_a_repair(log):
    fill(log, 3)
    lines = log.path.read_bytes().splitlines()
    altered = json.loads(lines[1])
    altered["data"]["key"] = "forged"
    lines[1] = json.dumps(altered).encode()
    log.path.write_bytes(b"\n".join(lines) + b"\n")
    gap = log.repair()
    # entries 2 and 3 no longer verify: both go to quarantine, and the gap says so
    assert gap["data"]["discarded_lines"] == 2 and gap["seq"] == 2
    assert b"forged" in (log.dir / gap["data"]["quarantined"]).read_bytes()
    assert log.verify().gaps[0]["seq"] == 2


def test_the_commands_repair_and_then_name_the_gap(isolated_home, monkeypatch):
    from typer.testing import CliRunner

    from assistant import cli
    from assistant.governance.admin_auth import AdminGuard

    monkeypatch.setenv("CLINASSIST_HOME", str(isolated_home))
    AdminGuard(isolated_home).set_passphrase("a long admin passphrase")
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", "a long admin passphrase")
    log = AuditLog(isolated_home)
    fill(log, 2)
    with log.path.open("ab") as out:
        out.write(b"{torn")
    runner = CliRunner()
    assert runner.invoke(cli.app, ["audit", "verify"]).exit_code == 1
    repaired = runner.invoke(cli.app, ["audit", "repair"])
    assert repaired.exit_code == 0 and "sealed a gap at entry" in repaired.stdout
    verified = runner.invoke(cli.app, ["audit", "verify"])
    assert verified.exit_code == 0 and "gap sealed at entry" in verified.stdout
    again = runner.invoke(cli.app, ["audit", "repair"])
    assert "nothing to repair" in again.stdout
