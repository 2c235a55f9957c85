"""After the warm-up, what it loaded is frozen out of the garbage collector's walks, once per
process (assistant/core/session.py): a full collection over the word lists had paused one
identifier check for 17 ms."""

from __future__ import annotations

import threading

import assistant.core.session as session_module


def test_the_long_lived_objects_are_collected_then_frozen_once(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(session_module, "_frozen", threading.Event())
    monkeypatch.setattr(session_module.gc, "collect", lambda: calls.append("collect") or 0)
    monkeypatch.setattr(session_module.gc, "freeze", lambda: calls.append("freeze"))

    session_module._freeze_what_lives_long()
    session_module._freeze_what_lives_long()  # a second window's warm-up: nothing more

    assert calls == ["collect", "freeze"]
