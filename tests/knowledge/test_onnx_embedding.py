"""The ONNX path against the reference (sentence-transformers), on real text: the same vectors
to within float noise, the same top-10 passages for every corpus gold question, the same model
name (an index built by one opens in the other), and no torch imported to embed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge.chunking import chunk_document
from knowledge.embedding import WordPieceCounter, bundled_embedder
from knowledge.onnx_embedding import OnnxEmbedder, onnx_model_path
from knowledge.parsing import parse_file

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "assets" / "demo"


@pytest.fixture(autouse=True)
def installed_model():
    """The install makes the file (scripts/setup.sh runs scripts/export_onnx.py): a missing
    one is a failed install, never a skipped test."""
    assert onnx_model_path().is_file(), "run scripts/export_onnx.py (scripts/setup.sh does)"


def corpus_questions() -> list[str]:
    lines = (REPO / "tests" / "data" / "corpus_gold.jsonl").read_text().splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def demo_passages() -> list[str]:
    counter = WordPieceCounter()
    texts = []
    for path in sorted(DEMO.glob("*")):
        if path.suffix in {".pdf", ".md", ".html", ".docx", ".txt"}:
            texts += [c.text for c in chunk_document(parse_file(path), counter, path.name)]
    return texts


@pytest.mark.slow
def test_the_same_vectors_and_the_same_top_ten_as_the_reference(real_embedder):
    onnx = OnnxEmbedder()
    assert (onnx.name, onnx.dimension, onnx.max_tokens) == (
        real_embedder.name,
        real_embedder.dimension,
        real_embedder.max_tokens,
    )
    questions = corpus_questions()
    passages = demo_passages()
    assert len(questions) > 100 and len(passages) > 50
    ours, theirs = onnx.embed_documents(passages), real_embedder.embed_documents(passages)
    assert float((ours * theirs).sum(axis=1).min()) > 0.99999
    for question in questions:
        query_ours, query_theirs = onnx.embed_query(question), real_embedder.embed_query(question)
        assert float(query_ours @ query_theirs) > 0.99999, question
        top_ours = np.argsort(-(theirs @ query_ours))[:10]  # an index the reference built
        top_theirs = np.argsort(-(theirs @ query_theirs))[:10]
        assert list(top_ours) == list(top_theirs), question


def test_the_installed_app_embeds_without_importing_torch():
    code = (
        "import sys; from knowledge.embedding import bundled_embedder; e = bundled_embedder(); "
        "v = e.embed_query('hand hygiene'); "
        "print(type(e).__name__, v.shape[0], 'torch' in sys.modules, "
        "'sentence_transformers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.split() == ["OnnxEmbedder", "384", "False", "False"]
    assert isinstance(bundled_embedder(), OnnxEmbedder)
