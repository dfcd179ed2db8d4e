"""Audit viewer pages: ``/nhat-ky/`` (filtered, paged) and ``/nhat-ky/csv`` (the same filters, as CSV)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ansinh.core.audit_view import PAGE_SIZE, AuditFilter, access_audit_events, as_json, csv_rows, filtered


@require_safe
@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    events = access_audit_events(request.user)
    form = AuditFilter(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "core/audit_list.html", {"form": form, "page": None}, status=400)
    data = form.cleaned_data if request.GET else {}
    page = Paginator(filtered(events, data), PAGE_SIZE).get_page(request.GET.get("trang"))
    rows = [(e, as_json(e.before), as_json(e.after)) for e in page.object_list]
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "core/audit_list.html",
                  {"form": form, "page": page, "rows": rows, "query": query.urlencode()})


@require_safe
@login_required
def audit_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    events = access_audit_events(request.user)
    form = AuditFilter(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "core/audit_list.html", {"form": form, "page": None}, status=400)
    data = form.cleaned_data if request.GET else {}
    response = StreamingHttpResponse(csv_rows(filtered(events, data)), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="nhat-ky-thao-tac-{stamp}.csv"'
    return response
