"""The provider's result file parser never fails with anything but a Vietnamese refusal, and reads
back whatever CSV it is given with the header in any case and any diacritics."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from ansinh.benefits.bankfile import RESULT_HEADER, parse_result
from ansinh.core.errors import UserError


@given(st.binary(max_size=400), st.sampled_from(["kq.csv", "kq.xlsx", "kq.txt"]))
def test_any_bytes_are_read_or_refused_in_vietnamese(content: bytes, name: str) -> None:
    try:
        rows = parse_result(content, name)
    except UserError as err:
        assert err.message
    else:
        assert all(r.number >= 2 for r in rows)


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@given(st.lists(st.tuples(cell, cell, cell, cell, cell), min_size=1, max_size=8), st.booleans())
def test_rows_written_as_csv_are_read_back_whatever_the_header_case(rows: list[tuple[str, ...]], upper: bool) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([h.upper() if upper else h for h in RESULT_HEADER])
    writer.writerows(rows)
    try:
        parsed = parse_result(buf.getvalue().encode("utf-8"), "kq.csv")
    except UserError as err:
        assert "không có dòng dữ liệu" in err.message
        assert all(not "".join(r).strip() for r in rows)
        return
    kept = [r for r in rows if any(c.strip() for c in r)]
    assert [(p.reference, p.account, p.amount, p.result, p.reason) for p in parsed] == [tuple(c.strip() for c in r) for r in kept]
