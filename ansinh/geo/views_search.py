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


@login_required
@require_GET
def unit_search(request: HttpRequest) -> JsonResponse:
    query = request.GET.get("q", "").strip()[:100]
    level = request.GET.get("level", "")
    raw_day = request.GET.get("ngay", "").strip()
    try:
        day = dt.date.fromisoformat(raw_day) if raw_day else timezone.localdate()
    except ValueError:
        return JsonResponse({"detail": f"Ngày «{raw_day}» không hợp lệ; dùng dạng năm-tháng-ngày."}, status=400)
    if level and level not in AdministrativeUnit.Level.values:
        return JsonResponse({"detail": f"Cấp «{level}» không hợp lệ."}, status=400)
    if len(query) < 2:
        return JsonResponse({"results": [], "more": False})
    units = access_units(request.user).valid_on(day).search(query)
    if level:
        units = units.filter(level=level)
    within = request.GET.get("trong", "").strip()
    if within:
        scope = access_units(request.user).in_force(within, day)
        if scope is None:
            return JsonResponse({"detail": f"Không có đơn vị đang có hiệu lực mã «{within}»."}, status=400)
        units = units.filter(path__startswith=scope.path)
    rows = list(units.select_related("parent").order_by("name_key")[: SEARCH_LIMIT * 5])
    rows.sort(key=lambda u: (LEVEL_ORDER.get(u.level, 9), not u.name_key.startswith(fold_key(query)), u.name_key))
    results = [
        {"id": u.pk, "code": u.code, "name": u.name, "level": u.level,
         "parent": u.parent.name if u.parent else "", "label": unit_label(u)}
        for u in rows[:SEARCH_LIMIT]
    ]
    return JsonResponse({"results": results, "more": len(rows) > SEARCH_LIMIT})
