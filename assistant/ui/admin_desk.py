"""The admin desk: the document catalog as a table, its lifecycle actions, and adding files.

A view of plain objects: the table shows a CatalogSnapshot (read on a worker), every change
runs on the write lane through `Workers.write` (see admin_models for the job bodies) and
comes back with a fresh snapshot, so the table is refreshed in the same step. The desk never
touches the store on the UI thread. Gating (who may change things) is not done here: the
caller wraps the desk and uses `set_read_only`.

This module holds the desk's state, reading, selection, adding files and modes; the rest is
mixed in from admin_desk_layout (building actions and widgets) and admin_desk_actions (row
actions and job helpers); the dialogs are in admin_desk_dialogs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from assistant.ui.admin_desk_actions import AdminDeskActions
from assistant.ui.admin_desk_layout import AdminDeskLayout
from assistant.ui.admin_models import (
    CatalogSnapshot,
    DocumentFilterProxy,
    DocumentTableModel,
    IngestOutcome,
    VersionRole,
    ingest_job,
    ingest_options,
    refresh_job,
    row_actions,
)
from assistant.ui.tables import select_row_at
from knowledge.catalog import DocumentVersion
from knowledge.ingest import supported_suffixes


class AdminDesk(AdminDeskLayout, AdminDeskActions, QWidget):
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
        return select_row_at(self.table, index)

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
