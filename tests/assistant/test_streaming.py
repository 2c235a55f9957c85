"""coalesce_deltas: a fast token stream reaches the window as a few merged deltas."""

from __future__ import annotations

from assistant.answering.answer import AnswerEvent, coalesce_deltas


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def stream(clock: Clock, events: list[tuple[float, AnswerEvent]]):
    for at, event in events:
        clock.now = at
        yield event


def test_tokens_inside_one_interval_are_merged_and_nothing_is_lost_or_reordered():
    clock = Clock()
    tokens = [(i * 0.001, AnswerEvent("delta", f"w{i} ")) for i in range(200)]  # 200 tokens/0.2 s
    events = [(0.0, AnswerEvent("status", "Searching")), *tokens, (0.3, AnswerEvent("done"))]
    out = list(coalesce_deltas(stream(clock, events), interval_s=0.05, clock=clock))
    deltas = [e for e in out if e.kind == "delta"]
    assert 3 <= len(deltas) <= 6
    assert "".join(e.text for e in deltas) == "".join(e.text for _, e in tokens)
    assert [e.kind for e in out][0] == "status" and out[-1].kind == "done"


def test_pending_text_goes_out_before_a_status_and_at_the_end():
    clock = Clock()
    events = [
        (0.0, AnswerEvent("delta", "a")),
        (0.001, AnswerEvent("delta", "b")),
        (0.002, AnswerEvent("status", "Checking citations")),
        (0.003, AnswerEvent("delta", "c")),
    ]
    out = list(coalesce_deltas(stream(clock, events), interval_s=1.0, clock=clock))
    assert [(e.kind, e.text) for e in out] == [
        ("delta", "a"),  # the first text shows at once
        ("delta", "b"),  # held, then passed on before the status
        ("status", "Checking citations"),
        ("delta", "c"),  # held, passed on at the end
    ]


def test_a_slow_stream_passes_through_unchanged():
    clock = Clock()
    events = [(i * 0.2, AnswerEvent("delta", str(i))) for i in range(5)]
    out = list(coalesce_deltas(stream(clock, events), interval_s=0.05, clock=clock))
    assert [e.text for e in out] == ["0", "1", "2", "3", "4"]


def test_text_that_arrived_is_passed_on_before_an_error():
    clock = Clock()

    def failing():
        yield AnswerEvent("delta", "Ring ")
        yield AnswerEvent("delta", "4455")
        raise RuntimeError("the audit entry could not be written")

    seen = []
    try:
        for event in coalesce_deltas(failing(), interval_s=1.0, clock=clock):
            seen.append(event.text)
    except RuntimeError as exc:
        assert "audit" in str(exc)
    else:
        raise AssertionError("the error was swallowed")
    assert "".join(seen) == "Ring 4455"
