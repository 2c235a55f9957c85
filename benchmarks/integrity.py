"""Hostile files: how fast, and in how much memory, each is refused (issue 14).

    .venv/bin/python benchmarks/integrity.py [--out benchmarks/results/integrity.md]

Each file is ingested by `clinassist ingest` in a fresh process with a fresh home, as an
admin would run it: wall time and the process's peak RSS (getrusage of the child) are
reported, with the reason the command printed. Targets: the ZIP bomb refused in 2 s or less
and 200 MB RSS or less; every file refused with a reason, the good file beside them added.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, machine, md_table, write_text  # noqa: E402

CLI = [sys.executable, "-m", "assistant"]
PASSPHRASE = "integrity-bench-passphrase"


def zip_bomb(path: Path, unpacked_mb: int = 420) -> Path:
    """A Word file whose document.xml unpacks to `unpacked_mb` MB (about 1 MB on disk)."""
    import docx

    base = path.with_suffix(".base.docx")
    made = docx.Document()
    made.add_paragraph("Wash hands for 20 seconds.")
    made.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                out.writestr(info, data)
                continue
            with out.open(info.filename, "w", force_zip64=True) as member:
                member.write(data)
                for _ in range(unpacked_mb):
                    member.write(b" " * (1 << 20))
    base.unlink()
    return path


def cases(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    one_line = folder / "one-line.md"
    one_line.write_text("# Dump\n\n" + "data " * 1_000_000 + "\n")  # 5 MB on one line
    good = folder / "good.md"
    good.write_text("# Hand hygiene\n\nRub hands for 20 to 30 seconds.\n")
    bomb = zip_bomb(folder / "bomb.docx")
    return {"ZIP bomb (420 MB of XML)": bomb, "5 MB on one line": one_line, "a good file": good}


def ingest_once(path: Path) -> tuple[float, float, dict]:
    """(seconds, peak RSS in MB, the file's result) for `clinassist ingest PATH --json`."""
    with tempfile.TemporaryDirectory() as home:
        env = os.environ | {"CLINASSIST_HOME": home, "HF_HUB_OFFLINE": "1"}
        typed = f"{PASSPHRASE}\n{PASSPHRASE}\n"  # an admin of the fresh home, before the clock
        subprocess.run(
            [*CLI, "admin", "passphrase"],
            env=env,
            input=typed,
            text=True,
            check=True,
            capture_output=True,
        )
        env |= {"CLINASSIST_ADMIN_PASSPHRASE": PASSPHRASE}
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run(
            [*CLI, "ingest", str(path), "--json"], env=env, capture_output=True, text=True
        )
        took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rows = json.loads(done.stdout or "[]")
    result = rows[0] if rows else {"status": f"exit {done.returncode}", "reason": done.stderr}
    # ru_maxrss of children is the largest child so far: run the small cases last.
    return took, max(peak, before) / 1024, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=REPO / "benchmarks" / "results" / "integrity.md"
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for label, path in cases(Path(scratch)).items():
            took, rss, result = ingest_once(path)
            rows.append([label, f"{path.stat().st_size / 1e6:.2f}", f"{took:.2f}", f"{rss:.0f}",
                         result.get("status", ""), result.get("reason", "")])  # fmt: skip
    bomb = rows[0]
    verdict = float(bomb[2]) <= 2.0 and float(bomb[3]) <= 200 and bomb[4] == "failed"
    text = "\n".join(
        [
            "# Hostile files",
            "",
            "Written by `benchmarks/integrity.py`: each file ingested by `clinassist ingest "
            "--json` in a fresh process and home (the whole command: Python start, imports, "
            "the check). Peak RSS is the largest child process so far. Target for the ZIP "
            "bomb: refused in 2 s or less and 200 MB RSS or less: "
            f"**{'met' if verdict else 'not met'}**.",
            "",
            md_table(
                ["file", "size on disk, MB", "wall, s", "peak RSS, MB", "result", "reason"],
                rows,
                "lrrrll",
            ),  # fmt: skip
            "",
            "## Machine",
            "",
            md_table(["", ""], list(machine().items())),
            "",
        ]
    )
    write_text(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
