"""BM25 for the BEIR benchmark, built with bm25s exactly as knowledge/lexical.py builds it.

The bm25s index stores its precomputed term-document BM25 weights as a CSC matrix
(documents x vocabulary); a query is a vector of term counts over the vocabulary (bm25s counts
a repeated query term once per occurrence), so scores for every query and every document are
one sparse product. That gives exact full score matrices (for score fusion and for
pseudo-relevance feedback with weighted terms), checked against bm25s.get_scores.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import scipy.sparse as sp


def analyser(name: str):
    """Text -> list of terms. "app" is the app's lexical_stems (abbreviation expansion)."""
    from knowledge.analysis import lexical_stems, stems

    if name == "app":
        return lexical_stems
    if name == "app_noexp":
        return stems
    if name == "bm25s_en":  # bm25s' own tokenizer + English stop words + Snowball stemmer
        import bm25s
        import Stemmer

        stemmer = Stemmer.Stemmer("english")

        def tok(text: str) -> list[str]:
            out = bm25s.tokenize(
                [text], stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False
            )
            return list(out[0])

        return tok
    raise ValueError(name)


class Bm25Matrix:
    """A bm25s index over `docs` (lists of terms) plus sparse count matrices for PRF."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75, method="lucene"):
        import bm25s

        self.k1, self.b = k1, b
        self.bm25 = bm25s.BM25(k1=k1, b=b, method=method)
        self.bm25.index(docs, show_progress=False)
        self.vocab: dict[str, int] = self.bm25.vocab_dict
        s = self.bm25.scores
        n_vocab = len(s["indptr"]) - 1
        # docs x vocab: column t holds the BM25 weight of term t in each document
        self.weights = sp.csc_matrix(
            (s["data"], s["indices"], s["indptr"]), shape=(s["num_docs"], n_vocab)
        ).tocsr()
        rows, cols, vals = [], [], []
        for i, terms in enumerate(docs):
            for t, c in Counter(terms).items():
                j = self.vocab.get(t)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(c)
        self.counts = sp.csr_matrix(
            (np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(docs), n_vocab)
        )
        self.doc_len = np.asarray(self.counts.sum(axis=1)).ravel()

    def query_matrix(self, queries: list[list[str]]) -> sp.csr_matrix:
        """Term-count vectors of the queries (unknown terms dropped, as the app does)."""
        rows, cols, vals = [], [], []
        for i, terms in enumerate(queries):
            for t, c in Counter(terms).items():
                j = self.vocab.get(t)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(float(c))
        return sp.csr_matrix(
            (np.array(vals, dtype=np.float32), (rows, cols)),
            shape=(len(queries), self.weights.shape[1]),
        )

    def scores(self, qmat: sp.spmatrix) -> np.ndarray:
        """queries x documents BM25 scores (dense float32)."""
        return np.asarray((qmat @ self.weights.T).todense(), dtype=np.float32)

    def check(self, queries: list[list[str]], n: int = 20) -> float:
        """Largest absolute difference from bm25s.get_scores over the first n queries."""
        worst = 0.0
        mine = self.scores(self.query_matrix(queries[:n]))
        for i, q in enumerate(queries[:n]):
            known = [t for t in q if t in self.vocab]
            if not known:
                continue
            ref = self.bm25.get_scores(known)
            worst = max(worst, float(np.abs(ref - mine[i]).max()))
        return worst


def rm3_queries(
    index: Bm25Matrix,
    qmat: sp.csr_matrix,
    feedback_scores: np.ndarray,
    fb_docs: int = 10,
    fb_terms: int = 20,
    orig_weight: float = 0.5,
) -> sp.csr_matrix:
    """RM3 query models: orig_weight * original + (1 - orig_weight) * relevance model.

    The relevance model is sum over the top fb_docs (by `feedback_scores`, queries x docs) of
    P(t|d) weighted by the document's share of the feedback score mass; its top fb_terms
    terms are kept and renormalised. The original query is its term-count vector normalised
    to sum 1. Returns weighted query vectors for `Bm25Matrix.scores`.
    """
    n_q = qmat.shape[0]
    top = np.argpartition(-feedback_scores, fb_docs, axis=1)[:, :fb_docs]
    ptd = sp.diags(1.0 / np.maximum(index.doc_len, 1)) @ index.counts  # P(t|d)
    ptd = ptd.tocsr()
    rows, cols, vals = [], [], []
    for i in range(n_q):
        docs = top[i]
        w = feedback_scores[i, docs].astype(np.float64)
        w = np.clip(w - min(w.min(), 0.0), 0, None)
        if w.sum() <= 0:
            w = np.ones_like(w)
        w = w / w.sum()
        rm = np.asarray(ptd[docs].T @ w).ravel()
        keep = np.argpartition(-rm, fb_terms)[:fb_terms]
        keep = keep[rm[keep] > 0]
        rm_keep = rm[keep] / rm[keep].sum() if len(keep) else rm[keep]
        q = qmat.getrow(i)
        qsum = q.sum()
        combined: dict[int, float] = {}
        if qsum > 0:
            for j, v in zip(q.indices, q.data, strict=True):
                combined[int(j)] = orig_weight * float(v) / qsum
        for j, v in zip(keep, rm_keep, strict=True):
            combined[int(j)] = combined.get(int(j), 0.0) + (1 - orig_weight) * float(v)
        for j, v in combined.items():
            rows.append(i)
            cols.append(j)
            vals.append(v)
    return sp.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=qmat.shape)


def bonus_matrix(questions: list[str], texts: list[str]) -> np.ndarray:
    """rescore_bonus(q, t, weight=1) for every question x text, exactly (sparse products).

    knowledge.retrieval.rescore_bonus adds weight * (shared numbers / question numbers) +
    weight * (shared adjacent stem pairs / question stem pairs); both parts are set overlaps,
    so they are binary matrix products over a vocabulary of numbers and of stem pairs.
    """
    from knowledge.analysis import numbers, stems

    def feature_sets(items, fn):
        return [fn(x) for x in items]

    def pairs(text):
        s = stems(text)
        return set(zip(s, s[1:], strict=False))

    total = np.zeros((len(questions), len(texts)), dtype=np.float32)
    for fn in (numbers, pairs):
        q_sets = feature_sets(questions, fn)
        t_sets = feature_sets(texts, fn)
        vocab: dict = {}
        for s in q_sets:
            for f in s:
                vocab.setdefault(f, len(vocab))
        if not vocab:
            continue

        def binary(sets, normalise, vocab=vocab):
            rows, cols, vals = [], [], []
            for i, s in enumerate(sets):
                ids = [vocab[f] for f in s if f in vocab]
                for j in ids:
                    rows.append(i)
                    cols.append(j)
                    vals.append(1.0 / len(s) if normalise else 1.0)
            return sp.csr_matrix(
                (np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(sets), len(vocab))
            )

        total += np.asarray((binary(q_sets, True) @ binary(t_sets, False).T).todense())
    return total
