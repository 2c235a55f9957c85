"""What the admin desk shows, as plain objects and functions, plus the Qt item models over them.

The plain part (snapshots of the catalog, which actions make sense for a row, the job bodies
that run on the write lane, the wording of confirmations and outcomes) has no widgets in it;
the Qt part adapts lists of `DocumentVersion` to a table view. Job bodies here run on worker
threads: they take the Session and plain values and return plain values.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

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


def describe_outcome(action: str, result: Any) -> str:
    """One line for the status label after an action finished."""
    if action == "approve":
        version, retired = result
        line = f"Approved {version.doc_id} version {version.version}."
        if retired:
            line += " Retired version " + ", ".join(str(v.version) for v in retired) + "."
        return line
    if action == "retire":
        return f"Retired {result.doc_id} version {result.version}."
    if action == "remove":
        if not result:
            return "Nothing removed."
        if len(result) == 1:
            return f"Removed {result[0].doc_id} version {result[0].version}."
        return f"Removed {result[0].doc_id} ({len(result)} versions)."
    if action == "edit":
        return f"Saved details of {result.doc_id} version {result.version}."
    return f"{action}: done."


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


# -- Qt models -----------------------------------------------------------------------------------

VersionRole = Qt.ItemDataRole.UserRole + 1  # the DocumentVersion of the row
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (numbers, ISO dates)
OverdueRole = Qt.ItemDataRole.UserRole + 3  # True when the row is past its review-by date
LiveRole = Qt.ItemDataRole.UserRole + 4  # True for the live version of a document

WARNING_BACKGROUND = QColor(255, 230, 153)  # amber; dark text on it keeps the contrast
WARNING_FOREGROUND = QColor(92, 52, 0)
RETIRED_FOREGROUND = QColor(110, 110, 110)

# (attribute, header, header tooltip)
COLUMNS: list[tuple[str, str, str]] = [
    ("title", "Title", "The document's title"),
    ("doc_id", "Document", "The document id (stable across versions)"),
    ("version", "Version", "Version number; a changed file becomes a new version"),
    ("status", "Status", "pending, approved or retired; “live” is the version answers cite"),
    ("owner", "Owner", "The person or committee responsible"),
    ("effective_date", "Effective", "Effective date"),
    ("review_by", "Review by", "Review-by date; highlighted when overdue"),
    ("chunk_count", "Chunks", "Passages stored for search"),
    ("source_name", "Source file", "The file this version was read from"),
]
COLUMN = {name: i for i, (name, _, _) in enumerate(COLUMNS)}
_NUMERIC = {"version", "chunk_count"}


def overdue_tooltip(version: DocumentVersion) -> str:
    return f"Review overdue since {version.review_by}"


class DocumentTableModel(QAbstractTableModel):
    """One row per document version, over a CatalogSnapshot (plain objects)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.snapshot = CatalogSnapshot()

    # -- data in ---------------------------------------------------------------------------------
    def set_snapshot(self, snapshot: CatalogSnapshot) -> None:
        self.beginResetModel()
        self.snapshot = snapshot
        self.endResetModel()

    @property
    def versions(self) -> list[DocumentVersion]:
        return self.snapshot.versions

    def version_at(self, row: int) -> DocumentVersion:
        return self.snapshot.versions[row]

    def row_of(self, version_id: str) -> int:
        for row, v in enumerate(self.snapshot.versions):
            if v.version_id == version_id:
                return row
        return -1

    def is_live(self, version: DocumentVersion) -> bool:
        return version.version_id in self.snapshot.live_ids

    # -- Qt interface ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.snapshot.versions)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][2]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.snapshot.versions[index.row()]
        name = COLUMNS[index.column()][0]
        live = self.is_live(v)
        overdue = needs_review(v)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, name, live, overdue)
        if role == VersionRole:
            return v
        if role == SortRole:
            value = getattr(v, name)
            if name == "status":
                return f"{v.status}{0 if live else 1}"
            return value if name in _NUMERIC else str(value).casefold()
        if role == OverdueRole:
            return overdue
        if role == LiveRole:
            return live
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return overdue_tooltip(v)
            if name == "source_name":
                return v.source_path
            if name == "status" and live:
                return "The live version: answers may cite it"
            return self._display(v, name, live, overdue) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(v, name, live, overdue)
            if name == "review_by" and overdue:
                return f"{v.review_by}, review overdue"
            if name == "status" and live:
                return f"{v.status}, live version"
            return text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and overdue:
            return overdue_tooltip(v)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return QBrush(WARNING_FOREGROUND)
            if v.status == RETIRED:
                return QBrush(RETIRED_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole and live:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and name in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(v: DocumentVersion, name: str, live: bool, overdue: bool) -> str:
        if name == "status":
            return status_text(v, live)
        if name == "review_by" and overdue:
            return f"{v.review_by} (overdue)"
        if name == "title":
            return v.title or v.source_name
        return str(getattr(v, name))


class DocumentFilterProxy(QSortFilterProxyModel):
    """Text filter over title, id, owner, status and file; retired rows hidden unless asked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._show_retired = False
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def show_retired(self) -> bool:
        return self._show_retired

    def set_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_show_retired(self, show: bool) -> None:
        self._change_filter(lambda: setattr(self, "_show_retired", bool(show)))

    def _change_filter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DocumentTableModel):
            return True
        v = model.version_at(source_row)
        if v.status == RETIRED and not self._show_retired:
            return False
        if not self._text:
            return True
        haystack = " ".join(
            (v.title, v.doc_id, v.owner, v.status, v.source_name, v.notes, f"v{v.version}")
        ).casefold()
        return all(word in haystack for word in self._text.split())
