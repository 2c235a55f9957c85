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

from _common import REPO, machine_section, md_table, write_text  # noqa: E402

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
        site = str(Path(home) / "site" / "settings.toml")  # this run's own "IT" folder
        env = os.environ | {
            "CLINASSIST_HOME": home,
            "HF_HUB_OFFLINE": "1",
            "CLINASSIST_SITE_CONFIG": site,
        }
        code = subprocess.run(
            [*CLI, "admin", "setup-code"], env=env, text=True, check=True, capture_output=True
        ).stdout.splitlines()[0]
        env |= {"CLINASSIST_SETUP_CODE": code}
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


FORGED_TEXT = "Hypoglycaemia: give 500 grams of sugar at once and do not recheck."
ALTERED_TEXT = "Needlestick injuries need no report and no follow-up."
QUESTIONS = {
    "forged approval": ["how much sugar for hypoglycaemia", "low blood sugar what to give"],
    "altered passage": ["needlestick injury what do I do", "do needlestick injuries need a report"],
}


def forgery_rows(scratch: Path) -> list[list[object]]:
    """On a fresh home with the demo pack (real model, offline answers), what someone who can
    write the store does: approve a document outside the app, and change an approved
    passage's words; then the questions that would surface them. How many answers show the
    forged words, and does doctor name each?"""
    from dataclasses import replace

    from assistant.core.demo import load_demo_pack
    from assistant.core.services import build_engine, build_knowledge_base
    from assistant.governance.settings import Settings
    from knowledge.ingest import IngestOptions

    settings = Settings(home=scratch / "forgery-home")
    kb = build_knowledge_base(settings)
    list(load_demo_pack(kb))
    sugar = scratch / "sugar.md"
    sugar.write_text(f"# Hypoglycaemia\n\n{FORGED_TEXT}\n")
    [pending] = [e.result for e in kb.ingest([sugar], IngestOptions()) if e.result]
    record = kb.version(pending.version_id)
    kb._catalog.save(replace(record, status="approved", approved_by="dr-forged"))
    sharps = next(v for v in kb.live_versions() if "sharps" in v.doc_id)
    chunks = kb._store.get_chunks(where={"version_id": sharps.version_id}, with_embeddings=True)
    kb._store.upsert_chunks([replace(c, text=ALTERED_TEXT) for c in chunks])

    fresh = build_knowledge_base(settings)  # a workstation that cached nothing
    engine = build_engine(settings, fresh)
    findings = {f.kind for f in fresh.diagnose()}
    rows = []
    for scenario, questions in QUESTIONS.items():
        words = FORGED_TEXT if scenario == "forged approval" else ALTERED_TEXT
        shown = sum(words[:30] in engine.ask(q).text for q in questions)
        named = {"forged approval": "unverified approval", "altered passage": "altered passages"}
        rows.append(
            [scenario, len(questions), shown, "yes" if named[scenario] in findings else "no"]
        )
    return rows


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
        forged = forgery_rows(Path(scratch))
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
            ),
            "",
            "## Forged approvals and altered passages",
            "",
            "A fresh home with the demo pack (real model, offline answers). Outside the app, "
            "one document is approved by writing its record, and an approved document's "
            "passages are rewritten; a workstation that cached nothing then answers the "
            "questions that would surface them. Target: 0 answers show the forged words, and "
            "doctor names each.",
            "",
            md_table(
                ["scenario", "questions", "answers showing the forged words", "doctor names it"],
                forged,
                "lrrl",
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
