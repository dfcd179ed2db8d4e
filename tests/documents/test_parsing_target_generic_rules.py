"""Generic target rules (issue 10, items 3–4), on probe texts written here: a level ("đạt mức N người trên một vạn
dân") is a value, a year closing one sentence does not reach the next, a yearly path whose later values only name
the unit ("trên 2% GDP vào năm 2020") is one target with milestones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan, target_learned
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.target_mentions import find_mentions

HEAD = "KẾ HOẠCH\nPhát triển khoa học và công nghệ\nI. MỤC TIÊU\n1. Mục tiêu cụ thể\n"


@pytest.fixture(autouse=True)
def rules_only() -> Iterator[None]:
    saved = target_learned.MODE
    target_learned.MODE = "rules"
    yield
    target_learned.MODE = saved


def _targets(body: str) -> list[dict[str, object]]:
    return extract_plan(HEAD + body, "probe")["targets"]  # type: ignore[return-value]


def test_a_level_written_with_muc_is_a_value_and_a_section_number_is_not() -> None:
    text = "Số bác sĩ đạt mức 12 người trên một vạn dân theo Mục 3 của kế hoạch."
    found = find_mentions(prepare(text), 0, len(text), False)
    assert [(m.value, m.unit) for m in found] == [(12.0, "người/vạn dân")]


def test_a_year_that_ends_one_sentence_does_not_reach_the_next() -> None:
    targets = _targets(
        "- Tổng đầu tư cho nghiên cứu đạt khoảng 3% GDP vào năm 2030. "
        "Bảo đảm tối thiểu 2% tổng chi ngân sách cho khoa học hằng năm.\n"
    )
    by_value = {t["value"]: t for t in targets}
    assert by_value[3]["year"] == 2030
    assert by_value[2]["year"] is None


def test_a_yearly_path_naming_only_its_unit_later_is_one_target() -> None:
    targets = _targets("- Nâng tổng đầu tư xã hội cho nghiên cứu đạt 1,5% GDP vào năm 2026, trên 2% GDP vào năm 2028 "
                       "và khoảng 3% GDP vào năm 2030.\n")
    assert len(targets) == 1
    assert [m["year"] for m in targets[0]["milestones"]] == [2026, 2028, 2030]  # type: ignore[index, union-attr]
    assert "đầu tư" in str(targets[0]["indicator"])


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 90), st.integers(2, 90), st.integers(2026, 2040))
def test_any_year_stays_with_its_own_sentence(first: int, second: int, year: int) -> None:
    targets = _targets(f"- Tỷ lệ hộ có nước sạch đạt {first}% vào năm {year}. "
                       f"Bảo đảm tối thiểu {second + 100}% kế hoạch vốn hằng năm.\n")
    years = {t["value"]: t["year"] for t in targets}
    assert years.get(first) == year
    assert years.get(second + 100) is None


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 99), st.sampled_from(["người", "bác sĩ", "giường bệnh"]), st.sampled_from(["một vạn", "10.000"]))
def test_any_level_per_population_keeps_its_rate_unit(value: int, noun: str, base: str) -> None:
    text = f"Chỉ tiêu đạt mức {value} {noun} trên {base} dân."
    found = find_mentions(prepare(text), 0, len(text), False)
    assert found and found[0].value == value
    assert str(found[0].unit).endswith("/vạn dân")


def test_an_average_change_is_not_part_of_the_indicator_name() -> None:
    targets = _targets("- Tỷ lệ hộ nghèo giảm bình quân 1%/năm.\n- Thu nhập bình quân đạt 80 triệu đồng/người.\n")
    names = {t["value"]: t["indicator"] for t in targets}
    assert names[1] == "Tỷ lệ hộ nghèo"
    assert names[80] == "Thu nhập bình quân"


def test_a_rank_among_countries_is_an_at_most_target() -> None:
    targets = _targets("- Việt Nam thuộc nhóm 3 nước dẫn đầu khu vực về chuyển đổi số vào năm 2030.\n")
    assert [(t["value"], t["comparator"], t["year"]) for t in targets] == [(3, "<=", 2030)]


def test_a_floor_on_a_count_takes_the_words_after_it_as_its_unit() -> None:
    targets = _targets("- Có ít nhất 6 cảng biển quốc tế vào năm 2030.\n")
    assert [(t["value"], t["unit"], t["comparator"]) for t in targets] == [(6, "cảng biển", ">=")]
    assert targets[0]["indicator"] == "Số cảng biển quốc tế"


def test_a_share_written_with_chiem_hon_keeps_only_the_noun_phrase() -> None:
    targets = _targets("- Doanh nghiệp nhỏ và vừa chiếm hơn 60% số doanh nghiệp đổi mới sáng tạo.\n")
    assert [(t["value"], t["comparator"], t["indicator"]) for t in targets] == [(60, ">", "Doanh nghiệp nhỏ và vừa")]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 200), st.sampled_from(["nước", "quốc gia", "trường đại học"]))
def test_any_rank_reads_as_at_most_its_number(rank: int, noun: str) -> None:
    text = f"Phấn đấu thuộc nhóm {rank} {noun} dẫn đầu thế giới."
    found = find_mentions(prepare(text), 0, len(text), False)
    assert [(m.value, m.comparator) for m in found] == [(rank, "<=")]


CRITERIA = """QUYẾT ĐỊNH
Ban hành Bộ tiêu chí xã đạt chuẩn an sinh giai đoạn 2026 - 2030
Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí.
BỘ TIÊU CHÍ XÃ ĐẠT CHUẨN AN SINH GIAI ĐOẠN 2026 - 2030
| TT | Tên tiêu chí | Nội dung tiêu chí | Đơn vị tính | Chỉ tiêu chung | Xã nhóm 1 |
| 1 | Nghèo đa chiều | Tỷ lệ hộ nghèo đa chiều | % | ≤2 | ≤1 |
| 2 | Nhà ở | Tỷ lệ nhà ở kiên cố | % | ≥75 | ≥80 |
| 3 | Văn hóa | Xã có nhà văn hóa | | Đạt | Đạt |
"""


def test_a_criteria_table_gives_one_target_per_general_value_for_the_period_end() -> None:
    targets = extract_plan(CRITERIA, "probe")["targets"]
    assert [(t["indicator"], t["comparator"], t["value"], t["unit"], t["year"]) for t in targets] == [  # type: ignore[index]
        ("Tỷ lệ hộ nghèo đa chiều", "<=", 2, "%", 2030),
        ("Tỷ lệ nhà ở kiên cố", ">=", 75, "%", 2030),
    ]


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 99), st.sampled_from(["≤", "≥"]), st.integers(2026, 2035))
def test_any_criteria_value_is_read_with_its_comparator(value: int, sign: str, end_year: int) -> None:
    text = (f"BỘ TIÊU CHÍ GIAI ĐOẠN 2026 - {end_year}\n| TT | Tên tiêu chí | Nội dung tiêu chí | Chỉ tiêu chung |\n"
            f"| 1 | Việc làm | Tỷ lệ lao động có việc làm | {sign}{value}% |\n")
    targets = extract_plan(text, "probe")["targets"]
    assert [(t["value"], t["comparator"], t["year"]) for t in targets] == [  # type: ignore[index]
        (value, "<=" if sign == "≤" else ">=", end_year)]


def test_a_share_promised_after_a_task_is_named_by_what_follows_it() -> None:
    targets = _targets("- Hoàn thiện thể chế, bảo đảm 100% thủ tục hành chính được thực hiện trực tuyến toàn trình.\n")
    assert targets[0]["indicator"] == "Tỷ lệ thủ tục hành chính được thực hiện trực tuyến toàn trình"
