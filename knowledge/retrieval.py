"""Hybrid retrieval over approved, current document versions only.

Dense search (Chroma, cosine over MiniLM) and lexical search (BM25) each rank candidates; the
ranks are fused by weighted reciprocal rank fusion, lightly rescored for exact numbers and
phrases from the question, and capped per document so one long guideline cannot crowd out
the rest. Every candidate is checked against the catalog's live set, whatever the store's
metadata says: a pending or retired version is never returned.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from knowledge.analysis import expand_query, expansions, numbers, stems
from knowledge.catalog import DocumentVersion
from knowledge.lexical import LexicalIndex
from knowledge.store import Hit


@dataclass(frozen=True, slots=True)
class RetrievalConfig:
    k_dense: int = 50
    k_lexical: int = 50
    rrf_k: int = 60
    weight_dense: float = 1.0
    weight_lexical: float = 1.0
    per_doc_cap: int = 4
    top_n: int = 8
    rescore: bool = True


@dataclass(slots=True)
class Passage:
    chunk_id: str
    text: str
    doc_id: str
    version_id: str
    version: int
    title: str
    source_name: str
    source_path: str
    section: str
    page_start: int | None
    page_end: int | None
    position_start: int
    position_end: int
    char_start: int
    char_end: int
    approved_at: str
    score: float = 0.0
    similarity: float = 0.0  # cosine similarity to the question (dense), 0 if not a dense hit
    dense_rank: int | None = None
    lexical_rank: int | None = None


@dataclass(slots=True)
class RetrievalResult:
    query: str
    passages: list[Passage]
    timings_ms: dict[str, float] = field(default_factory=dict)
    candidates: int = 0

    @property
    def best_similarity(self) -> float:
        return max((p.similarity for p in self.passages), default=0.0)


def _passage(hit_id: str, text: str, meta: dict, version: DocumentVersion) -> Passage:
    return Passage(
        chunk_id=hit_id,
        text=text,
        doc_id=version.doc_id,
        version_id=version.version_id,
        version=version.version,
        title=version.title,
        source_name=version.source_name,
        source_path=version.source_path,
        section=meta.get("section", ""),
        page_start=meta.get("page_start") or None,
        page_end=meta.get("page_end") or None,
        position_start=meta.get("position_start", 0),
        position_end=meta.get("position_end", 0),
        char_start=meta.get("char_start", 0),
        char_end=meta.get("char_end", 0),
        approved_at=version.approved_at,
    )


class Retriever:
    """Stateless apart from the lexical index cache; safe to share between threads."""

    def __init__(self, kb, config: RetrievalConfig | None = None):
        self.kb = kb
        self.config = config or RetrievalConfig()
        # A fake kb in tests may not have a runner: rebuild in line then.
        self.lexical = LexicalIndex(kb.home / "lexical", background=getattr(kb, "background", None))

    def refresh(self) -> list[DocumentVersion]:
        live = self.kb.catalog.live_versions()
        self.lexical.ensure(self.kb.store, live)
        return live

    def search(self, question: str, top_n: int | None = None) -> RetrievalResult:
        cfg = self.config
        timings: dict[str, float] = {}
        start = time.perf_counter()
        live = {v.version_id: v for v in self.refresh()}
        timings["catalog_ms"] = _ms(start)

        t = time.perf_counter()
        query_vector = self.kb.embedder.embed_query(expand_query(question))
        timings["embed_ms"] = _ms(t)

        t = time.perf_counter()
        dense = self._dense(query_vector, live)
        timings["dense_ms"] = _ms(t)

        t = time.perf_counter()
        lexical = self.lexical.search(question, cfg.k_lexical)
        timings["lexical_ms"] = _ms(t)

        t = time.perf_counter()
        passages = self._fuse(dense, lexical, live, query_vector)
        if cfg.rescore:
            _rescore(passages, question)
        passages.sort(key=lambda p: p.score, reverse=True)
        chosen = _cap_per_document(passages, cfg.per_doc_cap, top_n or cfg.top_n)
        timings["fuse_ms"] = _ms(t)
        timings["total_ms"] = _ms(start)
        return RetrievalResult(question, chosen, timings, candidates=len(passages))

    def _dense(self, vector: np.ndarray, live: dict[str, DocumentVersion]) -> list[Hit]:
        """Nearest live chunks. Chroma's metadata filter costs ~5x an unfiltered query, so ask
        unfiltered for extra candidates and keep the live ones; only when pending or retired
        chunks crowd them out, ask again with the filter."""
        if not live:
            return []
        k = self.config.k_dense
        hits = self.kb.store.query(vector, k=2 * k)
        kept = [h for h in hits if h.metadata.get("version_id") in live]
        if len(kept) < k and len(hits) == 2 * k:
            filtered = self.kb.store.query(vector, k=k, where={"status": "approved"})
            kept = [h for h in filtered if h.metadata.get("version_id") in live]
        return kept[:k]

    def _fuse(self, dense: list[Hit], lexical, live, query_vector) -> list[Passage]:
        cfg = self.config
        by_id: dict[str, Passage] = {}
        for rank, hit in enumerate(dense):
            p = _passage(hit.id, hit.text, hit.metadata, live[hit.metadata["version_id"]])
            p.similarity = 1.0 - hit.distance
            p.dense_rank = rank
            by_id[hit.id] = p
        missing = [h.chunk_id for h in lexical if h.chunk_id not in by_id]
        fetched = (
            {c.id: c for c in self.kb.store.get_chunks(ids=missing, with_embeddings=True)}
            if missing
            else {}
        )
        for rank, hit in enumerate(lexical):
            p = by_id.get(hit.chunk_id)
            if p is None:
                chunk = fetched.get(hit.chunk_id)
                if chunk is None or chunk.metadata.get("version_id") not in live:
                    continue  # stale lexical entry: never trust it over the catalog
                p = _passage(
                    chunk.id, chunk.text, chunk.metadata, live[chunk.metadata["version_id"]]
                )
                if chunk.embedding is not None:
                    p.similarity = float(np.dot(chunk.embedding, query_vector))
                by_id[hit.chunk_id] = p
            p.lexical_rank = rank
        fused = rrf_scores(
            [
                ([h.id for h in dense], cfg.weight_dense),
                ([h.chunk_id for h in lexical if h.chunk_id in by_id], cfg.weight_lexical),
            ],
            cfg.rrf_k,
        )
        for chunk_id, p in by_id.items():
            p.score = fused.get(chunk_id, 0.0)
        return list(by_id.values())


def question_coverage(question: str, passages: list[Passage], top: int = 5) -> float:
    """Best share of the question's content stems (abbreviations expanded) found in one of
    the top passages (text, title and section): is the question's subject here at all?"""
    terms = set(stems(question + " " + " ".join(expansions(question))))
    if not terms:
        return 0.0
    best = 0.0
    for p in passages[:top]:
        text = f"{p.text} {p.title} {p.section}"
        words = set(stems(text + " " + " ".join(expansions(text))))
        best = max(best, len(words & terms) / len(terms))
    return best


