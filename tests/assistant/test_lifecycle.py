"""One lifecycle use case for the desk and `clinassist docs`, told in the same words."""

from types import SimpleNamespace

import pytest

from assistant.core.lifecycle import change, describe_outcome


class RecordingKb:
    """Stands in for KnowledgeBase: records which door each action went through."""

    def __init__(self):
        self.calls = []
        self.v1 = SimpleNamespace(doc_id="falls", version=1)
        self.v2 = SimpleNamespace(doc_id="falls", version=2)

    def approve(self, target, by):
        self.calls.append(("approve", target, by))
        return self.v2, [self.v1]

    def retire(self, target):
        self.calls.append(("retire", target))
        return self.v2

    def remove(self, target):
        self.calls.append(("remove", target))
        return [self.v1, self.v2]

    def update_metadata(self, target, by, **details):
        self.calls.append(("edit", target, by, details))
        return self.v2


def test_each_action_goes_through_its_audited_door_and_is_told_once():
    kb = RecordingKb()
    told = {
        action: describe_outcome(action, change(kb, action, "falls", "dr-admin", details))
        for action, details in (
            ("approve", None),
            ("retire", None),
            ("remove", None),
            ("edit", {"owner": "Falls group"}),
        )
    }
    assert kb.calls == [
        ("approve", "falls", "dr-admin"),
        ("retire", "falls"),
        ("remove", "falls"),
        ("edit", "falls", "dr-admin", {"owner": "Falls group"}),
    ]
    assert told == {
        "approve": "Approved falls version 2. Retired version 1.",
        "retire": "Retired falls version 2.",
        "remove": "Removed falls (2 versions).",
        "edit": "Saved details of falls version 2.",
    }


def test_an_unknown_action_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown action 'publish'"):
        change(RecordingKb(), "publish", "falls", "dr-admin")
