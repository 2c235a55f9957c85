"""BEIR-format loading for the retrieval benchmark (benchmarks/beir.py).

corpus.jsonl {"_id","title","text"}, queries.jsonl {"_id","text"} (the query's "metadata" is
ignored: SciFact's carries the gold evidence), qrels/<split>.tsv with a header line
`query-id corpus-id score` and CRLF line endings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path("/work/shared/bench")


@dataclass(slots=True)
class BeirSet:
    name: str
    doc_ids: list[str]
    titles: list[str]
    texts: list[str]
    query_ids: list[str]
    queries: list[str]
    qrels: dict[str, dict[str, dict[str, int]]] = field(
        default_factory=dict
    )  # split -> q -> d -> rel

    @property
    def doc_index(self) -> dict[str, int]:
        return {d: i for i, d in enumerate(self.doc_ids)}


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, line in enumerate(f):
            line = line.rstrip("\r\n")
            if not line:
                continue
            parts = line.split("\t")
            if n == 0 and parts[0] == "query-id":
                continue
            q, d, score = parts[0].strip(), parts[1].strip(), int(parts[2].strip())
            qrels.setdefault(q, {})[d] = score
    return qrels


def load(name: str, root: Path = BENCH) -> BeirSet:
    folder = root / name
    doc_ids, titles, texts = [], [], []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                doc_ids.append(str(d["_id"]))
                titles.append(d.get("title") or "")
                texts.append(d.get("text") or "")
    query_ids, queries = [], []
    with (folder / "queries.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                q = json.loads(line)
                query_ids.append(str(q["_id"]))
                queries.append(q.get("text") or "")
    qrels = {p.stem: read_qrels(p) for p in sorted((folder / "qrels").glob("*.tsv"))}
    return BeirSet(name, doc_ids, titles, texts, query_ids, queries, qrels)
