"""One adapter over the `openai` package for every LLM call (OpenAI, Azure OpenAI, compatible).

`make_chat_client(settings.llm)` returns a `ChatClient`; its errors are `LLMError` subclasses
whose messages name the provider and endpoint and say what to do. Retries with back-off for
429/5xx/connection errors are the openai client's own (`max_retries`); the final failure is
mapped here. The API key never appears in a message, repr or log line: errors are raised
`from None` so the openai exception (which holds the request and its headers) is not printed.
Heavy imports (openai, azure.identity) happen on first use, so importing this module is cheap.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from assistant.governance.secrets import env_var_names, find_api_key, mask
from assistant.governance.settings import LLMSettings

OPENAI_URL = "https://api.openai.com/v1"
ENTRA_SCOPE = "https://cognitiveservices.azure.com/.default"
_CONTEXT_CODES = {"context_length_exceeded", "exceed_context_size_error", "string_above_max_length"}
_CONTEXT_TEXT = re.compile(
    r"context|maximum.{0,40}length|too many tokens|too long|exceeds?.{0,60}tokens", re.I
)


@dataclass
class ChatEvent:
    """A text delta; the last event of a stream has `finish_reason` (and `usage` if sent)."""

    delta: str = ""
    finish_reason: str | None = None
    usage: dict | None = None


@dataclass
class ChatResult:
    text: str
    finish_reason: str
    usage: dict
    model: str


class LLMError(Exception):
    """Base of every LLM failure; the message is safe to show and never holds a key."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


class LLMAuthError(LLMError): ...


class LLMRateLimited(LLMError): ...


class LLMUnavailable(LLMError): ...


class LLMTimeout(LLMError): ...


class LLMContextTooLong(LLMError): ...


class LLMBadRequest(LLMError): ...


class LLMNotConfigured(LLMError): ...


class ChatClient(Protocol):
    model: str

    def stream(
        self, messages: list[dict], *, max_tokens: int = 800, temperature: float = 0.0
    ) -> Iterator[ChatEvent]: ...

    def complete(
        self, messages: list[dict], *, max_tokens: int = 800, temperature: float = 0.0
    ) -> ChatResult: ...

    def check_connection(self) -> str: ...


def make_chat_client(llm: LLMSettings, api_key: str | None = None) -> ChatClient:
    """A client for the configured provider; raises LLMNotConfigured when it cannot work."""
    where = _where(llm)
    if llm.provider == "offline":
        raise LLMNotConfigured(
            'The assistant is in offline mode (llm.provider = "offline"): no language model '
            "is configured. Choose openai, azure or compatible in the settings."
        )
    if llm.provider in ("azure", "compatible") and not llm.endpoint.strip():
        raise LLMNotConfigured(f"No endpoint is set for {llm.provider}: set llm.endpoint.")
    if llm.endpoint and urlsplit(llm.endpoint.strip()).scheme not in ("http", "https"):
        raise LLMNotConfigured(f"llm.endpoint must start with https:// (or http://): {where}")
    if not llm.model.strip():
        what = "the deployment name" if llm.provider == "azure" else "the model name"
        raise LLMNotConfigured(f"No model is set for {where}: set llm.model to {what}.")
    entra = llm.provider == "azure" and llm.use_entra_id
    problem = ""
    if api_key is None and not entra:
        api_key, problem = find_api_key(llm.provider)
        problem = f" {problem}" if problem else ""
    if not api_key and llm.provider in ("openai", "azure") and not entra:
        names = " or ".join(env_var_names(llm.provider))
        raise LLMNotConfigured(
            f"No API key for {where}: store one in the system keyring from the settings, "
            f"or set {names}.{problem}"
        )
    return OpenAIChatClient(llm, api_key)


class _Secret:
    """Holds the key so that repr(), vars() dumps and debuggers show only its mask."""

    __slots__ = ("value",)

    def __init__(self, value: str | None):
        self.value = value or None

    def __repr__(self) -> str:
        return f"<secret {mask(self.value)}>" if self.value else "<no secret>"


