"""`clinassist ask` and `clinassist config`: answering and provider set-up on the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.render import console, out, print_error, print_json

config_app = typer.Typer(no_args_is_help=True, help="Show and set the answer provider.")


def render_answer(answer) -> None:
    """The answer as the chat shows it, printed literally: text from documents and models is
    data, never console markup."""
    from assistant.core.answer_text import answer_lines
    from assistant.core.answer_view import AnswerView

    for line in answer_lines(AnswerView.of(answer)):
        out.print(line.text, style=_STYLES.get(line.role, ""), markup=False)


# How the terminal shows each role of a line (assistant/core/answer_text.py).
_STYLES = {
    "badge-refused": "bold red",
    "badge-related": "bold dark_orange",
    "badge-unverified": "bold yellow",
    "badge-verified": "bold green",
    "badge-quoted": "bold blue",
    "notice": "yellow",
    "meta": "dim",
    "summary": "bold",
    "related": "bold dark_orange",
    "card-head": "bold",
    "marked": "on grey23",
    "refusal": "bold red",
    "heading": "bold",
}


def _load_model(engine) -> None:
    """Load the embedding model before the first question, saying so on stderr: loading is
    loading, not the answer's time (the answer's timings then hold only the answer)."""
    import time

    load = getattr(engine.kb.embedder, "load", None)
    loaded = getattr(engine.kb.embedder, "loaded", True)
    if load is None or loaded:
        return
    started = time.perf_counter()
    console.print("Loading the embedding model…", style="dim")
    load()
    console.print(f"model ready in {time.perf_counter() - started:.1f} s", style="dim")


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not str(row.get("question", "")).strip():
            raise ValueError(f'{path}:{number}: each line needs a non-empty "question"')
        rows.append(row)
    return rows


def ask_command(settings, question: str | None, jsonl: Path | None, json_output: bool) -> int:
    from assistant.answering.llm import LLMError
    from assistant.core.services import build_engine
    from assistant.governance.audit import AuditError

    if bool(question) == bool(jsonl):
        print_error("give a question, or --jsonl FILE (not both)")
        return 2
    try:
        rows = _read_jsonl(jsonl) if jsonl else [{"id": None, "question": question}]
    except (OSError, ValueError) as exc:
        print_error(exc)
        return 2
    try:
        engine = build_engine(settings)  # the model loads once for all questions
    except LLMError as exc:  # e.g. a provider that needs a key has none
        print_error(exc)
        return 2
    _load_model(engine)
    for row in rows:
        try:
            answer = engine.ask(str(row["question"]))
        except (LLMError, ValueError) as exc:
            print_error(exc)
            return 1
        except AuditError as exc:  # an answer that cannot be audited is not shown
            print_error(f"answer withheld: {exc}")
            return 1
        if json_output:
            data = answer.to_json()
            if jsonl:
                sys.stdout.write(
                    json.dumps({"id": row.get("id"), **data}, ensure_ascii=False) + "\n"
                )
            else:
                print_json(data)
        else:
            render_answer(answer)
    return 0


@config_app.command("show")
def config_show(json_output: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The settings in force (secrets are never shown, only whether a key is set)."""
    from assistant.cli.state import settings
    from assistant.governance.secrets import get_api_key, mask

    s = settings()
    data = s.model_dump(mode="json")
    key = get_api_key(s.llm.provider) if s.llm.provider != "offline" else None
    data["llm"]["api_key"] = mask(key) if key else None
    if json_output:
        print_json(data)
        return
    for section, values in data.items():
        if isinstance(values, dict):
            for key_name, value in values.items():
                out.print(f"{section}.{key_name} = {value}")
        else:
            out.print(f"{section} = {values}")


@config_app.command("set")
def config_set(
    key: Annotated[
        str,
        typer.Argument(
            help="e.g. llm.provider, llm.endpoint, llm.model (store.* and privacy.* are IT's)"
        ),
    ],
    value: Annotated[str, typer.Argument()],
) -> None:
    """Save one setting to the user settings file (validated first)."""
    from pydantic import ValidationError

    from assistant.cli.state import settings
    from assistant.core.settings_changes import save_setting
    from assistant.governance.audit import AuditError

    try:
        path = save_setting(settings().home, key, value)
    except (KeyError, ValueError, ValidationError, AuditError) as exc:
        print_error(exc)
        raise typer.Exit(2) from exc
    out.print(f"saved {key} in {path}")


@config_app.command("set-key")
def config_set_key(
    provider: Annotated[str, typer.Option(help="openai, azure or compatible")] = "",
) -> None:
    """Store the API key in the OS keyring (typed at a hidden prompt, never on the command line)."""
    from assistant.cli.state import settings
    from assistant.core.settings_changes import store_api_key
    from assistant.governance.audit import AuditError
    from assistant.governance.secrets import SecretStoreError, mask

    provider = provider or settings().llm.provider
    if provider == "offline":
        print_error("choose a provider first: clinassist config set llm.provider azure")
        raise typer.Exit(2)
    key = typer.prompt(f"API key for {provider}", hide_input=True)
    try:
        store_api_key(settings().home, provider, key)
    except (SecretStoreError, AuditError) as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    out.print(f"stored {mask(key.strip())} for {provider} in the OS keyring")


@config_app.command("set-store-token")
def config_set_store_token() -> None:
    """IT: keep the shared store's proxy token in the OS keyring (typed at a hidden prompt)."""
    from assistant.governance.secrets import SecretStoreError, mask, set_store_token

    token = typer.prompt("Token for the shared store's proxy", hide_input=True)
    try:
        set_store_token(token)
    except (SecretStoreError, ValueError) as exc:
        print_error(exc)
        raise typer.Exit(1) from exc
    out.print(f"stored {mask(token.strip())} for the shared store in the OS keyring")


@config_app.command("test")
def config_test() -> None:
    """Send a tiny request to the configured provider and report the result."""
    from assistant.answering.llm import LLMError
    from assistant.cli.state import settings
    from assistant.core.services import build_chat_client

    try:
        client = build_chat_client(settings())
    except LLMError as exc:
        print_error(exc, label="not configured")
        raise typer.Exit(2) from exc
    if client is None:
        out.print(
            "offline mode: answers are extracted from the approved documents; nothing to test"
        )
        return
    try:
        out.print(client.check_connection(), style="green")
    except LLMError as exc:
        print_error(exc, label="connection failed")
        raise typer.Exit(1) from exc
