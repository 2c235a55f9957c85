"""Making a patient handout: the use case the window and `clinassist handout` both call.

The handout is built from the approved documents (assistant/handouts): chosen and quoted
offline; with a language model configured, then reworded at the target grade and language and
checked sentence by sentence. It is recorded on the audit log before anyone sees it, as an
answer is: if the record cannot be written, no handout is shown. It is then kept in the
conversation database (its JSON: sources and checks, never the patient's name) for the
clinician's mark, "used with a patient" or "needed edits", and the governance review. Only
identifier-free text reaches the search and the record; the model is sent approved sentences
only (not the topic, the notes about the patient or the name); the name stays on the page.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answering.llm import LLMError
from assistant.governance.audit import AuditError
from assistant.handouts.extractive_handout import ExtractiveHandoutBuilder, HandoutRequest
from assistant.handouts.handout import Handout
from assistant.handouts.rewritten_handout import OFFLINE_SHOWN, RewrittenHandoutBuilder


def make_handout(
    engine,
    request: HandoutRequest,
    conversations=None,
    conversation_id: int | None = None,
    exchange_id: int | None = None,
) -> tuple[Handout, int | None]:
    """The handout, audited, and (given the conversation store) kept with its conversation:
    returns the handout and its id in the store (None when not kept)."""
    audiences = {v.version_id: v.audience for v in engine.kb.live_versions()}
    builder = ExtractiveHandoutBuilder(engine.retriever, audience_of=audiences.get)
    handout = builder.build(request)
    if getattr(engine, "chat", None) is not None:
        handout = _with_model(engine, builder, handout, request)
    if engine.audit is not None:
        try:
            engine.audit.record_handout(handout)
        except AuditError:
            raise
        except Exception as exc:  # the record is part of making it
            raise AuditError(f"the audit entry could not be written: {exc}") from exc
    kept = None
    if conversations is not None and not handout.empty:
        kept = conversations.add_handout(handout.to_json(), conversation_id, exchange_id)
    return handout, kept


NOTHING_SHOWN = "No handout is shown: quoted as they are, the sources are too hard for a patient."


def _with_model(engine, builder, offline: Handout, request: HandoutRequest) -> Handout:
    """The offline handout reworded; when the documents found are all written too far above
    the target to quote (the offline handout is empty), their sentences are chosen for the
    model to reword. Should the model fail there, nothing is shown but the reasons: quoted as
    they are, those sentences are no patient handout."""
    source = offline
    if offline.empty:
        source = builder.build(replace(request, to_reword=True))
        if source.empty:
            return offline
    handout = _reworded(engine, source, request)
    if source is not offline and handout.mode == "offline":
        said = [n.replace(OFFLINE_SHOWN, "").strip() for n in handout.notes[len(source.notes) :]]
        return replace(offline, notes=(*offline.notes, *said, NOTHING_SHOWN))
    return handout


def _reworded(engine, handout: Handout, request: HandoutRequest) -> Handout:
    rewriter = RewrittenHandoutBuilder(engine.chat, engine.kb.embedder.embed_documents)
    try:
        return rewriter.rewrite(handout, request.target_grade, request.language)
    except LLMError as exc:
        note = f"The language model could not reword this handout ({exc}). {OFFLINE_SHOWN}"
        return replace(handout, notes=(*handout.notes, note))


__all__ = ["HandoutRequest", "make_handout"]