class OpenAIChatClient:
    """ChatClient over openai.OpenAI / openai.AzureOpenAI, created lazily once per client."""

    def __init__(self, llm: LLMSettings, api_key: str | None = None):
        self.model = llm.model
        self.provider = llm.provider
        self.endpoint = _display_url(llm.endpoint) if llm.endpoint else OPENAI_URL
        self.where = _where(llm)
        self._llm = llm
        self._secret = _Secret(api_key)
        self._lock = threading.Lock()
        self._client: Any = None
        self._stream_usage = True  # send stream_options until a server rejects it
        self._max_param = "max_tokens"  # switch to max_completion_tokens if a model demands it

    def __repr__(self) -> str:
        fields = f"provider={self.provider!r}, model={self.model!r}, endpoint={self.endpoint!r}"
        return f"OpenAIChatClient({fields})"

    def stream(
        self, messages: list[dict], *, max_tokens: int = 800, temperature: float = 0.0
    ) -> Iterator[ChatEvent]:
        """Yield text deltas, then one final event; the request is sent on first iteration."""
        import openai

        response = self._create(messages, max_tokens, temperature, stream=True)
        finish: str | None = None
        usage: dict | None = None
        try:
            for chunk in response:
                if getattr(chunk, "usage", None):
                    usage = _usage(chunk.usage)
                for choice in chunk.choices or []:
                    text = choice.delta.content if choice.delta else None
                    if text:
                        yield ChatEvent(delta=text)
                    if choice.finish_reason:
                        finish = choice.finish_reason
        except openai.OpenAIError as exc:
            raise self._error(exc) from None
        finally:
            response.close()
        yield ChatEvent(finish_reason=finish or "unknown", usage=usage)

    def complete(
        self, messages: list[dict], *, max_tokens: int = 800, temperature: float = 0.0
    ) -> ChatResult:
        response = self._create(messages, max_tokens, temperature, stream=False)
        if not response.choices:
            raise LLMError(f"{self.where} returned no answer (an empty list of choices).")
        choice = response.choices[0]
        return ChatResult(
            text=(choice.message.content if choice.message else None) or "",
            finish_reason=choice.finish_reason or "unknown",
            usage=_usage(response.usage) or {},
            model=response.model or self.model,
        )

    def check_connection(self) -> str:
        started = time.perf_counter()
        self.complete([{"role": "user", "content": "Say OK."}], max_tokens=1)
        elapsed = (time.perf_counter() - started) * 1000
        return f"Connected to {self.model} at {self.endpoint} ({elapsed:.0f} ms)"

    # -- internals -------------------------------------------------------------------------

    def prepare(self) -> None:
        """Import the openai package and build the client now (at start-up, on a worker),
        so the first question does not pay for it while the window waits."""
        self._openai()

    def _openai(self) -> Any:
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._build()
        return self._client

    def _build(self) -> Any:
        import openai

        llm, key = self._llm, self._secret.value
        common: dict[str, Any] = {"timeout": llm.timeout_s, "max_retries": llm.max_retries}
        try:
            if llm.provider == "azure":
                if llm.use_entra_id:
                    common["azure_ad_token_provider"] = _guarded(_entra_token_provider())
                else:
                    common["api_key"] = key
                return openai.AzureOpenAI(
                    azure_endpoint=llm.endpoint,
                    api_version=llm.api_version,
                    azure_deployment=llm.model,
                    **common,
                )
            base_url = llm.endpoint or OPENAI_URL  # explicit: OPENAI_BASE_URL must not leak in
            return openai.OpenAI(api_key=key or "not-needed", base_url=base_url, **common)
        except (openai.OpenAIError, ValueError) as exc:
            raise LLMNotConfigured(f"Cannot set up {self.where}: {self._scrub(str(exc))}") from None

    def _create(self, messages: list[dict], max_tokens: int, temperature: float, stream: bool):
        import openai

        client = self._openai()
        for _ in range(3):  # at most two adaptations: stream_options, max_completion_tokens
            kwargs: dict[str, Any] = {
                "model": self.model,
                "messages": messages,
                "temperature": temperature,
                self._max_param: max_tokens,
                "stream": stream,
            }
            if stream and self._stream_usage:
                kwargs["stream_options"] = {"include_usage": True}
            try:
                return client.chat.completions.create(**kwargs)
            except openai.BadRequestError as exc:
                text = _detail(exc).lower()
                if stream and self._stream_usage and "stream_options" in text:
                    self._stream_usage = False
                    continue
                if self._max_param == "max_tokens" and "max_completion_tokens" in text:
                    self._max_param = "max_completion_tokens"
                    continue
                raise self._error(exc) from None
            except openai.OpenAIError as exc:
                raise self._error(exc) from None
        raise LLMBadRequest(f"{self.where} rejected every form of the request.")

    def _error(self, exc: Exception) -> LLMError:
        import openai

        where, attempts = self.where[0].upper() + self.where[1:], self._llm.max_retries + 1
        tries = f"after {attempts} attempt{'s' if attempts > 1 else ''}"
        said = f" Server said: {self._scrub(_detail(exc))}"
        if isinstance(exc, openai.APITimeoutError):
            return LLMTimeout(
                f"{where} did not answer within {self._llm.timeout_s:g} s ({tries}). "
                "Try again, or raise llm.timeout_s if the server is slow."
            )
        if isinstance(exc, openai.APIConnectionError):
            reason = self._scrub(str(exc.__cause__ or exc))
            return LLMUnavailable(
                f"Cannot reach {self.where} ({tries}): {reason}. Check llm.endpoint, the "
                "network and any proxy."
            )
        status = getattr(exc, "status_code", None)
        cls: type[LLMError] = LLMBadRequest
        if status in (401, 403) and self._llm.use_entra_id:
            cls, text = LLMAuthError, f"{where} refused the Entra ID sign-in ({status}): check "
            text += f"that your account may use {self.model!r} (Cognitive Services OpenAI User)."
        elif status in (401, 403):
            cls, env = LLMAuthError, " or ".join(env_var_names(self.provider))
            text = f"{where} refused the API key ({status}): the API key was refused, has "
            text += f"expired or may not use {self.model!r}. Store the right key in the "
            text += f"settings (or set {env}).{said}"
        elif status == 429:
            cls, text = LLMRateLimited, f"{where} is limiting requests (429, {tries}). Wait "
            text += f"a minute and try again, or ask for a higher quota.{said}"
        elif status is not None and status >= 500:
            cls = LLMUnavailable
            text = f"{where} had a server error ({status}, {tries}). Try again later.{said}"
        elif _is_context_error(exc, said):
            cls = LLMContextTooLong
            text = f"The question and its sources are too long for the model {self.model!r} "
            text += f"({self.where}). Ask a shorter question or use fewer sources.{said}"
        elif status == 404:
            text = f"{where} has no model or deployment {self.model!r} (404): check llm.model "
            text += f"and llm.endpoint.{said}"
        elif status is not None:
            text = f"{where} rejected the request ({status}).{said}"
        else:
            cls, text = LLMError, f"{where} failed.{said}"
        return cls(text, status=status)

    def _scrub(self, text: str) -> str:
        key = self._secret.value
        if key and len(key) >= 4:
            text = text.replace(key, mask(key))
        return text if len(text) <= 400 else text[:400] + "…"


