"""Per-set features for the BEIR benchmark: dense score matrices and BM25 score matrices.

Everything expensive is cached under benchmarks/_work/beir/: embeddings (content-addressed,
see beir_embed) and the per-set chunk lists. Score matrices are queries x documents, float32,
exact (numpy dot products over normalised vectors; BM25 from the bm25s index the app builds).
"""

from __future__ import annotations

import json
import sys

import numpy as np
from beir_data import BeirSet
from beir_embed import WORK, EmbeddingCache, app_chunks


def doc_text(title: str, text: str) -> str:
    """The app's embedding text for a whole document (title as context line)."""
    from knowledge.chunking import embedding_text

    return embedding_text(title, (), text)


class DenseFeatures:
    """Query and document/chunk embeddings of one set, from the cache."""

    def __init__(self, beir: BeirSet, cache: EmbeddingCache, counter):
        self.b = beir
        self.cache = cache
        self.counter = counter

    def chunks(self, max_tokens=200, min_tokens=100, overlap=40) -> tuple[list[str], np.ndarray]:
        """App chunks of every document: (chunk texts without context, owning doc index)."""
        path = WORK / f"chunks-{self.b.name}-{max_tokens}-{min_tokens}-{overlap}.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            data = []
            for i, (t, x) in enumerate(zip(self.b.titles, self.b.texts, strict=True)):
                for c in app_chunks(t, x, self.counter, max_tokens, min_tokens, overlap):
                    data.append([i, c])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
        return [c for _, c in data], np.array([i for i, _ in data], dtype=np.int64)

    def queries(self, expanded: bool = True) -> np.ndarray:
        from knowledge.analysis import expand_query

        texts = [expand_query(q) if expanded else q for q in self.b.queries]
        return self.cache.embed(texts, f"{self.b.name} queries")

    def docs(self, variant: str = "title_text", only_count_missing: bool = False):
        b = self.b
        if variant == "title_text":  # the app's embedding_text: "title\ntext" (truncated at 256)
            texts = [doc_text(t, x) for t, x in zip(b.titles, b.texts, strict=True)]
        elif variant == "text":
            texts = list(b.texts)
        elif variant == "title":
            texts = [t or x[:200] for t, x in zip(b.titles, b.texts, strict=True)]
        elif variant == "title_space_text":  # BEIR/MTEB convention "title text"
            texts = [f"{t} {x}".strip() for t, x in zip(b.titles, b.texts, strict=True)]
        else:
            raise ValueError(variant)
        if only_count_missing:
            return self.cache.missing(texts)
        return self.cache.embed(texts, f"{b.name} docs/{variant}")

    def chunk_vectors(
        self, title_prefix: bool = True, only_count_missing: bool = False, **chunking
    ):
        from knowledge.chunking import embedding_text

        texts, owner = self.chunks(**chunking)
        if title_prefix:
            texts = [
                embedding_text(self.b.titles[i], (), c) for i, c in zip(owner, texts, strict=True)
            ]
        if only_count_missing:
            return self.cache.missing(texts)
        return self.cache.embed(texts, f"{self.b.name} chunks"), owner


def precompute(names: list[str]) -> None:
    """Embed everything the experiments need (slow the first time, cached afterwards)."""
    from beir_data import load

    from knowledge.embedding import SentenceTransformerEmbedder, WordPieceCounter

    cache = EmbeddingCache(SentenceTransformerEmbedder(batch_size=32))
    counter = WordPieceCounter()
    sets = [load(n) for n in names]
    feats = [DenseFeatures(b, cache, counter) for b in sets]
    for f in feats:
        f.queries(True)
        f.queries(False)
    for f in feats:
        f.docs("title_text")
    # chunks after the first of each long document, then the first chunks: the tails are
    # what truncation loses, so they are the most informative part to have early
    from knowledge.chunking import embedding_text

    for first in (False, True):
        for f in feats:
            texts, owner = f.chunks()
            is_first = np.r_[True, owner[1:] != owner[:-1]]
            pick = [
                embedding_text(f.b.titles[o], (), t)
                for t, o, s in zip(texts, owner, is_first, strict=True)
                if s == first
            ]
            f.cache.embed(pick, f"{f.b.name} chunks first={first}")
    for f in feats:
        f.docs("title")
    for f in feats:
        f.docs("text")
    print("precompute done", file=sys.stderr)


if __name__ == "__main__":
    precompute(sys.argv[1:] or ["scifact", "nfcorpus"])
