"""How long the app takes to be usable, how big its build is, how much memory it needs, and
whether the frozen build answers as the source does (issue 15 targets).

    .venv/bin/python benchmarks/startup.py [--runs 3] [--frozen dist/clinassist]
        [--out benchmarks/results/startup.md]

The frozen build is measured when `scripts/build.sh` has made it. Each timing is a whole fresh
process on a home with the demo pack (made once, untimed), for the venv's `clinassist` and
the frozen one in the same run:
- `--help`: the command line's own start;
- `ask` cold: process start to printed answer, model loading included;
- window appears: `clinassist app` on a virtual X screen (Xvfb); the time until X reports
  the main window mapped and viewable (`xwininfo`, polled every 10 ms); the app is then closed;
- window ready for a question: `app --screenshot` (offscreen) quits 0.8 s after the window
  says it is ready (model loaded, index read); that 0.8 s paint delay is taken off;
- first answer in the window: `app --ask Q --screenshot`, the same 0.8 s taken off;
- a second `scripts/run.sh` before its window (venv only): `scripts/setup.sh` (current) then
  `clinassist demo` (already loaded).
Memory: peak RSS (the kernel's count for the process, via wait4) of `ask --jsonl` over 20
gold questions, and of `app --ask --screenshot`, on a copy of the 10k-chunk home that
benchmarks/latency.py builds (benchmarks/_work/latency-10k). Parity: every corpus gold question
(tests/data/corpus_gold.jsonl) asked with `ask --jsonl --json` by both, on one copy of
benchmarks/answering.py's corpus home; same outcome, same citations (document, version,
chunk, pages) and the same text count as identical. Needs Xvfb and xwininfo (x11-utils).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine_section, md_table, write_text  # noqa: E402

VENV_CLI = str(REPO / ".venv" / "bin" / "clinassist")
QUESTION = "How long should I rub my hands with alcohol hand rub?"
WINDOW_TITLE = "Clinical Knowledge Assistant"
PAINT_DELAY_S = 0.8  # app.py waits this long before the screenshot, to let the window paint
TARGETS = {
    "--help": None,
    "ask, cold": 3.0,
    "window appears": 1.0,
    "window ready for a question": 3.0,
    "first answer in the window": 3.0,
    "second run.sh, before its window": 3.0,
}
SIZE_BUDGETS_MB = {"one-folder build": 500, ".deb": 250, ".tar.gz": None}
RSS_BUDGET_MB = 600
CORPUS_GOLD = REPO / "tests" / "data" / "corpus_gold.jsonl"


def timed(command: list[str], env: dict, minus: float = 0.0) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - started - minus


def window_appears(cli: str, env: dict, display: str) -> float:
    """Seconds from launch until X says the main window is viewable."""
    x_env = env | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        app = subprocess.Popen([cli, "app"], env=x_env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            while time.perf_counter() - started < 30:
                probe = subprocess.run(
                    ["xwininfo", "-display", display, "-name", WINDOW_TITLE],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if probe.returncode == 0 and "IsViewable" in probe.stdout:
                    return time.perf_counter() - started
                if app.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode(errors="replace")[-1500:]
                    raise RuntimeError(f"{cli} app exited before its window appeared:\n{said}")
                time.sleep(0.01)
            raise RuntimeError("the window did not appear within 30 s")
        finally:
            app.terminate()
            app.wait(timeout=30)


def peak_rss_mb(command: list[str], env: dict) -> float:
    """Peak resident memory of one process, as the kernel counted it (wait4's ru_maxrss)."""
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[:3]} exited {proc.returncode}")
    return usage.ru_maxrss / 1024


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A virtual screen on a display number Xvfb picks itself (-displayfd): a fixed number
    can meet a server left running by another program, and then measure that one."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-noreset",
            "-screen",
            "0",
            "1400x900x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    reader = os.fdopen(read_end)
    number = reader.readline().strip()
    server.displayfd = reader  # kept open while it runs: a write to a closed pipe would end it
    if not number.isdigit():
        server.terminate()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def summary_row(label: str, build: str, times: list[float]) -> list:
    target = TARGETS[label]
    met = "–" if target is None else ("yes" if max(times) <= target else "no")
    return [
        label,
        build,
        len(times),
        f"{min(times):.2f}",
        f"{statistics.median(times):.2f}",
        f"{max(times):.2f}",
        "–" if target is None else f"{target:g}",
        met,
    ]


def timing_rows(builds: dict[str, str], env: dict, scratch: Path, runs: int) -> list[list]:
    shot = str(scratch / "shot.png")
    server, display = start_xvfb()
    rows = []
    try:
        for label in TARGETS:
            for build, cli in builds.items():
                if label == "second run.sh, before its window":
                    if build != "venv":
                        continue
                    command = ["bash", "-c", f"bash scripts/setup.sh && {cli} demo"]
                    times = [timed(command, env) for _ in range(runs)]
                elif label == "window appears":
                    times = [window_appears(cli, env, display) for _ in range(runs)]
                else:
                    command, minus = {
                        "--help": ([cli, "--help"], 0.0),
                        "ask, cold": ([cli, "ask", QUESTION], 0.0),
                        "window ready for a question": (
                            [cli, "app", "--screenshot", shot],
                            PAINT_DELAY_S,
                        ),
                        "first answer in the window": (
                            [cli, "app", "--ask", QUESTION, "--screenshot", shot],
                            PAINT_DELAY_S,
                        ),
                    }[label]
                    times = [timed(command, env, minus) for _ in range(runs)]
                rows.append(summary_row(label, build, times))
    finally:
        server.terminate()
    return rows


