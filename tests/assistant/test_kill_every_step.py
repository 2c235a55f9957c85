"""kill -9 at every write step of `ingest --approve`, retire, remove and edit, then `doctor
--repair`: no change is left without its audit entry, and the record verifies (issue 14,
part 3).

Each run is a real process that dies by os._exit at the K-th write (an audit entry, a catalog
record, a batch of chunks, a status update): no cleanup runs, as with kill -9. K goes up until
a run finishes; every stop in between is checked.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    sys.path[:0] = [{repo!r}, {tests!r}]
    from fakes import HashEmbedder, word_counter
    from assistant.core.services import build_knowledge_base
    from assistant.governance.audit import AuditLog
    from assistant.governance.settings import Settings
    from knowledge.catalog import Catalog
    from knowledge.ingest import IngestOptions
    from knowledge.store import ChromaStore

    KILL_AT = int(sys.argv[1])
    writes = [0]

    def dying(cls, name):
        real = getattr(cls, name)

        def write(*args, **kwargs):
            result = real(*args, **kwargs)
            writes[0] += 1
            if writes[0] == KILL_AT:
                os._exit(9)  # no finally, no atexit: as kill -9
            return result

        setattr(cls, name, write)

    for cls, name in [
        (AuditLog, "append"),
        (Catalog, "save"),
        (ChromaStore, "upsert_chunks"),
        (ChromaStore, "update_chunk_metadata"),
        (ChromaStore, "delete_chunks"),
        (ChromaStore, "delete_record"),
    ]:
        dying(cls, name)
    kb = build_knowledge_base(Settings(home=Path({home!r})))
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    {action}
    """
)
INGEST = """
for event in kb.ingest([Path({source!r})], IngestOptions(approve=True, user="dr-admin")):
    pass
"""
# A change on a home that already holds the approved document.
CHANGES = {
    "retire": 'kb.retire("visiting")',
    "remove": 'kb.remove("visiting")',
    "edit": 'kb.update_metadata("visiting", by="dr-admin", owner="Ward 7")',
}


def run_until(home: Path, source: Path, kill_at: int, action: str = "") -> int:
    action = action or INGEST.format(source=str(source))
    script = CHILD.format(
        repo=str(REPO), tests=str(REPO / "tests"), home=str(home), action=action.strip()
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(kill_at)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 9), done.stderr
    return done.returncode


@pytest.mark.slow
def test_a_kill_at_any_write_of_an_approving_ingest_leaves_nothing_unrecorded(tmp_path):
    from fakes import HashEmbedder, word_counter

    from assistant.core.record_check import check, open_intents
    from assistant.core.services import build_knowledge_base
    from assistant.governance.audit import AuditLog
    from assistant.governance.settings import Settings
    from knowledge.ingest import IngestOptions

    source = tmp_path / "visiting.md"
    source.write_text("# Visiting\n\nVisiting hours are 10:00 to 20:00 every day.\n")
    stops = 0
    for kill_at in range(1, 40):
        home = tmp_path / f"home-{kill_at}"
        code = run_until(home, source, kill_at)
        kb = build_knowledge_base(Settings(home=home))
        kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
        audit = AuditLog(home)
        check(kb, audit, repair=True, by="it")

        assert audit.verify().ok, kill_at
        assert open_intents(audit) == [], kill_at
        entries = audit.entries()
        recorded = {
            (e["type"], (e.get("data") or {}).get("version_id"))
            for e in entries
            if e["type"] in ("ingest", "approve")
        }
        for version in kb.versions(include_unfinished=True):
            assert version.state == "ready", (kill_at, version)  # doctor finished or removed it
            assert ("ingest", version.version_id) in recorded, (kill_at, entries)
            if version.status == "approved":
                assert ("approve", version.version_id) in recorded, (kill_at, entries)
        # ingesting again (as the admin would) ends approved and recorded, whatever the stop
        list(kb.ingest([source], IngestOptions(approve=True)))
        live = kb.live_versions()
        assert len(live) == 1, kill_at
        approvals = [
            e
            for e in audit.entries()
            if e["type"] == "approve" and e["data"].get("version_id") == live[0].version_id
        ]
        assert approvals, kill_at
        if code == 0:
            break
        stops += 1
    assert code == 0 and stops >= 6, stops  # every write of the run was a stop once
    print(f"stopped at each of {stops} writes")


@pytest.mark.slow
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_kill_at_any_write_of_a_lifecycle_change_leaves_it_recorded_or_undone(change, tmp_path):
    import shutil

    from fakes import HashEmbedder, word_counter

    from assistant.core.record_check import check, open_intents
    from assistant.core.services import build_knowledge_base
    from assistant.governance.audit import AuditLog
    from assistant.governance.settings import Settings
    from knowledge.errors import NotFound

    source = tmp_path / "visiting.md"
    source.write_text("# Visiting\n\nVisiting hours are 10:00 to 20:00 every day.\n")
    base = tmp_path / "base"
    assert run_until(base, source, 10_000) == 0  # an approved document, on the record
    stops = 0
    for kill_at in range(1, 40):
        home = tmp_path / f"home-{kill_at}"
        shutil.copytree(base, home)
        code = run_until(home, source, kill_at, CHANGES[change])
        kb = build_knowledge_base(Settings(home=home))
        kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
        audit = AuditLog(home)
        check(kb, audit, repair=True, by="it")
        assert audit.verify().ok and open_intents(audit) == [], kill_at
        done = {e["type"] for e in audit.entries() if (e.get("data") or {}).get("intent")}
        try:
            version = kb.version("visiting")
        except NotFound:
            version = None
        # the catalog shows the change made exactly when the record says it was
        made = {
            "retire": version is not None and version.status == "retired",
            "remove": version is None,
            "edit": version is not None and version.owner == "Ward 7",
        }[change]
        assert made == (change in done), (kill_at, made, done)
        if code == 0:
            break
        stops += 1
    assert code == 0 and stops >= 2, stops  # at least the intent and the change itself
