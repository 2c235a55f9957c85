"""The worker module: one writer at a time, progress by signal, cancel at the next yield, and
the caller's callbacks connected before a job starts."""

from __future__ import annotations

import threading
import time

from assistant.ui.app import make_application
from assistant.ui.workers import Workers


def test_write_lane_runs_one_job_at_a_time_in_order(qtbot):
    make_application()
    workers = Workers()
    running, peak, order = [0], [0], []
    lock = threading.Lock()

    gate = threading.Event()

    def write(n):
        gate.wait(5)
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        order.append(n)
        with lock:
            running[0] -= 1
        return n

    jobs = [workers.write(f"w{n}", write, n) for n in range(4)]
    with qtbot.waitSignal(jobs[-1].signals.finished, timeout=5000):
        gate.set()
    assert peak[0] == 1 and order == [0, 1, 2, 3]
    assert workers.shutdown(2000)


def test_generator_progress_then_result_on_the_ui_thread(qtbot):
    make_application()
    workers = Workers()
    seen, threads = [], []
    gate = threading.Event()

    def count():
        gate.wait(5)
        yield from range(5)

    done = []
    job = workers.read(
        "count",
        count,
        on_progress=lambda v: (seen.append(v), threads.append(threading.get_ident())),
        on_done=done.append,
    )
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        gate.set()
    assert seen == [0, 1, 2, 3, 4] and blocker.args == [4] and done == [4]
    assert set(threads) == {threading.get_ident()}  # delivered on the UI thread


def test_cancel_stops_at_the_next_yield_and_runs_clean_up(qtbot):
    make_application()
    workers = Workers()
    cleaned, produced, gate = threading.Event(), [], threading.Event()

    def slow():
        gate.wait(5)
        try:
            for i in range(100):
                produced.append(i)
                yield i
                time.sleep(0.02)
        finally:
            cleaned.set()

    jobs = []
    job = workers.write("slow", slow, on_progress=lambda v: jobs[0].cancel() if v == 3 else None)
    jobs.append(job)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        gate.set()
    assert cleaned.wait(2) and len(produced) < 20


def test_failure_is_delivered_with_its_traceback(qtbot):
    make_application()
    workers = Workers()

    gate = threading.Event()

    def broken():
        gate.wait(5)
        raise ValueError("index is locked")

    job = workers.read("broken", broken)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        gate.set()
    error = blocker.args[0]
    assert isinstance(error, ValueError) and "broken" in error.ui_traceback


def test_background_lane_runs_knowledge_upkeep_off_the_ui_thread(qtbot, isolated_home):
    """The desktop app hands the maintenance lane to the knowledge base: a large BM25
    rebuild runs there, never on the UI thread, and knowledge/ starts no thread itself."""
    from assistant.core.session import Session
    from assistant.governance.settings import Settings

    make_application()
    workers = Workers()
    ran_on = []
    done = threading.Event()
    workers.background(lambda: (ran_on.append(threading.get_ident()), done.set()))
    # The knowledge base listens to no signal: it only needs the function run elsewhere.
    assert done.wait(5) and ran_on and ran_on[0] != threading.get_ident()

    session = Session(Settings(home=isolated_home))
    session.background = workers.background
    from knowledge.retrieval import Retriever

    assert Retriever(session.kb).lexical.background == workers.background
    assert workers.shutdown(5000)


def test_callbacks_are_connected_before_the_job_starts(qtbot):
    """A job that finishes at once still reaches every callback: nothing is connected after
    the start, so there is no race to lose (the gates the views once needed are gone)."""
    make_application()
    workers = Workers()
    heard, prepared = [], []
    for n in range(20):  # many instant jobs: any connect-after-start would drop some
        workers.read(
            f"instant {n}",
            lambda n=n: n,
            on_done=heard.append,
            prepare=lambda job: prepared.append(job.id),
        )
    failures = []
    workers.read("instant failure", lambda: 1 / 0, on_error=failures.append)
    qtbot.waitUntil(lambda: len(heard) == 20 and len(failures) == 1, timeout=5000)
    assert sorted(heard) == list(range(20)) and len(prepared) == 20
    assert isinstance(failures[0], ZeroDivisionError)
    assert workers.shutdown(2000)
