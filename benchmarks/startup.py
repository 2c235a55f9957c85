"""How long the app takes to be usable, measured as a clinician meets it (issue 15 targets).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 3]
        [--out benchmarks/results/startup.md]

Each figure is a whole fresh process on a home with the demo pack (made once, untimed):
- `clinassist --help`: the command line's own start;
- `clinassist ask` cold: process start to printed answer, model loading included;
- the window ready for a question: `clinassist app --screenshot` quits 0.8 s after the window
  says it is ready (model loaded, index read); that 0.8 s paint delay is taken off;
- first answer in the window: `clinassist app --ask Q --screenshot`, the same 0.8 s taken off;
- a second `scripts/run.sh` before its window: `scripts/setup.sh` (already current) then
  `clinassist demo` (already loaded): what run.sh does before it opens the app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, machine_section, md_table, write_text  # noqa: E402

CLI = [str(REPO / ".venv" / "bin" / "clinassist")]
QUESTION = "How long should I rub my hands with alcohol hand rub?"
PAINT_DELAY_S = 0.8  # app.py waits this long before the screenshot, to let the window paint
TARGETS = {
    "clinassist --help": None,
    "clinassist ask, cold": 3.0,
    "window ready for a question": 3.0,
    "first answer in the window": 3.0,
    "second run.sh, before its window": 3.0,
}


def timed(command: list[str], env: dict, minus: float = 0.0) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - started - minus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "startup.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        env = os.environ | {
            "CLINASSIST_HOME": str(home),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        subprocess.run([*CLI, "demo"], env=env, check=True, capture_output=True)
        # Bring the install up to date once, untimed: the row is a *second* launch.
        subprocess.run(["bash", "scripts/setup.sh"], cwd=REPO, check=True, capture_output=True)
        shot = str(Path(scratch) / "shot.png")
        commands = {
            "clinassist --help": ([*CLI, "--help"], 0.0),
            "clinassist ask, cold": ([*CLI, "ask", QUESTION], 0.0),
            "window ready for a question": ([*CLI, "app", "--screenshot", shot], PAINT_DELAY_S),
            "first answer in the window": (
                [*CLI, "app", "--ask", QUESTION, "--screenshot", shot],
                PAINT_DELAY_S,
            ),
            "second run.sh, before its window": (
                ["bash", "-c", f"bash scripts/setup.sh && {CLI[0]} demo"],
                0.0,
            ),
        }
        rows = []
        for label, (command, minus) in commands.items():
            times = [timed(command, env, minus) for _ in range(args.runs)]
            target = TARGETS[label]
            met = "–" if target is None else ("yes" if max(times) <= target else "no")
            rows.append(
                [
                    label,
                    args.runs,
                    f"{min(times):.2f}",
                    f"{statistics.median(times):.2f}",
                    f"{max(times):.2f}",
                    "–" if target is None else f"{target:.0f}",
                    met,
                ]
            )
    text = "\n".join(
        [
            "# Start-up",
            "",
            "Written by `benchmarks/startup.py`: whole fresh processes on a home with the demo "
            "pack (offline default; the bundled model through ONNX Runtime when "
            "scripts/export_onnx.py has made it, else through torch). Window-appearance time is "
            "not measured from outside the process; the window's own first paint is earlier "
            "than 'ready'.",
            "",
            md_table(
                ["what", "runs", "min, s", "median, s", "max, s", "target, s", "met"],
                rows,
                "lrrrrrl",
            ),
            "",
            *machine_section(),
        ]
    )
    write_text(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
