"""Admin mode protection: scrypt passphrase, rate limit, OS group
(assistant.governance.admin_auth)."""

from __future__ import annotations

import base64
import json
import logging
import os
import sys
from types import SimpleNamespace

import pytest

from assistant.governance import admin_auth
from assistant.governance.admin_auth import (
    LOCKOUT_SECONDS,
    MAX_FAILURES,
    AdminConfigError,
    AdminGuard,
    check_strength,
)

PASS = "correct horse battery"
OTHER = "another long passphrase"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX groups and modes")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


REAL_N = admin_auth.SCRYPT_N


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    """A cheaper n for speed (verify reads n from the file); the first-use test restores
    the real one."""
    monkeypatch.setattr(admin_auth, "SCRYPT_N", 2**10)


@pytest.fixture
def guard(isolated_home, clock) -> AdminGuard:
    return AdminGuard(isolated_home, clock=clock)


def test_first_use_sets_a_scrypt_hash_only(guard, isolated_home, caplog, monkeypatch):
    monkeypatch.setattr(admin_auth, "SCRYPT_N", REAL_N)
    assert not guard.is_configured() and not guard.has_passphrase()
    caplog.set_level(logging.DEBUG)
    guard.set_passphrase(PASS)
    assert guard.is_configured() and guard.has_passphrase()
    text = (isolated_home / "admin.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["kdf"] == "scrypt"
    assert (data["n"], data["r"], data["p"]) == (2**14, 8, 1)
    assert len(base64.b64decode(data["salt"])) == 16
    assert len(base64.b64decode(data["hash"])) == data["dklen"]
    assert PASS not in text and PASS.encode().hex() not in text
    assert PASS not in caplog.text
    assert [p.name for p in isolated_home.iterdir()] == ["admin.json"]  # no temp files left
    assert guard.verify(PASS) and not guard.verify(OTHER)


@posix_only
def test_admin_file_is_0600_even_with_a_permissive_umask(guard, isolated_home):
    old = os.umask(0)
    try:
        guard.set_passphrase(PASS)
    finally:
        os.umask(old)
    assert (isolated_home / "admin.json").stat().st_mode & 0o777 == 0o600


def test_salt_is_random(isolated_home, tmp_path):
    one, two = AdminGuard(isolated_home), AdminGuard(tmp_path / "other")
    one.set_passphrase(PASS)
    two.set_passphrase(PASS)
    first = json.loads((isolated_home / "admin.json").read_text())
    second = json.loads((tmp_path / "other" / "admin.json").read_text())
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]


def test_verify(guard, isolated_home):
    assert guard.verify(PASS) is False  # nothing set yet
    guard.set_passphrase(PASS)
    assert guard.verify(PASS) is True
    assert guard.verify(PASS.upper()) is False
    assert guard.verify("") is False
    assert guard.verify(PASS + " ") is False
    # A new guard (the app restarted) reads the same file.
    assert AdminGuard(isolated_home).verify(PASS) is True


def test_unicode_normalisation(guard):
    composed = "caf\u00e9 au lait, s'il vous plaît"
    guard.set_passphrase(composed)
    assert guard.verify("cafe\u0301 au lait, s'il vous plaît")  # the same, decomposed


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("short", "at least 10"),
        ("", "at least 10"),
        ("a" * 12, "repeated"),
        ("         ", "at least"),
    ],
)
def test_weak_passphrases_are_refused(guard, weak, reason):
    with pytest.raises(ValueError, match=reason):
        guard.set_passphrase(weak)
    assert not guard.has_passphrase()
    with pytest.raises(ValueError, match="repeated"):
        check_strength("x" * 40)
    check_strength("0123456789")


def test_change_requires_the_current_passphrase(guard):
    guard.set_passphrase(PASS)
    with pytest.raises(PermissionError, match="current"):
        guard.set_passphrase(OTHER)
    with pytest.raises(PermissionError, match="not correct"):
        guard.set_passphrase(OTHER, current="wrong passphrase")
    with pytest.raises(ValueError, match="at least"):
        guard.set_passphrase("short", current=PASS)
    assert guard.verify(PASS)
    guard.set_passphrase(OTHER, current=PASS)
    assert guard.verify(OTHER) and not guard.verify(PASS)


def test_rate_limit_after_five_failures(guard, clock):
    guard.set_passphrase(PASS)
    for _ in range(MAX_FAILURES - 1):
        assert not guard.verify("wrong wrong wrong")
    assert guard.locked_for() == 0
    assert guard.verify(PASS)  # a success resets the count
    for _ in range(MAX_FAILURES):
        assert not guard.verify("wrong wrong wrong")
    assert guard.locked_for() == LOCKOUT_SECONDS
    assert not guard.verify(PASS)  # even the right passphrase fails while locked
    assert not guard.unlock(PASS)
    clock.advance(LOCKOUT_SECONDS - 1)
    assert not guard.verify(PASS)
    assert guard.locked_for() == 1
    with pytest.raises(PermissionError, match="try again"):
        guard.set_passphrase(OTHER, current=PASS)
    clock.advance(1)
    assert guard.locked_for() == 0
    assert guard.verify(PASS)


