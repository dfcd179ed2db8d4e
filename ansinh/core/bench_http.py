"""A small HTTP client for benchmarks against 127.0.0.1: cookies, CSRF form fields, timings, CPU.

Standard library only (``http.client``, ``html.parser``); one persistent connection per client,
reopened when the server has closed it between two requests.
"""

from __future__ import annotations

import http.client
import os
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

RETRYABLE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.CannotSendRequest)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """One signed-in browser: a keep-alive connection to 127.0.0.1 and its cookies."""

    def __init__(self, port: int, timeout: float = 120.0) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self._conn

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Response:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            conn = self._connection()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except RETRYABLE:
                conn.close()
                self._conn = None
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - started
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    self.cookies[key.strip()] = val.strip()
            if raw.getheader("Connection", "").lower() == "close":
                conn.close()
                self._conn = None
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data, elapsed)
        raise AssertionError("unreachable")

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: list[tuple[str, str]]) -> Response:
        body = urllib.parse.urlencode(data).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}{path}"}
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        return self.request("POST", path, body, headers)


class _Forms(HTMLParser):
    """The fields of each ``<form method="post">`` that posts back to its own page (no ``action``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._current: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._first_option: str | None = None
        self._option_value: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            own = a.get("method", "").lower() == "post" and not a.get("action")
            self._current = [] if own else None
            if own:
                self.forms.append(self._current)  # type: ignore[arg-type]
        elif self._current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self._current.append((a["name"], a.get("value", "on" if kind in {"checkbox", "radio"} else "")))
        elif tag == "select" and a.get("name"):
            self._select, self._select_value, self._first_option = a["name"], None, None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._select_value = value
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._current is None:
            return
        if tag == "select" and self._select is not None:
            chosen = self._select_value if self._select_value is not None else self._first_option
            self._current.append((self._select, chosen or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._current.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "form":
            self._current = None


_TAG = re.compile(r"<(/?)(form|input|select|option|textarea)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.I)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def _attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        name = m.group(1).lower()
        if name not in out:
            raw = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4) or ""
            out[name] = unescape(raw)
    return out


def form_fields(html: str, form_index: int = 0) -> list[tuple[str, str]]:
    """The name/value pairs a browser would send for the page's own POST form ``form_index``.

    A regular-expression scan of the few tags that matter (the benchmark parses every page it opens,
    on the same machine as the server: ``html.parser`` cost ~12 ms per 110 KB page); it reads the
    pages this project writes (quoted attributes, escaped text) as ``_Forms`` does.
    """
    forms: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    select: str | None = None
    chosen: str | None = None
    first: str | None = None
    textarea: tuple[str, int] | None = None
    for m in _TAG.finditer(html):
        closing, tag = m.group(1), m.group(2).lower()
        if textarea is not None:
            if closing and tag == "textarea":
                text = unescape(html[textarea[1] : m.start()])
                current.append((textarea[0], text.lstrip("\n")))  # type: ignore[union-attr]
                textarea = None
            continue
        if tag == "form":
            if closing:
                current = None
                continue
            a = _attrs(m.group(3))
            own = a.get("method", "").lower() == "post" and not a.get("action")
            current = [] if own else None
            if current is not None:
                forms.append(current)
            continue
        if current is None:
            if len(forms) > form_index:
                break
            continue
        if closing:
            if tag == "select" and select is not None:
                current.append((select, chosen if chosen is not None else first or ""))
                select = None
            continue
        a = _attrs(m.group(3))
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"} and "checked" not in a:
                continue
            current.append((a["name"], a.get("value", "on" if kind in {"checkbox", "radio"} else "")))
        elif tag == "select" and a.get("name"):
            select, chosen, first = a["name"], None, None
        elif tag == "option" and select is not None:
            value = a.get("value", "")
            if first is None:
                first = value
            if "selected" in a:
                chosen = value
        elif tag == "textarea" and a.get("name"):
            textarea = (a["name"], m.end())
    return forms[form_index] if len(forms) > form_index else []


def form_fields_parsed(html: str, form_index: int = 0) -> list[tuple[str, str]]:
    """``form_fields`` by ``html.parser`` (slower; kept to check the fast scan against)."""
    parser = _Forms()
    parser.feed(html)
    return parser.forms[form_index] if len(parser.forms) > form_index else []


@dataclass
class Recorder:
    """Thread-safe latencies per action and error counts."""

    _times: dict[str, list[float]] = field(default_factory=dict)
    requests: int = 0
    errors: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # "open 500", "save OSError": how many
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, seconds: float, ok: bool, why: str = "") -> None:
        with self._lock:
            if seconds > 0:
                self.requests += 1
                self._times.setdefault(action, []).append(seconds)
            if not ok:
                self.errors += 1
                key = f"{action} {why}".strip()
                self.kinds[key] = self.kinds.get(key, 0) + 1

    def times(self, action: str) -> list[float]:
        with self._lock:
            return list(self._times.get(action, []))


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def cpu_sample(server_pid: int) -> dict[str, float]:
    """Machine busy/total jiffies and the server tree's CPU seconds (Linux /proc; zeros elsewhere)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return {"busy": 0.0, "total": 0.0, "server": 0.0}
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    tick = os.sysconf("SC_CLK_TCK")
    server = 0
    for pid in _process_tree(server_pid):
        try:
            parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        server += int(parts[11]) + int(parts[12])
    return {"busy": float(sum(fields) - idle), "total": float(sum(fields)), "server": server / tick}


def parallel(width: int) -> Callable[[Callable[[], Any] | None], None]:
    """A tiny pool: call with work to run it on one of ``width`` threads, with None to wait for all."""
    sem = threading.Semaphore(width)
    threads: list[threading.Thread] = []

    def submit(work: Callable[[], Any] | None) -> None:
        if work is None:
            for t in threads:
                t.join()
            return

        def body() -> None:
            try:
                work()
            finally:
                sem.release()

        sem.acquire()
        thread = threading.Thread(target=body)
        threads.append(thread)
        thread.start()

    return submit
