"""Property tests for the import's cell parsers: any text gives a row or Vietnamese errors, never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.text import fold_key
from ansinh.registry.rows import fast_fold, parse_date, parse_phone, parse_row
from ansinh.registry.tabular import COLUMNS, canonical

TODAY = dt.date(2026, 12, 2)
COLS = {c: i for i, c in enumerate(COLUMNS)}


@given(st.lists(st.text(max_size=30), min_size=0, max_size=14))
def test_any_cells_give_a_row_or_errors_that_name_their_line(cells: list[str]) -> None:
    row, errors, _ = parse_row(7, cells, COLS, TODAY)
    assert (row is None) == bool(errors)
    assert all(e.startswith("Dòng 7, cột «") for e in errors)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
def test_every_accepted_date_format_reads_back_the_same_day(day: dt.date) -> None:
    assert parse_date(day.isoformat(), TODAY)[:2] == (day, "day")
    assert parse_date(f"{day:%d/%m/%Y}", TODAY)[:2] == (day, "day")
    assert parse_date(str(day.year), TODAY)[0] == dt.date(day.year, 1, 1)


@given(st.text(max_size=20))
def test_dates_never_come_from_the_future_or_before_1900(text: str) -> None:
    day, _, error = parse_date(text, TODAY)
    assert day is None or dt.date(1900, 1, 1) <= day <= TODAY
    assert day is not None or error or not text.strip()


VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"


@given(st.text(alphabet=VI_LETTERS + VI_LETTERS.upper() + " -.,'0123456789", max_size=40))
def test_the_fast_fold_agrees_with_the_library_fold_on_vietnamese_text(text: str) -> None:
    assert fast_fold(text) == fold_key(text)


@given(st.from_regex(r"\A0[35789][0-9]{8}\Z"))
def test_a_mobile_number_survives_spaces_dots_and_the_country_code(number: str) -> None:
    spaced = f"+84 {number[1:4]}.{number[4:7]} {number[7:]}"
    assert parse_phone(spaced) == (number, "")


@given(st.sampled_from(COLUMNS))
def test_every_column_is_recognised_with_or_without_diacritics_and_underscores(column: str) -> None:
    assert canonical(column) == column
    assert canonical(column.replace("_", " ").upper()) == column
