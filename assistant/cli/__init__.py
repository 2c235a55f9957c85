"""The `clinassist` command.

Every command works on one knowledge home: `--home DIR`, else $CLINASSIST_HOME, else the
user data folder. Heavy libraries load only inside the commands that need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant import __version__
from assistant.cli.admin import admin_app, admin_or_exit, only_demo_content
from assistant.cli.answer import ask_command, config_app
from assistant.cli.evaluate import eval_command
from assistant.cli.governance import audit_app, feedback_app
from assistant.cli.render import (
    chunk_json,
    console,
    ingest_table,
    out,
    print_error,
    print_json,
    print_styled,
    show_ingest,
    version_json,
    versions_table,
)
from assistant.cli.state import choose_home, settings
from knowledge.errors import KnowledgeError

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
docs_app = typer.Typer(
    no_args_is_help=True, help="List, inspect, approve, retire and remove documents."
)
app.add_typer(docs_app, name="docs")
app.add_typer(config_app, name="config")
app.add_typer(audit_app, name="audit")
app.add_typer(feedback_app, name="feedback")
app.add_typer(admin_app, name="admin")
app.command("eval")(eval_command)

HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home", help="Knowledge home folder (default: $CLINASSIST_HOME or user data dir)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def knowledge_base():
    """The knowledge base as the app builds it: admin actions are written to the audit log."""
    from assistant.core.services import build_knowledge_base

    return build_knowledge_base(settings())


def _print_version(asked: bool) -> None:
    if asked:
        out.print(f"clinassist {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
]


@app.callback()
def main_options(home: HomeOption = None, version: VersionOption = False) -> None:
    """Clinical knowledge assistant: answers only from your hospital's approved documents."""
    choose_home(home)


