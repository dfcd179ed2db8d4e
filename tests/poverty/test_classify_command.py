"""``ansinh poverty classify``: right at each threshold, and bad files refused cell by cell with nothing written."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.poverty.standards import by_code, load_standards, national_for_year
from tests.commands import run_command

INDICATORS = [
    "viec_lam", "nguoi_phu_thuoc", "dinh_duong", "bao_hiem_y_te", "trinh_do_giao_duc_nguoi_lon", "tinh_trang_di_hoc_tre_em",
    "chat_luong_nha_o", "dien_tich_nha_o_binh_quan", "nguon_nuoc_sinh_hoat", "nha_tieu_hop_ve_sinh",
    "su_dung_dich_vu_vien_thong", "phuong_tien_tiep_can_thong_tin",
]


def write(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def standards(db: Any) -> None:
    load_standards()


def test_the_year_picks_the_national_standard_in_force(standards: None) -> None:
    assert national_for_year(2025).code == "nd07-2021"
    assert national_for_year(2026).code == "nd07-2021"  # kept for 2026 by NĐ 351/2025
    assert national_for_year(2027).code == "nd351-2025"
    assert national_for_year(2021).code == "qd59-2015"
    rural = {b.area: b for b in by_code("nd351-2025").bands.all()}["nong_thon"]
    assert rural.income_max == 2_200_000 and rural.verified is False


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    area=st.sampled_from(["nong_thon", "thanh_thi"]), delta=st.integers(-1, 1), flags=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_a_household_at_each_threshold_is_classified_by_the_indicator_columns(
    standards: None, tmp_path: Path, area: str, delta: int, flags: list[bool]
) -> None:
    line, top = {"nong_thon": (1_500_000, 2_250_000), "thanh_thi": (2_000_000, 3_000_000)}[area]
    rows = [["A", area, line + delta, *map(int, flags)], ["B", area, top + delta, *map(int, flags)]]
    src = write(tmp_path / "in.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", *INDICATORS], rows)
    code, _, err = run_command("poverty", "classify", str(src), "--standard", "nd07-2021", "--out", str(tmp_path / "out.csv"))
    assert code == 0, err
    got = read(tmp_path / "out.csv")
    poor = "ngheo" if sum(flags) >= 3 else "can_ngheo"
    assert got[0]["phan_loai"] == (poor if delta <= 0 else "trung_binh")
    assert got[1]["phan_loai"] == ("trung_binh" if delta <= 0 else "khong")
    assert got[0]["ly_do"].startswith("Thu nhập bình quân")


def test_a_bad_file_is_refused_cell_by_cell_and_nothing_is_written(standards: None, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", "so_chi_so_thieu_hut", "ngay_khao_sat"], [
        ["A", "ngoại thành", "1000000", "3", ""],
        ["B", "nong_thon", "-1", "2", ""],
        ["C", "thanh_thi", "một triệu", "2", ""],
        ["D", "thanh_thi", "1000000", "13", ""],
        ["E", "thanh_thi", "1000000", "1", "15/06/2021"],
        ["E", "thanh_thi", "1000000", "1", ""],
    ])
    out = tmp_path / "out.csv"
    code, _, err = run_command("poverty", "classify", str(src), "--standard", "nd07-2021", "--out", str(out))
    assert code == 1 and not out.exists()
    assert "Dòng 2, cột khu_vuc: «ngoại thành» không phải thành thị" in err
    assert "Dòng 3, cột thu_nhap_binh_quan: thu nhập «-1» là số âm" in err
    assert "Dòng 4, cột thu_nhap_binh_quan: «một triệu» không phải là số" in err
    assert "Dòng 5, cột so_chi_so_thieu_hut" in err
    assert "Dòng 6, cột ngay_khao_sat: ngày 15/06/2021 nằm ngoài thời gian áp dụng của chuẩn nd07-2021" in err
    assert "Dòng 7, cột ma_ho: mã hộ «E» trùng với dòng 6" in err


def test_missing_indicator_columns_and_an_empty_cell_are_refused(standards: None, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    src = write(tmp_path / "in.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", *INDICATORS[:11]], [["A", "nong_thon", "1", *[0] * 11]])
    code, _, err = run_command("poverty", "classify", str(src), "--year", "2025", "--out", str(out))
    assert code == 1 and "thiếu: phuong_tien_tiep_can_thong_tin" in err and not out.exists()
    src = write(tmp_path / "in2.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", *INDICATORS], [["A", "nong_thon", "1", "", *[0] * 11]])
    code, _, err = run_command("poverty", "classify", str(src), "--year", "2025", "--out", str(out))
    assert code == 1 and "Dòng 2, cột viec_lam: ô trống phải là 0" in err and not out.exists()


def test_an_unknown_standard_code_is_refused_in_vietnamese(standards: None, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", "so_chi_so_thieu_hut"], [["A", "nong_thon", "1", "0"]])
    code, _, err = run_command("poverty", "classify", str(src), "--standard", "nd99", "--out", str(tmp_path / "o.csv"))
    assert code == 1 and "Không có chuẩn nghèo mã «nd99»" in err


def test_the_province_standard_classifies_by_income_alone_and_says_it_is_unverified(standards: None, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", ["ma_ho", "khu_vuc", "thu_nhap_binh_quan", "so_chi_so_thieu_hut"], [
        ["A", "thanh_thi", "3833333", "0"], ["B", "thanh_thi", "3833334", "0"], ["C", "thanh_thi", "4500001", "9"],
    ])
    code, out_text, _ = run_command("poverty", "classify", str(src), "--standard", "tphcm-2025", "--out", str(tmp_path / "o.csv"))
    assert code == 0 and "chưa xác minh" in out_text
    assert [r["phan_loai"] for r in read(tmp_path / "o.csv")] == ["ngheo", "can_ngheo", "khong"]


@given(st.text(max_size=20))
def test_the_income_parser_never_raises_and_never_accepts_a_negative(text: str) -> None:
    from ansinh.poverty.survey_file import parse_income

    value, problem = parse_income(text)
    assert (value is None) == bool(problem)
    if value is not None:
        assert value >= 0


@given(st.integers(min_value=0, max_value=10**9))
def test_an_income_written_with_dot_groups_reads_as_the_same_whole_number(amount: int) -> None:
    from ansinh.lib.vnnumbers import format_vn
    from ansinh.poverty.survey_file import parse_income

    assert parse_income(format_vn(amount)) == (amount, "")
    assert parse_income(str(amount)) == (amount, "")


@given(st.text(max_size=15))
def test_an_area_is_urban_rural_or_refused(text: str) -> None:
    from ansinh.poverty.survey_file import parse_area

    assert parse_area(text) in (None, "thanh_thi", "nong_thon")
    assert parse_area("Thành thị") == "thanh_thi" and parse_area("NÔNG THÔN") == "nong_thon"
