"""The admin desk against a real local knowledge base (fake embedder), driven like a user would.

Every write goes through Workers on its own thread; the tests wait on Qt signals, never sleep
on the UI thread, and check both what the widgets show and what the catalog stored.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from fakes import HashEmbedder, word_counter
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.core.session import Session
from assistant.governance.settings import Settings
from assistant.ui.admin_desk import AdminDesk
from assistant.ui.admin_models import COLUMN, WARNING_BACKGROUND, LiveRole, OverdueRole, VersionRole
from assistant.ui.workers import Workers
from knowledge.base import KnowledgeBase
from knowledge.catalog import APPROVED, PENDING, READY, RETIRED

DEMO = Path(__file__).resolve().parents[3] / "assets" / "demo"
WAIT_MS = 30_000

VISITING = """# Visiting policy

## Hours
Visiting hours on general wards are 10:00 to 20:00 every day.

## Children
Children under 12 visit with an adult.
"""
PARKING = "Staff parking permits are renewed every April at the security office.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class Desk:
    """A desk with its knowledge base and workers, for one test."""

    def __init__(self, qtbot, home: Path, delay: float = 0.0, user: str = "admin"):
        self.events: list[tuple[str, dict]] = []  # what the audit log would record
        self.kb = KnowledgeBase(
            home,
            embedder=HashEmbedder(delay=delay),
            count_tokens=word_counter,
            on_event=lambda kind, data: self.events.append((kind, data)),
        )
        self.session = Session(settings=Settings(home=home), kb=self.kb, engine=object())
        self.workers = Workers()
        self.widget = AdminDesk(self.session, self.workers, user=user)
        qtbot.addWidget(self.widget)
        with qtbot.waitSignal(self.widget.refreshed, timeout=WAIT_MS):
            pass  # the first catalog read (opens the store on a worker)

    def rows(self) -> dict[str, tuple[str, bool]]:
        """version_id -> (status, live), from the model."""
        model = self.widget.model
        out = {}
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            v = index.data(VersionRole)
            out[v.version_id] = (v.status, bool(index.data(LiveRole)))
        return out

    def statuses(self) -> dict[str, str]:
        """doc_id -> status of its newest version, from the model."""
        newest = {}
        for v in self.widget.model.versions:
            if v.doc_id not in newest or v.version > newest[v.doc_id].version:
                newest[v.doc_id] = v
        return {doc: v.status for doc, v in newest.items()}


@pytest.fixture
def make_desk(qtbot, tmp_path):
    made: list[Desk] = []

    def make(delay: float = 0.0, home: Path | None = None) -> Desk:
        desk = Desk(qtbot, home or tmp_path / f"home{len(made)}", delay=delay)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        for job in desk.workers.active:
            job.cancel()
        assert desk.workers.shutdown(10_000)


@pytest.fixture
def memory_home():
    """A knowledge home on tmpfs, where a store commit costs no disk flush (Linux only)."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        pytest.skip("no tmpfs at /dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="clinassist-ui-", dir=shm))
    yield folder / "home"
    shutil.rmtree(folder, ignore_errors=True)


def _ingest(qtbot, desk: Desk, paths) -> object:
    # Listen first: the desk's own signal, connected before the job starts.
    with qtbot.waitSignal(desk.widget.ingest_finished, timeout=WAIT_MS) as blocker:
        job = desk.widget.add_paths(paths)
        assert job is not None
    return blocker.args[0]


def _act(qtbot, desk: Desk, run):
    with qtbot.waitSignal(desk.widget.action_finished, timeout=WAIT_MS) as blocker:
        job = run()
        assert job is not None
    return blocker.args


def test_add_files_shows_progress_per_file_results_and_failures(make_desk, qtbot, tmp_path):
    desk = make_desk()
    docs = tmp_path / "docs"
    visiting = _write(docs, "visiting.md", VISITING)
    parking = _write(docs, "parking.txt", PARKING)
    empty_pdf = _write(docs, "empty.pdf", "")
    panel = desk.widget.ui.ingest_panel

    outcome = _ingest(qtbot, desk, [visiting, parking, DEMO / "hand-hygiene.md", empty_pdf])

    assert panel.isVisibleTo(desk.widget)
    bar = panel.progress_bar
    assert bar.value() == bar.maximum()
    rows = {name: (status, detail) for name, status, detail in panel.rows()}
    assert rows["visiting.md"][0] == "added"
    assert rows["parking.txt"][0] == "added"
    assert rows["hand-hygiene.md"][0] == "added"
    assert "pending approval" in rows["visiting.md"][1]
    status, reason = rows["empty.pdf"]
    assert status == "failed" and reason
    assert panel.failure_lines() == [f"empty.pdf: {reason}"]
    assert panel.failures_box.isVisibleTo(panel)
    assert panel.summary_label.text().startswith("Finished: 4 files")
    assert "3 added" in panel.summary_label.text() and "1 failed" in panel.summary_label.text()
    assert not panel.cancel_button.isEnabled()
    assert len(outcome.results) == 4

    # The table shows the new documents, pending, none live.
    assert desk.statuses() == {
        "visiting": PENDING,
        "parking": PENDING,
        "hand-hygiene": PENDING,
    }
    assert not any(live for _, live in desk.rows().values())
    assert "3 rows" in desk.widget.ui.count_label.text()

    # The report stays until dismissed.
    panel.dismiss_button.click()
    assert not panel.isVisibleTo(desk.widget)
    assert panel.rows() == []


