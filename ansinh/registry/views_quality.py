"""The data-quality board (đúng, đủ, sạch, sống, coverage gaps, trends) and its lists to fix."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ansinh.accounts.access import is_admin
from ansinh.lib.vnnumbers import format_vn
from ansinh.registry.access import _unit_ids, identity_for, person_units
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access
from ansinh.registry.quality import FIGURES, PROBLEMS, persons_to_fix, quality_by_commune
from ansinh.registry.quality_gaps import GAPS, NO_DATA, gap_persons, gaps_by_commune
from ansinh.registry.quality_snapshot import SNAPSHOT_FIGURES, trend

PAGE = 50
GAP_FIELDS = {"75-chua-huu-tri": "aged75_unpaid", "ngheo-chua-bhyt": "poor_uninsured"}


def _check(request: HttpRequest) -> None:
    if not (is_admin(request.user) or person_units(request.user).exists()):
        raise PermissionDenied("Bạn không có quyền xem bảng chất lượng dữ liệu hộ, nhân khẩu.")


def _shown(row: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        value = row.get(key)
        row[f"{key}_vn"] = NO_DATA if value is None else format_vn(value)


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    """Counts only (no person is shown, so nothing is logged); per commune, or per province (?cap=tinh)."""
    _check(request)
    by_province = request.GET.get("cap") == "tinh"
    rows = quality_by_commune(request.user)
    gaps = gaps_by_commune(request.user)
    for row in rows:
        for key, counts in gaps.items():
            row[GAP_FIELDS[key]] = None if counts is None else counts.get(row["commune_id"], 0)
    gap_keys = tuple(GAP_FIELDS.values())
    if by_province:
        totals: dict[str, dict[str, Any]] = {}
        for row in rows:
            total = totals.setdefault(row["province_code"], {"province_code": row["province_code"], "communes": 0})
            total["communes"] += 1
            for key in (*FIGURES, *gap_keys):
                total[key] = None if row[key] is None else (total.get(key) or 0) + row[key]
        rows = [totals[k] for k in sorted(totals)]
    for row in rows:
        _shown(row, (*FIGURES, *gap_keys))
    months = trend(sorted(_unit_ids(request.user, "read") or []) if not is_admin(request.user) else None)
    for month in months:
        _shown(month, SNAPSHOT_FIGURES)
    return render(request, "registry/quality.html", {
        "rows": rows, "by_province": by_province, "stale_days": format_vn(settings.REGISTRY_STALE_DAYS),
        "problems": PROBLEMS, "gaps": GAPS, "trend": months, "no_data": NO_DATA,
    })


@login_required
@require_GET
def to_fix(request: HttpRequest, key: str) -> HttpResponse:
    """One list behind a figure, in the reader's scope, paged; the persons shown are logged as a read."""
    _check(request)
    try:
        page = max(1, int(request.GET.get("trang", "1")))
        commune = int(request.GET["xa"]) if request.GET.get("xa") else None
    except ValueError:
        raise Http404("Trang hoặc xã, phường không hợp lệ.") from None
    if key in PROBLEMS:
        qs: Any = persons_to_fix(request.user, key, commune)
        title = PROBLEMS[key]
    elif key in GAPS:
        qs = gap_persons(request.user, key)
        title = GAPS[key]
        if qs is not None:
            qs = (qs.filter(commune_id=commune) if commune is not None else qs).select_related("commune").order_by("commune_id", "name_folded", "id")
    else:
        raise Http404("Không có danh sách này.")
    persons = [] if qs is None else list(qs[(page - 1) * PAGE : page * PAGE + 1])
    has_next = len(persons) > PAGE
    persons = persons[:PAGE]
    if persons:
        log_access(request.user, AccessKind.SEARCH, [p.pk for p in persons], purpose=f"Danh sách cần sửa: {title}")
    rows = [{"person": p, "ident": identity_for(request.user, p)} for p in persons]
    return render(request, "registry/quality_list.html", {
        "title": title, "rows": rows, "page": page, "has_next": has_next, "key": key, "commune": commune or "",
        "no_data": qs is None,
    })
