"""The knowledge home is owner-only whatever the umask: questions, answers, the audit log and
the documents' text are in it (a separate process, as a workstation starts one)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a separate process
def test_files_and_folders_of_the_home_are_owner_only_under_umask_022(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o755)  # as a shared-machine default would leave it
    env = {**os.environ, "CLINASSIST_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "assistant", "config", "set", "llm.model", "gpt-x"]
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    made = [home, *home.rglob("*")]
    assert len(made) >= 3  # the settings file and the audit log at least
    for path in made:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
