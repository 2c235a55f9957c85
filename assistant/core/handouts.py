"""Making a patient handout: the use case the window and `clinassist handout` both call.

The handout is built from the approved documents (assistant/handouts), then recorded on the
audit log before anyone sees it, as an answer is: if the record cannot be written, no handout
is shown. Only identifier-free text reaches the search and the record; the patient's name
stays on the handout.
"""

from __future__ import annotations

from assistant.governance.audit import AuditError
from assistant.handouts.extractive_handout import ExtractiveHandoutBuilder, HandoutRequest
from assistant.handouts.handout import Handout


def make_handout(engine, request: HandoutRequest) -> Handout:
    audiences = {v.version_id: v.audience for v in engine.kb.live_versions()}
    builder = ExtractiveHandoutBuilder(engine.retriever, audience_of=audiences.get)
    handout = builder.build(request)
    if engine.audit is not None:
        try:
            engine.audit.record_handout(handout)
        except AuditError:
            raise
        except Exception as exc:  # the record is part of making it
            raise AuditError(f"the audit entry could not be written: {exc}") from exc
    return handout


__all__ = ["HandoutRequest", "make_handout"]
