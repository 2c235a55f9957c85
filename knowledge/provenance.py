"""Where a passage comes from: one value made when a chunk is read back with its version, and
carried unchanged by the passage, the citation and the closest-document list.

It used to be eleven-odd fields copied by name from chunk metadata into a passage, from the
passage into a citation and from the citation into a closest document; a field added to one
copy and not another was a citation that opened the wrong page. Now each holder keeps one
`Provenance`, and only the stored forms (Chroma metadata, saved answers) spell it out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.catalog import DocumentVersion
    from knowledge.chunking import Chunk


def pages_label(
    start: int | None, end: int | None = None, label_start: str = "", label_end: str = ""
) -> str:
    """ "p. 46 (printed 44)", "pp. 3–4": the physical page the viewer opens, and the number
    printed on the paper when it differs."""
    if not start:
        return ""
    if end and end != start:
        printed = (
            f" (printed {label_start or start}–{label_end or end})"
            if (label_start or label_end)
            else ""
        )
        return f"pp. {start}–{end}{printed}"
    return f"p. {start}" + (f" (printed {label_start})" if label_start else "")


@dataclass(frozen=True, slots=True)
class Provenance:
    chunk_id: str
    doc_id: str
    version_id: str
    version: int
    title: str
    source_name: str
    source_path: str = ""
    section: str = ""  # "Part > Chapter > Heading"
    page_start: int | None = None  # physical pages; None for formats without pages
    page_end: int | None = None
    page_label_start: str = ""  # printed page labels where they differ from the page number
    page_label_end: str = ""
    position_start: int = 0  # the parser's block positions
    position_end: int = 0
    char_start: int = 0  # offsets in the version's canonical text (the viewer highlights them)
    char_end: int = 0
    chunk_index: int = -1  # the chunk's place in its version (-1: unknown)
    approved_at: str = ""

    # -- the stored forms ------------------------------------------------------------------------
    @classmethod
    def of_chunk(
        cls, version: DocumentVersion, chunk: Chunk, page_labels: dict[int, str] | None = None
    ) -> Provenance:
        """A chunk of `version` as it is being ingested."""
        labels = page_labels or {}
        return cls(
            chunk_id=chunk.id,
            **{name: getattr(version, name) for name in _FROM_VERSION},
            section=" > ".join(chunk.section),
            page_start=chunk.page_start,
            page_end=chunk.page_end,
            page_label_start=labels.get(chunk.page_start or 0, ""),
            page_label_end=labels.get(chunk.page_end or 0, ""),
            position_start=chunk.position_start,
            position_end=chunk.position_end,
            char_start=chunk.char_start,
            char_end=chunk.char_end,
            chunk_index=chunk.index,
        )

    def chunk_metadata(self) -> dict[str, Any]:
        """What the vector store keeps with the chunk. Chroma values cannot be None: page 0
        means "no page". The source path and approval time are not stored: they belong to the
        version in the catalog, and approval comes after ingest."""
        stored = {name: getattr(self, name) for name in _STORED}
        return stored | {"page_start": self.page_start or 0, "page_end": self.page_end or 0}

    @classmethod
    def of_stored(cls, chunk_id: str, meta: dict, version: DocumentVersion) -> Provenance:
        """A stored chunk read back: the document's identity and title come from the
        catalog's version (the title may have been edited since ingest), the place in it from
        the chunk's metadata (a key an older index lacks takes its default)."""
        place = {name: meta.get(name, _DEFAULTS[name]) for name in _PLACE}
        place |= {"page_start": place["page_start"] or None, "page_end": place["page_end"] or None}
        return cls(chunk_id, **{name: getattr(version, name) for name in _FROM_VERSION}, **place)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Provenance:
        """From a saved answer's citation (flat: the provenance fields beside its own); keys
        it does not know are ignored and missing ones take defaults, so older files load."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("chunk_id", "doc_id", "version_id", "title", "source_name"):
            values.setdefault(name, "")
        values.setdefault("version", 0)
        return cls(**values)

    # -- what a reader sees ---------------------------------------------------------------------
    @property
    def pages_label(self) -> str:
        return pages_label(
            self.page_start, self.page_end, self.page_label_start, self.page_label_end
        )

    def label(self) -> str:
        """One line a clinician reads: title, version, section, page."""
        parts = [f"{self.title} (v{self.version})"]
        if self.section:
            parts.append(self.section)
        if self.pages_label:
            parts.append(self.pages_label)
        return " — ".join(parts)

    def through(self, later: Provenance) -> Provenance:
        """This passage's place extended to the end of `later`, a following chunk of the same
        version joined to it (one evidence card for two chunks)."""
        return replace(
            self,
            page_end=later.page_end or later.page_start or self.page_end,
            page_label_end=later.page_label_end or later.page_label_start or self.page_label_end,
            position_end=max(self.position_end, later.position_end),
            char_end=max(self.char_end, later.char_end),
        )


_DEFAULTS = {f.name: f.default for f in fields(Provenance)}
# What a version tells about its chunks, and where a chunk is in it.
_FROM_VERSION = (
    "doc_id",
    "version_id",
    "version",
    "title",
    "source_name",
    "source_path",
    "approved_at",
)
_PLACE = (
    "section",
    "page_start",
    "page_end",
    "page_label_start",
    "page_label_end",
    "position_start",
    "position_end",
    "char_start",
    "char_end",
    "chunk_index",
)
_STORED = ("doc_id", "version_id", "version", "title", "source_name", *_PLACE)
