"""Text from documents, models, file names and settings is printed exactly as it is: the
command line's consoles apply no markup and no emoji codes (issue 14, hostile text)."""

from __future__ import annotations

from pathlib import Path

from assistant.answering.answer import LLM_MODE, Answer
from assistant.cli.answer import render_answer
from assistant.cli.render import console, ingest_table, out, print_error, print_styled
from knowledge.ingest import FileResult

BRACKETS = "Give naloxone 0.4 mg IV [repeat 0.4 mg every 2 minutes if no response]."
HOSTILE = "Then [/b] reassess :up: [bold red]now[/bold red] [link=file:///etc/passwd]x[/link]"


def printed(console_, write) -> str:
    with console_.capture() as captured:
        write()
    return captured.get()


def test_a_models_sentence_keeps_its_brackets_and_cannot_crash_the_terminal():
    answer = Answer("q", "q", f"{BRACKETS} {HOSTILE} [1]", [], mode=LLM_MODE, model="m")
    shown = printed(out, lambda: render_answer(answer))
    assert BRACKETS in shown and HOSTILE in shown
    assert "👍" not in shown  # ":up:" is not an emoji code here


def test_errors_and_styled_lines_print_their_text_exactly():
    assert printed(console, lambda: print_error(HOSTILE)) == f"error: {HOSTILE}\n"
    line = printed(out, lambda: print_styled(("found", "yellow"), f" note: {HOSTILE}"))
    assert line == f"found note: {HOSTILE}\n"


def test_the_ingest_table_shows_a_bracketed_file_name_and_reason_whole(monkeypatch):
    monkeypatch.setattr(out, "width", 400)  # one line a row: nothing wraps
    result = FileResult(path=Path("[draft] policy [b].md"), status="failed", reason=HOSTILE)
    shown = printed(out, lambda: out.print(ingest_table([result])))
    assert "[draft] policy [b].md" in shown and HOSTILE in shown


def test_without_a_terminal_a_long_ingest_says_how_far_it_is_every_few_seconds(monkeypatch):
    from assistant.cli import render
    from knowledge.ingest import IngestProgress

    now = [0.0]
    monkeypatch.setattr(type(render.console), "is_terminal", property(lambda self: False))

    def events():
        for done in range(4):
            now[0] += 3.0  # each event 3 s after the one before
            yield IngestProgress(files_total=4, files_done=done, current=Path(f"p{done}.pdf"),
                                 stage="embedding")  # fmt: skip

    with render.console.capture() as captured:
        render.show_ingest(events(), clock=lambda: now[0])
    lines = [line for line in captured.get().splitlines() if line.startswith("ingest:")]
    assert lines == [
        "ingest: 1/4 files, 0 pages, 0 chunks; embedding p1.pdf",  # 6 s in
        "ingest: 3/4 files, 0 pages, 0 chunks; embedding p3.pdf",  # 12 s in
    ]