def test_lockout_comes_back_after_five_more_failures(guard, clock):
    guard.set_passphrase(PASS)
    for _ in range(MAX_FAILURES):
        guard.verify("nope nope nope")
    clock.advance(LOCKOUT_SECONDS)
    for _ in range(MAX_FAILURES - 1):
        assert not guard.verify("nope nope nope")
    assert guard.locked_for() == 0
    assert not guard.verify("nope nope nope")
    assert guard.locked_for() == LOCKOUT_SECONDS


def test_lockout_skips_the_hash(guard, clock, monkeypatch):
    """While locked, attempts cost nothing: scrypt is not even run."""
    guard.set_passphrase(PASS)
    for _ in range(MAX_FAILURES):
        guard.verify("nope nope nope")
    calls = []
    monkeypatch.setattr(admin_auth, "scrypt_hash", lambda *a: calls.append(a) or b"")
    assert not guard.verify(PASS)
    assert calls == []


def test_damaged_admin_file_is_a_clear_error(guard, isolated_home):
    guard.set_passphrase(PASS)
    path = isolated_home / "admin.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AdminConfigError, match="cannot be read"):
        guard.verify(PASS)
    data = {"kdf": "scrypt", "n": 2**30, "r": 8, "p": 1, "dklen": 64, "salt": "AA==", "hash": ""}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AdminConfigError, match="damaged"):
        guard.verify(PASS)
    assert guard.is_configured()  # a damaged file does not reopen first-use setup


def test_unlock_with_passphrase(guard):
    assert guard.unlock(None) is False
    guard.set_passphrase(PASS)
    assert guard.unlock(None) is False
    assert guard.unlock("wrong wrong wrong") is False
    assert guard.unlock(PASS) is True


def _fake_group(gid: int, members=()):
    return SimpleNamespace(gr_name="clinassist-admins", gr_gid=gid, gr_mem=list(members))


@posix_only
def test_group_members_unlock_without_a_passphrase(isolated_home, monkeypatch):
    guard = AdminGuard(isolated_home, group="clinassist-admins")
    assert guard.is_configured() and not guard.has_passphrase()
    monkeypatch.setattr(admin_auth, "_group_entry", lambda name: _fake_group(os.getgid()))
    assert guard.user_in_admin_group()
    assert guard.unlock(None) is True
    assert guard.unlock("anything at all") is True


@posix_only
def test_group_membership_by_member_list(isolated_home, monkeypatch):
    guard = AdminGuard(isolated_home, group="clinassist-admins")
    monkeypatch.setattr(admin_auth, "_user_group_ids", lambda: {1, 2})
    monkeypatch.setattr(admin_auth, "_user_name", lambda: "nurse")
    monkeypatch.setattr(admin_auth, "_group_entry", lambda name: _fake_group(999, ["nurse"]))
    assert guard.user_in_admin_group()
    monkeypatch.setattr(admin_auth, "_group_entry", lambda name: _fake_group(999, ["other"]))
    assert not guard.user_in_admin_group()
    assert not guard.unlock(None)


@posix_only
def test_non_members_and_missing_groups_need_the_passphrase(isolated_home, monkeypatch):
    guard = AdminGuard(isolated_home, group="clinassist-admins")
    monkeypatch.setattr(admin_auth, "_user_group_ids", lambda: {1, 2})
    monkeypatch.setattr(admin_auth, "_user_name", lambda: "nurse")
    monkeypatch.setattr(admin_auth, "_group_entry", lambda name: _fake_group(999))
    assert not guard.user_in_admin_group()
    assert not guard.unlock(None)
    guard.set_passphrase(PASS)
    assert guard.unlock(PASS)
    monkeypatch.undo()
    assert not AdminGuard(isolated_home, group="no-such-group-xyz").user_in_admin_group()
    assert not AdminGuard(isolated_home).user_in_admin_group()  # no group named


@posix_only
def test_real_primary_group_lookup(isolated_home):
    """No monkeypatching: the user's own primary group counts as membership."""
    import grp

    own = grp.getgrgid(os.getgid()).gr_name
    assert AdminGuard(isolated_home, group=own).user_in_admin_group()


def test_windows_group_check_is_off(isolated_home, monkeypatch):
    monkeypatch.setattr(admin_auth.sys, "platform", "win32")
    monkeypatch.setattr(admin_auth, "_posix_user_in_group", lambda name: True)
    assert not AdminGuard(isolated_home, group="Admins").user_in_admin_group()
