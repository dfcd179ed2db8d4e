"""The audit viewer at /quan-tri/nhat-ky/: administrators see everything, a supervisor only the users of
their own city, officers nothing; filters by user, object, action and date; before/after shown; paged;
the CSV export escapes formula cells. Cast: ``hcm_admin``, ``supervisor`` (HCMC), ``officer_a`` (must not)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
import time_machine
from django.test import Client

from ansinh.core.audit_view import PAGE_SIZE
from ansinh.core.models import AuditEvent, audit
from tests.conftest import _officer

pytestmark = pytest.mark.django_db
URL = "/quan-tri/nhat-ky/"


@pytest.fixture
def events(officer_a: Any, hanoi_ward: Any, django_user_model: Any) -> dict[str, Any]:
    hanoi_officer = _officer(django_user_model, "hanoi_officer", "Hà Văn Nội", "commune", hanoi_ward)
    with time_machine.travel(dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC), tick=False):
        saigon = audit(officer_a, "reporting.save_values", object_type="reporting.Submission", object_id="7",
                       summary="=HYPERLINK(\"http://evil\")", before={"POOR_RATE": 1.2}, after={"POOR_RATE": 1.1})
    with time_machine.travel(dt.datetime(2026, 3, 5, 3, 0, tzinfo=dt.UTC), tick=False):
        hanoi = audit(hanoi_officer, "reporting.submit", object_type="reporting.Submission", object_id="9",
                      summary="Nộp báo cáo", before={"status": "draft"}, after={"status": "submitted"})
    return {"saigon": saigon, "hanoi": hanoi}


def test_a_supervisor_also_sees_what_anyone_did_to_a_submission_of_their_city(
    supervisor: Any, hcm_admin: Any, events: Any, ward_a: Any, ward_b: Any, hanoi_ward: Any
) -> None:
    from tests.api.fixtures import make_world

    world = make_world()
    audit(None, "reporting.recompute", world.sub_a, summary="tính lại")
    audit(hcm_admin, "reporting.return", world.sub_b, summary="trả lại")
    html = _as(supervisor).get(URL).content.decode()
    assert "reporting.recompute" in html and "reporting.return" in html and "reporting.submit" not in html


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_administrator_sees_every_event_with_before_and_after(hcm_admin: Any, events: Any) -> None:
    html = _as(hcm_admin).get(URL).content.decode()
    assert "reporting.save_values" in html and "reporting.submit" in html
    assert "&quot;POOR_RATE&quot;: 1.2" in html and "&quot;status&quot;: &quot;submitted&quot;" in html


def test_a_supervisor_sees_only_the_events_of_users_in_their_city(supervisor: Any, events: Any) -> None:
    html = _as(supervisor).get(URL).content.decode()
    assert "reporting.save_values" in html and "reporting.submit" not in html
    rows = list(csv.reader(io.StringIO(_as(supervisor).get(URL + "csv").getvalue().decode().lstrip("\ufeff"))))
    assert [r[2] for r in rows[1:]] == ["reporting.save_values"]


def test_an_officer_may_not_read_the_audit_log(officer_a: Any, events: Any) -> None:
    for url in (URL, URL + "csv"):
        response = _as(officer_a).get(url)
        assert response.status_code == 403 and "Chỉ quản trị viên và cán bộ giám sát" in response.content.decode()


def test_a_visitor_is_sent_to_sign_in(client: Client, events: Any) -> None:
    assert client.get(URL)["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("user=officer_a", "reporting.save_values", "reporting.submit"),
        ("action=submit", "reporting.submit", "reporting.save_values"),
        ("object_type=reporting.Submission&object_id=9", "reporting.submit", "reporting.save_values"),
        ("date_from=04/03/2026", "reporting.submit", "reporting.save_values"),
        ("date_to=2026-03-03", "reporting.save_values", "reporting.submit"),
    ],
)
def test_the_filters_narrow_the_list(hcm_admin: Any, events: Any, query: str, shown: str, hidden: str) -> None:
    html = _as(hcm_admin).get(f"{URL}?{query}").content.decode()
    assert shown in html and hidden not in html


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("date_from=32/13/2026", "Ngày phải có dạng ngày/tháng/năm"),
        ("date_from=05/03/2026&date_to=01/03/2026", "phải sau hoặc bằng"),
        ("user=" + "x" * 200, "Quá dài"),
        ("date_to=" + "9" * 30, "quá lớn"),
    ],
)
def test_a_bad_filter_is_refused_in_vietnamese(hcm_admin: Any, events: Any, query: str, words: str) -> None:
    for url in (URL, URL + "csv"):
        response = _as(hcm_admin).get(f"{url}?{query}")
        assert response.status_code == 400 and words in response.content.decode()


def test_the_list_is_paged_with_a_bounded_number_of_queries(
    hcm_admin: Any, officer_a: Any, django_assert_max_num_queries: Any
) -> None:
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=officer_a, action="x.write", object_type="t", object_id=str(i)) for i in range(PAGE_SIZE * 2 + 3)
    )
    client = _as(hcm_admin)
    with django_assert_max_num_queries(8):
        html = client.get(URL + "?trang=3").content.decode()
    assert "trang 3/3" in html and html.count("<code>x.write</code>") == 3
    assert client.get(URL + "?trang=khong-phai-so").status_code == 200


def test_the_csv_export_escapes_formula_cells(hcm_admin: Any, events: Any) -> None:
    response = _as(hcm_admin).get(URL + "csv?user=officer_a")
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.getvalue().decode().lstrip("\ufeff"))))
    assert rows[0][:3] == ["Thời điểm", "Người thực hiện", "Hành động"]
    assert rows[1][0] == "02/03/2026 10:00:00" and rows[1][5] == "'=HYPERLINK(\"http://evil\")"
    assert '"POOR_RATE": 1.2' in rows[1][6]


def test_the_viewer_is_read_only(hcm_admin: Any, events: Any) -> None:
    client = _as(hcm_admin)
    before = AuditEvent.objects.count()
    assert client.post(URL, {"action": "x"}).status_code == 405
    assert AuditEvent.objects.count() == before


def test_a_filter_that_matches_nothing_says_so(hcm_admin: Any, events: Any) -> None:
    html = _as(hcm_admin).get(URL + "?user=khong_co_ai").content.decode()
    assert "<p>0 thao tác" in html and "Không có thao tác nào khớp bộ lọc." in html and "Tải CSV" in html
