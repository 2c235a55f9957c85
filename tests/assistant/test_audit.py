"""The audit log: a hash chain with a head, tamper detection, retention, export, and its wiring
into the answering engine, the knowledge base and the settings commands."""

from __future__ import annotations

import csv
import json
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from assistant.governance.audit import GENESIS, AuditError, AuditLog, entry_hash, settings_change
from assistant.governance.settings import Settings, save_user_setting

START = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)


class Clock:
    """One day per entry by default, so dates select entries exactly."""

    def __init__(self, start: datetime = START, step: timedelta = timedelta(days=1)):
        self.now, self.step = start, step

    def __call__(self) -> datetime:
        moment = self.now
        self.now += self.step
        return moment


@pytest.fixture
def log(isolated_home) -> AuditLog:
    return AuditLog(isolated_home, clock=Clock())


def fill(log: AuditLog, n: int) -> None:
    for i in range(n):
        log.append("settings", {"key": f"k{i}", "changed": True})


def lines(log: AuditLog) -> list[str]:
    return log.path.read_text(encoding="utf-8").splitlines()


def write_lines(log: AuditLog, rows: list[str]) -> None:
    log.path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def rewrite(log: AuditLog, seq: int, rehash: bool = False, **changes) -> None:
    rows = lines(log)
    for i, row in enumerate(rows):
        entry = json.loads(row)
        if entry["seq"] == seq:
            entry.update(changes)
            if rehash:
                entry["hash"] = entry_hash(entry)
            rows[i] = json.dumps(entry)
    write_lines(log, rows)


# -- the chain -----------------------------------------------------------------------------------
def test_entries_are_chained_and_the_head_follows(log):
    fill(log, 3)
    entries = [json.loads(row) for row in lines(log)]
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[0]["prev"] == GENESIS
    for before, after in zip(entries, entries[1:], strict=False):
        assert after["prev"] == before["hash"]
    for e in entries:
        assert e["hash"] == entry_hash(e)
        assert e["user"] and e["workstation"] and e["type"] == "settings"
        assert datetime.fromisoformat(e["time"]).utcoffset() == timedelta(0)
    head = json.loads(log.head_path.read_text())
    assert head == {"seq": 3, "hash": entries[-1]["hash"]}
    assert log.verify().ok and log.verify().entries == 3


