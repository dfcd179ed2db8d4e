"""Review-round actions (QĐ 24/2021/QĐ-TTg): each ``do_*`` is atomic, version-checked and audited.

Step 1 ``do_start_round`` (list: current poor/near-poor, flagged by data) and ``do_add_applicant``;
step 2 ``do_record_survey`` / ``do_import_survey`` (classified by the standard's rule) and
``do_record_meeting``; step 3 ``do_post_list`` and complaints; step 4 ``do_recognise`` — refused
before the posting period has ended — writes the recognised history (``HouseholdStatus``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.poverty.models import (
    Complaint,
    HouseholdStatus,
    ReviewEntry,
    ReviewRound,
    Standard,
)
from ansinh.poverty.rules import CLASSES, classify_one
from ansinh.poverty.standards import national_for_year
from ansinh.poverty.summary import materialise
from ansinh.poverty.triggers import flagged
from ansinh.registry.access import can_write_commune
from ansinh.registry.models import Household, Membership

Step = ReviewRound.Step
POOR_CLASSES = ("ngheo", "can_ngheo")


def _may_write(user: Any, commune_id: int) -> None:
    if user is not None and not can_write_commune(user, commune_id):
        raise UserError("Bạn không có quyền rà soát hộ nghèo của xã, phường này.")


def _lock(round_: ReviewRound, version: int | None, *steps: str) -> ReviewRound:
    locked = ReviewRound.objects.select_for_update().select_related("standard").get(pk=round_.pk)
    if version is not None and locked.version != version:
        raise UserError("Đợt rà soát vừa được người khác thay đổi; hãy tải lại trang.")
    if steps and locked.step not in steps:
        raise UserError(f"Đợt rà soát đang ở «{locked.get_step_display()}»; việc này không làm được ở bước này.")
    return locked


def _bump(round_: ReviewRound, *fields: str) -> None:
    round_.version += 1
    round_.save(update_fields=["version", *fields])


def _household_facts(ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    """Living members today and the head's ethnic group, per household (two queries).

    A member whose death is recorded keeps an open membership (history), but is not counted: the
    household's size and the summary's persons (``summary``) agree."""
    ids = list(ids)
    members = dict(
        Membership.objects.filter(household_id__in=ids, valid_to__isnull=True, person__alive=True, person__deleted_at__isnull=True)
        .values_list("household_id").annotate(n=Count("id")).values_list("household_id", "n")
    )
    heads = dict(
        Household.objects.filter(pk__in=ids, head__isnull=False).values_list("pk", "head__ethnicity")
    )
    return {i: (members.get(i, 0), heads.get(i) or "") for i in ids}


@transaction.atomic
def do_start_round(user: Any, commune: Any, year: int, standard: Standard | None = None, *, simulated: bool = False) -> ReviewRound:
    """Step 1: the round and its list — current poor and near-poor households, and those flagged by data.

    Data triggers (``poverty.triggers``: a death, a new or departed member, a benefit stopped, and any
    trigger another app registers) flag households; a current poor household keeps its reason and gains the note.
    """
    _may_write(user, commune.pk)
    standard = standard or national_for_year(year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not any(p.valid_from <= last and p.valid_to >= first for p in standard.periods.all()):
        raise UserError(f"Chuẩn {standard.code} không áp dụng trong năm {year} ({standard.period_text()}).")
    if standard.province_code and f"/{standard.province_code}/" not in commune.path:
        raise UserError(f"Chuẩn {standard.code} là chuẩn riêng của tỉnh mã {standard.province_code}; {commune.name} không thuộc tỉnh đó.")
    if ReviewRound.objects.filter(commune=commune, year=year, standard=standard).exists():
        raise UserError(f"{commune.name} đã có đợt rà soát năm {year} theo chuẩn {standard.code}.")
    round_ = ReviewRound.objects.create(commune=commune, year=year, standard=standard, created_by=user if user else None, simulated=simulated)
    listed: dict[int, tuple[str, str]] = {}
    current = HouseholdStatus.objects.filter(
        commune=commune, year=year - 1, klass__in=POOR_CLASSES, standard__level=standard.level
    ).values_list("household_id", "klass")
    for household_id, klass in current:
        listed[household_id] = (ReviewEntry.Listed.POOR if klass == "ngheo" else ReviewEntry.Listed.NEAR_POOR, "")
    for household_id, note in flagged(commune.pk, year).items():
        why, _ = listed.get(household_id, (ReviewEntry.Listed.FLAGGED, ""))
        listed[household_id] = (why, note)
    areas = dict(Household.objects.filter(pk__in=listed, deleted_at__isnull=True).values_list("pk", "area"))
    facts = _household_facts(areas)
    ReviewEntry.objects.bulk_create(
        ReviewEntry(round=round_, household_id=h, listed_because=why, listed_note=note, area=areas[h],
                    persons=facts[h][0], ethnic_group=facts[h][1])
        for h, (why, note) in listed.items() if h in areas
    )
    audit(user, "poverty.start_round", round_, summary=f"Rà soát năm {year}, chuẩn {standard.code}: {len(areas)} hộ trong danh sách")
    return round_


@transaction.atomic
def do_add_applicant(user: Any, round_: ReviewRound, household: Household, note: str = "", version: int | None = None) -> ReviewEntry:
    """Step 1: a household that applied (giấy đề nghị) joins the list."""
    _may_write(user, round_.commune_id)
    round_ = _lock(round_, version, Step.LIST, Step.SURVEY)
    if household.commune_id != round_.commune_id or household.deleted_at is not None:
        raise UserError(f"Hộ {household.code} không thuộc cơ sở dữ liệu của xã, phường này.")
    if ReviewEntry.objects.filter(round=round_, household=household).exists():
        raise UserError(f"Hộ {household.code} đã có trong danh sách rà soát.")
    persons, ethnic = _household_facts([household.pk])[household.pk]
    entry = ReviewEntry.objects.create(
        round=round_, household=household, listed_because=ReviewEntry.Listed.APPLIED, listed_note=note.strip()[:300],
        area=household.area, persons=persons, ethnic_group=ethnic,
    )
    _bump(round_)
    audit(user, "poverty.add_applicant", entry, summary=f"Hộ {household.code} đề nghị rà soát")
    return entry


def _check_survey(standard: Standard, income: Any, flags: Iterable[str], surveyed_on: dt.date) -> tuple[int, int, int]:
    errors = []
    if not isinstance(income, int) or isinstance(income, bool) or income < 0:
        errors.append("Thu nhập bình quân phải là số đồng không âm.")
    codes = standard.indicator_codes()
    unknown = [f for f in flags if f not in codes]
    if unknown:
        errors.append(f"Không có chỉ số thiếu hụt «{', '.join(unknown)}» trong chuẩn {standard.code}.")
    if not standard.in_force_on(surveyed_on):
        errors.append(f"Ngày khảo sát {surveyed_on:%d/%m/%Y} nằm ngoài thời gian áp dụng của chuẩn {standard.code}.")
    if errors:
        raise UserError(" ".join(errors))
    mask = sum(1 << codes.index(f) for f in set(flags))
    return int(income), mask, bin(mask).count("1")


@transaction.atomic
def do_record_survey(
    user: Any, entry: ReviewEntry, income: int | None, flags: Iterable[str], surveyed_on: dt.date, version: int | None = None,
    *, scored_answers: Mapping[str, str] | None = None, region: str = "",
) -> ReviewEntry:
    """Step 2: one household's survey (income and deprivations), classified by the standard's rule.

    With ``scored_answers`` the income is estimated by the scored form (``scoring``: the total score
    places it at or below the line, in the middle band or above), not typed.
    """
    from ansinh.poverty.scoring import form_for, representative_income, score

    _may_write(user, entry.round.commune_id)
    round_ = _lock(entry.round, None, Step.LIST, Step.SURVEY)
    locked = ReviewEntry.objects.select_for_update().get(pk=entry.pk)
    if version is not None and locked.version != version:
        raise UserError("Phiếu của hộ này vừa được người khác sửa; hãy tải lại trang.")
    standard = Standard.objects.prefetch_related("periods", "bands", "indicators").get(pk=round_.standard_id)
    method, points, answers = "thu_nhap", None, {}
    if scored_answers is not None:
        form = form_for(standard.code, surveyed_on)
        if form is None:
            raise UserError(f"Chuẩn {standard.code} không có phiếu chấm điểm áp dụng vào ngày {surveyed_on:%d/%m/%Y}; hãy nhập thu nhập bình quân.")
        from ansinh.poverty.regions import region_for_commune

        refusal = region_for_commune(entry.round.commune).refusal(region)
        if refusal:
            raise UserError(refusal)
        scored = score(form, region, locked.area, scored_answers)
        income = representative_income(standard.rule(), locked.area, scored.band)
        method, points, answers = "bang_diem", scored.total, {"bieu_mau": form.code, "vung": scored.region, "tra_loi": scored.answers}
    amount, mask, count = _check_survey(standard, income, list(flags), surveyed_on)
    before = {"income": locked.income, "deprivations": locked.deprivations, "class": locked.proposed_class}
    locked.income, locked.deprivation_mask, locked.deprivations, locked.surveyed_on = amount, mask, count, surveyed_on
    locked.income_method, locked.income_score, locked.score_answers = method, points, answers
    locked.surveyed_by = user if getattr(user, "is_authenticated", False) else None
    locked.proposed_class = classify_one(standard.rule(), amount, count, locked.area)
    locked.version += 1
    locked.save()
    if round_.step == Step.LIST:
        round_.step = Step.SURVEY
        _bump(round_, "step")
    audit(user, "poverty.record_survey", locked, before=before,
          after={"income": amount, "deprivations": count, "class": locked.proposed_class, "method": method, "score": points})
    return locked


@transaction.atomic
def do_import_survey(user: Any, round_: ReviewRound, path: Path) -> int:
    """Step 2 from a file: every row must be a household of the round's list; all or nothing."""
    from ansinh.poverty.survey_file import SurveyRefused, read_survey

    _may_write(user, round_.commune_id)
    round_ = _lock(round_, None, Step.LIST, Step.SURVEY)
    standard = Standard.objects.prefetch_related("periods", "bands", "indicators").get(pk=round_.standard_id)
    from ansinh.poverty.scoring import form_for

    score_form = form_for(standard.code, dt.date(round_.year, 10, 1))
    from ansinh.poverty.regions import region_for_commune

    choice = region_for_commune(round_.commune) if score_form else None
    region, note = (choice.region, choice.message) if choice else ("", "")
    survey = read_survey(path, standard, score_form, region, note, choice.refusal if choice else None)
    entries = {e.household.code: e for e in ReviewEntry.objects.filter(round=round_).select_related("household")}
    known = set(Household.objects.filter(commune_id=round_.commune_id, code__in=[r.household for r in survey.rows]).values_list("code", flat=True))
    errors = []
    for row in survey.rows:
        if row.household not in known:
            errors.append(f"Dòng {row.line}, cột ma_ho: hộ «{row.household}» không có trong cơ sở dữ liệu của xã, phường.")
        elif row.household not in entries:
            errors.append(f"Dòng {row.line}, cột ma_ho: hộ «{row.household}» chưa có trong danh sách rà soát (bước 1).")
        elif row.area != entries[row.household].area:
            errors.append(f"Dòng {row.line}, cột khu_vuc: khác khu vực của hộ trong cơ sở dữ liệu.")
    if errors:
        raise SurveyRefused(f"Tệp có {len(errors)} lỗi; không lưu gì.", errors)
    rule, today = standard.rule(), dt.date(round_.year, 10, 1)
    changed = []
    for row in survey.rows:
        entry = entries[row.household]
        entry.income, entry.deprivation_mask, entry.deprivations = row.income, row.mask, row.deprivations
        entry.surveyed_on = row.survey_date or today
        entry.surveyed_by = user if getattr(user, "is_authenticated", False) else None
        entry.income_method = "bang_diem" if row.score is not None else "thu_nhap"
        entry.income_score, entry.score_answers = row.score, row.answers
        entry.proposed_class = classify_one(rule, row.income, row.deprivations, row.area)
        entry.version += 1
        changed.append(entry)
    ReviewEntry.objects.bulk_update(changed, ["income", "deprivation_mask", "deprivations", "surveyed_on", "surveyed_by", "proposed_class", "version",
                                                  "income_method", "income_score", "score_answers"])
    round_.step = Step.SURVEY
    _bump(round_, "step")
    audit(user, "poverty.import_survey", round_, summary=f"Nhập phiếu khảo sát của {len(changed)} hộ từ tệp")
    return len(changed)


