"""The review queue: candidate pairs side by side with each comparison's match weight; decide or undo."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ansinh.accounts.access import is_admin
from ansinh.core.errors import UserError
from ansinh.core.views import page_number
from ansinh.lib.vnnumbers import format_vn
from ansinh.registry.access import _unit_ids, can_write_commune, person_units
from ansinh.registry.dedup import settings as model_settings
from ansinh.registry.dedup.actions import do_mark_different, do_merge, do_undo_merge
from ansinh.registry.dedup.models import DuplicatePair, PairStatus, PersonMerge
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access

PAGE = 50


def _pairs(request: HttpRequest) -> object:
    if not (is_admin(request.user) or person_units(request.user).exists()):
        raise PermissionDenied("Bạn không có quyền xem danh sách nhân khẩu nghi trùng.")
    ids = _unit_ids(request.user, "read")
    qs = DuplicatePair.objects.select_related("person_a", "person_b", "commune")
    return qs if ids is None else qs.filter(commune_id__in=ids)


@login_required
@require_GET
def pair_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang_thai", PairStatus.OPEN)
    if status not in PairStatus.values:
        status = PairStatus.OPEN
    page = page_number(request)
    rows = list(_pairs(request).filter(status=status)[(page - 1) * PAGE : page * PAGE])  # type: ignore[attr-defined]
    if rows:
        log_access(request.user, AccessKind.SEARCH, [p for r in rows for p in (r.person_a_id, r.person_b_id)], purpose="Xem nhân khẩu nghi trùng")
    return render(request, "registry/dedup_list.html", {
        "rows": rows, "status": status, "statuses": PairStatus.choices, "page": page, "has_next": len(rows) == PAGE,
    })


@login_required
@require_GET
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _pairs(request).filter(pk=pk).first()  # type: ignore[attr-defined]
    if pair is None:
        raise Http404("Không tìm thấy cặp này, hoặc bạn không có quyền xem.")
    log_access(request.user, AccessKind.VIEW, [pair.person_a_id, pair.person_b_id], purpose="Xem xét cặp nghi trùng")
    evidence = [
        {"label": c.get("label", c["name"]), "weight": pair.weights.get(c["name"]),
         "shown": "—" if pair.weights.get(c["name"]) is None else format_vn(pair.weights[c["name"]], 1)}
        for c in model_settings.definition()["comparisons"]
    ]
    merge = PersonMerge.objects.filter(pair=pair, undone_at__isnull=True).select_related("survivor", "absorbed").first()
    return render(request, "registry/dedup_pair.html", {
        "pair": pair, "a": pair.person_a, "b": pair.person_b, "evidence": evidence, "merge": merge,
        "probability": format_vn(pair.match_probability * 100, 1),
        "can_decide": can_write_commune(request.user, pair.person_a.commune_id) and can_write_commune(request.user, pair.person_b.commune_id),
    })


@login_required
@require_POST
def pair_decide(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _pairs(request).filter(pk=pk).first()  # type: ignore[attr-defined]
    if pair is None:
        raise Http404("Không tìm thấy cặp này, hoặc bạn không có quyền xem.")
    decision, note = request.POST.get("quyet_dinh", ""), request.POST.get("ghi_chu", "")
    try:
        version = int(request.POST.get("version", ""))
        if decision == "khac_nguoi":
            do_mark_different(request.user, pair, note, version)
        elif decision == "cung_nguoi":
            do_merge(request.user, pair, int(request.POST.get("giu_lai", "0") or 0), note, version)
        elif decision == "hoan_tac":
            merge = PersonMerge.objects.filter(pair=pair, undone_at__isnull=True).first()
            if merge is None:
                raise UserError("Cặp này không có lần gộp nào để hoàn tác.")
            do_undo_merge(request.user, merge)
        else:
            raise UserError("Hãy chọn «Cùng một người» hoặc «Hai người khác nhau».")
    except ValueError:
        return _refused(request, pair, "Dữ liệu gửi lên không hợp lệ; hãy tải lại trang.")
    except UserError as err:
        return _refused(request, pair, err.message)
    return redirect("registry:dedup_pair", pk=pair.pk)


def _refused(request: HttpRequest, pair: DuplicatePair, message: str) -> HttpResponse:
    return render(request, "registry/dedup_refused.html", {"pair": pair, "message": message}, status=400)
