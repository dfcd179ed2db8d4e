"""The Excel template through the API: the same scope and the same per-cell errors as the web page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ansinh.reporting.models import IndicatorValue
from tests.api.fixtures import World, make_world
from tests.api.test_api_cast import as_user
from tests.reporting.test_excel_upload import HOUSING, filled, good

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def url(submission_id: int) -> str:
    return f"/api/submissions/{submission_id}/excel"


def test_an_officer_downloads_and_uploads_their_own_template(world: World, officer_a: Any) -> None:
    client = as_user(officer_a)
    response = client.get(url(world.sub_a.pk))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    data = filled(response.content, good)
    response = client.post(url(world.sub_a.pk), {"file": SimpleUploadedFile("bao-cao.xlsx", data)})
    assert response.status_code == 200
    assert {v["indicator"] for v in response.json()["values"]} == {"POOR_RATE", "SOCIAL_HOUSING"}


def test_a_bad_cell_gives_a_422_naming_the_cell_and_nothing_is_stored(world: World, officer_a: Any) -> None:
    client = as_user(officer_a)

    def edit(ws: Any) -> None:
        good(ws)
        ws[f"E{HOUSING}"] = "nhiều"

    data = filled(client.get(url(world.sub_a.pk)).content, edit)
    response = client.post(url(world.sub_a.pk), {"file": SimpleUploadedFile("bao-cao.xlsx", data)})
    assert response.status_code == 422
    assert response.json()["detail"] == "Tệp Excel chưa được nhập; không có gì được lưu."
    assert [e["message"] for e in response.json()["errors"]] == [f"Ô E{HOUSING}: giá trị phải là số."]
    assert not IndicatorValue.objects.exists()


def test_a_missing_file_is_a_422(world: World, officer_a: Any) -> None:
    response = as_user(officer_a).post(url(world.sub_a.pk), {})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "file: thiếu trường bắt buộc"


def test_an_officer_cannot_export_or_import_another_communes_template(
    world: World, officer_a: Any, officer_b: Any
) -> None:
    data = filled(as_user(officer_b).get(url(world.sub_b.pk)).content, good)
    client = as_user(officer_a)
    assert client.get(url(world.sub_b.pk)).status_code == 404
    assert client.post(url(world.sub_b.pk), {"file": SimpleUploadedFile("b.xlsx", data)}).status_code == 404
    response = client.post(url(world.sub_a.pk), {"file": SimpleUploadedFile("b.xlsx", data)})
    assert response.status_code == 422 and "Mẫu này của đơn vị mã 26743" in response.json()["errors"][0]["message"]
    assert not IndicatorValue.objects.exists()


def test_a_supervisor_exports_but_cannot_import(world: World, supervisor: Any) -> None:
    client = as_user(supervisor)
    response = client.get(url(world.sub_b.pk))
    assert response.status_code == 200
    data = filled(response.content, good)
    assert client.post(url(world.sub_b.pk), {"file": SimpleUploadedFile("b.xlsx", data)}).status_code == 403
    assert not IndicatorValue.objects.exists()
