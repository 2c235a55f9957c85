"""`clinassist handout`: a patient handout from the approved documents, printed or saved."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.render import console, out, print_error, print_json

SUFFIXES = (".pdf", ".txt", ".html")

# How the terminal shows each role of a line (assistant/core/handout_text.py).
_STYLES = {
    "title": "bold",
    "heading": "bold",
    "subheading": "bold italic",
    "note": "yellow",
    "meta": "dim",
    "picture": "dim",
    "check-pass": "green",
    "check-fail": "dark_orange",
}


def handout_command(settings, request, output: Path | None, json_output: bool) -> int:
    from assistant.answering.llm import LLMError
    from assistant.cli.answer import _load_model
    from assistant.core.handout_html import handout_html
    from assistant.core.handout_text import handout_lines, plain_text
    from assistant.core.handouts import make_handout
    from assistant.core.services import build_engine
    from assistant.governance.audit import AuditError

    if not request.topic.strip():
        print_error('give the handout\'s topic, e.g. clinassist handout "low blood sugar"')
        return 2
    if output is not None and output.suffix.lower() not in SUFFIXES:
        print_error(f"--out must end in {', '.join(SUFFIXES)}; got {output.name!r}")
        return 2
    try:
        engine = build_engine(settings)
    except LLMError as exc:
        print_error(exc)
        return 2
    _load_model(engine)
    from assistant.conversations.store import ConversationStore

    conversations = ConversationStore.in_home(settings.home)
    try:
        handout, handout_id = make_handout(engine, request, conversations)
    except AuditError as exc:  # a handout that cannot be audited is not shown
        print_error(f"handout withheld: {exc}")
        return 1
    if handout.empty and not json_output:
        # No page to print or save: say why, and write nothing.
        for note in handout.notes:
            print_error(note)
        conversations.close()
        return 1
    if output is not None:
        try:
            _save(handout, output, plain_text, handout_html)
        except OSError as exc:
            print_error(f"could not write {output}: {exc}")
            return 1
    if json_output:
        print_json(handout.to_json())
    elif output is None:
        for line in handout_lines(handout):
            out.print(line.text, style=_STYLES.get(line.role, ""), markup=False)
    else:
        out.print(f"wrote {output} (grade {handout.grade:g}, {len(handout.lines)} lines)")
    if handout_id is not None and not json_output:
        console.print(
            f"kept as handout {handout_id}: mark it with "
            f"`clinassist feedback handout {handout_id} used|edited`",
            style="dim",
        )
    conversations.close()
    return 0 if not handout.empty else 1


def _save(handout, output: Path, plain_text, handout_html) -> None:
    suffix = output.suffix.lower()
    if suffix == ".pdf":
        from assistant.ui.handout_pdf import write_handout_pdf

        write_handout_pdf(handout, output)
    elif suffix == ".html":
        output.write_text(handout_html(handout), encoding="utf-8")
    else:
        output.write_text(plain_text(handout), encoding="utf-8")
