"""Pure fusion / normalisation / feedback functions evaluated by benchmarks/beir.py.

Written as small numpy functions over (queries x documents) score matrices so the grid is
cheap; the per-query forms the app would use (`fuse_scores`, `rocchio`) are given alongside so
the lead can move them into knowledge/retrieval.py unchanged.
"""

from __future__ import annotations

import numpy as np

NEG = np.float32(-np.inf)


# -- helpers over matrices ------------------------------------------------------------------
def ranks(scores: np.ndarray) -> np.ndarray:
    """0-based rank of every document per query (0 = best); ties by document index."""
    order = np.argsort(-scores, axis=1, kind="stable")
    r = np.empty_like(order)
    rows = np.arange(scores.shape[0])[:, None]
    r[rows, order] = np.arange(scores.shape[1])[None, :]
    return r


def topk_mask(scores: np.ndarray, k: int) -> np.ndarray:
    """True for each query's top-k documents (a candidate list of depth k)."""
    if k >= scores.shape[1]:
        return np.ones_like(scores, dtype=bool)
    idx = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    m = np.zeros_like(scores, dtype=bool)
    np.put_along_axis(m, idx, True, axis=1)
    return m


def rrf(rank_mats: list[tuple[np.ndarray, float, int]], k: float = 60) -> np.ndarray:
    """Weighted RRF as knowledge.retrieval.rrf_scores: weight / (k + rank + 1) per list,
    counting only each list's top `depth` (ranks are 0-based). Non-candidates get -inf."""
    out = np.zeros(rank_mats[0][0].shape, dtype=np.float64)
    seen = np.zeros(out.shape, dtype=bool)
    for r, w, depth in rank_mats:
        inside = r < depth
        out += np.where(inside, w / (k + r + 1.0), 0.0)
        seen |= inside
    return np.where(seen, out, -np.inf)


def normalise(scores: np.ndarray, cand: np.ndarray, how: str) -> np.ndarray:
    """Per-query normalisation of scores over the candidate set `cand` (bool matrix).

    minmax: (s - min) / (max - min) over candidates;  z: (s - mean) / std over candidates;
    max: s / max (BM25 has theoretical minimum 0);  raw: unchanged;
    tmm: theoretical-min max: (s - lo) / (max - lo) with lo = -1 for cosine... (pass via how
    "tmm:<lo>").
    """
    s = np.where(cand, scores, np.nan).astype(np.float64)
    if how == "raw":
        out = scores.astype(np.float64)
    elif how == "minmax":
        lo = np.nanmin(s, axis=1, keepdims=True)
        hi = np.nanmax(s, axis=1, keepdims=True)
        out = (scores - lo) / np.maximum(hi - lo, 1e-9)
    elif how == "z":
        mu = np.nanmean(s, axis=1, keepdims=True)
        sd = np.nanstd(s, axis=1, keepdims=True)
        out = (scores - mu) / np.maximum(sd, 1e-9)
    elif how == "max":
        hi = np.nanmax(s, axis=1, keepdims=True)
        out = scores / np.maximum(hi, 1e-9)
    elif how.startswith("tmm:"):
        lo = float(how.split(":", 1)[1])
        hi = np.nanmax(s, axis=1, keepdims=True)
        out = (scores - lo) / np.maximum(hi - lo, 1e-9)
    else:
        raise ValueError(how)
    return out


def convex(
    dense: np.ndarray,
    lexical: np.ndarray,
    alpha: float,
    k_dense: int,
    k_lexical: int,
    how_dense: str = "minmax",
    how_lexical: str = "minmax",
    missing: str = "score",
) -> np.ndarray:
    """alpha * norm(dense) + (1 - alpha) * norm(lexical) over the union of both top-k lists.

    missing="score": a candidate found by only one list still uses its real score from the
    other side (the app has the chunk's embedding and can ask BM25 for any chunk's score);
    missing="zero": it gets 0 from the side that did not retrieve it (classic CombSUM).
    """
    cd, cl = topk_mask(dense, k_dense), topk_mask(lexical, k_lexical)
    cand = cd | cl
    nd = normalise(dense, cand if missing == "score" else cd, how_dense)
    nl = normalise(lexical, cand if missing == "score" else cl, how_lexical)
    if missing == "zero":
        nd = np.where(cd, nd, 0.0)
        nl = np.where(cl, nl, 0.0)
    return np.where(cand, alpha * nd + (1 - alpha) * nl, -np.inf)


