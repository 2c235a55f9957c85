"""The admin desk's dialogs: edit a version's details, list a document's versions, confirm
a removal, show an error. The desk (assistant.ui.admin_desk) opens them."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.core.catalog_view import (
    CatalogSnapshot,
    needs_review,
    overdue_tooltip,
    removal_question,
    status_text,
)
from assistant.ui.admin_models import WARNING_BACKGROUND, WARNING_FOREGROUND
from knowledge.catalog import DocumentVersion


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


def confirm_removal(parent, version: DocumentVersion, count: int) -> bool | None:
    """Ask before removing: True for the whole document, False for this version only, None
    when cancelled. `count`: how many versions the document has."""
    head, detail = removal_question(version, count)
    box = QMessageBox(QMessageBox.Icon.Question, "Remove document", head, parent=parent)
    box.setInformativeText(detail)
    box.setAccessibleName("Confirm removal")
    role = QMessageBox.ButtonRole.DestructiveRole
    one = box.addButton(f"Remove version {version.version}", role) if count > 1 else None
    whole = box.addButton(
        f"Remove whole document ({count} versions)" if count > 1 else "Remove", role
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is whole:
        return True
    if one is not None and clicked is one:
        return False
    return None


def show_error(parent, title: str, text: str) -> None:
    """A window-modal warning that does not block the event loop."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
