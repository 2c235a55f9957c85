"""Changing settings, the same way from the window and the command line: each change is
validated, saved to the user's settings file, and put on the audit record (the key and
whether it changed, never the value); an API key goes to the OS keyring, and the record says
whose key changed, never the key."""

from __future__ import annotations

from pathlib import Path

from assistant.governance.audit import AuditLog, settings_change
from assistant.governance.secrets import set_api_key
from assistant.governance.settings import save_user_setting


def save_setting(home: str | Path, key: str, value) -> Path:
    """Save one dotted setting; returns the file written. Raises KeyError (unknown or
    site-only key), pydantic's ValidationError (bad value), AuditError (not recorded), and
    ValueError for an API key, which belongs in the keyring."""
    if "key" in key.lower() and "api" in key.lower():
        raise ValueError("API keys go to the keyring: use `clinassist config set-key`")
    with settings_change(home, key):  # audited once the save succeeded
        return save_user_setting(home, key, value)


def store_api_key(home: str | Path, provider: str, key: str) -> None:
    """Put `key` in the OS keyring for `provider` and record that it changed. Raises
    SecretStoreError (no keyring) or AuditError."""
    set_api_key(provider, key.strip())
    AuditLog(home).record_setting(f"llm.api_key[{provider}]", changed=True)