def rrf_scores(rankings: list[tuple[list[str], float]], k: int = 60) -> dict[str, float]:
    """Weighted reciprocal rank fusion: each ranking (ids best first) adds weight/(k + rank)."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank + 1)
    return scores


def rescore_bonus(question: str, text: str, weight: float = 0.004) -> float:
    """Small bonuses for the question's exact numbers and adjacent word pairs in a passage."""
    bonus = 0.0
    wanted_numbers = numbers(question)
    if wanted_numbers:
        bonus += weight * len(wanted_numbers & numbers(text)) / len(wanted_numbers)
    q_stems = stems(question)
    q_pairs = set(zip(q_stems, q_stems[1:], strict=False))
    if q_pairs:
        p_stems = stems(text)
        pairs = set(zip(p_stems, p_stems[1:], strict=False))
        bonus += weight * len(q_pairs & pairs) / len(q_pairs)
    return bonus


def _rescore(passages: list[Passage], question: str) -> None:
    for p in passages:
        p.score += rescore_bonus(question, p.text)


def _cap_per_document(passages: list[Passage], cap: int, top_n: int) -> list[Passage]:
    chosen, per_doc = [], {}
    for p in passages:
        if per_doc.get(p.doc_id, 0) >= cap:
            continue
        per_doc[p.doc_id] = per_doc.get(p.doc_id, 0) + 1
        chosen.append(p)
        if len(chosen) == top_n:
            break
    return chosen


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
