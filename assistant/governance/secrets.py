"""API keys: only in the OS keyring or the environment, never in files, settings or logs.

Lookup order for a provider ("openai", "azure", "compatible"): the environment variable
`CLINASSIST_API_KEY`, then the provider's own variable (`OPENAI_API_KEY`,
`AZURE_OPENAI_API_KEY`), then the OS keyring (service "clinassist", user = provider).

A keyring backend that writes plain files (keyrings.alt's file keyrings) or stores nothing
(the null/fail backends) is refused with a `SecretStoreError` that says which environment
variable to set instead. Nothing here logs or formats a key; use `mask()` to display one.
"""

from __future__ import annotations

import logging
import os

SERVICE = "clinassist"
ENV_KEY = "CLINASSIST_API_KEY"
PROVIDER_ENV = {"openai": "OPENAI_API_KEY", "azure": "AZURE_OPENAI_API_KEY"}
PROVIDERS = ("openai", "azure", "compatible")

# Backends that would keep a key in a plain file, or silently keep nothing.
_REFUSED_MODULES = ("keyrings.alt.file", "keyring.backends.null", "keyring.backends.fail")

log = logging.getLogger(__name__)


class SecretStoreError(RuntimeError):
    """The OS keyring cannot be used; the message says what to do instead."""


def env_var_names(provider: str) -> list[str]:
    """The environment variables checked for this provider, strongest first."""
    names = [ENV_KEY]
    if provider in PROVIDER_ENV:
        names.append(PROVIDER_ENV[provider])
    return names


def find_api_key(provider: str) -> tuple[str | None, str]:
    """(key, problem): the key from the environment, else the OS keyring, else None; and,
    when the keyring could not be read or is not secure, why (else ""). Never raises: a
    missing keyring must not stop a command, nor a provider that needs no key. Only storing
    a key needs the keyring (`set_api_key`)."""
    for name in env_var_names(provider):
        value = os.environ.get(name, "").strip()
        if value:
            return value, ""
    try:
        backend = _secure_backend(_variables(provider))
        value = backend.get_password(SERVICE, provider)
    except SecretStoreError as exc:
        return None, str(exc)
    except Exception as exc:  # keyring backends raise many types (dbus, OS, locked)
        return None, str(_store_error(_variables(provider), "could not be read", exc))
    return (value or "").strip() or None, ""


def get_api_key(provider: str) -> str | None:
    """The key from the environment, else the OS keyring, else None (never raises)."""
    return find_api_key(provider)[0]


def key_source(provider: str) -> str | None:
    """Where `get_api_key` would find the key, for display ("environment variable X")."""
    for name in env_var_names(provider):
        if os.environ.get(name, "").strip():
            return f"environment variable {name}"
    return "system keyring" if get_api_key(provider) else None


def set_api_key(provider: str, key: str) -> None:
    """Store the key in the OS keyring (never in a file)."""
    _check_provider(provider)
    key = (key or "").strip()
    if not key or any(ch in key for ch in "\r\n\t "):
        raise ValueError("an API key must be one non-empty word")
    backend = _secure_backend(_variables(provider))
    try:
        backend.set_password(SERVICE, provider, key)
    except Exception as exc:
        raise _store_error(_variables(provider), "could not be saved", exc) from None
    log.info("stored the %s API key in %s", provider, _backend_name(backend))


def delete_api_key(provider: str) -> bool:
    """Remove the stored key; False when there was none."""
    _check_provider(provider)
    import keyring.errors

    backend = _secure_backend(_variables(provider))
    try:
        if backend.get_password(SERVICE, provider) is None:
            return False
        backend.delete_password(SERVICE, provider)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise _store_error(_variables(provider), "could not be deleted", exc) from None
    log.info("deleted the %s API key from %s", provider, _backend_name(backend))
    return True


def mask(key: str | None) -> str:
    """A display form that cannot be used as the key: "sk-…abcd"."""
    if not key:
        return ""
    if len(key) < 12:
        return "…"
    return f"{key[:3]}…{key[-4:]}"


def _check_provider(provider: str) -> None:
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(PROVIDERS)}")


def _secure_backend(instead: str):
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise _store_error(instead, "is not available", exc) from None
    # The chainer writes to its first backend: judge that one.
    chained = getattr(backend, "backends", None)
    effective = chained[0] if isinstance(chained, list) and chained else backend
    if type(effective).__module__.startswith(_REFUSED_MODULES):
        raise _store_error(
            instead, f"is not available (only {_backend_name(effective)}, which is not secure)"
        )
    return backend


def _store_error(instead: str, what: str, exc: Exception | None = None) -> SecretStoreError:
    reason = f" ({type(exc).__name__})" if exc is not None else ""
    return SecretStoreError(
        f"The system keyring {what}{reason}. Set the environment variable {instead} instead."
    )


def _variables(provider: str) -> str:
    """ "CLINASSIST_API_KEY or OPENAI_API_KEY": what to set when the keyring cannot be used."""
    return " or ".join(env_var_names(provider))


def _backend_name(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


STORE_TOKEN_ENV = "CLINASSIST_STORE_TOKEN"
STORE_ACCOUNT = "store"  # the keyring entry of a shared store's proxy token


def get_store_token() -> str | None:
    """The shared store's proxy token: the environment, else the OS keyring, else None.
    Never raises: without a token the proxy refuses, and says so."""
    value = os.environ.get(STORE_TOKEN_ENV, "").strip()
    if value:
        return value
    try:
        backend = _secure_backend(STORE_TOKEN_ENV)
        return (backend.get_password(SERVICE, STORE_ACCOUNT) or "").strip() or None
    except Exception:  # no usable keyring: the environment variable is the way
        return None


def set_store_token(token: str) -> None:
    """Keep the shared store's proxy token in the OS keyring (IT, once per workstation)."""
    token = token.strip()
    if not token:
        raise ValueError("the token is empty")
    backend = _secure_backend(STORE_TOKEN_ENV)
    try:
        backend.set_password(SERVICE, STORE_ACCOUNT, token)
    except Exception as exc:
        raise _store_error(STORE_TOKEN_ENV, "could not be saved", exc) from None
