"""The `clinassist` command: JSON listings, lifecycle commands, exit codes, the demo pack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fakes import HashEmbedder, word_counter
from typer.testing import CliRunner

from assistant import cli
from assistant.core.services import build_knowledge_base
from assistant.governance.audit import audit_log_for

runner = CliRunner()


@pytest.fixture
def fake_kb(monkeypatch, isolated_home, cli_admin):
    """The CLI on the deterministic embedder (the real model has its own end-to-end test)."""
    embedder = HashEmbedder()

    def make():  # built as the CLI builds it, so admin actions reach the audit log
        return build_knowledge_base(cli.settings(), embedder=embedder, count_tokens=word_counter)

    monkeypatch.setattr(cli, "knowledge_base", make)
    return make


def run(*args: str):
    result = runner.invoke(cli.app, list(args))
    return result


def _docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "visiting.md").write_text("# Visiting\n\n## Hours\n\nVisiting is 10:00 to 20:00.\n")
    (folder / "parking.txt").write_text("PARKING\n\nStaff park in zone C.\n")
    return folder


def test_ingest_json_and_docs_listing(fake_kb, tmp_path):
    result = run("ingest", str(_docs(tmp_path)), "--owner", "Estates", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["doc_id"]: r["status"] for r in rows} == {"parking": "added", "visiting": "added"}

    listed = json.loads(run("docs", "list", "--json").stdout)
    assert {d["doc_id"] for d in listed} == {"parking", "visiting"}
    assert all(
        d["status"] == "pending" and not d["live"] and d["owner"] == "Estates" for d in listed
    )


def test_docs_show_chunks_json_has_text_section_and_pages(fake_kb, tmp_path):
    run("ingest", str(_docs(tmp_path)), "--json")
    shown = json.loads(run("docs", "show", "visiting", "--chunks", "--json").stdout)
    assert shown["title"] == "Visiting" and shown["version"] == 1
    [chunk] = shown["chunks"]
    assert chunk["text"] == "Visiting is 10:00 to 20:00."
    assert chunk["section"] == "Visiting > Hours"
    assert chunk["page_start"] is None and chunk["page_end"] is None  # not a paginated format
    assert chunk["position_start"] == 5  # the source line in the Markdown file


def test_pdf_chunks_report_pages(fake_kb, corpus):
    pdf = corpus / "fda-bioavailability-studies-guidance-2022.pdf"
    assert run("ingest", str(pdf), "--json").exit_code == 0
    shown = json.loads(
        run(
            "docs", "show", "fda-bioavailability-studies-guidance-2022", "--chunks", "--json"
        ).stdout
    )
    assert shown["page_count"] == 33
    assert all(1 <= c["page_start"] <= c["page_end"] <= 33 for c in shown["chunks"])


def test_approve_retire_remove_commands(fake_kb, tmp_path):
    run("ingest", str(_docs(tmp_path)))
    approved = run("docs", "approve", "visiting")
    assert approved.exit_code == 0 and "Approved visiting version 1." in approved.stdout
    live = [d for d in json.loads(run("docs", "list", "--json").stdout) if d["live"]]
    assert [d["doc_id"] for d in live] == ["visiting"]

    assert "Retired visiting version 1." in run("docs", "retire", "visiting").stdout
    assert json.loads(run("docs", "list", "--json").stdout)[0]["doc_id"] == "parking"
    every = json.loads(run("docs", "list", "--all", "--json").stdout)
    assert {d["doc_id"]: d["status"] for d in every}["visiting"] == "retired"

    removed = run("docs", "remove", "parking", "--yes")
    assert removed.exit_code == 0 and "Removed parking version 1." in removed.stdout
    assert {d["doc_id"] for d in json.loads(run("docs", "list", "--all", "--json").stdout)} == {
        "visiting"
    }

    # Every admin action is in the audit log, in order, and the chain verifies.
    log = audit_log_for(cli.settings())
    trail = [(e["type"], e["data"].get("doc_id") or e["data"].get("target")) for e in log.entries()]
    assert [t for t in trail if t[0] not in ("ingest", "intent")] == [
        ("approve", "visiting"),
        ("retire", "visiting"),
        ("remove", "parking"),
    ]
    assert sum(1 for kind, _ in trail if kind == "ingest") == 2
    assert sum(1 for kind, _ in trail if kind == "intent") == 5  # each change announced first
    assert log.verify().ok


def test_unknown_document_is_a_clear_error(fake_kb):
    result = run("docs", "approve", "nope")
    assert result.exit_code == 2
    assert "no document or version with id 'nope'" in result.output


def test_failed_file_gives_non_zero_exit_and_rest_is_ingested(fake_kb, tmp_path):
    folder = _docs(tmp_path)
    (folder / "empty.pdf").write_bytes(b"")
    result = run("ingest", str(folder), "--json")
    assert result.exit_code == 1
    rows = {Path(r["file"]).name: r for r in json.loads(result.stdout)}
    assert rows["empty.pdf"]["status"] == "failed" and "empty" in rows["empty.pdf"]["reason"]
    assert rows["visiting.md"]["status"] == "added"


def test_bad_date_is_refused_before_any_work(fake_kb, tmp_path):
    result = run("ingest", str(_docs(tmp_path)), "--review-by", "31/12/2027")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert json.loads(run("docs", "list", "--json").stdout) == []


def test_doctor_reports_agreement(fake_kb, tmp_path):
    run("ingest", str(_docs(tmp_path)))
    result = run("doctor", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


@pytest.mark.slow  # a separate process
def test_demo_pack_and_docs_list_end_to_end_with_real_model(tmp_path):
    """The real command in a subprocess, with the bundled model: what the README runs."""
    home = tmp_path / "demo-home"
    env = {**os.environ, "CLINASSIST_HOME": str(home)}
    env.pop("CLINASSIST_ADMIN_PASSPHRASE", None)  # a fresh home takes the demo pack without one
    exe = [sys.executable, "-m", "assistant"]
    first = subprocess.run(
        [*exe, "demo", "--json"], env=env, capture_output=True, text=True, timeout=300
    )
    assert first.returncode == 0, first.stderr
    assert {r["status"] for r in json.loads(first.stdout)} == {"added"}
    listed = json.loads(
        subprocess.run(
            [*exe, "docs", "list", "--json"], env=env, capture_output=True, text=True, timeout=120
        ).stdout
    )
    assert len(listed) == 6 and all(d["live"] for d in listed)
    overdue = [d["doc_id"] for d in listed if d["review_overdue"]]
    assert overdue == ["opioid-safety"]
    again = subprocess.run(
        [*exe, "demo", "--json"], env=env, capture_output=True, text=True, timeout=300
    )
    assert {r["status"] for r in json.loads(again.stdout)} == {"unchanged"}


def test_version_prints_the_one_version_the_package_declares():
    from importlib.metadata import version

    from assistant import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"clinassist {__version__}"
    assert version("clinassist") == __version__  # pyproject reads the same attribute
