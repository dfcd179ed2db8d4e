"""Importing an extraction stores a draft plan with provenance; approving is audited."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.core.models import AuditEvent
from ansinh.documents.models import SourceDocument
from ansinh.plans.actions import PlanError, do_approve_plan, do_import_plan
from ansinh.plans.models import Plan, Target, Task
from tests.plans.sample_plan import EXTRACTION


def test_it_stores_an_extraction_as_a_draft_with_spans(document: SourceDocument) -> None:
    plan = do_import_plan(document, EXTRACTION)
    assert plan.status == Plan.Status.DRAFT
    assert (plan.number, plan.level, str(plan.date)) == ("12/KH-UBND", "commune", "2024-05-02")
    target = Target.objects.get(plan=plan)
    assert (target.comparator, target.value, target.year, target.baseline_value) == ("<", 1, 2025, 1.8)
    assert document.text[target.source_start : target.source_end].startswith("Tỷ lệ hộ nghèo")
    assert [m.year for m in target.milestones.all()] == [2024]


def test_it_nests_tasks_by_their_numbers(document: SourceDocument) -> None:
    plan = do_import_plan(document, EXTRACTION)
    child = Task.objects.get(plan=plan, number="1.1")
    assert child.parent is not None and child.parent.number == "1"
    assert child.lead_names == ["UBND xã"] and child.coordinate_names == ["Công an xã"]


def test_an_import_that_fails_halfway_stores_nothing(document: SourceDocument) -> None:
    broken = {**EXTRACTION, "tasks": [{"number": "1", "title": None, "lead": [], "coordinate": []}]}
    broken["tasks"][0]["title"] = object()  # not storable as text → str() is fine, so break a required field instead
    broken["targets"] = [{**EXTRACTION["targets"][0], "value": "không phải số"}]
    with pytest.raises((ValueError, TypeError)):
        do_import_plan(document, broken)
    assert Plan.objects.count() == 0 and Target.objects.count() == 0


def test_approving_a_draft_activates_it_and_is_audited(document: SourceDocument, alice: Any) -> None:
    plan = do_import_plan(document, EXTRACTION, alice)
    do_approve_plan(plan, alice)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.approved_by == alice
    assert AuditEvent.objects.filter(action="plan.approve", object_id=str(plan.pk), actor=alice).exists()


def test_it_refuses_to_approve_a_plan_twice(document: SourceDocument, alice: Any) -> None:
    plan = do_approve_plan(do_import_plan(document, EXTRACTION), alice)
    with pytest.raises(PlanError, match="đã được phê duyệt"):
        do_approve_plan(plan, alice)


def test_a_plan_runs_from_the_first_step_of_a_targets_path_to_its_end(document: SourceDocument) -> None:
    target = {**EXTRACTION["targets"][0], "year": 2030,
              "milestones": [{"year": 2026, "comparator": ">=", "value": 40, "value_max": None},
                             {"year": 2030, "comparator": ">=", "value": 50, "value_max": None}]}
    plan = do_import_plan(document, {**EXTRACTION, "meta": {**EXTRACTION["meta"], "title": "Kế hoạch phòng, chống ma túy",
                                                             "date": "2026-02-10"}, "targets": [target]})
    assert (plan.period_start, plan.period_end) == (2026, 2030)


@pytest.mark.parametrize(("title", "period"), [
    ("Kế hoạch thực hiện Nghị quyết số 34-NQ/TU ngày 27/12/2025 về phát triển công nghiệp năm 2026", (2026, 2026)),
    ("Kế hoạch thực hiện Nghị quyết số 12 ngày 5 tháng 8 năm 2024 của Chính phủ giai đoạn 2026 - 2030", (2026, 2030)),
    ("Kế hoạch triển khai Nghị định số 35/2022/NĐ-CP trên địa bàn xã năm 2026", (2026, 2026)),
    ("Chương trình hành động giai đoạn 2021–2025", (2021, 2025)),
    ("Kế hoạch thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2025", (None, None)),
    ("Kế hoạch phát triển du lịch giai đoạn 2025 – 2030, tầm nhìn đến năm 2045", (2025, 2030)),
    ("Chiến lược phát triển đến năm 2030, tầm nhìn 2050", (2024, 2030)),  # signed 2/5/2024: it starts then
])
def test_a_plans_period_comes_from_its_titles_own_years_not_from_the_dates_and_numbers_it_cites(
    document: SourceDocument, title: str, period: tuple[int | None, int | None]
) -> None:
    plan = do_import_plan(document, {**EXTRACTION, "meta": {**EXTRACTION["meta"], "title": title}, "targets": []})
    assert (plan.period_start, plan.period_end) == period


@pytest.mark.parametrize(("title", "signed", "period"), [
    ("Chiến lược phát triển nhà ở đến năm 2030", "2020-06-01", (2020, 2030)),
    ("Chiến lược phát triển nhà ở đến năm 2030", "2020-12-24", (2021, 2030)),  # signed in the last quarter
    ("Kế hoạch phát triển nhà ở xã hội năm 2026", "2025-12-20", (2026, 2026)),  # the title names its year
    ("Kế hoạch giảm nghèo bền vững giai đoạn 2026 - 2030", "2025-03-05", (2026, 2030)),
    ("Kế hoạch thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2025", "2025-04-01", (2025, 2030)),  # targets to 2030 only
])
def test_a_title_naming_only_its_end_year_starts_when_the_plan_is_signed(
    document: SourceDocument, title: str, signed: str, period: tuple[int, int]
) -> None:
    target = {**EXTRACTION["targets"][0], "year": 2030,
              "milestones": [{"year": 2025, "comparator": ">=", "value": 40, "value_max": None},
                             {"year": 2030, "comparator": ">=", "value": 50, "value_max": None}]}
    if "năm 2026" in title:
        target = {**target, "year": 2026, "milestones": []}
    if "2026 - 2030" in title:
        target = {**target, "milestones": [{"year": 2030, "comparator": ">=", "value": 50, "value_max": None}]}
    meta = {**EXTRACTION["meta"], "title": title, "date": signed}
    plan = do_import_plan(document, {**EXTRACTION, "meta": meta, "targets": [target]})
    assert (plan.period_start, plan.period_end) == period


def test_a_plan_signed_after_its_last_year_keeps_the_years_it_names(document: SourceDocument) -> None:
    meta = {**EXTRACTION["meta"], "title": "Kế hoạch tổng kết", "date": "2031-02-01"}
    target = {**EXTRACTION["targets"][0], "year": 2030, "milestones": []}
    plan = do_import_plan(document, {**EXTRACTION, "meta": meta, "targets": [target]})
    assert (plan.period_start, plan.period_end) == (2030, 2030)


@pytest.mark.parametrize(("date_line", "period"), [
    ("Lào Cai, ngày        tháng 8 năm 2026", (2026, 2045)),  # the day left blank for the signer
    ("Công Hải, ngày tháng 12 năm 2026", (2027, 2045)),  # in the last quarter it starts the next year
    ("Hà Nội, ngày    tháng    năm 2026", (2026, 2045)),  # month blank too
    ("Hà Nội, ngày    tháng    năm", (2030, 2045)),  # no year: the targets' years
])
def test_a_copy_with_a_blank_day_still_starts_the_plan_in_the_year_its_date_line_names(
    document: SourceDocument, date_line: str, period: tuple[int, int]
) -> None:
    document.text = f"TỈNH ỦY LÀO CAI\n*\nSố    -CTr/TU\n{date_line}\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n" + document.text
    document.save(update_fields=["text"])
    target = {**EXTRACTION["targets"][0], "year": 2030, "milestones": []}
    vision = {**EXTRACTION["targets"][0], "year": 2045, "milestones": []}
    meta = {**EXTRACTION["meta"], "title": "thực hiện Kết luận số 75-KL/TW ngày 28/7/2026 về bảo vệ môi trường", "date": None}
    plan = do_import_plan(document, {**EXTRACTION, "meta": meta, "targets": [target, vision]})
    assert (plan.period_start, plan.period_end) == period


def test_the_date_line_is_read_with_or_without_its_month() -> None:
    from ansinh.plans.area import issued_on_date_line

    assert issued_on_date_line("UBND\nHuế, ngày 25 tháng 6 năm 2025\nKẾ HOẠCH") == (2025, 6)
    assert issued_on_date_line("Huế, ngày   tháng   năm 2025") == (2025, None)
    assert issued_on_date_line("Huế, ngày   tháng   năm") is None and issued_on_date_line("KẾ HOẠCH") is None


def test_items_numbered_on_through_roman_parts_sit_under_their_part(document: SourceDocument) -> None:
    """A table "I. NHÓM THỂ CHẾ / 1 / 2 / II. NHÓM HẠ TẦNG / 3 / 4" numbers its rows on through the parts: each row
    still belongs to the part above it, which the report's sections follow."""
    rows = [("I", "Nhóm thể chế"), ("1", "Ban hành quy chế"), ("2", "Rà soát quy trình"), ("II", "Nhóm hạ tầng số"),
            ("3", "Xử lý điểm lõm sóng"), ("3.a", "Thôn Ninh Đảo"), ("4", "Phủ cáp quang")]
    tasks = [{"number": n, "title": t, "lead": [], "coordinate": [], "timeline": None} for n, t in rows]
    plan = do_import_plan(document, {**EXTRACTION, "tasks": tasks})
    parent = {t.number: (t.parent.number if t.parent else None) for t in plan.tasks.all()}
    assert parent == {"I": None, "1": "I", "2": "I", "II": None, "3": "II", "3.a": "3", "4": "II"}
    assert plan.tasks.get(number="3.a").depth == 2


def test_items_before_any_roman_part_stay_at_the_top(document: SourceDocument) -> None:
    tasks = [{"number": n, "title": n, "lead": [], "coordinate": [], "timeline": None} for n in ("1", "2", "2.1")]
    plan = do_import_plan(document, {**EXTRACTION, "tasks": tasks})
    assert [(t.number, t.parent_id is None) for t in plan.tasks.order_by("position")] == [
        ("1", True), ("2", True), ("2.1", False)]
