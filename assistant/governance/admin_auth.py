"""Admin mode protection: a passphrase, or membership of an OS group IT names in settings.

The passphrase is chosen at the first admin use and kept only as a scrypt hash (random
16-byte salt, n=2**14, r=8, p=1) with its parameters in `<home>/admin.json`, written
atomically with 0600 permissions. The passphrase itself is never logged, stored or put in
an error message.

Wrong passphrases are rate limited in memory: after 5 failures in a row every attempt fails
for 30 s, even a right one. The count resets when the app restarts; this guards the admin
desk against a passer-by at an unlocked workstation, not against the OS user who owns the
home folder (who can delete admin.json) — that boundary is the OS account and its files.

Group membership (setting `admin.admin_group`): on POSIX the user's primary group, their
supplementary groups (os.getgroups) and the group's member list are checked. On Windows
`user_in_admin_group` returns False (checking a Windows security group needs the Win32 API;
use the passphrase there, or a later pywin32-based check).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["AdminConfigError", "AdminGuard", "LOCKOUT_SECONDS", "MAX_FAILURES", "MIN_LENGTH"]

FILENAME = "admin.json"
MIN_LENGTH = 10
MAX_FAILURES = 5
LOCKOUT_SECONDS = 30.0
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**14, 8, 1, 64
SALT_BYTES = 16
# A damaged or hostile admin.json must not make verify() allocate gigabytes.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16

log = logging.getLogger(__name__)


class AdminConfigError(RuntimeError):
    """admin.json exists but cannot be used; the message says what to do."""


class AdminGuard:
    def __init__(
        self,
        home: str | Path,
        group: str = "",
        clock: Callable[[], float] = time.monotonic,
        on_event: Callable[[str, dict], object] | None = None,
    ):
        self.home = Path(home)
        # Called with ("admin", {...}) when the passphrase is set or changed and when an
        # attempt is denied, e.g. to write the audit log. Never given a passphrase.
        self.on_event = on_event
        self.path = self.home / FILENAME
        self.group = (group or "").strip()
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._locked_until = 0.0

    # -- state --------------------------------------------------------------------------------
    def has_passphrase(self) -> bool:
        return self.path.is_file()

    def is_configured(self) -> bool:
        """A passphrase is set or an admin group is named."""
        return self.has_passphrase() or bool(self.group)

    def locked_for(self) -> float:
        """Seconds until attempts are accepted again (0 when not locked)."""
        with self._lock:
            return max(0.0, self._locked_until - self._clock())

    # -- passphrase ---------------------------------------------------------------------------
    def set_passphrase(self, new: str, current: str | None = None) -> None:
        """Choose the passphrase (first time) or change it (`current` must verify)."""
        check_strength(new)
        changing = self.has_passphrase()
        if changing:
            if current is None:
                raise PermissionError("enter the current admin passphrase to change it")
            if not self.verify(current):
                if self.locked_for() > 0:
                    raise PermissionError(
                        f"too many wrong passphrases; try again in {self.locked_for():.0f} s"
                    )
                raise PermissionError("the current admin passphrase is not correct")
        salt = secrets.token_bytes(SALT_BYTES)
        record = {
            "version": 1,
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "dklen": SCRYPT_DKLEN,
            "salt": base64.b64encode(salt).decode("ascii"),
            "hash": base64.b64encode(
                scrypt_hash(new, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)
            ).decode("ascii"),
            "set_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        _write_private(self.path, json.dumps(record, indent=2) + "\n")
        log.info("admin passphrase %s", "changed" if changing else "set")
        self._emit({"event": "passphrase changed" if changing else "passphrase set"})

    def verify(self, passphrase: str, action: str = "") -> bool:
        """True if `passphrase` is the admin passphrase. Rate limited: see the module doc. A
        denied attempt goes on the record, with the action it was for."""
        with self._lock:
            if self._clock() < self._locked_until:
                self._emit({"event": "denied", "action": action, "reason": "locked"})
                return False
        record = self._read()
        ok = False
        if record is not None and isinstance(passphrase, str) and passphrase:
            n, r, p, dklen, salt, expected = record
            ok = hmac.compare_digest(scrypt_hash(passphrase, salt, n, r, p, dklen), expected)
        with self._lock:
            if ok:
                self._failures = 0
            else:
                self._failures += 1
                if self._failures >= MAX_FAILURES:
                    self._failures = 0
                    self._locked_until = self._clock() + LOCKOUT_SECONDS
                    log.warning(
                        "admin unlock: %d wrong passphrases in a row; locked for %.0f s",
                        MAX_FAILURES,
                        LOCKOUT_SECONDS,
                    )
        if not ok:
            self._emit({"event": "denied", "action": action, "reason": "wrong passphrase"})
        return ok

    def _emit(self, data: dict) -> None:
        if self.on_event is not None:
            self.on_event("admin", data)  # the log adds who and where

    def _read(self) -> tuple[int, int, int, int, bytes, bytes] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise AdminConfigError(
                f"{self.path} cannot be read ({exc.__class__.__name__}); restore it or ask IT "
                "to remove it and choose a new admin passphrase"
            ) from None
        try:
            if data.get("kdf") != "scrypt":
                raise ValueError("unknown kdf")
            n, r, p, dklen = (int(data[k]) for k in ("n", "r", "p", "dklen"))
            if not (
                1 < n <= _MAX_N
                and n & (n - 1) == 0
                and 0 < r <= _MAX_R
                and 0 < p <= _MAX_P
                and 16 <= dklen <= 128
            ):
                raise ValueError("parameters out of range")
            salt = base64.b64decode(data["salt"], validate=True)
            expected = base64.b64decode(data["hash"], validate=True)
            if len(expected) != dklen or len(salt) < 8:
                raise ValueError("bad lengths")
        except (AttributeError, KeyError, TypeError, ValueError):
            raise AdminConfigError(
                f"{self.path} is damaged; restore it or ask IT to remove it and choose a new "
                "admin passphrase"
            ) from None
        return n, r, p, dklen, salt, expected

    # -- group --------------------------------------------------------------------------------
    def user_in_admin_group(self) -> bool:
        if not self.group:
            return False
        if sys.platform == "win32":
            return False  # see the module doc
        return _posix_user_in_group(self.group)

    # -- the one call the UI makes ------------------------------------------------------------
    def unlock(self, passphrase: str | None = None, action: str = "admin desk") -> bool:
        """Members of the admin group unlock without a passphrase; others need it."""
        if self.user_in_admin_group():
            return True
        if passphrase is None:
            return False
        return self.verify(passphrase, action)


def check_strength(passphrase: str) -> None:
    """ValueError with the reason when the passphrase is too weak to protect admin mode."""
    if not isinstance(passphrase, str):
        raise ValueError("the passphrase must be text")
    text = _normal(passphrase)
    if len(text) < MIN_LENGTH:
        raise ValueError(f"the passphrase must have at least {MIN_LENGTH} characters")
    if len(set(text)) == 1:
        raise ValueError("the passphrase cannot be one character repeated")


def _normal(passphrase: str) -> str:
    # The same passphrase typed with different keyboards/input methods hashes the same.
    return unicodedata.normalize("NFC", passphrase)


def scrypt_hash(passphrase: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        _normal(passphrase).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=dklen,
        maxmem=128 * r * (n + p + 2) + 1024 * 1024,  # OpenSSL's need plus a margin
    )


def _write_private(path: Path, text: str) -> None:
    """Write atomically (temporary file, fsync, rename) with 0600 permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)  # the mode given to open() is filtered by the umask
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)


# --- POSIX groups (module level, so tests can replace the lookups) ---------------------------
def _group_entry(name: str):
    import grp

    try:
        return grp.getgrnam(name)
    except KeyError:
        return None


def _user_name() -> str:
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return ""


def _user_group_ids() -> set[int]:
    """The primary group (real and effective) and the supplementary groups."""
    ids = {os.getgid(), os.getegid(), *os.getgroups()}
    try:
        import pwd

        ids.add(pwd.getpwuid(os.getuid()).pw_gid)
    except KeyError:
        pass
    return ids


def _posix_user_in_group(name: str) -> bool:
    entry = _group_entry(name)
    if entry is None:
        log.warning("the admin group %r does not exist on this computer", name)
        return False
    return entry.gr_gid in _user_group_ids() or _user_name() in (entry.gr_mem or ())
