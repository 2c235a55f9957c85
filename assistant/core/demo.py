"""The demo knowledge pack: fictional Demo General Hospital policies, ingested and approved.

Loading it twice is harmless: unchanged files are recognised by their hash and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from assistant.core.paths import demo_pack_dir
from knowledge.ingest import IngestOptions, IngestProgress


def demo_manifest(folder: Path | None = None) -> list[dict]:
    folder = folder or demo_pack_dir()
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return data["documents"]


def load_demo_pack(kb, folder: Path | None = None) -> Iterator[IngestProgress]:
    folder = folder or demo_pack_dir()
    documents = demo_manifest(folder)
    per_file = {
        d["file"]: {k: d[k] for k in ("title", "owner", "review_by", "effective_date") if d.get(k)}
        for d in documents
    }
    options = IngestOptions(
        approve=True,
        user="demo-pack",
        per_file=per_file,
        notes="Demo content: fictional, not clinical guidance.",
    )
    return kb.ingest([folder / d["file"] for d in documents], options)


def demo_is_loaded(kb) -> bool:
    names = {v.source_name for v in kb.live_versions()}
    return all(d["file"] in names for d in demo_manifest())
