"""The admin desk's catalog changes: row actions and the write-lane job plumbing.

`AdminDeskActions` is mixed into `AdminDesk`: approve, retire, remove, edit and view versions
of the selected row, and the job helpers every change (and a catalog read) goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from assistant.ui.admin_desk_dialogs import MetadataDialog, VersionsDialog
from assistant.ui.admin_models import ActionOutcome, action_job, describe_outcome, removal_question
from knowledge.catalog import DocumentVersion


class AdminDeskActions:
    """Row actions and job helpers for AdminDesk; needs its session, workers, model, actions,
    status label and `_apply_snapshot` / `_update_actions` / `refresh`."""

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
        changes, user = dict(changes), self._user
        return self._write(
            "edit",
            f"Saving details of {version_id}",
            lambda kb: kb.update_metadata(version_id, by=user, **changes),
        )

    def view_versions(self) -> VersionsDialog | None:
        v = self.selected_version()
        if v is None:
            return None
        dialog = VersionsDialog(v.doc_id, self.model.snapshot, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
