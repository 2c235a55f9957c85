"""The patient handout window: choose topic, grade and personalisation, preview the handout,
see its quality checks beside it, and save it as PDF or text, or print it.

A view of the plain Handout (assistant/handouts); it is made on a worker, never on the UI
thread. The patient's name field is printed on the handout only: it is not searched for,
sent, saved or audited. Text from documents is shown without live links.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from assistant.core.handout_html import HEADING_BASE_PT, clinician_html, handout_html
from assistant.core.handout_text import plain_text
from assistant.handouts.extractive_handout import HandoutRequest
from assistant.ui.pdf_writer import rich_text


class HandoutDialog(QDialog):
    made = Signal(object)  # the Handout, once shown (the scripted screenshot waits for it)

    def __init__(
        self, session, workers, topic: str = "", parent=None, conversation_id=None, exchange_id=None
    ):
        super().__init__(parent)
        self.session, self.workers = session, workers
        self.conversation_id, self.exchange_id = conversation_id, exchange_id
        self.handout = None
        self.handout_id: int | None = None  # in the conversation store, for the mark
        self.setWindowTitle("Patient handout")
        self.resize(1000, 720)
        self.topic = QLineEdit(topic, placeholderText="e.g. low blood sugar")
        self.grade = QDoubleSpinBox(minimum=3.0, maximum=12.0, singleStep=1.0, value=6.0)
        self.grade.setDecimals(1)
        self.grade.setToolTip("US school grade; AMA and HHS advise 6 or lower")
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Spanish (needs a language model)", "es")
        self.personalise = QLineEdit(placeholderText="e.g. uses insulin, lives alone (optional)")
        self.name = QLineEdit(placeholderText="optional")
        self.name.setToolTip("Printed on the handout only; never searched for, sent or saved")
        self.pictures = QCheckBox("Leave space for pictures beside amounts to measure")
        self.pictures.setChecked(True)
        self.pictures.setToolTip("A framed space, named for what it shows; you add the picture")
        self.make_button = QPushButton("Make handout")
        self.make_button.clicked.connect(self.make)
        self.status = QLabel("")
        self.preview = QTextBrowser(openLinks=False, openExternalLinks=False)
        self.preview.setAccessibleName("Handout preview")
        preview_font = self.preview.document().defaultFont()
        preview_font.setPointSizeF(HEADING_BASE_PT)  # headings as printed (core/handout_html.py)
        self.preview.document().setDefaultFont(preview_font)
        self.checks = QTextBrowser(openLinks=False, openExternalLinks=False)
        self.checks.setAccessibleName("Sources and quality checks")
        self.save_pdf_button = QPushButton("Save PDF…")
        self.save_pdf_button.clicked.connect(lambda: self.save_pdf())
        self.save_text_button = QPushButton("Save text…")
        self.save_text_button.clicked.connect(lambda: self.save_text())
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(self.print_handout)
        # What became of it, for the governance review.
        self.used_button = QPushButton("Used with a patient")
        self.used_button.clicked.connect(lambda: self.mark("used"))
        self.edited_button = QPushButton("Needed edits…")
        self.edited_button.clicked.connect(lambda: self.mark("edited"))
        self._layout()
        self._enable_output(False)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Topic", self.topic)
        form.addRow("Reading grade", self.grade)
        form.addRow("Language", self.language)
        form.addRow("About this patient", self.personalise)
        form.addRow("Patient's name", self.name)
        form.addRow("", self.pictures)
        split = QSplitter()
        split.addWidget(self.preview)
        split.addWidget(self.checks)
        split.setSizes([640, 360])
        buttons = QHBoxLayout()
        for widget in (self.make_button, self.status):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (
            self.used_button,
            self.edited_button,
            self.save_pdf_button,
            self.save_text_button,
            self.print_button,
        ):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _enable_output(self, enabled: bool) -> None:
        for button in (
            self.save_pdf_button,
            self.save_text_button,
            self.print_button,
            self.used_button,
            self.edited_button,
        ):
            button.setEnabled(enabled)

    # -- making -------------------------------------------------------------------------------
    def request(self) -> HandoutRequest:
        return HandoutRequest(
            topic=self.topic.text(),
            target_grade=self.grade.value(),
            language=self.language.currentData(),
            personalise=self.personalise.text(),
            patient_name=self.name.text(),
            picture_space=self.pictures.isChecked(),
        )

    def make(self) -> None:
        if not self.topic.text().strip():
            self.status.setText("Type what the handout is about")
            return
        self.make_button.setEnabled(False)
        self.status.setText("Making the handout from the approved documents…")
        self.workers.read(
            "handout",
            self.session.make_handout,
            self.request(),
            self.conversation_id,
            self.exchange_id,
            on_done=self._made,
            on_error=self._failed,
        )

    def _made(self, made) -> None:
        handout, self.handout_id = made
        self.handout = handout
        self.make_button.setEnabled(True)
        self.preview.setHtml(handout_html(handout, clinician_part=False))
        self.checks.setHtml(clinician_html(handout))
        self._enable_output(not handout.empty)
        self.status.setText(
            _why_none(handout)
            if handout.empty
            else f"Grade {handout.grade:g} · {len(handout.lines)} lines"
        )
        self.made.emit(handout)

    def mark(self, use: str, comment: str | None = None) -> None:
        """ "used" with a patient, or "edited" (needed edits: the clinician says what)."""
        if self.handout_id is None:
            return
        if use == "edited" and comment is None:
            from PySide6.QtWidgets import QInputDialog

            comment, ok = QInputDialog.getMultiLineText(
                self, "Needed edits", "What had to change? (optional)"
            )
            if not ok:
                return
        self.session.mark_handout(self.handout_id, use, comment or "")
        said = "used with a patient" if use == "used" else "needed edits"
        self.status.setText(f"Noted: {said}")

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setText(f"Could not make the handout: {exc}")

    # -- output --------------------------------------------------------------------------------
    def save_pdf(self, path: str | None = None) -> Path | None:
        from assistant.ui.handout_pdf import write_handout_pdf

        if self.handout is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save handout", "handout.pdf", "PDF (*.pdf)"
            )
        if not path:
            return None
        write_handout_pdf(self.handout, Path(path))
        self.status.setText(f"Saved {path}")
        return Path(path)

    def save_text(self, path: str | None = None) -> Path | None:
        if self.handout is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save handout", "handout.txt", "Text (*.txt)"
            )
        if not path:
            return None
        Path(path).write_text(plain_text(self.handout), encoding="utf-8")
        self.status.setText(f"Saved {path}")
        return Path(path)

    def print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.handout is None:
            return
        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            rich_text(handout_html(self.handout), HEADING_BASE_PT).print_(printer)


def _why_none(handout) -> str:
    """The status line for a handout that could not be made (the preview gives the whole
    reason)."""
    if any("written for staff" in note for note in handout.notes):
        return "The documents found are written for staff: too hard to quote for a patient"
    return "No approved document covers this topic"
