"""Smoke-test the frozen app the way a fresh workstation runs it (issue 15, part 5).

Runs dist/clinassist/clinassist (or the folder given) with an environment that cannot see the
build's virtualenv: PATH only /usr/bin:/bin, no PYTHONPATH or VIRTUAL_ENV, a fresh HOME, no
CLINASSIST_* settings, the hub switched off. Checks, failing on the first problem:
  1. `--version` prints the version the source declares;
  2. nothing from the build-time embedding path (torch, sentence-transformers) is bundled;
  3. `demo` loads the demo pack into a fresh home;
  4. an offline `ask --json` answers with a citation to the right document and page;
  5. `app --ask … --screenshot` under Xvfb writes a window picture that is not blank;
  5b. `handout … --out F.pdf` writes a patient handout PDF (Qt's PDF writer, no window);
  6. with a site file naming a real `chroma run` server on 127.0.0.1 (the build venv's), the
     demo loads into that shared store and an offline `ask` answers from it.
Each step's time is printed. Run by .ci/run after scripts/build.sh.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "How often are neuro observations needed after an unwitnessed fall?"
EXPECTED = ("falls-prevention", 3)  # document id and page of the schedule table


class SmokeFailure(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "CLINASSIST_SITE_CONFIG": str(home / "no-site-settings.toml"),
    }
    return env


def run(label: str, argv: list[str], env: dict[str, str], timeout: float = 300) -> str:
    started = time.perf_counter()
    result = subprocess.run(
        argv,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    took = time.perf_counter() - started
    print(f"  {label}: exit {result.returncode} in {took:.1f} s")
    if result.returncode != 0:
        raise SmokeFailure(
            f"{label} failed (exit {result.returncode}):\n{result.stdout[-2000:]}"
            f"\n{result.stderr[-3000:]}"
        )
    return result.stdout


def check_version(binary: Path, env: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT))
    from assistant import __version__

    printed = run("--version", [str(binary), "--version"], env).strip()
    if printed != f"clinassist {__version__}":
        raise SmokeFailure(f"--version printed {printed!r}, expected 'clinassist {__version__}'")


def check_no_build_time_libraries(folder: Path) -> None:
    internal = folder / "_internal"
    for name in ("torch", "sentence_transformers", "transformers"):
        if (internal / name).exists():
            raise SmokeFailure(f"{name} is bundled; the frozen app must embed through ONNX Runtime")
    if not (internal / "knowledge" / "data" / "minilm-l6-v2.onnx").is_file():
        raise SmokeFailure("the ONNX model is not bundled")
    print("  bundle: no torch, sentence-transformers or transformers; the ONNX model is there")


def check_ask(binary: Path, env: dict[str, str], knowledge_home: Path) -> None:
    out = run(
        "ask --json", [str(binary), "--home", str(knowledge_home), "ask", QUESTION, "--json"], env
    )
    answer = json.loads(out)
    if answer.get("refused"):
        raise SmokeFailure(f"the demo question was refused: {answer.get('refusal_reason')}")
    cited = [(c["doc_id"], c["page_start"]) for c in answer.get("citations", [])]
    if EXPECTED not in cited:
        raise SmokeFailure(f"no citation to {EXPECTED}; cited {cited}")
    if "every 30 minutes" not in answer["text"].lower():
        raise SmokeFailure("the answer does not show the schedule's 'every 30 minutes' row")
    print(f"  answer cites {EXPECTED[0]} p. {EXPECTED[1]} and shows the schedule")


def check_handout(binary: Path, env: dict[str, str], knowledge_home: Path, out: Path) -> None:
    argv = [
        str(binary),
        "--home",
        str(knowledge_home),
        "handout",
        "what to do after a needlestick injury",
        "--out",
        str(out),
    ]
    run("handout --out F.pdf", argv, env)
    data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"%PDF") or len(data) < 10_000:
        raise SmokeFailure(f"the handout {out} is not a PDF of a page or more")
    print(f"  handout PDF {out} ({len(data) // 1024} KB)")


def check_window(binary: Path, env: dict[str, str], knowledge_home: Path, out: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        raise SmokeFailure("xvfb-run is not installed (Debian package xvfb)")
    window_env = {**env, "QT_QPA_PLATFORM": "xcb"}
    argv = [
        xvfb,
        "-a",
        "-s",
        "-screen 0 1400x900x24",
        str(binary),
        "--home",
        str(knowledge_home),
        "app",
        "--ask",
        QUESTION,
        "--screenshot",
        str(out),
    ]
    run("app --ask --screenshot (Xvfb)", argv, window_env, timeout=300)
    if not out.is_file() or out.stat().st_size < 20_000:
        raise SmokeFailure(f"the screenshot {out} is missing or too small to show a window")
    colours = distinct_colours(out)
    if colours < 50:
        raise SmokeFailure(f"the screenshot has {colours} colours: the window looks blank")
    print(f"  screenshot {out} ({out.stat().st_size // 1024} KB, {colours} colours)")


def check_shared_store(binary: Path, env: dict[str, str], home: Path) -> None:
    chroma = ROOT / ".venv" / "bin" / "chroma"
    port = free_port()
    log = (home / "chroma.log").open("wb")
    server = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(home / "chroma-db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        wait_for_heartbeat(port, server)
        site = home / "site-shared.toml"
        site.write_text(f'[store]\nurl = "http://127.0.0.1:{port}"\n', encoding="utf-8")
        shared_env = {**env, "CLINASSIST_SITE_CONFIG": str(site)}
        workstation = home / "workstation"
        run(
            "demo into the shared store",
            [str(binary), "--home", str(workstation), "demo"],
            shared_env,
        )
        check_ask(binary, shared_env, workstation)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_heartbeat(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SmokeFailure("the chroma server exited before it answered")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SmokeFailure("the chroma server did not answer its heartbeat")


def distinct_colours(png: Path) -> int:
    """Colours in a PNG, counted with the build environment's Qt (not the app's)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(png))
    step = max(1, image.width() // 200)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "dist" / "clinassist"))
    parser.add_argument("--screenshot", default=str(ROOT / "dist" / "smoke-window.png"))
    args = parser.parse_args()
    folder = Path(args.folder).resolve()
    binary = folder / "clinassist"
    if not binary.is_file():
        print(f"error: {binary} not found: run scripts/build.sh first", file=sys.stderr)
        return 2
    print(f"Smoke test of {folder}")
    with tempfile.TemporaryDirectory(prefix="clinassist-smoke-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        knowledge_home = home / "knowledge"
        env = clean_env(home)
        try:
            check_version(binary, env)
            check_no_build_time_libraries(folder)
            run("demo", [str(binary), "--home", str(knowledge_home), "demo"], env)
            check_ask(binary, env, knowledge_home)
            check_window(binary, env, knowledge_home, Path(args.screenshot))
            check_handout(binary, env, knowledge_home, home / "handout.pdf")
            check_shared_store(binary, env, home)
        except (SmokeFailure, subprocess.TimeoutExpired) as failure:
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
