"""The words that label an answer, the same in the window, the terminal and the exports:
its badge: what outcome, and what was checked. (Where a passage is: evidence_layout.where_label.)"""

from __future__ import annotations

from assistant.answering.answer import BLOCKED, LLM_MODE, RELATED, Answer

# The badge of each outcome. Offline nothing is checked beyond "the quote is in the passage",
# so the badge asks the reader to check; an LLM answer's says what its support check found.
QUOTED_BADGE = "Quoted from approved documents — check that it answers your question"
RELATED_BADGE = "Related passages — they may not answer this question"
REFUSED_BADGE = "Not covered by the approved documents"
BLOCKED_BADGE = "Not sent: blocked by the privacy setting"


def badge_text(answer: Answer) -> tuple[str, str]:
    """(css class, words) of the answer's badge; ("", "") when it has none."""
    if answer.outcome == BLOCKED or answer.refusal_reason.startswith("blocked"):
        return "badge-refused", BLOCKED_BADGE
    if answer.outcome == RELATED:
        return "badge-related", RELATED_BADGE
    if answer.refused:
        return "badge-refused", REFUSED_BADGE
    if answer.mode != LLM_MODE:
        return "badge-quoted", QUOTED_BADGE
    if not answer.claims_total:
        return "", ""
    plural = "s" if answer.claims_total != 1 else ""
    checked = (
        f"{answer.claims_verified} of {answer.claims_total} statement{plural} "
        "supported by their cited passage"
    )
    if answer.claims_verified == answer.claims_total:
        return "badge-verified", f"Verified: {checked}"
    return "badge-unverified", checked
