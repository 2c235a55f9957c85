"""Layering rules, enforced with import-linter: the shells (assistant.ui, assistant.cli) over
the application layer (assistant.core) over the capabilities (answering, conversations,
evaluation, governance) over the knowledge core; no Qt outside assistant.ui; the shells change
the knowledge base only through KnowledgeBase."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_every_assistant_module_lives_in_a_layer():
    """import-linter checks the packages it is told about: assistant/ holds only its entry
    points and the packages the layers contract names, so a new module cannot slip past it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    [layers] = [c for c in contracts if c["type"] == "layers"]
    named = {m.strip() for layer in layers["layers"] for m in layer.replace(":", "|").split("|")}
    packages = {f"assistant.{p.name}" for p in (REPO / "assistant").iterdir() if p.is_dir()}
    packages -= {"assistant.__pycache__"}
    assert packages <= named, packages - named
    loose = {p.name for p in (REPO / "assistant").glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}


def test_cli_start_does_not_import_heavy_libraries():
    """`clinassist --help` must stay fast: torch, chromadb and Qt load only when needed."""
    code = (
        "import sys, assistant.cli; "
        "heavy = [m for m in ('torch', 'chromadb', 'sentence_transformers', 'PySide6') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_qt_import_outside_assistant_ui():
    """A direct check beside import-linter, so a new module cannot slip past the contract."""
    offenders = []
    for path in [*REPO.glob("knowledge/**/*.py"), *REPO.glob("assistant/**/*.py")]:
        if "ui" in path.relative_to(REPO).parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("import PySide6", "from PySide6")):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_the_shells_reach_no_part_of_the_knowledge_base_but_its_door():
    """Beside the import contract: no shell module touches a KnowledgeBase's private catalog
    or store, where a write would bypass the audit log."""
    shells = [*REPO.glob("assistant/ui/*.py"), *REPO.glob("assistant/cli/*.py")]
    offenders = [
        f"{path.relative_to(REPO)}: {line.strip()}"
        for path in shells
        for line in path.read_text(encoding="utf-8").splitlines()
        if any(part in line for part in (".catalog.", "._catalog", "kb.store", "._store"))
    ]
    assert offenders == []


def test_the_command_modules_do_not_import_their_own_package():
    """The command modules share state through assistant.cli.state, never by importing the
    package that imports them (the import loop the CLI once had)."""
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "assistant" / "cli").glob("*.py")
        if path.name != "__init__.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("from assistant.cli import")
        or line.strip() == "import assistant.cli"
    ]
    assert offenders == []
