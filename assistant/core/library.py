"""Library use cases the window and the command line share (Qt-free, typer-free).

The options of an ingest are built here once from the settings and the user's choices, so
the admin desk and `clinassist ingest` cannot drift apart (they once built them separately).
"""

from __future__ import annotations

import getpass
from datetime import date

from knowledge.chunking import ChunkingOptions
from knowledge.ingest import IngestOptions


def ingest_options(
    settings,
    *,
    approve: bool,
    user: str = "",
    owner: str = "",
    review_by: str = "",
    effective_date: str = "",
    title: str = "",
    doc_id: str = "",
    notes: str = "",
) -> IngestOptions:
    """The options of one ingest: the user's choices, the site's limits and chunking.
    Raises ValueError naming a date that is not YYYY-MM-DD."""
    for value in (review_by, effective_date):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    return IngestOptions(
        approve=approve,
        user=user or getpass.getuser(),
        owner=owner.strip(),
        review_by=review_by,
        effective_date=effective_date,
        title=title,
        doc_id=doc_id,
        notes=notes,
        max_file_mb=settings.ingest.max_file_mb,
        max_chunks=settings.ingest.max_chunks_per_file,
        embed_batch=settings.ingest.embed_batch,
        chunking=ChunkingOptions(
            max_tokens=settings.ingest.chunk_tokens,
            overlap_tokens=settings.ingest.overlap_tokens,
        ),
    )
