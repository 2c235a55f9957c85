"""The audit log: who asked what (redacted), which documents answered, and who changed them.

Append-only JSON Lines in `<home>/audit/audit.jsonl`, one entry a line:

    {"seq": 7, "time": "2025-01-31T09:12:03.120+00:00", "type": "answer", "user": "jdoe",
     "workstation": "ward3-pc", "data": {...}, "prev": "<hash of entry 6>", "hash": "..."}

`hash` is the SHA-256 of the entry's canonical JSON without `hash` (sorted keys, compact
separators), and `prev` is the previous entry's hash (64 zeros for entry 1), so editing,
deleting or reordering any entry breaks the chain at that entry. The head of the chain (seq
and hash of the last entry) is kept in `<home>/audit/head.json`, rewritten atomically after
every append, so that deleting the last entries (a truncated tail) is detected as well.

Types: "answer" (the question as sent after redaction -- never the question as typed --,
redaction counts by kind, provider, model, mode, cited documents and versions, refused flag,
verified/total claims), "ingest", "approve", "retire", "remove" (knowledge base changes),
"settings" (the key and whether its value changed, never the value) and "checkpoint"
(retention, below).

Writers are serialised by a process-wide lock per audit folder plus an OS lock on
`<home>/audit/audit.lock` (fcntl.flock on POSIX, msvcrt.locking on Windows), so threads and
processes on one workstation never interleave. Each append is flushed and fsynced before
head.json is replaced. A crash between the two leaves the log one entry ahead of its head;
verify accepts exactly that (the entry is still linked to the head) and the next append
repairs the head.

Retention. `prune(before)` moves the oldest entries (a prefix, all older than `before`) into
a sealed segment `<home>/audit/segments/audit-<first>-<last>.jsonl` (read-only, its SHA-256
recorded), rewrites the live log without them and appends a "checkpoint" entry recording the
seq and hash of the last pruned entry. Verification of the live log starts from that
recorded hash, so it still passes after pruning and still catches tampering in what remains.
Segments are KEPT by `prune`: destroying audit records is a records-management decision, so
it happens only when IT sets `audit.retention_days` in the site settings file (a user cannot,
it is a site-only section) and `apply_retention` runs (`clinassist audit prune` without
`--before`): entries older than that many days are pruned and their segments deleted.
`retention_days = 0` (the default) keeps everything. A kept segment whose SHA-256 no longer
matches its checkpoint fails verification.

Limits (a hash chain without a secret key proves integrity, not authenticity): someone who
can write the audit folder can rewrite the whole log with fresh hashes and a matching
head.json, or truncate the log and edit head.json to match; deleting the whole audit folder
also goes unnoticed here. Against that, copy head.json (or export the log) to a place the
workstation user cannot write, e.g. a central log server, and compare.
"""

from __future__ import annotations

import contextlib
import csv
import getpass
import hashlib
import io
import json
import os
import socket
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any, Literal

__all__ = [
    "AuditError",
    "AuditLog",
    "ENTRY_TYPES",
    "GENESIS",
    "VerifyResult",
    "entry_hash",
    "settings_change",
]

GENESIS = "0" * 64
ENTRY_TYPES = frozenset(
    {"answer", "ingest", "approve", "retire", "remove", "settings", "checkpoint"}
)
CSV_COLUMNS = ("seq", "time", "type", "user", "workstation", "data", "prev", "hash")

_PROCESS_LOCKS: dict[str, threading.Lock] = {}
_PROCESS_LOCKS_GUARD = threading.Lock()


class AuditError(RuntimeError):
    """The audit entry could not be written (or the log is damaged): the action must not be
    taken as done -- an answer whose audit entry failed is not shown."""


