"""Layering rules, enforced with import-linter: no Qt outside assistant.ui, the knowledge core
never depends on the assistant, and the shells change the knowledge base only through
KnowledgeBase."""

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
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_every_qt_free_assistant_module_is_under_the_contract():
    """import-linter only checks the modules it is told about: a new module in assistant/
    (outside ui) must be added to the contract's source_modules."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    listed = set(contract["source_modules"])
    modules = (REPO / "assistant").glob("*.py")
    present = {f"assistant.{p.stem}" for p in modules if not p.stem.startswith("_")}
    assert present - listed == set()


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
    """Beside the import contract: no shell module touches a KnowledgeBase's catalog or store
    attribute, where a write would bypass the audit log."""
    shells = [*REPO.glob("assistant/ui/*.py"), *REPO.glob("assistant/cli*.py")]
    offenders = [
        f"{path.relative_to(REPO)}: {line.strip()}"
        for path in shells
        for line in path.read_text(encoding="utf-8").splitlines()
        if ".catalog." in line or "kb.store" in line or ".kb.store" in line
    ]
    assert offenders == []
