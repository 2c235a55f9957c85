"""IT's one-time setup code: issued only by whoever may write the site folder, expires, and
is checked without being stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.governance.setup_code import CODE_DAYS, check_setup_code, code_path, issue_setup_code


def test_a_code_is_stored_only_as_a_hash_and_expires():
    now = datetime(2026, 12, 4, tzinfo=UTC)
    code = issue_setup_code(now)
    assert code not in code_path().read_text() and oct(code_path().stat().st_mode)[-3:] == "644"
    check_setup_code(code, now + timedelta(days=CODE_DAYS - 1))
    check_setup_code(code.replace("-", " ").lower(), now)  # typed as it was read out
    with pytest.raises(PermissionError, match="expired"):
        check_setup_code(code, now + timedelta(days=CODE_DAYS, seconds=1))
    issue_setup_code(now)  # a new code replaces the old one
    with pytest.raises(PermissionError, match="not correct"):
        check_setup_code(code, now)


def test_only_someone_who_may_write_the_site_folder_can_issue_one(monkeypatch):
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", "/proc/clinassist/settings.toml")
    with pytest.raises(
        PermissionError, match=r"only someone who may write /proc/clinassist \(IT\)"
    ):
        issue_setup_code()
