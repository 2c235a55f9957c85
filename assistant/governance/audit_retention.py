"""Retention and export of the audit log: a collaborator of AuditLog, working through the
log's public primitives (`locked`, `verify_held`, `read_lines`, `write_head`, `entries`).

Pruning moves a prefix of old entries into a sealed, read-only segment and appends a
checkpoint entry that records the last pruned entry's seq and hash, so the live log still
verifies from that anchor; exports read kept segments and the live log in time order.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Literal

from assistant.governance.audit_files import (
    GENESIS,
    AuditError,
    as_end,
    as_start,
    canonical,
    entry_hash,
    fsync_write,
    iso_time,
    parse_time,
)

CSV_COLUMNS = ("seq", "time", "type", "user", "workstation", "data", "prev", "hash")


class AuditRetention:
    """prune / apply_retention / export of one AuditLog."""

    def __init__(self, log):
        self.log = log

    # -- retention -------------------------------------------------------------------------------
    def prune(self, before: date | datetime, keep_segment: bool = True) -> dict[str, Any]:
        """Move the oldest entries (time < before) to a sealed segment and append a
        checkpoint entry (always written: the prune itself is an audited admin action).
        Refuses to prune a log that does not verify. Returns the checkpoint entry."""
        cutoff = as_start(before)
        try:
            with self.log.locked():
                result = self.log.verify_held()
                if not result.ok:
                    raise AuditError(f"the audit log does not verify ({result.reason}); not pruned")
                return self._prune_locked(cutoff, keep_segment)
        except AuditError:
            raise
        except (OSError, ValueError) as exc:
            raise AuditError(f"could not prune the audit log {self.log.path}: {exc}") from exc

    def _prune_locked(self, cutoff: datetime, keep_segment: bool) -> dict[str, Any]:
        lines = self.log.read_lines(self.log.path)
        entries = [json.loads(line) for line in lines]
        count = 0
        for entry in entries:
            if parse_time(entry["time"]) >= cutoff:
                break
            count += 1
        data: dict[str, Any] = {"before": iso_time(cutoff), "pruned": count}
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
                self.log.segments_dir.mkdir(parents=True, exist_ok=True)
                fsync_write(self.log.segments_dir / name, body, mode=0o444)
        else:
            anchor = self._current_anchor(entries)
            data.update(last_seq=anchor[0], last_hash=anchor[1])
        remaining = lines[count:]
        last = entries[-1] if entries else None  # the chain continues from the newest entry
        entry: dict[str, Any] = {
            "seq": (last["seq"] if last else 0) + 1,
            "time": iso_time(self.log.clock()),
            "type": "checkpoint",
            "user": self.log.user,
            "workstation": self.log.workstation,
            "data": data,
            "prev": last["hash"] if last else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        live = b"".join(line + b"\n" for line in remaining) + canonical(entry) + b"\n"
        fsync_write(self.log.path, live)
        self.log.write_head(entry["seq"], entry["hash"])
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
        days = self.log.retention_days if retention_days is None else retention_days
        if days <= 0:
            return None
        cutoff = self.log.clock() - timedelta(days=days)
        checkpoint = self.prune(cutoff, keep_segment=False)
        for path in self.log.segment_paths():
            lines = self.log.read_lines(path)
            if lines and parse_time(json.loads(lines[-1])["time"]) < cutoff:
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
        start, end = as_start(since), as_end(until)
        with self.log.lock:
            selected = [
                e
                for e in self.log.entries()
                if (start is None or parse_time(e["time"]) >= start)
                and (end is None or parse_time(e["time"]) < end)
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