def test_lifecycle_approve_edit_overdue_retire_remove(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    docs = tmp_path / "docs"
    visiting = _write(docs, "visiting.md", VISITING)
    parking = _write(docs, "parking.txt", PARKING)
    _ingest(qtbot, desk, [visiting, parking])

    # Approve: the row becomes approved and live; Approve is then disabled.
    assert w.select_document("visiting")
    assert w.ui.approve_action.isEnabled() and w.ui.retire_action.isEnabled()
    action, (version, retired) = _act(qtbot, desk, w.approve_selected)
    assert action == "approve" and version.status == APPROVED and retired == []
    assert [v.doc_id for v in desk.kb.live_versions()] == ["visiting"]
    assert desk.rows()[version.version_id] == (APPROVED, True)
    assert w.selected_version().version_id == version.version_id  # selection kept
    assert not w.ui.approve_action.isEnabled()
    status_index = w.model.index(w.model.row_of(version.version_id), COLUMN["status"])
    assert status_index.data() == "approved (live)"
    assert "Approved visiting version 1" in w.ui.status_label.text()

    # Edit metadata through the dialog: stored in the catalog.
    dialog = w.edit_selected()
    assert dialog is not None
    dialog.title_edit.setText("Visiting Hours Policy")
    dialog.owner_edit.setText("Nursing board")
    dialog.effective_field.set_value("2024-02-01")
    dialog.review_field.set_value("2020-01-15")
    dialog.notes_edit.setPlainText("Reviewed by the ward managers.")
    assert set(dialog.changes()) == {"title", "owner", "effective_date", "review_by", "notes"}
    with qtbot.waitSignal(w.action_finished, timeout=WAIT_MS) as blocker:
        dialog.accept()
    assert blocker.args[0] == "edit"
    stored = desk.kb.version("visiting")
    assert (stored.title, stored.owner) == ("Visiting Hours Policy", "Nursing board")
    # ...and on the record, through the knowledge base's door, field by field
    [edit] = [data for kind, data in desk.events if kind == "edit"]
    assert edit["changes"]["owner"] == {"before": "", "after": "Nursing board"}
    assert edit["by"] == w._user
    assert (stored.effective_date, stored.review_by) == ("2024-02-01", "2020-01-15")
    assert stored.notes == "Reviewed by the ward managers."

    # The overdue row is highlighted, with a tooltip and accessible text saying so.
    row = w.model.row_of(stored.version_id)
    review = w.model.index(row, COLUMN["review_by"])
    assert review.data(OverdueRole) is True
    background = review.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == WARNING_BACKGROUND
    assert review.data(Qt.ItemDataRole.ToolTipRole) == "Review overdue since 2020-01-15"
    assert w.model.index(row, COLUMN["title"]).data(Qt.ItemDataRole.ToolTipRole) == (
        "Review overdue since 2020-01-15"
    )
    assert "overdue" in review.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "overdue" in review.data()
    other = w.model.index(w.model.row_of(desk.kb.version("parking").version_id), 0)
    assert other.data(Qt.ItemDataRole.BackgroundRole) is None
    assert other.data(OverdueRole) is False

    # A changed file becomes a new, pending version; an unchanged one is skipped.
    visiting.write_text(VISITING.replace("10:00 to 20:00", "09:00 to 21:00"), encoding="utf-8")
    _ingest(qtbot, desk, [visiting, parking])
    statuses = {name: status for name, status, _ in w.ui.ingest_panel.rows()}
    assert statuses == {"visiting.md": "new version", "parking.txt": "unchanged"}
    assert w.select_document("visiting")
    assert w.selected_version().version == 2

    # View versions lists both, with status and dates.
    versions_dialog = w.view_versions()
    rows = versions_dialog.rows()
    assert [r[0] for r in rows] == ["2", "1"]
    assert rows[1][1] == "approved (live)" and rows[0][1] == "pending"
    versions_dialog.close()

    # Retire version 1: it drops out of the default view, comes back with "Show retired".
    assert w.select_document("visiting@v1-" + stored.sha256[:8])
    _act(qtbot, desk, w.retire_selected)
    assert desk.kb.version(stored.version_id).status == RETIRED
    assert desk.kb.live_versions() == []
    assert w.proxy.rowCount() == 2  # visiting v2 and parking
    w.ui.show_retired_box.setChecked(True)
    assert w.proxy.rowCount() == 3
    assert w.select_document(stored.version_id)
    assert not w.ui.approve_action.isEnabled() and not w.ui.retire_action.isEnabled()
    assert w.ui.remove_action.isEnabled() and w.ui.edit_action.isEnabled()

    # Approving a retired version is refused: the error text is shown in a message box.
    with qtbot.waitSignal(w.action_failed, timeout=WAIT_MS) as blocker:
        w.approve_selected()
    assert blocker.args[0] == "approve"
    assert "retired" in w.last_error
    boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "retired" in boxes[0].text()
    for box in boxes:
        box.close()

    # Remove one version without the dialog.
    assert w.select_document("parking")
    _act(qtbot, desk, lambda: w.remove_selected(confirm=False))
    assert "parking" not in {v.doc_id for v in desk.kb.versions()}
    assert "parking" not in desk.statuses()

    # Remove a whole document (both versions of visiting).
    assert w.select_document("visiting")
    action, removed = _act(qtbot, desk, lambda: w.remove_selected(False, whole_document=True))
    assert sorted(v.version for v in removed) == [1, 2]
    assert desk.kb.versions() == [] and w.model.rowCount() == 0
    assert desk.kb.index.chunk_count() == 0
    assert not w.ui.approve_action.isEnabled()  # nothing selected


def test_remove_asks_first_naming_the_document(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    visiting = _write(tmp_path / "docs", "visiting.md", VISITING)
    _ingest(qtbot, desk, [visiting])
    visiting.write_text(VISITING + "\nPets are not allowed.\n", encoding="utf-8")
    _ingest(qtbot, desk, [visiting])
    assert w.select_document("visiting") and w.selected_version().version == 2
    seen: list[str] = []

    def answer(button_text: str):
        def click():
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            [button] = [b for b in box.buttons() if b.text() == button_text]
            button.click()

        QTimer.singleShot(50, click)

    answer("Cancel")
    assert w.remove_selected() is None
    assert len(desk.kb.versions()) == 2

    answer("Remove version 2")
    _act(qtbot, desk, w.remove_selected)
    assert [v.version for v in desk.kb.versions()] == [1]
    assert all("Visiting policy" in text and "(visiting)" in text for text in seen)
    assert len(seen) == 2


def test_filter_and_sort(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    docs = tmp_path / "docs"
    _ingest(
        qtbot, desk, [_write(docs, "visiting.md", VISITING), _write(docs, "parking.txt", PARKING)]
    )
    w.ui.filter_edit.setText("park")
    assert w.proxy.rowCount() == 1
    assert w.proxy.index(0, 0).data(VersionRole).doc_id == "parking"
    assert "1 of 2 shown" in w.ui.count_label.text()
    w.ui.filter_edit.setText("")
    w.ui.table.sortByColumn(COLUMN["doc_id"], Qt.SortOrder.DescendingOrder)
    assert [w.proxy.index(r, 0).data(VersionRole).doc_id for r in range(2)] == [
        "visiting",
        "parking",
    ]
    w.ui.table.sortByColumn(COLUMN["doc_id"], Qt.SortOrder.AscendingOrder)
    assert w.proxy.index(0, 0).data(VersionRole).doc_id == "parking"


def test_cancel_long_ingest_leaves_no_half_document(make_desk, qtbot, tmp_path):
    desk = make_desk(delay=0.2)
    w = desk.widget
    docs = tmp_path / "many"
    paths = [_write(docs, f"policy-{i:02}.md", f"# Policy {i}\n\n{VISITING}") for i in range(12)]
    job = w.add_paths(paths)
    assert job is not None and not w.ui.add_files_action.isEnabled()
    qtbot.waitUntil(lambda: w.ui.ingest_panel.state.events >= 1, timeout=WAIT_MS)
    with qtbot.waitSignal(w.ingest_cancelled, timeout=WAIT_MS):
        w.ui.ingest_panel.cancel_button.click()
    assert w.ui.ingest_panel.state.phase == "cancelled"
    assert w.ui.ingest_panel.summary_label.text().startswith("Cancelled after")
    assert w.ui.add_files_action.isEnabled()

    every = desk.kb.versions(include_unfinished=True)
    assert all(v.state == READY for v in every)
    assert len(every) < len(paths)
    ready_ids = {v.version_id for v in every}
    chunks = desk.kb.index.get_chunks()
    assert {c.metadata["version_id"] for c in chunks} <= ready_ids
    qtbot.waitUntil(lambda: len(w.model.versions) == len(every), timeout=WAIT_MS)


def _ticks_during_ingest(qtbot, desk: Desk, folder: Path) -> int:
    """Run a slow ingest for ~2 s while a 10 ms UI timer ticks; how many times it ticked."""
    paths = [_write(folder, f"policy-{i:02}.md", f"# Policy {i}\n\n{VISITING}") for i in range(30)]
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    desk.widget.add_paths(paths)
    qtbot.wait(2000)
    timer.stop()
    assert desk.widget.ui.ingest_panel.state.events > 3, "the ingest should have been running"
    with qtbot.waitSignal(desk.widget.ingest_cancelled, timeout=WAIT_MS):
        desk.widget.ui.ingest_panel.cancel()
    return len(ticks)


@pytest.mark.slow
def test_event_loop_keeps_running_during_ingest(make_desk, qtbot, tmp_path, memory_home):
    """The desk itself never blocks the UI thread: ingest, progress and refresh all run on
    workers, so the window's timers keep firing while it runs. How far apart they fire is
    measured by benchmarks/ui_stalls.py (results/ui.md), never asserted here: a shared
    machine's pauses would make such a test flaky."""
    desk = make_desk(delay=0.2, home=memory_home)
    # ~200 ticks in 2 s when nothing blocks; a UI thread held by the ingest ticks a few. Only
    # that gross block is caught: a shared machine's pauses must not fail the test.
    assert _ticks_during_ingest(qtbot, desk, tmp_path / "many") > 20


def test_read_only_disables_every_write(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    _ingest(qtbot, desk, [_write(tmp_path / "docs", "visiting.md", VISITING)])
    assert w.select_document("visiting")
    w.set_read_only(True)
    for action in (
        w.ui.approve_action,
        w.ui.retire_action,
        w.ui.remove_action,
        w.ui.edit_action,
        w.ui.add_files_action,
        w.ui.add_folder_action,
    ):
        assert not action.isEnabled(), action.text()
    assert w.ui.versions_action.isEnabled() and w.ui.refresh_action.isEnabled()
    assert not w.ui.approve_on_add_box.isEnabled() and not w.ui.owner_edit.isEnabled()
    assert w.ui.read_only_label.isVisibleTo(w)
    assert w.approve_selected() is None and w.retire_selected() is None
    assert w.remove_selected(confirm=False) is None and w.edit_selected() is None
    assert w.edit_metadata(w.selected_version().version_id, {"owner": "x"}) is None
    assert w.add_paths([tmp_path / "docs"]) is None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "docs"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, enter)
    assert not enter.isAccepted()
    assert desk.kb.version("visiting").status == PENDING

    w.set_read_only(False)
    assert w.ui.approve_action.isEnabled() and w.ui.add_files_action.isEnabled()


def test_drop_files_and_folders_starts_ingest(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    folder = tmp_path / "dropped"
    _write(folder, "visiting.md", VISITING)
    shutil.copy(DEMO / "opioid-safety.txt", tmp_path / "opioid-safety.txt")
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(folder)),
            QUrl.fromLocalFile(str(tmp_path / "opioid-safety.txt")),
            QUrl("https://example.org/not-a-file.pdf"),
        ]
    )
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, enter)
    assert enter.isAccepted()

    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignals([w.ingest_started, w.ingest_finished], timeout=WAIT_MS):
        QApplication.sendEvent(w, drop)
    assert drop.isAccepted()
    assert {name for name, _, _ in w.ui.ingest_panel.rows()} == {"visiting.md", "opioid-safety.txt"}
    assert set(desk.statuses()) == {"visiting", "opioid-safety"}

    # A drag with no local files is refused.
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/x.pdf")])
    refused = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        web,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, refused)
    assert not refused.isAccepted()


def test_approve_on_add_with_owner_and_accessibility(make_desk, qtbot, tmp_path):
    desk = make_desk()
    w = desk.widget
    w.ui.approve_on_add_box.setChecked(True)
    w.ui.owner_edit.setText("Infection Prevention Committee")
    _ingest(qtbot, desk, [DEMO / "hand-hygiene.md"])
    version = desk.kb.version("hand-hygiene")
    assert version.status == APPROVED and version.approved_by == "admin"
    assert version.owner == "Infection Prevention Committee"
    assert desk.rows()[version.version_id] == (APPROVED, True)
    assert "approved" in w.ui.ingest_panel.rows()[0][2]

    assert w.ui.table.accessibleName() == "Documents" and w.ui.table.accessibleDescription()
    assert w.ui.ingest_panel.progress_bar.accessibleName() == "Ingest progress"
    assert w.ui.add_files_action.shortcut().toString() == "Ctrl+O"
    for action in (
        *w.ui.row_actions,
        w.ui.add_files_action,
        w.ui.add_folder_action,
        w.ui.refresh_action,
    ):
        assert action.toolTip() and action.shortcut().toString()
