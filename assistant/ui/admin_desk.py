"""The admin desk: the document catalog as a table, its lifecycle actions, and adding files.

A view of plain objects: the table shows a CatalogSnapshot (read on a worker), every change
runs on the write lane through `Workers.write` (see admin_models for the job bodies) and
comes back with a fresh snapshot, so the table is refreshed in the same step. The desk never
touches the store on the UI thread. Gating (who may change things) is not done here: the
caller wraps the desk and uses `set_read_only`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.admin_models import (
    COLUMN,
    WARNING_BACKGROUND,
    WARNING_FOREGROUND,
    ActionOutcome,
    CatalogSnapshot,
    DocumentFilterProxy,
    DocumentTableModel,
    IngestOutcome,
    VersionRole,
    action_job,
    describe_outcome,
    ingest_job,
    ingest_options,
    needs_review,
    overdue_tooltip,
    refresh_job,
    removal_question,
    row_actions,
    status_text,
)
from assistant.ui.ingest_panel import IngestPanel
from knowledge.catalog import DocumentVersion
from knowledge.ingest import supported_suffixes

GATE_TIMEOUT_S = 2.0


def _after_gate(gate: threading.Event, fn: Callable[..., Any], *args: Any) -> Any:
    """Job body wrapper: wait until the UI has connected to the job's signals, then run."""
    gate.wait(GATE_TIMEOUT_S)
    return fn(*args)


def _plain(text: str) -> str:
    return text.replace("&", "")


class DateField(QWidget):
    """An optional date: a check box ("set") and a QDateEdit. Its value is ISO text or ""."""

    def __init__(self, label: str, value: str = "", parent=None):
        super().__init__(parent)
        self.set_box = QCheckBox("Set")
        self.set_box.setAccessibleName(f"{label} is set")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(label)
        self.set_box.toggled.connect(self.date_edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.set_box)
        layout.addWidget(self.date_edit, 1)
        self.setFocusProxy(self.set_box)
        self.set_value(value)

    def set_value(self, value: str) -> None:
        date = QDate.fromString(value, Qt.DateFormat.ISODate) if value else QDate()
        self.set_box.setChecked(date.isValid())
        self.date_edit.setEnabled(date.isValid())
        self.date_edit.setDate(date if date.isValid() else QDate.currentDate())

    def value(self) -> str:
        if not self.set_box.isChecked():
            return ""
        return self.date_edit.date().toString(Qt.DateFormat.ISODate)


