"""Rich rendering for the CLI: progress bars for long jobs, tables, JSON output."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from knowledge.catalog import DocumentVersion
from knowledge.ingest import FAILED, FileResult, IngestProgress

# Text from documents, models, file names and settings is data: both consoles print literally
# (no markup, no emoji codes, no highlighting), and colour is given as a style, never inline.
# "Give 0.4 mg [repeat every 2 minutes]" keeps its brackets; "[/b]" cannot crash a command.
console = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)
out = Console(
    soft_wrap=True, markup=False, emoji=False, highlight=False
)  # stdout: --json stays clean


def print_error(message: object, label: str = "error") -> None:
    """ "error: <message>" on stderr, the label in red, the message exactly as given."""
    console.print(Text.assemble((f"{label}:", "red"), " ", str(message)))


def print_styled(*parts: str | tuple[str, str], err: bool = False) -> None:
    """One line of literal pieces, some with a style: ("repaired", "green"), " kind: …"."""
    (console if err else out).print(Text.assemble(*parts))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


# Without a terminal (a log file, a pipe, a scheduled job) bars do not draw: a plain line says
# how far the ingest is, at most this often, so a long run never looks hung.
PLAIN_EVERY_S = 5.0


def plain_progress(event: IngestProgress) -> str:
    name = event.current.name if event.current else ""
    step = f"{event.stage} {name}".strip()
    return (
        f"ingest: {event.files_done}/{event.files_total} files, {event.pages_done} pages, "
        f"{event.chunks_done} chunks" + (f"; {step}" if step else "")
    )


def show_ingest(
    events: Iterator[IngestProgress], quiet: bool = False, clock=time.monotonic
) -> list[FileResult]:
    """Drive an ingest generator with progress bars (or, without a terminal, a plain line
    every few seconds); returns the per-file results."""
    results: list[FileResult] = []
    plain = not quiet and not console.is_terminal
    last_line = clock()
    columns = (
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[detail]}", markup=False),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, disable=quiet, transient=False) as bar:
        files = bar.add_task("files", total=None, detail="")
        chunks = bar.add_task("chunks", total=None, detail="")
        for event in events:
            bar.update(
                files,
                total=event.files_total,
                completed=event.files_done,
                detail=f"{event.pages_done} pages, {event.chunks_done} chunks",
            )
            name = event.current.name if event.current else ""
            bar.update(
                chunks,
                total=event.file_chunks_total or None,
                completed=event.file_chunks_done,
                detail=f"{event.stage} {name}",
            )
            if plain and clock() - last_line >= PLAIN_EVERY_S:
                console.print(plain_progress(event))
                last_line = clock()
            if event.result is not None:
                results.append(event.result)
                if event.result.status == FAILED:
                    failed = f"✗ {event.result.path}: {event.result.reason}"
                    console.print(failed, style="red")
    return results


def ingest_table(results: list[FileResult]) -> Table:
    table = Table(title="Ingest summary")
    for column in ("file", "result", "document", "version", "pages", "chunks", "note"):
        table.add_column(column)
    for r in results:
        colour = "red" if r.status == FAILED else "green"
        note = r.reason or ("approved" if r.approved else ("pending approval" if r.chunks else ""))
        table.add_row(
            r.path.name,
            Text(r.status, style=colour),
            r.doc_id,
            str(r.version or ""),
            str(r.pages or ""),
            str(r.chunks or ""),
            note,
        )
    return table


def versions_table(versions: list[DocumentVersion], live_ids: set[str]) -> Table:
    table = Table(title="Documents")
    for column in ("id", "v", "title", "status", "owner", "review by", "chunks", "file"):
        table.add_column(column, overflow="fold")
    for v in versions:
        status = v.status + (" (live)" if v.version_id in live_ids else "")
        review = Text(f"{v.review_by} overdue", style="red") if v.review_overdue else v.review_by
        table.add_row(
            v.doc_id,
            str(v.version),
            v.title,
            status,
            v.owner,
            review,
            str(v.chunk_count),
            v.source_name,
        )
    return table


def version_json(v: DocumentVersion, live_ids: set[str]) -> dict[str, Any]:
    return v.to_record() | {"live": v.version_id in live_ids, "review_overdue": v.review_overdue}


def chunk_json(chunk) -> dict[str, Any]:
    m = chunk.metadata
    return {
        "id": chunk.id,
        "index": m.get("chunk_index"),
        "section": m.get("section", ""),
        "page_start": m.get("page_start") or None,
        "page_end": m.get("page_end") or None,
        "position_start": m.get("position_start"),
        "position_end": m.get("position_end"),
        "char_start": m.get("char_start"),
        "char_end": m.get("char_end"),
        "token_count": m.get("token_count"),
        "text": chunk.text,
    }
