"""BEIR retrieval quality of the app's real retrieval code over a real knowledge home.

    .venv/bin/python benchmarks/beir_app.py [--sets scifact nfcorpus] [--split test] \
        [--limit N] [--depth 100] [--out benchmarks/results/retrieval-app.md]

Unlike benchmarks/beir.py (a numpy re-enactment of the pipeline), this runs the shipped code
path end to end: every BEIR document is cut by the app's chunker (knowledge.chunking with the
app's default ChunkingOptions, one paragraph block, title = BEIR title) and written into a real
knowledge home the way benchmarks/latency.py writes its homes: chunks with
knowledge.ingest.chunk_metadata through store.upsert_chunks (batched), then one approved,
ready DocumentVersion per document with Catalog.save (the commit point, as in ingest). The
document's source name is its BEIR id, which maps a passage back to the qrels. Chunk vectors
come from the content-addressed cache of beir.py (benchmarks/_work/beir/emb/, same embedding
text as an ingest: knowledge.chunking.embedding_text); only a few chunks missing from it may
be embedded (--max-embed), never the corpus.

Each question goes through knowledge.retrieval.Retriever(kb).search with the app's own
RetrievalConfig except per_doc_cap=1 and top_n=10: a document is ranked by its best passage,
in passage order. The query is embedded by the bundled model, BM25 is the app's LexicalIndex
(built in the home on the first search, or loaded). A second pass with top_n=--depth checks
that a longer list keeps the same top 10 and gives Recall@depth. Homes live in
benchmarks/_work/beir-app/<set>/ and are reused when their marker matches the current chunker
output; a half-built home is rebuilt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine  # noqa: E402
from beir_data import BENCH, BeirSet, load  # noqa: E402
from beir_metrics import evaluate  # noqa: E402

HOMES = WORK / "beir-app"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "retrieval-app.md"
MARKER = "complete.json"
BATCH = 2000  # chunks per upsert


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- documents and chunks --------------------------------------------------------------------
def app_doc_ids(beir: BeirSet) -> list[str]:
    """App-style document ids (doc_id_for of the BEIR id), made unique if two slugs collide."""
    from knowledge.catalog import doc_id_for

    seen: set[str] = set()
    out = []
    for beir_id in beir.doc_ids:
        base = doc_id = doc_id_for(beir_id)
        n = 1
        while doc_id in seen:
            n += 1
            doc_id = f"{base}-{n}"
        seen.add(doc_id)
        out.append(doc_id)
    return out


def content_sha(beir_id: str, title: str, text: str) -> str:
    """Stands in for the file hash: seeds the chunk ids, distinct even for duplicate texts."""
    return hashlib.sha256(f"{beir_id}\x00{title}\x00{text}".encode()).hexdigest()


def chunk_set(beir: BeirSet, counter) -> list[list]:
    """Each document's chunks as the app's chunker cuts them (default ChunkingOptions)."""
    from knowledge.chunking import ChunkingOptions, chunk_document
    from knowledge.document import Block, ParsedDocument

    opts = ChunkingOptions()
    out = []
    for i, (beir_id, title, text) in enumerate(
        zip(beir.doc_ids, beir.titles, beir.texts, strict=True)
    ):
        doc = ParsedDocument(title=title, format="text", blocks=[Block(text=text)])
        out.append(chunk_document(doc, counter, content_sha(beir_id, title, text), opts))
        if (i + 1) % 1000 == 0:
            log(f"  {beir.name}: chunked {i + 1}/{len(beir.doc_ids)} documents")
    return out


def embed_texts(beir: BeirSet, chunks: list[list]) -> list[str]:
    from knowledge.chunking import embedding_text

    return [
        embedding_text(title, c.section, c.text)
        for title, doc_chunks in zip(beir.titles, chunks, strict=True)
        for c in doc_chunks
    ]


def home_digest(beir: BeirSet, doc_ids: list[str], chunks: list[list]) -> str:
    """Changes when the corpus, the chunker's output or the chunk metadata layout changes."""
    from knowledge.chunking import ChunkingOptions

    h = hashlib.sha1(json.dumps(asdict(ChunkingOptions()), sort_keys=True).encode())
    h.update(json.dumps(metadata_keys()).encode())
    for doc_id, beir_id, title, doc_chunks in zip(
        doc_ids, beir.doc_ids, beir.titles, chunks, strict=True
    ):
        h.update(f"{doc_id}\x00{beir_id}\x00{title}\x00".encode())
        h.update("\x00".join(c.id for c in doc_chunks).encode())
    return h.hexdigest()


