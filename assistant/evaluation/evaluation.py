"""Answer-quality evaluation: run a gold question set through the engine and score it.

A gold file is JSON Lines, one question per line:

    {"id": "op-03", "question": "When should naloxone be offered?", "answerable": true,
     "doc": "cdc-opioid-prescribing-guideline-2022.pdf", "pages": [45, 50], "kind": "fact"}

`doc` is the file name (`source_name`) of the document that answers the question (null when
no approved document does); `pages` are 1-based physical PDF pages where the answer is
(null for non-paginated files: the document itself is then the gold location); `kind` is an
optional label used for a breakdown. Other fields are ignored.

Metric definitions (the same as `benchmarks/answering.py`, answer level):

- gold document @3: an answerable question whose answer cites the gold document among its
  first three citations (citations in number order; a refusal cites nothing, so misses);
- gold page @3: a citation among the first three from the gold document whose
  [page_start, page_end] contains a gold page (pages null: the document match counts);
- MRR: mean over answerable questions of 1 / rank of the first citation at the gold page
  (0 when none is);
- refusal rate: unanswerable questions refused (higher is better);
- wrong-refusal rate: answerable questions refused (lower is better);
- verified-claim rate: sum of claims_verified / sum of claims_total over the answers
  (meaningful in LLM mode; offline every quoted sentence is verified by construction);
- key facts shown: for answerable questions with `key_facts`, the mean share of them that
  the answer *text* shows (what the chat displays, loosely matched:
  assistant/evaluation/eval_facts.py);
  a refusal shows none;
- register agreement: of the question groups asked in two or more registers (formal,
  shorthand, lay; identifier-bearing and follow-up variants left out), the share whose
  wordings all get the same outcome (all answered or all refused);
- latency p50/p95: `Answer.timings_ms["total_ms"]`.

Breakdowns: per document, per kind, per register and per tag.

Nothing here imports Qt or the benchmarks; the heavy libraries load only through the engine.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.answering.evidence_layout import ITEM, ROW, card_lines
from assistant.evaluation.eval_facts import facts_shown
from assistant.evaluation.eval_gold import REGISTERS, GoldQuestion, load_gold

TOP_K = 3
RESULTS_FORMAT = "clinassist-eval/1"

# name -> (plain-language label, definition, direction: +1 higher is better, -1 lower is better)
METRICS: dict[str, tuple[str, str, int]] = {
    "gold_document_at_3": (
        "Right document cited",
        "Share of answerable questions whose answer cites the expected document among its "
        "first three sources.",
        +1,
    ),
    "gold_page_at_3": (
        "Right page cited",
        "Share of answerable questions whose answer cites the expected page (or, for files "
        "without pages, the expected document) among its first three sources.",
        +1,
    ),
    "mrr": (
        "Rank of the first right source (MRR)",
        "1 when the first source is at the right page, 1/2 when it is the second, and so on; "
        "0 when none is. Averaged over answerable questions.",
        +1,
    ),
    "refusal_rate": (
        "Correct refusals",
        "Share of questions the documents do not answer for which the assistant said so "
        "instead of answering.",
        +1,
    ),
    "wrong_refusal_rate": (
        "Wrong refusals",
        "Share of answerable questions the assistant refused to answer (lower is better).",
        -1,
    ),
    "verified_claim_rate": (
        "Verified statements",
        "Share of answer statements checked against the passage they cite and found "
        "supported (n/a when no statements were made).",
        +1,
    ),
    "key_facts_shown": (
        "Key facts shown",
        "Share of the values or phrases a correct answer must show (1-3 per answerable "
        "question) that appear in the answer text itself, not only in a cited source.",
        +1,
    ),
    "register_agreement": (
        "Same outcome in every wording",
        "Share of questions asked in several registers (formal, shorthand, lay) whose "
        "wordings are all answered or all refused.",
        +1,
    ),
    "latency_p50_ms": (
        "Typical answer time (p50)",
        "Half of the answers took at most this long (milliseconds).",
        -1,
    ),
    "latency_p95_ms": (
        "Slow answer time (p95)",
        "95 % of the answers took at most this long (milliseconds).",
        -1,
    ),
}


def citation_at_gold(q: GoldQuestion, source_name: str, page_start, page_end) -> tuple[bool, bool]:
    """(document match, location match) for one citation."""
    if not q.answerable or source_name != q.doc:
        return False, False
    if not q.pages:
        return True, True
    if not page_start:
        return True, False
    end = page_end or page_start
    return True, any(page_start <= p <= end for p in q.pages)


def gold_fields(q: GoldQuestion) -> dict[str, Any]:
    """The gold side of a result row."""
    return {
        "id": q.id,
        "question": q.question,
        "answerable": q.answerable,
        "doc": q.doc,
        "pages": list(q.pages) if q.pages else None,
        "kind": q.kind,
        "key_facts": list(q.key_facts),
        "register": q.register,
        "group": q.group,
        "tags": list(q.tags),
        "split": q.split,
    }


def score_answer(q: GoldQuestion, answer) -> dict[str, Any]:
    """One result row: the gold, what was cited, and the per-question scores."""
    cites = sorted(answer.citations, key=lambda c: c.number)
    cited = []
    for c in cites:
        doc_hit, loc_hit = citation_at_gold(
            q, c.source.source_name, c.source.page_start, c.source.page_end
        )
        cited.append(
            {
                "source_name": c.source.source_name,
                "page_start": c.source.page_start,
                "page_end": c.source.page_end,
                "doc_hit": doc_hit,
                "page_hit": loc_hit,
            }
        )
    # Related passages (amber) are not an answer: their cards are scored on their own.
    outcome = getattr(answer, "outcome", "") or ("answered" if not answer.refused else "")
    shown = [] if answer.refused else cited
    top = shown[:TOP_K]
    first = next((i for i, c in enumerate(shown) if c["page_hit"]), None)
    latency = answer.timings_ms.get("total_ms")
    return {
        **gold_fields(q),
        "refused": bool(answer.refused),
        "refusal_reason": answer.refusal_reason,
        "mode": answer.mode,
        "citations": cited,
        "doc_at_3": any(c["doc_hit"] for c in top) if q.answerable else None,
        "page_at_3": any(c["page_hit"] for c in top) if q.answerable else None,
        "rr": (1.0 / (first + 1) if first is not None else 0.0) if q.answerable else None,
        "claims_total": int(answer.claims_total or 0),
        "claims_verified": int(answer.claims_verified or 0),
        "latency_ms": round(float(latency), 2) if latency is not None else None,
        "facts_shown": 0 if answer.refused else facts_shown(q.key_facts, answer.text or ""),
        "text": answer.text or "",
        "outcome": outcome,
        "related_page_at_3": (
            any(c["page_hit"] for c in cited[:TOP_K])
            if q.answerable and outcome == "related"
            else None
        ),
        "dropped_items": dropped_items(answer),
        "searched_for": getattr(answer, "searched_for", ""),
    }


def dropped_items(answer) -> int | None:
    """Table rows and list items of the cited passages that the answer's text does not show
    (None for a layout that paraphrases, like a model's answer, or quotes nothing)."""
    if getattr(answer, "layout", "") != "cards" or not answer.citations:
        return None
    shown = " ".join((answer.text or "").split())
    missing = 0
    for citation in answer.citations:
        for line in card_lines(citation.passage, []):
            if line.kind in (ROW, ITEM) and " ".join(line.text.split()) not in shown:
                missing += 1
    return missing


def error_row(q: GoldQuestion, message: str) -> dict[str, Any]:
    """A question the engine could not answer at all (counted as refused, with the reason)."""
    return {
        **gold_fields(q),
        "refused": True,
        "refusal_reason": f"error: {message}",
        "mode": "",
        "citations": [],
        "doc_at_3": False if q.answerable else None,
        "page_at_3": False if q.answerable else None,
        "rr": 0.0 if q.answerable else None,
        "claims_total": 0,
        "claims_verified": 0,
        "latency_ms": None,
        "facts_shown": 0,
        "text": "",
    }


# -- metrics ------------------------------------------------------------------------------------
def quantile(values: list[float], q: float) -> float | None:
    """Linear-interpolated quantile (as numpy's default); None for no values."""
    if not values:
        return None
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _group_metrics(rows: list[dict]) -> dict[str, Any]:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    total = sum(r["claims_total"] for r in rows)
    verified = sum(r["claims_verified"] for r in rows)
    latencies = [r["latency_ms"] for r in rows if r.get("latency_ms") is not None]
    p50, p95 = quantile(latencies, 0.5), quantile(latencies, 0.95)
    with_facts = [r for r in ans if r.get("key_facts")]
    agreement = register_agreement(rows)
    return {
        "questions": len(rows),
        "answerable": len(ans),
        "unanswerable": len(una),
        "gold_document_at_3": _mean([float(r["doc_at_3"]) for r in ans]),
        "gold_page_at_3": _mean([float(r["page_at_3"]) for r in ans]),
        "mrr": _mean([r["rr"] for r in ans]),
        "refusal_rate": _mean([float(r["refused"]) for r in una]),
        "wrong_refusal_rate": _mean([float(r["refused"]) for r in ans]),
        "verified_claim_rate": round(verified / total, 4) if total else None,
        "key_facts_shown": _mean([r["facts_shown"] / len(r["key_facts"]) for r in with_facts]),
        # what the refusals were: related passages (amber) or not covered (red)
        "related_rate": _mean([float(r.get("outcome") == "related") for r in rows]),
        # rows and items of cited tables and lists the answers left out (must be 0)
        "dropped_items": sum(r.get("dropped_items") or 0 for r in rows),
        "register_agreement": agreement[0],
        "claims_total": total,
        "claims_verified": verified,
        "latency_p50_ms": round(p50, 1) if p50 is not None else None,
        "latency_p95_ms": round(p95, 1) if p95 is not None else None,
        "counts": {
            "gold_document_at_3": sum(bool(r["doc_at_3"]) for r in ans),
            "gold_page_at_3": sum(bool(r["page_at_3"]) for r in ans),
            "refused_unanswerable": sum(r["refused"] for r in una),
            "refused_answerable": sum(r["refused"] for r in ans),
            "key_facts": sum(len(r["key_facts"]) for r in with_facts),
            "key_facts_shown": sum(r["facts_shown"] for r in with_facts),
            "register_groups": agreement[1],
            "register_groups_agreeing": agreement[2],
        },
    }


def register_agreement(rows: list[dict]) -> tuple[float | None, int, int]:
    """(share, groups, agreeing groups) over groups asked in two or more registers."""
    outcomes: dict[str, set[bool]] = defaultdict(set)
    registers: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        tags = r.get("tags") or []
        if (
            r.get("group")
            and r.get("register") in REGISTERS
            and not ("identifier" in tags or "followup" in tags)
        ):
            outcomes[r["group"]].add(bool(r["refused"]))
            registers[r["group"]].add(r["register"])
    groups = [g for g, regs in registers.items() if len(regs) >= 2]
    agreeing = sum(len(outcomes[g]) == 1 for g in groups)
    return (round(agreeing / len(groups), 4) if groups else None), len(groups), agreeing


def failure_severity(row: dict) -> int | None:
    """0 = worst. None when the question is not a failure."""
    if row["answerable"]:
        if row["refused"]:
            return 0
        if not row["doc_at_3"]:
            return 1
        if not row["page_at_3"]:
            return 2
        if row.get("facts_shown", 0) < len(row.get("key_facts") or []):
            return 3
        return None
    return None if row["refused"] else 4


FAILURE_LABELS = {
    0: "answerable question refused",
    1: "wrong document cited",
    2: "right document, wrong page",
    3: "key fact missing from the answer text",
    4: "unanswerable question answered",
}


def failures(rows: list[dict], limit: int | None = None) -> list[dict]:
    found = []
    for index, r in enumerate(rows):
        sev = failure_severity(r)
        if sev is not None:
            found.append((sev, -(r["rr"] or 0.0), index, r))
    found.sort(key=lambda x: x[:3])
    out = [{**r, "failure": FAILURE_LABELS[sev]} for sev, _, _, r in found]
    return out[:limit] if limit else out


def compute_metrics(rows: list[dict]) -> dict[str, Any]:
    """Headline metrics, plus per-document and per-kind breakdowns."""
    metrics = _group_metrics(rows)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["answerable"]:
            by_doc[r["doc"]].append(r)
    metrics["per_document"] = {doc: _group_metrics(rs) for doc, rs in sorted(by_doc.items())}
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("kind"):
            by_kind[r["kind"]].append(r)
    metrics["per_kind"] = {k: _group_metrics(rs) for k, rs in sorted(by_kind.items())}
    by_register: dict[str, list[dict]] = defaultdict(list)
    by_tag: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("register"):
            by_register[r["register"]].append(r)
        for tag in r.get("tags") or []:
            by_tag[tag].append(r)
    metrics["per_register"] = {k: _group_metrics(by_register[k]) for k in sorted(by_register)}
    metrics["per_tag"] = {k: _group_metrics(rs) for k, rs in sorted(by_tag.items())}
    metrics["failures"] = len(failures(rows))
    return metrics


# -- running ------------------------------------------------------------------------------------
def run_evaluation(
    engine,
    questions: Iterable[GoldQuestion],
    progress: Callable[[int, int, GoldQuestion], None] | None = None,
) -> list[dict]:
    """Ask every question once (the engine and its model are loaded once by the caller).

    A ValueError from the engine (e.g. an empty question) becomes a refused row with the
    reason; an LLM failure propagates so that a broken provider is not scored as refusals.
    """
    questions = list(questions)
    rows = []
    asked: dict[str, Any] = {}
    for index, q in enumerate(questions):
        if progress:
            progress(index, len(questions), q)
        try:
            answer = engine.ask(q.question, previous=previous_subject(q, asked))
        except ValueError as exc:
            rows.append(error_row(q, str(exc)))
            continue
        asked[q.id] = answer
        rows.append(score_answer(q, answer))
    if progress:
        progress(len(questions), len(questions), None)
    return rows


def previous_subject(q: GoldQuestion, asked: dict[str, Any]) -> str:
    """A follow-up is asked in the conversation of the question it follows (asked earlier in
    the gold file's order); any other question starts a new chat."""
    from assistant.answering.engine import searched_text

    before = asked.get(q.follows) if q.follows else None
    return searched_text(before) if before is not None else ""


def run_metadata(engine, gold_path: Path | str, questions: list[GoldQuestion]) -> dict:
    """What was evaluated: when, on which index, with which provider and thresholds."""
    s = engine.settings
    kb = engine.kb
    meta: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "gold_file": Path(gold_path).name,
        "gold_questions": len(questions),
        "gold_answerable": sum(q.answerable for q in questions),
        "provider": s.llm.provider,
        "model": getattr(engine.chat, "model", "") if engine.chat is not None else "",
        "mode": "llm" if engine.chat is not None else "offline-extractive",
        "settings": {
            **{f"answer.{k}": v for k, v in s.answer.model_dump().items()},
            "privacy.phi_mode": s.privacy.phi_mode,
            "ingest.chunk_tokens": s.ingest.chunk_tokens,
            "ingest.overlap_tokens": s.ingest.overlap_tokens,
        },
        "home": str(s.home),
        "store": s.store.url or "local",
    }
    try:
        live = kb.live_versions()
        meta["index"] = {
            "documents": len(live),
            "chunks": sum(v.chunk_count for v in live),
            "embedding_model": kb.embedder.name,
            "document_list": [
                {
                    "source_name": v.source_name,
                    "title": v.title,
                    "version": v.version,
                    "chunks": v.chunk_count,
                }
                for v in sorted(live, key=lambda v: v.source_name)
            ],
        }
    except Exception as exc:  # noqa: BLE001 - metadata must never sink the evaluation
        meta["index"] = {"error": str(exc)}
    return meta


