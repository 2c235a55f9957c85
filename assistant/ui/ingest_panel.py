"""The ingest panel: progress, per-file results and a summary of one "add documents" job.

`IngestState` is the plain state (fed with IngestProgress events, no Qt); `IngestPanel` is
its view. The panel follows one Job at a time: its Cancel button calls `job.cancel()`, which
stops the ingest at its next step and discards the file in progress. After the job ends, the
summary and the failed files stay visible until the user dismisses them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from knowledge.ingest import (
    ADDED,
    FAILED,
    NEW_VERSION,
    RESUMED,
    SKIPPED,
    FileResult,
    IngestProgress,
)

IDLE, RUNNING, CANCELLING, FINISHED, CANCELLED, STOPPED = (
    "idle",
    "running",
    "cancelling",
    "finished",
    "cancelled",
    "stopped",
)
_ORDER = (ADDED, NEW_VERSION, RESUMED, SKIPPED, FAILED)
FAILED_COLOUR = QColor(176, 0, 32)


@dataclass(slots=True)
class IngestState:
    phase: str = IDLE
    files_total: int = 0
    files_done: int = 0
    current: Path | None = None
    stage: str = ""
    in_file: bool = False
    file_chunks_done: int = 0
    file_chunks_total: int = 0
    chunks_done: int = 0
    events: int = 0
    results: list[FileResult] = field(default_factory=list)
    error: str = ""

    def start(self) -> None:
        self.__init__()  # type: ignore[misc]
        self.phase = RUNNING

    def apply(self, event: IngestProgress) -> FileResult | None:
        """Take one progress event; returns the file result it carries, if any."""
        self.events += 1
        self.files_total, self.files_done = event.files_total, event.files_done
        self.current, self.stage = event.current, event.stage
        self.file_chunks_done, self.file_chunks_total = (
            event.file_chunks_done,
            event.file_chunks_total,
        )
        self.chunks_done = event.chunks_done
        if event.result is not None:
            self.in_file = False
            self.results.append(event.result)
            return event.result
        self.in_file = event.current is not None
        return None

    @property
    def running(self) -> bool:
        return self.phase in (RUNNING, CANCELLING)

    @property
    def fraction(self) -> float:
        """Files done, plus the share of the current file's chunks already stored."""
        if self.phase == FINISHED:
            return 1.0
        if not self.files_total:
            return 0.0
        partial = 0.0
        if self.in_file and self.file_chunks_total:
            partial = self.file_chunks_done / self.file_chunks_total
        return min(1.0, (self.files_done + partial) / self.files_total)

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.status == FAILED]

    def current_line(self) -> str:
        if self.phase == CANCELLING:
            return "Cancelling: stopping after the current step…"
        if not self.running:
            return ""
        if self.current is None:
            return "Looking for files…"
        line = f"{self.stage.capitalize() or 'Working on'} {self.current.name}"
        if self.in_file and self.file_chunks_total:
            line += f": passage {self.file_chunks_done} of {self.file_chunks_total}"
        return line + f" (file {min(self.files_done + 1, self.files_total)} of {self.files_total})"

    def progress_text(self) -> str:
        return f"{self.files_done} of {self.files_total} files done, {self.chunks_done} passages"

    def summary(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = [f"{counts[s]} {s}" for s in _ORDER if counts[s]]
        files = f"{len(self.results)} file{'s' if len(self.results) != 1 else ''}"
        chunks = sum(r.chunks for r in self.results if r.status != FAILED)
        if self.phase == FINISHED:
            detail = ", ".join(parts) if parts else "nothing to add"
            return f"Finished: {files} ({detail}); {chunks} passages stored."
        if self.phase == CANCELLED:
            return (
                f"Cancelled after {self.files_done} of {self.files_total} files. The file in "
                "progress was discarded; files already finished are kept."
            )
        if self.phase == STOPPED:
            return f"Stopped by an error after {self.files_done} files: {self.error}"
        return ""


def result_details(result: FileResult) -> str:
    if result.status in (FAILED, SKIPPED):
        return result.reason
    state = "approved" if result.approved else "pending approval"
    return f"{result.doc_id} version {result.version}, {result.chunks} passages, {state}"


class IngestPanel(QGroupBox):
    """Shows one ingest job. Hidden until `track` is called; hidden again on Dismiss."""

    dismissed = Signal()
    PROGRESS_STEPS = 1000

    def __init__(self, parent=None):
        super().__init__("Adding documents", parent)
        self.setObjectName("ingestPanel")
        self.setAccessibleName("Adding documents")
        self.state = IngestState()
        self.job = None

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, self.PROGRESS_STEPS)
        self.progress_bar.setFormat("%p%")
        self.progress_bar.setAccessibleName("Ingest progress")
        self.progress_bar.setToolTip("Files done, plus the current file's passages")

        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setAccessibleName("Current file and stage")

        self.files = QTreeWidget()
        self.files.setColumnCount(3)
        self.files.setHeaderLabels(["File", "Result", "Details"])
        self.files.setRootIsDecorated(False)
        self.files.setUniformRowHeights(True)
        self.files.setAccessibleName("Files in this ingest")
        self.files.setAccessibleDescription(
            "Each file's result: added, new version, unchanged or failed"
        )
        header = self.files.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Ingest summary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.failures_box = QGroupBox("Files that failed")
        self.failures_list = QListWidget()
        self.failures_list.setAccessibleName("Files that failed, with the reason")
        failures_layout = QVBoxLayout(self.failures_box)
        failures_layout.addWidget(self.failures_list)

        self.cancel_button = QPushButton("&Cancel ingest")
        self.cancel_button.setToolTip(
            "Stop after the current step; the file in progress is discarded"
        )
        self.cancel_button.setAccessibleName("Cancel ingest")
        self.cancel_button.clicked.connect(self.cancel)
        self.dismiss_button = QPushButton("D&ismiss")
        self.dismiss_button.setToolTip("Hide this report")
        self.dismiss_button.setAccessibleName("Dismiss ingest report")
        self.dismiss_button.clicked.connect(self.dismiss)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.dismiss_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.current_label)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.failures_box)
        layout.addLayout(buttons)
        self._render()
        self.hide()

    # -- following a job -------------------------------------------------------------------------
    def track(self, job) -> None:
        """Follow a job whose progress values are IngestProgress (others are ignored)."""
        self.job = job
        self.state.start()
        self.files.clear()
        self.failures_list.clear()
        job.signals.progress.connect(self.on_progress)
        job.signals.finished.connect(self.on_finished)
        job.signals.cancelled.connect(self.on_cancelled)
        job.signals.failed.connect(self.on_failed)
        self._render()
        self.show()

    def on_progress(self, value) -> None:
        if not isinstance(value, IngestProgress) or not self.state.running:
            return
        result = self.state.apply(value)
        if result is not None:
            self._add_row(result)
        self._render()

    def on_finished(self, _value=None) -> None:
        self.state.phase = FINISHED
        self._end()

    def on_cancelled(self) -> None:
        self.state.phase = CANCELLED
        self._end()

    def on_failed(self, exc) -> None:
        self.state.phase = STOPPED
        self.state.error = str(exc) or type(exc).__name__
        self._end()

    def cancel(self) -> None:
        if self.job is not None and self.state.phase == RUNNING:
            self.job.cancel()
            self.state.phase = CANCELLING
            self._render()

    def dismiss(self) -> None:
        if self.state.running:
            return
        self.hide()
        self.state = IngestState()
        self.files.clear()
        self.failures_list.clear()
        self.job = None
        self._render()
        self.dismissed.emit()

    # -- for tests and the desk ------------------------------------------------------------------
    def rows(self) -> list[tuple[str, str, str]]:
        items = (self.files.topLevelItem(i) for i in range(self.files.topLevelItemCount()))
        return [(it.text(0), it.text(1), it.text(2)) for it in items]

    def failure_lines(self) -> list[str]:
        return [self.failures_list.item(i).text() for i in range(self.failures_list.count())]

    # -- rendering -------------------------------------------------------------------------------
    def _end(self) -> None:
        for result in self.state.failures:
            self.failures_list.addItem(f"{result.path.name}: {result.reason}")
        self._render()

    def _add_row(self, result: FileResult) -> None:
        item = QTreeWidgetItem([result.path.name, result.status, result_details(result)])
        item.setToolTip(0, str(result.path))
        item.setToolTip(2, result_details(result))
        if result.status == FAILED:
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            for column in range(3):
                item.setForeground(column, QBrush(FAILED_COLOUR))
        self.files.addTopLevelItem(item)
        self.files.scrollToItem(item)

    def _render(self) -> None:
        state = self.state
        self.progress_bar.setValue(round(state.fraction * self.PROGRESS_STEPS))
        self.progress_bar.setAccessibleDescription(state.progress_text())
        self.current_label.setText(state.current_line())
        self.current_label.setVisible(state.running)
        summary = state.summary()
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        self.failures_box.setVisible(not state.running and bool(state.failures))
        self.cancel_button.setEnabled(state.phase == RUNNING)
        self.dismiss_button.setEnabled(not state.running)
        self.setAccessibleDescription(summary or state.progress_text())
