"""The bundled MiniLM run through ONNX Runtime: the same weights as the sentence-transformers
embedder, without importing torch at run time.

The ONNX file is made from the bundled model at install time by scripts/export_onnx.py (fp32,
its SHA-256 checked against scripts/minilm-l6-v2.onnx.sha256), so its provenance is this
repository and the installed package, nothing downloaded. Measured against the
sentence-transformers path on the corpus gold questions (tests/knowledge/test_onnx_embedding.py
and benchmarks/results/startup.md): cosine at least 0.99999 and the same top-10 passages, a
query in about 8 ms instead of 20, and no 6-7 s torch import before the first answer. Both
paths carry the same model name, so an index built by one opens in the other.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from knowledge.embedding import BUNDLED_MODEL_NAME, bundled_model_dir

ONNX_FILE = "minilm-l6-v2.onnx"


def onnx_model_path() -> Path:
    return Path(__file__).resolve().parent / "data" / ONNX_FILE


class OnnxEmbedder:
    """Thread-safe lazy load; L2-normalised mean-pooled vectors, as sentence-transformers."""

    def __init__(self, model_file: Path | None = None, batch_size: int = 32):
        self._model_file = model_file or onnx_model_path()
        self.name = BUNDLED_MODEL_NAME  # the same model: indexes move between the two paths
        self.dimension = 384
        self.max_tokens = 256
        self.batch_size = batch_size
        self._session = None
        self._tokenizer = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def load(self):
        with self._lock:
            if self._session is None:
                import onnxruntime
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(str(bundled_model_dir() / "tokenizer.json"))
                tokenizer.enable_truncation(self.max_tokens)
                tokenizer.enable_padding()
                options = onnxruntime.SessionOptions()
                options.intra_op_num_threads = min(4, os.cpu_count() or 1)
                self._session = onnxruntime.InferenceSession(
                    str(self._model_file), options, providers=["CPUExecutionProvider"]
                )
                self._tokenizer = tokenizer
        return self._session

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            self._encode(texts[start : start + self.batch_size])
            for start in range(0, len(texts), self.batch_size)
        ]
        return np.concatenate(parts)

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        session = self.load()
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        tokens = session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
