"""Embeddings for the BEIR benchmark, cached on disk (content-addressed) so re-runs are cheap.

Every embedded text is keyed by sha1(model name + text); vectors are appended to shards under
benchmarks/_work/beir/emb/ after every slice, so an interrupted run resumes where it stopped.
Chunks come from the app's own chunker (knowledge.chunking.chunk_document) and embedding text
(knowledge.chunking.embedding_text), so the dense side embeds exactly what an ingest would.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np

WORK = Path(__file__).resolve().parent / "_work" / "beir"


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    def __init__(self, embedder, folder: Path = WORK / "emb", slice_size: int = 128):
        self.embedder = embedder
        self.folder = folder
        self.slice_size = slice_size
        self.model = getattr(embedder, "name", "model")
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for shard in sorted(self.folder.glob("shard-*.npz")):
            try:
                with np.load(shard) as z:
                    for k, v in zip(z["keys"], z["vectors"], strict=True):
                        self._vectors[str(k)] = v
            except (OSError, ValueError, KeyError):
                print(f"ignoring damaged shard {shard}", file=sys.stderr)
        self._loaded = True

    def missing(self, texts: list[str]) -> int:
        """How many of `texts` are not cached yet."""
        self._load()
        return sum(_key(self.model, t) not in self._vectors for t in set(texts))

    def embed(self, texts: list[str], label: str = "") -> np.ndarray:
        self._load()
        keys = [_key(self.model, t) for t in texts]
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._vectors and k not in missing:
                missing[k] = t
        if missing:
            items = sorted(missing.items(), key=lambda kv: len(kv[1]))  # similar lengths batch well
            start = time.perf_counter()
            done = 0
            for i in range(0, len(items), self.slice_size):
                part = items[i : i + self.slice_size]
                vectors = self.embedder.embed_documents([t for _, t in part])
                part_keys = np.array([k for k, _ in part])
                shard = self.folder / f"shard-{time.time_ns()}.npz"
                tmp = shard.with_suffix(".tmp.npz")
                np.savez(tmp, keys=part_keys, vectors=vectors)
                tmp.rename(shard)
                for k, v in zip(part_keys, vectors, strict=True):
                    self._vectors[str(k)] = v
                done += len(part)
                rate = done / (time.perf_counter() - start)
                print(
                    f"  embedded {label} {done}/{len(items)} ({rate:.1f} texts/s)",
                    file=sys.stderr,
                    flush=True,
                )
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32)


def app_chunks(title: str, text: str, counter, max_tokens=200, min_tokens=100, overlap=40):
    """The document's chunk texts as the app's chunker cuts them (one paragraph block)."""
    from knowledge.chunking import ChunkingOptions, chunk_document
    from knowledge.document import Block, ParsedDocument

    doc = ParsedDocument(title=title, format="text", blocks=[Block(text=text)])
    opts = ChunkingOptions(max_tokens=max_tokens, min_tokens=min_tokens, overlap_tokens=overlap)
    return [c.text for c in chunk_document(doc, counter, "beir", opts)] or [text]


def window_chunks(text: str, tokenizer, size: int, stride: int) -> list[str]:
    """Fixed token windows (size tokens, moving by stride) cut at word-piece boundaries."""
    enc = tokenizer.encode(text, add_special_tokens=False)
    offsets = enc.offsets
    n = len(offsets)
    if n <= size:
        return [text]
    out = []
    start = 0
    while True:
        end = min(start + size, n)
        out.append(text[offsets[start][0] : offsets[end - 1][1]])
        if end == n:
            break
        start += stride
    return out
