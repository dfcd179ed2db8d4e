"""A count reported quarter by quarter is judged at its pace through the year, and only where it is set.

A city plan asking only for quarterly reports sets 16,000 new jobs ("Số việc làm mới") for 2026. In the first
quarter the city's wards found 4,000 between them: a quarter of the year's goal, on course. Before, the city read
"Chậm tiến độ" until December, because three months were compared with twelve. The 16,000 is the city's, so a
ward's own part of it is shown but not judged against it, and a ward is not asked to explain missing it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import docx
import pytest
import time_machine
from django.test import Client

from ansinh.plans.models import ReportingDuty
from ansinh.reporting.actions import do_link_target
from ansinh.reporting.cycles import generate_cycles
from tests.reporting.factories import approved, catalogue, make_plan, make_target

pytestmark = pytest.mark.django_db


def words(html: bytes) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html.decode()).split())


@pytest.fixture(params=[(2500, 1500)], ids=['on-course'])
def quarterly_jobs(request: Any, hcm: Any, ward_a: Any, ward_b: Any, settings: Any) -> Any:
    settings.COVERAGE_MIN_PERCENT = 50
    indicators = catalogue()
    plan = make_plan()
    ReportingDuty.objects.filter(plan=plan).update(frequency="quarterly", deadline_day=20, deadline_month=None)
    plan.area = hcm
    plan.save()
    target = make_target(plan, "Số việc làm mới", 16000, 2026, unit="việc làm", comparator=">=", milestones={2026: 16000})
    do_link_target(None, target, indicators["NEW_JOBS"])
    first = next(c for c in generate_cycles(plan, [2026]) if c.kind == "quarterly" and c.period_end.month == 3)
    with time_machine.travel(dt.datetime(2026, 3, 20, 3, tzinfo=dt.UTC), tick=False):
        approved(first, ward_a, [{"indicator": "NEW_JOBS", "value": request.param[0]}])
        approved(first, ward_b, [{"indicator": "NEW_JOBS", "value": request.param[1]}])
    return plan


def test_the_citys_first_quarter_is_judged_against_a_quarter_of_its_year(
    client: Client, quarterly_jobs: Any, admin_user: Any
) -> None:
    client.force_login(admin_user)
    with time_machine.travel(dt.datetime(2026, 4, 10, 3, tzinfo=dt.UTC), tick=False):
        city = words(client.get(f"/bao-cao-dinh-ky/tien-do/{quarterly_jobs.pk}/?don_vi=79").content)
        ward = words(client.get(f"/bao-cao-dinh-ky/tien-do/{quarterly_jobs.pk}/?don_vi=26740").content)
    assert "4.000" in city and "đến báo cáo quý I năm 2026" in city and "Đúng tiến độ" in city, city
    assert "Chậm tiến độ" not in city
    assert "2.500" in ward and "Không đánh giá riêng" in ward and "Chậm tiến độ" not in ward


@pytest.mark.parametrize("quarterly_jobs", [(1000, 200)], ids=["behind"], indirect=True)
def test_a_city_a_third_of_its_pace_is_behind(client: Client, quarterly_jobs: Any, admin_user: Any) -> None:
    client.force_login(admin_user)
    with time_machine.travel(dt.datetime(2026, 4, 10, 3, tzinfo=dt.UTC), tick=False):
        city = words(client.get(f"/bao-cao-dinh-ky/tien-do/{quarterly_jobs.pk}/?don_vi=79").content)
    assert "1.200" in city and "Chậm tiến độ" in city


def test_the_dashboard_and_the_annual_report_say_the_same(client: Client, quarterly_jobs: Any, admin_user: Any) -> None:
    client.force_login(admin_user)
    with time_machine.travel(dt.datetime(2026, 4, 10, 3, tzinfo=dt.UTC), tick=False):
        board = words(client.get(f"/bao-cao/bang-dieu-khien/{quarterly_jobs.pk}/?unit=79").content)
        built = client.post(f"/bao-cao/ke-hoach/{quarterly_jobs.pk}/bao-cao/2026/", {"kind": "annual", "format": "docx"})
    assert "Phường Sài Gòn 2.500 Không đánh giá riêng 0/0" in board and "Phường Bến Thành 1.500 Không đánh giá riêng 0/0" in board
    assert "Số việc làm mới Đúng tiến độ Thực hiện 2026 4.000 việc làm đến báo cáo quý I năm 2026" in board  # the city's card
    assert built.status_code == 200
    body = docx.Document(io.BytesIO(built.content))
    text = "\n".join(p.text for p in body.paragraphs)
    cells = [" ".join(c.text.split()) for t in body.tables for r in t.rows for c in r.cells]
    assert any("4.000 (đến báo cáo quý I năm 2026)" in c for c in cells), cells
    assert "1/1 chỉ tiêu có số liệu đã đạt hoặc đúng tiến độ" in text, text


def test_a_ward_is_not_asked_to_explain_missing_the_citys_count_but_the_city_is_for_its_quarter(
    quarterly_jobs: Any, hcm: Any
) -> None:
    from ansinh.reporting.actions import do_open_submission, do_save_values
    from ansinh.reporting.models import ReportingCycle
    from ansinh.reporting.validation import ValidationFailed

    second = ReportingCycle.objects.get(plan=quarterly_jobs, kind="quarterly", period_end__month=6)
    with time_machine.travel(dt.datetime(2026, 6, 20, 3, tzinfo=dt.UTC), tick=False):
        own = do_open_submission(None, second, hcm)
        with pytest.raises(ValidationFailed) as refused:
            do_save_values(None, own, [{"indicator": "NEW_JOBS", "value": 3000}])
    assert "Chưa đạt mốc năm 2026 chia theo quý (3/12 mốc năm) (từ 4.000 việc làm trở lên)" in str(refused.value)
    assert not own.values.exists()  # refused: nothing of the quarter's figure was stored


def test_an_administrator_opens_a_city_plans_progress_on_the_city_not_the_country(
    client: Client, quarterly_jobs: Any, admin_user: Any, vn: Any
) -> None:
    client.force_login(admin_user)
    with time_machine.travel(dt.datetime(2026, 4, 10, 3, tzinfo=dt.UTC), tick=False):
        page = words(client.get(f"/bao-cao-dinh-ky/tien-do/{quarterly_jobs.pk}/").content)
    assert "Đơn vị: Thành phố Hồ Chí Minh" in page and "Đúng tiến độ" in page, page[:600]
