"""Review pages: the rounds, one round with its four steps, the phone survey form, standards, summaries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.core.errors import UserError
from ansinh.core.views import page_number
from ansinh.poverty import actions
from ansinh.poverty.access import access_rounds, can_run, entry_or_404, round_or_404
from ansinh.poverty.forms import (
    ApplicantForm,
    ComplaintForm,
    MeetingForm,
    PostingForm,
    RecogniseForm,
    ResolveForm,
    StartForm,
    SurveyForm,
)
from ansinh.poverty.models import Complaint, RecognisingAuthority, ReviewEntry, ReviewRound
from ansinh.poverty.standards import ensure_loaded, standards_qs
from ansinh.registry.access import access_households, writable_person_units

PAGE = 50


@login_required
def index(request: HttpRequest) -> HttpResponse:
    rounds = Paginator(access_rounds(request.user).order_by("-year", "commune__name"), PAGE).get_page(page_number(request))
    communes = list(writable_person_units(request.user).filter(level="commune")[:20])
    form = StartForm(request.POST or None)
    if request.method == "POST":
        commune = next((c for c in communes if str(c.pk) == request.POST.get("commune")), None)
        if commune is None:
            form.add_error(None, "Hãy chọn xã, phường bạn phụ trách.")
        elif form.is_valid():
            from ansinh.poverty.standards import by_code

            try:
                code = request.POST.get("standard", "").strip()
                standard = by_code(code) if code else None
                round_ = actions.do_start_round(request.user, commune, form.cleaned_data["year"], standard)
            except UserError as err:
                form.add_error(None, err.message)
            else:
                messages.success(request, "Đã lập danh sách hộ cần rà soát (bước 1).")
                return redirect("poverty:round", pk=round_.pk)
    ensure_loaded()
    # a province's own standard is offered only to officers of that province (others are refused anyway)
    codes = [(code, name) for code, name, province in standards_qs().values_list("code", "name", "province_code")
             if not province or any(f"/{province}/" in c.path for c in communes)]
    return render(request, "poverty/index.html", {"rounds": rounds, "communes": communes, "form": form, "standards": codes},
                  status=400 if form.errors else 200)


@login_required
def standards(request: HttpRequest) -> HttpResponse:
    from ansinh.poverty.rules import AREA_LABELS
    from ansinh.poverty.scoring import forms as score_forms

    ensure_loaded()
    tables = [
        {"code": f.code, "name": f.name, "source": f.source, "verified": f.verified, "note": f.note, "standards": f.standards,
         "valid_from": f.valid_from, "valid_to": f.valid_to, "items": f.items,
         "rows": [{"region": name, "area": AREA_LABELS[area], "base": f.base[code][area], **f.cutoffs[code][area]}
                  for code, name in f.regions.items() for area in ("nong_thon", "thanh_thi")]}
        for f in score_forms()
    ]
    return render(request, "poverty/standards.html", {"standards": standards_qs(), "score_forms": tables})


STEP_FORMS: dict[str, type[forms.Form]] = {
    "them_ho": ApplicantForm, "hop_dan": MeetingForm, "niem_yet": PostingForm, "khieu_nai": ComplaintForm,
    "cong_nhan": RecogniseForm,
}


def _run_step(request: HttpRequest, round_: ReviewRound, step: str, form: forms.Form) -> str:
    data, user, version = form.cleaned_data, request.user, int(request.POST.get("version", round_.version))
    if step == "them_ho":
        household = access_households(user).filter(commune_id=round_.commune_id, code=data["code"].strip()).first()
        if household is None:
            raise UserError(f"Không có hộ mã «{data['code']}» trong cơ sở dữ liệu của {round_.commune.name}.")
        actions.do_add_applicant(user, round_, household, data["note"], version)
        return f"Đã thêm hộ {household.code} vào danh sách rà soát."
    if step == "hop_dan":
        by_code = dict(ReviewEntry.objects.filter(round=round_, household__code__in=list(data["changes"])).values_list("household__code", "pk"))
        unknown = [c for c in data["changes"] if c not in by_code]
        if unknown:
            raise UserError(f"Hộ «{', '.join(unknown)}» không có trong đợt rà soát này; không ghi gì.")
        changes = {by_code[code]: klass for code, klass in data["changes"].items()}
        actions.do_record_meeting(user, round_, data["meeting_date"], data["minutes"], changes, version=version)
        return "Đã ghi kết quả họp dân." + (f" {len(changes)} hộ có kết quả khác phân loại theo chuẩn." if changes else "")
    if step == "niem_yet":
        actions.do_post_list(user, round_, data["start"], data["end"], data["place"], version)
        return "Đã ghi thời gian niêm yết công khai."
    if step == "khieu_nai":
        entry = None
        if data["household"].strip():
            entry = ReviewEntry.objects.filter(round=round_, household__code=data["household"].strip()).first()
            if entry is None:
                raise UserError(f"Hộ «{data['household']}» không có trong đợt rà soát này.")
        actions.do_record_complaint(user, round_, entry, data["received_on"], data["complainant"], data["content"])
        return "Đã ghi nhận khiếu nại."
    count = actions.do_recognise(user, round_, data["decided_on"], data["decision_number"], version)
    return f"Đã công nhận kết quả rà soát của {count} hộ."


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from django.utils import timezone

    from ansinh.poverty.authority import is_competent
    from ansinh.poverty.unverified import note, unverified_parts

    round_ = round_or_404(request.user, pk)
    may_run = can_run(request.user, round_)
    may_recognise = is_competent(request.user, round_, timezone.localdate())
    bound: dict[str, forms.Form] = {}
    if request.method == "POST":
        step = request.POST.get("buoc", "")
        if step not in STEP_FORMS:
            raise PermissionDenied("Thao tác không hợp lệ.")
        if not (may_run or (step == "cong_nhan" and may_recognise)):
            raise PermissionDenied("Bạn không có quyền rà soát hộ nghèo của xã, phường này.")
        form = STEP_FORMS[step](request.POST, prefix=step)
        bound[step] = form
        if form.is_valid():
            try:
                messages.success(request, _run_step(request, round_, step, form))
                return redirect("poverty:round", pk=round_.pk)
            except UserError as err:
                form.add_error(None, err.message)
        round_.refresh_from_db()
    entries = ReviewEntry.objects.filter(round=round_).select_related("household").order_by("household__code")
    page = Paginator(entries, PAGE).get_page(page_number(request))
    context: dict[str, Any] = {
        "round": round_, "entries": page, "may_run": may_run, "may_recognise": may_recognise,
        "classification_note": note(unverified_parts(round_.standard)),
        "authority_now": RecognisingAuthority.on(timezone.localdate()),
        "forms": {name: bound.get(name) or cls(prefix=name) for name, cls in STEP_FORMS.items()},
        "complaints": Complaint.objects.filter(round=round_).select_related("entry__household"),
        "resolve_form": ResolveForm(prefix="giai_quyet"),
        "surveyed": entries.exclude(proposed_class="").count(), "total": page.paginator.count,
    }
    return render(request, "poverty/round.html", context, status=400 if bound else 200)


@login_required
@require_POST
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = Complaint.objects.select_related("round").filter(pk=pk, round__in=access_rounds(request.user)).first()
    if complaint is None or not can_run(request.user, complaint.round):
        raise PermissionDenied("Bạn không có quyền giải quyết khiếu nại này.")
    form = ResolveForm(request.POST, prefix="giai_quyet")
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    else:
        try:
            actions.do_resolve_complaint(request.user, complaint, form.cleaned_data["resolution"], form.cleaned_data["resolved_on"],
                                         form.cleaned_data["resolved_class"])
            messages.success(request, "Đã ghi kết quả giải quyết khiếu nại.")
        except UserError as err:
            messages.error(request, err.message)
    return redirect("poverty:round", pk=complaint.round_id)


@login_required
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_or_404(request.user, pk)
    may_run = can_run(request.user, entry.round)
    from ansinh.poverty.scoring import BANDS, form_for

    standard = entry.round.standard
    score_form = form_for(standard.code, dt.date(entry.round.year, 10, 1))
    scored_before = entry.income_method == "bang_diem"
    from ansinh.poverty.regions import region_for_commune

    region_choice = region_for_commune(entry.round.commune) if score_form else None
    initial: dict[str, Any] = {
        "income": entry.income if entry.income is not None and not scored_before else "", "surveyed_on": entry.surveyed_on,
        "version": entry.version, "method": "bang_diem" if scored_before else "thu_nhap",
        "region": entry.score_answers.get("vung") or (region_choice.region if region_choice else ""),
    }
    initial |= {f"diem_{k}": v for k, v in entry.score_answers.get("tra_loi", {}).items()}
    initial |= {f"chi_so_{i.code}": bool(entry.deprivation_mask & (1 << i.position)) for i in standard.indicators.all()}
    form = SurveyForm(request.POST or None, standard=standard, score_form=score_form, initial=initial)
    if request.method == "POST":
        if not may_run:
            raise PermissionDenied("Bạn không có quyền rà soát hộ nghèo của xã, phường này.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = actions.do_record_survey(
                    request.user, entry, data["income"], form.flags(), data["surveyed_on"], data["version"],
                    scored_answers=form.answers() if form.scored() else None, region=data.get("region", ""),
                )
            except UserError as err:
                form.add_error(None, err.message)
            else:
                score_note = f" (điểm {saved.income_score}, chưa xác minh)" if saved.income_method == "bang_diem" else ""
                messages.success(request, f"Đã lưu phiếu của hộ {entry.household.code}: {saved.get_proposed_class_display()}{score_note}.")
                return redirect("poverty:round", pk=entry.round_id)
    from ansinh.poverty.unverified import note, unverified_parts

    context = {"entry": entry, "form": form, "may_run": may_run, "score_form": score_form, "bands": BANDS,
               "region_choice": region_choice,
               "classification_note": note(unverified_parts(standard, entry.area, entry.income_method == "bang_diem"))}
    return render(request, "poverty/survey.html", context, status=400 if form.errors else 200)


class SurveyUploadForm(forms.Form):
    file = forms.FileField(label="Tệp phiếu khảo sát (CSV hoặc XLSX)", error_messages={"required": "Hãy chọn tệp.", "empty": "Tệp rỗng."})


MAX_UPLOAD = 20 * 1024 * 1024
SHOWN_ERRORS = 20


@login_required
@require_POST
def upload_survey(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2 from Excel or CSV: all or nothing, one Vietnamese message per bad cell."""
    import tempfile
    from pathlib import Path

    from ansinh.poverty.survey_file import SurveyRefused

    round_ = round_or_404(request.user, pk)
    if not can_run(request.user, round_):
        raise PermissionDenied("Bạn không có quyền rà soát hộ nghèo của xã, phường này.")
    form = SurveyUploadForm(request.POST, request.FILES)
    upload = request.FILES.get("file")
    suffix = Path(upload.name or "").suffix.lower() if upload else ""
    if not form.is_valid() or upload is None:
        messages.error(request, "Hãy chọn tệp phiếu khảo sát.")
    elif suffix not in (".csv", ".xlsx") or (upload.size or 0) > MAX_UPLOAD:
        messages.error(request, "Chỉ nhận tệp .csv hoặc .xlsx, tối đa 20 MB.")
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"phieu{suffix}"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                count = actions.do_import_survey(request.user, round_, path)
            except SurveyRefused as err:
                messages.error(request, err.message)
                for line in err.errors[:SHOWN_ERRORS]:
                    messages.error(request, line)
            except UserError as err:
                messages.error(request, err.message)
            else:
                messages.success(request, f"Đã nhập phiếu khảo sát của {count} hộ và phân loại.")
    return redirect("poverty:round", pk=round_.pk)


