"""`clinassist handout`: printed, saved as PDF/HTML/text, as JSON with each line's source, and
audited without the patient's name."""

from __future__ import annotations

import json

import pypdfium2
from typer.testing import CliRunner

from assistant import cli
from assistant.governance.audit import audit_log_for
from assistant.governance.settings import load_settings

runner = CliRunner()
TOPIC = "what to do after a needlestick injury"


def _entries(home):
    log = audit_log_for(load_settings(home))
    return [e for e in log.entries() if e["type"] == "handout"]


def test_json_gives_each_line_with_its_citation_and_source_passage(demo_cli):
    before = len(_entries(demo_cli))
    result = runner.invoke(cli.app, ["handout", TOPIC, "--name", "Ada Byrne", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    lines = [line for section in data["sections"] for line in section["lines"]]
    assert lines and data["grade"] > 0 and data["checks"]
    for line in lines:
        assert line["text"] in line["source_passage"].replace("\n\n", " ") or (
            line["text"] in line["source_passage"]
        )
        assert line["citation"]["document"] == "Sharps and Needlestick Injury Procedure"
        assert line["citation"]["version"] >= 1
    assert "Ada Byrne" not in result.stdout
    [entry] = _entries(demo_cli)[before:]
    assert entry["data"]["topic"] == TOPIC and "Byrne" not in json.dumps(entry)
    assert entry["data"]["documents"][0]["doc_id"] == "sharps-injury"


def test_pdf_has_the_handout_the_name_and_a_sources_footer(demo_cli, tmp_path):
    out = tmp_path / "needlestick.pdf"
    result = runner.invoke(cli.app, ["handout", TOPIC, "--name", "Ada Byrne", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pdf = pypdfium2.PdfDocument(out)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "What to do" in text and "For: Ada Byrne" in text
    assert "For the clinician" in text and "Sharps and Needlestick Injury Procedure (v1)" in text
    assert "Reading grade" in text


def test_a_handout_made_here_is_marked_and_exported_for_review(demo_cli, tmp_path):
    made = runner.invoke(cli.app, ["handout", TOPIC, "--out", str(tmp_path / "h.txt")])
    assert made.exit_code == 0
    handout_id = int(made.output.split("kept as handout ")[1].split(":")[0])
    marked = runner.invoke(cli.app, ["feedback", "handout", str(handout_id), "used"])
    assert marked.exit_code == 0 and "used with a patient" in marked.output
    exported = runner.invoke(cli.app, ["feedback", "handouts", "--jsonl"])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    row = next(r for r in rows if r["handout_id"] == handout_id)
    assert row["use"] == "used with a patient" and row["handout"]["sources"]
    assert runner.invoke(cli.app, ["feedback", "handout", "99999", "used"]).exit_code == 1
    assert runner.invoke(cli.app, ["feedback", "handout", "1", "great"]).exit_code == 2


def test_text_and_html_exports_and_bad_requests(demo_cli, tmp_path):
    for suffix in (".txt", ".html"):
        out = tmp_path / f"handout{suffix}"
        assert runner.invoke(cli.app, ["handout", TOPIC, "--out", str(out)]).exit_code == 0
        assert "For the clinician" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli.app, ["handout", TOPIC, "--out", str(tmp_path / "h.docx")])
    assert bad.exit_code == 2 and "--out must end in .pdf, .txt, .html" in bad.output
    assert runner.invoke(cli.app, ["handout", "  "]).exit_code == 2
    assert runner.invoke(cli.app, ["handout", TOPIC, "--language", "fr"]).exit_code == 2


def test_a_topic_no_document_covers_writes_no_file_and_says_why(demo_cli, tmp_path):
    out = tmp_path / "sun.pdf"
    result = runner.invoke(
        cli.app, ["handout", "protecting your skin from the sun", "--out", str(out)]
    )
    assert result.exit_code == 1 and not out.exists()
    assert "No approved document covers" in result.output
    assert "Nothing was written from general knowledge" in result.output
