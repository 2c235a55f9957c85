"""Errors the knowledge core raises, each with a message a person can act on."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class: every message names what went wrong and, where possible, what to do."""


class IngestError(KnowledgeError):
    """A single file could not be ingested; the rest of the batch goes on."""


class UnsupportedFormat(IngestError):
    pass


class EmptyFile(IngestError):
    pass


class FileTooLarge(IngestError):
    pass


class CorruptFile(IngestError):
    pass


class EncryptedFile(IngestError):
    pass


class NoTextFound(IngestError):
    """The file parsed but has no extractable text (for example a scanned PDF)."""


class DuplicateContent(IngestError):
    """The same bytes are already in the catalog under another document."""


class ModelMismatch(KnowledgeError):
    """The index was built with a different embedding model than the one configured."""


class StoreUnavailable(KnowledgeError):
    """The vector store (local folder or Chroma server) cannot be opened or reached."""


class NotFound(KnowledgeError):
    """A document or version id that the catalog does not know."""


class InvalidTransition(KnowledgeError):
    """A lifecycle change that is not allowed (for example approving a retired version)."""


class RecordUnavailable(KnowledgeError):
    """The audit record of a change could not be written before it: the change was not made."""


class RecordIncomplete(KnowledgeError):
    """A change was made but the record of its completion could not be written; its intent
    is on the record, and `doctor --repair` records the completion once it can."""
