"""Becoming the first admin of a home: a use case the desk and `clinassist admin passphrase`
share. The first passphrase needs IT's one-time setup code, unless the site names an admin
group (then no passphrase is needed); changing a passphrase needs the current one."""

from __future__ import annotations

from assistant.governance.setup_code import check_setup_code


def needs_setup_code(guard) -> bool:
    """True when no admin is set up yet: neither a passphrase nor an admin group."""
    return not guard.is_configured()


def choose_first_passphrase(guard, passphrase: str, setup_code: str) -> None:
    """Check the setup code, then set the passphrase. Raises PermissionError (code missing,
    wrong or expired) or ValueError (passphrase too weak) with a message to show."""
    if not needs_setup_code(guard):
        raise PermissionError("an admin is already set up for this home")
    check_setup_code(setup_code)
    guard.set_passphrase(passphrase)
