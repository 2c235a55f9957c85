"""What every `clinassist` command shares: the home chosen with `--home` and the settings
loaded from it, once per invocation. A module of its own so the command modules import it
and not the package that imports them (no import loop)."""

from __future__ import annotations

from pathlib import Path

from assistant.governance.settings import Settings, load_settings


class _State:
    home: Path | None = None
    settings: Settings | None = None


def choose_home(home: Path | None) -> None:
    """Set by the top-level `--home` option; settings are loaded again on next use."""
    _State.home, _State.settings = home, None


def settings() -> Settings:
    if _State.settings is None:
        from assistant.core.paths import private_home

        _State.settings = load_settings(_State.home)
        private_home(_State.settings.home)
    return _State.settings
