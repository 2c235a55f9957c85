"""`clinassist audit verify|export|prune` and `clinassist feedback export`."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from assistant import cli
from assistant.answering.answer import Answer
from assistant.governance.audit import AuditLog

runner = CliRunner()


def run(*args: str):
    return runner.invoke(cli.app, list(args))


@pytest.fixture
def filled(isolated_home, cli_admin) -> AuditLog:
    """Five entries, one a day from 2025-01-01."""
    moments = iter(datetime(2025, 1, d, 9, 0, tzinfo=UTC) for d in range(1, 100))
    log = AuditLog(isolated_home, clock=lambda: next(moments))
    for i in range(5):
        log.append("settings", {"key": f"k{i}", "changed": True})
    return log


def test_verify_reports_an_intact_log(filled):
    result = run("audit", "verify")
    assert result.exit_code == 0, result.output
    assert "audit log intact: 5 entries" in result.output


def test_verify_of_a_new_home_is_intact():
    result = run("audit", "verify")
    assert result.exit_code == 0 and "intact: 0 entries" in result.output


def test_verify_names_the_first_broken_entry(filled):
    rows = filled.path.read_text().splitlines()
    entry = json.loads(rows[2])
    entry["data"]["changed"] = False
    rows[2] = json.dumps(entry)
    filled.path.write_text("\n".join(rows) + "\n")
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert "broken at entry 3" in result.output


def test_export_jsonl_to_stdout_and_csv_to_a_file(filled, tmp_path):
    result = run("audit", "export", "--since", "2025-01-02", "--until", "2025-01-03")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["seq"] for r in rows] == [2, 3]
    target = tmp_path / "audit.csv"
    result = run("audit", "export", "--csv", "--since", "2025-01-04", "--out", str(target))
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8-sig", newline="") as f:
        assert [r["seq"] for r in csv.DictReader(f)] == ["4", "5"]
    assert "exported 2 audit entries" in result.output


def test_export_rejects_bad_dates_and_two_formats(filled):
    assert run("audit", "export", "--since", "01/02/2025").exit_code == 2
    assert run("audit", "export", "--csv", "--jsonl").exit_code == 2


def test_prune_keeps_a_segment_is_logged_and_verifies(filled):
    result = run("audit", "prune", "--before", "2025-01-03")
    assert result.exit_code == 0, result.output
    assert "pruned 2 audit entries" in result.output and "audit-1-2.jsonl" in result.output
    last = json.loads(filled.path.read_text().splitlines()[-1])
    assert last["type"] == "checkpoint" and last["user"]  # the admin action is itself logged
    assert run("audit", "verify").exit_code == 0
    assert "intact: 4 entries" in run("audit", "verify").output


def test_prune_without_before_follows_the_retention_setting(filled):
    result = run("audit", "prune")
    assert result.exit_code == 0 and "nothing pruned" in result.output
    assert run("audit", "prune", "--before", "yesterday").exit_code == 2


def test_prune_refuses_a_broken_log(filled):
    filled.head_path.write_text(json.dumps({"seq": 9, "hash": "0" * 64}))
    result = run("audit", "prune", "--before", "2025-01-03")
    assert result.exit_code == 1 and "does not verify" in result.output


def test_config_set_is_audited_without_the_value(isolated_home):
    result = run("config", "set", "llm.model", "my-deployment")
    assert result.exit_code == 0, result.output
    [entry] = AuditLog(isolated_home).entries()
    assert entry["type"] == "settings"
    assert entry["data"] == {"key": "llm.model", "changed": True}
    assert "my-deployment" not in AuditLog(isolated_home).path.read_text()


def _feedback(isolated_home):
    from assistant.conversations.store import ConversationStore

    isolated_home.mkdir(parents=True, exist_ok=True)
    store = ConversationStore(isolated_home / "conversations.sqlite3")
    conversation = store.create()
    for rating, text in (("up", "Rub for 20 seconds."), ("down", "Wrong ward.")):
        answer = Answer(question="q", sent_question="q", text=text, citations=[])
        exchange = store.add_exchange(conversation.id, f"question {rating}", answer)
        store.set_feedback(exchange.id, rating, comment=f"{rating} comment")
    store.close()


def test_feedback_export_csv_to_stdout_and_jsonl_to_a_file(isolated_home, tmp_path):
    _feedback(isolated_home)
    result = run("feedback", "export", "--csv")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [r["rating"] for r in table] == ["down", "up"]  # negative first
    target = tmp_path / "feedback.jsonl"
    result = run("feedback", "export", "--jsonl", "--out", str(target))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(records) == 2 and "exported 2 feedback records" in result.output
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    result = run("feedback", "export", "--jsonl", "--since", tomorrow)
    assert result.exit_code == 0 and result.stdout.strip() == ""