def _entra_token_provider() -> Callable[[], str]:
    from azure.identity import DefaultAzureCredential, get_bearer_token_provider

    return get_bearer_token_provider(DefaultAzureCredential(), ENTRA_SCOPE)


def _guarded(provider: Callable[[], str]) -> Callable[[], str]:
    def token() -> str:
        try:
            return provider()
        except Exception as exc:
            raise LLMAuthError(
                f"Could not get a Microsoft Entra ID token ({type(exc).__name__}). Sign in "
                "with `az login`, use a managed identity, or switch off llm.use_entra_id and "
                "use an API key."
            ) from None

    return token


def _detail(exc: Exception) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        message = body.get("message") or body.get("error") or body
        return str(message)
    if body:
        return str(body)
    return str(getattr(exc, "message", None) or exc)


def _is_context_error(exc: Exception, detail: str) -> bool:
    body = getattr(exc, "body", None)
    codes = {str(body.get(k)) for k in ("code", "type")} if isinstance(body, dict) else set()
    return bool(codes & _CONTEXT_CODES) or bool(_CONTEXT_TEXT.search(detail))


def _usage(usage: Any) -> dict | None:
    if usage is None:
        return None
    keys = ("prompt_tokens", "completion_tokens", "total_tokens")
    return {k: int(getattr(usage, k, 0) or 0) for k in keys}


def _display_url(url: str) -> str:
    """The endpoint without credentials or query string, for messages."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = parts.netloc.rpartition(":")[2] if parts.netloc.rpartition(":")[2].isdigit() else ""
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", "")) or url


def _where(llm: LLMSettings) -> str:
    if llm.provider == "azure":
        return f"Azure OpenAI at {_display_url(llm.endpoint)}"
    if llm.provider == "compatible":
        return f"the LLM server at {_display_url(llm.endpoint)}"
    return f"OpenAI at {_display_url(llm.endpoint) if llm.endpoint else OPENAI_URL}"