def test_the_hash_is_sha256_of_the_canonical_entry_without_hash(log):
    import hashlib

    entry = log.append("settings", {"key": "llm.model", "changed": False})
    body = {k: v for k, v in entry.items() if k != "hash"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert entry["hash"] == hashlib.sha256(canonical.encode()).hexdigest()


def test_an_empty_log_verifies_and_unknown_types_are_refused(log):
    assert log.verify().ok and log.verify().entries == 0
    with pytest.raises(ValueError):
        log.append("gossip", {})


def test_a_second_log_object_continues_the_same_chain(log, isolated_home):
    fill(log, 2)
    AuditLog(isolated_home).append("settings", {"key": "x", "changed": True})
    assert [json.loads(r)["seq"] for r in lines(log)] == [1, 2, 3]
    assert log.verify().ok


# -- tampering -----------------------------------------------------------------------------------
def test_editing_a_field_is_caught_at_that_entry(log):
    fill(log, 5)
    rewrite(log, 3, user="someone-else")
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 3
    assert "entry 3 was altered" in result.reason


def test_editing_and_rehashing_an_entry_is_caught_at_the_next(log):
    fill(log, 5)
    rewrite(log, 3, rehash=True, data={"key": "other", "changed": False})
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 4
    assert "does not follow entry 3" in result.reason


def test_deleting_a_middle_entry_is_caught_where_it_was(log):
    fill(log, 5)
    rows = lines(log)
    write_lines(log, rows[:2] + rows[3:])  # entry 3 gone
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 3
    assert "entry 3 is missing or out of order" in result.reason


def test_swapping_two_entries_is_caught_at_the_first(log):
    fill(log, 5)
    rows = lines(log)
    rows[1], rows[2] = rows[2], rows[1]  # entries 2 and 3
    write_lines(log, rows)
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 2
    assert "found entry 3" in result.reason


def test_a_truncated_tail_is_caught_by_the_head(log):
    fill(log, 5)
    write_lines(log, lines(log)[:3])  # entries 4 and 5 deleted
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 4
    assert "entries 4–5 were deleted" in result.reason
    with pytest.raises(AuditError):  # and nothing is appended on top of a damaged log
        log.append("settings", {"key": "x", "changed": True})


def test_an_edited_head_is_caught(log):
    fill(log, 5)
    head = json.loads(log.head_path.read_text())
    log.head_path.write_text(json.dumps({**head, "hash": "f" * 64}))
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 5
    assert "head.json does not match entry 5" in result.reason
    log.head_path.write_text(json.dumps({**head, "seq": 7}))
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 6


def test_a_deleted_head_or_log_is_caught(log):
    fill(log, 2)
    head = log.head_path.read_text()
    log.head_path.unlink()
    assert log.verify().reason == "head.json is missing"
    log.head_path.write_text(head)
    log.path.unlink()
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 1


def test_an_entry_that_is_not_json_is_caught(log):
    fill(log, 3)
    rows = lines(log)
    rows[1] = rows[1][:-5]
    write_lines(log, rows)
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 2


def test_a_head_one_entry_behind_is_a_crash_and_is_repaired_by_the_next_append(log):
    fill(log, 3)
    first_two = [json.loads(r) for r in lines(log)][:2]
    log.head_path.write_text(json.dumps({"seq": 2, "hash": first_two[1]["hash"]}))
    assert log.verify().ok  # the third entry is linked to the head: nothing is hidden
    fill(log, 1)
    assert json.loads(log.head_path.read_text())["seq"] == 4 and log.verify().ok


# -- concurrency ---------------------------------------------------------------------------------
def test_two_threads_appending_never_interleave(isolated_home):
    logs = [AuditLog(isolated_home), AuditLog(isolated_home)]  # separate objects, one file

    def work(log: AuditLog, name: str) -> None:
        for i in range(100):
            log.append("settings", {"key": f"{name}.{i}", "changed": True})

    threads = [threading.Thread(target=work, args=(lg, f"t{n}")) for n, lg in enumerate(logs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result = logs[0].verify()
    assert result.ok and result.entries == 200
    assert [json.loads(r)["seq"] for r in lines(logs[0])] == list(range(1, 201))


# -- retention -----------------------------------------------------------------------------------
def test_prune_moves_old_entries_to_a_sealed_segment_and_still_verifies(log):
    fill(log, 10)  # entry n is on 2025-01-n
    checkpoint = log.prune(date(2025, 1, 5))
    assert checkpoint["type"] == "checkpoint" and checkpoint["seq"] == 11
    data = checkpoint["data"]
    assert (data["pruned"], data["first_seq"], data["last_seq"]) == (4, 1, 4)
    segment = log.segments_dir / "audit-1-4.jsonl"
    assert data["segment"] == segment.name and segment.is_file()
    assert not segment.stat().st_mode & 0o222  # read-only
    assert data["last_hash"] == json.loads(segment.read_text().splitlines()[-1])["hash"]
    assert [json.loads(r)["seq"] for r in lines(log)] == [5, 6, 7, 8, 9, 10, 11]
    result = log.verify()
    assert result.ok and result.entries == 7
    fill(log, 2)  # the chain goes on
    assert log.verify().ok
    assert [e["seq"] for e in log.entries()] == list(range(1, 14))  # segments still readable


def test_tampering_after_a_prune_is_still_caught(log):
    fill(log, 10)
    log.prune(date(2025, 1, 5))
    rewrite(log, 7, user="mallory")
    assert log.verify().first_broken_seq == 7
    rows = [r for r in lines(log) if json.loads(r)["seq"] != 7]
    write_lines(log, rows)
    assert log.verify().first_broken_seq == 7


def test_deleting_the_first_entry_after_a_prune_is_caught(log):
    fill(log, 10)
    log.prune(date(2025, 1, 5))
    write_lines(log, lines(log)[1:])  # entry 5, right after the checkpointed entry 4
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 5


def test_an_altered_segment_is_caught(log):
    fill(log, 6)
    log.prune(date(2025, 1, 4))
    segment = log.segments_dir / "audit-1-3.jsonl"
    segment.chmod(0o644)
    segment.write_text(segment.read_text().replace("k1", "kX"))
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 1 and "segment" in result.reason


def test_a_second_prune_anchors_on_the_newest_checkpoint(log):
    fill(log, 10)
    log.prune(date(2025, 1, 3))  # 1–2
    fill(log, 3)
    log.prune(date(2025, 1, 8))  # 3–7
    assert log.verify().ok
    assert sorted(p.name for p in log.segments_dir.iterdir()) == [
        "audit-1-2.jsonl",
        "audit-3-7.jsonl",
    ]
    assert json.loads(lines(log)[0])["seq"] == 8


def test_pruning_everything_and_nothing(log):
    fill(log, 3)
    nothing = log.prune(date(2024, 1, 1))
    assert nothing["data"]["pruned"] == 0 and log.verify().ok
    everything = log.prune(date(2030, 1, 1))
    assert everything["data"]["pruned"] == 4  # three entries and the first checkpoint
    assert len(lines(log)) == 1 and log.verify().ok
    fill(log, 1)
    assert log.verify().ok


def test_a_broken_log_is_not_pruned(log):
    fill(log, 5)
    rewrite(log, 2, user="x")
    with pytest.raises(AuditError, match="does not verify"):
        log.prune(date(2025, 1, 4))


def test_retention_prunes_and_deletes_segments(isolated_home):
    clock = Clock()
    log = AuditLog(isolated_home, clock=clock, retention_days=3)
    fill(log, 10)  # clock now 2025-01-11
    assert AuditLog(isolated_home, retention_days=0).apply_retention() is None
    checkpoint = log.apply_retention()
    assert checkpoint["data"]["pruned"] == 7 and not checkpoint["data"]["segment_kept"]
    assert not log.segments_dir.exists() or not any(log.segments_dir.iterdir())
    assert log.verify().ok


# -- export --------------------------------------------------------------------------------------
def test_export_filters_by_date_in_both_formats(log, tmp_path):
    fill(log, 10)
    log.prune(date(2025, 1, 3))  # entries 1–2 go to a kept segment: still exported
    assert log.export(tmp_path / "all.jsonl") == 11
    n = log.export(tmp_path / "some.jsonl", since=date(2025, 1, 2), until=date(2025, 1, 4))
    rows = [json.loads(r) for r in (tmp_path / "some.jsonl").read_text().splitlines()]
    assert n == 3 and [r["seq"] for r in rows] == [2, 3, 4]
    n = log.export(tmp_path / "some.csv", since="2025-01-09", fmt="csv")
    with (tmp_path / "some.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert n == 3 and [r["seq"] for r in table] == ["9", "10", "11"]
    assert json.loads(table[0]["data"])["key"] == "k8"
    assert table[-1]["type"] == "checkpoint"
    with pytest.raises(ValueError):
        log.export(tmp_path / "x", fmt="xml")


# -- wiring --------------------------------------------------------------------------------------
POLICY = (
    "# Hand Hygiene Policy\n\n"
    "## Alcohol hand rub\n\n"
    "Rub alcohol hand rub over all surfaces of the hands for 20 to 30 seconds. "
    "Use soap and water when hands are visibly soiled.\n"
)


@pytest.fixture
def approved_kb(kb, tmp_path):
    from knowledge.ingest import IngestOptions

    source = tmp_path / "hand-hygiene.md"
    source.write_text(POLICY, encoding="utf-8")
    list(kb.ingest([source], IngestOptions(approve=True)))
    return kb


QUESTION = "Mrs Jane Smithson MRN 84421973: how long should alcohol hand rub be rubbed over hands?"


def test_an_answer_writes_one_entry_with_the_redacted_question(approved_kb, isolated_home):
    from assistant.answering.engine import AnswerEngine

    audit = AuditLog(isolated_home)
    # Loose thresholds: this checks the audit entry, not the (separately calibrated) refusal.
    loose = {"min_similarity": 0.1, "relaxed_similarity": 0.1, "min_coverage": 0.0}
    lenient = Settings(home=isolated_home, answer={**loose, "min_value_coverage": 0.0})
    engine = AnswerEngine(approved_kb, lenient, audit=audit)
    answer = engine.ask(QUESTION)
    assert not answer.refused and answer.citations
    entries = audit.entries()
    assert len(entries) == 1 and entries[0]["type"] == "answer"
    data = entries[0]["data"]
    assert data["question"] == answer.sent_question != answer.question
    raw = audit.path.read_text(encoding="utf-8")
    for identifier in ("Jane", "Smithson", "84421973"):
        assert identifier not in raw
    assert data["redactions"] == answer.redactions and data["redactions"]
    assert data["documents"] == [
        {"doc_id": c.source.doc_id, "version_id": c.source.version_id, "version": c.source.version}
        for c in answer.citations
    ]
    assert (data["provider"], data["mode"], data["refused"]) == ("offline", answer.mode, False)
    assert data["claims_verified"] == answer.claims_verified == data["claims_total"] > 0
    assert audit.verify().ok


def test_a_refusal_is_audited_too(approved_kb, isolated_home):
    from assistant.answering.engine import AnswerEngine

    audit = AuditLog(isolated_home)
    engine = AnswerEngine(approved_kb, Settings(home=isolated_home), audit=audit)
    answer = engine.ask("What is the visiting policy for the maternity ward on weekends?")
    assert answer.refused
    [entry] = audit.entries()
    assert entry["data"]["refused"] is True and entry["data"]["documents"] == []


def test_a_failing_audit_withholds_the_answer(approved_kb, isolated_home):
    from assistant.answering.engine import AnswerEngine

    class Broken:
        def record_answer(self, answer):
            raise OSError("disk full")

    engine = AnswerEngine(approved_kb, Settings(home=isolated_home), audit=Broken())
    with pytest.raises(AuditError, match="disk full"):
        engine.ask("How long should alcohol hand rub be rubbed over hands?")
    events = []
    with pytest.raises(AuditError):
        for event in engine.stream("How long should alcohol hand rub be rubbed over hands?"):
            events.append(event.kind)
    assert "done" not in events


def test_services_wire_the_audit_log_into_engine_and_knowledge_base(isolated_home, tmp_path):
    from fakes import HashEmbedder, word_counter

    from assistant.core.services import build_engine, build_knowledge_base
    from knowledge.ingest import IngestOptions

    settings = Settings(home=isolated_home)
    kb = build_knowledge_base(settings)
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    source = tmp_path / "hand-hygiene.md"
    source.write_text(POLICY, encoding="utf-8")
    [result] = [e.result for e in kb.ingest([source], IngestOptions()) if e.result]
    kb.approve(result.version_id, by="dr-admin")
    kb.retire(result.version_id)
    kb.remove(result.doc_id)
    audit = AuditLog(isolated_home)
    entries = audit.entries()
    kinds = ["ingest", "approve", "retire", "remove"]
    assert [e["type"] for e in entries] == [k for kind in kinds for k in ("intent", kind)]
    intents, done = entries[0::2], entries[1::2]
    # each change was announced before it was made, and its record names the announcement
    assert [i["data"]["change"] for i in intents] == kinds
    assert [d["data"]["intent"] for d in done] == [i["seq"] for i in intents]
    ingest, approve, retire, remove = (e["data"] for e in done)
    assert ingest["status"] == "added" and ingest["version_id"] == result.version_id
    assert ingest["file"].endswith("hand-hygiene.md")
    assert approve["version_id"] == result.version_id and approve["by"] == "dr-admin"
    assert retire["doc_id"] == result.doc_id
    assert remove["target"] == result.doc_id and remove["versions"][0]["version"] == 1
    engine = build_engine(settings, kb)
    assert isinstance(engine.audit, AuditLog) and engine.audit.dir == audit.dir
    engine.ask("How long should alcohol hand rub be rubbed?")
    assert [e["type"] for e in audit.entries()][-1] == "answer" and audit.verify().ok


def test_settings_changes_are_logged_without_values(isolated_home):
    with settings_change(isolated_home, "llm.model"):
        save_user_setting(isolated_home, "llm.model", "secret-deployment-name")
    with settings_change(isolated_home, "llm.model"):
        save_user_setting(isolated_home, "llm.model", "secret-deployment-name")
    entries = AuditLog(isolated_home).entries()
    assert [e["data"] for e in entries] == [
        {"key": "llm.model", "changed": True},
        {"key": "llm.model", "changed": False},
    ]
    assert "secret-deployment-name" not in AuditLog(isolated_home).path.read_text()


def test_audit_retention_is_site_only(isolated_home, monkeypatch, tmp_path):
    with pytest.raises(KeyError, match="only be set by IT"):
        save_user_setting(isolated_home, "audit.retention_days", 1)
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "settings.toml").write_text("[audit]\nretention_days = 1\n")
    monkeypatch.setenv("CLINASSIST_AUDIT__RETENTION_DAYS", "2")
    assert Settings(home=isolated_home).audit.retention_days == 0
    site = Path(tmp_path / "site.toml")
    site.write_text("[audit]\nretention_days = 365\n")
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(site))
    assert Settings(home=isolated_home).audit.retention_days == 365
