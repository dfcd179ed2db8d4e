"""``geo:unit_search``: a small JSON search over every unit in force, by folded name, for unit pickers.

``GET /don-vi/tim/?q=phuong sai gon[&level=province|commune][&trong=79][&ngay=YYYY-MM-DD]`` answers
``{"results": [{"id", "code", "name", "level", "parent", "label"}], "more": bool}``, at most
``SEARCH_LIMIT`` rows, provinces before communes, in two queries whatever the number of units.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from ansinh.geo.access import access_units
from ansinh.geo.models import AdministrativeUnit
from ansinh.lib.text import fold_key

SEARCH_LIMIT = 20
LEVEL_ORDER = {"country": 0, "province": 1, "district": 2, "commune": 3}


def unit_label(unit: AdministrativeUnit) -> str:
    if unit.level == AdministrativeUnit.Level.COUNTRY:
        return "Toàn quốc (Việt Nam)"
    parent = unit.parent
    if parent is not None and parent.level != AdministrativeUnit.Level.COUNTRY:
        return f"{unit.name}, {parent.name}"
    return unit.name


def search_units(user: object, query: str, *, level: str = "", within: AdministrativeUnit | None = None,
                 day: dt.date | None = None) -> tuple[list[dict[str, object]], bool]:
    """Units in force matching the folded ``query`` (at least 2 letters): rows for a picker, and whether there are more."""
    query = query.strip()[:100]
    if len(query) < 2:
        return [], False
    units = access_units(user).valid_on(day or timezone.localdate()).search(query)
    if level:
        units = units.filter(level=level)
    if within is not None:
        units = units.filter(path__startswith=within.path)
    rows = list(units.select_related("parent").order_by("name_key")[: SEARCH_LIMIT * 5])
    key = fold_key(query)
    rows.sort(key=lambda u: (LEVEL_ORDER.get(u.level, 9), not u.name_key.startswith(key), u.name_key))
    results: list[dict[str, object]] = [
        {"id": u.pk, "code": u.code, "name": u.name, "level": u.level,
         "parent": u.parent.name if u.parent else "", "label": unit_label(u)}
        for u in rows[:SEARCH_LIMIT]
    ]
    return results, len(rows) > SEARCH_LIMIT


@login_required
@require_GET
def unit_search(request: HttpRequest) -> JsonResponse:
    level = request.GET.get("level", "")
    raw_day = request.GET.get("ngay", "").strip()
    try:
        day = dt.date.fromisoformat(raw_day) if raw_day else timezone.localdate()
    except ValueError:
        return JsonResponse({"detail": f"Ngày «{raw_day}» không hợp lệ; dùng dạng năm-tháng-ngày."}, status=400)
    if level and level not in AdministrativeUnit.Level.values:
        return JsonResponse({"detail": f"Cấp «{level}» không hợp lệ."}, status=400)
    within = None
    code = request.GET.get("trong", "").strip()
    if code:
        within = access_units(request.user).in_force(code, day)
        if within is None:
            return JsonResponse({"detail": f"Không có đơn vị đang có hiệu lực mã «{code}»."}, status=400)
    results, more = search_units(request.user, request.GET.get("q", ""), level=level, within=within, day=day)
    return JsonResponse({"results": results, "more": more})
