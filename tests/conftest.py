"""Fixtures shared by all tests. Every test runs with its own temporary knowledge home."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import free_port

# Some machines set PYTHONDONTWRITEBYTECODE; without cached bytecode every run (and every
# xdist worker) recompiles the project and rewrites every test module's asserts again, seconds
# of the fast tier's minute. The caches land in __pycache__, which git ignores.
sys.dont_write_bytecode = False

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
DEMO = REPO / "assets" / "demo"


# Fixtures that load the real embedding model or start another process: a test using one
# (directly or through another fixture) is "slow", so `pytest -m "not slow"` is the fast tier.
SLOW_FIXTURES = frozenset(
    {"real_embedder", "demo_home", "corpus_home", "chroma_server", "llama_server"}
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch) -> Path:
    """A fresh knowledge home; no site or user settings leak in from the machine."""
    home = tmp_path / "home"
    monkeypatch.setenv("CLINASSIST_HOME", str(home))
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(tmp_path / "no-site-settings.toml"))
    for key in list(os.environ):
        if key.startswith("CLINASSIST_") and key not in {
            "CLINASSIST_HOME",
            "CLINASSIST_SITE_CONFIG",
        }:
            monkeypatch.delenv(key)
    return home


@pytest.fixture
def corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    return SHARED_CORPUS


@pytest.fixture
def fake_embedder():
    from fakes import HashEmbedder

    return HashEmbedder()


@pytest.fixture
def kb(isolated_home, fake_embedder):
    """A KnowledgeBase on a local Chroma folder with the deterministic embedder."""
    from fakes import word_counter

    from knowledge.base import KnowledgeBase

    return KnowledgeBase(isolated_home, embedder=fake_embedder, count_tokens=word_counter)


@pytest.fixture(scope="session")
def real_embedder():
    """The bundled MiniLM model, loaded once for the whole session."""
    from knowledge.embedding import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    embedder.load()
    return embedder


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` server on 127.0.0.1; yields its URL."""
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.fail("the chroma command is missing; install the project with its dependencies")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_heartbeat(url, proc, timeout=60)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _wait_for_heartbeat(url: str, proc: subprocess.Popen, timeout: float) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("chroma server did not answer its heartbeat in time")


CANARY = "The west wing door code for night staff is ZX-4471."


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory, real_embedder) -> Path:
    """A home with the demo pack approved (real model), plus three canaries that answers must
    never use: a pending document, a retired one, and a pending second version of a live one.
    Built once per test session."""
    from assistant.core.demo import load_demo_pack
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    home = tmp_path_factory.mktemp("demo-home")
    kb = KnowledgeBase(home, embedder=real_embedder)
    results = [e.result for e in load_demo_pack(kb, DEMO) if e.result]
    assert all(r.status == "added" for r in results), results
    canaries = tmp_path_factory.mktemp("canary")
    (canaries / "night-access.md").write_text(f"# Night access\n\n{CANARY}\n")
    (canaries / "old-visiting.md").write_text(
        "# Visiting\n\nMaternity visiting hours are 14:00 to 16:00 for partners only.\n"
    )
    list(kb.ingest([canaries / "night-access.md"], IngestOptions()))  # stays pending
    list(kb.ingest([canaries / "old-visiting.md"], IngestOptions(approve=True)))
    kb.retire("old-visiting")
    # A pending second version of a live document, saying something else: the live version 1
    # must be cited, never this one.
    draft = canaries / "hand-hygiene.md"
    live_text = (DEMO / "hand-hygiene.md").read_text(encoding="utf-8")
    draft.write_text(live_text.replace("Rub for 20–30 seconds", "Rub for 95 seconds"))
    list(kb.ingest([draft], IngestOptions()))  # version 2, pending
    return home