@transaction.atomic
def do_record_meeting(
    user: Any, round_: ReviewRound, meeting_date: dt.date, minutes: str, changes: Mapping[int, str] | None = None,
    version: int | None = None,
) -> ReviewRound:
    """Step 2, end: the village meeting agrees each household's class (``changes``: entry id → another class)."""
    _may_write(user, round_.commune_id)
    round_ = _lock(round_, version, Step.SURVEY)
    if not minutes.strip():
        raise UserError("Hãy tóm tắt biên bản họp dân.")
    missing = ReviewEntry.objects.filter(round=round_, proposed_class="").count()
    if missing:
        raise UserError(f"Còn {missing} hộ chưa có phiếu khảo sát; chưa họp dân được.")
    changes = dict(changes or {})
    bad = [c for c in changes.values() if c not in CLASSES]
    if bad:
        raise UserError(f"Phân loại «{bad[0]}» không hợp lệ.")
    ReviewEntry.objects.filter(round=round_).update(meeting_class=F("proposed_class"))
    for entry_id, klass in changes.items():
        ReviewEntry.objects.filter(round=round_, pk=entry_id).update(meeting_class=klass)
    round_.meeting_date, round_.meeting_minutes = meeting_date, minutes.strip()
    _bump(round_, "meeting_date", "meeting_minutes")
    audit(user, "poverty.record_meeting", round_, summary=f"Họp dân ngày {meeting_date:%d/%m/%Y}", after={"changes": changes})
    return round_


