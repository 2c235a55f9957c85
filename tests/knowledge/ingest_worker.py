"""Run an ingest in a separate process (for the kill -9 test). Prints progress lines.

usage: python ingest_worker.py HOME FILE [FILE...]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for fakes

from fakes import HashEmbedder, word_counter  # noqa: E402

from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.ingest import IngestOptions  # noqa: E402

home, *files = sys.argv[1:]
kb = KnowledgeBase(Path(home), embedder=HashEmbedder(delay=0.05), count_tokens=word_counter)
for event in kb.ingest([Path(f) for f in files], IngestOptions(embed_batch=8)):
    print(f"chunks {event.chunks_done}", flush=True)
print("finished", flush=True)
