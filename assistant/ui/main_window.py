"""The clinician's window: conversations, chat, sources and the source viewer.

The window is a view of the Session (settings, knowledge base, engine) and the conversation
store; all slow work goes through the Workers lanes and comes back by signal.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from assistant import __version__
from assistant.core.chat_html import (
    LATEST,
    answer_plain_text,
    conversation_html,
    welcome_html,
)
from assistant.core.session import Session
from assistant.governance.audit import AuditError
from assistant.ui.chat_widgets import ChatView, QuestionBox, SourcesPanel
from assistant.ui.viewer import SourceViewer
from assistant.ui.workers import Workers


class MainWindow(QMainWindow):
    answer_finished = Signal(object)  # the Answer, once shown and saved
    answer_failed = Signal(object)  # the exception; no answer was shown
    ready = Signal()

    def __init__(self, session: Session, workers: Workers):
        super().__init__()
        self.session = session
        self.workers = workers
        self.conversation_id: int | None = None
        self._answer_job = None
        self.examples: list[str] = []  # the welcome's example questions, once read
        self.last_error = ""
        self.setWindowTitle("Clinical Knowledge Assistant")
        self.resize(QSize(1280, 800))
        self._build()
        self._menus()
        self.refresh_conversations()
        self.chat.show_conversation(welcome_html([]))

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText="Search conversations")
        self.search.setAccessibleName("Search conversations")
        self.search.textChanged.connect(self.refresh_conversations)
        self.conversations = QListWidget()
        self.conversations.setAccessibleName("Conversations")
        # One line each, long titles shortened in the middle: questions on one subject
        # start alike and differ at the end.
        self.conversations.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.conversations.setWordWrap(False)
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversations.itemSelectionChanged.connect(self._conversation_selected)
        new = QPushButton("New chat")
        new.setAccessibleName("New chat")
        new.clicked.connect(self.new_conversation)
        left = _column(self.search, self.conversations, new)

        self.chat = ChatView()
        self.chat.link_activated.connect(self._link)
        self.question = QuestionBox()
        self.question.submitted.connect(self.ask)
        send = QPushButton("Ask")
        send.setAccessibleName("Send question")
        send.clicked.connect(self.question.send)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.question, 1)
        row_layout.addWidget(send)
        centre = _column(self.chat, row, stretch=0)

        self.sources = SourcesPanel()
        self.viewer = SourceViewer(workers=self.workers)
        self.sources.citation_chosen.connect(self._show_citation)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(_column(QLabel("<b>Sources</b>"), self.sources))
        right.addWidget(self.viewer)
        right.setSizes([220, 580])

        split = QSplitter()
        for widget in (left, centre, right):
            split.addWidget(widget)
        split.setSizes([220, 560, 500])
        self.setCentralWidget(split)

        self.status_label = QLabel("Starting…")
        self.provider_label = QLabel()
        self.index_label = QLabel()
        bar = QStatusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.index_label)
        bar.addPermanentWidget(self.provider_label)
        self.setStatusBar(bar)
        self.update_status()

    def _menus(self) -> None:
        def action(menu, text, slot, shortcut=None):
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            self.addAction(act)  # shortcuts work even with the menu bar hidden
            return act

        file_menu = self.menuBar().addMenu("&File")
        action(file_menu, "&New chat", self.new_conversation, "Ctrl+N")
        action(file_menu, "Export conversation as &Markdown…", self.export_markdown)
        action(file_menu, "Export conversation as &PDF…", self.export_pdf)
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.quit_app, "Ctrl+Q")
        edit = self.menuBar().addMenu("&Edit")
        action(edit, "&Find conversation", self.search.setFocus, "Ctrl+F")
        action(edit, "Focus &question", self.question.setFocus, "Ctrl+L")
        action(edit, "&Rename conversation…", self.rename_conversation, "F2")
        action(edit, "&Delete conversation", self.delete_conversation)
        tools = self.menuBar().addMenu("&Tools")
        self.settings_action = action(tools, "&Settings…", self.open_settings, "Ctrl+,")
        self.admin_action = action(tools, "&Admin desk…", self.open_admin)
        action(tools, "&Patient handout…", lambda: self.open_handout(None))
        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About clinassist…", self.show_about)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from assistant.core.credits import credits_text

        box = QMessageBox(QMessageBox.Icon.Information, "About clinassist", "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"clinassist {__version__}: answers from your hospital's approved documents only."
        )
        box.setInformativeText(credits_text())
        self._about = box  # kept for tests; shown without blocking
        box.open()

    # -- start-up -------------------------------------------------------------------------------
    def start(self) -> None:
        """Called once the window is visible: load the heavy parts in the background."""
        self._warm_job = self.workers.read(
            "warm-up",
            self.session.warm_up,
            on_progress=self.status_label.setText,
            on_done=lambda _: self._warmed_up(),
            on_error=lambda exc: self.status_label.setText(
                f"Could not load the knowledge base: {exc}"
            ),
        )

    def _warmed_up(self) -> None:
        self.update_status()
        self.status_label.setText("Ready")
        self._examples_job = self.workers.read(
            "examples", self.session.example_questions, on_done=self._examples_read
        )
        self.ready.emit()

    def _examples_read(self, examples: list[str]) -> None:
        self.examples = list(examples)
        if self.conversation_id is None and self._answer_job is None:
            self.chat.show_conversation(welcome_html(self.examples))

    def update_status(self) -> None:
        status = self.session.status()
        provider = "Offline (answers quoted from documents)" if status.offline else status.provider
        self.provider_label.setText(("● " if not status.offline else "○ ") + provider)
        self.provider_label.setAccessibleName(f"Provider: {provider}")
        if status.ready:
            self.index_label.setText(f"{status.documents} documents · {status.chunks} passages")

    # -- conversations --------------------------------------------------------------------------
    @property
    def store(self):
        return self.session.conversations

    def refresh_conversations(self) -> None:
        self.conversations.blockSignals(True)
        self.conversations.clear()
        for conv in self.store.list(self.search.text()):
            item = QListWidgetItem(conv.title)
            item.setToolTip(conv.title)
            item.setData(Qt.ItemDataRole.UserRole, conv.id)
            self.conversations.addItem(item)
            if conv.id == self.conversation_id:
                item.setSelected(True)
        self.conversations.blockSignals(False)

    def _conversation_selected(self) -> None:
        items = self.conversations.selectedItems()
        if items:
            self.open_conversation(items[0].data(Qt.ItemDataRole.UserRole))

    def open_conversation(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.render_conversation()
        exchanges = self.store.exchanges(conversation_id)
        self.show_sources(exchanges[-1].answer().citations if exchanges else [])

    def show_sources(self, citations) -> None:
        """The latest answer's sources; the viewer never keeps an earlier answer's citation
        on screen (after a refusal it is cleared)."""
        self.sources.show_citations(citations)
        self.viewer.set_citations([])

    def new_conversation(self) -> None:
        self.conversation_id = None
        self.chat.show_conversation(welcome_html(self.examples))
        self.show_sources([])
        self.conversations.clearSelection()
        self.question.setFocus()

    def rename_conversation(self) -> None:
        if self.conversation_id is None:
            return
        title, ok = QInputDialog.getText(
            self, "Rename conversation", "Title:", text=self.store.get(self.conversation_id).title
        )
        if ok and title.strip():
            self.store.rename(self.conversation_id, title.strip())
            self.refresh_conversations()

    def delete_conversation(self) -> None:
        if self.conversation_id is None:
            return
        self.store.delete(self.conversation_id)
        self.new_conversation()
        self.refresh_conversations()

    def render_conversation(self) -> None:
        self.chat.show_conversation(conversation_html(self._items()), anchor=LATEST)

    def _items(self):
        if self.conversation_id is None:
            return []
        items = []
        for ex in self.store.exchanges(self.conversation_id):
            feedback = self.store.feedback_for(ex.id)
            items.append((ex.question, ex.answer(), ex.id, feedback.rating if feedback else None))
        return items

    # -- asking ---------------------------------------------------------------------------------
    def ask(self, question: str) -> None:
        if self._answer_job is not None:
            return  # one question at a time per window
        if self.conversation_id is None:
            self.conversation_id = self.store.create().id
        # One line, replaced (not added to) by the answer's own status lines.
        waiting = (
            "Searching approved documents…"
            if self.session.ready.is_set()
            else "Waiting for the knowledge base to finish loading; your question is kept…"
        )
        before = conversation_html(self._items())
        self.chat.begin_stream(
            before.replace("</body>", f'<hr/><p class="q">{_esc(question)}</p></body>'), waiting
        )
        self.question.setReadOnly(True)
        conversation_id = self.conversation_id
        self._answer_job = self.workers.read(
            "answer",
            lambda: self.session.answer_and_save(conversation_id, question),
            on_progress=self._answer_event,
            on_done=lambda event: self._answered(question, event),
            on_error=lambda exc: self._answer_failed(question, exc),
        )

    def _answer_event(self, event) -> None:
        if event.kind == "status":
            self.status_label.setText(event.text)
        elif event.kind == "delta":
            self.chat.stream(event.text)

    def _answered(self, question: str, event) -> None:
        self._answer_job = None
        self.question.setReadOnly(False)
        answer = event.answer  # already saved by the job
        self.render_conversation()
        self.show_sources(answer.citations)
        self.refresh_conversations()
        self.status_label.setText("Ready")
        self.answer_finished.emit(answer)

    def _answer_failed(self, question: str, exc: BaseException) -> None:
        """No answer is shown: the conversation is redrawn from what was saved (which drops
        any text streamed so far), the question goes back in the box, and the reason is said
        in the chat, the status bar and a message box."""
        self._answer_job = None
        self.question.setReadOnly(False)
        if not self.question.toPlainText().strip():
            self.question.setPlainText(question)
        self.render_conversation()
        title, text = failure_message(exc)
        self.last_error = text
        self.chat.append_status(f"<b>{_esc(title)}.</b> {_esc(text)}")
        self.status_label.setText(title)
        ok = QMessageBox.StandardButton.Ok
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, ok, self)
        box.setAccessibleName(title)
        box.setAccessibleDescription(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, does not block the event loop
        self.answer_failed.emit(exc)

    # -- links in the chat ----------------------------------------------------------------------
    def _link(self, target: str) -> None:
        kind, _, rest = target.partition(":")
        if kind == "cite":
            self.sources.choose(int(rest))
        elif kind == "feedback":
            rating, _, exchange_id = rest.partition(":")
            self.give_feedback(int(exchange_id), rating)
        elif kind == "copy":
            self.copy_answer(int(rest))
        elif kind == "handout" and rest.isdigit():
            self.open_handout(int(rest))
        elif kind == "closest":
            self.show_closest(*rest.split(":"))
        elif kind == "example" and rest.isdigit() and int(rest) < len(self.examples):
            self.ask(self.examples[int(rest)])

    def show_closest(self, exchange_id: str, index: str) -> None:
        """A refusal's closest document, opened in the viewer at its closest passage."""
        if not exchange_id.isdigit() or not index.isdigit():
            return
        closest = self._exchange(int(exchange_id)).answer().closest
        if int(index) < len(closest):
            self.viewer.set_citations([closest[int(index)].citation()])

    def _exchange(self, exchange_id: int):
        return next(ex for ex in self.store.exchanges(self.conversation_id) if ex.id == exchange_id)

    def _show_citation(self, number: int) -> None:
        self.viewer.set_citations(self.sources.citations, number - 1)

    def give_feedback(self, exchange_id: int, rating: str, comment: str | None = None) -> None:
        if comment is None:
            prompt = (
                "What was wrong or missing? (optional)"
                if rating == "down"
                else "Anything to add? (optional)"
            )
            comment, ok = QInputDialog.getMultiLineText(self, "Feedback", prompt)
            if not ok:
                return
        self.store.set_feedback(exchange_id, rating, comment)
        self.render_conversation()
        self.status_label.setText("Thank you: feedback saved")

    def copy_answer(self, exchange_id: int) -> None:
        ex = self._exchange(exchange_id)
        QApplication.clipboard().setText(answer_plain_text(ex.question, ex.answer()))
        self.status_label.setText("Answer and sources copied")

    # -- dialogs (imported lazily: they are rarely opened) --------------------------------------
    def open_handout(self, exchange_id: int | None) -> None:
        """The handout window, its topic taken from the answer's question as it was searched
        (identifiers already removed)."""
        from assistant.ui.handout_dialog import HandoutDialog

        topic = ""
        if exchange_id is not None:
            answer = self._exchange(exchange_id).answer()
            topic = answer.searched_for or answer.sent_question
        self._handout = HandoutDialog(  # kept for tests
            self.session, self.workers, topic, self, self.conversation_id, exchange_id
        )
        self._handout.open()

    def open_settings(self) -> None:
        from assistant.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self.workers, self)
        if dialog.exec():
            self.update_status()

    def open_admin(self) -> None:
        from assistant.ui.admin_gate import open_admin_desk

        open_admin_desk(self)

    def export_markdown(self) -> None:
        from assistant.ui.exporting import export_markdown

        export_markdown(self)

    def export_pdf(self) -> None:
        from assistant.ui.exporting import export_pdf

        export_pdf(self)

    def quit_app(self) -> None:
        """File → Quit: every window closes (the admin desk too) and the process ends."""
        admin = getattr(self, "_admin_window", None)
        if admin is not None:
            admin.close()
        self.close()
        QApplication.quit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.workers.shutdown(timeout_ms=3000)
        super().closeEvent(event)


def failure_message(exc: BaseException) -> tuple[str, str]:
    """Title and text for a question that got no answer."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, AuditError):
        return (
            "Answer withheld",
            "The answer is not shown because the audit log could not record it "
            f"({detail}). Please tell your IT team; `clinassist audit verify` checks the log.",
        )
    return "Could not answer", detail


def _column(*widgets: QWidget, stretch: int | None = None) -> QWidget:
    """Widgets stacked vertically; with `stretch`, the first takes all spare height."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if (stretch is not None and i == 0) else 0)
    return box


def _esc(text: str) -> str:
    import html

    return html.escape(text)
