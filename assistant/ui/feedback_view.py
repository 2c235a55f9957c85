"""The admin desk's feedback page: clinicians' ratings of answers, negative and newest first.

A view of a `FeedbackSnapshot` (assistant.conversations.feedback_review), read from the
conversation store on a worker; the page never reads SQLite on the UI thread. Selecting a row
shows the answer and its citations; "Negative only" filters the snapshot already read; Refresh
reads again. It is shown only inside the admin window (assistant.ui.admin_gate), after the
admin gate.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.conversations.feedback_review import (
    FeedbackSnapshot,
    ReviewItem,
    detail_text,
    feedback_job,
)
from assistant.ui.admin_models import WARNING_BACKGROUND, WARNING_FOREGROUND
from assistant.ui.tables import record_table, select_row_at

ItemRole = Qt.ItemDataRole.UserRole + 1  # the ReviewItem of the row

# (header, header tooltip)
COLUMNS: list[tuple[str, str]] = [
    ("Time", "When the feedback was given (UTC)"),
    ("Rating", "Helpful or Not helpful"),
    ("Question", "The question as sent, with patient identifiers removed"),
    ("Comment", "The clinician's comment (identifiers removed)"),
    ("Cited documents", "The documents and versions the answer cited, with pages"),
]
RATING_COLUMN = 1


class FeedbackTableModel(QAbstractTableModel):
    """One row per feedback, in the order given (the review order)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, feedback_id: int) -> int:
        return next((i for i, it in enumerate(self.items) if it.feedback_id == feedback_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == ItemRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = item.cells()[column]
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(text.split())  # one line per row
            return text or None
        if column == RATING_COLUMN and item.negative:
            if role == Qt.ItemDataRole.BackgroundRole:
                return WARNING_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_FOREGROUND
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


class FeedbackView(QWidget):
    """Feedback table, "Negative only" filter, Refresh, and the selected answer below."""

    refreshed = Signal()  # the table now shows a newer snapshot
    refresh_failed = Signal(object)  # the exception

    def __init__(self, session, workers, parent=None):
        super().__init__(parent)
        self.setObjectName("feedbackView")
        self.setAccessibleName("Feedback on answers")
        self._session = session
        self._workers = workers
        self.snapshot = FeedbackSnapshot()
        self.last_error = ""
        self.model = FeedbackTableModel(self)
        self._build()
        self.refresh()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.negative_only_box = QCheckBox("&Negative only")
        self.negative_only_box.setToolTip("Show only answers rated Not helpful")
        self.negative_only_box.setAccessibleName("Negative only")
        self.negative_only_box.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Feedback shown")
        self.refresh_button = QPushButton("Refres&h")
        self.refresh_button.setAccessibleName("Refresh feedback")
        self.refresh_button.setToolTip("Read the feedback again")
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.negative_only_box)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)

        self.table = record_table(self.model)
        header = self.table.horizontalHeader()
        for column in (0, RATING_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 220)
        self.table.setColumnWidth(4, 220)
        self.table.setAccessibleName("Feedback")
        self.table.setAccessibleDescription(
            "Feedback on answers, Not helpful first, newest first. Select a row to read the "
            "answer and its citations below."
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName("Answer and citations")
        self.detail.setPlaceholderText("Select a row to read the answer and its citations.")

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Feedback status")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

    # -- reading ---------------------------------------------------------------------------------
    def _alive(self, slot: Callable[..., None]) -> Callable[..., None]:
        def call(*args):
            if shiboken6.isValid(self):
                slot(*args)

        return call

    def refresh(self):
        """Read the feedback on a worker; the table updates when it arrives. Returns the Job."""
        job = self._workers.read(
            "read feedback",
            feedback_job,
            self._session,
            on_done=self._alive(self._apply_snapshot),
            on_error=self._alive(self._on_refresh_failed),
        )
        self._set_status("Reading feedback…")
        return job

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self.last_error = str(exc) or type(exc).__name__
        self._set_status(f"Could not read the feedback: {self.last_error}")
        self.refresh_failed.emit(exc)

    def _apply_snapshot(self, snapshot: FeedbackSnapshot) -> None:
        if snapshot.taken_at < self.snapshot.taken_at:
            return  # an older read finished after a newer one
        self.snapshot = snapshot
        self._show_items()
        total, negative = len(snapshot.items), snapshot.negative_count
        self._set_status(f"{total} feedback ({negative} not helpful)" if total else "No feedback")
        self.refreshed.emit()

    # -- the table -------------------------------------------------------------------------------
    @property
    def negative_only(self) -> bool:
        return self.negative_only_box.isChecked()

    def _filter_changed(self, _checked: bool) -> None:
        self._show_items()

    def _show_items(self) -> None:
        selected = self.selected_item()
        self.model.set_items(self.snapshot.visible(self.negative_only))
        shown, total = self.model.rowCount(), len(self.snapshot.items)
        self.count_label.setText(f"{shown} of {total} shown" if shown != total else f"{total} rows")
        if selected is None or not self.select_feedback(selected.feedback_id):
            self._show_selected()

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and screen readers alike)."""
        return [
            tuple(
                self.model.index(row, column).data() for column in range(self.model.columnCount())
            )
            for row in range(self.model.rowCount())
        ]

    def selected_item(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ItemRole) if rows else None

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            self.table.clearSelection()
            return False
        index = self.model.index(row, 0)
        return select_row_at(self.table, index)

    def select_feedback(self, feedback_id: int) -> bool:
        return self.select_row(self.model.row_of(feedback_id))

    def _show_selected(self) -> None:
        item = self.selected_item()
        self.detail.setPlainText(detail_text(item) if item is not None else "")

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleDescription(text)
