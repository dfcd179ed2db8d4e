"""The downloaded Excel template: layout, protection, validation lists, metadata, formula safety."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ansinh.reporting.actions import do_save_values
from ansinh.reporting.excel import (
    DANGEROUS_START,
    DATA_SHEET,
    FIRST_ROW,
    HEADER_ROW,
    META_SHEET,
    safe_text,
    unsafe_text,
)
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db
ROOT = "/bao-cao-dinh-ky"


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def download(client: Client, world: World, who: Any) -> Any:
    client.force_login(who)
    response = client.get(f"{ROOT}/{world.sub_a.pk}/excel/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="bao-cao-ky-{world.cycle.pk}-don-vi-26740.xlsx"' in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def test_the_template_lists_the_cycle_indicators_with_milestones(client: Client, world: World, officer_a: Any) -> None:
    ws = download(client, world, officer_a)[DATA_SHEET]
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mốc kế hoạch năm", "Giá trị thực hiện",
        "Tử số", "Mẫu số", "Tình trạng số liệu", "Giải trình, ghi chú",
    ]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=FIRST_ROW, max_col=4)]
    assert rows == [
        ["POOR_RATE", "Tỷ lệ hộ nghèo", "%", "dưới 1,5"],
        ["SOCIAL_HOUSING", "Số căn nhà ở xã hội hoàn thành", "căn", "từ 40 trở lên"],
    ]
    assert "Phường Sài Gòn" in str(ws["A3"].value)


def test_the_template_is_prefilled_with_stored_values(client: Client, world: World, officer_a: Any) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "POOR_RATE", "numerator": 12, "denominator": 1000, "status": "estimate"}])
    ws = download(client, world, officer_a)[DATA_SHEET]
    r = FIRST_ROW
    assert (ws[f"E{r}"].value, ws[f"F{r}"].value, ws[f"G{r}"].value) == (pytest.approx(1.2), 12, 1000)
    assert ws[f"H{r}"].value == "Ước thực hiện"


def test_codes_and_headers_are_locked_and_entry_cells_are_not(client: Client, world: World, officer_a: Any) -> None:
    ws = download(client, world, officer_a)[DATA_SHEET]
    assert ws.protection.sheet
    for ref in ("A5", "A6", "B6", "C6", "D6", "A7"):
        assert ws[ref].protection.locked, ref
    for ref in ("E6", "F6", "G6", "H6", "I6", "E7", "I7"):
        assert not ws[ref].protection.locked, ref


def test_entry_columns_carry_data_validation(client: Client, world: World, officer_a: Any) -> None:
    ws = download(client, world, officer_a)[DATA_SHEET]
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert by_range["F6:G7"].type == "decimal" and by_range["F6:G7"].formula1 == "0"
    # column E follows reporting.bounds: a percentage 0–100, a count a whole number up to 10^15
    assert (by_range["E6"].type, by_range["E6"].formula1, by_range["E6"].formula2) == ("decimal", "0", "100")
    assert (by_range["E7"].type, by_range["E7"].formula2) == ("whole", "1000000000000000")
    assert by_range["H6:H7"].type == "list"
    assert by_range["H6:H7"].formula1 == '"Ước thực hiện,Số chính thức"'


def test_the_metadata_sheet_is_very_hidden_and_names_cycle_and_unit(client: Client, world: World, officer_a: Any) -> None:
    wb = download(client, world, officer_a)
    meta = wb[META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)} == {
        "template_version": "2", "cycle_id": str(world.cycle.pk), "unit_code": "26740", "agency_code": None,
        "submission_version": "1",
    }


@pytest.mark.parametrize("comment", ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+2", "-5 so với năm trước", "@SUM(A1)", "\t=1"])
def test_a_comment_that_looks_like_a_formula_is_written_as_inert_text(
    client: Client, world: World, officer_a: Any, comment: str
) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 50, "comment": comment}])
    ws = download(client, world, officer_a)[DATA_SHEET]
    cell = ws[f"I{FIRST_ROW + 1}"]
    assert cell.data_type == "s"
    assert not str(cell.value).startswith(DANGEROUS_START)
    assert unsafe_text(cell.value) == comment.strip()


@given(st.text(max_size=30))
def test_safe_text_never_starts_like_a_formula_and_round_trips(text: str) -> None:
    written = safe_text(text)
    assert not written.startswith(DANGEROUS_START)
    assert unsafe_text(written) == text


def test_plain_text_is_written_unchanged() -> None:
    assert safe_text("Tỷ lệ hộ nghèo") == "Tỷ lệ hộ nghèo"
    assert safe_text("'trích dẫn'") == "'trích dẫn'"
    assert safe_text("=1") == "'=1" and safe_text("'=1") == "''=1"
