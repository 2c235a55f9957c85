"""Small helpers shared by test modules (import as `support`; conftest modules are not
importable by name reliably, since pytest loads several files called conftest)."""

from __future__ import annotations

import socket


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
