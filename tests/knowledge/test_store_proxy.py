"""A shared store behind a real reverse proxy (nginx) with TLS and bearer tokens, in front of
a real `chroma run` server, all on 127.0.0.1 (issue 14, part 2). The README's "Running a shared
knowledge base" gives the same configuration.

A client without a token is refused; a reader's token reads but cannot write; an admin's
token writes (ingest, approve) and a reader sees the approval.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import HashEmbedder, word_counter

from knowledge.approval_signing import ApprovalSigner, ApprovalVerifier
from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError
from knowledge.ingest import IngestOptions
from knowledge.retrieval import Retriever
from knowledge.store import ServerAccess

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
READ_TOKEN, WRITE_TOKEN = "reader-token-0123456789", "writer-token-9876543210"

# Writes to a collection (records and chunks alike), and deleting one, are the admins'.
CONFIG = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    map $http_authorization $role {{
        default "";
        "Bearer {read}" reader;
        "Bearer {write}" writer;
    }}
    map "$role:$request_method:$uri" $refused {{
        default 0;
        "~^:" 401;
        "~^reader:POST:.*/(add|upsert|update|delete)$" 403;
        "~^reader:DELETE:" 403;
        "~^reader:PUT:" 403;
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        client_max_body_size 64m;
        location / {{
            if ($refused = 401) {{ return 401; }}
            if ($refused = 403) {{ return 403; }}
            proxy_pass {upstream};
            proxy_set_header Host $host;
        }}
    }}
}}
"""


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "clinassist test store")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "proxy.pem", folder / "proxy.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def proxy(chroma_server, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: scripts/setup.sh installs nginx-light for the tests")
    folder = tmp_path_factory.mktemp("proxy")
    cert, key = self_signed(folder)
    port = free_port()
    (folder / "nginx.conf").write_text(
        CONFIG.format(
            dir=folder,
            port=port,
            cert=cert,
            key=key,
            read=READ_TOKEN,
            write=WRITE_TOKEN,
            upstream=chroma_server,
        )  # fmt: skip
    )
    proc = subprocess.Popen(
        [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"https://127.0.0.1:{port}", str(cert)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def workstation(home: Path, url: str, access: ServerAccess, **keys) -> KnowledgeBase:
    return KnowledgeBase(
        home, store_url=url, embedder=HashEmbedder(), count_tokens=word_counter,
        store_access=access, **keys,
    )  # fmt: skip


@pytest.mark.slow
def test_only_a_client_with_a_token_gets_in_and_only_an_admin_writes(proxy, tmp_path):
    url, ca = proxy
    nobody = workstation(tmp_path / "nobody", url, ServerAccess(ca_file=ca))
    with pytest.raises(KnowledgeError, match="refused this workstation: no valid token"):
        nobody.live_versions()
    untrusted = workstation(tmp_path / "mitm", url, ServerAccess(token=WRITE_TOKEN))
    with pytest.raises(KnowledgeError, match="cannot open the vector store"):
        untrusted.live_versions()  # the system CAs do not vouch for this proxy

    approver = ApprovalSigner.of_home(tmp_path / "admin")  # the site lists its public key
    site_trusts = ApprovalVerifier([approver.public_key])
    admin_access = ServerAccess(token=WRITE_TOKEN, ca_file=ca)
    admin = workstation(
        tmp_path / "admin", url, admin_access, signer=approver, verifier=site_trusts
    )
    source = tmp_path / "sharps.md"
    source.write_text("# Sharps\n\nReport needlestick injuries to occupational health at once.\n")
    [result] = [e.result for e in admin.ingest([source], IngestOptions()) if e.result]
    assert result.status == "added", result.reason

    ward_access = ServerAccess(token=READ_TOKEN, ca_file=ca)
    ward = workstation(tmp_path / "ward", url, ward_access, verifier=site_trusts)
    assert ward.live_versions() == []  # pending: not served
    with pytest.raises(KnowledgeError, match="does not let this workstation change documents"):
        ward.approve(result.version_id, by="someone on the ward")  # a reader's token
    assert admin.version(result.version_id).status == "pending"

    admin.approve(result.version_id, by="dr-admin")
    assert [v.doc_id for v in ward.live_versions()] == ["sharps"]
    hits = ward.index.query(ward.embedder.embed_query("needlestick"), k=1)
    assert "needlestick" in hits[0].text

    # With the admin token but not an approver's key (a leaked token, a script on the
    # server): a forged approval reaches the store, and no reader serves it.
    forger = workstation(tmp_path / "forger", url, admin_access)
    other = tmp_path / "sugar.md"
    other.write_text("# Hypoglycaemia\n\nEat 500 grams of sugar.\n")
    [pending] = [e.result for e in forger.ingest([other], IngestOptions()) if e.result]
    record = forger.version(pending.version_id)
    record.status, record.approved_by, record.approved_at = "approved", "dr-admin", "2026-12-04"
    forger._catalog.save(record)
    assert [v.doc_id for v in ward.live_versions()] == ["sharps"]
    assert "unverified approval" in [f.kind for f in ward.diagnose()]

    # ... nor can it change the words of an approved passage: a ward workstation (nothing
    # cached) serves none of it, and doctor names it.
    [chunk] = forger._store.get_chunks(
        where={"version_id": result.version_id}, with_embeddings=True
    )
    forger._store.upsert_chunks([replace(chunk, text="Needlestick injuries need no report.")])
    fresh = workstation(tmp_path / "ward-2", url, ward_access, verifier=site_trusts)
    assert Retriever(fresh).search("needlestick injury report").passages == []
    assert "altered passages" in [f.kind for f in fresh.diagnose()]