@transaction.atomic
def do_post_list(user: Any, round_: ReviewRound, start: dt.date, end: dt.date, place: str, version: int | None = None) -> ReviewRound:
    """Step 3: public posting of the results with its dates and place."""
    _may_write(user, round_.commune_id)
    round_ = _lock(round_, version, Step.SURVEY, Step.POSTING)
    if round_.meeting_date is None:
        raise UserError("Chưa có kết quả họp dân; chưa niêm yết được.")
    if end < start or start < round_.meeting_date:
        raise UserError("Thời gian niêm yết không hợp lệ: ngày kết thúc phải sau ngày bắt đầu, và bắt đầu sau ngày họp dân.")
    if not place.strip():
        raise UserError("Hãy ghi nơi niêm yết.")
    round_.posting_start, round_.posting_end, round_.posting_place, round_.step = start, end, place.strip(), Step.POSTING
    _bump(round_, "posting_start", "posting_end", "posting_place", "step")
    audit(user, "poverty.post_list", round_, summary=f"Niêm yết từ {start:%d/%m/%Y} đến {end:%d/%m/%Y} tại {place.strip()}")
    return round_


@transaction.atomic
def do_record_complaint(user: Any, round_: ReviewRound, entry: ReviewEntry | None, received_on: dt.date, complainant: str, content: str) -> Complaint:
    _may_write(user, round_.commune_id)
    round_ = _lock(round_, None, Step.POSTING)
    if not complainant.strip() or not content.strip():
        raise UserError("Hãy ghi người khiếu nại và nội dung khiếu nại.")
    complaint = Complaint.objects.create(round=round_, entry=entry, received_on=received_on, complainant=complainant.strip(), content=content.strip())
    audit(user, "poverty.record_complaint", complaint, summary=f"Khiếu nại của {complainant.strip()}")
    return complaint


