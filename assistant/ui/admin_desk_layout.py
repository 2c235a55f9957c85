"""Building the admin desk: its actions (with shortcuts and tooltips) and its widgets.

`DeskUi` builds them and lays them out on the desk once, as Qt Designer's setupUi does; the
desk keeps it as `ui` and connects its own behaviour to the actions and widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.admin_models import COLUMN
from assistant.ui.ingest_panel import IngestPanel
from assistant.ui.tables import record_table


def _plain(text: str) -> str:
    return text.replace("&", "")


class DeskUi:
    """The admin desk's actions and widgets, laid out on `desk` (which owns them as Qt
    children). Nothing here is connected to behaviour: AdminDesk does that."""

    def __init__(self, desk: QWidget, proxy):
        self._desk = desk
        self._build_actions()
        self._build_widgets(proxy)

    def _action(self, text: str, shortcut, tip: str) -> QAction:
        action = QAction(text, self._desk)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        self._desk.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_files_action = self._action(
            "Add &files…",
            QKeySequence.StandardKey.Open,
            "Add document files (PDF, Word, HTML, Markdown, text)",
        )
        self.add_folder_action = self._action(
            "Add f&older…",
            "Ctrl+Shift+O",
            "Add every document in a folder and its subfolders",
        )
        self.approve_action = self._action(
            "&Approve",
            "Ctrl+Shift+A",
            "Approve the selected version: it becomes live and older versions are retired",
        )
        self.retire_action = self._action(
            "&Retire",
            "Ctrl+Shift+R",
            "Retire the selected version: answers stop citing it",
        )
        self.remove_action = self._action(
            "Re&move…",
            QKeySequence.StandardKey.Delete,
            "Remove the selected version or its whole document from the knowledge base",
        )
        self.edit_action = self._action(
            "&Edit details…",
            "F2",
            "Edit title, owner, dates and notes of the selected version",
        )
        self.versions_action = self._action(
            "&View versions…",
            "Ctrl+Shift+V",
            "List every version of the selected document",
        )
        self.refresh_action = self._action(
            "Refres&h",
            QKeySequence.StandardKey.Refresh,
            "Read the catalog again (other workstations may have changed it)",
        )
        self.find_action = self._action("Filter", QKeySequence.StandardKey.Find, "Filter the table")
        self.row_actions = [
            self.approve_action,
            self.retire_action,
            self.remove_action,
            self.edit_action,
            self.versions_action,
        ]

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(_plain(action.text()).rstrip("…"))
        button.setAccessibleDescription(action.statusTip())
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _build_widgets(self, proxy) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by title, id, owner, status or file")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter documents")
        self.filter_edit.setToolTip("Show only rows containing all these words (Ctrl+F)")
        self.show_retired_box = QCheckBox("Show re&tired")
        self.show_retired_box.setToolTip("Also list retired versions")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Rows shown")
        filter_label = QLabel("Fi&lter:")
        filter_label.setBuddy(self.filter_edit)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.show_retired_box)
        top.addWidget(self.count_label)
        top.addWidget(self._button(self.refresh_action))

        self.approve_on_add_box = QCheckBox("Approve on a&dd")
        self.approve_on_add_box.setToolTip(
            "Approve new versions at once; otherwise they wait as pending until approved"
        )
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText("Owner for new documents (optional)")
        self.owner_edit.setAccessibleName("Owner for new documents")
        self.owner_edit.setToolTip("Stored as the owner of every document added now")
        owner_label = QLabel("O&wner:")
        owner_label.setBuddy(self.owner_edit)
        self.read_only_label = QLabel("Read-only view: changes are disabled.")
        self.read_only_label.setAccessibleName("Read-only view")
        self.read_only_label.hide()

        adding = QHBoxLayout()
        adding.addWidget(self._button(self.add_files_action))
        adding.addWidget(self._button(self.add_folder_action))
        adding.addWidget(self.approve_on_add_box)
        adding.addWidget(owner_label)
        adding.addWidget(self.owner_edit, 1)
        adding.addWidget(self.read_only_label)

        self.table = record_table(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["doc_id"], Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for name in ("version", "status", "effective_date", "review_by", "chunk_count"):
            header.setSectionResizeMode(COLUMN[name], QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COLUMN["doc_id"], 160)
        self.table.setColumnWidth(COLUMN["source_name"], 180)
        self.table.setAccessibleName("Documents")
        self.table.setAccessibleDescription(
            "Every version of every document. Select a row to approve, retire, remove or edit "
            "it. Rows past their review-by date are highlighted and marked overdue."
        )
        self.table.setToolTip("Drop files or folders here to add them")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.row_actions)
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.table.addActions([separator, self.refresh_action])

        row_buttons = QHBoxLayout()
        for action in self.row_actions:
            row_buttons.addWidget(self._button(action))
        row_buttons.addStretch(1)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Desk status")

        self.ingest_panel = IngestPanel()

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addLayout(adding)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(row_buttons)
        upper_layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(self.ingest_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self._desk)
        layout.addWidget(splitter)
