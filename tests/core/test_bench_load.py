"""``ansinh bench load`` at a tiny size: it runs end to end and reports every key (figures are not judged)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core import bench_load
from ansinh.core.bench_http import form_fields, form_fields_parsed, percentile
from ansinh.core.bench_load import save_field
from tests.commands import run_command
from tests.migrated import copy_into
from tests.sizes import size

KEYS = {
    "users", "readers", "requests", "errors", "lost", "open_p95_ms", "save_p95_ms", "dashboard_p95_ms",
    "throughput_rps", "submission_page_rps",
}


def test_a_tiny_load_run_reports_every_key_and_loses_nothing(migrated_sqlite: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_seed = bench_load.seed

    def seed_a_migrated_copy(env: dict[str, str], *args: Any) -> dict[str, Any]:
        if "DATABASE_URL" not in env:  # the bench's own `migrate` then finds nothing to apply
            copy_into(migrated_sqlite, Path(env["ANSINH_DATA_DIR"]))
        return real_seed(env, *args)

    monkeypatch.setattr(bench_load, "seed", seed_a_migrated_copy)
    code, out, err = run_command(
        "bench", "load", "--users", "2", "--readers", "1", "--duration", str(size(3, 12)), "--think", "0", "0.2",
        "--saturate", "--clients", "2", "--json",
    )
    result = json.loads(out)
    assert code == 0 and KEYS <= set(result), err
    assert (result["users"], result["readers"], result["lost"], result["errors"]) == (2, 1, 0, 0)
    assert result["requests"] > 0 and result["acknowledged_saves"] >= 1 and result["submission_page_rps"] > 0
    assert "yêu cầu/giây" in err and "lần lưu bị mất" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--users", "nhiều"], "số cán bộ phải là số nguyên"),
        (["--users", "-3"], "số cán bộ phải từ 0"),
        (["--duration", "99999"], "thời gian đo phải từ 0"),
        (["--think", "1", "x"], "thời gian nghĩ phải là số giây"),
    ],
)
def test_bad_arguments_are_refused_in_vietnamese(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_command("bench", "load", *args)
    assert code == 2 and message in capsys.readouterr().err


PAGE = """
<form class="logout" method="post" action="/dang-xuat/"><input type="hidden" name="csrfmiddlewaretoken" value="L"></form>
<form method="post" novalidate><input type="hidden" name="csrfmiddlewaretoken" value="T">
<input type="text" name="ind-0-value" value="12"><input type="text" name="ind-1-value" value="">
<input type="text" name="ind-1-numerator" value="3"><select name="ind-0-status"><option value="">--</option>
<option value="final" selected>Chính thức</option></select><textarea name="ind-0-comment">
Ghi chú &amp; số liệu</textarea><input type="checkbox" name="x"><input type="submit" name="submit" value="Gửi">
</form>"""


def test_the_page_form_is_read_as_a_browser_would_send_it() -> None:
    assert form_fields(PAGE) == [
        ("csrfmiddlewaretoken", "T"), ("ind-0-value", "12"), ("ind-1-value", ""), ("ind-1-numerator", "3"),
        ("ind-0-status", "final"), ("ind-0-comment", "Ghi chú & số liệu"),
    ]
    assert save_field(form_fields(PAGE)) == "ind-0-value"
    assert form_fields(PAGE) == form_fields_parsed(PAGE)  # the fast scan reads what html.parser reads
    assert form_fields("<p>không có biểu mẫu</p>") == []


@given(st.lists(st.tuples(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), st.text(max_size=20)), max_size=8))
def test_any_hidden_fields_come_back_unchanged(pairs: list[tuple[str, str]]) -> None:
    from html import escape

    inputs = "".join(f'<input type="hidden" name="{n}" value="{escape(v)}">' for n, v in pairs)
    expected = [(n, v.replace("\r\n", "\n").replace("\r", "\n")) for n, v in pairs]
    got = [(n, v.replace("\r\n", "\n").replace("\r", "\n")) for n, v in form_fields(f'<form method="post">{inputs}</form>')]
    assert got == expected


@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=50), st.integers(0, 100))
def test_a_percentile_is_one_of_the_values_and_grows_with_p(values: list[float], p: int) -> None:
    got = percentile(values, p)
    assert got in values and got <= (percentile(values, min(100, p + 1)) or 0)