@transaction.atomic
def do_resolve_complaint(user: Any, complaint: Complaint, resolution: str, resolved_on: dt.date, resolved_class: str = "") -> Complaint:
    _may_write(user, complaint.round.commune_id)
    if complaint.resolved_on is not None:
        raise UserError("Khiếu nại này đã được giải quyết.")
    if not resolution.strip():
        raise UserError("Hãy ghi kết quả giải quyết khiếu nại.")
    if resolved_class and (resolved_class not in CLASSES or complaint.entry is None):
        raise UserError("Phân loại sau giải quyết không hợp lệ (khiếu nại phải gắn với một hộ).")
    complaint.resolution, complaint.resolved_on, complaint.resolved_class = resolution.strip(), resolved_on, resolved_class
    complaint.save(update_fields=["resolution", "resolved_on", "resolved_class"])
    if resolved_class and complaint.entry is not None:
        ReviewEntry.objects.filter(pk=complaint.entry.pk).update(meeting_class=resolved_class)
    audit(user, "poverty.resolve_complaint", complaint, summary=resolution.strip()[:200])
    return complaint


def do_recognise(user: Any, round_: ReviewRound, decided_on: dt.date, decision_number: str, version: int | None = None) -> int:
    """Step 4: recognition by the competent authority on ``decided_on``; writes the year's statuses.

    Refused unless ``user`` is the authority the data names for the commune and day
    (``authority.check_recogniser``: role, level, dates; never the one who entered a survey), before the
    posting period has ended (both on ``decided_on`` and today), for a future date, and while a complaint
    is open. A refusal rolls the attempt back whole and then writes one ``poverty.recognise_refused``
    audit event (who, round, reason) in its own transaction, so failed attempts leave a trace.
    """
    try:
        return _recognise(user, round_, decided_on, decision_number, version)
    except UserError as err:
        _audit_refusal(user, round_, decided_on, decision_number, err)
        raise


