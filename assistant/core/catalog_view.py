"""The library as the admin sees it, in plain objects: snapshots of the catalog, which actions
make sense for a row, the wording of confirmations and outcomes, and the job bodies that run
a change (or an ingest) and read the catalog again. No widgets: the admin desk shows these,
and its jobs run them on worker threads with the Session and plain values.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.catalog import APPROVED, PENDING, RETIRED, DocumentVersion
from knowledge.ingest import FileResult, IngestOptions, IngestProgress

# -- plain state ---------------------------------------------------------------------------------


@dataclass(slots=True)
class CatalogSnapshot:
    """Every ready version and which ones are live, read at one moment (`taken_at`)."""

    versions: list[DocumentVersion] = field(default_factory=list)
    live_ids: frozenset[str] = frozenset()
    taken_at: float = 0.0

    def of_document(self, doc_id: str) -> list[DocumentVersion]:
        return sorted((v for v in self.versions if v.doc_id == doc_id), key=lambda v: v.version)

    def find(self, version_id: str) -> DocumentVersion | None:
        return next((v for v in self.versions if v.version_id == version_id), None)


def load_snapshot(kb) -> CatalogSnapshot:
    """Read the catalog (on a worker: it touches the store)."""
    taken_at = time.monotonic()
    versions = kb.versions()
    live = frozenset(v.version_id for v in kb.live_versions())
    return CatalogSnapshot(versions, live, taken_at)


def needs_review(version: DocumentVersion) -> bool:
    """Past its review-by date and still in use (a retired version needs no review)."""
    return version.review_overdue and version.status != RETIRED


@dataclass(frozen=True, slots=True)
class RowActions:
    approve: bool = False
    retire: bool = False
    remove: bool = False
    edit: bool = False
    versions: bool = False


def row_actions(
    version: DocumentVersion | None, snapshot: CatalogSnapshot, read_only: bool, busy: bool
) -> RowActions:
    """Which actions make sense for the selected version. `busy`: a write is still queued."""
    if version is None:
        return RowActions()
    if read_only or busy:
        return RowActions(versions=True)
    newer_approved = any(
        v.version > version.version and v.status == APPROVED
        for v in snapshot.of_document(version.doc_id)
    )
    return RowActions(
        approve=version.status == PENDING and not newer_approved,
        retire=version.status != RETIRED,
        remove=True,
        edit=True,
        versions=True,
    )


def status_text(version: DocumentVersion, live: bool) -> str:
    return f"{version.status} (live)" if live else version.status


def removal_question(version: DocumentVersion, versions_of_document: int) -> tuple[str, str]:
    """The confirmation's headline and detail for removing `version` or its whole document."""
    name = version.title or version.doc_id
    head = f"Remove “{name}” ({version.doc_id})?"
    if versions_of_document > 1:
        detail = (
            f"You can remove only version {version.version} ({version.status}), or the whole "
            f"document with all {versions_of_document} versions. Removed text can no longer be "
            "cited; ingest the file again to bring it back."
        )
    else:
        detail = (
            "The document and its text are removed from the knowledge base and can no longer "
            "be cited; ingest the file again to bring it back."
        )
    return head, detail


# -- job bodies (run on worker threads) ----------------------------------------------------------


@dataclass(slots=True)
class ActionOutcome:
    action: str
    result: Any
    snapshot: CatalogSnapshot


@dataclass(slots=True)
class IngestOutcome:
    """The last value an ingest job yields: every file's result and the catalog afterwards."""

    results: list[FileResult]
    snapshot: CatalogSnapshot


def refresh_job(session) -> CatalogSnapshot:
    return load_snapshot(session.kb)


def action_job(session, action: str, operation: Callable[[Any], Any]) -> ActionOutcome:
    """Run one write (`operation(kb)`), then read the catalog on the same lane."""
    kb = session.kb
    result = operation(kb)
    return ActionOutcome(action, result, load_snapshot(kb))


def ingest_job(
    session, paths: Iterable[Path], options: IngestOptions
) -> Iterator[IngestProgress | IngestOutcome]:
    """Yield the ingest's progress, then an IngestOutcome. Closing it (cancel) closes the
    ingest generator at once, so the document in progress is discarded."""
    kb = session.kb
    events = kb.ingest([Path(p) for p in paths], options)
    results: list[FileResult] = []
    try:
        for event in events:
            if event.result is not None:
                results.append(event.result)
            yield event
    finally:
        events.close()
    yield IngestOutcome(results, load_snapshot(kb))


def overdue_tooltip(version: DocumentVersion) -> str:
    return f"Review overdue since {version.review_by}"
