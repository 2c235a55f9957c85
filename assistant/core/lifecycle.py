"""A document's lifecycle, one use case for the admin desk and `clinassist docs`: approve,
retire, remove, edit details. Each goes through the audited KnowledgeBase door, and each
outcome is told in the same words in the window's status line and on the command line."""

from __future__ import annotations

from typing import Any

ACTIONS = ("approve", "retire", "remove", "edit")


def change(kb, action: str, target: str, by: str, details: dict[str, str] | None = None) -> Any:
    """Run one action on a document or version id; the result is what describe_outcome
    tells. Raises KnowledgeError (unknown id, wrong state) or ValueError (a bad detail)."""
    if action == "approve":
        return kb.approve(target, by=by)
    if action == "retire":
        return kb.retire(target)
    if action == "remove":
        return kb.remove(target)
    if action == "edit":
        return kb.update_metadata(target, by=by, **(details or {}))
    raise ValueError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")


def describe_outcome(action: str, result: Any) -> str:
    """One line for the status label after an action finished."""
    if action == "approve":
        version, retired = result
        line = f"Approved {version.doc_id} version {version.version}."
        if retired:
            line += " Retired version " + ", ".join(str(v.version) for v in retired) + "."
        return line
    if action == "retire":
        return f"Retired {result.doc_id} version {result.version}."
    if action == "remove":
        if not result:
            return "Nothing removed."
        if len(result) == 1:
            return f"Removed {result[0].doc_id} version {result[0].version}."
        return f"Removed {result[0].doc_id} ({len(result)} versions)."
    if action == "edit":
        return f"Saved details of {result.doc_id} version {result.version}."
    return f"{action}: done."
