"""nDCG@k and Recall@k with the conventions of pytrec_eval / BEIR's EvaluateRetrieval.

- Gains are the graded relevance values from the qrels (linear gain, as trec_eval's ndcg),
  discount 1/log2(rank + 1) with ranks from 1.
- The ideal DCG is computed from all judged-relevant documents of the query in the qrels
  (not only the retrieved ones).
- Documents with relevance <= 0 count as non-relevant; queries without any relevant document
  are skipped (pytrec_eval drops them); a query with judgments but no results scores 0.
- Recall@k = |relevant in top k| / |relevant| (BEIR's definition, not capped at k).
- Ties in the run are broken as trec_eval does: score descending, then doc id descending.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def _ranked(run: Mapping[str, float] | Sequence[str]) -> list[str]:
    if isinstance(run, Mapping):
        return [d for d, _ in sorted(run.items(), key=lambda x: (-x[1], _neg(x[0])))]
    return list(run)


def _neg(doc_id: str):
    # sort key that orders doc ids descending inside an ascending sort
    return tuple(-ord(c) for c in doc_id)


def ndcg_at_k(ranked: Sequence[str], rels: Mapping[str, int], k: int = 10) -> float:
    gains = sorted((r for r in rels.values() if r > 0), reverse=True)
    if not gains:
        return float("nan")
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:k]))
    dcg = sum(
        rels.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if rels.get(d, 0) > 0
    )
    return dcg / ideal


def recall_at_k(ranked: Sequence[str], rels: Mapping[str, int], k: int = 10) -> float:
    relevant = {d for d, r in rels.items() if r > 0}
    if not relevant:
        return float("nan")
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def evaluate(
    runs: Mapping[str, Mapping[str, float] | Sequence[str]],
    qrels: Mapping[str, Mapping[str, int]],
    k: int = 10,
) -> dict[str, float]:
    """Mean nDCG@k and Recall@k over the qrels' queries that have a relevant document."""
    ndcgs, recalls = [], []
    for q, rels in qrels.items():
        if not any(r > 0 for r in rels.values()):
            continue
        ranked = _ranked(runs.get(q, []))
        ndcgs.append(ndcg_at_k(ranked, rels, k))
        recalls.append(recall_at_k(ranked, rels, k))
    n = len(ndcgs)
    return {
        "ndcg": sum(ndcgs) / n if n else float("nan"),
        "recall": sum(recalls) / n if n else float("nan"),
        "queries": n,
    }
