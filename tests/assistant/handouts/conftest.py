"""The NIDDK patient booklet, approved, with the real model: the handout tests' library."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.ingest import IngestOptions

SHARED_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


@pytest.fixture(scope="module")
def niddk_kb(tmp_path_factory, real_embedder):
    booklet = SHARED_CORPUS / "niddk-eating-and-diabetes.pdf"
    if not booklet.is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    kb = KnowledgeBase(tmp_path_factory.mktemp("niddk"), embedder=real_embedder)
    list(kb.ingest([booklet], IngestOptions(approve=True)))
    return kb
