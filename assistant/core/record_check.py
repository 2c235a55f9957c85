"""Catalog against record: every change announced on the audit log (an "intent") must be
closed by its completion entry. A crash between the two leaves an intent open; this finds
each one, looks at the catalog to see whether the change was made, and with `repair` closes
it: the completion entry when it was made (marked "recovered"), an "abandoned" entry when
it was not. `clinassist doctor` runs it after checking catalog against index, so an
interrupted removal is finished first and then recorded.
"""

from __future__ import annotations

from typing import Any

from knowledge.catalog import APPROVED, READY, REMOVING, RETIRED
from knowledge.doctor import Finding
from knowledge.errors import KnowledgeError

UNFINISHED = "unfinished change"


def check(kb, audit, repair: bool = False, by: str = "") -> list[Finding]:
    """`clinassist doctor`: catalog against index (an interrupted removal is finished there),
    then catalog against record."""
    return kb.diagnose(repair=repair, by=by) + reconcile(kb, audit, repair)


def open_intents(audit) -> list[dict[str, Any]]:
    """The intent entries no later entry names as its own."""
    entries = audit.entries()
    closed = {(e.get("data") or {}).get("intent") for e in entries if e.get("type") != "intent"}
    return [e for e in entries if e.get("type") == "intent" and e["seq"] not in closed]


def reconcile(kb, audit, repair: bool = False) -> list[Finding]:
    findings = []
    for intent in open_intents(audit):
        data = intent.get("data") or {}
        change, target = data.get("change", ""), data.get("target", "")
        made, state = _outcome(kb, change, target, data)
        detail = (
            f"the {change} of {target} announced at entry {intent['seq']} has no completion "
            f"entry; {state}"
        )
        if repair:
            if made is not None:
                audit.append(change, {**made, "intent": intent["seq"], "recovered": True})
            else:
                audit.append(
                    "abandoned",
                    {"intent": intent["seq"], "change": change, "target": target, "found": state},
                )
        findings.append(Finding(UNFINISHED, detail, repaired=repair))
    return findings


def _outcome(kb, change: str, target: str, data: dict) -> tuple[dict | None, str]:
    """(the completion's data when the catalog shows the change made, else None; what the
    catalog shows, in words)."""
    if change not in ("remove", "approve", "retire", "ingest", "edit"):
        # reindex, repair: the catalog cannot tell whether they finished; running again is safe
        return None, f"whether it finished cannot be told: run the {change} again"
    try:
        version = kb.version(target)
    except KnowledgeError:
        version = None
    if change == "remove":
        if version is None:
            return {"target": target, "versions": []}, "the catalog shows it removed"
        if version.state == REMOVING:
            return None, "its removal was interrupted: run `clinassist doctor --repair` to finish"
        return None, "the catalog still holds it: the removal was not made"
    if version is None:
        return None, "the catalog has no such version: the change was not made"
    what = {"doc_id": version.doc_id, "version_id": version.version_id, "version": version.version}
    made = {
        "approve": version.status == APPROVED and version.approved_by == data.get("by"),
        "retire": version.status == RETIRED,
        "ingest": version.state == READY,
        "edit": all(getattr(version, k, None) == v for k, v in (data.get("changes") or {}).items()),
    }[change]
    if made:
        return {**what, "by": data.get("by", "")}, "the catalog shows it made"
    return None, "the catalog shows it not made"