def memory_rows(builds: dict[str, str], env: dict, scratch: Path) -> list[list]:
    source = WORK / "latency-10k"
    if not (source / "complete.json").is_file():
        return [["(no 10k-chunk home: run benchmarks/latency.py --sizes 10000)", "", "", "", ""]]
    questions = scratch / "questions.jsonl"
    with CORPUS_GOLD.open(encoding="utf-8") as gold:
        lines = [json.loads(line) for line in gold if line.strip()][:20]
    questions.write_text(
        "".join(json.dumps({"id": q["id"], "question": q["question"]}) + "\n" for q in lines),
        encoding="utf-8",
    )
    rows = []
    for build, cli in builds.items():
        home = scratch / f"rss-{build}"
        shutil.copytree(source, home)
        chunks = json.loads((source / "complete.json").read_text()).get("size", 10000)
        home_env = env | {"CLINASSIST_HOME": str(home)}
        ask = peak_rss_mb([cli, "ask", "--jsonl", str(questions), "--json"], home_env)
        window = peak_rss_mb(
            [cli, "app", "--ask", QUESTION, "--screenshot", str(scratch / "rss.png")], home_env
        )
        for what, value in (("ask, 20 questions", ask), ("window, one answer", window)):
            rows.append(
                [
                    what,
                    build,
                    f"{chunks:,}",
                    f"{value:.0f}",
                    RSS_BUDGET_MB,
                    "yes" if value <= RSS_BUDGET_MB else "no",
                ]
            )
        shutil.rmtree(home)
    return rows


def answers(cli: str, home: Path, env: dict) -> dict[str, dict]:
    out = subprocess.run(
        [cli, "ask", "--jsonl", str(CORPUS_GOLD), "--json"],
        env=env | {"CLINASSIST_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def what_it_shows(answer: dict) -> tuple:
    cited = tuple(
        (c["doc_id"], c["version_id"], c["chunk_id"], c["page_start"], c["page_end"])
        for c in answer.get("citations", [])
    )
    return (answer.get("outcome"), cited, answer.get("text"))


def parity_rows(builds: dict[str, str], env: dict, scratch: Path) -> list[list]:
    source = WORK / "answering-home"
    if "frozen" not in builds or not source.is_dir():
        return [["(needs the frozen build and benchmarks/answering.py's home)", "", "", ""]]
    home = scratch / "parity-home"
    shutil.copytree(source, home)
    venv = answers(builds["venv"], home, env)
    frozen = answers(builds["frozen"], home, env)
    same = [qid for qid in venv if what_it_shows(venv[qid]) == what_it_shows(frozen.get(qid, {}))]
    answered = sum(1 for a in venv.values() if a.get("outcome") == "answered")
    return [["corpus gold questions", len(venv), answered, f"{len(same)} of {len(venv)}"]]


def size_rows(frozen: Path | None) -> list[list]:
    if frozen is None:
        return []
    dist = frozen.parent
    found = {
        "one-folder build": frozen,
        ".tar.gz": next(iter(sorted(dist.glob("clinassist-*-linux-*.tar.gz"))), None),
        ".deb": next(iter(sorted(dist.glob("clinassist_*.deb"))), None),
    }
    rows = []
    for what, path in found.items():
        if path is None:
            continue
        size = subprocess.run(
            ["du", "-sm", str(path)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
        budget = SIZE_BUDGETS_MB[what]
        met = "–" if budget is None else ("yes" if int(size) <= budget else "no")
        rows.append([what, path.name, size, "–" if budget is None else budget, met])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--frozen", type=Path, default=REPO / "dist" / "clinassist")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "startup.md")
    args = parser.parse_args()
    frozen = args.frozen if (args.frozen / "clinassist").is_file() else None
    builds = {"venv": VENV_CLI} | ({"frozen": str(frozen / "clinassist")} if frozen else {})
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        env = os.environ | {
            "CLINASSIST_HOME": str(scratch / "home"),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        subprocess.run([VENV_CLI, "demo"], env=env, check=True, capture_output=True)
        # Bring the install up to date once, untimed: the run.sh row is a *second* launch.
        subprocess.run(["bash", "scripts/setup.sh"], cwd=REPO, check=True, capture_output=True)
        timings = timing_rows(builds, env, scratch, args.runs)
        memory = memory_rows(builds, env, scratch)
        parity = parity_rows(builds, env, scratch)
    sizes = size_rows(frozen)
    text = "\n".join(
        [
            "# Start-up, build size, memory and frozen parity",
            "",
            "Written by `benchmarks/startup.py` (its docstring says how each figure is taken): "
            "whole fresh processes, offline default, the bundled model through ONNX Runtime. "
            "`venv` is `.venv/bin/clinassist` from the source tree; `frozen` is the one-folder "
            "build `scripts/build.sh` makes (no Python, no torch), measured in the same run.",
            "",
            "## Start-up",
            "",
            md_table(
                ["what", "build", "runs", "min, s", "median, s", "max, s", "target, s", "met"],
                timings,
                "llrrrrrl",
            ),
            "",
            "## Memory with the model loaded and 10,000 chunks",
            "",
            md_table(
                ["what", "build", "chunks", "peak RSS, MB", "budget, MB", "met"], memory, "llrrrl"
            ),
            "",
            "## The frozen build answers as the source does",
            "",
            md_table(
                ["questions", "asked", "answered", "same outcome, citations and text"],
                parity,
                "lrrr",
            ),
            "",
            "## Build size",
            "",
            md_table(["what", "file", "MB", "budget, MB", "met"], sizes, "llrrl")
            if sizes
            else "(no frozen build found: run scripts/build.sh)",
            "",
            *machine_section(),
        ]
    )
    write_text(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
