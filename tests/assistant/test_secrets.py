"""API keys live only in the environment or the OS keyring (here an in-memory test keyring)."""

from __future__ import annotations

import logging
import re

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from assistant.governance import secrets
from assistant.governance.secrets import (
    SecretStoreError,
    delete_api_key,
    find_api_key,
    get_api_key,
    mask,
    set_api_key,
)

KEY = "sk-proj-0123456789abcdefWXYZ"


def test_keyring_round_trip(memory_keyring):
    assert get_api_key("openai") is None
    set_api_key("openai", f"  {KEY}\n")  # pasted with whitespace
    assert memory_keyring.store == {("clinassist", "openai"): KEY}
    assert get_api_key("openai") == KEY
    assert get_api_key("azure") is None  # one entry per provider
    assert secrets.key_source("openai") == "system keyring"
    assert delete_api_key("openai") is True
    assert delete_api_key("openai") is False
    assert get_api_key("openai") is None and secrets.key_source("openai") is None


def test_environment_wins_over_the_keyring(memory_keyring, monkeypatch):
    set_api_key("openai", "sk-from-keyring-000000")
    set_api_key("azure", "azure-from-keyring-0000")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-openai-env-0000")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-from-env-00000000")
    assert get_api_key("openai") == "sk-from-openai-env-0000"
    assert get_api_key("azure") == "azure-from-env-00000000"
    assert get_api_key("compatible") is None  # provider variables do not cross over
    monkeypatch.setenv("CLINASSIST_API_KEY", "sk-clinassist-env-0000")
    assert get_api_key("openai") == get_api_key("compatible") == "sk-clinassist-env-0000"
    assert secrets.key_source("azure") == "environment variable CLINASSIST_API_KEY"
    monkeypatch.setenv("CLINASSIST_API_KEY", "   ")  # blank counts as unset
    assert get_api_key("openai") == "sk-from-openai-env-0000"


@pytest.mark.parametrize("bad", ["", "   ", "two words", "line\nbreak"])
def test_set_rejects_blank_or_multi_word_keys(bad):
    with pytest.raises(ValueError, match="one non-empty word"):
        set_api_key("openai", bad)


def test_unknown_provider_is_refused():
    with pytest.raises(ValueError, match="unknown provider"):
        set_api_key("gpt-please", KEY)
    with pytest.raises(ValueError, match="unknown provider"):
        delete_api_key("offline")


def test_no_keyring_backend_says_to_use_the_environment(monkeypatch):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(SecretStoreError) as info:
        set_api_key("openai", KEY)  # storing needs the keyring
    key, problem = find_api_key("openai")  # reading never raises: it says why
    assert key is None and get_api_key("openai") is None
    for message in (str(info.value), problem):
        assert "CLINASSIST_API_KEY or OPENAI_API_KEY" in message
        assert "environment variable" in message and KEY not in message
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert find_api_key("openai") == (KEY, "")  # the environment needs no keyring


def test_plaintext_file_keyring_is_refused(tmp_path):
    PlaintextKeyring = pytest.importorskip("keyrings.alt.file").PlaintextKeyring
    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")  # never the user's real file
    keyring.set_keyring(plaintext)
    with pytest.raises(SecretStoreError, match="not secure"):
        set_api_key("azure", KEY)
    key, problem = find_api_key("azure")
    assert key is None and "not secure" in problem and "AZURE_OPENAI_API_KEY" in problem
    assert not (tmp_path / "keyring_pass.cfg").exists()


class _LockedKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked(f"collection locked for {service}")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError(f"refused {password}")  # a careless backend

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")


def test_backend_errors_become_clear_secret_store_errors():
    keyring.set_keyring(_LockedKeyring())
    key, problem = find_api_key("openai")
    assert key is None and re.search("could not be read.*KeyringLocked", problem)
    with pytest.raises(SecretStoreError, match="could not be saved") as info:
        set_api_key("openai", KEY)
    assert KEY not in str(info.value)  # the backend's own message is not repeated
    assert info.value.__cause__ is None and info.value.__suppress_context__
    with pytest.raises(SecretStoreError, match="could not be deleted"):
        delete_api_key("openai")


def test_mask_never_shows_a_usable_key():
    assert mask("sk-proj-0123456789abcdefWXYZ") == "sk-…WXYZ"
    assert mask("0123456789abcdef0123456789abcdef") == "012…cdef"
    assert mask("short") == "…"  # too short to show any of it
    assert mask("") == "" and mask(None) == ""


def test_nothing_is_logged_with_the_key(caplog):
    caplog.set_level(logging.DEBUG)
    set_api_key("compatible", KEY)
    assert get_api_key("compatible") == KEY
    delete_api_key("compatible")
    assert "compatible" in caplog.text  # it did log, without the key
    assert KEY not in caplog.text and KEY[-8:] not in caplog.text


def test_no_command_crashes_without_a_keyring_for_a_provider_that_needs_no_key(
    monkeypatch, tmp_path
):
    from typer.testing import CliRunner

    from assistant import cli

    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("CLINASSIST_HOME", str(tmp_path))
    monkeypatch.setenv("CLINASSIST_LLM__PROVIDER", "compatible")
    monkeypatch.setenv("CLINASSIST_LLM__ENDPOINT", "http://127.0.0.1:9/v1")  # nothing listens
    monkeypatch.setenv("CLINASSIST_LLM__MODEL", "m")
    monkeypatch.setenv("CLINASSIST_LLM__MAX_RETRIES", "0")
    runner = CliRunner()
    shown = runner.invoke(cli.app, ["config", "show"])
    assert shown.exit_code == 0 and "llm.api_key = None" in shown.stdout
    tested = runner.invoke(cli.app, ["config", "test"])
    assert tested.exit_code == 1 and "connection failed" in tested.output
    assert tested.exception is None or isinstance(tested.exception, SystemExit)
    monkeypatch.setenv("CLINASSIST_LLM__PROVIDER", "openai")  # needs a key: a clear message
    tested = runner.invoke(cli.app, ["config", "test"])
    assert tested.exit_code == 2 and "No API key" in tested.output and "not secure" in tested.output


def test_the_shared_store_token_comes_from_the_environment_or_the_keyring(
    memory_keyring, monkeypatch
):
    from assistant.governance.secrets import get_store_token, set_store_token

    assert get_store_token() is None
    set_store_token("  proxy-token-0123  ")
    assert memory_keyring.store == {("clinassist", "store"): "proxy-token-0123"}
    assert get_store_token() == "proxy-token-0123"
    monkeypatch.setenv("CLINASSIST_STORE_TOKEN", "from-the-environment")
    assert get_store_token() == "from-the-environment"
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.delenv("CLINASSIST_STORE_TOKEN")
    assert get_store_token() is None  # no keyring: no crash, the proxy will say why
