"""The application's state as a plain object: what the desktop window is a view of.

It owns the settings and, created lazily and once, the knowledge base and the answering
engine. `warm_up` is the slow part (importing torch and loading the model, opening the
store); the UI runs it on a worker after the window is shown and shows its progress lines.
Nothing here imports Qt.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.governance.settings import Settings, load_settings

_frozen = threading.Event()


def _freeze_what_lives_long() -> None:
    """What the warm-up loaded (word lists, model, indexes) lives as long as the process: a
    full garbage collection walking it paused one identifier check for 17 ms
    (benchmarks/results/phi.md). Collected, then frozen, it is never walked again. Once per
    process: a second session's objects (a test's, a reopened window's) stay collectable."""
    if _frozen.is_set():
        return
    _frozen.set()
    gc.collect()
    gc.freeze()


@dataclass(slots=True)
class Status:
    """What the status bar shows."""

    provider: str
    offline: bool
    documents: int = 0
    chunks: int = 0
    ready: bool = False
    message: str = ""


class Session:
    def __init__(self, settings: Settings | None = None, kb=None, engine=None):
        self.settings = settings or load_settings()
        self._kb = kb
        self._engine = engine
        self._lock = threading.RLock()
        # Set by the desktop app before the knowledge base is built: runs slow upkeep (BM25
        # rebuilds) on its worker module's maintenance lane. None: upkeep runs in line.
        self.background = None
        self.ready = threading.Event()
        if kb is not None and engine is not None:
            self.ready.set()

    @property
    def kb(self):
        with self._lock:
            if self._kb is None:
                from assistant.core.services import build_knowledge_base

                self._kb = build_knowledge_base(self.settings, background=self.background)
            return self._kb

    def use_scratch_conversations(self) -> None:
        """Keep this run's conversations in a temporary folder, deleted at exit: a scripted
        run (`clinassist app --screenshot`) leaves no conversation in the user's list."""
        import atexit
        import shutil
        import tempfile
        from pathlib import Path

        from assistant.conversations.store import ConversationStore

        folder = Path(tempfile.mkdtemp(prefix="clinassist-scratch-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        with self._lock:
            self._conversations = ConversationStore(folder / "conversations.sqlite3")

    @property
    def conversations(self):
        """The local conversation and feedback store (SQLite in the home)."""
        with self._lock:
            if getattr(self, "_conversations", None) is None:
                from assistant.conversations.store import ConversationStore

                self.settings.home.mkdir(parents=True, exist_ok=True)
                self._conversations = ConversationStore(
                    self.settings.home / "conversations.sqlite3"
                )
                if not self.settings.privacy.keep_typed_questions:
                    # Questions an older version (or an earlier site setting) kept as typed
                    # are redacted now: nothing lingers.
                    self._conversations.redact_typed_questions()
            return self._conversations

    @property
    def engine(self):
        with self._lock:
            if self._engine is None:
                from assistant.core.services import build_engine

                self._engine = build_engine(self.settings, self.kb)
            return self._engine

    def reload_settings(self, settings: Settings) -> None:
        """After the settings dialog: a new provider means a new engine (same knowledge base)."""
        with self._lock:
            store_changed = settings.store.url != self.settings.store.url
            self.settings = settings
            self._engine = None
            if store_changed:
                self._kb = None

    def warm_up(self) -> Iterator[str]:
        """Load everything heavy, yielding a line per step. Safe to call more than once."""
        yield "Loading knowledge base…"
        kb = self.kb
        kb.versions()  # opens the store (a local folder or the shared server)
        yield "Loading the embedding model…"
        load = getattr(kb.embedder, "load", None)
        if load is not None:
            load()
        yield "Preparing search…"
        engine = self.engine
        engine.retriever.refresh()
        # Reads the abbreviation senses and the name list once, so the first question does not.
        engine.retriever.expand("warm up")
        from assistant.answering import phi

        phi.warm_up()
        _freeze_what_lives_long()
        prepare = getattr(engine.chat, "prepare", None)
        if prepare is not None:
            yield "Connecting to the language model…"
            prepare()
        self.ready.set()
        yield "Ready"

    def example_questions(self, limit: int = 3) -> list[str]:
        """Three questions drawn from the live documents' sections, for the empty chat's
        welcome (assistant/core/welcome.py). Reads every live chunk's section once: call it off the
        UI thread."""
        from assistant.core.welcome import example_questions

        sections: dict[str, list[str]] = {}
        for version in self.kb.live_versions():
            chunks = self.kb.chunks_of(version.version_id)
            sections[version.title] = [c.metadata.get("section", "") for c in chunks]
        return example_questions(sections, limit)

    def status(self) -> Status:
        provider = self.settings.llm.provider
        status = Status(provider=provider, offline=provider == "offline", ready=self.ready.is_set())
        if status.ready:
            status.documents = len(self.kb.live_versions())
            status.chunks = self.kb.chunk_count()
        return status

    def answer(self, question: str, previous: str = ""):
        """A generator of AnswerEvents; waits for warm-up, so a question typed early is kept."""
        self.ready.wait()
        yield from self.engine.stream(question, previous)

    def make_handout(self, request, conversation_id=None, exchange_id=None):
        """A patient handout from the approved documents (assistant/core/handouts.py), audited
        and kept with its conversation; waits for warm-up like a question. Returns the handout
        and its id in the conversation store."""
        from assistant.core.handouts import make_handout

        self.ready.wait()
        return make_handout(self.engine, request, self.conversations, conversation_id, exchange_id)

    def mark_handout(self, handout_id: int, use: str, comment: str = "") -> None:
        """The clinician's word on a handout: "used" with a patient, or "edited"."""
        self.conversations.mark_handout(handout_id, use, comment)

    def previous_subject(self, conversation_id: int) -> str:
        """What was searched for the conversation's last question ("" in a new chat): a
        follow-up leans on it."""
        from assistant.answering.engine import searched_text

        exchanges = self.conversations.exchanges(conversation_id)
        return searched_text(exchanges[-1].answer()) if exchanges else ""

    def answer_and_save(self, conversation_id: int, question: str):
        """Like `answer` (following on from the conversation's previous question), and the
        finished exchange is saved before "done" is passed on (on the caller's thread: a disk
        write does not belong on the UI thread)."""
        from assistant.answering.answer import coalesce_deltas

        previous = self.previous_subject(conversation_id)
        for event in coalesce_deltas(self.answer(question, previous)):  # ~20 a second
            if event.kind == "done":
                keep_typed = self.settings.privacy.keep_typed_questions
                self.conversations.add_exchange(
                    conversation_id, question, event.answer, keep_typed=keep_typed
                )
            yield event
