"""Admin rights on the command line: the desk's protection cannot be bypassed from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ADMIN_PASSPHRASE
from typer.testing import CliRunner

from assistant import cli
from assistant.governance.admin_auth import AdminGuard

runner = CliRunner()
DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


@pytest.fixture
def fake_kb(cli_kb):
    return cli_kb


@pytest.fixture
def policy(tmp_path) -> Path:
    path = tmp_path / "visiting.md"
    path.write_text("# Visiting\n\nVisiting hours are 10:00 to 20:00 every day.\n")
    return path


def listed(*flags: str) -> list[dict]:
    return json.loads(run("docs", "list", "--all", "--json", *flags).stdout)


def test_without_a_passphrase_or_group_changes_are_refused_with_guidance(fake_kb, policy):
    result = run("ingest", str(policy), "--approve")
    assert result.exit_code == 2
    assert "needs admin rights" in result.output
    assert "clinassist admin passphrase" in result.output
    assert listed() == []


def test_a_wrong_passphrase_changes_nothing(fake_kb, policy, cli_admin, monkeypatch):
    assert run("ingest", str(policy)).exit_code == 0
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", "not the passphrase at all")
    result = run("docs", "approve", "visiting")
    assert result.exit_code == 2 and "not correct" in result.output
    assert [d["status"] for d in listed()] == ["pending"]
    for args in (("docs", "retire", "visiting"), ("docs", "remove", "visiting", "--yes")):
        assert run(*args).exit_code == 2
    assert run("doctor", "--repair").exit_code == 2
    assert [d["status"] for d in listed()] == ["pending"]


def test_without_a_terminal_or_environment_the_passphrase_is_asked_for(
    fake_kb, policy, cli_admin, monkeypatch
):
    monkeypatch.delenv("CLINASSIST_ADMIN_PASSPHRASE")
    result = run("ingest", str(policy))
    assert result.exit_code == 2 and "CLINASSIST_ADMIN_PASSPHRASE" in result.output


def test_the_right_passphrase_allows_the_change(fake_kb, policy, cli_admin):
    assert run("ingest", str(policy), "--approve").exit_code == 0
    assert [d["status"] for d in listed()] == ["approved"]


def test_members_of_the_site_admin_group_need_no_passphrase(fake_kb, policy, monkeypatch):
    monkeypatch.setattr(AdminGuard, "user_in_admin_group", lambda self: True)
    assert run("ingest", str(policy), "--approve").exit_code == 0
    assert [d["status"] for d in listed()] == ["approved"]


def test_reading_needs_no_admin(fake_kb):
    assert run("docs", "list", "--json").exit_code == 0
    assert run("doctor", "--json").exit_code == 0
    assert run("audit", "verify").exit_code == 0


def test_the_first_passphrase_needs_its_setup_code(isolated_home, monkeypatch):
    typed = f"{ADMIN_PASSPHRASE}\n{ADMIN_PASSPHRASE}\n"
    missing = run("admin", "passphrase", input=f"ANY-CODE\n{typed}")
    assert missing.exit_code == 2 and "no setup code has been issued" in missing.output
    issued = run("admin", "setup-code")
    assert issued.exit_code == 0, issued.output
    code = issued.stdout.splitlines()[0]
    wrong = run("admin", "passphrase", input=f"AAAA-BBBB-CCCC-DDDD\n{typed}")
    assert wrong.exit_code == 2 and "not correct" in wrong.output
    assert not AdminGuard(isolated_home).has_passphrase()
    chosen = run("admin", "passphrase", input=f"{code.lower()}\n{typed}")  # as read aloud
    assert chosen.exit_code == 0 and AdminGuard(isolated_home).verify(ADMIN_PASSPHRASE)


def test_choosing_and_changing_the_passphrase(isolated_home, monkeypatch, setup_code):
    result = run("admin", "passphrase", input=f"{ADMIN_PASSPHRASE}\n{ADMIN_PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert AdminGuard(isolated_home).verify(ADMIN_PASSPHRASE)
    assert ADMIN_PASSPHRASE not in (isolated_home / "admin.json").read_text()

    again = run("admin", "passphrase", input="x\nx\n")
    assert again.exit_code == 2 and "--change" in again.output

    new = "a different long passphrase"
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", "wrong current passphrase")
    refused = run("admin", "passphrase", "--change", input=f"{new}\n{new}\n")
    assert refused.exit_code == 2 and "not correct" in refused.output
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    changed = run("admin", "passphrase", "--change", input=f"{new}\n{new}\n")
    assert changed.exit_code == 0 and AdminGuard(isolated_home).verify(new)


def test_a_weak_first_passphrase_is_refused(isolated_home, setup_code):
    result = run("admin", "passphrase", input="short\nshort\n")
    assert result.exit_code == 2 and "at least" in result.output
    assert not AdminGuard(isolated_home).has_passphrase()


def test_demo_pack_needs_admin_once_the_home_has_other_documents(
    fake_kb, policy, cli_admin, monkeypatch
):
    assert run("ingest", str(policy)).exit_code == 0
    monkeypatch.delenv("CLINASSIST_ADMIN_PASSPHRASE")
    result = run("demo", "--json")
    assert result.exit_code == 2 and "needs admin rights" in result.output
    assert [d["doc_id"] for d in listed()] == ["visiting"]


def test_demo_pack_on_a_fresh_home_needs_no_admin(fake_kb):
    result = run("demo", "--json")
    assert result.exit_code == 0, result.output
    assert len(listed()) == len(json.loads((DEMO / "manifest.json").read_text())["documents"])
