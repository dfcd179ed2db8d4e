"""The cashless-share dashboard: a unit's twelve months (both ways, charted) and its communes in one month.

Figures come from ``cashless`` (the payments app's definitions); two grouped queries per page,
whatever the number of communes or months.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models.functions import ExtractMonth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ansinh.benefits import cashless
from ansinh.benefits.charts import month_bars
from ansinh.benefits.models import PaymentLine
from ansinh.benefits.ontime import communes_under
from ansinh.benefits.views_pages import PAGE, _int, _unit


def _by_month(unit: Any, year: int) -> dict[int, cashless.Share]:
    rows = (
        PaymentLine.objects.filter(commune_id__in=communes_under(unit).values("pk"), month__year=year)
        .annotate(m=ExtractMonth("month")).values("m").order_by("m")
    )
    return {r["m"]: cashless.Share(None, dt.date(year, r["m"], 1), r["b"], r["bc"], r["p"], r["pc"]) for r in cashless._figures(rows)}


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year = _int(request.GET.get("nam"), today.year)
    year = year if 2020 <= year <= 2100 else today.year
    unit = _unit(request)
    months = _by_month(unit, year)
    month = _int(request.GET.get("thang"), max(months) if months else today.month)
    month = month if 1 <= month <= 12 else today.month
    page = Paginator(communes_under(unit).filter(valid_to__isnull=True).order_by("name", "pk"), PAGE).get_page(_int(request.GET.get("trang"), 1))
    communes = list(page)
    shares = {s.commune_id: s for s in cashless.by_commune([c.pk for c in communes], dt.date(year, month, 1))}
    rates = [months[m].beneficiaries_rate if m in months else None for m in range(1, 13)]
    payment_rates = [months[m].payments_rate if m in months else None for m in range(1, 13)]
    return render(request, "benefits/cashless.html", {
        "unit": unit, "year": year, "month": month, "months": [(m, months.get(m)) for m in range(1, 13)],
        "chart": month_bars(f"{cashless.BENEFICIARIES_LABEL} — {unit.name}, năm {year}", rates, "bieu-do-nguoi-huong"),
        "chart_payments": month_bars(f"{cashless.PAYMENTS_LABEL} — {unit.name}, năm {year}", payment_rates, "bieu-do-luot-chi"),
        "rows": [(c, shares.get(c.pk)) for c in communes], "page": page, "month_text": f"{year}-{month:02d}",
        "beneficiaries_label": cashless.BENEFICIARIES_LABEL, "payments_label": cashless.PAYMENTS_LABEL,
    })
