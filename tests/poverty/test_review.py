"""A review round through the four steps of QĐ 24/2021, each leaving its record; refusals in Vietnamese."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from ansinh.core.errors import UserError
from ansinh.core.models import AuditEvent
from ansinh.poverty import actions
from ansinh.poverty.models import HouseholdStatus, ReviewEntry, ReviewRound
from ansinh.poverty.summary import stored_summary, summarise

D = dt.date


def run_to_posting(officer: Any, ward: Any, households: list[Any]) -> ReviewRound:
    round_ = actions.do_start_round(officer, ward, 2025)
    for hh in households:
        actions.do_add_applicant(officer, round_, hh, "giấy đề nghị")
    entries = {e.household.code: e for e in ReviewEntry.objects.filter(round=round_).select_related("household", "round")}
    actions.do_record_survey(officer, entries["H1"], 1_900_000, ["viec_lam", "bao_hiem_y_te", "nguon_nuoc_sinh_hoat"], D(2025, 10, 5))
    actions.do_record_survey(officer, entries["H2"], 2_000_000, ["viec_lam"], D(2025, 10, 5))
    actions.do_record_survey(officer, entries["H3"], 1_500_001, [], D(2025, 10, 5))
    round_.refresh_from_db()
    actions.do_record_meeting(officer, round_, D(2025, 10, 20), "Họp thôn 3, 40 hộ dự, nhất trí kết quả.")
    round_.refresh_from_db()
    return actions.do_post_list(officer, round_, D(2025, 10, 21), D(2025, 10, 27), "Nhà văn hóa khu phố 3")


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_ward_officer_runs_a_round_through_the_four_steps(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    complaint = actions.do_record_complaint(officer_a, round_, ReviewEntry.objects.get(household=households[2]), D(2025, 10, 22), "Ông Ba", "Thu nhập tính sai")
    with pytest.raises(UserError, match="khiếu nại chưa giải quyết"):
        actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12/QĐ-UBND")
    actions.do_resolve_complaint(officer_a, complaint, "Tính lại thu nhập: dưới chuẩn", D(2025, 10, 25), "can_ngheo")
    assert actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12/QĐ-UBND") == 3
    round_.refresh_from_db()
    assert round_.step == ReviewRound.Step.DONE and round_.authority is not None and round_.authority.level == "xa"
    got = dict(HouseholdStatus.objects.filter(year=2025).values_list("household__code", "klass"))
    assert got == {"H1": "ngheo", "H2": "can_ngheo", "H3": "can_ngheo"}
    actions_seen = set(AuditEvent.objects.filter(action__startswith="poverty.").values_list("action", flat=True))
    assert {"poverty.start_round", "poverty.record_survey", "poverty.record_meeting", "poverty.post_list", "poverty.recognise"} <= actions_seen
    summary = summarise(2025, round_.standard, "79")
    assert (summary.total.poor, summary.total.near, summary.total.households, summary.total.poor_in) == (1, 2, 3, 1)
    assert dict((e[0], e[1]) for e in summary.ethnic) == {"Khmer": 1, "Kinh": 0}
    assert dict((d[0], d[2]) for d in summary.deprivation)["viec_lam"] == 2
    stored = stored_summary(2025, round_.standard, "79")  # what recognition stored for the commune
    assert stored.total == summary.total and stored.deprivation == summary.deprivation and stored.ethnic == summary.ethnic


@time_machine.travel("2025-11-05 09:00 +0700")
def test_recognition_before_the_posting_period_ends_is_refused(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="niêm yết công khai chưa kết thúc"):
        actions.do_recognise(chairman_a, round_, D(2025, 10, 27), "QĐ 1")
    assert not HouseholdStatus.objects.exists()


def test_an_officer_of_another_ward_cannot_start_or_survey_the_round(officer_a: Any, officer_b: Any, ward_a: Any, households: list[Any]) -> None:
    with pytest.raises(UserError, match="không có quyền"):
        actions.do_start_round(officer_b, ward_a, 2025)
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[0])
    with pytest.raises(UserError, match="không có quyền"):
        actions.do_record_survey(officer_b, entry, 1, [], D(2025, 10, 1))


def test_a_bad_survey_is_refused_and_nothing_is_stored(officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[0])
    with pytest.raises(UserError, match="không âm") as err:
        actions.do_record_survey(officer_a, entry, -5, ["khong_co"], D(2021, 1, 1))
    assert "khong_co" in err.value.message and "ngoài thời gian áp dụng" in err.value.message
    entry.refresh_from_db()
    assert entry.income is None and entry.proposed_class == ""


def test_the_next_year_lists_the_households_recognised_this_year(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    with time_machine.travel("2025-11-05 09:00 +0700"):
        round_ = run_to_posting(officer_a, ward_a, households)
        actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12")
    nxt = actions.do_start_round(officer_a, ward_a, 2026)
    listed = dict(ReviewEntry.objects.filter(round=nxt).values_list("household__code", "listed_because"))
    assert listed["H1"] == "dang_ngheo" and listed["H2"] == "dang_can_ngheo"
    assert nxt.standard.code == "nd07-2021"


def test_an_imported_survey_naming_a_household_not_in_the_registry_is_refused(officer_a: Any, ward_a: Any, households: list[Any], tmp_path: Any) -> None:
    from ansinh.poverty.survey_file import SurveyRefused

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    actions.do_add_applicant(officer_a, round_, households[0])
    path = tmp_path / "s.csv"
    path.write_text("ma_ho,khu_vuc,thu_nhap_binh_quan,so_chi_so_thieu_hut\nH1,thanh_thi,100,3\nH9,thanh_thi,100,1\n", encoding="utf-8")
    with pytest.raises(SurveyRefused) as err:
        actions.do_import_survey(officer_a, round_, path)
    assert err.value.errors == ["Dòng 3, cột ma_ho: hộ «H9» không có trong cơ sở dữ liệu của xã, phường."]
    assert not ReviewEntry.objects.filter(income__isnull=False).exists()
    path.write_text("ma_ho,khu_vuc,thu_nhap_binh_quan,so_chi_so_thieu_hut\nH1,thanh_thi,100,3\n", encoding="utf-8")
    assert actions.do_import_survey(officer_a, round_, path) == 1
    assert ReviewEntry.objects.get(household=households[0]).proposed_class == "ngheo"


def test_a_province_standard_runs_beside_the_national_one_and_is_refused_outside_its_province_or_period(
    officer_a: Any, ward_a: Any, hanoi_ward: Any, households: list[Any], hcm_admin: Any
) -> None:
    from ansinh.poverty.standards import by_code

    city = by_code("tphcm-2025")
    national = actions.do_start_round(officer_a, ward_a, 2025)
    own = actions.do_start_round(officer_a, ward_a, 2025, city)
    assert national.standard.code == "nd07-2021" and own.standard == city
    with pytest.raises(UserError, match="không áp dụng trong năm 2026"):
        actions.do_start_round(officer_a, ward_a, 2026, city)
    with pytest.raises(UserError, match="chuẩn riêng của tỉnh mã 79"):
        actions.do_start_round(hcm_admin, hanoi_ward, 2025, city)
