"""Exact nearest-neighbour search over the live chunks' vectors, held in one matrix.

Chroma's HNSW index is approximate, and not the same from one process to the next: asked the
same question in three fresh processes, it returned the same 10 nearest chunks each time but a
different 50, 100 and 200 in one of them; over 100 real questions (corpus and demo pack)
it found 92 % of the true 100 nearest on average, 63 % for the worst. A passage's deep
dense rank then changed with the process, near-tied passages swapped and a clinician could
see an evidence card more or fewer after a restart. Multiplying the question's vector by
every live chunk's vector is exact and repeatable, and cheap at the sizes a hospital
library has: 1.3 ms at 10k chunks and 11 ms at 100k, against 5.5 and 5.7 ms for the HNSW
query (benchmarks/results/latency.md), at 1.5 kB of memory per chunk.

The matrix is built with the lexical index, since both describe the same live chunks, and
lives in the same folder under the same fingerprint (knowledge/lexical.py).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

VECTORS = "vectors.npy"
ROW_VERSIONS = "row_versions.json"


@dataclass(frozen=True, slots=True)
class DenseMatch:
    chunk_id: str
    similarity: float
    vector: np.ndarray


@dataclass(slots=True)
class DenseMatrix:
    """Row i is the unit vector of chunk `ids[i]`, of document version `row_versions[i]`."""

    ids: list[str]
    vectors: np.ndarray  # float32, shape (len(ids), dimension)
    row_versions: list[str]
    _masks: dict[frozenset[str], np.ndarray] = field(default_factory=dict)
    # The document versions whose chunks the matrix holds: read on every search, so made
    # once (a set of 100k rows' versions each time would cost milliseconds).
    versions: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self):
        if not (len(self.ids) == len(self.row_versions) == self.vectors.shape[0]):
            raise ValueError("a dense matrix needs one id and one version per row")
        self.versions = frozenset(self.row_versions)

    def nearest(self, vector: np.ndarray, k: int, live: Collection[str]) -> list[DenseMatch]:
        """The k chunks of live versions most similar to `vector`, best first. Equal
        similarities keep row order, so the same question always gets the same list."""
        allowed = self._mask(frozenset(live))
        count = int(allowed.sum())
        k = min(k, count)
        if k <= 0:
            return []
        # Every row at once (no copy of the allowed rows: that would cost more than the
        # product), the rows of other versions then ranked last.
        sims = self.vectors @ np.asarray(vector, dtype=np.float32)
        if count < len(sims):
            sims[~allowed] = -np.inf
        kth = sims[np.argpartition(-sims, k - 1)[k - 1]]
        # Rows tied at the k-th similarity are taken in row order, not as the partition
        # happens to leave them, then all are ordered by similarity, then row.
        above = np.flatnonzero(sims > kth)
        tied = np.flatnonzero(sims == kth)[: k - len(above)]
        top = np.concatenate([above, tied])
        top = top[np.lexsort((top, -sims[top]))]
        # (a copy of each row: a cached record must not keep a replaced index's file mapped)
        return [DenseMatch(self.ids[i], float(sims[i]), np.array(self.vectors[i])) for i in top]

    def _mask(self, live: frozenset[str]) -> np.ndarray:
        # One mask per live set, kept: the live set changes only when an admin acts.
        mask = self._masks.get(live)
        if mask is None:
            mask = np.fromiter((v in live for v in self.row_versions), bool, len(self.row_versions))
            self._masks = {live: mask}
        return mask

    def save(self, folder: Path) -> None:
        np.save(folder / VECTORS, self.vectors, allow_pickle=False)
        (folder / ROW_VERSIONS).write_text(json.dumps(self.row_versions), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, ids: list[str]) -> DenseMatrix | None:
        """The matrix saved in `folder` for these ids; None when there is none (an index
        written before matrices were kept) or it does not fit them."""
        try:
            # mapped, not read: the OS keeps the pages it needs (154 MB at 100k chunks)
            vectors = np.load(folder / VECTORS, mmap_mode="r", allow_pickle=False)
            row_versions = json.loads((folder / ROW_VERSIONS).read_text(encoding="utf-8"))
            if vectors.dtype != np.float32 or vectors.ndim != 2:
                return None
            return cls(ids, vectors, row_versions)
        except (OSError, ValueError):
            return None
