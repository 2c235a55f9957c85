"""`clinassist audit` and `clinassist feedback`: the governance commands.

    clinassist audit verify
    clinassist audit repair
    clinassist audit export [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--jsonl|--csv] [--out FILE]
    clinassist audit prune [--before YYYY-MM-DD]
    clinassist feedback export [--csv|--jsonl] [--since YYYY-MM-DD] [--out FILE]

Without --out, exports go to standard output.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.render import out, print_error

audit_app = typer.Typer(no_args_is_help=True, help="Verify, export and prune the audit log.")
feedback_app = typer.Typer(no_args_is_help=True, help="Export clinicians' answer feedback.")

SinceOption = Annotated[
    str, typer.Option("--since", help="From this date (YYYY-MM-DD, UTC), inclusive.")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write to this file (default: standard output).")
]


def _settings():
    from assistant.cli.state import settings

    return settings()


def _audit_log():
    from assistant.governance.audit import audit_log_for

    return audit_log_for(_settings())


def _date(value: str, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        print_error(f"{option} {value!r} is not a date in the form YYYY-MM-DD")
        raise typer.Exit(2) from exc


def _format(jsonl: bool, csv: bool, default: str) -> str:
    if jsonl and csv:
        print_error("choose --jsonl or --csv, not both")
        raise typer.Exit(2)
    return "csv" if csv else "jsonl" if jsonl else default


@audit_app.command("verify")
def audit_verify() -> None:
    """Check every entry's hash and link, and the chain head: exit 1 if anything was altered."""
    result = _audit_log().verify()
    if result.ok:
        out.print(f"audit log intact: {result.entries} entries")
        for gap in result.gaps:  # sealed by `audit repair`: said every time, never hidden
            out.print(f"gap sealed at entry {gap['seq']}: {gap['reason']}")
        return
    where = f"entry {result.first_broken_seq}" if result.first_broken_seq else "the chain head"
    print_error(result.reason, label=f"audit log broken at {where}")
    raise typer.Exit(1)


@audit_app.command("repair")
def audit_repair() -> None:
    """Seal a torn tail or a lost head with a "gap" entry, so the home works again; what
    did not verify is kept in audit/quarantine/, and `audit verify` names the gap."""
    from assistant.cli.admin import admin_or_exit
    from assistant.governance.audit import AuditError

    admin_or_exit(_settings(), "repairing the audit log")
    try:
        entry = _audit_log().repair()
    except (AuditError, OSError) as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    if entry is None:
        out.print("audit log intact: nothing to repair")
        return
    out.print(f"sealed a gap at entry {entry['seq']}: {entry['data']['reason']}")
    if entry["data"].get("quarantined"):
        out.print(f"the lines that did not verify are kept in audit/{entry['data']['quarantined']}")


@audit_app.command("export")
def audit_export(
    since: SinceOption = "",
    until: Annotated[
        str, typer.Option("--until", help="Up to this date (YYYY-MM-DD, UTC), inclusive.")
    ] = "",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines (the default).")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="CSV, one row an entry.")] = False,
    out_file: OutOption = None,
) -> None:
    """Export audit entries (kept segments and the live log) in a date range."""
    fmt = _format(jsonl, csv, "jsonl")
    start, end = _date(since, "--since"), _date(until, "--until")
    log = _audit_log()
    target = out_file if out_file is not None else sys.stdout
    try:
        count = log.export(target, since=start, until=end, fmt=fmt)
    except OSError as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    if out_file is not None:
        out.print(f"exported {count} audit entries to {out_file}")


@audit_app.command("prune")
def audit_prune(
    before: Annotated[
        str,
        typer.Option(
            "--before",
            help="Move entries older than this date (YYYY-MM-DD, UTC) to a kept, sealed "
            "segment. Without it, the site's audit.retention_days applies (segments deleted).",
        ),
    ] = "",
) -> None:
    """Admin: shorten the live audit log; the prune is itself logged (a checkpoint entry)."""
    from assistant.cli.admin import admin_or_exit
    from assistant.governance.audit import AuditError

    cutoff = _date(before, "--before")
    admin_or_exit(_settings(), "pruning the audit log")
    log = _audit_log()
    try:
        if cutoff is not None:
            checkpoint = log.prune(cutoff)
        else:
            checkpoint = log.apply_retention()
            if checkpoint is None:
                out.print("audit.retention_days is 0 (keep everything): nothing pruned")
                return
    except AuditError as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    data = checkpoint["data"]
    pruned = data.get("pruned", 0)
    where = ""
    if pruned and data.get("segment_kept"):
        where = f" to {log.segments_dir / data['segment']}"
    elif pruned:
        where = " (segment deleted by the retention setting)"
    out.print(f"pruned {pruned} audit entries{where}; checkpoint entry {checkpoint['seq']}")


@feedback_app.command("export")
def feedback_export(
    csv: Annotated[bool, typer.Option("--csv", help="CSV (the default).")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines.")] = False,
    out_file: OutOption = None,
    since: SinceOption = "",
) -> None:
    """Export feedback on answers (negative first), from this home's conversations."""
    _export_from_store(
        "export_feedback", "feedback records", _format(jsonl, csv, "csv"), out_file, since
    )


def _export_from_store(method: str, what: str, fmt: str, out_file, since: str) -> None:
    """One of the conversation store's exports, to a file or to stdout."""
    from assistant.conversations.store import ConversationStore

    _date(since, "--since")
    home = _settings().home
    home.mkdir(parents=True, exist_ok=True)
    store = ConversationStore(home / "conversations.sqlite3")
    export = getattr(store, method)
    try:
        if out_file is not None:
            count = export(out_file, fmt, since=since or None)
            out.print(f"exported {count} {what} to {out_file}")
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"export.{fmt}"
            export(path, fmt, since=since or None)
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            sys.stdout.write(path.read_text(encoding=encoding))
            sys.stdout.flush()
    except (OSError, ValueError) as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    finally:
        store.close()


@feedback_app.command("handout")
def feedback_handout(
    handout_id: Annotated[int, typer.Argument(help="The handout's number, as printed when made.")],
    use: Annotated[str, typer.Argument(help="used (with a patient) or edited (needed edits).")],
    comment: Annotated[str, typer.Option(help="What had to change (identifiers removed).")] = "",
) -> None:
    """Say what became of a patient handout, for the governance review."""
    from assistant.conversations.store import ConversationStore

    if use not in ("used", "edited"):
        print_error(f"say used or edited, not {use!r}")
        raise typer.Exit(2)
    store = ConversationStore.in_home(_settings().home)
    try:
        store.mark_handout(handout_id, use, comment)
    except KeyError as exc:
        print_error(f"no handout {handout_id} in this home")
        raise typer.Exit(1) from exc
    finally:
        store.close()
    out.print(f"handout {handout_id}: {'used with a patient' if use == 'used' else 'needed edits'}")


@feedback_app.command("handouts")
def feedback_handouts(
    csv: Annotated[bool, typer.Option("--csv", help="CSV (the default).")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines.")] = False,
    out_file: OutOption = None,
    since: SinceOption = "",
) -> None:
    """Export the patient handouts made here, with their sources, checks and marks."""
    _export_from_store("export_handouts", "handouts", _format(jsonl, csv, "csv"), out_file, since)
