"""Small helpers shared by the benchmark scripts: timing, memory, machine description, markdown.

Only the standard library and psutil (a project dependency); torch is described only when it
has already been imported, so describing the machine never pays for a torch import.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / "_work"  # git-ignored scratch space
RESULTS = REPO / "benchmarks" / "results"


# -- time ------------------------------------------------------------------------------------
class Timer:
    """`with Timer() as t: ...` then `t.seconds` (wall) and `t.cpu` (CPU of the whole process,
    all threads: less sensitive than wall time to other programs on a shared machine)."""

    def __init__(self) -> None:
        self.start = self.cpu_start = 0.0
        self.seconds = self.cpu = 0.0

    def __enter__(self) -> Timer:
        self.start, self.cpu_start = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start
        self.cpu = time.process_time() - self.cpu_start


class Accumulator:
    """Sums the wall and process-CPU time of calls by name; `wrap(name, fn)` times fn."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def add(self, name: str, seconds: float, cpu: float = 0.0) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu
        self.calls[name] = self.calls.get(name, 0) + 1

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            start, cpu_start = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - start, time.process_time() - cpu_start)

        timed.__wrapped__ = fn
        return timed

    def snapshot(self) -> dict[str, float]:
        return dict(self.seconds)

    @staticmethod
    def diff(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
        return {k: v - before.get(k, 0.0) for k, v in after.items()}


# -- memory ----------------------------------------------------------------------------------
def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def max_rss_mb() -> float:
    """Peak RSS of this process since it started (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class RssSampler:
    """Polls RSS in a background thread: the peak inside a window (ru_maxrss is process-wide)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-sampler")
        self._process = psutil.Process()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._process.memory_info().rss / 2**20)
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self.peak_mb = rss_mb()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, rss_mb())


# -- machine ---------------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, str]:
    info = {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "os": f"{platform.system()} {platform.release()}",
        "cpu": _cpu_model(),
        "logical cores": str(os.cpu_count()),
        "physical cores": str(psutil.cpu_count(logical=False)),
        "RAM": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "python": platform.python_version(),
    }
    if hasattr(os, "getloadavg"):
        info["load average (1/5/15 min) at start"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    torch = sys.modules.get("torch")
    if torch is not None:
        info["torch"] = torch.__version__
        info["torch threads (intra / inter-op)"] = (
            f"{torch.get_num_threads()} / {torch.get_num_interop_threads()}"
        )
    return info


# -- markdown --------------------------------------------------------------------------------
def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: str = "") -> str:
    """A GitHub markdown table; `align` is one letter per column (l/r/c), default left."""
    headers = [str(h) for h in headers]
    rows = [[_cell(v) for v in row] for row in rows]
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    sep = [marks.get(a, "---") for a in (align or "l" * len(headers)).ljust(len(headers), "l")]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        text = f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def machine_section(info: dict[str, str] | None = None) -> list[str]:
    """The closing "## Machine" section every results file ends with, as lines."""
    return ["## Machine", "", md_table(["", ""], list((info or machine()).items())), ""]


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