@login_required
def household_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who was poor or near-poor in which year, under which standard — one household's recognised history."""
    from ansinh.poverty.models import HouseholdStatus
    from ansinh.registry.access import household_or_404

    household = household_or_404(request.user, pk)
    statuses = HouseholdStatus.objects.filter(household=household).select_related("standard", "round").order_by("-year", "standard__code")
    return render(request, "poverty/history.html", {"household": household, "statuses": statuses})


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable certificate (giấy chứng nhận) of a recognised poor or near-poor household; ``?dang=docx`` for Word."""
    from ansinh.poverty.certificates import MEDIA_DOCX, certificate_lines, statuses_docx
    from ansinh.poverty.models import HouseholdStatus
    from ansinh.registry.access import household_or_404

    status = HouseholdStatus.objects.select_related("standard", "round__authority", "commune", "household__head").filter(
        pk=pk, klass__in=("ngheo", "can_ngheo")
    ).first()
    if status is None:
        raise PermissionDenied("Không có kết quả công nhận hộ nghèo, hộ cận nghèo này.")
    household = household_or_404(request.user, status.household_id)
    if request.GET.get("dang") == "docx":
        response = HttpResponse(statuses_docx([status]), content_type=MEDIA_DOCX)
        response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{household.code}-{status.year}.docx"'
        return response
    return render(request, "poverty/certificate.html", {"status": status, "household": household, "lines": certificate_lines(status)})


@login_required
def round_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    """Every certificate of a recognised round in one DOCX (one page per household)."""
    from ansinh.poverty.certificates import MEDIA_DOCX, round_statuses, statuses_docx

    round_ = round_or_404(request.user, pk)
    if round_.recognised_on is None:
        raise PermissionDenied("Đợt rà soát chưa được công nhận; chưa có giấy chứng nhận.")
    response = HttpResponse(statuses_docx(round_statuses(round_.pk)), content_type=MEDIA_DOCX)
    response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{round_.commune.code}-{round_.year}.docx"'
    return response


@login_required
def round_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The recognised list of a round as XLSX: class, last year's class and the movement per household."""
    from ansinh.poverty.lists import MEDIA_XLSX, round_xlsx

    round_ = round_or_404(request.user, pk)
    if round_.recognised_on is None:
        raise PermissionDenied("Đợt rà soát chưa được công nhận; chưa có danh sách công nhận.")
    response = HttpResponse(round_xlsx(round_), content_type=MEDIA_XLSX)
    response["Content-Disposition"] = f'attachment; filename="danh-sach-cong-nhan-{round_.commune.code}-{round_.year}.xlsx"'
    return response
