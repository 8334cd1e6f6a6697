# SPDX-License-Identifier: GPL-3.0-or-later
"""Client for the perfwb budgets/profiler HTTP API (``perfwb serve``, ``perfwb record --serve``).

Standard library only (Python 3.11+). The server is found through the environment variable
PERFWB_API_URL (for example ``http://127.0.0.1:8001``, a base URL without a path), which
``perfwb record --serve -- CMD`` sets for the program it records.

These calls never break the program: without PERFWB_API_URL every call is a silent no-op
returning None; when the server cannot be reached, is off (403), refuses the token (401) or
fails (5xx), one warning line goes to stderr and every later call is a no-op. A refusal of one
call (409 job registered twice, 404 unknown id, 429 queue full, 400) returns None with one
warning per status, and the client stays on. PERFWB_API_TOKEN, when set, is sent as a bearer
token (for a service started with --token-file).

Usage::

    import perfwb

    perfwb.mark("ready", category="app", build="debug")

    with perfwb.span("load", category="io", path="scene.bin"):
        data = load()

    @perfwb.span("render", category="render")
    def render(frame):
        ...

    perfwb.register_job("render-01", job_type="render", cpu_percent=10, ram_mb=1024)
    answer = perfwb.start_job("render-01")    # answer["job"]["state"]: "running" or "delayed"
    ...
    perfwb.finish_job("render-01")

    other = perfwb.Client("http://127.0.0.1:9000")  # a second server, same methods
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
import weakref

__all__ = [
    "Client", "mark", "span", "register_job", "start_job", "finish_job", "refresh_jobs",
    "register_asset", "touch_asset", "evict_asset", "health", "default_client",
]

_PREFIX = "/api/perf"
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# Errors of a kept-alive connection the server closed meanwhile: worth one fresh connection.
_DROPPED = (http.client.RemoteDisconnected, http.client.BadStatusLine, ConnectionResetError,
            ConnectionAbortedError, BrokenPipeError)


def _rss_mb() -> float | None:
    """Resident set size of this process in MiB (from /proc/self/statm), None if unknown."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return round(int(f.read().split()[1]) * _PAGE_SIZE / 1048576.0, 3)
    except (OSError, ValueError, IndexError):
        return None


class _Connection(http.client.HTTPConnection):
    """HTTPConnection with TCP_NODELAY: small requests are not held back by Nagle."""

    def connect(self):
        super().connect()
        with contextlib.suppress(OSError):
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


_clients: "weakref.WeakSet[Client]" = weakref.WeakSet()


def _after_fork_in_child():
    for client in list(_clients):
        client._reset_after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _Span:
    """A span: context manager, and decorator (each call of the function is one span)."""

    __slots__ = ("_client", "name", "category", "metadata", "_t0", "_rss0", "_live")

    def __init__(self, client: "Client", name: str, category: str, metadata: dict):
        if not isinstance(name, str):
            raise TypeError("perfwb.span() needs a name: use @perfwb.span('name'), not @perfwb.span")
        self._client = client
        self.name = name
        self.category = category
        self.metadata = metadata
        self._t0 = 0
        self._rss0 = None
        self._live = False

    def __enter__(self):
        self._live = self._client.enabled
        if self._live:
            self._rss0 = _rss_mb()
            self._t0 = time.perf_counter_ns()
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self._live:
            return False
        self._live = False
        duration_ms = (time.perf_counter_ns() - self._t0) / 1e6
        metadata = self.metadata
        if exc_type is not None:
            metadata = dict(metadata, exception=exc_type.__name__)
        body = {"name": self.name, "category": self.category, "duration_ms": duration_ms}
        rss1 = _rss_mb()
        if self._rss0 is not None and rss1 is not None:
            body["rss_start_mb"] = self._rss0
            body["rss_end_mb"] = rss1
        body["metadata"] = metadata
        self._client._post("/profiler/span", body)
        return False

    def __call__(self, func):
        if not callable(func):
            raise TypeError("perfwb.span(...) used as a decorator needs a function")

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with _Span(self._client, self.name, self.category, self.metadata):
                return func(*args, **kwargs)

        return wrapper


