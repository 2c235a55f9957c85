"""Approvals every workstation can verify (Ed25519, from the `cryptography` package).

Anyone who can write the store (a leaked token, a misconfigured server) could otherwise flip a
pending version to "approved" with any name in `approved_by`, and every reader would serve it.
Now an approval carries a signature over the fields that make it one: document, version, file
hash, status, approver and time. A version is live only when that signature verifies against
a key the site trusts; a forged or unsigned approval is not served, and `doctor` names it.

Keys: each admin's private key is a file only they can read (`<home>/approver-key.pem`, 0600,
in an owner-only home). IT lists the approvers' public keys in the site file (`[approvals]
trusted_keys`); `clinassist admin approver-key` prints the line to add. A home with no site
list trusts its own key, so a single workstation works as before.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

if TYPE_CHECKING:
    from knowledge.catalog import DocumentVersion

KEY_FILE = "approver-key.pem"
SIGNED_FIELDS = (
    "doc_id",
    "version_id",
    "version",
    "sha256",
    "status",
    "approved_by",
    "approved_at",
    "chunks_sha256",  # the digest of the passages approved (knowledge/chunk_integrity.py)
)


def approval_message(version: DocumentVersion) -> bytes:
    """The bytes an approval's signature covers."""
    fields = {name: getattr(version, name) for name in SIGNED_FIELDS}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def public_line(key: Ed25519PublicKey) -> str:
    """ "ed25519:<base64 of the raw key>": how a key is written in the site file."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ed25519:" + base64.b64encode(raw).decode("ascii")


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


class ApprovalSigner:
    """Signs approvals with this admin's key (created on first use)."""

    def __init__(self, key: Ed25519PrivateKey, created: bool = False):
        self._key = key
        self.public_key = key.public_key()
        self.key_id = key_id(self.public_key)
        # Made just now: this home is starting to sign (an older home's approvals may be
        # signed once, now, and never again: later unsigned ones are forgeries).
        self.created = created

    @classmethod
    def of_home(cls, home: Path) -> ApprovalSigner:
        path = Path(home) / KEY_FILE
        if path.is_file():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError(f"{path} does not hold an Ed25519 key")
            return cls(key, created=False)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(pem)
        return cls(key, created=True)

    def sign(self, version: DocumentVersion) -> None:
        """Set the version's signature and signer for its current approval fields."""
        version.signer = self.key_id
        version.signature = base64.b64encode(self._key.sign(approval_message(version))).decode()


class ApprovalVerifier:
    """Checks approvals against the keys the site (or this home) trusts."""

    def __init__(self, trusted: Iterable[Ed25519PublicKey]):
        self._keys = {key_id(k): k for k in trusted}

    @classmethod
    def of_lines(cls, lines: Iterable[str]) -> ApprovalVerifier:
        keys = []
        for line in lines:
            kind, _, data = line.strip().partition(":")
            if kind != "ed25519" or not data:
                raise ValueError(f"an approver key must look like 'ed25519:<base64>', got {line!r}")
            keys.append(Ed25519PublicKey.from_public_bytes(base64.b64decode(data)))
        return cls(keys)

    def verifies(self, version: DocumentVersion) -> bool:
        key = self._keys.get(version.signer or "")
        if key is None or not version.signature:
            return False
        try:
            key.verify(base64.b64decode(version.signature), approval_message(version))
        except (InvalidSignature, ValueError):
            return False
        return True

    def why_not(self, version: DocumentVersion) -> str:
        if not version.signature:
            return "its approval is not signed"
        if (version.signer or "") not in self._keys:
            return f"its approval is signed by key {version.signer or '?'}, which is not trusted"
        return "its approval's signature does not match the record (altered after signing)"
