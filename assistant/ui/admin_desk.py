"""The admin desk: the document catalog as a table, its lifecycle actions, and adding files.

A view of plain objects: the table shows a CatalogSnapshot (read on a worker), every change
runs on the write lane through `Workers.write` (see admin_models for the job bodies) and
comes back with a fresh snapshot, so the table is refreshed in the same step. The desk never
touches the store on the UI thread. Gating (who may change things) is not done here: the
caller wraps the desk and uses `set_read_only`.

The desk's actions and widgets are built by `DeskUi` (admin_desk_layout) and kept as `ui`;
the desk connects its behaviour to them. The dialogs are in admin_desk_dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from assistant.core.catalog_view import (
    ActionOutcome,
    CatalogSnapshot,
    IngestOutcome,
    action_job,
    ingest_job,
    refresh_job,
    row_actions,
)
from assistant.core.library import ingest_options
from assistant.core.lifecycle import change, describe_outcome
from assistant.ui.admin_desk_dialogs import (
    MetadataDialog,
    VersionsDialog,
    confirm_removal,
    show_error,
)
from assistant.ui.admin_desk_layout import DeskUi
from assistant.ui.admin_models import DocumentFilterProxy, DocumentTableModel, VersionRole
from assistant.ui.tables import select_row_at
from knowledge.catalog import DocumentVersion
from knowledge.ingest import supported_suffixes


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

        self.ui = DeskUi(self, self.proxy)
        self._connect_ui()
        self.setAcceptDrops(True)
        self._update_actions()
        self.refresh()

    def _connect_ui(self) -> None:
        ui = self.ui
        for action, slot in (
            (ui.add_files_action, self.add_files_dialog),
            (ui.add_folder_action, self.add_folder_dialog),
            (ui.approve_action, self.approve_selected),
            (ui.retire_action, self.retire_selected),
            (ui.remove_action, self.remove_selected),
            (ui.edit_action, self.edit_selected),
            (ui.versions_action, self.view_versions),
            (ui.refresh_action, self.refresh),
            (ui.find_action, self._focus_filter),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        ui.filter_edit.textChanged.connect(self._filter_changed)
        ui.show_retired_box.toggled.connect(self._show_retired_changed)
        ui.table.doubleClicked.connect(lambda _index: self.view_versions())
        ui.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        ui.ingest_panel.dismissed.connect(self._update_actions)

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
        rows = self.ui.table.selectionModel().selectedRows()
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
            self.ui.table.clearSelection()
            return False
        index = self.proxy.index(best, 0)
        return select_row_at(self.ui.table, index)

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
            approve=self.ui.approve_on_add_box.isChecked(),
            user=self._user,
            owner=self.ui.owner_edit.text(),
        )

        def connect(job):
            self._ingest_job = job
            self._pending_writes.add(job.id)
            self.ui.ingest_panel.track(job)  # first, so the panel is current when we hear the end
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
        self._set_status(self.ui.ingest_panel.state.summary())
        self.ingest_finished.emit(outcome)
        self.catalog_changed.emit()

    def _on_ingest_cancelled(self) -> None:
        self._end_ingest()
        self._set_status(self.ui.ingest_panel.state.summary())
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
        self.ui.read_only_label.setVisible(self._read_only)
        self._update_actions()

    def _focus_filter(self) -> None:
        self.ui.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.filter_edit.selectAll()

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
        self.ui.approve_action.setEnabled(allowed.approve)
        self.ui.retire_action.setEnabled(allowed.retire)
        self.ui.remove_action.setEnabled(allowed.remove)
        self.ui.edit_action.setEnabled(allowed.edit)
        self.ui.versions_action.setEnabled(allowed.versions)
        can_add = self._can_add()
        self.ui.add_files_action.setEnabled(can_add)
        self.ui.add_folder_action.setEnabled(can_add)
        self.ui.approve_on_add_box.setEnabled(not self._read_only)
        self.ui.owner_edit.setEnabled(not self._read_only)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.ui.count_label.setText(
            f"{shown} of {total} shown" if shown != total else f"{total} rows"
        )

    # -- jobs ------------------------------------------------------------------------------------
    def _alive(self, slot: Callable[..., None]) -> Callable[..., None]:
        def call(*args):
            if shiboken6.isValid(self):
                slot(*args)

        return call

    def _submit(self, start, name: str, fn, *args, connect=None):
        """Start a job with our handlers (and the caller's) connected before it starts."""
        return start(name, fn, *args, prepare=connect)

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
        show_error(self, title, text)

    def _set_status(self, text: str) -> None:
        self.ui.status_label.setText(text)
        self.ui.status_label.setAccessibleDescription(text)

    # -- row actions -----------------------------------------------------------------------------
    def approve_selected(self):
        v = self.selected_version()
        if v is None:
            return None
        user = self._user
        return self._write(
            "approve",
            f"Approving {v.doc_id} version {v.version}",
            lambda kb, vid=v.version_id: change(kb, "approve", vid, user),
        )

    def retire_selected(self):
        v = self.selected_version()
        if v is None:
            return None
        return self._write(
            "retire",
            f"Retiring {v.doc_id} version {v.version}",
            lambda kb, vid=v.version_id: change(kb, "retire", vid, self._user),
        )

    def remove_selected(self, confirm: bool = True, whole_document: bool = False):
        """Remove the selected version (or, with `whole_document`, every version of it). With
        `confirm`, a dialog names the document and offers both choices."""
        v = self.selected_version()
        if v is None or self._read_only:
            return None
        if confirm:
            choice = confirm_removal(self, v, len(self.model.snapshot.of_document(v.doc_id)))
            if choice is None:
                return None
            whole_document = choice
        target = v.doc_id if whole_document else v.version_id
        label = f"Removing {v.doc_id}" if whole_document else f"Removing {v.version_id}"
        user = self._user
        return self._write("remove", label, lambda kb, t=target: change(kb, "remove", t, user))

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
        changes, user = dict(changes), self._user
        return self._write(
            "edit",
            f"Saving details of {version_id}",
            lambda kb: change(kb, "edit", version_id, user, changes),
        )

    def view_versions(self) -> VersionsDialog | None:
        v = self.selected_version()
        if v is None:
            return None
        dialog = VersionsDialog(v.doc_id, self.model.snapshot, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