def evaluate(engine, gold_path: Path, progress=None) -> dict[str, Any]:
    """Load, run, score: the full results document (`--save` writes it)."""
    questions = load_gold(gold_path)
    started = time.perf_counter()
    rows = run_evaluation(engine, questions, progress)
    meta = run_metadata(engine, gold_path, questions)
    meta["duration_s"] = round(time.perf_counter() - started, 1)
    return build_results(rows, meta)


def build_results(rows: list[dict], meta: dict | None = None) -> dict[str, Any]:
    return {
        "format": RESULTS_FORMAT,
        "meta": meta or {},
        "metrics": compute_metrics(rows),
        "rows": rows,
    }


def cited_summary(row: dict, limit: int = TOP_K) -> str:
    """What the answer cited, in one line: `file p. 3; other.pdf pp. 4–5`, or `refused`."""
    if row["refused"]:
        reason = row.get("refusal_reason") or ""
        return "refused" + (f" ({reason})" if reason.startswith(("error", "blocked")) else "")
    parts = []
    for c in row["citations"][:limit]:
        parts.append(c["source_name"] + pages_label(c["page_start"], c["page_end"]))
    return "; ".join(parts) or "no citation"


def pages_label(start, end) -> str:
    if not start:
        return ""
    if end and end != start:
        return f" pp. {start}–{end}"
    return f" p. {start}"