@transaction.atomic
def _audit_refusal(user: Any, round_: ReviewRound, decided_on: dt.date, decision_number: str, err: UserError) -> None:
    reason = getattr(err, "reason", "khac")
    audit(user, "poverty.recognise_refused", round_, summary=f"Từ chối công nhận: {err.message}",
          after={"reason": reason, "message": err.message, "round": round_.pk, "year": round_.year,
                 "commune": round_.commune_id, "decided_on": decided_on.isoformat(), "decision_number": decision_number.strip()[:100]})


@transaction.atomic
def _recognise(user: Any, round_: ReviewRound, decided_on: dt.date, decision_number: str, version: int | None) -> int:
    from ansinh.poverty.authority import RecognitionRefused, check_recogniser

    round_ = _lock(round_, version, Step.POSTING)
    today = timezone.localdate()
    if round_.posting_end is None or decided_on <= round_.posting_end or today <= round_.posting_end:
        end = f"{round_.posting_end:%d/%m/%Y}" if round_.posting_end else "chưa niêm yết"
        raise RecognitionRefused("chua_het_niem_yet", f"Chưa công nhận được: thời gian niêm yết công khai chưa kết thúc (đến hết ngày {end}).")
    if decided_on > today:
        raise RecognitionRefused("ngay_tuong_lai", f"Ngày quyết định công nhận {decided_on:%d/%m/%Y} chưa đến; không ghi trước được.")
    authority = check_recogniser(user, round_, decided_on)
    if Complaint.objects.filter(round=round_, resolved_on__isnull=True).exists():
        raise RecognitionRefused("khieu_nai_chua_giai_quyet", "Còn khiếu nại chưa giải quyết; chưa công nhận được.")
    if not decision_number.strip():
        raise RecognitionRefused("thieu_so_quyet_dinh", "Hãy ghi số quyết định công nhận.")
    previous = dict(
        HouseholdStatus.objects.filter(commune_id=round_.commune_id, year=round_.year - 1, standard__level=round_.standard.level)
        .values_list("household_id", "klass")
    )
    statuses = [
        HouseholdStatus(
            household_id=e.household_id, commune_id=round_.commune_id, province_code=e.household.province_code, year=round_.year,
            standard_id=round_.standard_id, klass=e.result, previous=previous.get(e.household_id, ""),
            persons=e.persons, ethnic_group=e.ethnic_group, deprivation_mask=e.deprivation_mask,
            valid_from=decided_on, round=round_,
        )
        for e in ReviewEntry.objects.filter(round=round_).select_related("household")
    ]
    HouseholdStatus.objects.bulk_create(statuses)
    materialise(round_.year, round_.standard, [round_.commune_id])
    round_.recognised_on, round_.decision_number, round_.authority, round_.step = decided_on, decision_number.strip(), authority, Step.DONE
    round_.recognised_by = user if getattr(user, "is_authenticated", False) else None
    _bump(round_, "recognised_on", "decision_number", "authority", "step", "recognised_by")
    audit(user, "poverty.recognise", round_, summary=f"Công nhận theo quyết định {decision_number.strip()} ({authority.role})",
          after={"authority": authority.role, "authority_verified": authority.verified, "statuses": len(statuses)})
    return len(statuses)
