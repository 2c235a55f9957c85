"""Builds the long-lived objects from settings, once: knowledge base, chat client, engine.

The CLI and the desktop app both go through here, so they can never disagree about which
provider, store or key is in use.
"""

from __future__ import annotations

from assistant.governance.settings import Settings


def build_audit_log(settings: Settings):
    from assistant.governance.audit import audit_log_for

    return audit_log_for(settings)


def build_knowledge_base(settings: Settings, **overrides):
    """`overrides` (embedder, count_tokens, store) are for tests that swap in fakes."""
    from assistant.governance.secrets import get_store_token
    from knowledge.base import KnowledgeBase
    from knowledge.store import ServerAccess

    audit = build_audit_log(settings)
    access = None
    if settings.store.url:
        access = ServerAccess(token=get_store_token() or "", ca_file=settings.store.ca_file)
    return KnowledgeBase(
        settings.home,
        store_url=settings.store.url or None,
        on_event=audit.record_knowledge_event,
        store_access=access,
        **approval_keys(settings),
        **overrides,
    )


def approval_keys(settings: Settings) -> dict:
    """This admin's signing key, and whose approvals are served: the site's approver keys;
    else, for a home with its own store, its own key; else (a shared store the site lists no
    keys for) approvals are not checked. A home's approvals made before signing are signed
    once, when its key is made: an unsigned approval found after that is a forgery (the
    migration must never sign what someone wrote into the store)."""
    from knowledge.approval_signing import ApprovalSigner, ApprovalVerifier

    signer = ApprovalSigner.of_home(settings.home)
    if settings.approvals.trusted_keys:
        verifier = ApprovalVerifier.of_lines(settings.approvals.trusted_keys)
        return {"signer": signer, "verifier": verifier}
    if settings.store.url:
        return {"signer": signer}
    own = ApprovalVerifier([signer.public_key])
    return {"signer": signer, "verifier": own, "sign_old_approvals": signer.created}


def build_admin_guard(settings: Settings):
    """The admin check of this home, its passphrase changes and denials on the record."""
    from assistant.governance.admin_auth import AdminGuard

    audit = build_audit_log(settings)
    return AdminGuard(
        settings.home, group=settings.admin.group, on_event=audit.record_knowledge_event
    )


def build_chat_client(settings: Settings):
    """None in offline mode; otherwise the configured provider's client (created lazily)."""
    if settings.llm.provider == "offline":
        return None
    from assistant.answering.llm import make_chat_client

    return make_chat_client(settings.llm)  # reads the key (environment, then keyring) itself


def build_engine(settings: Settings, kb=None):
    from assistant.answering.engine import AnswerEngine

    kb = kb or build_knowledge_base(settings)
    return AnswerEngine(
        kb, settings, chat_client=build_chat_client(settings), audit=build_audit_log(settings)
    )
