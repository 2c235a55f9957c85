"""The evaluation engine of the BEIR benchmark: one configuration -> a score matrix -> metrics.

A `Config` names every choice (lexical analyser, fields, k1/b, RM3; dense document
representation, query form, Rocchio feedback; fusion method and its parameters; rescoring).
`SetContext.scores(cfg)` returns the (queries x documents) score matrix of the evaluated
queries; `SetContext.evaluate(scores, split)` gives nDCG@10 and Recall@10 with the conventions
of beir_metrics (checked against the dict-based implementation there).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from dataclasses import asdict, dataclass, replace

import numpy as np
from beir_data import BeirSet
from beir_features import DenseFeatures
from beir_fusion import aggregate_chunks, convex, neighbour_smoothing, ranks, rocchio, rrf
from beir_lexical import Bm25Matrix, analyser, bonus_matrix, rm3_queries

TUNE_SPLITS = {"scifact": ["train"], "nfcorpus": ["dev", "train"]}


@dataclass(frozen=True)
class Config:
    # lexical side
    analyser: str = "app"  # app (lexical_stems) | app_noexp (stems) | bm25s_en
    title: str = "concat1"  # concatN: title repeated N times before the text | none |
    #                          field:<w>: separate title index, score = text + w * title
    k1: float = 1.2
    b: float = 0.75
    lex_unit: str = "doc"  # doc | chunk (BM25 over app chunks, max per document)
    rm3: tuple | None = None  # (fb_docs, fb_terms, orig_weight)
    # dense side
    dense_doc: str = "full"  # full (truncated title\ntext) | chunks | chunks+full | first |
    #                          top2 | max+mean:<l> | text (no title, truncated)
    query: str = "expanded"  # expanded (expand_query, as the app) | raw
    rocchio: tuple | None = None  # (k docs, beta)
    dense_title: float = 0.0  # + w * cosine(query, embedded title alone)
    # fusion
    fusion: str = "rrf"  # rrf | cc | dense | lexical
    rrf_k: float = 60
    w_dense: float = 1.0
    w_lexical: float = 1.0
    k_dense: int = 50
    k_lexical: int = 50
    norm_dense: str = "minmax"
    norm_lexical: str = "minmax"
    alpha: float = 0.5  # cc: weight of the dense side
    missing: str = "score"  # cc: score | zero
    prf_source: str = "self"  # self: each side feeds back its own top docs | fused: 2 rounds
    rescore: float = 0.0  # rescore_bonus weight (app: 0.004 on RRF scores)
    rescore_text: str = "text"  # text | title_text
    graph: tuple | None = None  # (top_n, k, lam): neighbour smoothing of the fused top_n
    app_chunk_pipeline: bool = False  # the app's own pipeline over chunks (RRF per chunk)

    def short(self, base: Config | None = None) -> str:
        base = base or Config()
        diff = {k: v for k, v in asdict(self).items() if asdict(base)[k] != v}
        return ", ".join(f"{k}={v}" for k, v in diff.items()) or "(app defaults)"


class Memo:
    def __init__(self, size: int):
        self.size = size
        self.data: OrderedDict = OrderedDict()

    def get(self, key, fn):
        if key in self.data:
            self.data.move_to_end(key)
            return self.data[key]
        value = fn()
        self.data[key] = value
        while len(self.data) > self.size:
            self.data.popitem(last=False)
        return value


class SetContext:
    def __init__(self, beir: BeirSet, dense: DenseFeatures, log=print):
        self.b = beir
        self.dense = dense
        self.log = log
        self.splits = {s: beir.qrels[s] for s in TUNE_SPLITS[beir.name] + ["test"]}
        qpos = {q: i for i, q in enumerate(beir.query_ids)}
        wanted = sorted({qpos[q] for qr in self.splits.values() for q in qr if q in qpos})
        missing = {q for qr in self.splits.values() for q in qr if q not in qpos}
        if missing:
            log(f"  {beir.name}: {len(missing)} judged queries missing from queries.jsonl")
        self.rows = np.array(wanted)
        self.row_of = {beir.query_ids[i]: r for r, i in enumerate(self.rows)}
        self.questions = [beir.queries[i] for i in self.rows]
        self.n_docs = len(beir.doc_ids)
        self._eval = {}
        doc_index = beir.doc_index
        for name in list(self.splits) + ["tune"]:
            qrels = (
                {q: r for s in TUNE_SPLITS[beir.name] for q, r in self.splits[s].items()}
                if name == "tune"
                else self.splits[name]
            )
            qs = [
                q
                for q, rel in qrels.items()
                if q in self.row_of and any(v > 0 for v in rel.values())
            ]
            gains = np.zeros((len(qs), self.n_docs), dtype=np.float32)
            idcg = np.zeros(len(qs))
            nrel = np.zeros(len(qs))
            for i, q in enumerate(qs):
                rel = {d: v for d, v in qrels[q].items() if v > 0}
                for d, v in rel.items():
                    if (
                        d in doc_index
                    ):  # judged documents missing from the corpus still count in IDCG
                        gains[i, doc_index[d]] = v
                g = sorted(rel.values(), reverse=True)[:10]
                idcg[i] = sum(x / np.log2(j + 2) for j, x in enumerate(g))
                nrel[i] = len(rel)
            self._eval[name] = (np.array([self.row_of[q] for q in qs]), gains, idcg, nrel)
        self.memo = Memo(24)
        self._ranks = Memo(8)
        self._tokens: dict = {}
        self._chunks = None

    # -- evaluation --------------------------------------------------------------------------
    def evaluate(self, scores: np.ndarray, split: str, per_query: bool = False):
        rows, gains, idcg, nrel = self._eval[split]
        s = scores[rows]
        part = np.argpartition(-s, 10, axis=1)[:, :10]
        order = np.argsort(-np.take_along_axis(s, part, axis=1), axis=1, kind="stable")
        top = np.take_along_axis(part, order, axis=1)
        ok = np.isfinite(np.take_along_axis(s, top, axis=1))
        g = np.take_along_axis(gains, top, axis=1) * ok
        disc = 1.0 / np.log2(np.arange(2, 12))
        ndcg = (g * disc).sum(1) / idcg
        recall = (g > 0).sum(1) / nrel
        if per_query:
            return ndcg, recall
        return float(ndcg.mean()), float(recall.mean())

    def runs(self, scores: np.ndarray, split: str, depth: int = 100) -> dict[str, dict[str, float]]:
        """Dict runs for beir_metrics.evaluate (the reference implementation)."""
        out = {}
        for q in self.splits[split]:
            r = self.row_of.get(q)
            if r is None:
                continue
            s = scores[r]
            top = np.argsort(-s, kind="stable")[:depth]
            out[q] = {self.b.doc_ids[j]: float(s[j]) for j in top if np.isfinite(s[j])}
        return out

    # -- lexical -----------------------------------------------------------------------------
    def _tok(self, name: str, kind: str):
        key = (name, kind)
        if key not in self._tokens:
            tok = analyser(name)
            b = self.b
            if kind == "query":
                self._tokens[key] = [tok(q) for q in self.questions]
            elif kind == "text":
                self._tokens[key] = [tok(x) for x in b.texts]
            elif kind == "title":
                self._tokens[key] = [tok(t) for t in b.titles]
            elif kind.startswith("chunk"):  # chunk<N>: title N times, as index_text does once
                n = int(kind[len("chunk") :] or 1)
                texts, owner = self.chunk_texts()
                from knowledge.lexical import index_text

                self._tokens[key] = [
                    tok("\n".join([b.titles[o]] * (n - 1) + [index_text(b.titles[o], "", t)]))
                    for t, o in zip(texts, owner, strict=True)
                ]
            else:
                raise ValueError(kind)
        return self._tokens[key]

    def chunk_texts(self):
        if self._chunks is None:
            self._chunks = self.dense.chunks()
        return self._chunks

    def bm25(self, cfg: Config, field: str) -> Bm25Matrix:
        """A bm25s index over documents ('doc', with cfg.title), titles or chunks."""
        key = ("bm25", cfg.analyser, field, cfg.title if field != "title" else "", cfg.k1, cfg.b)

        def build():
            if field == "title":
                docs = self._tok(cfg.analyser, "title")
            elif field == "chunk":
                n = int(cfg.title[len("concat") :]) if cfg.title.startswith("concat") else 1
                docs = self._tok(cfg.analyser, f"chunk{n}")
            else:
                text = self._tok(cfg.analyser, "text")
                title = self._tok(cfg.analyser, "title")
                if cfg.title.startswith("concat"):
                    n = int(cfg.title[len("concat") :])
                    docs = [t * n + x for t, x in zip(title, text, strict=True)]
                else:  # none, or field:<w> (text only here)
                    docs = text
            return Bm25Matrix(docs, k1=cfg.k1, b=cfg.b)

        return self.memo.get(key, build)

    def lexical(self, cfg: Config, feedback: np.ndarray | None = None) -> np.ndarray:
        """BM25 scores (queries x docs); with RM3 when cfg.rm3 (feedback scores given, or the
        first-round BM25 scores)."""
        base = replace(cfg, rm3=None)
        fb_key = None if feedback is None else id(feedback)
        key = ("lex", cfg.analyser, cfg.title, cfg.k1, cfg.b, cfg.lex_unit, cfg.rm3, fb_key)

        def build():
            queries = self._tok(cfg.analyser, "query")
            if cfg.lex_unit == "chunk":
                idx = self.bm25(cfg, "chunk")
                qm = idx.query_matrix(queries)
                if cfg.rm3:
                    raise NotImplementedError("RM3 over chunks")
                _, owner = self.chunk_texts()
                return aggregate_chunks(idx.scores(qm), owner, self.n_docs, "max")
            idx = self.bm25(cfg, "doc")
            qm = idx.query_matrix(queries)
            if cfg.rm3:
                fb = feedback if feedback is not None else self.lexical(base)
                qm = rm3_queries(idx, qm, fb, *cfg.rm3)
            s = idx.scores(qm)
            if cfg.title.startswith("field:"):
                w = float(cfg.title.split(":", 1)[1])
                tidx = self.bm25(cfg, "title")
                tq = tidx.query_matrix(queries)
                s = s + w * tidx.scores(tq)
            return s

        if feedback is not None:
            return build()
        return self.memo.get(key, build)

    # -- dense -------------------------------------------------------------------------------
    def qvec(self, form: str) -> np.ndarray:
        return self.memo.get(
            ("qvec", form), lambda: self.dense.queries(form == "expanded")[self.rows]
        )

    def doc_vectors(self, variant: str) -> np.ndarray:
        return self.memo.get(("dvec", variant), lambda: self.dense.docs(variant))

    def chunk_vectors(self):
        return self.memo.get(("cvec",), lambda: self.dense.chunk_vectors(True))

    def dense_scores(self, cfg: Config, qv: np.ndarray | None = None) -> np.ndarray:
        if cfg.dense_title:
            base = self.dense_scores(replace(cfg, dense_title=0.0), qv)
            q = qv if qv is not None else self.qvec(cfg.query)
            return base + cfg.dense_title * (q @ self.doc_vectors("title").T)
        key = ("dense", cfg.dense_doc, cfg.query)
        if qv is None and cfg.rocchio is None:
            return self.memo.get(key, lambda: self._dense(cfg.dense_doc, self.qvec(cfg.query)))
        if qv is None:  # Rocchio from the dense side's own top documents

            def build():
                q0 = self.qvec(cfg.query)
                first = self.dense_scores(replace(cfg, rocchio=None))
                return self._dense(cfg.dense_doc, self._rocchio(cfg, q0, first))

            return self.memo.get(key + (cfg.rocchio,), build)
        return self._dense(cfg.dense_doc, qv)

    def _rocchio(self, cfg: Config, q0: np.ndarray, feedback_scores: np.ndarray) -> np.ndarray:
        k, beta = cfg.rocchio
        top = np.argsort(-feedback_scores, axis=1)[:, :k]
        vecs = self.doc_vectors("title_text")[top]  # (q, k, dim): whole-document vectors
        return rocchio(q0, vecs, beta)

    def _dense(self, doc: str, qv: np.ndarray) -> np.ndarray:
        if doc == "full":
            return qv @ self.doc_vectors("title_text").T
        if doc == "text":
            return qv @ self.doc_vectors("text").T
        if doc == "title":
            return qv @ self.doc_vectors("title").T
        cv, owner = self.chunk_vectors()
        cs = qv @ cv.T
        if doc == "chunks":
            return aggregate_chunks(cs, owner, self.n_docs, "max")
        if doc == "chunks+full":
            full = qv @ self.doc_vectors("title_text").T
            return aggregate_chunks(cs, owner, self.n_docs, "max", extra=full)
        return aggregate_chunks(cs, owner, self.n_docs, doc)

    # -- rescoring ---------------------------------------------------------------------------
    def bonus(self, which: str) -> np.ndarray:
        def build():
            b = self.b
            if which == "text":
                texts = b.texts
            elif which == "title_text":
                texts = [f"{t}\n{x}" for t, x in zip(b.titles, b.texts, strict=True)]
            elif which == "chunk":
                texts = self.chunk_texts()[0]
            else:
                raise ValueError(which)
            return bonus_matrix(self.questions, texts)

        return self.memo.get(("bonus", which), build)

    # -- fusion ------------------------------------------------------------------------------
    def scores(self, cfg: Config) -> np.ndarray:
        if cfg.app_chunk_pipeline:
            return self._app_chunk_pipeline(cfg)
        if cfg.fusion == "lexical":
            s = self.lexical(cfg).astype(np.float64)
            s = np.where(s > 0, s, -np.inf)  # bm25s returns only documents sharing a term
        elif cfg.fusion == "dense":
            s = self.dense_scores(cfg).astype(np.float64)
        else:
            if cfg.prf_source == "fused" and (cfg.rm3 or cfg.rocchio):
                first = self._fuse(
                    replace(cfg, rm3=None, rocchio=None, prf_source="self"),
                    self.dense_scores(replace(cfg, rocchio=None)),
                    self.lexical(replace(cfg, rm3=None)),
                )
                first = np.where(np.isfinite(first), first, -1e9)
                lex = self.lexical(cfg, feedback=first) if cfg.rm3 else self.lexical(cfg)
                if cfg.rocchio:
                    qv = self._rocchio(cfg, self.qvec(cfg.query), first)
                    dense = self.dense_scores(cfg, qv=qv)
                else:
                    dense = self.dense_scores(cfg)
            else:
                lex, dense = self.lexical(cfg), self.dense_scores(cfg)
            s = self._fuse(cfg, dense, lex)
        if cfg.rescore:
            s = s + cfg.rescore * self.bonus(cfg.rescore_text)
        if cfg.graph:
            s = neighbour_smoothing(s, self.doc_vectors("title_text"), *cfg.graph)
        return s

    def _fuse(self, cfg: Config, dense: np.ndarray, lex: np.ndarray) -> np.ndarray:
        if cfg.fusion == "rrf":
            rd = self.ranks_of(dense)
            rl = self.ranks_of(lex, lexical=True)
            return rrf(
                [(rd, cfg.w_dense, cfg.k_dense), (rl, cfg.w_lexical, cfg.k_lexical)], cfg.rrf_k
            )
        if cfg.fusion == "cc":
            return _convex(cfg, dense, lex)
        raise ValueError(cfg.fusion)

    def ranks_of(self, m: np.ndarray, lexical: bool = False) -> np.ndarray:
        """0-based ranks, memoised by object (component matrices are memoised too). For BM25
        only documents with a positive score are ranked (bm25s returns nothing else)."""

        def build():
            if not lexical:
                return ranks(m)
            pos = m > 0
            return np.where(pos, ranks(np.where(pos, m, -np.inf)), 10**9)

        return self._ranks.get((id(m), lexical), lambda: (m, build()))[1]

    def _app_chunk_pipeline(self, cfg: Config) -> np.ndarray:
        """The app's Retriever over chunks: BM25 and dense each score chunks (BM25 over
        index_text(title, section, chunk), title repeated as cfg.title says; dense over the
        embedded "title\nchunk"), the fusion combines chunk scores, rescore_bonus reads the
        chunk text, feedback and smoothing use chunk vectors / chunk terms; a document scores
        as its best chunk (per_doc_cap does not change a document ranking)."""
        _, owner = self.chunk_texts()
        cv, owner2 = self.chunk_vectors()
        assert (owner == owner2).all()
        q0 = self.qvec(cfg.query)
        idx = self.bm25(cfg, "chunk")
        qm = idx.query_matrix(self._tok(cfg.analyser, "query"))

        def fuse(dense, lex):
            if cfg.fusion == "rrf":
                lex_m = np.where(lex > 0, lex, -np.inf)
                rl = np.where(np.isfinite(lex_m), ranks(lex_m), 10**9)
                return rrf(
                    [(ranks(dense), cfg.w_dense, cfg.k_dense), (rl, cfg.w_lexical, cfg.k_lexical)],
                    cfg.rrf_k,
                )
            return _convex(cfg, dense, lex)

        dense = q0 @ cv.T
        lex = idx.scores(qm)
        if cfg.rm3 or cfg.rocchio:
            if cfg.prf_source == "fused":
                first = fuse(dense, lex)
                fb_lex = fb_dense = np.where(np.isfinite(first), first, -1e9)
            else:
                fb_lex, fb_dense = lex, dense
            if cfg.rm3:
                lex = idx.scores(rm3_queries(idx, qm, fb_lex, *cfg.rm3))
            if cfg.rocchio:
                k, beta = cfg.rocchio
                top = np.argsort(-fb_dense, axis=1)[:, :k]
                dense = rocchio(q0, cv[top], beta) @ cv.T
        fused = fuse(dense, lex)
        if cfg.rescore:
            fused = fused + cfg.rescore * self.bonus("chunk")
        if cfg.graph:
            fused = neighbour_smoothing(fused, cv, *cfg.graph)
        return aggregate_chunks(fused, owner, self.n_docs, "max")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _convex(cfg, dense, lex):
    """The convex fusion with a configuration's parameters."""
    return convex(
        dense,
        lex,
        cfg.alpha,
        cfg.k_dense,
        cfg.k_lexical,
        cfg.norm_dense,
        cfg.norm_lexical,
        cfg.missing,
    )