def _fail(message: str, code: int = 2) -> typer.Exit:
    print_error(message)
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    approve: Annotated[
        bool, typer.Option(help="Approve the new versions at once (admin).")
    ] = False,
    owner: Annotated[str, typer.Option(help="Owner (person or committee).")] = "",
    review_by: Annotated[str, typer.Option(help="Review-by date, YYYY-MM-DD.")] = "",
    effective_date: Annotated[str, typer.Option(help="Effective date, YYYY-MM-DD.")] = "",
    title: Annotated[str, typer.Option(help="Title (single file only).")] = "",
    doc_id: Annotated[str, typer.Option(help="Make the file a version of this document id.")] = "",
    notes: Annotated[str, typer.Option(help="Free-text notes stored with the version.")] = "",
    json_output: JsonOption = False,
) -> None:
    """Ingest documents. New documents stay pending until approved."""
    from assistant.core.library import ingest_options
    from knowledge.ingest import FAILED

    s = settings()
    try:
        options = ingest_options(
            s,
            approve=approve,
            owner=owner,
            review_by=review_by,
            effective_date=effective_date,
            title=title,
            doc_id=doc_id,
            notes=notes,
        )
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    admin_or_exit(s, "ingesting documents")
    try:
        results = show_ingest(knowledge_base().ingest(paths, options), quiet=json_output)
    except (KnowledgeError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if json_output:
        print_json([r.to_json() for r in results])
    else:
        out.print(ingest_table(results))
    if any(r.status == FAILED for r in results):
        raise typer.Exit(1)


@docs_app.command("list")
def docs_list(
    all_versions: Annotated[bool, typer.Option("--all", help="Include retired versions.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Documents and their versions (live = approved and current)."""
    kb = knowledge_base()
    try:
        versions = kb.versions()
        live = {v.version_id for v in kb.live_versions()}
    except KnowledgeError as exc:
        raise _fail(str(exc)) from exc
    if not all_versions:
        versions = [v for v in versions if v.status != "retired"]
    if json_output:
        print_json([version_json(v, live) for v in versions])
    else:
        out.print(versions_table(versions, live))


@docs_app.command("show")
def docs_show(
    doc: Annotated[str, typer.Argument(help="Document id or version id.")],
    chunks: Annotated[bool, typer.Option("--chunks", help="Include every chunk.")] = False,
    json_output: JsonOption = False,
) -> None:
    """One version's metadata, and optionally its chunks with section and pages."""
    kb = knowledge_base()
    try:
        version = kb.version(doc)
        live = {v.version_id for v in kb.live_versions()}
        stored = kb.chunks_of(version.version_id) if chunks else []
    except KnowledgeError as exc:
        raise _fail(str(exc)) from exc
    data = version_json(version, live)
    if chunks:
        data["chunks"] = [chunk_json(c) for c in stored]
    if json_output:
        print_json(data)
        return
    for key, value in data.items():
        if key != "chunks":
            print_styled((key, "bold"), f": {value}")
    for c in data.get("chunks", []):
        pages = f"pp. {c['page_start']}–{c['page_end']}" if c["page_start"] else ""
        print_styled("\n", (f"#{c['index']}", "bold"), f" {c['section']} {pages}\n{c['text']}")


def _lifecycle(action: str, doc: str, details: dict[str, str] | None = None) -> None:
    import getpass

    from assistant.core.lifecycle import change, describe_outcome

    admin_or_exit(settings(), f"{action} ({doc})")
    try:
        result = change(knowledge_base(), action, doc, getpass.getuser(), details)
    except (KnowledgeError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    out.print(describe_outcome(action, result), markup=False)


@docs_app.command("edit")
def docs_edit(
    doc: Annotated[str, typer.Argument(help="Document id or version id.")],
    title: Annotated[str | None, typer.Option(help="The title shown in citations.")] = None,
    owner: Annotated[str | None, typer.Option(help="Who owns the document.")] = None,
    effective: Annotated[str | None, typer.Option(help="Effective date, YYYY-MM-DD.")] = None,
    review_by: Annotated[str | None, typer.Option(help="Review-by date, YYYY-MM-DD.")] = None,
    notes: Annotated[str | None, typer.Option(help="Free notes for admins.")] = None,
    audience: Annotated[
        str | None,
        typer.Option(help="Who it is written for: patient (preferred for handouts) or clinician."),
    ] = None,
) -> None:
    """Edit a version's details; the audit log records each change, before and after."""
    changes = {
        key: value
        for key, value in {
            "title": title,
            "owner": owner,
            "effective_date": effective,
            "review_by": review_by,
            "notes": notes,
            "audience": audience,
        }.items()
        if value is not None
    }
    if not changes:
        raise _fail(
            "nothing to change: give --title, --owner, --effective, --review-by, --notes "
            "or --audience"
        )
    _lifecycle("edit", doc, changes)


@docs_app.command("approve")
def docs_approve(doc: Annotated[str, typer.Argument(help="Document id or version id.")]) -> None:
    """Approve a version; the previously approved version of the document is retired."""
    _lifecycle("approve", doc)


@docs_app.command("retire")
def docs_retire(doc: Annotated[str, typer.Argument(help="Document id or version id.")]) -> None:
    """Retire a version: it is no longer used for answers."""
    _lifecycle("retire", doc)


@docs_app.command("remove")
def docs_remove(
    doc: Annotated[str, typer.Argument(help="Document id (all versions) or version id.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a document or a version and all its chunks."""
    if not yes and not typer.confirm(f"Remove {doc} and its chunks?", default=False):
        raise typer.Exit(1)
    _lifecycle("remove", doc)


@app.command()
def handout(
    topic: Annotated[
        str, typer.Argument(help='What the handout is about, e.g. "low blood sugar".')
    ],
    grade: Annotated[float, typer.Option(help="Target reading grade (US school grade).")] = 6.0,
    language: Annotated[str, typer.Option(help="en, or es (needs a language model).")] = "en",
    for_: Annotated[
        str, typer.Option("--for", help='About this patient, to choose sections: "uses insulin".')
    ] = "",
    name: Annotated[
        str, typer.Option(help="The patient's name, printed on the handout only (never sent).")
    ] = "",
    output: Annotated[
        Path | None, typer.Option("--out", help="Save as .pdf, .html or .txt.")
    ] = None,
    pictures: Annotated[
        bool,
        typer.Option(help="Leave a framed space for a picture beside amounts to measure."),
    ] = True,
    json_output: JsonOption = False,
) -> None:
    """A patient handout built from the approved documents, every line cited to its source."""
    from assistant.cli.handout import handout_command
    from assistant.handouts.extractive_handout import HandoutRequest

    if language not in ("en", "es"):
        raise _fail(f"--language must be en or es, got {language!r}")
    request = HandoutRequest(
        topic=topic,
        target_grade=grade,
        language=language,
        personalise=for_,
        patient_name=name,
        picture_space=pictures,
    )
    code = handout_command(settings(), request, output, json_output)
    if code:
        raise typer.Exit(code)


@app.command()
def doctor(
    repair: Annotated[bool, typer.Option(help="Fix what is found.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Check that the catalog and the index agree (counts, ids, status, model), and that
    every change announced on the audit log was recorded as made or not."""
    import getpass

    from assistant.core.record_check import check
    from assistant.core.services import build_audit_log
    from assistant.governance.audit import AuditError

    if repair:
        admin_or_exit(settings(), "doctor --repair")
    try:
        audit = build_audit_log(settings())
        findings = check(knowledge_base(), audit, repair=repair, by=getpass.getuser())
    except (KnowledgeError, AuditError) as exc:
        raise _fail(str(exc)) from exc
    if json_output:
        print_json([{"kind": f.kind, "detail": f.detail, "repaired": f.repaired} for f in findings])
    elif not findings:
        out.print("catalog, index and audit record agree")
    for f in findings if not json_output else []:
        mark = ("repaired", "green") if f.repaired else ("found", "yellow")
        print_styled(mark, f" {f.kind}: {f.detail}")
    if any(not f.repaired for f in findings):
        raise typer.Exit(1)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="The question, in quotes.")] = None,
    jsonl: Annotated[
        Path | None, typer.Option(help='Answer every {"id","question"} line of this file.')
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Answer a question from the approved documents, with citations."""
    code = ask_command(settings(), question, jsonl, json_output)
    if code:
        raise typer.Exit(code)


@app.command("app")
def app_command(
    ask_question: Annotated[str | None, typer.Option("--ask", help="Ask this at start.")] = None,
    screenshot: Annotated[
        Path | None, typer.Option(help="Answer --ask, save a PNG of the window, and exit.")
    ] = None,
    show: Annotated[
        str,
        typer.Option(help="For --screenshot: chat, viewer, admin or handout (--ask is its topic)."),
    ] = "chat",
) -> None:
    """Open the desktop window."""
    if show not in {"chat", "viewer", "admin", "handout"}:
        raise _fail("--show must be chat, viewer, admin or handout")
    from assistant.core.session import Session
    from assistant.ui.app import run_app

    raise typer.Exit(
        run_app(Session(settings()), ask=ask_question, screenshot=screenshot, show=show)
    )


@app.command()
def reindex() -> None:
    """Re-embed every chunk with the configured embedding model."""
    import getpass

    from rich.progress import Progress

    admin_or_exit(settings(), "reindex")
    try:
        with Progress(console=console) as bar:
            task = bar.add_task("re-embedding", total=None)
            for event in knowledge_base().reindex(by=getpass.getuser()):
                bar.update(task, total=event.total, completed=event.done)
    except KnowledgeError as exc:
        raise _fail(str(exc)) from exc
    out.print("reindex complete")


@app.command()
def demo(json_output: JsonOption = False) -> None:
    """Load and approve the demo knowledge pack (fictional Demo General Hospital)."""
    from assistant.core.demo import load_demo_pack

    kb = knowledge_base()
    if not only_demo_content(kb):  # a fresh home may get the demo pack without an admin
        admin_or_exit(settings(), "loading the demo pack into a home with other documents")
    try:
        results = show_ingest(load_demo_pack(kb), quiet=json_output)
    except KnowledgeError as exc:
        raise _fail(str(exc)) from exc
    if json_output:
        print_json([r.to_json() for r in results])
    else:
        out.print(ingest_table(results))


def main() -> None:
    from assistant.core.paths import keep_files_private

    keep_files_private()
    app()
