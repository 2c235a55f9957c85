"""Small helpers shared by test modules (import as `support`; conftest modules are not
importable by name reliably, since pytest loads several files called conftest)."""

from __future__ import annotations

import socket
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EventLoopWatch:
    """A 10 ms Qt timer on the UI thread; the gaps between its ticks are the UI's stalls.

    with EventLoopWatch() as watch:
        ...  # work that must not freeze the window
    assert len(watch.gaps) > 20  # it kept ticking (how far apart: a benchmark's question)
    """

    def __init__(self, interval_ms: int = 10):
        from PySide6.QtCore import QTimer  # only the Qt tests pay for the import

        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def __enter__(self) -> EventLoopWatch:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    @property
    def worst(self) -> float:
        return max(self.gaps, default=0.0)


def ingest_one(kb, path, approve=True):
    """Ingest one file; its version (approved unless `approve` is False)."""
    from knowledge.ingest import IngestOptions

    return [e.result for e in kb.ingest([path], IngestOptions(approve=approve)) if e.result][0]


def markdown_doc(tmp_path, name, paragraphs):
    """A Markdown file titled by its name, one paragraph (or section) per item."""
    path = tmp_path / name
    path.write_text("# " + name.split(".")[0] + "\n\n" + "\n\n".join(paragraphs))
    return path


def check_redaction(typed: str, gone: str | None) -> None:
    """The identifier `gone` is not in what would be sent; with None, `typed` is a look-alike
    and is sent exactly as typed."""
    from assistant.answering.phi import redact

    redaction = redact(typed)
    if gone is None:
        assert not redaction.changed, redaction.text
    else:
        assert gone not in redaction.text, redaction.text


def check_kept_beside_an_identifier(typed: str, kept: str) -> None:
    """`typed` carries an identifier, so something is redacted, but `kept` (a score, a
    measure, a code that names no one) is still sent."""
    from assistant.answering.phi import redact

    result = redact(typed)
    assert result.changed, "the question's identifier should have been found"
    assert kept in result.text
