"""The report of benchmarks/beir_app.py: markdown (benchmarks/results/retrieval-app.md) + JSON."""

from __future__ import annotations

import hashlib
import json
import math
import pickle
import subprocess
import sys
from pathlib import Path

from _common import REPO, machine, md_table, write_text

SIM_STATE = REPO / "benchmarks" / "_work" / "beir" / "lab-state.pkl"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.rstrip()


def git_state() -> dict:
    """Commit, whether the tree is dirty, and a digest of knowledge/ as it is on disk now."""
    changed = [line[3:] for line in _git("status", "--porcelain").splitlines() if line[:2] != "??"]
    h = hashlib.sha1()
    for path in sorted((REPO / "knowledge").rglob("*.py")):
        h.update(str(path.relative_to(REPO)).encode() + b"\x00" + path.read_bytes())
    return {
        "commit": _git("rev-parse", "--short", "HEAD").strip() or "unknown",
        "dirty": bool(changed),
        "changed": changed,
        "knowledge_sha1": h.hexdigest()[:12],
    }


def published() -> dict:
    """Published nDCG@10 figures as beir.py quotes them from ../shared/bench/SOURCES.md."""
    try:
        from beir import PUBLISHED
    except Exception:  # noqa: BLE001 - beir.py is edited by others; the report still stands
        return {}
    return PUBLISHED


def simulated() -> dict[str, dict[str, tuple[float, float]]]:
    """The numpy simulation's chunk-pipeline rows (test nDCG@10, Recall@10) from beir.py's
    last complete run, keyed by label, for comparison only."""
    try:
        from beir import APP_CHUNKS_NOW

        with SIM_STATE.open("rb") as f:
            state = pickle.load(f)
    except Exception:  # noqa: BLE001 - no saved state, or beir.py changed: no comparison
        return {}
    wanted = {"RRF + rescore_bonus (the app at the time of beir.py's run)": APP_CHUNKS_NOW}
    for label, cfg in state.get("chosen", {}).items():
        if getattr(cfg, "app_chunk_pipeline", False):
            wanted[f"best found: {label}"] = cfg
    labels: dict = {}  # one row per configuration, however many labels chose it
    for label, cfg in wanted.items():
        labels.setdefault(cfg, []).append(label)
    rows = {r["cfg"]: r for r in state["rows"]}
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for cfg, names in labels.items():
        row = rows.get(cfg)
        if row is None:
            continue
        for name in state["names"]:
            out.setdefault(name, {})["; ".join(names)] = tuple(row[name]["test"])
    return out


