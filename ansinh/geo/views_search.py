"""``geo:unit_search``: the one JSON search behind every unit and agency picker (logic in ``geo/search.py``).

``GET /don-vi/tim/?q=so y te[&pham-vi=tat-ca|duoc-xem|co-quan][&level=province|commune][&trong=79]
[&ngay=YYYY-MM-DD][&trang=N]`` answers ``{"results": [{"id", "code", "name", "hint", "label", …}], "more": bool,
"page": N}``: at most ``SEARCH_LIMIT`` rows a page, in one query whatever the number of units. ``tat-ca`` (the
default) searches every unit in force, ``duoc-xem`` those whose data the user may read, ``co-quan`` agencies.
A bad parameter is a Vietnamese 400; ``trong`` outside the readable scope a 403.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from ansinh.geo.models import AdministrativeUnit
from ansinh.geo.search import OutOfScope, Scope, SearchError, resolve_within, search_agencies, search_units


def _page_number(raw: str) -> int:
    if not raw:
        return 1
    if not raw.isdigit() or len(raw) > 4:
        raise SearchError(f"Trang «{raw[:20]}» không hợp lệ.")
    return int(raw)


@login_required
@require_GET
def unit_search(request: HttpRequest) -> JsonResponse:
    params = request.GET
    try:
        if any("\x00" in text for key, values in params.lists() for text in (key, *values)):
            raise SearchError("Tham số tìm kiếm chứa ký tự rỗng (NUL), không hợp lệ.")
        raw_scope = params.get("pham-vi", Scope.ALL)
        if raw_scope not in {s.value for s in Scope}:
            raise SearchError(f"Phạm vi tìm «{raw_scope[:20]}» không hợp lệ (tat-ca, duoc-xem hoặc co-quan).")
        scope = Scope(raw_scope)
        level = params.get("level", "")
        if level and level not in AdministrativeUnit.Level.values:
            raise SearchError(f"Cấp «{level[:20]}» không hợp lệ.")
        raw_day = params.get("ngay", "").strip()
        try:
            day = dt.date.fromisoformat(raw_day) if raw_day else timezone.localdate()
        except ValueError:
            raise SearchError(f"Ngày «{raw_day[:20]}» không hợp lệ; dùng dạng năm-tháng-ngày.") from None
        code = params.get("trong", "").strip()
        within = resolve_within(request.user, scope, code, day) if code else None
        page = _page_number(params.get("trang", "").strip())
        query = params.get("q", "")
        if scope == Scope.AGENCIES:
            found = search_agencies(request.user, query, within=within, day=day, page=page)
        else:
            found = search_units(request.user, query, scope=scope, level=level, within=within, day=day, page=page)
    except OutOfScope as err:
        return JsonResponse({"detail": err.message}, status=403)
    except SearchError as err:
        return JsonResponse({"detail": err.message}, status=400)
    return JsonResponse({"results": found.results, "more": found.more, "page": found.page})
