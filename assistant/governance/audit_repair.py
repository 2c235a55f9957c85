"""Sealing a damaged audit log, so the home works again and the damage stays on the record.

A crash can tear the log's last line, or lose head.json; a disk can lose the end of the file.
The log then refuses every write, and since an answer is never shown without its audit entry,
the whole home stops. `clinassist audit repair` keeps the longest run of entries that still
verifies, moves whatever follows it (unchanged) into `audit/quarantine/`, and appends one "gap"
entry saying what was lost and why, chained to the last good entry. `audit verify` then passes
and names the gap: nothing is hidden, and nothing is rewritten in place.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.governance.audit_files import (
    GENESIS,
    canonical,
    entry_hash,
    fsync_write,
    iso_time,
)


class AuditRepair:
    def __init__(self, log):
        self.log = log

    def repair(self) -> dict[str, Any] | None:
        """The "gap" entry written, or None when the log verifies and nothing was done."""
        with self.log.locked():
            if self.log.verify_held().ok:
                return None
            lines = self.log.read_lines(self.log.path)
            good = _verified_prefix(lines)
            torn = lines[len(good) :]
            data = {"kept_to_seq": good[-1]["seq"] if good else 0, "discarded_lines": len(torn)}
            data["reason"] = self._reason(good, torn)
            if torn:
                data["quarantined"] = self._quarantine(torn)
            return self._seal(lines[: len(good)], good, data)

    def _reason(self, good: list[dict[str, Any]], torn: list[bytes]) -> str:
        last = good[-1]["seq"] if good else 0
        parts = []
        if torn:
            parts.append(
                f"{len(torn)} line(s) after entry {last} did not verify (a torn or altered "
                "tail); they are kept in quarantine"
            )
        try:
            head = self.log.read_head()
        except (ValueError, OSError):
            head = None
            parts.append("head.json was unreadable")
        if head is None and not any("head.json" in p for p in parts):
            parts.append("head.json was missing")
        elif head is not None and head["seq"] > last:
            parts.append(
                f"head.json recorded entry {head['seq']} but the log kept entries to {last}: "
                f"entries {last + 1}–{head['seq']} are lost"
            )
        elif (
            head is not None
            and head["seq"] == last
            and good
            and head.get("hash") != good[-1]["hash"]
        ):
            parts.append(f"head.json did not match entry {last}")
        return "; ".join(parts) or "the chain head did not match the log"

    def _quarantine(self, torn: list[bytes]) -> str:
        folder = self.log.dir / "quarantine"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = iso_time(self.log.clock()).replace(":", "").replace("-", "")
        name = f"audit-tail-{stamp}.jsonl"
        fsync_write(folder / name, b"".join(line + b"\n" for line in torn), mode=0o444)
        return f"quarantine/{name}"

    def _seal(self, kept: list[bytes], good: list[dict[str, Any]], data: dict) -> dict[str, Any]:
        last = good[-1] if good else None
        entry: dict[str, Any] = {
            "seq": (last["seq"] if last else 0) + 1,
            "time": iso_time(self.log.clock()),
            "type": "gap",
            "user": self.log.user,
            "workstation": self.log.workstation,
            "data": data,
            "prev": last["hash"] if last else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        fsync_write(
            self.log.path, b"".join(line + b"\n" for line in kept) + canonical(entry) + b"\n"
        )
        self.log.write_head(entry["seq"], entry["hash"])
        return entry


def _verified_prefix(lines: list[bytes]) -> list[dict[str, Any]]:
    """The entries from the first line on that parse, hash and chain correctly (the first
    one's `prev` is taken as it is: GENESIS, or a checkpoint's anchor after pruning)."""
    good: list[dict[str, Any]] = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            break
        if not isinstance(entry, dict) or entry.get("hash") != entry_hash(entry):
            break
        if good and (
            entry.get("seq") != good[-1]["seq"] + 1 or entry.get("prev") != good[-1]["hash"]
        ):
            break
        good.append(entry)
    return good
