"""Saved evaluation results and before/after comparison (`clinassist eval --save/--compare`).

A comparison lists every headline metric before and after, flags regressions (a rate that
moves the wrong way by more than half a point, latency that grows by more than 20 %), and
the questions whose outcome changed, so a committee sees what a corpus, model or setting
change did before it goes live.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.evaluation.evaluation import FAILURE_LABELS, METRICS, failure_severity

RATE_TOLERANCE = 0.005  # a rate that moves less than this is not a regression
LATENCY_TOLERANCE = 0.20  # latency may grow 20 % before it counts as a regression


class ResultsError(ValueError):
    """A saved results file cannot be read."""


# -- saved results and comparison ---------------------------------------------------------------
def load_results(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ResultsError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultsError(f"{path}: cannot be read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ResultsError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
        raise ResultsError(
            f"{path}: not an evaluation results file (write one with `clinassist eval --save`)"
        )
    data.setdefault("rows", [])
    data.setdefault("meta", {})
    return data


def save_results(results: dict, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _is_regression(name: str, before, after) -> bool:
    if before is None or after is None:
        return False
    direction = METRICS[name][2]
    if name.startswith("latency"):
        return after > before * (1 + LATENCY_TOLERANCE) and after - before > 1.0
    return (after - before) * direction < -RATE_TOLERANCE


def compare(before: dict, after: dict) -> dict[str, Any]:
    """Before → after for every headline metric, and the questions whose outcome changed.

    `before`/`after` are results documents (`build_results`) or their "metrics" dicts.
    """
    mb = before.get("metrics", before)
    ma = after.get("metrics", after)
    metrics = {}
    for name in METRICS:
        b, a = mb.get(name), ma.get(name)
        delta = round(a - b, 4) if a is not None and b is not None else None
        metrics[name] = {
            "before": b,
            "after": a,
            "delta": delta,
            "regression": _is_regression(name, b, a),
        }
    changed = []
    rows_b = {r["id"]: r for r in before.get("rows", [])}
    for r in after.get("rows", []):
        old = rows_b.get(r["id"])
        if old is None:
            continue
        was, now = _outcome_ok(old), _outcome_ok(r)
        if was != now:
            changed.append(
                {
                    "id": r["id"],
                    "question": r["question"],
                    "change": "regressed" if was else "improved",
                    "before": _outcome_label(old),
                    "after": _outcome_label(r),
                }
            )
    return {
        "before": {
            "date": before.get("meta", {}).get("date"),
            "gold_file": before.get("meta", {}).get("gold_file"),
        },
        "metrics": metrics,
        "regressions": [n for n, m in metrics.items() if m["regression"]],
        "questions_changed": changed,
    }


def _outcome_ok(row: dict) -> bool:
    return failure_severity(row) is None


def _outcome_label(row: dict) -> str:
    sev = failure_severity(row)
    return "ok" if sev is None else FAILURE_LABELS[sev]