def metadata_keys() -> list[str]:
    from knowledge.catalog import DocumentVersion
    from knowledge.chunking import Chunk
    from knowledge.ingest import chunk_metadata

    v = DocumentVersion("v", "d", 1, "t", "p", "n", "s", "text")
    return sorted(chunk_metadata(v, Chunk("c", 0, "x", (), None, None, 0, 0, 0, 1, 1), "x"))


# -- building a home -------------------------------------------------------------------------
def cached_vectors(texts: list[str], embedder, max_embed: int):
    """Vectors of the chunk texts from beir.py's cache; embeds at most max_embed misses."""
    from beir_embed import EmbeddingCache

    cache = EmbeddingCache(embedder)
    missing = cache.missing(texts)
    if missing > max_embed:
        raise SystemExit(
            f"{missing} of {len(texts)} chunk texts are not in the embedding cache "
            f"({cache.folder}); refusing to embed more than {max_embed} (--max-embed)"
        )
    if missing:
        log(f"  {missing} chunk texts not cached (chunker changed since): embedding them")
    return cache.embed(texts, "missing chunks"), missing


def home_ready(home: Path, digest: str) -> dict | None:
    marker = home / MARKER
    if not marker.is_file():
        return None
    info = json.loads(marker.read_text(encoding="utf-8"))
    return info if info.get("digest") == digest else None


def build_home(name: str, beir: BeirSet, embedder, counter, max_embed: int) -> tuple[Path, dict]:
    home = HOMES / name
    t0 = time.perf_counter()
    doc_ids = app_doc_ids(beir)
    chunks = chunk_set(beir, counter)
    digest = home_digest(beir, doc_ids, chunks)
    info = home_ready(home, digest)
    if info is not None:
        log(f"{home}: complete, reused ({info['chunks']} chunks)")
        return home, info | {"reused": True, "check_s": round(time.perf_counter() - t0, 1)}
    log(f"{home}: building ({sum(map(len, chunks))} chunks, {len(doc_ids)} documents)")
    vectors, embedded = cached_vectors(embed_texts(beir, chunks), embedder, max_embed)
    shutil.rmtree(home, ignore_errors=True)
    write_home(home, beir, doc_ids, chunks, vectors, embedder)
    info = {
        "set": name,
        "digest": digest,
        "documents": len(doc_ids),
        "chunks": int(len(vectors)),
        "embedded_now": embedded,
        "build_s": round(time.perf_counter() - t0, 1),
    }
    (home / MARKER).write_text(json.dumps(info, indent=1), encoding="utf-8")  # last
    log(f"{home}: built in {info['build_s']} s")
    return home, info | {"reused": False}


def write_home(home: Path, beir: BeirSet, doc_ids, chunks, vectors, embedder) -> None:
    from knowledge.base import KnowledgeBase
    from knowledge.catalog import APPROVED
    from knowledge.ingest import chunk_metadata
    from knowledge.store import StoredChunk

    kb = KnowledgeBase(home, embedder=embedder)  # the store needs only its name and dimension
    store, catalog = kb._store, kb._catalog
    batch: list = []
    pending: list = []  # versions whose chunks are in `batch`: saved after them

    def flush() -> None:
        store.upsert_chunks(batch)
        for v in pending:
            catalog.save(v)  # the commit point, as in ingest
        batch.clear()
        pending.clear()

    start, row = time.perf_counter(), 0
    for i, doc_chunks in enumerate(chunks):
        version = make_version(beir, i, doc_ids[i], len(doc_chunks), embedder.name)
        for c in doc_chunks:
            meta = chunk_metadata(version, c, APPROVED)
            batch.append(StoredChunk(c.id, c.text, meta, vectors[row]))
            row += 1
        pending.append(version)
        if len(batch) >= BATCH:
            flush()
            log(
                f"  {beir.name}: {i + 1}/{len(chunks)} documents, {row} chunks written "
                f"({time.perf_counter() - start:.0f} s)"
            )
    flush()
    stored, live = store.chunk_count(), len(catalog.live_versions())
    if stored != row or live != len(chunks):
        raise SystemExit(
            f"{home}: {stored} chunks / {live} live documents stored, "
            f"expected {row} / {len(chunks)}"
        )


