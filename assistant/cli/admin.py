"""Admin protection on the command line: the same rule as the desktop admin desk.

Changing the knowledge base (ingest, approve, retire, remove, repair, reindex) and pruning
the audit log need admin rights, or a clinician could bypass the desk's protection from a
terminal. An admin is a member of the OS group IT names in the site file (`[admin] group`),
or whoever knows the admin passphrase of this home: typed at a hidden prompt, or given in
the environment variable CLINASSIST_ADMIN_PASSPHRASE for scripted use (never a file or an
argument, which would end up in shell history and process lists).

The one exception is `clinassist demo` on a home that holds nothing but the fictional demo
pack, so the README's single command can open the app on a fresh machine.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from assistant.cli.render import out, print_error

ENV_PASSPHRASE = "CLINASSIST_ADMIN_PASSPHRASE"
ENV_SETUP_CODE = "CLINASSIST_SETUP_CODE"

admin_app = typer.Typer(help="Admin rights for the command line.", no_args_is_help=True)


class AdminRequired(PermissionError):
    """The action needs admin rights that were not shown; the message says how to get them."""


def _guard(settings):
    from assistant.core.services import build_admin_guard

    return build_admin_guard(settings)


def _typed_passphrase(prompt: str) -> str | None:
    given = os.environ.get(ENV_PASSPHRASE)
    if given is not None:
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def require_admin(settings, action: str) -> None:
    """Return when the user is an admin; raise AdminRequired saying why not otherwise."""
    guard = _guard(settings)
    if guard.user_in_admin_group():
        return
    if not guard.has_passphrase():
        raise AdminRequired(
            f"{action} needs admin rights, and no admin passphrase is set for {settings.home}: "
            "choose one with `clinassist admin passphrase` (or in the desktop admin desk), "
            "or ask IT to name an admin group in the site settings"
        )
    passphrase = _typed_passphrase("Admin passphrase: ")
    if passphrase is None:
        raise AdminRequired(
            f"{action} needs admin rights: run it in a terminal to type the admin passphrase, "
            f"or set {ENV_PASSPHRASE}"
        )
    if not guard.verify(passphrase, action):
        raise AdminRequired("the admin passphrase is not correct")


def admin_or_exit(settings, action: str) -> None:
    try:
        require_admin(settings, action)
    except AdminRequired as exc:
        print_error(exc)
        raise typer.Exit(2) from exc


def only_demo_content(kb) -> bool:
    """True when every document in the home (in any state) comes from the demo pack."""
    from assistant.core.demo import demo_manifest

    demo_files = {d["file"] for d in demo_manifest()}
    names = {v.source_name for v in kb.versions(include_unfinished=True)}
    return names <= demo_files


@admin_app.command("passphrase")
def set_passphrase(
    change: Annotated[
        bool, typer.Option("--change", help="Change the passphrase (asks for the current one).")
    ] = False,
) -> None:
    """Choose the admin passphrase of this home (first time), or change it."""
    from assistant.cli.state import settings
    from assistant.core.admin_setup import choose_first_passphrase, needs_setup_code

    guard = _guard(settings())
    current = code = None
    if guard.has_passphrase():
        if not change:
            print_error("an admin passphrase is already set; use --change to change it")
            raise typer.Exit(2)
        current = _typed_passphrase("Current admin passphrase: ")
    elif needs_setup_code(guard):  # the first admin needs IT's one-time code
        code = os.environ.get(ENV_SETUP_CODE) or typer.prompt("Setup code from IT")
    new = typer.prompt("New admin passphrase", hide_input=True, confirmation_prompt=True)
    try:
        if code is not None:
            choose_first_passphrase(guard, new, code)
        else:
            guard.set_passphrase(new, current=current)
    except (ValueError, PermissionError) as exc:
        print_error(exc)
        raise typer.Exit(2) from exc
    out.print("admin passphrase saved (only its scrypt hash is stored)")


@admin_app.command("approver-key")
def approver_key() -> None:
    """Print this admin's public approval key, for IT to add to the site file's
    [approvals] trusted_keys (the private key stays in this home, readable by you only)."""
    from assistant.cli.state import settings
    from knowledge.approval_signing import ApprovalSigner, public_line

    signer = ApprovalSigner.of_home(settings().home)
    out.print(public_line(signer.public_key))
    out.print(f"key id {signer.key_id}: add the line above to [approvals] trusted_keys")


@admin_app.command("setup-code")
def setup_code() -> None:
    """IT: issue the one-time code the first admin of this workstation needs to choose the
    admin passphrase (valid 7 days). Needs the right to write the site settings folder."""
    from assistant.governance.setup_code import CODE_DAYS, code_path, issue_setup_code

    try:
        code = issue_setup_code()
    except PermissionError as exc:
        print_error(exc)
        raise typer.Exit(2) from exc
    out.print(code)
    out.print(
        f"Give this code to the person who will be the admin; it is valid for {CODE_DAYS} "
        f"days. Its hash is in {code_path()}."
    )
