"""Optimistic concurrency: a save carries the version it was read at; an older one is refused.

Two kinds of version, one refusal:

- an **integer version** kept on the object (``Submission.version``): every write bumps it with a
  compare-and-swap (:func:`bump`), and each audited write stamps the version it produced into its
  audit payload (:func:`stamp`), so :func:`changes_since` can tell the late writer what changed;
- a **state token** (:func:`state_token`): a short digest of an object's editable values, for
  objects without a version column (plan items under review). The writer sends the token of the
  state it read; :func:`check_token` compares it with the token of the stored state.

Both refuse with :class:`StaleVersion`, whose Vietnamese ``message`` lists what changed, field
by field ("Giá trị — Tỷ lệ hộ nghèo: trống → 100"), and nothing is written. Web forms carry the
version in a hidden field, the API in ``If-Match`` (or ``?version=``), the Excel template in its
hidden sheet; :func:`parse_version` reads any of them. The ``registry`` app can reuse all of this.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import F

from ansinh.core.errors import UserError

VERSION_KEY = "_version"  # the key stamped into audit payloads by versioned writes
EMPTY = "trống"
MAX_LISTED = 12


@dataclass(frozen=True)
class Change:
    """One field that changed since the writer read the object: ``where`` names the row or item."""

    where: str
    field: str
    old: str
    new: str

    def __str__(self) -> str:
        head = f"{self.field} — {self.where}" if self.where else self.field
        return f"{head}: {self.old} → {self.new}"


class StaleVersion(UserError):
    """A save against an older version: refused, nothing stored; ``changes`` says what changed."""

    def __init__(self, what: str, changes: Sequence[Change], *, read: Any = None, current: Any = None) -> None:
        self.what = what
        self.changes = list(changes)
        self.read = read
        self.current = current
        head = (
            f"{what} đã được người khác sửa sau khi bạn mở"
            + (f" (bạn mở phiên bản {read}, hiện là phiên bản {current})" if isinstance(read, int) else "")
            + ". Không có gì được lưu."
        )
        if self.changes:
            listed = "; ".join(str(c) for c in self.changes[:MAX_LISTED])
            more = f"; và {len(self.changes) - MAX_LISTED} thay đổi khác" if len(self.changes) > MAX_LISTED else ""
            head += f" Những gì đã thay đổi: {listed}{more}."
        super().__init__(head + " Hãy tải lại trang, xem lại và nhập lại phần của bạn.")


class BadVersion(UserError):
    """A version that cannot be read (form, header, hidden sheet)."""


def parse_version(raw: object, *, required: bool = False) -> int | None:
    """An integer version from a form field, an ``If-Match``/ETag value (``"3"``, ``W/"3"``) or a cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            raise BadVersion("Thiếu phiên bản của dữ liệu bạn đã mở; hãy tải lại trang rồi nhập lại.")
        return None
    if isinstance(raw, bool):
        raise BadVersion("Phiên bản dữ liệu không hợp lệ; hãy tải lại trang rồi nhập lại.")
    if isinstance(raw, int):
        number = raw
    elif isinstance(raw, float) and raw.is_integer():
        number = int(raw)
    else:
        text = str(raw).strip()
        if text.startswith("W/"):
            text = text[2:]
        text = text.strip().strip('"').strip()
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            raise BadVersion(f"Phiên bản dữ liệu «{str(raw)[:40]}» không hợp lệ; hãy tải lại trang rồi nhập lại.")
        number = int(text)
    if number < 1:
        raise BadVersion("Phiên bản dữ liệu không hợp lệ; hãy tải lại trang rồi nhập lại.")
    return number


def etag(version: int) -> str:
    """The ETag (and ``If-Match`` value) of an integer version."""
    return f'"{version}"'


def stamp(payload: Mapping[str, Any] | None, version: int) -> dict[str, Any]:
    """``payload`` with the version it produced, for the audit row of a versioned write."""
    return {**(payload or {}), VERSION_KEY: version}


def bump(
    model: type[models.Model],
    pk: Any,
    read: int,
    what: str,
    changes: Callable[[], Sequence[Change]],
    error: type[StaleVersion] = StaleVersion,
) -> int:
    """Compare-and-swap ``version`` from ``read`` to ``read + 1``; :class:`StaleVersion` if it moved on."""
    if model._default_manager.filter(pk=pk, version=read).update(version=F("version") + 1) != 1:
        current = model._default_manager.filter(pk=pk).values_list("version", flat=True).first()
        raise error(what, changes(), read=read, current=current)
    return read + 1


def check_version(
    current: int,
    expected: int | None,
    what: str,
    changes: Callable[[int], Sequence[Change]],
    error: type[StaleVersion] = StaleVersion,
) -> None:
    """Refuse when the writer read an older version; ``expected=None`` means the caller did not say."""
    if expected is not None and expected != current:
        raise error(what, changes(expected) if expected < current else (), read=expected, current=current)


def shown(value: Any, formatter: Callable[[Any], str] | None = None) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if formatter is not None:
        return formatter(value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def diff(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    *,
    where: str = "",
    labels: Mapping[str, str] | None = None,
    formatter: Callable[[str, Any], str] | None = None,
    skip: Iterable[str] = (VERSION_KEY,),
) -> list[Change]:
    """The fields that differ between two states, labelled, old → new."""
    before, after = before or {}, after or {}
    labels = labels or {}
    skipped = set(skip)
    keys = [k for k in (*before, *(k for k in after if k not in before)) if k not in skipped]
    out = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old == new or (old in (None, "") and new in (None, "")):
            continue
        fmt = (lambda v, k=key: formatter(k, v)) if formatter is not None else None
        out.append(Change(where, labels.get(key, key), shown(old, fmt), shown(new, fmt)))
    return out


def state_token(state: Mapping[str, Any]) -> str:
    """A short digest of an object's editable values: the 'version' of an object without a column."""
    blob = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def check_token(
    current_state: Mapping[str, Any],
    token: str | None,
    what: str,
    known_states: Callable[[], Iterable[Mapping[str, Any]]],
    error: type[StaleVersion] = StaleVersion,
    **diff_options: Any,
) -> None:
    """Refuse when ``token`` is not the token of ``current_state``.

    ``known_states`` yields earlier states of the object (from its audit rows); the one whose
    token matches is the state the writer read, and the refusal lists what changed since.
    """
    if token is None or state_token(current_state) == token:
        return
    read = next((s for s in known_states() if state_token(s) == token), None)
    changes = diff(read, current_state, **diff_options) if read is not None else []
    raise error(what, changes)
