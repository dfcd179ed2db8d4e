"""The unit browser: search, one unit with its children, validity, predecessors and successors."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ansinh.geo.access import access_agencies, access_unit, access_units
from ansinh.geo.models import COUNTRY_CODE, AdministrativeUnit

RESULT_LIMIT = 100


def _day(request: HttpRequest) -> tuple[dt.date, str]:
    """The date asked for (``?ngay=YYYY-MM-DD``), today if absent; and an error if it was unreadable."""
    raw = request.GET.get("ngay", "").strip()
    if not raw:
        return timezone.localdate(), ""
    try:
        return dt.date.fromisoformat(raw), ""
    except ValueError:
        return timezone.localdate(), f"Ngày “{raw}” không hợp lệ; dùng dạng năm-tháng-ngày, ví dụ 2024-12-31. Đang hiển thị hôm nay."


@login_required
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    day, date_error = _day(request)
    query = request.GET.get("q", "").strip()[:200]
    units = access_units(request.user).valid_on(day)
    if query:
        results = units.search(query).select_related("parent").order_by("level", "name_key")
        heading = f"Kết quả tìm “{query}”"
    else:
        results = units.filter(level=AdministrativeUnit.Level.PROVINCE).select_related("parent").order_by("name_key")
        heading = "Tỉnh, thành phố"
    rows = list(results[: RESULT_LIMIT + 1])
    return render(
        request,
        "geo/unit_list.html",
        {
            "rows": rows[:RESULT_LIMIT],
            "truncated": len(rows) > RESULT_LIMIT,
            "limit": RESULT_LIMIT,
            "query": query,
            "day": day,
            "date_error": date_error,
            "heading": heading,
            "country": units.filter(code=COUNTRY_CODE).first(),
        },
    )


@login_required
@require_GET
def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_unit(request.user, unit_id)
    ancestors: list[AdministrativeUnit] = []
    parent = unit.parent
    while parent is not None and len(ancestors) < 10:
        ancestors.insert(0, parent)
        parent = parent.parent
    children = access_units(request.user).filter(parent=unit).order_by("name_key")
    return render(
        request,
        "geo/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "children": list(children[:1000]),
            "n_children": children.count(),
            "predecessors": unit.predecessor_links.select_related("predecessor").order_by("-effective", "predecessor__name_key"),
            "successors": unit.successor_links.select_related("successor").order_by("-effective", "successor__name_key"),
            "agencies": access_agencies(request.user)
            .filter(unit=unit)
            .prefetch_related("successor_links__successor", "predecessor_links__predecessor")
            .order_by("kind", "name"),
        },
    )
