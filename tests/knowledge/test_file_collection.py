"""What an ingest reads from a folder: links that leave it, loops, pipes and devices are named
with a reason and the batch goes on (issue 14, hostile files)."""

from __future__ import annotations

import os
from pathlib import Path

from knowledge.file_collection import collect_files


def folder_with(tmp_path: Path) -> Path:
    folder = tmp_path / "policies"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# A\n\nText.\n")
    (folder / "sub" / "b.md").write_text("# B\n\nText.\n")
    return folder


def reasons(problems) -> dict[str, str]:
    return {path.name: reason for path, reason in problems}


def test_a_link_leaving_the_folder_is_refused_and_one_inside_it_is_read_once(tmp_path):
    folder = folder_with(tmp_path)
    secret = tmp_path / "elsewhere" / "salaries.md"
    secret.parent.mkdir()
    secret.write_text("# Salaries\n")
    (folder / "salaries.md").symlink_to(secret)
    (folder / "also-a.md").symlink_to(folder / "a.md")
    (folder / "other-dept").symlink_to(secret.parent, target_is_directory=True)

    files, problems = collect_files([folder])

    assert files == [(folder / "a.md").resolve(), (folder / "sub" / "b.md").resolve()]
    said = reasons(problems)
    assert set(said) == {"salaries.md", "other-dept"}
    assert all("outside the folder being ingested" in r for r in said.values())
    assert str(secret) in said["salaries.md"]


def test_a_link_loop_is_called_a_loop_and_a_dangling_link_broken(tmp_path):
    folder = folder_with(tmp_path)
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "gone.md").symlink_to(folder / "moved.md")
    _, problems = collect_files([folder, folder / "loop.md"])
    said = reasons(problems)
    assert said["loop.md"].startswith("a link loop")
    assert said["gone.md"] == "broken link: its target is missing"
    assert [r for p, r in problems if p == folder / "loop.md"] == [said["loop.md"]] * 2


def test_a_named_pipe_is_reported_never_opened(tmp_path):
    folder = folder_with(tmp_path)
    os.mkfifo(folder / "feed.md")
    files, problems = collect_files([folder])  # returns: reading a pipe would wait for ever
    assert reasons(problems) == {
        "feed.md": "not a regular file (a named pipe): only documents are read"
    }
    assert len(files) == 2
    _, given = collect_files([Path("/dev/null")])
    assert reasons(given)["null"].startswith("not a regular file (a character device)")


def test_hidden_files_lock_files_and_clutter_are_skipped_silently(tmp_path):
    folder = folder_with(tmp_path)
    (folder / ".draft.md").write_text("x")
    (folder / "~$a.docx").write_text("x")
    (folder / "Thumbs.db").write_text("x")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.md").write_text("x")
    files, problems = collect_files([folder])
    assert len(files) == 2 and problems == []
