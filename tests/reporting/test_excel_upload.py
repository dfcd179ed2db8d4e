"""Uploading a filled template: per-cell Vietnamese errors, and nothing stored unless every cell is valid."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook, load_workbook

from ansinh.core.models import AuditEvent
from ansinh.geo.models import Agency
from ansinh.reporting.actions import do_approve, do_open_submission, do_save_values, do_submit
from ansinh.reporting.excel import DATA_SHEET
from ansinh.reporting.models import IndicatorValue, ReportingCycle
from tests.api.fixtures import World, make_world
from tests.reporting.factories import REFORM, annual_cycle

pytestmark = pytest.mark.django_db
ROOT = "/bao-cao-dinh-ky"
POOR, HOUSING = 6, 7  # template rows of POOR_RATE and SOCIAL_HOUSING


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def template(client: Client, submission_id: int) -> bytes:
    response = client.get(f"{ROOT}/{submission_id}/excel/")
    assert response.status_code == 200
    return response.content


def filled(data: bytes, edit: Callable[[Any], None]) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    edit(wb[DATA_SHEET])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def good(ws: Any) -> None:
    ws[f"F{POOR}"], ws[f"G{POOR}"], ws[f"H{POOR}"] = 12, 1000, "Số chính thức"
    ws[f"E{HOUSING}"], ws[f"I{HOUSING}"] = 45, "Số liệu của Ban quản lý dự án"


def upload(client: Client, submission_id: int, data: bytes, name: str = "bao-cao.xlsx") -> Any:
    return client.post(f"{ROOT}/{submission_id}/excel/tai-len/", {"excel-file": SimpleUploadedFile(name, data)})


def errors_of(response: Any) -> list[str]:
    assert response.status_code == 400
    return re.findall(r'<li class="field-error">(.*?)</li>', response.content.decode())


@pytest.fixture
def signed_in(client: Client, officer_a: Any) -> Client:
    client.force_login(officer_a)
    return client


def test_a_valid_upload_is_saved_through_the_save_action(signed_in: Client, world: World) -> None:
    response = upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), good))
    assert response.status_code == 302
    values = {v.indicator.code: v for v in IndicatorValue.objects.filter(submission=world.sub_a)}
    assert values["POOR_RATE"].value == pytest.approx(1.2) and values["POOR_RATE"].status == "final"
    assert values["SOCIAL_HOUSING"].value == 45 and values["SOCIAL_HOUSING"].comment == "Số liệu của Ban quản lý dự án"
    assert AuditEvent.objects.filter(action="reporting.save_values", object_id=str(world.sub_a.pk)).count() == 1
    html = signed_in.get(response["Location"]).content.decode()
    assert "Đã nhập số liệu của 2 chỉ tiêu từ tệp Excel." in html


def test_numbers_typed_as_vietnamese_text_are_read(signed_in: Client, world: World) -> None:
    def edit(ws: Any) -> None:
        ws[f"F{POOR}"], ws[f"G{POOR}"] = "12,5", "1.000"
        ws[f"E{HOUSING}"] = "45"

    assert upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)).status_code == 302
    assert IndicatorValue.objects.get(indicator__code="POOR_RATE").numerator == 12.5


def test_every_bad_cell_is_reported_and_nothing_is_stored(signed_in: Client, world: World) -> None:
    do_save_values(None, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 41}])

    def edit(ws: Any) -> None:
        good(ws)
        ws[f"E{HOUSING}"] = "bốn lăm"
        ws[f"G{POOR}"] = "nghìn"
        ws[f"H{POOR}"] = "đoán"

    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)))
    assert errors == [
        f"Ô G{POOR}: mẫu số phải là số.",
        f"Ô H{POOR}: tình trạng số liệu phải là “Ước thực hiện” hoặc “Số chính thức”.",
        f"Ô E{HOUSING}: giá trị phải là số.",
    ]
    assert [v.value for v in IndicatorValue.objects.all()] == [41]


def test_a_numerator_above_the_denominator_is_reported_on_its_cell(signed_in: Client, world: World) -> None:
    def edit(ws: Any) -> None:
        good(ws)
        ws[f"F{POOR}"] = 2000

    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)))
    assert errors == [f"Ô F{POOR}: tử số không được lớn hơn mẫu số."]
    assert not IndicatorValue.objects.exists()


def test_a_missed_milestone_without_a_comment_is_reported_on_the_comment_cell(signed_in: Client, world: World) -> None:
    def edit(ws: Any) -> None:
        ws[f"E{HOUSING}"] = 10

    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)))
    assert len(errors) == 1 and errors[0].startswith(f"Ô I{HOUSING}: chưa đạt mốc năm 2025")
    assert not IndicatorValue.objects.exists()


def test_formulas_are_refused_cell_by_cell(signed_in: Client, world: World) -> None:
    def edit(ws: Any) -> None:
        good(ws)
        ws[f"E{HOUSING}"] = "=40+5"
        ws[f"I{POOR}"] = '=HYPERLINK("http://x","bấm")'

    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)))
    assert errors == [
        f"Ô I{POOR}: không được dùng công thức; hãy nhập giá trị.",
        f"Ô E{HOUSING}: không được dùng công thức; hãy nhập giá trị.",
    ]
    assert not IndicatorValue.objects.exists()


def test_unknown_and_repeated_codes_are_refused(signed_in: Client, world: World) -> None:
    def edit(ws: Any) -> None:
        good(ws)
        ws["A8"], ws["E8"] = "KHONG_CO", 1
        ws["A9"], ws["E9"] = "SOCIAL_HOUSING", 2
        ws["E10"] = 3

    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, world.sub_a.pk), edit)))
    assert errors == [
        "Ô A8: mã chỉ tiêu “KHONG_CO” không thuộc kỳ báo cáo này.",
        "Ô A9: chỉ tiêu “SOCIAL_HOUSING” đã có ở dòng 7.",
        "Ô A10: thiếu mã chỉ tiêu cho dòng có số liệu.",
    ]


def test_a_template_of_another_commune_is_refused(signed_in: Client, world: World, officer_b: Any) -> None:
    other = Client()
    other.force_login(officer_b)
    data = filled(template(other, world.sub_b.pk), good)
    errors = errors_of(upload(signed_in, world.sub_a.pk, data))
    assert "Mẫu này của đơn vị mã 26743, không phải của Phường Sài Gòn (mã 26740)." in errors
    assert not IndicatorValue.objects.exists()


def test_a_template_of_another_cycle_is_refused(signed_in: Client, world: World, officer_a: Any, ward_a: Any) -> None:
    cycle_2026 = annual_cycle(world.plan, 2026)
    assert isinstance(cycle_2026, ReportingCycle)
    later = do_open_submission(officer_a, cycle_2026, ward_a)
    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, later.pk), good)))
    assert errors[0].startswith("Mẫu này thuộc kỳ báo cáo khác")
    assert not IndicatorValue.objects.exists()


def test_a_template_of_one_agency_is_refused_for_the_units_own_report(
    signed_in: Client, world: World, officer_a: Any, ward_a: Any
) -> None:
    police = Agency.objects.create(code="CA-26740", name="Công an phường Sài Gòn", unit=ward_a, valid_from=REFORM)
    agency_report = do_open_submission(officer_a, world.cycle, ward_a, police)
    errors = errors_of(upload(signed_in, world.sub_a.pk, filled(template(signed_in, agency_report.pk), good)))
    assert errors[0] == "Mẫu này của một cơ quan khác trong cùng đơn vị."
    assert not IndicatorValue.objects.exists()


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _entity_bomb(template: bytes) -> bytes:
    """Our template with its data sheet replaced by a "billion laughs" entity expansion."""
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="6"><c r="I6" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
    )
    source = zipfile.ZipFile(io.BytesIO(template))
    files = {n: source.read(n) for n in source.namelist()}
    files["xl/worksheets/sheet1.xml"] = sheet.encode()
    return _zip(files)


def _plain_workbook() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("bao-cao.csv", lambda t: b"POOR_RATE;12", "không phải tệp Excel .xlsx"),
        ("bao-cao.xlsx", lambda t: "Mã;Giá trị".encode(), "không đúng định dạng Excel .xlsx"),
        ("bao-cao.xlsx", lambda t: t[: len(t) // 2], "bị hỏng hoặc không đọc được"),
        ("bao-cao.xlsx", lambda t: _zip({"hello.txt": b"hi"}), "bị hỏng hoặc không đọc được"),
        ("bao-cao.xlsx", lambda t: _plain_workbook(), "không phải mẫu báo cáo của ansinh"),
        ("bao-cao.xlsx", lambda t: _zip({"xl/workbook.xml": b"<x/>", "xl/vbaProject.bin": b"\0"}), "chứa macro"),
        ("bao-cao.xlsx", _entity_bomb, "bị hỏng hoặc không đọc được"),
    ],
    ids=["csv", "renamed-text", "truncated", "zip-without-workbook", "foreign-workbook", "macro", "entity-bomb"],
)
def test_a_file_that_is_not_our_template_is_refused(
    signed_in: Client, world: World, name: str, make: Callable[[bytes], bytes], message: str
) -> None:
    errors = errors_of(upload(signed_in, world.sub_a.pk, make(template(signed_in, world.sub_a.pk)), name))
    assert len(errors) == 1 and message in errors[0], errors
    assert not IndicatorValue.objects.exists()


def test_an_upload_into_an_approved_report_is_refused(signed_in: Client, world: World) -> None:
    do_save_values(None, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 41}])
    do_approve(None, do_submit(None, world.sub_a))
    data = filled(template(signed_in, world.sub_a.pk), good)
    errors = errors_of(upload(signed_in, world.sub_a.pk, data))
    assert "không sửa được" in errors[0]
    assert [v.value for v in IndicatorValue.objects.all()] == [41]


def test_a_missing_file_is_reported_next_to_the_field(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/excel/tai-len/", {})
    assert response.status_code == 400 and "Hãy chọn tệp Excel để tải lên." in response.content.decode()


def test_an_officer_cannot_upload_into_another_communes_report(
    client: Client, world: World, officer_a: Any, officer_b: Any
) -> None:
    client.force_login(officer_b)
    data = filled(template(client, world.sub_b.pk), good)
    client.force_login(officer_a)
    assert upload(client, world.sub_b.pk, data).status_code == 404
    assert client.get(f"{ROOT}/{world.sub_b.pk}/excel/").status_code == 404
    assert not IndicatorValue.objects.exists()


def test_a_supervisor_downloads_but_cannot_upload(client: Client, world: World, supervisor: Any) -> None:
    client.force_login(supervisor)
    data = filled(template(client, world.sub_b.pk), good)
    assert upload(client, world.sub_b.pk, data).status_code == 403
    assert not IndicatorValue.objects.exists()