class MetadataDialog(QDialog):
    """Edit a version's title, owner, dates and notes. `changes()` is what differs."""

    def __init__(self, version: DocumentVersion, parent=None):
        super().__init__(parent)
        self.version = version
        self.setWindowTitle(f"Edit details: {version.doc_id} version {version.version}")
        self.setAccessibleName("Edit document details")
        self.title_edit = QLineEdit(version.title)
        self.title_edit.setAccessibleName("Title")
        self.owner_edit = QLineEdit(version.owner)
        self.owner_edit.setAccessibleName("Owner")
        self.owner_edit.setPlaceholderText("Person or committee responsible")
        self.effective_field = DateField("Effective date", version.effective_date)
        self.review_field = DateField("Review-by date", version.review_by)
        self.notes_edit = QPlainTextEdit(version.notes)
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Owner:", self.owner_edit)
        form.addRow("&Effective date:", self.effective_field)
        form.addRow("&Review by:", self.review_field)
        form.addRow("&Notes:", self.notes_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {
            "title": self.title_edit.text().strip(),
            "owner": self.owner_edit.text().strip(),
            "effective_date": self.effective_field.value(),
            "review_by": self.review_field.value(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def changes(self) -> dict[str, str]:
        return {k: v for k, v in self.values().items() if v != getattr(self.version, k)}


class VersionsDialog(QDialog):
    """Every version of one document with its status and dates (read only)."""

    HEADERS = ["Version", "Status", "Effective", "Review by", "Approved", "Retired", "Added"]
    HEADERS += ["Passages", "File"]

    def __init__(self, doc_id: str, snapshot: CatalogSnapshot, parent=None):
        super().__init__(parent)
        versions = snapshot.of_document(doc_id)
        title = versions[-1].title if versions else doc_id
        self.setWindowTitle(f"Versions of {title}")
        self.setAccessibleName(f"Versions of {title}")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(self.HEADERS)
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Document versions")
        for v in reversed(versions):
            live = v.version_id in snapshot.live_ids
            approved = f"{v.approved_at[:10]} by {v.approved_by}" if v.approved_at else ""
            added = f"{v.created_at[:10]} by {v.created_by}" if v.created_by else v.created_at[:10]
            item = QTreeWidgetItem(
                [
                    str(v.version),
                    status_text(v, live),
                    v.effective_date,
                    v.review_by,
                    approved,
                    v.retired_at[:10],
                    added,
                    str(v.chunk_count),
                    v.source_name,
                ]
            )
            item.setToolTip(8, v.source_path)
            if needs_review(v):
                item.setBackground(3, WARNING_BACKGROUND)
                item.setForeground(3, WARNING_FOREGROUND)
                item.setToolTip(3, overdue_tooltip(v))
            self.tree.addTopLevelItem(item)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(820, 300)

    def rows(self) -> list[list[str]]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [[it.text(c) for c in range(len(self.HEADERS))] for it in items]


class AdminDesk(QWidget):
    """Documents table, lifecycle actions and the ingest panel for one user."""

    refreshed = Signal()  # the table now shows a newer snapshot
    catalog_changed = Signal()  # a write finished (the answering side may refresh its live set)
    action_finished = Signal(str, object)  # action name, its result
    action_failed = Signal(str, object)  # action name, the exception
    ingest_started = Signal(object)  # the Job
    ingest_finished = Signal(object)  # IngestOutcome
    ingest_cancelled = Signal()

    def __init__(self, session, workers, user: str, parent=None):
        super().__init__(parent)
        self.setObjectName("adminDesk")
        self.setAccessibleName("Admin desk")
        self._session = session
        self._workers = workers
        self._user = user
        self._read_only = False
        self._pending_writes: set[int] = set()
        self._ingest_job = None
        self._last_dir = str(Path.home())
        self.last_error = ""

        self.model = DocumentTableModel(self)
        self.proxy = DocumentFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self._build_actions()
        self._build_widgets()
        self.setAcceptDrops(True)
        self._update_actions()
        self.refresh()

    # -- construction ----------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_files_action = self._action(
            "Add &files…",
            self.add_files_dialog,
            QKeySequence.StandardKey.Open,
            "Add document files (PDF, Word, HTML, Markdown, text)",
        )
        self.add_folder_action = self._action(
            "Add f&older…",
            self.add_folder_dialog,
            "Ctrl+Shift+O",
            "Add every document in a folder and its subfolders",
        )
        self.approve_action = self._action(
            "&Approve",
            self.approve_selected,
            "Ctrl+Shift+A",
            "Approve the selected version: it becomes live and older versions are retired",
        )
        self.retire_action = self._action(
            "&Retire",
            self.retire_selected,
            "Ctrl+Shift+R",
            "Retire the selected version: answers stop citing it",
        )
        self.remove_action = self._action(
            "Re&move…",
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            "Remove the selected version or its whole document from the knowledge base",
        )
        self.edit_action = self._action(
            "&Edit details…",
            self.edit_selected,
            "F2",
            "Edit title, owner, dates and notes of the selected version",
        )
        self.versions_action = self._action(
            "&View versions…",
            self.view_versions,
            "Ctrl+Shift+V",
            "List every version of the selected document",
        )
        self.refresh_action = self._action(
            "Refres&h",
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            "Read the catalog again (other workstations may have changed it)",
        )
        self.find_action = self._action(
            "Filter", self._focus_filter, QKeySequence.StandardKey.Find, "Filter the table"
        )
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

    def _build_widgets(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by title, id, owner, status or file")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter documents")
        self.filter_edit.setToolTip("Show only rows containing all these words (Ctrl+F)")
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.show_retired_box = QCheckBox("Show re&tired")
        self.show_retired_box.setToolTip("Also list retired versions")
        self.show_retired_box.toggled.connect(self._show_retired_changed)
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

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["doc_id"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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
        self.table.doubleClicked.connect(lambda _index: self.view_versions())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        row_buttons = QHBoxLayout()
        for action in self.row_actions:
            row_buttons.addWidget(self._button(action))
        row_buttons.addStretch(1)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Desk status")

        self.ingest_panel = IngestPanel()
        self.ingest_panel.dismissed.connect(self._update_actions)

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
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- jobs ------------------------------------------------------------------------------------
    def _alive(self, slot: Callable[..., None]) -> Callable[..., None]:
        def call(*args):
            if shiboken6.isValid(self):
                slot(*args)

        return call

    def _submit(self, start, name: str, fn, *args, connect=None):
        """Start a job whose body waits until our (and the caller's) handlers are connected:
        the gate opens on the next turn of the event loop, so `add_paths(...)` followed by
        `job.signals.finished.connect(...)` cannot miss the signal."""
        gate = threading.Event()
        job = start(name, _after_gate, gate, fn, *args)
        if connect is not None:
            connect(job)
        QTimer.singleShot(0, self, gate.set)
        return job

    def _write(self, action: str, label: str, operation: Callable[[Any], Any]):
        if self._read_only:
            return None

        def connect(job):
            self._pending_writes.add(job.id)
            job.signals.finished.connect(self._alive(lambda out: self._on_action_done(job, out)))
            job.signals.failed.connect(self._alive(lambda exc: self._on_action_failed(job, exc)))
            job.signals.cancelled.connect(self._alive(lambda: self._on_write_ended(job)))

        job = self._submit(
            self._workers.write,
            action,
            action_job,
            self._session,
            action,
            operation,
            connect=connect,
        )
        self._set_status(f"{label}…")
        self._update_actions()
        return job

    def _on_write_ended(self, job) -> None:
        self._pending_writes.discard(job.id)
        self._update_actions()

    def _on_action_done(self, job, outcome: ActionOutcome) -> None:
        self._pending_writes.discard(job.id)
        self._apply_snapshot(outcome.snapshot)
        self._set_status(describe_outcome(outcome.action, outcome.result))
        self.action_finished.emit(outcome.action, outcome.result)
        self.catalog_changed.emit()

    def _on_action_failed(self, job, exc: BaseException) -> None:
        self._pending_writes.discard(job.id)
        self._show_error(f"Could not {job.name}", exc)
        self.action_failed.emit(job.name, exc)
        self.refresh()

    def _show_error(self, title: str, exc: BaseException) -> None:
        text = str(exc) or type(exc).__name__
        self.last_error = text
        self._set_status(f"{title}: {text}")
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAccessibleName(title)
        box.setAccessibleDescription(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, does not block the event loop

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleDescription(text)

    # -- reading the catalog ---------------------------------------------------------------------
    def refresh(self):
        """Read the catalog on a worker; the table updates when it arrives."""

        def connect(job):
            job.signals.finished.connect(self._alive(self._apply_snapshot))
            job.signals.failed.connect(self._alive(self._on_refresh_failed))

        return self._submit(
            self._workers.read, "read catalog", refresh_job, self._session, connect=connect
        )

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self.last_error = str(exc) or type(exc).__name__
        self._set_status(f"Could not read the catalog: {self.last_error}")
        self.action_failed.emit("refresh", exc)

    def _apply_snapshot(self, snapshot: CatalogSnapshot) -> None:
        if snapshot.taken_at < self.model.snapshot.taken_at:
            return  # an older read finished after a newer one
        selected = self.selected_version()
        self.model.set_snapshot(snapshot)
        if selected is not None:
            self.select_document(selected.version_id)
        self._update_actions()
        self.refreshed.emit()

    # -- selection -------------------------------------------------------------------------------
    def selected_version(self) -> DocumentVersion | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(VersionRole)

    def select_document(self, doc_or_version_id: str) -> bool:
        """Select a version by id, or a document's newest visible version by document id."""
        best = None
        for row in range(self.proxy.rowCount()):
            v: DocumentVersion = self.proxy.index(row, 0).data(VersionRole)
            if v.version_id == doc_or_version_id:
                best = row
                break
            if v.doc_id == doc_or_version_id and (
                best is None or v.version > self.proxy.index(best, 0).data(VersionRole).version
            ):
                best = row
        if best is None:
            self.table.clearSelection()
            return False
        index = self.proxy.index(best, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    # -- row actions -----------------------------------------------------------------------------
    def approve_selected(self):
        v = self.selected_version()
        if v is None:
            return None
        user = self._user
        return self._write(
            "approve",
            f"Approving {v.doc_id} version {v.version}",
            lambda kb, vid=v.version_id: kb.approve(vid, by=user),
        )

    def retire_selected(self):
        v = self.selected_version()
        if v is None:
            return None
        return self._write(
            "retire",
            f"Retiring {v.doc_id} version {v.version}",
            lambda kb, vid=v.version_id: kb.retire(vid),
        )

    def remove_selected(self, confirm: bool = True, whole_document: bool = False):
        """Remove the selected version (or, with `whole_document`, every version of it). With
        `confirm`, a dialog names the document and offers both choices."""
        v = self.selected_version()
        if v is None or self._read_only:
            return None
        if confirm:
            choice = self._confirm_removal(v)
            if choice is None:
                return None
            whole_document = choice
        target = v.doc_id if whole_document else v.version_id
        label = f"Removing {v.doc_id}" if whole_document else f"Removing {v.version_id}"
        return self._write("remove", label, lambda kb, t=target: kb.remove(t))

    def _confirm_removal(self, v: DocumentVersion) -> bool | None:
        """True: whole document; False: this version; None: cancelled."""
        count = len(self.model.snapshot.of_document(v.doc_id))
        head, detail = removal_question(v, count)
        box = QMessageBox(QMessageBox.Icon.Question, "Remove document", head, parent=self)
        box.setInformativeText(detail)
        box.setAccessibleName("Confirm removal")
        role = QMessageBox.ButtonRole.DestructiveRole
        version_button = box.addButton(f"Remove version {v.version}", role) if count > 1 else None
        document_button = box.addButton(
            f"Remove whole document ({count} versions)" if count > 1 else "Remove", role
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is document_button:
            return True
        if version_button is not None and clicked is version_button:
            return False
        return None

    def edit_selected(self) -> MetadataDialog | None:
        """Open the details dialog (non-blocking); saving runs `edit_metadata`."""
        v = self.selected_version()
        if v is None or self._read_only:
            return None
        dialog = MetadataDialog(v, self)
        dialog.accepted.connect(lambda: self.edit_metadata(v.version_id, dialog.changes()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def edit_metadata(self, version_id: str, changes: dict[str, str]):
        """Save metadata changes (title, owner, effective_date, review_by, notes)."""
        if not changes:
            return None
        changes = dict(changes)
        return self._write(
            "edit",
            f"Saving details of {version_id}",
            lambda kb: kb.catalog.update_metadata(version_id, **changes),
        )

    def view_versions(self) -> VersionsDialog | None:
        v = self.selected_version()
        if v is None:
            return None
        dialog = VersionsDialog(v.doc_id, self.model.snapshot, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- adding documents ------------------------------------------------------------------------
    def add_files_dialog(self) -> None:
        if not self._can_add():
            return
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add documents", self._last_dir, f"Documents ({patterns});;All files (*)"
        )
        if files:
            self._last_dir = str(Path(files[0]).parent)
            self.add_paths(files)

    def add_folder_dialog(self) -> None:
        if not self._can_add():
            return
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of documents", self._last_dir)
        if folder:
            self._last_dir = folder
            self.add_paths([folder])

    def _can_add(self) -> bool:
        return not self._read_only and self._ingest_job is None

    def add_paths(self, paths: Iterable[str | Path]):
        """Ingest files and folders on the write lane; returns the Job (None if not allowed)."""
        paths = [Path(p) for p in paths]
        if not paths or not self._can_add():
            return None
        options = ingest_options(
            self._session.settings,
            approve=self.approve_on_add_box.isChecked(),
            user=self._user,
            owner=self.owner_edit.text(),
        )

        def connect(job):
            self._ingest_job = job
            self._pending_writes.add(job.id)
            self.ingest_panel.track(job)  # first, so the panel is current when we hear the end
            job.signals.finished.connect(self._alive(self._on_ingest_finished))
            job.signals.cancelled.connect(self._alive(self._on_ingest_cancelled))
            job.signals.failed.connect(self._alive(self._on_ingest_failed))

        job = self._submit(
            self._workers.write,
            "add documents",
            ingest_job,
            self._session,
            paths,
            options,
            connect=connect,
        )
        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self._set_status(f"Adding {names}")
        self._update_actions()
        self.ingest_started.emit(job)
        return job

    def _end_ingest(self) -> None:
        if self._ingest_job is not None:
            self._pending_writes.discard(self._ingest_job.id)
        self._ingest_job = None
        self._update_actions()

    def _on_ingest_finished(self, outcome) -> None:
        self._end_ingest()
        if isinstance(outcome, IngestOutcome):
            self._apply_snapshot(outcome.snapshot)
        self._set_status(self.ingest_panel.state.summary())
        self.ingest_finished.emit(outcome)
        self.catalog_changed.emit()

    def _on_ingest_cancelled(self) -> None:
        self._end_ingest()
        self._set_status(self.ingest_panel.state.summary())
        self.refresh()
        self.ingest_cancelled.emit()
        self.catalog_changed.emit()  # files finished before the cancel are kept

    def _on_ingest_failed(self, exc: BaseException) -> None:
        self._end_ingest()
        self._show_error("Could not add documents", exc)
        self.action_failed.emit("add documents", exc)
        self.refresh()

    # -- drag and drop ---------------------------------------------------------------------------
    @staticmethod
    def _dropped_paths(mime) -> list[Path]:
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._can_add() and self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event.mimeData())
        if paths and self._can_add():
            event.acceptProposedAction()
            self.add_paths(paths)
        else:
            event.ignore()

    # -- modes and state -------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Disable every write (approve, retire, remove, edit, add); viewing stays."""
        self._read_only = bool(read_only)
        self.setAcceptDrops(not self._read_only)
        self.read_only_label.setVisible(self._read_only)
        self._update_actions()

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_actions()

    def _show_retired_changed(self, show: bool) -> None:
        self.proxy.set_show_retired(show)
        self._update_actions()

    def _update_actions(self) -> None:
        allowed = row_actions(
            self.selected_version(),
            self.model.snapshot,
            read_only=self._read_only,
            busy=bool(self._pending_writes),
        )
        self.approve_action.setEnabled(allowed.approve)
        self.retire_action.setEnabled(allowed.retire)
        self.remove_action.setEnabled(allowed.remove)
        self.edit_action.setEnabled(allowed.edit)
        self.versions_action.setEnabled(allowed.versions)
        can_add = self._can_add()
        self.add_files_action.setEnabled(can_add)
        self.add_folder_action.setEnabled(can_add)
        self.approve_on_add_box.setEnabled(not self._read_only)
        self.owner_edit.setEnabled(not self._read_only)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown} of {total} shown" if shown != total else f"{total} rows")
