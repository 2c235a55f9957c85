"""The chunks' texts and metadata kept beside the lexical index (knowledge/chunk_texts.py)."""

from __future__ import annotations

import numpy as np

from knowledge.chunk_texts import OFFSETS, TEXTS, ChunkTexts

RECORDS = [
    ("Hands are rubbed for 20–30 seconds.", {"version_id": "v1", "page_start": 3}),
    ("", {"version_id": "v1", "section": "Empty"}),
    ("Naïve café: ≥ 50 MME/day ✓", {"version_id": "v2", "title": "Opioids — 2022"}),
]


def test_saved_records_read_back_row_by_row_unchanged(tmp_path):
    ChunkTexts.save(tmp_path, RECORDS)
    texts = ChunkTexts.load(tmp_path, len(RECORDS))
    assert texts is not None and len(texts) == 3
    assert [texts.get(i) for i in range(3)] == [(t, m) for t, m in RECORDS]
    assert isinstance(texts.data, np.memmap)  # mapped, not read into memory


def test_missing_or_mismatched_files_are_no_records(tmp_path):
    assert ChunkTexts.load(tmp_path, 3) is None  # never saved
    ChunkTexts.save(tmp_path, RECORDS)
    assert ChunkTexts.load(tmp_path, 2) is None  # saved for another index
    np.save(tmp_path / OFFSETS, np.array([0, 5], dtype=np.int64))
    assert ChunkTexts.load(tmp_path, 1) is None  # the offsets do not reach the data's end
    (tmp_path / OFFSETS).write_bytes(b"damaged")
    assert ChunkTexts.load(tmp_path, 1) is None
    ChunkTexts.save(tmp_path, RECORDS)
    (tmp_path / TEXTS).write_bytes((tmp_path / TEXTS).read_bytes()[:-3])  # cut short
    assert ChunkTexts.load(tmp_path, 3) is None


def test_an_empty_index_saves_and_loads_no_records(tmp_path):
    ChunkTexts.save(tmp_path, [])
    texts = ChunkTexts.load(tmp_path, 0)
    assert texts is not None and len(texts) == 0
