"""Low-level pieces of the audit log: canonical hashing, atomic writes, the OS file lock,
and time parsing. Kept apart so the log itself reads as the rules it enforces."""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


class AuditError(RuntimeError):
    """The audit entry could not be written (or the log is damaged): the action must not be
    taken as done -- an answer whose audit entry failed is not shown."""


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the entry without its `hash`."""
    return hashlib.sha256(canonical({k: v for k, v in entry.items() if k != "hash"})).hexdigest()


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (e.g. a service account): still audit
        return "unknown"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_start(value: date | datetime | str | None) -> datetime | None:
    """A lower bound: a date means its first moment (UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def as_end(value: date | datetime | str | None) -> datetime | None:
    """An exclusive upper bound: a date includes the whole day."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.combine(value + timedelta(days=1), time.min, tzinfo=UTC)
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    return value + timedelta(microseconds=1)  # a moment is inclusive


def fsync_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Atomic replace: write a temporary file, fsync it, os.replace it over `path`."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    if mode is not None:
        os.chmod(tmp, mode)
    if sys.platform == "win32" and path.exists():  # pragma: no cover - Windows only
        os.chmod(path, 0o644)  # os.replace cannot overwrite a read-only file there
    os.replace(tmp, path)


@contextlib.contextmanager
def os_lock(path: Path) -> Iterator[None]:
    with path.open("a+b") as handle:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            while True:
                try:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # retries for ~10 s
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