@dataclass(slots=True, frozen=True)
class VerifyResult:
    ok: bool
    entries: int  # entries in the live log
    first_broken_seq: int | None = None
    reason: str = ""


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the entry without its `hash`."""
    return hashlib.sha256(canonical({k: v for k, v in entry.items() if k != "hash"})).hexdigest()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (e.g. a service account): still audit
        return "unknown"


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _as_start(value: date | datetime | str | None) -> datetime | None:
    """A lower bound: a date means its first moment (UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _as_end(value: date | datetime | str | None) -> datetime | None:
    """An exclusive upper bound: a date includes the whole day."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.combine(value + timedelta(days=1), time.min, tzinfo=UTC)
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    return value + timedelta(microseconds=1)  # a moment is inclusive


def _fsync_write(path: Path, data: bytes, mode: int | None = None) -> None:
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
def _os_lock(path: Path) -> Iterator[None]:
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


class AuditLog:
    """The audit log of one knowledge home. Thread-safe and safe across processes."""

    def __init__(
        self,
        home: str | Path,
        clock: Callable[[], datetime] | None = None,
        retention_days: int = 0,
    ):
        self.home = Path(home)
        self.dir = self.home / "audit"
        self.path = self.dir / "audit.jsonl"
        self.head_path = self.dir / "head.json"
        self.segments_dir = self.dir / "segments"
        self.clock = clock or _now
        self.retention_days = retention_days
        self.user = _user()
        self.workstation = socket.gethostname()
        key = str(self.dir.resolve())
        with _PROCESS_LOCKS_GUARD:
            self._lock = _PROCESS_LOCKS.setdefault(key, threading.Lock())

    # -- locking ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            with _os_lock(self.dir / "audit.lock"):
                yield

    # -- writing ---------------------------------------------------------------------------------
    def append(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """Write one entry; returns it (with seq and hash). Raises AuditError on any failure."""
        if kind not in ENTRY_TYPES:
            raise ValueError(f"unknown audit entry type {kind!r}")
        try:
            with self._locked():
                return self._append_locked(kind, data)
        except AuditError:
            raise
        except (OSError, ValueError, TypeError) as exc:
            raise AuditError(f"could not write the audit log {self.path}: {exc}") from exc

    def _append_locked(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        last_seq, last_hash = self._tail()
        entry: dict[str, Any] = {
            "seq": last_seq + 1,
            "time": _iso(self.clock()),
            "type": kind,
            "user": self.user,
            "workstation": self.workstation,
            "data": data,
            "prev": last_hash,
        }
        entry["hash"] = entry_hash(entry)
        line = canonical(entry) + b"\n"
        with self.path.open("ab") as out:
            out.write(line)
            out.flush()
            os.fsync(out.fileno())
        self._write_head(entry["seq"], entry["hash"])
        return entry

    def _write_head(self, seq: int, digest: str) -> None:
        _fsync_write(self.head_path, canonical({"seq": seq, "hash": digest}) + b"\n")

    def _read_head(self) -> dict[str, Any] | None:
        if not self.head_path.is_file():
            return None
        head = json.loads(self.head_path.read_text(encoding="utf-8"))
        if not isinstance(head, dict) or not isinstance(head.get("seq"), int):
            raise ValueError("head.json is not a chain head")
        return head

    def _tail(self) -> tuple[int, str]:
        """Seq and hash to continue from: the log's last entry, cross-checked with the head
        (a log shorter than its head, or differing from it, was damaged: refuse to write)."""
        last = self._last_line()
        head = self._read_head()
        if last is None:
            if head is not None and head["seq"] > 0:
                raise AuditError(
                    f"the audit log is missing but head.json records {head['seq']} entries; "
                    "run `clinassist audit verify`"
                )
            return 0, GENESIS
        entry = json.loads(last)
        seq, digest = int(entry["seq"]), str(entry["hash"])
        if head is None:
            raise AuditError("audit head.json is missing; run `clinassist audit verify`")
        if (head["seq"], head.get("hash")) == (seq, digest):
            return seq, digest
        lagging = head["seq"] == seq - 1 and head.get("hash") == entry.get("prev")
        if lagging and entry_hash(entry) == digest:  # a crash after the append: repaired now
            return seq, digest
        raise AuditError(
            f"the audit log ends at entry {seq} but head.json records entry {head['seq']}; "
            "run `clinassist audit verify`"
        )

    def _last_line(self) -> bytes | None:
        if not self.path.is_file():
            return None
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            block, data = 4096, b""
            while size > 0:
                step = min(block, size)
                size -= step
                handle.seek(size)
                data = handle.read(step) + data
                lines = [line for line in data.split(b"\n") if line.strip()]
                if len(lines) > 1 or (lines and size == 0):
                    return lines[-1]
        return None

    # -- typed entries ---------------------------------------------------------------------------
    def record_answer(self, answer) -> dict[str, Any]:
        """An answer: the REDACTED question only (`sent_question`), never the one typed."""
        refusal = ""
        if answer.refused:
            refusal = "blocked" if answer.refusal_reason.startswith("blocked") else "no_answer"
        return self.append(
            "answer",
            {
                "question": answer.sent_question,
                "redactions": dict(answer.redactions),
                "provider": answer.provider,
                "model": answer.model,
                "mode": answer.mode,
                "documents": [
                    {"doc_id": c.doc_id, "version_id": c.version_id, "version": c.version}
                    for c in answer.citations
                ],
                "refused": bool(answer.refused),
                "refusal": refusal,
                "claims_verified": answer.claims_verified,
                "claims_total": answer.claims_total,
            },
        )

    def record_knowledge_event(self, kind: str, data: dict[str, Any]) -> None:
        """The KnowledgeBase `on_event` callback (approve, retire, remove, ingest)."""
        self.append(kind, data)

    def record_setting(self, key: str, changed: bool) -> dict[str, Any]:
        return self.append("settings", {"key": key, "changed": bool(changed)})

    # -- reading ---------------------------------------------------------------------------------
    def _read_lines(self, path: Path) -> list[bytes]:
        if not path.is_file():
            return []
        return [line for line in path.read_bytes().split(b"\n") if line.strip()]

    def entries(self, include_segments: bool = True) -> list[dict[str, Any]]:
        """Every readable entry, oldest first: kept segments, then the live log."""
        found: dict[int, dict[str, Any]] = {}
        paths = self.segment_paths() if include_segments else []
        for path in [*paths, self.path]:
            for line in self._read_lines(path):
                try:
                    entry = json.loads(line)
                    found.setdefault(int(entry["seq"]), entry)
                except (ValueError, KeyError, TypeError):
                    continue
        return [found[seq] for seq in sorted(found)]

    def segment_paths(self) -> list[Path]:
        if not self.segments_dir.is_dir():
            return []

        def first_seq(path: Path) -> int:
            try:
                return int(path.stem.split("-")[1])
            except (IndexError, ValueError):
                return 0

        return sorted(self.segments_dir.glob("audit-*.jsonl"), key=first_seq)

    # -- verification ----------------------------------------------------------------------------
    def verify(self) -> VerifyResult:
        with self._lock:
            return self._verify()

    def _verify(self) -> VerifyResult:
        lines = self._read_lines(self.path)
        try:
            head = self._read_head()
        except (ValueError, OSError) as exc:
            return VerifyResult(False, len(lines), None, f"head.json is unreadable: {exc}")
        if not lines:
            if head is not None and head["seq"] > 0:
                return VerifyResult(
                    False, 0, 1, f"the log is empty but head.json records {head['seq']} entries"
                )
            return VerifyResult(True, 0)
        entries: list[dict[str, Any] | None] = []
        for line in lines:
            try:
                entry = json.loads(line)
                entries.append(entry if isinstance(entry, dict) else None)
            except ValueError:
                entries.append(None)
        anchor_seq, anchor_hash = 0, GENESIS
        for entry in reversed(entries):
            if entry is not None and entry.get("type") == "checkpoint":
                data = entry.get("data") or {}
                anchor_seq = int(data.get("last_seq", 0))
                anchor_hash = str(data.get("last_hash", GENESIS))
                break
        expected, prev = anchor_seq + 1, anchor_hash
        checkpoints = []
        for entry in entries:
            if entry is None:
                return VerifyResult(
                    False, len(lines), expected, f"entry {expected} is not valid JSON"
                )
            seq = entry.get("seq")
            if seq != expected:
                what = "missing or out of order" if isinstance(seq, int) else "has no seq"
                return VerifyResult(
                    False,
                    len(lines),
                    expected,
                    f"entry {expected} is {what} (found entry {seq} in its place)",
                )
            if entry.get("hash") != entry_hash(entry):
                return VerifyResult(
                    False, len(lines), seq, f"entry {seq} was altered: its hash does not match"
                )
            if entry.get("prev") != prev:
                return VerifyResult(
                    False,
                    len(lines),
                    seq,
                    f"entry {seq} does not follow entry {seq - 1}: the previous hash differs",
                )
            if entry.get("type") == "checkpoint":
                checkpoints.append(entry)
            expected, prev = seq + 1, entry["hash"]
        last_seq, last_hash = expected - 1, prev
        if head is None:
            return VerifyResult(False, len(lines), None, "head.json is missing")
        head_seq, head_hash = head["seq"], head.get("hash")
        if head_seq > last_seq:
            return VerifyResult(
                False,
                len(lines),
                last_seq + 1,
                f"the log ends at entry {last_seq} but head.json records {head_seq} entries: "
                f"entries {last_seq + 1}–{head_seq} were deleted",
            )
        if head_seq == last_seq and head_hash != last_hash:
            return VerifyResult(
                False,
                len(lines),
                last_seq,
                f"head.json does not match entry {last_seq} (the head or the entry was altered)",
            )
        if head_seq < last_seq:
            lagging = head_seq == last_seq - 1 and head_hash == entries[-1].get("prev")
            if not lagging:
                return VerifyResult(
                    False,
                    len(lines),
                    head_seq + 1 if head_seq >= anchor_seq else None,
                    f"head.json records entry {head_seq} but the log ends at entry {last_seq}",
                )
        for checkpoint in checkpoints:
            broken = self._check_segment(checkpoint.get("data") or {})
            if broken is not None:
                return VerifyResult(False, len(lines), *broken)
        return VerifyResult(True, len(lines))

    def _check_segment(self, data: dict[str, Any]) -> tuple[int, str] | None:
        name = data.get("segment")
        if not name:
            return None
        path = self.segments_dir / name
        if not path.is_file():
            return None  # deleted by retention (or by hand): its checkpoint remains
        if hashlib.sha256(path.read_bytes()).hexdigest() != data.get("segment_sha256"):
            return (
                int(data.get("first_seq", 0)),
                f"sealed segment {name} was altered: its SHA-256 does not match its checkpoint",
            )
        return None

    # -- retention -------------------------------------------------------------------------------
    def prune(self, before: date | datetime, keep_segment: bool = True) -> dict[str, Any]:
        """Move the oldest entries (time < before) to a sealed segment and append a
        checkpoint entry (always written: the prune itself is an audited admin action).
        Refuses to prune a log that does not verify. Returns the checkpoint entry."""
        cutoff = _as_start(before)
        try:
            with self._locked():
                result = self._verify()
                if not result.ok:
                    raise AuditError(f"the audit log does not verify ({result.reason}); not pruned")
                return self._prune_locked(cutoff, keep_segment)
        except AuditError:
            raise
        except (OSError, ValueError) as exc:
            raise AuditError(f"could not prune the audit log {self.path}: {exc}") from exc

    def _prune_locked(self, cutoff: datetime, keep_segment: bool) -> dict[str, Any]:
        lines = self._read_lines(self.path)
        entries = [json.loads(line) for line in lines]
        count = 0
        for entry in entries:
            if _parse_time(entry["time"]) >= cutoff:
                break
            count += 1
        data: dict[str, Any] = {"before": _iso(cutoff), "pruned": count}
        if count:
            pruned = entries[:count]
            first, last = pruned[0], pruned[-1]
            body = b"".join(line + b"\n" for line in lines[:count])
            name = f"audit-{first['seq']}-{last['seq']}.jsonl"
            data.update(
                first_seq=first["seq"],
                last_seq=last["seq"],
                last_hash=last["hash"],
                segment=name,
                segment_sha256=hashlib.sha256(body).hexdigest(),
                segment_kept=keep_segment,
            )
            if keep_segment:
                self.segments_dir.mkdir(parents=True, exist_ok=True)
                _fsync_write(self.segments_dir / name, body, mode=0o444)
        else:
            anchor = self._current_anchor(entries)
            data.update(last_seq=anchor[0], last_hash=anchor[1])
        remaining = lines[count:]
        last = entries[-1] if entries else None  # the chain continues from the newest entry
        entry: dict[str, Any] = {
            "seq": (last["seq"] if last else 0) + 1,
            "time": _iso(self.clock()),
            "type": "checkpoint",
            "user": self.user,
            "workstation": self.workstation,
            "data": data,
            "prev": last["hash"] if last else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        live = b"".join(line + b"\n" for line in remaining) + canonical(entry) + b"\n"
        _fsync_write(self.path, live)
        self._write_head(entry["seq"], entry["hash"])
        return entry

    @staticmethod
    def _current_anchor(entries: list[dict[str, Any]]) -> tuple[int, str]:
        for entry in reversed(entries):
            if entry.get("type") == "checkpoint":
                return int(entry["data"]["last_seq"]), str(entry["data"]["last_hash"])
        return 0, GENESIS

    def apply_retention(self, retention_days: int | None = None) -> dict[str, Any] | None:
        """With `retention_days` > 0: prune entries older than that and delete their
        segments (and any older kept segment). 0 keeps everything: returns None."""
        days = self.retention_days if retention_days is None else retention_days
        if days <= 0:
            return None
        cutoff = self.clock() - timedelta(days=days)
        checkpoint = self.prune(cutoff, keep_segment=False)
        for path in self.segment_paths():
            lines = self._read_lines(path)
            if lines and _parse_time(json.loads(lines[-1])["time"]) < cutoff:
                os.chmod(path, 0o644)
                path.unlink()
        return checkpoint

    # -- export ----------------------------------------------------------------------------------
    def export(
        self,
        path: str | Path | IO[str],
        since: date | datetime | str | None = None,
        until: date | datetime | str | None = None,
        fmt: Literal["jsonl", "csv"] = "jsonl",
    ) -> int:
        """Entries (kept segments and live log) with since <= time <= until (dates are whole
        days, UTC) to a file or text stream; returns the number written."""
        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"export format is 'jsonl' or 'csv', not {fmt!r}")
        start, end = _as_start(since), _as_end(until)
        with self._lock:
            selected = [
                e
                for e in self.entries()
                if (start is None or _parse_time(e["time"]) >= start)
                and (end is None or _parse_time(e["time"]) < end)
            ]
        buffer = io.StringIO(newline="")
        if fmt == "csv":
            writer = csv.writer(buffer)
            writer.writerow(CSV_COLUMNS)
            for e in selected:
                row = [e.get(c, "") for c in CSV_COLUMNS]
                row[CSV_COLUMNS.index("data")] = json.dumps(
                    e.get("data", {}), sort_keys=True, ensure_ascii=False
                )
                writer.writerow(row)
        else:
            for e in selected:
                buffer.write(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n")
        text = buffer.getvalue()
        if isinstance(path, str | Path):
            target = Path(path)
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            tmp = target.with_name(target.name + ".part")
            try:
                with tmp.open("w", encoding=encoding, newline="") as out:
                    out.write(text)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
        else:
            path.write(text)
        return len(selected)


def audit_log_for(settings) -> AuditLog:
    """The audit log of a Settings' home, with its (site-only) retention setting."""
    audit = getattr(settings, "audit", None)
    return AuditLog(settings.home, retention_days=getattr(audit, "retention_days", 0))


def _user_settings(home: Path) -> dict[str, Any]:
    path = Path(home) / "settings.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def _user_value(data: dict[str, Any], dotted_key: str) -> Any:
    section, _, key = dotted_key.partition(".")
    return (data.get(section) or {}).get(key, _MISSING)


_MISSING = object()


@contextlib.contextmanager
def settings_change(home: str | Path, dotted_key: str) -> Iterator[None]:
    """Around a `save_user_setting` call: logs a "settings" entry with the key and whether
    the stored value changed (never the value itself) once the block succeeds."""
    before = _user_value(_user_settings(Path(home)), dotted_key)
    yield
    after = _user_value(_user_settings(Path(home)), dotted_key)
    AuditLog(home).record_setting(dotted_key, changed=before != after)
