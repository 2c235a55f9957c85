"""The live chunks' texts and metadata, kept beside the lexical index (knowledge/lexical.py).

Every answer reads the records of its candidate chunks, about 150 a question. Read from
Chroma they cost 0.16 ms each (24 ms a question over 4k chunks on the benchmark VM, more at
100k), and a question's candidates are mostly new to the in-memory cache. The lexical build
already reads every live chunk, so it writes their records to one file, read mapped: a
record is then a slice and a JSON parse, microseconds. A chunk id is a hash of its version,
position and text, so a record never goes stale; what can change (status, title) is read
from the catalog, and the approved text is checked as before (knowledge/chunk_integrity.py).

The file lives and dies with its index folder: a removal deletes the folders holding the
removed versions (knowledge/lexical.py, erase_versions), so no text outlives its document.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

TEXTS = "chunk_texts.bin"  # every record's UTF-8 JSON, one after another
OFFSETS = "chunk_text_offsets.npy"  # where record i starts; the last entry is the end


@dataclass(frozen=True, slots=True)
class ChunkTexts:
    """Row i holds the text and metadata of the index's chunk i."""

    data: np.ndarray  # uint8, mapped
    offsets: np.ndarray  # int64, len(rows) + 1

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def get(self, row: int) -> tuple[str, dict[str, Any]]:
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        text, metadata = json.loads(self.data[start:end].tobytes().decode("utf-8"))
        return text, metadata

    @staticmethod
    def save(folder: Path, records: Sequence[tuple[str, dict[str, Any]]]) -> None:
        # Written record by record: at 100k chunks the texts are 130 MB, not to be held twice
        # more (encoded, then joined) by the process that builds the index.
        offsets = np.zeros(len(records) + 1, dtype=np.int64)
        with open(folder / TEXTS, "wb") as out:
            for i, (text, metadata) in enumerate(records):
                encoded = json.dumps([text, metadata], ensure_ascii=False).encode("utf-8")
                out.write(encoded)
                offsets[i + 1] = offsets[i] + len(encoded)
        np.save(folder / OFFSETS, offsets, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, rows: int) -> ChunkTexts | None:
        """The records saved in `folder` for an index of `rows` chunks; None when there are
        none (an index saved before they were kept) or they do not fit it."""
        try:
            offsets = np.load(folder / OFFSETS, allow_pickle=False)
            size = (folder / TEXTS).stat().st_size
            # (a file of no bytes cannot be mapped: an index of empty chunks, or none)
            data = np.memmap(folder / TEXTS, np.uint8, "r") if size else np.zeros(0, np.uint8)
        except (OSError, ValueError):
            return None
        fits = (
            data.dtype == np.uint8
            and offsets.dtype == np.int64
            and len(offsets) == rows + 1
            and int(offsets[-1]) == len(data)
        )
        return cls(data, offsets) if fits else None