def aggregate_chunks(
    chunk_scores: np.ndarray,
    owner: np.ndarray,
    n_docs: int,
    how: str = "max",
    extra: np.ndarray | None = None,
) -> np.ndarray:
    """Document scores from chunk scores (queries x chunks; `owner` sorted, chunk -> doc).

    max: best chunk;  first: first chunk only;  top2: mean of best two (one-chunk docs: the
    chunk);  max+mean:<l>: max + l * mean;  `extra` (queries x docs, e.g. the truncated
    whole-document embedding) is treated as one more chunk of each document.
    """
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    assert len(starts) == n_docs and (owner[starts] == np.arange(n_docs)).all()
    mx = np.maximum.reduceat(chunk_scores, starts, axis=1)
    if extra is not None and how == "max":
        return np.maximum(mx, extra)
    if how == "max":
        return mx
    if how == "first":
        return chunk_scores[:, starts]
    counts = np.diff(np.r_[starts, len(owner)])
    if how.startswith("max+mean:"):
        lam = float(how.split(":", 1)[1])
        mean = np.add.reduceat(chunk_scores, starts, axis=1) / counts
        return mx + lam * mean
    if how == "top2":
        # second best per doc: max over chunks after removing the best one
        best_idx = np.zeros_like(chunk_scores, dtype=bool)
        second = np.full_like(mx, -np.inf)
        for d in np.flatnonzero(counts > 1):
            a, b = starts[d], starts[d] + counts[d]
            part = np.sort(chunk_scores[:, a:b], axis=1)
            second[:, d] = part[:, -2]
        del best_idx
        return np.where(np.isfinite(second), (mx + second) / 2, mx)
    raise ValueError(how)


def rocchio(query: np.ndarray, feedback: np.ndarray, beta: float) -> np.ndarray:
    """Dense pseudo-relevance feedback: normalise(q + beta * mean(feedback vectors)).

    query: (dim,) or (n, dim); feedback: (k, dim) or (n, k, dim), all L2-normalised."""
    centroid = feedback.mean(axis=-2)
    q = query + beta * centroid
    return (q / np.linalg.norm(q, axis=-1, keepdims=True)).astype(np.float32)


# -- the per-query form for the app --------------------------------------------------------
def fuse_scores(
    dense: dict[str, float],
    lexical: dict[str, float],
    alpha: float = 0.5,
) -> dict[str, float]:
    """Convex combination of min-max normalised scores over the union of candidates.

    `dense` maps candidate id -> cosine similarity, `lexical` candidate id -> BM25 score, both
    over the same candidate set (the union of the two top-k lists; a candidate missing from a
    map scores that side's minimum). Returns alpha * dense' + (1 - alpha) * lexical'.
    """
    ids = set(dense) | set(lexical)
    if not ids:
        return {}

    def norm(scores: dict[str, float]) -> dict[str, float]:
        if not scores:
            return {i: 0.0 for i in ids}
        lo, hi = min(scores.values()), max(scores.values())
        span = (hi - lo) or 1.0
        return {i: (scores[i] - lo) / span if i in scores else 0.0 for i in ids}

    nd, nl = norm(dense), norm(lexical)
    return {i: alpha * nd[i] + (1 - alpha) * nl[i] for i in ids}


def neighbour_smoothing(
    scores: np.ndarray, doc_vectors: np.ndarray, top_n: int = 30, k: int = 5, lam: float = 0.3
) -> np.ndarray:
    """Cluster-hypothesis rescoring of each query's top_n fused documents.

    Each of the top_n documents gets lam * (mean min-max-normalised score of its k most
    similar other documents among the top_n, by cosine of their embeddings) added to its own
    normalised score: a document whose close neighbours also rank high moves up. Documents
    below top_n keep their order under the top_n. scores: (q, docs); doc_vectors: (docs, d).
    """
    top = np.argsort(-scores, axis=1)[:, :top_n]
    s = np.take_along_axis(scores, top, axis=1).astype(np.float64)
    s = np.where(np.isfinite(s), s, np.nan)  # fewer than top_n candidates
    lo, hi = np.nanmin(s, axis=1, keepdims=True), np.nanmax(s, axis=1, keepdims=True)
    s = np.nan_to_num((s - lo) / np.maximum(hi - lo, 1e-12), nan=-1.0)
    v = doc_vectors[top]  # (q, n, d)
    sim = np.einsum("qnd,qmd->qnm", v, v)
    idx = np.arange(top_n)
    sim[:, idx, idx] = -np.inf
    nn = np.argsort(-sim, axis=2)[:, :, :k]  # (q, n, k)
    nn_scores = np.take_along_axis(s[:, None, :].repeat(top_n, axis=1), nn, axis=2)
    new = s + lam * nn_scores.mean(axis=2)
    finite = np.isfinite(scores)
    row_max = np.max(np.where(finite, scores, -1e300), axis=1, keepdims=True)
    out = np.where(finite, scores - row_max - 10.0, -np.inf)  # below every smoothed score
    np.put_along_axis(out, top, new, axis=1)
    return out
