"""One rule for numbers: the web form, the Excel upload and the API accept and refuse the same figures.

Property tests check the rule table (``reporting.bounds``) and that each channel's reader, followed
by the shared validation, agrees with it; the bad-input tests send oversized and ill-typed figures
through each channel and find a Vietnamese message and nothing stored.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pydantic import TypeAdapter, ValidationError

from ansinh.lib.vnnumbers import format_vn
from ansinh.reporting import bounds
from ansinh.reporting.api_schemas import Number
from ansinh.reporting.excel import DATA_SHEET
from ansinh.reporting.excel_upload import _number as excel_number
from ansinh.reporting.forms import NumberField
from ansinh.reporting.models import Indicator, IndicatorValue
from ansinh.reporting.validation import _check_value
from tests.api.fixtures import World, make_world
from tests.reporting.test_web_cast import ROOT, form_data
from tests.sizes import size

TYPES = ("count", "percent", "money", "ratio", "number")
API_NUMBER: TypeAdapter[float] = TypeAdapter(Number)


def indicator(value_type: str, **extra: Any) -> Indicator:
    """An unsaved indicator: ``_check_value`` needs no database."""
    return Indicator(code=f"T_{value_type.upper()}", name=f"Chỉ tiêu {value_type}", value_type=value_type, **extra)


def within(value_type: str, x: float) -> bool:
    bound = bounds.BOUNDS[value_type]
    return bound.low <= x <= bound.high and (not bound.integer or x == int(x))


def accepted(value_type: str, x: float | None) -> bool:
    if x is None:
        return False
    _, errors = _check_value(indicator(value_type), 0, {"value": x})
    return not errors


def through_web(text: str) -> float | None:
    try:
        return NumberField(label="Giá trị").to_python(text)
    except Exception:
        return None


def through_excel(cell: float) -> float | None:
    errors: list[str] = []
    number = excel_number(cell, "E6", "giá trị", errors)
    return None if errors else number


def through_api(x: float) -> float | None:
    try:
        return API_NUMBER.validate_python(x)
    except ValidationError:
        return None


figures = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(float),
    st.floats(min_value=-1e20, max_value=1e20, allow_nan=False).map(lambda x: round(x, 4)),
    st.sampled_from([0.0, 100.0, 100.0001, -0.0001, 1e15, 1e15 + 2, -1e15, 1e39, 1e308, 2.5]),
)


@given(st.sampled_from(TYPES), figures)
def test_the_rule_table_accepts_exactly_the_figures_within_each_types_bounds(value_type: str, x: float) -> None:
    assert (bounds.value_problem(value_type, x) is None) == within(value_type, x)


@settings(max_examples=size(40, 300))
@given(st.sampled_from(TYPES), figures)
def test_web_excel_and_api_accept_and_refuse_the_same_figures(value_type: str, x: float) -> None:
    expected = within(value_type, x)
    text = format_vn(x)
    if len(text) <= 40:  # the form field's own length limit; longer text is refused as not a number
        assert accepted(value_type, through_web(text)) == expected, ("web", text)
    assert accepted(value_type, through_excel(x)) == expected, ("excel", x)
    assert accepted(value_type, through_api(x)) == expected, ("api", x)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_channel_lets_a_non_finite_figure_through(x: float) -> None:
    if math.isfinite(x):
        return
    assert through_excel(x) is None and through_api(x) is None
    assert bounds.value_problem("number", x) is not None


@given(
    st.floats(min_value=0, max_value=1e16, allow_nan=False),
    st.floats(min_value=0, max_value=1e16, allow_nan=False),
)
def test_a_part_of_a_whole_never_exceeds_its_whole(num: float, den: float) -> None:
    part = indicator("ratio", aggregation="ratio", scale=1000, numerator_within_denominator=True)
    free = indicator("number", aggregation="ratio", scale=1)
    item = {"numerator": num, "denominator": den}
    ok_part = not _check_value(part, 0, item)[1]
    ok_free = not _check_value(free, 0, item)[1]
    in_range = 0 < den <= 1e15 and num <= 1e15
    assert ok_part == (in_range and num <= den and num / den * 1000 <= 1e15)
    assert ok_free == (in_range and num / den <= 1e15)


def test_the_catalogue_says_which_ratios_are_parts_of_a_whole(db: Any) -> None:
    from tests.reporting.factories import catalogue

    indicators = catalogue()
    assert indicators["U5_MORTALITY"].numerator_within_denominator
    assert indicators["POOR_RATE"].numerator_within_denominator
    assert not indicators["HOUSING_AREA"].numerator_within_denominator  # m² per person


# --- bad input through each channel -----------------------------------------------------------


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def officer(client: Client, officer_a: Any) -> Client:
    client.force_login(officer_a)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1" + "0" * 39, "vượt quá giới hạn"),
        ("2,5", "số đếm phải là số nguyên"),
        ("-3", "không được nhỏ hơn 0"),
    ],
)
def test_the_web_form_refuses_a_count_out_of_bounds(officer: Client, world: World, typed: str, message: str) -> None:
    response = officer.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": typed}))
    assert response.status_code == 400 and message in response.content.decode()
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
def test_the_web_form_refuses_a_numerator_above_the_denominator_of_a_rate(officer: Client, world: World) -> None:
    response = officer.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-0-numerator": "1.200", "ind-0-denominator": "1.000"}))
    assert response.status_code == 400 and "tử số không được lớn hơn mẫu số" in response.content.decode()
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "cell", "message"), [("E", 1e308, "vượt quá giới hạn"), ("F", 1e39, "tử số vượt quá giới hạn")])
def test_an_excel_upload_refuses_an_oversized_figure_on_its_cell(
    officer: Client, world: World, column: str, cell: float, message: str
) -> None:
    wb = load_workbook(io.BytesIO(officer.get(f"{ROOT}/{world.sub_a.pk}/excel/").content))
    ws = wb[DATA_SHEET]
    if column == "E":
        ws["E7"] = cell
    else:
        ws["F6"], ws["G6"] = cell, 1000
    out = io.BytesIO()
    wb.save(out)
    response = officer.post(f"{ROOT}/{world.sub_a.pk}/excel/tai-len/", {"excel-file": SimpleUploadedFile("bc.xlsx", out.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert f"Ô {column}{7 if column == 'E' else 6}" in html
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"indicator": "SOCIAL_HOUSING", "value": 1e16}, "0.value"),
        ({"indicator": "SOCIAL_HOUSING", "value": 2.5}, "value"),
        ({"indicator": "POOR_RATE", "numerator": 1e15, "denominator": 10}, "numerator"),
    ],
)
def test_the_api_refuses_out_of_bounds_figures_with_422(officer: Client, world: World, row: dict[str, Any], field: str) -> None:
    response = officer.put(f"/api/submissions/{world.sub_a.pk}/values", json.dumps([row]), content_type="application/json")
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not IndicatorValue.objects.exists()
