"""A consolidated report names its area as a sentence writes it (Decree 30/2020): "trên địa bàn phường Sài Gòn",
not the unit list's "Phường Sài Gòn"; "Thành phố Hồ Chí Minh", named after a person, keeps its capital."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.reports.report_data import collect_report_data
from tests.reporting.factories import make_plan

pytestmark = pytest.mark.django_db


def general_of(area: Any) -> str:
    plan = make_plan(level="commune" if area.level == "commune" else "province")
    plan.area = area
    plan.save(update_fields=["area"])
    return collect_report_data(plan, 2025, unit=area, today=dt.date(2025, 12, 20)).general[0]


def test_a_wards_report_names_it_with_a_lower_case_kind(ward_a: Any) -> None:
    assert "các cơ quan, đơn vị trên địa bàn phường Sài Gòn đã triển khai" in general_of(ward_a)


def test_the_citys_report_keeps_the_capital_of_a_place_named_after_a_person(hcm: Any) -> None:
    assert "trên địa bàn Thành phố Hồ Chí Minh đã triển khai" in general_of(hcm)


def test_a_plan_without_targets_is_not_told_to_look_at_a_targets_table(hcm: Any) -> None:
    """A directive or a 100-day plan sets no figures: the report says so, and points to the tasks."""
    plan = make_plan()
    plan.area = hcm
    plan.save(update_fields=["area"])
    general = collect_report_data(plan, 2025, unit=hcm, today=dt.date(2025, 12, 20)).general
    assert general[1] == ("Kỳ báo cáo này chưa có số liệu. Kế hoạch không giao chỉ tiêu định lượng; báo cáo nêu kết quả "
                          "thực hiện các nhiệm vụ.")
    assert not any("bảng chỉ tiêu dưới đây" in p for p in general)
