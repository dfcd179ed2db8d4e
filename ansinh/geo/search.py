"""One search over administrative units and agencies, by folded name (diacritics and case ignored), for every picker.

Three scopes (``Scope``): every unit in force (plan areas), the units whose data the user may read (dashboards,
progress, report builds; decided by ``accounts.access.readable_units``), and agencies (a task's lead and
coordinating units). Results are paged (``SEARCH_LIMIT`` a page) and read in one query whatever the number
of units. ``geo:unit_search`` (``views_search.py``) answers them in JSON; views without JavaScript call
:func:`search_units` / :func:`search_agencies` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.geo.access import access_agencies, access_readable_units, access_units
from ansinh.geo.models import AdministrativeUnit, Agency
from ansinh.lib.text import fold_key

SEARCH_LIMIT = 20
MIN_QUERY = 2
MAX_QUERY = 100
MAX_PAGE = 1000
_LEVEL_RANK = {"country": 0, "province": 1, "district": 2, "commune": 3}


class Scope(StrEnum):
    ALL = "tat-ca"
    READABLE = "duoc-xem"
    AGENCIES = "co-quan"


class SearchError(UserError):
    """A search that cannot be answered as asked (bad parameter); ``message`` is Vietnamese."""


class OutOfScope(SearchError):
    """A unit named in the search that the user may not read."""


@dataclass(frozen=True)
class Page:
    results: list[dict[str, Any]]
    more: bool
    page: int


def unit_label(unit: AdministrativeUnit) -> str:
    """What a picker shows and sends back: "Phường Sài Gòn, Thành phố Hồ Chí Minh (26740)".

    The code in brackets lets ``reports.unit_picker.resolve_unit`` read the label back; ``parent`` should be
    selected with the unit (``select_related("parent")``).
    """
    if unit.level == AdministrativeUnit.Level.COUNTRY:
        return f"Toàn quốc – {unit.name} ({unit.code})"
    parent = unit.parent
    if parent is not None and parent.level != AdministrativeUnit.Level.COUNTRY:
        return f"{unit.name}, {parent.name} ({unit.code})"
    return f"{unit.name} ({unit.code})"


def clean_query(query: str) -> str:
    """The typed text, refused in Vietnamese when no search can use it (NUL, longer than ``MAX_QUERY``)."""
    if "\x00" in query:
        raise SearchError("Từ khóa tìm kiếm chứa ký tự rỗng (NUL), không hợp lệ.")
    query = query.strip()
    if len(query) > MAX_QUERY:
        raise SearchError(f"Từ khóa tìm kiếm dài quá {MAX_QUERY} ký tự; hãy gõ ngắn hơn.")
    return query


def _searchable(query: str) -> bool:
    return len(fold_key(query)) >= MIN_QUERY or query.isdigit()


def _offset(page: int, limit: int) -> slice:
    if not 1 <= page <= MAX_PAGE:
        raise SearchError(f"Trang «{page}» không hợp lệ (từ 1 đến {MAX_PAGE}).")
    start = (page - 1) * limit
    return slice(start, start + limit + 1)


def unit_row(unit: AdministrativeUnit) -> dict[str, Any]:
    return {"id": unit.pk, "code": unit.code, "name": unit.name, "level": unit.level,
            "hint": unit.get_level_display(), "parent": unit.parent.name if unit.parent else "",
            "label": unit_label(unit)}


def scoped_units(user: Any, scope: Scope) -> QuerySet[AdministrativeUnit]:
    """The units a scope searches: all (public reference data) or those whose data the user may read."""
    return access_readable_units(user) if scope == Scope.READABLE else access_units(user)


def search_units(user: Any, query: str, *, scope: Scope = Scope.ALL, level: str = "",
                 within: AdministrativeUnit | None = None, day: dt.date | None = None,
                 page: int = 1, limit: int = SEARCH_LIMIT) -> Page:
    """Units in force on ``day`` in ``scope`` whose folded name contains the folded ``query`` (or whose code it is).

    Country, provinces, then communes; names starting with the query first. One query.
    """
    query = clean_query(query)
    window = _offset(page, limit)
    if not _searchable(query):
        return Page([], False, page)
    units = scoped_units(user, scope).valid_on(day or timezone.localdate()).search(query)  # type: ignore[attr-defined]
    if level:
        units = units.filter(level=level)
    if within is not None:
        units = units.filter(path__startswith=within.path)
    rank = Case(*(When(level=k, then=Value(v)) for k, v in _LEVEL_RANK.items()), default=Value(9),
                output_field=IntegerField())
    prefix = Case(When(name_key__startswith=fold_key(query), then=Value(0)), default=Value(1), output_field=IntegerField())
    rows = list(units.select_related("parent").order_by(rank, prefix, "name_key", "pk")[window])
    found, more = rows[:limit], len(rows) > limit
    return Page([unit_row(u) for u in found], more, page)


def agency_row(agency: Agency) -> dict[str, Any]:
    return {"id": agency.pk, "code": agency.code, "name": agency.name, "short_name": agency.short_name,
            "hint": agency.unit.name, "label": agency.name}


def agencies_matching(user: Any, query: str, *, day: dt.date | None = None) -> QuerySet[Agency]:
    """Agencies in force whose folded name or short name contains every folded word of the query, in any order
    ("thuong binh xa hoi" finds "Sở Lao động – Thương binh và Xã hội"), or whose code it is."""
    words = fold_key(query).split()[:6]
    agencies = access_agencies(user).valid_on(day or timezone.localdate())  # type: ignore[attr-defined]
    if not words:
        return agencies.none()
    every_word = Q()
    for word in words:
        every_word &= Q(name_key__contains=word)
    return agencies.filter(every_word | Q(code=query.strip()))


def search_agencies(user: Any, query: str, *, within: AdministrativeUnit | None = None, day: dt.date | None = None,
                    page: int = 1, limit: int = SEARCH_LIMIT) -> Page:
    """Agencies for a picker, those of ``within``'s area first when given, then by name. One query."""
    query = clean_query(query)
    window = _offset(page, limit)
    if not _searchable(query):
        return Page([], False, page)
    agencies = agencies_matching(user, query, day=day)
    if within is not None:
        agencies = agencies.filter(unit__path__startswith=within.path)
    rows = list(agencies.select_related("unit").order_by("name_key", "pk")[window])
    found, more = rows[:limit], len(rows) > limit
    return Page([agency_row(a) for a in found], more, page)


def picker_results(user: Any, query: str, **kwargs: Any) -> list[dict[str, Any]] | None:
    """A no-JavaScript picker's «Tìm»: the first page of units for ``query`` (cut to ``MAX_QUERY``, NUL dropped),
    or None when nothing was typed."""
    query = query.replace("\x00", "").strip()[:MAX_QUERY]
    return search_units(user, query, **kwargs).results if query else None


def resolve_within(user: Any, scope: Scope, code: str, day: dt.date) -> AdministrativeUnit:
    """The unit ``trong=CODE`` names; refused when unknown, or outside the readable scope."""
    unit = access_units(user).in_force(code, day)
    if unit is None:
        raise SearchError(f"Không có đơn vị đang có hiệu lực mã «{code[:20]}».")
    if scope == Scope.READABLE and not access_readable_units(user).filter(pk=unit.pk).exists():
        raise OutOfScope(f"Đơn vị «{unit.name}» nằm ngoài phạm vi bạn được xem.")
    return unit


__all__ = ["MAX_QUERY", "SEARCH_LIMIT", "OutOfScope", "Page", "Scope", "SearchError", "agencies_matching",
           "clean_query", "picker_results", "resolve_within", "search_agencies", "search_units", "unit_label", "unit_row"]