class Client:
    """One perfwb server at base_url (http://HOST:PORT); a falsy base_url makes a no-op client."""

    def __init__(self, base_url: str | None, timeout: float = 2.0):
        self.base_url = base_url or None
        self.timeout = timeout
        self._lock = threading.Lock()
        self._conn: _Connection | None = None
        self._disabled = base_url is None or base_url == ""
        self._warned: set = set()
        # A service started with --token-file wants it as a bearer token.
        self._token = os.environ.get("PERFWB_API_TOKEN", "").strip()
        self._host = ""
        self._port = 80
        self._path = _PREFIX
        if not self._disabled:
            try:
                url = urllib.parse.urlsplit(base_url)
                if url.scheme != "http" or not url.hostname:
                    raise ValueError("not an http://HOST:PORT URL")
                self._host = url.hostname
                self._port = url.port or 80
                self._path = url.path.rstrip("/") + _PREFIX
            except ValueError as e:
                self._disable(f"bad server URL {base_url!r} ({e})")
        _clients.add(self)

    @property
    def enabled(self) -> bool:
        """False once the client is a no-op (no URL, or after the first failure)."""
        return not self._disabled

    def close(self):
        """Close the kept-alive connection (a later call opens a new one)."""
        with self._lock:
            self._close_locked()

    def _close_locked(self):
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def _reset_after_fork(self):
        # The parent's socket and lock are not ours: start afresh (the parent keeps its own).
        self._lock = threading.Lock()
        self._conn = None

    def _disable(self, reason: str):
        if self._disabled:
            return
        self._disabled = True
        with contextlib.suppress(Exception):
            sys.stderr.write(f"perfwb: {reason}; further calls are no-ops\n")
            sys.stderr.flush()

    def _warn_once(self, key, text: str):
        if key in self._warned:
            return
        self._warned.add(key)
        with contextlib.suppress(Exception):
            sys.stderr.write(f"perfwb: {text}\n")
            sys.stderr.flush()

    def _request(self, method: str, route: str, body: dict | None = None) -> dict | None:
        if self._disabled:
            return None
        path = self._path + route
        what = f"{method} {path}"
        try:
            payload = None if body is None else json.dumps(body, default=str, separators=(",", ":")).encode()
        except (TypeError, ValueError) as e:  # e.g. a circular metadata dict
            self._disable(f"cannot encode the body of {what} ({e})")
            return None
        headers = {"Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        if payload is not None:
            headers["Content-Type"] = "application/json"
        try:
            with self._lock:
                if self._disabled:
                    return None
                status, data = self._exchange_locked(method, path, payload, headers)
        except (OSError, http.client.HTTPException) as e:
            self._disable(f"cannot reach {self._host}:{self._port} for {what} ({e or type(e).__name__})")
            return None
        except Exception as e:  # never break the program
            self._disable(f"{what} failed ({type(e).__name__}: {e})")
            return None
        try:
            answer = json.loads(data) if data else None
        except ValueError:
            answer = None
        if not 200 <= status < 300:
            message = answer.get("error") if isinstance(answer, dict) else None
            if status in (401, 403) or status >= 500:
                # The service is off, refuses us, or is broken: stop asking.
                if status == 403:
                    message = f"feature disabled: {message}" if message else "feature disabled"
                self._disable(f"server answered {status} to {what}" + (f" ({message})" if message else ""))
            else:
                # A refusal of this one call (a job registered twice, an unknown id, a full
                # queue): said once per kind, and the client stays on.
                self._warn_once(status, f"server answered {status} to {what}" + (f" ({message})" if message else ""))
            return None
        if not isinstance(answer, dict):
            self._disable(f"server answered {what} without a JSON object")
            return None
        return answer

    def _exchange_locked(self, method, path, payload, headers):
        """One request/response on the kept-alive connection; one retry if it was dropped."""
        for attempt in (1, 2):
            reused = self._conn is not None and self._conn.sock is not None
            if self._conn is None:
                self._conn = _Connection(self._host, self._port, timeout=self.timeout)
            try:
                self._conn.request(method, path, body=payload, headers=headers)
                response = self._conn.getresponse()
                data = response.read()
                if response.will_close:
                    self._close_locked()
                return response.status, data
            except _DROPPED:
                self._close_locked()
                if attempt == 2 or not reused:
                    raise
            except BaseException:
                self._close_locked()
                raise
        raise AssertionError("unreachable")

    def _post(self, route: str, body: dict) -> dict | None:
        return self._request("POST", route, body)

    # Profiler
    def mark(self, name: str, category: str = "default", **metadata) -> dict | None:
        """Post a mark (a point in time) with optional metadata."""
        if self._disabled:
            return None
        return self._post("/profiler/mark", {"name": name, "category": category, "metadata": metadata})

    def span(self, name: str, category: str = "default", **metadata) -> _Span:
        """A span around a block (``with``) or each call of a function (decorator)."""
        return _Span(self, name, category, metadata)

    # Budgets: jobs
    def register_job(self, job_id: str, job_type: str = "generic", cpu_percent: float | None = None,
                     ram_mb: float | None = None, vram_mb: float | None = None, **payload) -> dict | None:
        """Register a job (resource hints in payload.perf); answer["job"]["state"] is "queued"."""
        if self._disabled:
            return None
        hints = {k: v for k, v in (("cpu_percent", cpu_percent), ("ram_mb", ram_mb), ("vram_mb", vram_mb))
                 if v is not None}
        if hints:
            payload = dict(payload, perf=hints)
        return self._post("/budgets/jobs/register", {"job_id": job_id, "job_type": job_type, "payload": payload})

    def start_job(self, job_id: str) -> dict | None:
        """Ask to start a job; answer["job"]["state"] is "running" or "delayed" (with a reason)."""
        return self._post("/budgets/jobs/start", {"job_id": job_id})

    def finish_job(self, job_id: str) -> dict | None:
        """Mark a job finished."""
        return self._post("/budgets/jobs/finish", {"job_id": job_id})

    def refresh_jobs(self) -> dict | None:
        """Re-evaluate delayed jobs; answer["promoted"] lists the ones now running."""
        return self._post("/budgets/jobs/refresh", {})

    # Budgets: assets
    def register_asset(self, asset_id: str, size_mb: float) -> dict | None:
        """Register a lazily loaded asset; answer["evicted"] lists assets evicted to make room."""
        return self._post("/budgets/assets/register", {"asset_id": asset_id, "size_mb": size_mb})

    def touch_asset(self, asset_id: str) -> dict | None:
        """Mark an asset used now (LRU order)."""
        return self._post("/budgets/assets/touch", {"asset_id": asset_id})

    def evict_asset(self, asset_id: str | None = None) -> dict | None:
        """Evict one asset, or without an id the least recently used down to the target."""
        return self._post("/budgets/assets/evict", {} if asset_id is None else {"asset_id": asset_id})

    def health(self) -> dict | None:
        """GET /health: flags, version, queue and asset counts, top offenders."""
        return self._request("GET", "/health")


_default: Client | None = None
_default_lock = threading.Lock()


def default_client() -> Client:
    """The client the module functions use, made from PERFWB_API_URL on first use."""
    global _default
    client = _default
    if client is None:
        with _default_lock:
            if _default is None:
                _default = Client(os.environ.get("PERFWB_API_URL"))
            client = _default
    return client


def mark(name: str, category: str = "default", **metadata) -> dict | None:
    """Post a mark through the default client (see Client.mark)."""
    return default_client().mark(name, category, **metadata)


def span(name: str, category: str = "default", **metadata) -> _Span:
    """A span through the default client (see Client.span)."""
    return default_client().span(name, category, **metadata)


def register_job(job_id: str, job_type: str = "generic", cpu_percent: float | None = None,
                 ram_mb: float | None = None, vram_mb: float | None = None, **payload) -> dict | None:
    """Register a job through the default client (see Client.register_job)."""
    return default_client().register_job(job_id, job_type, cpu_percent, ram_mb, vram_mb, **payload)


def start_job(job_id: str) -> dict | None:
    """See Client.start_job."""
    return default_client().start_job(job_id)


def finish_job(job_id: str) -> dict | None:
    """See Client.finish_job."""
    return default_client().finish_job(job_id)


def refresh_jobs() -> dict | None:
    """See Client.refresh_jobs."""
    return default_client().refresh_jobs()


def register_asset(asset_id: str, size_mb: float) -> dict | None:
    """See Client.register_asset."""
    return default_client().register_asset(asset_id, size_mb)


def touch_asset(asset_id: str) -> dict | None:
    """See Client.touch_asset."""
    return default_client().touch_asset(asset_id)


def evict_asset(asset_id: str | None = None) -> dict | None:
    """See Client.evict_asset."""
    return default_client().evict_asset(asset_id)


def health() -> dict | None:
    """See Client.health."""
    return default_client().health()
