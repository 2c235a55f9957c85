"""The LLM adapter against two real HTTP servers: llama.cpp (SmolLM2-135M, protocol only —
never answer content) and a scripted OpenAI-compatible server that records every request."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import traceback

import pytest
from llm_servers import context_too_long, error, free_port, reply

from assistant.answering import llm
from assistant.answering.llm import (
    ChatEvent,
    LLMAuthError,
    LLMBadRequest,
    LLMContextTooLong,
    LLMError,
    LLMNotConfigured,
    LLMRateLimited,
    LLMTimeout,
    LLMUnavailable,
    make_chat_client,
)
from assistant.governance.secrets import mask, set_api_key
from assistant.governance.settings import LLMSettings

KEY = "sk-test-0123456789abcdefSECRETKEY"
ASK = [
    {"role": "system", "content": "Answer from the sources only."},
    {"role": "user", "content": "How long should a hand rub take?"},
]


def compatible(url: str, **overrides) -> LLMSettings:
    values = {"provider": "compatible", "endpoint": url, "model": "gpt-test", "timeout_s": 10}
    return LLMSettings(**{**values, **overrides})


def split(events: list[ChatEvent]) -> tuple[list[str], ChatEvent]:
    *deltas, final = events
    assert all(e.finish_reason is None and e.usage is None and e.delta for e in deltas)
    assert final.finish_reason is not None and final.delta == ""
    return [e.delta for e in deltas], final


def assert_no_key(exc: BaseException, key: str = KEY) -> None:
    shown = "".join(traceback.format_exception(exc)) + repr(exc) + str(exc.args)
    assert key not in shown and key[-10:] not in shown
    assert exc.__cause__ is None and exc.__suppress_context__  # the openai error stays hidden


# -- against llama.cpp -------------------------------------------------------------------------


@pytest.fixture
def smol(llama_server):
    return make_chat_client(compatible(llama_server, model="smollm2", max_retries=0))


def test_llama_streams_deltas_then_one_final_event(smol):
    events = list(smol.stream(ASK, max_tokens=12))
    deltas, final = split(events)
    assert len(deltas) >= 2
    assert final.finish_reason in {"stop", "length"}
    assert final.usage["prompt_tokens"] > 0 and final.usage["completion_tokens"] >= len(deltas)


def test_llama_complete_reports_usage(smol):
    result = smol.complete(ASK, max_tokens=8)
    assert result.finish_reason in {"stop", "length"}
    assert result.usage["prompt_tokens"] > 0 and 0 < result.usage["completion_tokens"] <= 8
    assert result.usage["total_tokens"] == (
        result.usage["prompt_tokens"] + result.usage["completion_tokens"]
    )
    assert isinstance(result.text, str) and result.model


def test_llama_max_tokens_gives_length(smol):
    result = smol.complete([{"role": "user", "content": "Count from one to fifty."}], max_tokens=5)
    assert result.finish_reason == "length" and result.usage["completion_tokens"] == 5
    *_, final = smol.stream([{"role": "user", "content": "Count to fifty."}], max_tokens=5)
    assert final.finish_reason == "length"


def test_llama_context_overflow_is_context_too_long(smol):
    long_prompt = [{"role": "user", "content": "hand hygiene " * 600}]  # > 512 tokens
    with pytest.raises(LLMContextTooLong, match="too long.*'smollm2'") as info:
        smol.complete(long_prompt, max_tokens=5)
    assert info.value.status == 400
    with pytest.raises(LLMContextTooLong):
        list(smol.stream(long_prompt, max_tokens=5))


def test_llama_check_connection(smol, llama_server):
    message = smol.check_connection()
    assert message.startswith(f"Connected to smollm2 at {llama_server} (") and "ms)" in message


def test_closed_port_is_unavailable_and_names_the_endpoint():
    endpoint = f"http://127.0.0.1:{free_port()}/v1"
    client = make_chat_client(compatible(endpoint, max_retries=0))
    with pytest.raises(LLMUnavailable) as info:
        client.check_connection()
    assert endpoint in str(info.value) and "refused" in str(info.value).lower()
    with pytest.raises(LLMUnavailable, match="after 1 attempt"):
        list(client.stream(ASK))


# -- request shapes ----------------------------------------------------------------------------


def test_compatible_request_body(scripted_llm):
    scripted_llm.reply("Hand rub for 20–30 seconds [1].")
    client = make_chat_client(compatible(scripted_llm.base_url))
    result = client.complete(ASK, max_tokens=50, temperature=0.2)
    assert result.text == "Hand rub for 20–30 seconds [1]." and result.finish_reason == "stop"
    assert result.usage["completion_tokens"] == 6 and result.model == "gpt-test"
    sent = scripted_llm.last
    assert sent["path"] == "/v1/chat/completions"
    assert sent["json"] == {
        "model": "gpt-test",
        "messages": ASK,
        "temperature": 0.2,
        "max_tokens": 50,
        "stream": False,
    }
    assert sent["headers"]["authorization"] == "Bearer not-needed"  # no key: a placeholder
    assert "How long should a hand rub take?" in scripted_llm.wire_text()


def test_streaming_sse_parsed_into_deltas_and_usage(scripted_llm):
    text = "Hand rub for 20–30 seconds [1]. Wash with soap when visibly soiled [2]."
    usage = {"prompt_tokens": 120, "completion_tokens": 17, "total_tokens": 137}
    scripted_llm.reply(text, usage=usage)
    client = make_chat_client(compatible(scripted_llm.base_url))
    deltas, final = split(list(client.stream(ASK, max_tokens=40)))
    assert "".join(deltas) == text and len(deltas) > 5
    assert final.finish_reason == "stop" and final.usage == usage
    body = scripted_llm.last["json"]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["max_tokens"] == 40 and body["temperature"] == 0.0


def test_stream_without_usage_when_the_server_rejects_stream_options(scripted_llm):
    scripted_llm.script(
        [error(400, "Unrecognized request argument supplied: stream_options"), reply("Yes [1].")]
    )
    client = make_chat_client(compatible(scripted_llm.base_url))
    deltas, final = split(list(client.stream(ASK)))
    assert "".join(deltas) == "Yes [1]." and final.finish_reason == "stop"
    assert final.usage is None  # the server sends none without stream_options
    first, second = scripted_llm.requests
    assert "stream_options" in first["json"] and "stream_options" not in second["json"]
    list(client.stream(ASK))  # remembered: no failed attempt the second time
    assert len(scripted_llm.requests) == 3


def test_max_completion_tokens_when_a_model_demands_it(scripted_llm):
    message = "Unsupported parameter: 'max_tokens'. Use 'max_completion_tokens' instead."
    scripted_llm.script([error(400, message), reply("OK")])
    client = make_chat_client(compatible(scripted_llm.base_url))
    assert client.complete(ASK, max_tokens=30).text == "OK"
    assert scripted_llm.last["json"]["max_completion_tokens"] == 30
    assert "max_tokens" not in scripted_llm.last["json"]


def test_azure_request_shape(scripted_llm):
    settings = LLMSettings(
        provider="azure",
        endpoint=scripted_llm.azure_endpoint,
        model="gpt4o-clinical",
        api_version="2024-10-21",
    )
    scripted_llm.reply("OK")
    make_chat_client(settings, api_key=KEY).complete(ASK, max_tokens=5)
    sent = scripted_llm.last
    assert sent["path"] == "/openai/deployments/gpt4o-clinical/chat/completions"
    assert sent["deployment"] == "gpt4o-clinical"
    assert sent["query"] == {"api-version": "2024-10-21"}
    assert sent["headers"]["api-key"] == KEY and "authorization" not in sent["headers"]


def test_openai_request_shape_with_key_from_keyring(scripted_llm):
    set_api_key("openai", KEY)
    settings = LLMSettings(provider="openai", endpoint=scripted_llm.base_url, model="gpt-4o-mini")
    make_chat_client(settings).complete(ASK, max_tokens=5)
    sent = scripted_llm.last
    assert sent["path"] == "/v1/chat/completions" and sent["json"]["model"] == "gpt-4o-mini"
    assert sent["headers"]["authorization"] == f"Bearer {KEY}"
    assert "api-key" not in sent["headers"]


def test_entra_id_sends_a_bearer_token(scripted_llm, monkeypatch):
    monkeypatch.setattr(llm, "_entra_token_provider", lambda: lambda: "entra-token-abc")
    settings = LLMSettings(
        provider="azure", endpoint=scripted_llm.azure_endpoint, model="dep", use_entra_id=True
    )
    make_chat_client(settings).complete(ASK, max_tokens=5)  # no API key needed
    headers = scripted_llm.last["headers"]
    assert headers["authorization"] == "Bearer entra-token-abc" and "api-key" not in headers


def test_entra_id_failure_is_an_auth_error_before_any_request(scripted_llm, monkeypatch):
    def no_credential():
        raise RuntimeError("DefaultAzureCredential failed to retrieve a token")

    monkeypatch.setattr(llm, "_entra_token_provider", lambda: no_credential)
    settings = LLMSettings(
        provider="azure", endpoint=scripted_llm.azure_endpoint, model="dep", use_entra_id=True
    )
    with pytest.raises(LLMAuthError, match="Entra ID token.*az login"):
        make_chat_client(settings).complete(ASK)
    assert scripted_llm.requests == []


# -- errors, retries, secrecy ------------------------------------------------------------------


def test_401_is_auth_error_without_the_key(scripted_llm):
    scripted_llm.fail(401, f"Incorrect API key provided: {KEY}.")  # a server echoing the key
    client = make_chat_client(compatible(scripted_llm.base_url), api_key=KEY)
    with pytest.raises(LLMAuthError, match="the API key was refused") as info:
        client.complete(ASK)
    assert info.value.status == 401 and mask(KEY) in str(info.value)  # masked echo
    assert_no_key(info.value)
    assert len(scripted_llm.requests) == 1  # never retried


def test_429_then_success_is_retried(scripted_llm):
    scripted_llm.script([error(429), error(429), reply("Done [1].")])
    client = make_chat_client(compatible(scripted_llm.base_url, max_retries=2))
    assert client.complete(ASK).text == "Done [1]."
    assert len(scripted_llm.requests) == 3


def test_429_forever_is_rate_limited_after_max_retries(scripted_llm):
    scripted_llm.fail(429)
    client = make_chat_client(compatible(scripted_llm.base_url, max_retries=3), api_key=KEY)
    with pytest.raises(LLMRateLimited, match=r"\(429, after 4 attempts\)") as info:
        client.complete(ASK)
    assert len(scripted_llm.requests) == 4
    assert_no_key(info.value)


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried_then_unavailable(scripted_llm, status):
    scripted_llm.fail(status)
    client = make_chat_client(compatible(scripted_llm.base_url, max_retries=2), api_key=KEY)
    with pytest.raises(LLMUnavailable) as info:
        list(client.stream(ASK))
    assert len(scripted_llm.requests) == 3
    assert f"({status}, after 3 attempts)" in str(info.value)
    assert scripted_llm.base_url in str(info.value)
    assert_no_key(info.value)


def test_server_error_then_success_streams(scripted_llm):
    scripted_llm.script([error(503), reply("Recovered.")])
    client = make_chat_client(compatible(scripted_llm.base_url, max_retries=1))
    deltas, _ = split(list(client.stream(ASK)))
    assert "".join(deltas) == "Recovered." and len(scripted_llm.requests) == 2


def test_slow_server_times_out(scripted_llm):
    scripted_llm.reply("late", delay=3)
    client = make_chat_client(
        compatible(scripted_llm.base_url, timeout_s=0.3, max_retries=0), api_key=KEY
    )
    with pytest.raises(LLMTimeout, match=r"within 0\.3 s") as info:
        client.complete(ASK)
    assert_no_key(info.value)


def test_slow_stream_times_out_between_chunks(scripted_llm):
    scripted_llm.reply("one two three", chunk_delay=1.0)
    client = make_chat_client(compatible(scripted_llm.base_url, timeout_s=0.3, max_retries=0))
    with pytest.raises(LLMTimeout):
        list(client.stream(ASK))


def test_context_400_is_context_too_long(scripted_llm):
    scripted_llm.script([context_too_long()])
    client = make_chat_client(compatible(scripted_llm.base_url), api_key=KEY)
    with pytest.raises(LLMContextTooLong, match="maximum context length is 4096") as info:
        client.complete(ASK)
    assert info.value.status == 400 and len(scripted_llm.requests) == 1
    assert_no_key(info.value)


@pytest.mark.parametrize(
    ("status", "message", "match"),
    [
        (400, "temperature must be between 0 and 2", r"rejected the request \(400\)"),
        (404, "The model `gpt-test` does not exist", r"no model or deployment 'gpt-test'"),
        (422, "messages: field required", r"rejected the request \(422\)"),
    ],
)
def test_other_client_errors_are_bad_requests(scripted_llm, status, message, match):
    scripted_llm.fail(status, message)
    client = make_chat_client(compatible(scripted_llm.base_url), api_key=KEY)
    with pytest.raises(LLMBadRequest, match=match) as info:
        client.complete(ASK)
    assert message in str(info.value) and len(scripted_llm.requests) == 1
    assert_no_key(info.value)


def test_key_never_in_repr_str_or_logs(scripted_llm, caplog):
    caplog.set_level(logging.DEBUG)
    scripted_llm.script([error(429), reply("OK")])
    client = make_chat_client(compatible(scripted_llm.base_url, max_retries=1), api_key=KEY)
    client.complete(ASK)
    for shown in (repr(client), str(client), repr(vars(client)), caplog.text):
        assert KEY not in shown
    assert "Retrying request" in caplog.text  # the openai client did log, without the key
    assert repr(client).startswith("OpenAIChatClient(provider='compatible'")


# -- configuration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "match"),
    [
        (LLMSettings(), "offline mode"),
        (LLMSettings(provider="azure", model="dep"), "No endpoint is set for azure"),
        (LLMSettings(provider="compatible", endpoint="http://h/v1"), "set llm.model"),
        (LLMSettings(provider="openai", model="gpt-4o-mini"), "OPENAI_API_KEY"),
        (
            LLMSettings(provider="azure", endpoint="https://x.example", model="dep"),
            "AZURE_OPENAI_API_KEY",
        ),
        (LLMSettings(provider="compatible", endpoint="h:8080/v1", model="m"), "https://"),
    ],
)
def test_not_configured(settings, match):
    with pytest.raises(LLMNotConfigured, match=match):
        make_chat_client(settings)


def test_compatible_needs_no_key_and_env_key_is_used(scripted_llm, monkeypatch):
    monkeypatch.setenv("CLINASSIST_API_KEY", KEY)
    make_chat_client(compatible(scripted_llm.base_url)).complete(ASK, max_tokens=3)
    assert scripted_llm.last["headers"]["authorization"] == f"Bearer {KEY}"


def test_openai_client_is_built_once_across_threads(scripted_llm, monkeypatch):
    client = make_chat_client(compatible(scripted_llm.base_url))
    built = []
    real_build = client._build
    monkeypatch.setattr(client, "_build", lambda: built.append(1) or real_build())
    errors: list[BaseException] = []

    def ask():
        try:
            client.complete(ASK, max_tokens=3)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and built == [1] and len(scripted_llm.requests) == 6


def test_importing_llm_is_cheap():
    code = (
        "import sys, assistant.answering.llm; "
        "print('openai' in sys.modules, 'azure' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_llm_error_hierarchy():
    for cls in (LLMAuthError, LLMRateLimited, LLMUnavailable, LLMTimeout, LLMContextTooLong,
                LLMBadRequest, LLMNotConfigured):  # fmt: skip
        assert issubclass(cls, LLMError)
