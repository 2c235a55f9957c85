"""Catalog against record: each open intent is closed as made ("recovered") or "abandoned"."""

from __future__ import annotations

import pytest
from fakes import HashEmbedder, word_counter

from assistant.core.record_check import UNFINISHED, check, open_intents
from assistant.core.services import build_knowledge_base
from assistant.governance.audit import AuditLog
from assistant.governance.settings import Settings
from knowledge.ingest import IngestOptions


@pytest.fixture
def kb(isolated_home, tmp_path):
    kb = build_knowledge_base(Settings(home=isolated_home))
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    source = tmp_path / "visiting.md"
    source.write_text("# Visiting\n\nVisiting hours are 10:00 to 20:00 every day.\n")
    list(kb.ingest([source], IngestOptions()))
    return kb


def test_an_open_intent_is_closed_as_made_or_abandoned_by_what_the_catalog_shows(kb, isolated_home):
    audit = AuditLog(isolated_home)
    [version] = kb.versions()
    # as if each process died after announcing its change (and, for two, after making it)
    audit.append("intent", {"change": "approve", "target": version.version_id, "by": "dr-a"})
    kb._catalog.approve(version.version_id, "dr-a")
    audit.append("intent", {"change": "edit", "target": version.version_id,
                            "changes": {"owner": "Ward 7"}, "by": "dr-a"})  # fmt: skip
    audit.append("intent", {"change": "retire", "target": version.version_id})
    audit.append("intent", {"change": "reindex", "target": "model", "by": "it"})

    found = check(kb, audit)
    assert [f.kind for f in found] == [UNFINISHED] * 4 and not any(f.repaired for f in found)
    assert "the catalog shows it made" in found[0].detail
    assert "not made" in found[1].detail and "not made" in found[2].detail
    assert "run the reindex again" in found[3].detail

    check(kb, audit, repair=True, by="it")
    assert open_intents(audit) == [] and audit.verify().ok
    closing = [e for e in audit.entries() if (e["data"] or {}).get("intent")][-4:]
    assert [e["type"] for e in closing] == ["approve", "abandoned", "abandoned", "abandoned"]
    assert closing[0]["data"]["recovered"] and closing[0]["data"]["by"] == "dr-a"
    assert check(kb, audit) == []  # nothing left to find
