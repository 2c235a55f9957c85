"""The Qt item models of the admin desk: lists of `DocumentVersion` (from a CatalogSnapshot,
assistant.core.catalog_view) adapted to a sortable, filterable table view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from assistant.core.catalog_view import CatalogSnapshot, needs_review, overdue_tooltip, status_text
from knowledge.catalog import RETIRED, DocumentVersion

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
