"""`clinassist ask` (single and --jsonl) and `clinassist config` on the real demo index."""

from __future__ import annotations

import json

from fakes import provenance
from typer.testing import CliRunner

from assistant import cli

runner = CliRunner()


def test_ask_json_gives_text_citations_and_provenance(demo_cli):
    result = runner.invoke(cli.app, ["ask", "What does a yellow wristband mean?", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert not answer["refused"] and answer["mode"] == "offline-extractive"
    assert "falls" in answer["text"].lower()
    first = answer["citations"][0]
    for key in (
        "title",
        "source_name",
        "version",
        "section",
        "page_start",
        "page_end",
        "passage",
        "approved_at",
        "label",
    ):
        assert key in first
    assert answer["timings_ms"]["total_ms"] > 0


def test_ask_plain_output_lists_sources(demo_cli):
    result = runner.invoke(cli.app, ["ask", "How often are PCA checks in the first 4 hours?"])
    assert result.exit_code == 0
    assert (
        "Sources" in result.stdout and "Opioid Safety and Stewardship Policy (v1)" in result.stdout
    )
    # offline, the badge says what was (not) checked: never "verified"
    assert "Quoted from approved documents — check that it answers your question" in result.stdout
    assert "verified" not in result.stdout.lower()


def test_ask_prints_document_text_literally(demo_cli, monkeypatch):
    """Text from documents is data: console markup in a passage is printed, not applied."""
    from assistant.answering.answer import CARDS, Answer, Citation
    from assistant.cli.answer import render_answer
    from assistant.cli.render import out

    passage = "Give [bold red]10 mg[/bold red] [/] then reassess."
    citation = Citation(
        number=1,
        passage=passage,
        quotes=[passage],
        source=provenance(title="T [b]x[/b]", section="S", char_end=len(passage)),
    )
    answer = Answer("q", "q", passage, [citation], layout=CARDS)
    with out.capture() as captured:
        render_answer(answer)
    printed = captured.get()
    assert passage in printed and "T [b]x[/b]" in printed


def test_ask_jsonl_keeps_ids_and_order(demo_cli, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "a", "question": "What extension do I ring after a needlestick injury?"}\n'
        "\n"
        '{"id": "b", "question": "What are the ward fire evacuation routes?"}\n'
    )
    result = runner.invoke(cli.app, ["ask", "--jsonl", str(questions), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert "4455" in rows[0]["text"] and not rows[0]["refused"]
    assert rows[1]["refused"] and rows[1]["closest"]


def test_ask_jsonl_bad_line_is_a_clear_error(demo_cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "question": "ok?"}\n{not json}\n')
    result = runner.invoke(cli.app, ["ask", "--jsonl", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:2: not valid JSON" in result.output


def test_ask_needs_exactly_one_source_of_questions(demo_cli):
    assert runner.invoke(cli.app, ["ask"]).exit_code == 2


def test_config_set_show_and_key_goes_to_keyring(isolated_home, memory_keyring):
    assert runner.invoke(cli.app, ["config", "set", "llm.provider", "azure"]).exit_code == 0
    assert (
        runner.invoke(
            cli.app, ["config", "set", "llm.endpoint", "https://demo.openai.azure.com"]
        ).exit_code
        == 0
    )
    refused = runner.invoke(cli.app, ["config", "set", "llm.api_key", "sk-secret"])
    assert refused.exit_code == 2 and "keyring" in refused.output
    stored = runner.invoke(cli.app, ["config", "set-key"], input="sk-test-1234567890abcd\n")
    assert stored.exit_code == 0, stored.output
    assert memory_keyring.get_password("clinassist", "azure") == "sk-test-1234567890abcd"
    shown = json.loads(runner.invoke(cli.app, ["config", "show", "--json"]).stdout)
    assert shown["llm"]["provider"] == "azure"
    assert shown["llm"]["api_key"] != "sk-test-1234567890abcd" and shown["llm"]["api_key"]
    settings_file = (isolated_home / "settings.toml").read_text()
    assert "sk-test" not in settings_file and 'provider = "azure"' in settings_file
    audit = (isolated_home / "audit" / "audit.jsonl").read_text()
    assert '"key":"llm.api_key[azure]"' in audit and "sk-test" not in audit


def test_config_test_reports_unreachable_server(isolated_home):
    from support import free_port

    runner.invoke(cli.app, ["config", "set", "llm.provider", "compatible"])
    runner.invoke(cli.app, ["config", "set", "llm.endpoint", f"http://127.0.0.1:{free_port()}/v1"])
    runner.invoke(cli.app, ["config", "set", "llm.model", "local"])
    runner.invoke(cli.app, ["config", "set", "llm.max_retries", "0"])
    result = runner.invoke(cli.app, ["config", "test"])
    assert result.exit_code == 1 and "connection failed" in result.output


def test_ask_withholds_the_answer_when_the_audit_entry_cannot_be_written(demo_cli, monkeypatch):
    import assistant.core.services as services

    class FullDisk:
        def record_answer(self, answer):
            raise OSError("No space left on device")

        def record_knowledge_event(self, kind, data):
            raise OSError("No space left on device")

    monkeypatch.setattr(services, "build_audit_log", lambda settings: FullDisk())
    result = runner.invoke(cli.app, ["ask", "How long should hands be rubbed?", "--json"])
    assert result.exit_code == 1
    assert "answer withheld" in result.output and "No space left" in result.output
    assert '"citations"' not in result.output


def test_the_model_is_loaded_and_said_to_load_before_the_first_question():
    """Loading is reported as loading (stderr), never booked as the answer's own time."""
    from types import SimpleNamespace

    from assistant.cli.answer import _load_model
    from assistant.cli.render import console

    calls = []

    class SlowModel:
        loaded = False

        def load(self):
            calls.append("load")
            self.loaded = True

    engine = SimpleNamespace(kb=SimpleNamespace(embedder=SlowModel()))
    with console.capture() as captured:
        _load_model(engine)
        _load_model(engine)  # already loaded: nothing said, nothing done
    said = captured.get()
    assert calls == ["load"] and said.count("Loading the embedding model") == 1
    assert "model ready in" in said
