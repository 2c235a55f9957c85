"""Which files an ingest reads: the paths given, folders expanded, and what cannot be read
named with its reason instead of being passed over.

A folder is walked without following links. A link inside it is read only when it leads to a
file inside the same folder: an admin who ingests "Policies/" must not find that a link in it
took a file from somewhere else (another department's share, a home folder) into the approved
library. Named pipes, sockets and devices are reported, never opened (reading a pipe would
wait for ever). A link that leads back to itself is called a loop, not "missing".
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files to read, in order and without repeats; (path, reason) for each path that
    cannot be read). Folders are expanded recursively, sorted; hidden and Office lock files
    (".", "~$") and system clutter are skipped."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            _walk(path, files, problems)
            continue
        target, reason = _target(path)
        if reason:
            problems.append((path, reason))
        elif target.is_dir():
            _walk(target, files, problems)  # a link to a folder, given by name: its own root
        else:
            files.append(target)
    return list(dict.fromkeys(files)), problems


def _walk(root: Path, files: list[Path], problems: list[tuple[Path, str]]) -> None:
    real_root = root.resolve()
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        here = Path(folder)
        for name in sorted(names) + [d for d in dirs if (here / d).is_symlink()]:
            if _hidden(name) or name.lower() in IGNORED_NAMES:
                continue
            child = here / name
            target, reason = _target(child)
            if not reason and child.is_symlink() and not target.is_relative_to(real_root):
                reason = (
                    f"a link to {target}, outside the folder being ingested: copy the file "
                    "into the folder to ingest it"
                )
            if reason:
                problems.append((child, reason))
            elif target.is_file():
                files.append(target)


def _target(path: Path) -> tuple[Path, str]:
    """(the real file, "") or (path, why it cannot be read)."""
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except RuntimeError:  # Python 3.11 reports a link loop this way
        return path, "a link loop: the link leads back to itself"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return path, "a link loop: the link leads back to itself"
        if path.is_symlink():
            return path, "broken link: its target is missing"
        if exc.errno == errno.ENOENT:
            return path, "no such file or folder"
        return path, f"cannot read it: {exc.strerror or exc}"
    for is_kind, kind in _SPECIAL_KINDS:
        if is_kind(mode):
            return path, f"not a regular file ({kind}): only documents are read"
    return target, ""


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))
