"""No lost updates: a save made from an older version of a report is refused and overwrites nothing.

The cast: ``officer_a`` and ``colleague`` (a second officer of Phường Sài Gòn) open the same report;
whoever saves second, from the form they read before the first save, is refused with what changed.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from ansinh.accounts.models import RoleAssignment
from ansinh.reporting.actions import do_save_task_progress, do_save_values, do_submit
from ansinh.reporting.excel import DATA_SHEET, META_SHEET
from ansinh.reporting.models import IndicatorValue, Submission, TaskProgress
from ansinh.reporting.versions import SubmissionChanged
from tests.api.fixtures import World, make_world
from tests.reporting.test_web_cast import ROOT, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def colleague(django_user_model: Any, ward_a: Any) -> Any:
    user = django_user_model.objects.create(username="colleague", full_name="Nguyễn Văn Hai")
    RoleAssignment.objects.create(user=user, role="commune", unit=ward_a)
    return user


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def read_version(html: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', html)
    assert match, "the form carries no version"
    return match.group(1)


def housing() -> IndicatorValue | None:
    return IndicatorValue.objects.filter(indicator__code="SOCIAL_HOUSING").first()


def test_a_second_save_from_an_older_form_does_not_erase_the_first(world: World, officer_a: Any, colleague: Any) -> None:
    a, b = signed_in(officer_a), signed_in(colleague)
    url = f"{ROOT}/{world.sub_a.pk}/"
    version_a = read_version(a.get(url).content.decode())
    version_b = read_version(b.get(url).content.decode())
    assert version_a == version_b == "1"
    # A saves the housing figure with an explanation.
    first = a.post(url, form_data(version=version_a, **{
        "ind-0-numerator": "", "ind-0-denominator": "", "ind-1-value": "100", "ind-1-comment": "Số liệu Ban quản lý dự án",
    }))
    assert first.status_code == 302
    # B, from the form read before A's save, enters only the poverty rate.
    second = b.post(url, form_data(version=version_b, **{"ind-1-value": "", "ind-1-comment": ""}))
    html = second.content.decode()
    assert second.status_code == 409
    assert "đã được người khác sửa sau khi bạn mở" in html and "Không có gì được lưu" in html
    assert "Giá trị — Số căn nhà ở xã hội hoàn thành (Phạm Văn Sài): trống → 100" in html
    assert "Giải trình — Số căn nhà ở xã hội hoàn thành (Phạm Văn Sài): trống → Số liệu Ban quản lý dự án" in html
    stored = housing()
    assert stored is not None and stored.value == 100 and stored.comment == "Số liệu Ban quản lý dự án"
    assert not IndicatorValue.objects.filter(indicator__code="POOR_RATE").exists()
    # The page B gets back shows today's figures and today's version: B can now add the rate.
    assert read_version(html) == "2" and 'name="ind-1-value" value="100"' in html
    third = b.post(url, form_data(version="2", **{"ind-1-value": "100", "ind-1-comment": "Số liệu Ban quản lý dự án"}))
    assert third.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="POOR_RATE").numerator == 12
    assert housing().value == 100  # type: ignore[union-attr]


def test_a_form_without_its_version_is_refused_and_stores_nothing(world: World, officer_a: Any) -> None:
    data = form_data()
    del data["version"]
    response = signed_in(officer_a).post(f"{ROOT}/{world.sub_a.pk}/", data)
    assert response.status_code == 400 and "Thiếu phiên bản" in response.content.decode()
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize("bad", ["abc", "-1", "0", "1" * 30, "２"])
def test_a_malformed_version_is_refused_in_vietnamese(world: World, officer_a: Any, bad: str) -> None:
    response = signed_in(officer_a).post(f"{ROOT}/{world.sub_a.pk}/", form_data(version=bad))
    # A number longer than any integer column is stopped earlier by core.middleware.BadInputGuard,
    # with its own Vietnamese message naming the field.
    expected = "quá lớn" if len(bad) > 19 else "Phiên bản dữ liệu"
    assert response.status_code == 400 and expected in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_submitting_from_an_older_form_is_refused(world: World, officer_a: Any, colleague: Any) -> None:
    do_save_values(colleague, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    response = signed_in(officer_a).post(f"{ROOT}/{world.sub_a.pk}/", form_data(submit="1"))
    assert response.status_code == 409
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.DRAFT and housing().value == 50  # type: ignore[union-attr]


def test_task_progress_from_an_older_version_is_refused_with_what_changed(world: World, officer_a: Any, colleague: Any) -> None:
    do_save_task_progress(colleague, world.sub_a, [{"task": world.task.pk, "status": "in_progress", "result": "Đã rà soát 3 khu phố"}])
    with pytest.raises(SubmissionChanged) as refused:
        do_save_task_progress(officer_a, world.sub_a, [{"task": world.task.pk, "status": "not_started"}], expected_version=1)
    assert "Kết quả — Nhiệm vụ 1 (Nguyễn Văn Hai): trống → Đã rà soát 3 khu phố" in refused.value.message
    assert "Tình trạng — Nhiệm vụ 1 (Nguyễn Văn Hai): Chưa triển khai → Đang thực hiện" in refused.value.message
    assert TaskProgress.objects.get().status == "in_progress"


def test_every_write_moves_the_version_on_and_an_unchanged_save_does_not(world: World, officer_a: Any) -> None:
    row = [{"indicator": "SOCIAL_HOUSING", "value": 50}]
    do_save_values(officer_a, world.sub_a, row, expected_version=1)
    do_save_values(officer_a, world.sub_a, row, expected_version=2)  # nothing changed: still 2
    do_submit(officer_a, world.sub_a, expected_version=2)
    world.sub_a.refresh_from_db()
    assert world.sub_a.version == 3


# --- API ---------------------------------------------------------------------------------------


def api_put(client: Client, url: str, body: Any, **headers: str) -> Any:
    return client.put(url, json.dumps(body), content_type="application/json", headers=headers)


def test_the_api_gives_the_version_and_refuses_an_older_if_match(world: World, officer_a: Any, colleague: Any) -> None:
    api = signed_in(officer_a)
    read = api.get(f"/api/submissions/{world.sub_a.pk}")
    assert read.json()["version"] == 1 and read["ETag"] == '"1"'
    do_save_values(colleague, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 100, "comment": "Ban quản lý"}])
    url = f"/api/submissions/{world.sub_a.pk}/values"
    body = [{"indicator": "POOR_RATE", "numerator": 12, "denominator": 1000}]
    refused = api_put(api, url, body, **{"If-Match": read["ETag"]})
    assert refused.status_code == 409
    answer = refused.json()
    assert "đã được người khác sửa" in answer["detail"] and answer["current_version"] == 2
    assert {"where": "Số căn nhà ở xã hội hoàn thành (Nguyễn Văn Hai)", "field": "Giá trị", "old": "trống", "new": "100"} in answer["changes"]
    assert not IndicatorValue.objects.filter(indicator__code="POOR_RATE").exists()
    accepted = api_put(api, f"{url}?version=2", body)
    assert accepted.status_code == 200 and accepted.json()["version"] == 3 and accepted["ETag"] == '"3"'


@pytest.mark.parametrize(("header", "query"), [("abc", ""), ('"1"', "?version=2"), ("", "?version=" + "9" * 23)])
def test_the_api_refuses_a_malformed_version_with_422(world: World, officer_a: Any, header: str, query: str) -> None:
    headers = {"If-Match": header} if header else {}
    response = api_put(signed_in(officer_a), f"/api/submissions/{world.sub_a.pk}/values{query}", [{"indicator": "SOCIAL_HOUSING", "value": 5}], **headers)
    body = response.json()
    # A number longer than any integer column is stopped earlier by core.middleware.BadInputGuard,
    # which names the parameter in its per-field errors.
    said = " ".join([body["detail"], *(e["message"] for e in body.get("errors", []))]).lower()
    assert response.status_code == 422 and ("phiên bản" in said or "«version» quá lớn" in said)
    assert not IndicatorValue.objects.exists()


# --- Excel -------------------------------------------------------------------------------------


def test_an_excel_template_filled_from_an_older_version_is_refused(world: World, officer_a: Any, colleague: Any) -> None:
    client = signed_in(officer_a)
    data = client.get(f"{ROOT}/{world.sub_a.pk}/excel/").content
    wb = load_workbook(io.BytesIO(data))
    wb[DATA_SHEET]["F6"], wb[DATA_SHEET]["G6"] = 12, 1000
    out = io.BytesIO()
    wb.save(out)
    do_save_values(colleague, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 100}])
    response = client.post(f"{ROOT}/{world.sub_a.pk}/excel/tai-len/", {"excel-file": SimpleUploadedFile("bc.xlsx", out.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400 and "đã được người khác sửa" in html and "tải mẫu Excel mới" in html
    assert "trống → 100" in html
    assert not IndicatorValue.objects.filter(indicator__code="POOR_RATE").exists() and housing().value == 100  # type: ignore[union-attr]


def test_an_excel_template_whose_hidden_version_was_tampered_with_is_refused(world: World, officer_a: Any) -> None:
    client = signed_in(officer_a)
    wb = load_workbook(io.BytesIO(client.get(f"{ROOT}/{world.sub_a.pk}/excel/").content))
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "submission_version":
            row[1].value = "mới nhất"
    wb[DATA_SHEET]["E7"] = 45
    out = io.BytesIO()
    wb.save(out)
    response = client.post(f"{ROOT}/{world.sub_a.pk}/excel/tai-len/", {"excel-file": SimpleUploadedFile("bc.xlsx", out.getvalue())})
    assert response.status_code == 400 and "thiếu phiên bản báo cáo" in response.content.decode()
    assert not IndicatorValue.objects.exists()