def make_version(beir: BeirSet, i: int, doc_id: str, n_chunks: int, model: str):
    from knowledge.catalog import APPROVED, READY, DocumentVersion, now_iso

    beir_id, title, text = beir.doc_ids[i], beir.titles[i], beir.texts[i]
    sha = content_sha(beir_id, title, text)
    return DocumentVersion(
        version_id=f"{doc_id}@v1-{sha[:8]}",
        doc_id=doc_id,
        version=1,
        title=title,
        source_path=f"{BENCH / beir.name / 'corpus.jsonl'}#{beir_id}",
        source_name=beir_id,
        sha256=sha,
        format="text",
        status=APPROVED,
        state=READY,
        approved_by="beir-app-benchmark",
        approved_at=now_iso(),
        created_by="beir-app-benchmark",
        chunk_count=n_chunks,
        embedding_model=model,
    )


# -- measuring -------------------------------------------------------------------------------
def judged_queries(beir: BeirSet, split: str, limit: int | None) -> list[tuple[str, str]]:
    """(query id, text) of the split's queries with a relevant document, in file order."""
    qrels = beir.qrels[split]
    out = [
        (q, text)
        for q, text in zip(beir.query_ids, beir.queries, strict=True)
        if any(r > 0 for r in qrels.get(q, {}).values())
    ]
    return out[:limit] if limit else out


def open_retriever(home: Path, embedder, top_n: int):
    """The app's Retriever on the home, with its own config but per_doc_cap=1 and top_n."""
    from knowledge.base import KnowledgeBase
    from knowledge.retrieval import Retriever

    kb = KnowledgeBase(home, embedder=embedder)
    cfg = replace(Retriever(kb).config, per_doc_cap=1, top_n=top_n)
    return Retriever(kb, cfg)


def run_queries(retriever, queries, top_n: int, label: str):
    """Ranked BEIR doc ids per query, wall ms per search, the app's own stage timings."""
    runs: dict[str, list[str]] = {}
    wall: list[float] = []
    stages: dict[str, list[float]] = {}
    for n, (qid, text) in enumerate(queries, 1):
        t = time.perf_counter()
        result = retriever.search(text, top_n)
        wall.append((time.perf_counter() - t) * 1000)
        runs[qid] = [p.source.source_name for p in result.passages]
        for k, v in (getattr(result, "timings_ms", None) or {}).items():
            stages.setdefault(k, []).append(float(v))
        if n % 50 == 0 or n == len(queries):
            log(f"  {label}: {n}/{len(queries)} queries ({statistics.median(wall):.0f} ms p50)")
    return runs, wall, stages


def lexical_settings(retriever) -> dict:
    """What can be read off the app's BM25 index after it was built or loaded."""
    import knowledge.lexical as lexical

    out = {
        k: getattr(lexical, k)
        for k in dir(lexical)
        if k.isupper() and isinstance(getattr(lexical, k), int | float | str | bool)
    }
    snapshot = getattr(getattr(retriever, "lexical", None), "_current", None)
    bm25 = getattr(snapshot, "bm25", None)
    for k in ("method", "idf_method", "k1", "b", "delta"):
        if hasattr(bm25, k):
            out[f"bm25s.{k}"] = getattr(bm25, k)
    if hasattr(bm25, "vocab_dict"):
        out["vocabulary"] = len(bm25.vocab_dict)
    out["indexed chunks"] = len(getattr(snapshot, "ids", []) or [])
    return out