def quantile(values: list[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def fmt(x: float | None) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.4f}"


def _set_rows(name: str, r: dict, pub: dict, sim: dict) -> list[list]:
    m = r["metrics"]
    rows = [
        [
            "**app (Retriever.search over the home)**",
            f"**{fmt(m['ndcg'])}**",
            f"**{fmt(m['recall'])}**",
            "measured now",
        ]
    ]
    for label, (ndcg, recall) in sim.get(name, {}).items():
        rows.append(
            [
                f"numpy simulation: {label}",
                fmt(ndcg),
                fmt(recall),
                "beir.py lab-state.pkl (whole test split)",
            ]
        )
    for label, v in pub.get(name, {}).items():
        rows.append([f"published: {label}", f"{v:.3f}", "—", "SOURCES.md"])
    return rows


def _summary(results: dict, builds: dict, split: str) -> str:
    rows = []
    for name, r in results.items():
        lat, deep = r["latency_ms"], r.get("deep") or {}
        rows.append(
            [
                name,
                r["queries"],
                r["chunks"],
                builds[name]["documents"],
                fmt(r["metrics"]["ndcg"]),
                fmt(r["metrics"]["recall"]),
                f"{lat['p50']:.1f}",
                f"{lat['p95']:.1f}",
                fmt(deep.get("recall")) + (f" @{deep['depth']}" if deep else ""),
            ]
        )
    head = [
        "set",
        f"{split} queries",
        "chunks",
        "documents",
        "nDCG@10",
        "Recall@10",
        "search p50 ms",
        "search p95 ms",
        "Recall (deep pass)",
    ]
    return md_table(head, rows, "lrrrrrrrr")


def _checks(results: dict, builds: dict) -> list[str]:
    out = []
    for name, r in results.items():
        b, deep = builds[name], r.get("deep")
        how = (
            "reused (marker matched the chunker's output)"
            if b["reused"]
            else (
                f"built in {b['build_s']} s, {b['embedded_now']} chunk texts embedded "
                "(missing from the cache), every other vector from the cache"
            )
        )
        out.append(
            f"- {name}: home {how}. BM25 index ready in {r['lexical_ready_s']} s "
            f"(built or loaded by LexicalIndex); first search after opening the home "
            f"{r['first_search_ms']:.0f} ms (loads the model unless building did), not counted "
            "in the latencies."
        )
        out.append(f"- {name}: {r['short_lists']} queries got fewer than 10 documents.")
        if deep:
            out.append(
                f"- {name}: with top_n={deep['depth']} the searches return "
                f"{deep['mean_docs']:.1f} documents on average; the first 10 differ from the "
                f"top_n=10 run on {deep['top10_differs']} of {r['queries']} queries."
            )
    return out


def markdown(args, info: dict, code: dict, builds: dict, results: dict, times: dict) -> str:
    first = next(iter(results.values()))
    out = ["# Retrieval quality of the app's own code on BEIR (SciFact, NFCorpus)", ""]
    out.append(
        "Generated by `benchmarks/beir_app.py`. Each BEIR document was cut by the app's chunker "
        "and written into a real knowledge home (Chroma store + catalog: one approved version "
        "per document, source name = BEIR id); every question went through "
        "`knowledge.retrieval.Retriever(kb).search` (query embedded by the bundled MiniLM, "
        "Chroma dense search, the app's BM25 LexicalIndex, the app's fusion and rescoring) "
        "with the app's RetrievalConfig except `per_doc_cap=1, top_n=10`, so the 10 passages "
        "are 10 documents, each ranked by its best passage. nDCG@10 / Recall@10 with "
        "pytrec_eval conventions (benchmarks/beir_metrics.py)."
    )
    out += ["", "## Machine, date, code", ""]
    rows = list(info.items()) + [
        ("git commit", code["commit"] + (" (dirty)" if code["dirty"] else "")),
        ("modified tracked files", ", ".join(code["changed"]) or "none"),
        ("sha1 of knowledge/*.py at start", code["knowledge_sha1"]),
        ("split / query limit", f"{args.split} / {args.limit or 'all'}"),
        ("wall time: homes (check or build)", f"{times['build_s']:.0f} s"),
        ("wall time: searches (both passes, all sets)", f"{times['run_s']:.0f} s"),
    ]
    out.append(md_table(["", ""], rows))
    out += ["", f"## Results ({args.split} split)", "", _summary(results, builds, args.split)]
    out.append(
        "\nLatency: wall time of one `Retriever.search` call (warm: model loaded, BM25 "
        "index ready), one question at a time."
    )
    pub, sim = published(), simulated()
    for name, r in results.items():
        out += ["", f"### {name}", ""]
        out.append(
            md_table(["method", "nDCG@10", "Recall@10", "source"], _set_rows(name, r, pub, sim))
        )
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages_p50_ms"].items())
        out.append(f"\nApp stage timings, p50 ms (RetrievalResult.timings_ms): {stages}")
    if args.limit:
        out.append(
            "\nWith a query limit the app rows cover only part of the split: "
            "not comparable with the other rows."
        )
    out += ["", "## Configuration measured", "", "RetrievalConfig (dataclasses.asdict):", ""]
    out.append(md_table(["field", "value"], [(k, str(v)) for k, v in first["config"].items()]))
    out += ["", "Lexical index (knowledge/lexical.py constants and the built bm25s index):", ""]
    out.append(md_table(["setting", "value"], [(k, str(v)) for k, v in first["lexical"].items()]))
    out += ["", "## Checks", "", *_checks(results, builds)]
    return "\n".join(out) + "\n"


def write_reports(args, info, code, builds, results, times) -> None:
    end = machine()
    info["load average (1/5/15 min) at end"] = end.get("load average (1/5/15 min) at start", "")
    for k in ("torch", "torch threads (intra / inter-op)"):
        if k in end:
            info[k] = end[k]
    out: Path = args.out
    write_text(out, markdown(args, info, code, builds, results, times))
    data = {
        "machine": info,
        "code": code,
        "split": args.split,
        "limit": args.limit,
        "times_s": times,
        "homes": builds,
        "sets": results,
        "published": published(),
        "simulated": simulated(),
    }
    write_text(out.with_suffix(".json"), json.dumps(data, indent=1, default=str) + "\n")
    print(f"wrote {out} and {out.with_suffix('.json')}", file=sys.stderr, flush=True)
