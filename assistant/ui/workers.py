"""The one place that creates threads.

Two lanes: a single-thread lane for index writes (ingest, approve, retire, remove, reindex:
never two at once, so the store sees one writer), and a small pool for questions and other
reads. A job is a plain function, or a generator whose yielded values are progress; every
result, progress value and error comes back to the UI thread by Qt signal. Cancel takes
effect at the job's next yield (the generator is closed there, so its own clean-up runs).
Job bodies never touch widgets: they get plain objects and return plain objects.
"""

from __future__ import annotations

import inspect
import itertools
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    progress = Signal(object)
    finished = Signal(object)  # the return value (or the last yielded value for generators)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Job(QRunnable):
    """A unit of work. Keep a reference to `signals` while the job may still emit."""

    _ids = itertools.count(1)

    def __init__(self, name: str, fn: Callable[..., Any], *args: Any):
        super().__init__()
        self.setAutoDelete(False)  # the Python object owns it; Qt must not delete it under us
        self.id = next(self._ids)
        self.name = name
        self.signals = JobSignals()
        self._fn, self._args = fn, args
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _emit(self, signal_name: str, *args: Any) -> None:
        try:
            getattr(self.signals, signal_name).emit(*args)
        except RuntimeError:
            # The receiving window was closed and its signals object deleted: nobody is left
            # to tell, and the job's own work (and clean-up) is already done.
            self._cancel.set()

    def run(self) -> None:  # runs on a worker thread
        try:
            if self._cancel.is_set():
                self._emit("cancelled")
                return
            result = self._fn(*self._args)
            if inspect.isgenerator(result):
                result = self._drain(result)
                if result is _CANCELLED:
                    self._emit("cancelled")
                    return
            self._emit("finished", result)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI
            exc.ui_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit("failed", exc)
        finally:
            self.done.set()

    def _drain(self, generator) -> Any:
        last = None
        for value in generator:
            last = value
            self._emit("progress", value)
            if self._cancel.is_set():
                generator.close()  # raises GeneratorExit at the yield: the job cleans up
                return _CANCELLED
        return last


_CANCELLED = object()


class Workers(QObject):
    """Owns the thread pools. One instance per application (see `workers()`)."""

    def __init__(self, question_threads: int = 2, parent: QObject | None = None):
        super().__init__(parent)
        self._write_lane = QThreadPool(self)
        self._write_lane.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(question_threads)
        # Slow upkeep that must not queue behind an ingest (the BM25 rebuild after approval).
        self._maintenance = QThreadPool(self)
        self._maintenance.setMaxThreadCount(1)
        self._jobs: dict[int, Job] = {}

    def write(self, name: str, fn: Callable[..., Any], *args: Any, **callbacks: Any) -> Job:
        """Index writes, one at a time, in submission order. `callbacks`: see `_start`."""
        return self._start(self._write_lane, Job(name, fn, *args), **callbacks)

    def read(self, name: str, fn: Callable[..., Any], *args: Any, **callbacks: Any) -> Job:
        """Questions and other reads, a few at a time. `callbacks`: see `_start`."""
        return self._start(self._pool, Job(name, fn, *args), **callbacks)

    def background(self, fn: Callable[[], Any]) -> Job:
        """Upkeep for the Qt-free code (knowledge.lexical's BackgroundRunner), one at a time."""
        return self._start(self._maintenance, Job("maintenance", fn))

    def _start(
        self,
        pool: QThreadPool,
        job: Job,
        on_progress: Callable[[Any], Any] | None = None,
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
        on_cancel: Callable[[], Any] | None = None,
        prepare: Callable[[Job], Any] | None = None,
    ) -> Job:
        """Connect the caller's callbacks, then start: a job can never finish before its
        caller listens (Anki's TaskManager does the same). `prepare(job)` runs before the
        start too, for callers that keep the job (its id, its cancel)."""
        self._jobs[job.id] = job
        for signal, callback in (
            (job.signals.progress, on_progress),
            (job.signals.finished, on_done),
            (job.signals.failed, on_error),
            (job.signals.cancelled, on_cancel),
        ):
            if callback is not None:
                signal.connect(callback)
        for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            signal.connect(lambda *_, job_id=job.id: self._jobs.pop(job_id, None))
        if prepare is not None:
            prepare(job)
        pool.start(job)
        return job

    @property
    def active(self) -> list[Job]:
        return list(self._jobs.values())

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the threads (at application exit)."""
        for job in list(self._jobs.values()):
            job.cancel()
        ok = self._write_lane.waitForDone(timeout_ms)
        # A BM25 rebuild cut short leaves only a temporary folder; the next start redoes it.
        ok = self._maintenance.waitForDone(timeout_ms) and ok
        return self._pool.waitForDone(timeout_ms) and ok