def measure(name: str, beir, home: Path, embedder, args) -> dict:
    from beir_app_report import quantile

    queries = judged_queries(beir, args.split, args.limit)
    qrels = {q: beir.qrels[args.split][q] for q, _ in queries}
    retriever = open_retriever(home, embedder, 10)
    t = time.perf_counter()
    retriever.refresh()  # BM25: built from the store the first time, then loaded
    lexical_s = time.perf_counter() - t
    t = time.perf_counter()
    retriever.search("warm-up question about the home", 10)
    warm_ms = (time.perf_counter() - t) * 1000
    runs, wall, stages = run_queries(retriever, queries, 10, f"{name} top 10")
    out = {
        "queries": len(queries),
        "chunks": retriever.kb.index.chunk_count(),
        "config": asdict(retriever.config),
        "lexical": lexical_settings(retriever),
        "metrics": evaluate(runs, qrels, 10),
        "latency_ms": {"p50": quantile(wall, 0.5), "p95": quantile(wall, 0.95)},
        "stages_p50_ms": {k: quantile(v, 0.5) for k, v in stages.items()},
        "lexical_ready_s": round(lexical_s, 1),
        "first_search_ms": round(warm_ms, 1),
        "short_lists": sum(len(r) < 10 for r in runs.values()),
    }
    if args.depth > 10:
        out["deep"] = deep_pass(name, home, embedder, queries, qrels, runs, args.depth)
    (home / f"run-{args.split}.json").write_text(json.dumps(runs), encoding="utf-8")
    return out


def deep_pass(name, home, embedder, queries, qrels, top10, depth: int) -> dict:
    """Same searches with top_n=depth: Recall@depth, list length, top-10 agreement."""
    retriever = open_retriever(home, embedder, depth)
    runs, _, _ = run_queries(retriever, queries, depth, f"{name} top {depth}")
    return {
        "depth": depth,
        "recall": evaluate(runs, qrels, depth)["recall"],
        "mean_docs": statistics.fmean(len(r) for r in runs.values()),
        "top10_differs": sum(runs[q][:10] != top10[q] for q in top10),
    }


# -- main ------------------------------------------------------------------------------------
def import_app(tries: int = 5) -> None:
    """Import the retrieval code now, so the code measured is the code hashed at start; an
    import broken by someone's edit in progress is retried after a minute."""
    import importlib

    for attempt in range(1, tries + 1):
        try:
            for module in ("knowledge.base", "knowledge.retrieval", "knowledge.lexical"):
                importlib.import_module(module)
            return
        except (ImportError, SyntaxError) as exc:
            if attempt == tries:
                raise
            log(f"import failed ({exc!r}); retrying in 60 s")
            time.sleep(60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["scifact", "nfcorpus"])
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int, default=None, help="first N judged queries only")
    ap.add_argument("--depth", type=int, default=100, help="second pass top_n (<= 10: none)")
    ap.add_argument("--max-embed", type=int, default=64, help="chunk texts allowed to embed")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--queries-by",
        choices=["torch", "onnx"],
        default="torch",
        help="embed the questions through sentence-transformers or ONNX Runtime (the index "
        "is always built from the sentence-transformers vectors: an index one path built, "
        "opened by the other)",
    )
    args = ap.parse_args()

    from beir_app_report import git_state, write_reports

    from knowledge.embedding import SentenceTransformerEmbedder, WordPieceCounter

    import_app()
    info = machine()
    code = git_state()  # before the run: the code that is measured
    embedder, counter = SentenceTransformerEmbedder(), WordPieceCounter()
    sets, builds = {}, {}
    t0 = time.perf_counter()
    homes = {}
    for name in args.sets:
        beir = load(name)
        homes[name], builds[name] = build_home(name, beir, embedder, counter, args.max_embed)
        sets[name] = beir
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    asker = embedder
    if args.queries_by == "onnx":
        from knowledge.onnx_embedding import OnnxEmbedder

        asker = OnnxEmbedder()
    results = {n: measure(n, sets[n], homes[n], asker, args) for n in args.sets}
    run_s = time.perf_counter() - t1
    write_reports(args, info, code, builds, results, {"build_s": build_s, "run_s": run_s})
    for n, r in results.items():
        print(
            f"{n}: nDCG@10 {r['metrics']['ndcg']:.4f}  Recall@10 {r['metrics']['recall']:.4f}"
            f"  ({r['queries']} {args.split} queries)"
        )


if __name__ == "__main__":
    main()
