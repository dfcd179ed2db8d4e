"""The dashboard pages: scope, status labels, filters, drill-down and the emulation ranking."""

from __future__ import annotations

import re
from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.reports.dashboard_fixtures import DashboardWorld, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today() -> Any:
    with time_machine.travel("2026-01-15 09:00 +07:00", tick=False):
        yield


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any) -> DashboardWorld:
    return build_world(hcm, ward_a, ward_b)


def _get(client: Client, user: Any, url: str) -> tuple[int, str]:
    client.force_login(user)
    response = client.get(url)
    return response.status_code, response.content.decode()


def _row(html: str, table_class: str, label: str) -> str:
    table = html[html.index(f'<table class="{table_class}">'):]
    table = table[: table.index("</table>")]
    return next(r for r in table.split("<tr>") if label in r)


def _url(world: DashboardWorld, query: str = "") -> str:
    return f"/bao-cao/bang-dieu-khien/{world.plan.pk}/" + (f"?{query}" if query else "")


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, world: DashboardWorld) -> None:
    response = client.get(_url(world))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_city_dashboard_shows_a_card_with_a_chart_for_each_linked_target(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    status, html = _get(client, hcm_standing, _url(world, "unit=79"))
    assert status == 200
    assert "Thành phố Hồ Chí Minh · năm 2025" in html
    assert html.count('<svg class="chart"') == 2
    assert "<title id=\"bieu-do-" in html and "<desc id=\"bieu-do-" in html
    assert "Bảng số liệu" in html and "Dự báo" in html
    assert "1 chỉ tiêu chưa gắn với danh mục" in html


def test_every_status_is_printed_as_text_not_only_as_colour(client: Client, hcm_standing: Any, world: DashboardWorld) -> None:
    _, html = _get(client, hcm_standing, _url(world, "unit=79"))
    # Poverty 0.6% against a 0.5% milestone (lower is better): at risk? no, 20% short: off track.
    # Insurance 95.2% ≥ final target 95%: achieved.
    assert re.search(r'status status-off_track">.*?Chậm tiến độ</span>', html)
    assert re.search(r'status status-achieved">.*?Đã đạt</span>', html)


def test_a_commune_officer_cannot_open_another_communes_dashboard(
    client: Client, officer_a: Any, world: DashboardWorld
) -> None:
    status, html = _get(client, officer_a, _url(world, "unit=26743"))
    assert status == 404
    assert "Phường Bến Thành" not in html


def test_a_commune_officer_lands_on_their_own_commune(client: Client, officer_a: Any, world: DashboardWorld) -> None:
    status, html = _get(client, officer_a, _url(world))
    assert status == 200
    assert "<h1>Phường Sài Gòn · năm 2025</h1>" in html
    assert "Phường Bến Thành" not in html and "Thành phố Hồ Chí Minh</option>" not in html


def test_the_city_dashboard_drills_down_to_each_ward_with_its_value_and_status(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    _, html = _get(client, hcm_standing, _url(world, f"unit=79&chi_tieu={world.poverty.pk}"))
    table = html[html.index('<table class="drill">'):]
    table = table[: table.index("</table>")]
    assert f'href="?unit=26740&amp;nam=2025&amp;chi_tieu={world.poverty.pk}">Phường Sài Gòn</a>' in table
    assert f'href="?unit=26743&amp;nam=2025&amp;chi_tieu={world.poverty.pk}">Phường Bến Thành</a>' in table
    sai_gon = _row(html, "drill", "Phường Sài Gòn")
    assert "0,4" in sai_gon and "Đã đạt" in sai_gon and "2/2" in sai_gon and "Đã gửi, đúng hạn" in sai_gon
    ben_thanh = _row(html, "drill", "Phường Bến Thành")
    assert "1,2" in ben_thanh and "Chậm tiến độ" in ben_thanh and "0/2" in ben_thanh and "Đã gửi" in ben_thanh and "Nộp muộn 3 ngày" in ben_thanh


def test_the_year_filter_shows_the_earlier_cycle(client: Client, hcm_standing: Any, world: DashboardWorld) -> None:
    _, html = _get(client, hcm_standing, _url(world, f"unit=79&nam=2024&chi_tieu={world.poverty.pk}"))
    assert "· năm 2024</h1>" in html
    assert "0,8" in _row(html, "drill", "Phường Sài Gòn") and "1,6" in _row(html, "drill", "Phường Bến Thành")


def test_the_ranking_puts_the_ward_that_meets_milestones_and_reports_on_time_first(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    _, html = _get(client, hcm_standing, _url(world, "unit=79"))
    ranking = html[html.index('<table class="ranking">'):]
    assert ranking.index("Phường Sài Gòn") < ranking.index("Phường Bến Thành")
    first, second = _row(html, "ranking", "Phường Sài Gòn"), _row(html, "ranking", "Phường Bến Thành")
    assert re.search(r'<td class="num">1</td>', first) and re.search(r'<td class="num">2</td>', second)
    assert '<td class="num">2/2</td><td class="num">100%</td>' in first
    assert '<td class="num">0/2</td><td class="num">0%</td>' in second


def test_the_task_board_groups_tasks_by_status_and_lead_agency(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    _, html = _get(client, hcm_standing, _url(world, "unit=79"))
    board = html[html.index('<div class="board">'):]
    done = board[board.index('aria-label="Hoàn thành đúng hạn"'):board.index('aria-label="Hoàn thành quá hạn"')]
    assert "Rà soát hộ nghèo" in done and "Chủ trì: Sở Y tế" in done
    overdue = board[board.index('aria-label="Quá hạn"'):]
    assert "Mở rộng diện trợ giúp xã hội" in overdue.split("</section>")[0]
    assert "<th scope=\"row\">Sở Nội vụ</th>" in html


def test_completeness_and_timeliness_count_the_wards_per_cycle(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    _, html = _get(client, hcm_standing, _url(world, "unit=79"))
    row = _row(html, "cycles", "Báo cáo năm 2025")
    assert "20/12/2025" in row
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["2", "2", "1"]
    assert "100%" in row and "50%" in row


@pytest.mark.parametrize("query", ["nam=abc", "nam=1999", "level=khong-co", "chi_tieu=xyz", "unit=79&nam=%00"])
def test_bad_filter_values_fall_back_to_the_defaults(
    client: Client, hcm_standing: Any, world: DashboardWorld, query: str
) -> None:
    status, html = _get(client, hcm_standing, _url(world, query))
    assert status == 200 and "Thành phố Hồ Chí Minh · năm 2025" in html


def test_an_unknown_unit_code_is_not_found(
    client: Client, hcm_standing: Any, world: DashboardWorld
) -> None:
    status, _ = _get(client, hcm_standing, _url(world, "unit=99999"))
    assert status == 404


def test_an_officer_without_any_unit_is_told_so(client: Client, bob: Any, world: DashboardWorld) -> None:
    status, html = _get(client, bob, _url(world))
    assert status == 403 and "chưa được giao phạm vi đơn vị hành chính" in html


def test_an_unknown_plan_is_not_found(client: Client, hcm_standing: Any, world: DashboardWorld) -> None:
    status, _ = _get(client, hcm_standing, "/bao-cao/bang-dieu-khien/999999/")
    assert status == 404


def test_the_index_lists_active_plans(client: Client, bob: Any, world: DashboardWorld) -> None:
    status, html = _get(client, bob, "/bao-cao/bang-dieu-khien/")
    assert status == 200 and f'href="/bao-cao/bang-dieu-khien/{world.plan.pk}/"' in html


def test_an_admin_lands_on_the_city_that_reports_rather_than_the_country(
    client: Client, hcm_admin: Any, world: DashboardWorld
) -> None:
    status, html = _get(client, hcm_admin, _url(world))
    assert status == 200 and "<h1>Thành phố Hồ Chí Minh · năm 2025</h1>" in html


def test_an_earlier_version_of_the_city_is_not_listed_as_its_child(
    client: Client, hcm_standing: Any, world: DashboardWorld, vn: Any
) -> None:
    import datetime as dt

    from ansinh.geo.models import AdministrativeUnit

    AdministrativeUnit.objects.create(
        code="79", name="Thành phố Hồ Chí Minh (trước 1/7/2025)", level="province", parent=vn,
        valid_from=dt.date(2008, 1, 1), valid_to=dt.date(2025, 7, 1),
    )
    _, html = _get(client, hcm_standing, _url(world, "unit=79"))
    assert "Đơn vị trực thuộc: xã, phường, đặc khu (2)" in html
    assert "trước 1/7/2025)</a>" not in html


def test_the_city_dashboard_does_not_query_once_per_ward(client: Client, hcm_standing: Any, world: DashboardWorld, hcm: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.models import AggregateValue, Submission

    def queries() -> tuple[int, str]:
        client.force_login(hcm_standing)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(_url(world, f"unit={hcm.code}"))
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    small, _ = queries()
    indicator = world.poverty.indicator_link.indicator
    for n in range(6):
        ward = AdministrativeUnit.objects.create(
            code=f"2699{n}", name=f"Phường Thử {n}", level="commune", parent=hcm, valid_from=hcm.valid_from
        )
        for cycle in world.cycles.values():
            AggregateValue.objects.create(cycle=cycle, indicator=indicator, unit=ward, value=0.7)
            Submission.objects.create(cycle=cycle, unit=ward, status="approved")
    count, html = queries()
    assert "Phường Thử 5" in html and count == small
