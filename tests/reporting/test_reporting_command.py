"""``ansinh reporting``: catalogue, cycles and recompute, with bad input refused in Vietnamese."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ansinh.reporting.models import AggregateValue, Indicator, ReportingCycle
from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("reporting", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_catalogue_command_loads_the_seed_once() -> None:
    assert "Đã cập nhật" in run("catalogue")
    assert Indicator.objects.filter(code="POOR_RATE").exists()
    assert "Đã cập nhật 0 chỉ tiêu" in run("catalogue")


def test_the_cycles_command_prints_windows_and_due_dates() -> None:
    plan = make_plan()
    output = run("cycles", str(plan.pk), "2025")
    assert "Báo cáo năm 2025: 15/12/2024–14/12/2025" in output and "05/11/2025" in output
    assert ReportingCycle.objects.filter(plan=plan).count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cycles", "abc", "2025"), "phải là số nguyên dương"),
        (("cycles", "999999", "2025"), "Không có kế hoạch"),
        (("recompute", "--cycle", "x"), "phải là số nguyên dương"),
        (("recompute", "--cycle", "424242"), "Không có kỳ báo cáo"),
    ],
)
def test_bad_arguments_are_refused_with_a_vietnamese_message(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_bad_years_store_nothing() -> None:
    plan = make_plan()
    with pytest.raises(CommandError, match="Năm không hợp lệ"):
        run("cycles", str(plan.pk), "2025", "20x5")
    assert not ReportingCycle.objects.filter(plan=plan).exists()


def test_recompute_rebuilds_the_roll_up(hcm: Any, ward_a: Any) -> None:
    catalogue()
    cycle = annual_cycle(make_plan(), 2025)
    approved(cycle, ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 5}])
    AggregateValue.objects.all().delete()
    assert "Đã tính lại 2 dòng" in run("recompute")
    assert AggregateValue.objects.get(unit=hcm).value == 5
    assert "Đã tính lại 2 dòng" in run("recompute", "--cycle", str(cycle.pk))
    other = annual_cycle(cycle.plan, 2024)
    assert "Đã tính lại 0 dòng" in run("recompute", "--cycle", str(other.pk))  # counts that cycle's rows only
