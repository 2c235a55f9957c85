"""Settings: defaults, user file, site file, environment, and the home folder."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.governance.settings import load_settings, resolve_home, save_user_setting


def test_home_comes_from_argument_then_environment(isolated_home, tmp_path):
    assert resolve_home() == isolated_home.resolve()
    assert resolve_home(tmp_path / "elsewhere") == (tmp_path / "elsewhere").resolve()


def test_defaults_are_offline_and_local(isolated_home):
    s = load_settings()
    assert s.home == isolated_home.resolve()
    assert s.llm.provider == "offline" and s.store.url == "" and s.privacy.phi_mode == "redact"


def test_site_file_then_user_file_then_environment(isolated_home, tmp_path, monkeypatch):
    site = tmp_path / "site.toml"
    site.write_text(
        '[store]\nurl = "http://chroma.hospital.local:8000"\n[llm]\nprovider = "azure"\n'
    )
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(site))
    assert load_settings().store.url == "http://chroma.hospital.local:8000"

    save_user_setting(isolated_home, "llm.provider", "compatible")
    s = load_settings()
    assert s.llm.provider == "compatible"  # the user file wins over the site file
    assert s.store.url == "http://chroma.hospital.local:8000"

    monkeypatch.setenv("CLINASSIST_LLM__PROVIDER", "openai")
    assert load_settings().llm.provider == "openai"  # the environment wins over both


def test_saving_a_bad_value_or_unknown_key_is_refused(isolated_home):
    with pytest.raises(ValidationError):
        save_user_setting(isolated_home, "llm.provider", "gpt-please")
    with pytest.raises(KeyError, match="unknown setting"):
        save_user_setting(isolated_home, "llm.colour", "blue")
    assert not (isolated_home / "settings.toml").exists()


def test_broken_settings_file_names_the_file(isolated_home):
    isolated_home.mkdir(parents=True)
    (isolated_home / "settings.toml").write_text("[llm\nprovider=")
    with pytest.raises(ValueError, match="settings.toml is not valid TOML"):
        load_settings()


@pytest.mark.parametrize(
    ("section", "key", "site_value", "user_value"),
    [("privacy", "phi_mode", "block", "redact"), ("store", "url", "http://c:8000", "http://x:1")],
)
def test_privacy_and_the_store_only_from_the_site_file(
    isolated_home, tmp_path, monkeypatch, section, key, site_value, user_value
):
    """A user cannot turn "block" into "redact", nor point the workstation at another store,
    from their settings file, the environment, or `config set`."""
    site = tmp_path / "site.toml"
    site.write_text(f'[{section}]\n{key} = "{site_value}"\n')
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(site))
    isolated_home.mkdir(parents=True)
    (isolated_home / "settings.toml").write_text(f'[{section}]\n{key} = "{user_value}"\n')
    monkeypatch.setenv(f"CLINASSIST_{section.upper()}__{key.upper()}", user_value)
    assert getattr(getattr(load_settings(), section), key) == site_value
    with pytest.raises(KeyError, match="only be set by IT"):
        save_user_setting(isolated_home, f"{section}.{key}", user_value)


def test_admin_group_only_from_the_site_file(isolated_home, tmp_path, monkeypatch):
    """A user must not name their own group as the admin group to unlock the admin desk."""
    isolated_home.mkdir(parents=True)
    (isolated_home / "settings.toml").write_text('[admin]\ngroup = "users"\n')
    monkeypatch.setenv("CLINASSIST_ADMIN__GROUP", "users")
    assert load_settings().admin.group == ""
    with pytest.raises(KeyError, match="only be set by IT"):
        save_user_setting(isolated_home, "admin.group", "users")
    site = tmp_path / "site.toml"
    site.write_text('[admin]\ngroup = "clinassist-admins"\n')
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(site))
    assert load_settings().admin.group == "clinassist-admins"


def test_a_settings_change_is_the_same_from_either_shell(isolated_home, monkeypatch):
    """assistant.core.settings_changes is what the CLI and the settings dialog both call: the
    value is validated and saved, the record names the key (never the value), an API key is
    refused here and goes to the keyring with its own record."""
    import pytest as _pytest

    from assistant.core.settings_changes import save_setting, store_api_key
    from assistant.governance.audit import AuditLog

    stored = {}
    monkeypatch.setattr(
        "assistant.core.settings_changes.set_api_key", lambda p, k: stored.update({p: k})
    )
    path = save_setting(isolated_home, "llm.model", "gpt-4o-mini")
    assert "gpt-4o-mini" in path.read_text()
    with _pytest.raises(ValueError, match="keyring"):
        save_setting(isolated_home, "llm.api_key", "sk-secret")
    store_api_key(isolated_home, "openai", "  sk-secret-value  ")
    assert stored == {"openai": "sk-secret-value"}
    entries = [e["data"] for e in AuditLog(isolated_home).entries() if e["type"] == "settings"]
    assert entries == [
        {"key": "llm.model", "changed": True},
        {"key": "llm.api_key[openai]", "changed": True},
    ]
    log = (isolated_home / "audit" / "audit.jsonl").read_text()
    assert "sk-secret" not in log and "gpt-4o-mini" not in log
