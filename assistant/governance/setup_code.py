"""The one-time setup code that lets the first admin of a workstation choose the passphrase.

Without it, whoever first opened the admin desk chose the passphrase and became admin. Now the
first passphrase needs a code IT generates (`clinassist admin setup-code`), which only someone
who may write the site settings folder can do; or the site file names an admin group and no
passphrase is needed at all. The folder holds only the code's scrypt hash, readable by every
user, so a workstation can check a code it is given; the code itself is shown once, to IT.
A code expires after CODE_DAYS days.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.governance.admin_auth import SCRYPT_DKLEN, SCRYPT_N, SCRYPT_P, SCRYPT_R, scrypt_hash
from assistant.governance.settings import site_config_path

FILENAME = "admin-setup-code.json"
CODE_DAYS = 7
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def code_path() -> Path:
    return site_config_path().parent / FILENAME


def issue_setup_code(now: datetime | None = None) -> str:
    """Write a new code's hash beside the site settings and return the code. Raises
    PermissionError naming the folder when this user may not write it (not IT)."""
    folder = code_path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PermissionError(_not_it(folder, exc)) from exc
    if not os.access(folder, os.W_OK):
        raise PermissionError(_not_it(folder))
    code = "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4)
    )  # 80 bits
    salt = secrets.token_bytes(16)
    issued = now or datetime.now(UTC)
    record = {
        "salt": base64.b64encode(salt).decode("ascii"),
        "hash": base64.b64encode(_hash(code, salt)).decode("ascii"),
        "issued_at": issued.isoformat(timespec="seconds"),
        "expires_at": (issued + timedelta(days=CODE_DAYS)).isoformat(timespec="seconds"),
    }
    path = code_path()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o644)  # every user reads the hash; only IT writes it
    os.replace(tmp, path)
    return code


def check_setup_code(code: str, now: datetime | None = None) -> None:
    """Return if `code` is the current, unexpired setup code; raise PermissionError saying
    what is wrong otherwise."""
    path = code_path()
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        salt = base64.b64decode(record["salt"])
        expected = base64.b64decode(record["hash"])
        expires = datetime.fromisoformat(record["expires_at"])
    except FileNotFoundError:
        raise PermissionError(
            "no setup code has been issued for this workstation: ask IT to run "
            "`clinassist admin setup-code`, or to name an admin group in the site settings"
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PermissionError(f"the setup code file {path} cannot be read ({exc})") from None
    if (now or datetime.now(UTC)) > expires:
        raise PermissionError("the setup code has expired: ask IT for a new one")
    typed = "".join(ch for ch in code.upper() if ch.isalnum())
    given = "-".join(typed[i : i + 4] for i in range(0, len(typed), 4))
    if not hmac.compare_digest(_hash(given, salt), expected):
        raise PermissionError("the setup code is not correct")


def _hash(code: str, salt: bytes) -> bytes:
    return scrypt_hash(code, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)


def _not_it(folder: Path, exc: OSError | None = None) -> str:
    why = f" ({exc.strerror})" if exc is not None and exc.strerror else ""
    return (
        f"only someone who may write {folder} (IT) can issue a setup code{why}; on a "
        "machine of your own, run it with administrator rights"
    )
