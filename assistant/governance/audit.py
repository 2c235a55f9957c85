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
import hashlib
import json
import os
import socket
import threading
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.governance.audit_files import (
    GENESIS,
    AuditError,
    canonical,
    entry_hash,
    fsync_write,
    iso_time,
    os_lock,
    user_name,
    utc_now,
)
from assistant.governance.audit_repair import AuditRepair
from assistant.governance.audit_retention import AuditRetention

__all__ = [
    "AuditError",
    "AuditLog",
    "ENTRY_TYPES",
    "GENESIS",
    "VerifyResult",
    "entry_hash",
    "settings_change",
]

ENTRY_TYPES = frozenset(
    {
        "answer",
        "handout",  # a patient handout made: topic and sources, never the patient's name
        "ingest",
        "approve",
        "retire",
        "remove",
        "edit",  # a version's details, each field before and after
        "reindex",
        "repair",  # what `doctor --repair` fixed
        "admin",  # passphrase set or changed, an admin attempt denied
        "settings",
        "checkpoint",
        "gap",  # `audit repair` sealed a torn or lost part of the log (what and why)
        "intent",  # a change about to be made; its completion entry names it ("intent": seq)
        "abandoned",  # an intent whose change was found not made (a crash): closed by doctor
        "resign",  # approvals made before signing existed, signed once with this home's key
    }
)

_PROCESS_LOCKS: dict[str, threading.Lock] = {}
_PROCESS_LOCKS_GUARD = threading.Lock()


@dataclass(slots=True, frozen=True)
class VerifyResult:
    ok: bool
    entries: int  # entries in the live log
    first_broken_seq: int | None = None
    reason: str = ""
    gaps: tuple[dict[str, Any], ...] = ()  # sealed by `audit repair`: {"seq", "reason"}


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
        self.clock = clock or utc_now
        self.retention_days = retention_days
        self.user = user_name()
        self.workstation = socket.gethostname()
        key = str(self.dir.resolve())
        with _PROCESS_LOCKS_GUARD:
            self.lock = _PROCESS_LOCKS.setdefault(key, threading.Lock())
        # Pruning, retention and export are the retention's: the log offers its methods.
        retention = AuditRetention(self)
        self.prune = retention.prune
        self.apply_retention = retention.apply_retention
        self.export = retention.export
        self.repair = AuditRepair(self).repair

    # -- locking ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the log (this process's lock and the file lock across processes)."""
        with self.lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            with os_lock(self.dir / "audit.lock"):
                yield

    # -- writing ---------------------------------------------------------------------------------
    def append(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """Write one entry; returns it (with seq and hash). Raises AuditError on any failure."""
        if kind not in ENTRY_TYPES:
            raise ValueError(f"unknown audit entry type {kind!r}")
        try:
            with self.locked():
                return self._append_locked(kind, data)
        except AuditError:
            raise
        except (OSError, ValueError, TypeError) as exc:
            raise AuditError(f"could not write the audit log {self.path}: {exc}") from exc

    def _append_locked(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        last_seq, last_hash = self._tail()
        entry: dict[str, Any] = {
            "seq": last_seq + 1,
            "time": iso_time(self.clock()),
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
        self.write_head(entry["seq"], entry["hash"])
        return entry

    def write_head(self, seq: int, digest: str) -> None:
        fsync_write(self.head_path, canonical({"seq": seq, "hash": digest}) + b"\n")

    def read_head(self) -> dict[str, Any] | None:
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
        head = self.read_head()
        if last is None:
            if head is not None and head["seq"] > 0:
                raise AuditError(
                    f"the audit log is missing but head.json records {head['seq']} entries; "
                    "run `clinassist audit verify`"
                )
            return 0, GENESIS
        entry = json.loads(last)
        seq, digest = int(entry["seq"]), str(entry["hash"])
        if head is None and seq == 1 and entry.get("prev") == GENESIS:
            head = {"seq": 0, "hash": GENESIS}  # a crash before the first head was written
        if head is None:
            raise AuditError(
                "audit head.json is missing; run `clinassist audit verify`, then "
                "`clinassist audit repair`"
            )
        if (head["seq"], head.get("hash")) == (seq, digest):
            return seq, digest
        lagging = head["seq"] == seq - 1 and head.get("hash") == entry.get("prev")
        if lagging and entry_hash(entry) == digest:  # a crash after the append: repaired now
            return seq, digest
        raise AuditError(
            f"the audit log ends at entry {seq} but head.json records entry {head['seq']}; "
            "run `clinassist audit verify`, then `clinassist audit repair`"
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
                    {
                        "doc_id": c.source.doc_id,
                        "version_id": c.source.version_id,
                        "version": c.source.version,
                    }
                    for c in answer.citations
                ],
                "refused": bool(answer.refused),
                "refusal": refusal,
                "outcome": getattr(answer, "outcome", ""),
                # a follow-up's standalone form (identifier-free), when it was searched for
                "searched_for": getattr(answer, "searched_for", ""),
                "claims_verified": answer.claims_verified,
                "claims_total": answer.claims_total,
            },
        )

    def record_handout(self, handout) -> dict[str, Any]:
        """A patient handout: its topic and personalisation as searched (identifiers
        removed), the versions it quotes, and the grade reached. The patient's name, typed
        only for the printed page, is never written here."""
        return self.append(
            "handout",
            {
                "topic": handout.topic,
                "personalised_for": handout.personalised_for,
                "mode": handout.mode,
                "language": handout.language,
                "target_grade": handout.target_grade,
                "grade": handout.grade,
                "lines": len(handout.lines),
                "documents": [
                    {"doc_id": p.doc_id, "version_id": p.version_id, "version": p.version}
                    for p in {s.version_id: s for s in handout.sources()}.values()
                ],
            },
        )

    def record_knowledge_event(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """The KnowledgeBase `on_event` callback (intent, then ingest, approve, retire,
        remove, edit, reindex, repair) and the AdminGuard's (admin). Returns the entry: an
        intent's number is the receipt its completion names."""
        return self.append(kind, data)

    def record_setting(self, key: str, changed: bool) -> dict[str, Any]:
        return self.append("settings", {"key": key, "changed": bool(changed)})

    # -- reading ---------------------------------------------------------------------------------
    def read_lines(self, path: Path) -> list[bytes]:
        if not path.is_file():
            return []
        return [line for line in path.read_bytes().split(b"\n") if line.strip()]

    def entries(self, include_segments: bool = True) -> list[dict[str, Any]]:
        """Every readable entry, oldest first: kept segments, then the live log."""
        found: dict[int, dict[str, Any]] = {}
        paths = self.segment_paths() if include_segments else []
        for path in [*paths, self.path]:
            for line in self.read_lines(path):
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
        with self.lock:
            return self.verify_held()

    def verify_held(self) -> VerifyResult:
        """verify() for a caller already holding the log (`locked()`)."""
        lines = self.read_lines(self.path)
        try:
            head = self.read_head()
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
        if head is None and last_seq == 1 and anchor_seq == 0:
            head = {"seq": 0, "hash": GENESIS}  # a crash before the first head was written
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
        gaps = tuple(
            {"seq": e["seq"], "reason": (e.get("data") or {}).get("reason", "")}
            for e in entries
            if e is not None and e.get("type") == "gap"
        )
        return VerifyResult(True, len(lines), gaps=gaps)

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
