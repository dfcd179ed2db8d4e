"""Rules of helper ptarget17 (issue 10): how plans state numeric targets — counts in words, floors and ceilings
written "không thấp hơn" / "không cao hơn", the value an indicator stands at now, and amounts listed under a lead.
Every text is written for the test."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold, prepare
from ansinh.documents.parsing.target_mentions import find_mentions
from ansinh.lib.vn_number_words import number_words, parse_folded_number_words, parse_number_words

PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 72/KH-UBND
An Bình, ngày 3 tháng 3 năm 2026
KẾ HOẠCH
Phát triển nông nghiệp và an sinh xã hội tỉnh An Bình năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao đời sống người dân nông thôn.
II. MỤC TIÊU
1. Mục tiêu chung
Phát triển sản xuất bền vững.
2. Mục tiêu cụ thể
{item}
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn kỹ thuật.
IV. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo Ủy ban nhân dân tỉnh.
"""


def _targets(item: str) -> list[dict[str, Any]]:
    return extract_plan(PLAN.format(item=item), "probe")["targets"]  # type: ignore[return-value]


def _values(item: str) -> list[tuple[Any, ...]]:
    return [(t["value"], t["unit"], t["comparator"]) for t in _targets(item)]


# Counts written in words.


def test_a_count_of_houses_written_in_words_is_read_as_its_digits() -> None:
    assert (250, "căn nhà", "=") in _values("- Hỗ trợ xây mới hai trăm năm mươi căn nhà cho hộ nghèo.")


def test_a_floor_written_in_words_with_a_scale_word_is_read_in_units() -> None:
    found = _values("- Số người tham gia bảo hiểm xã hội tự nguyện đạt ít nhất mười lăm nghìn người.")
    assert (15000, "người", ">=") in found


def test_one_station_per_commune_after_a_floor_is_a_count_of_one() -> None:
    assert [(v, c) for v, _, c in _values("- Mỗi xã có ít nhất một điểm bưu điện văn hóa.")] == [(1, ">=")]


def test_a_word_number_that_repeats_the_digits_beside_it_is_not_read_twice() -> None:
    assert [v for v, _, _ in _values("- Thành lập mới 02 (hai) hợp tác xã dịch vụ nông nghiệp.")] == [2]


def test_five_as_a_span_of_years_and_a_capitalised_place_name_are_no_counts() -> None:
    assert [v for v, _, _ in _values("- Trong năm năm tới, xã Hai Bà có thêm 3 trường học đạt chuẩn.")] == [3]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_every_number_written_in_words_reads_back_as_itself(n: int) -> None:
    assert parse_number_words(number_words(n)) == n


@given(st.integers(min_value=0, max_value=999_999))
def test_a_number_in_words_whose_marks_were_folded_away_reads_back_as_itself(n: int) -> None:
    # "mười" and "mươi" both fold to "muoi": the word before tells them apart.
    assert parse_folded_number_words(fold(number_words(n))) == n


@given(st.lists(st.sampled_from(["một", "hai", "trăm", "mươi", "mười", "linh", "nghìn", "lăm", "tư"]), min_size=1, max_size=6))
def test_a_run_of_number_words_reads_as_a_number_or_as_none_never_an_error(words: list[str]) -> None:
    value = parse_number_words(" ".join(words))
    assert value is None or (0 <= value < 1_000_000 and number_words(value) and parse_number_words(number_words(value)) == value)


def test_a_phrase_with_a_word_that_is_not_a_number_names_none() -> None:
    assert parse_number_words("hai trăm căn") is None and parse_number_words("hai ba") is None


# Floors and ceilings.


def test_not_lower_than_is_a_floor() -> None:
    assert _values("- Tỷ lệ lao động nông thôn qua đào tạo không thấp hơn 65%.") == [(65, "%", ">=")]


def test_not_fewer_than_is_a_floor_and_stays_out_of_the_name() -> None:
    found = _targets("- Tỷ lệ hộ dân dùng nước hợp vệ sinh không ít hơn 98%.")
    assert [(t["value"], t["comparator"]) for t in found] == [(98, ">=")]
    assert "ít" not in str(found[0]["indicator"])


def test_not_higher_than_is_a_ceiling() -> None:
    assert _values("- Tỷ lệ hộ tái nghèo không cao hơn 0,5%.") == [(0.5, "%", "<=")]


# Where an indicator stands now.


def test_the_value_an_indicator_stands_at_now_is_the_baseline_of_the_value_strived_for() -> None:
    found = _targets("- Tỷ lệ che phủ rừng hiện nay là 41,5%, phấn đấu đến năm 2028 đạt 44%.")
    assert [(t["value"], t["year"]) for t in found] == [(44, 2028)]
    assert found[0]["baseline"] is not None and found[0]["baseline"]["value"] == 41.5


def test_a_current_value_with_no_value_strived_for_after_it_stays_as_read() -> None:
    assert [v for v, _, _ in _values("- Tỷ lệ che phủ rừng hiện nay là 41,5%.")] == [41.5]


def test_carrying_out_is_not_read_as_now() -> None:
    found = _values("- Thực hiện có 90% hồ sơ giải quyết đúng hạn, phấn đấu đến năm 2027 đạt 100% hồ sơ trực tuyến.")
    assert [v for v, _, _ in found] == [90, 100]


# Amounts listed under a lead.

LISTED = """- Trồng mới các loài cây bản địa:
+ Lim xanh 600 ha (mỗi năm trồng 60 ha), trồng tập trung ở vùng đồi.
_ + Sao đen 250 ha, trồng phân tán trên đất vườn hộ.
+ Cây thuốc nam, gia vị 1.200 ha, trồng dưới tán rừng.
- Phát triển đàn vật nuôi:
+ Bò lai 3.500 con, nuôi bán chăn thả ở hộ gia đình."""


def test_each_kind_listed_under_a_lead_with_its_amount_is_a_target() -> None:
    found = {(t["value"], t["unit"]) for t in _targets(LISTED)}
    assert {(600, "ha"), (250, "ha"), (1200, "ha"), (3500, "con")} <= found


def test_the_yearly_amount_in_a_listed_items_aside_is_not_a_target_of_its_own() -> None:
    assert 60 not in {t["value"] for t in _targets(LISTED)}


def test_an_item_under_a_lead_without_a_colon_is_no_listed_amount() -> None:
    text = "- Trồng mới các loài cây bản địa trên đất trống.\n+ Lim xanh 600 ha trồng tập trung ở vùng đồi."
    assert 600 not in {t["value"] for t in _targets(text)}


def test_a_span_of_years_listed_under_a_lead_is_no_amount() -> None:
    text = "- Tổng kết các chương trình:\n+ Tổng kết 10 năm thực hiện chương trình trồng rừng."
    assert 10 not in {t["value"] for t in _targets(text)}


# Years.


def test_a_year_in_brackets_after_each_value_dates_that_value() -> None:
    found = _targets("- Tỷ lệ người dân có sổ sức khỏe điện tử đạt 70% (năm 2026), 80% (năm 2027), 90% (năm 2028).")
    assert [(t["value"], t["year"]) for t in found] == [(90, 2028)]
    assert [(m["year"], m["value"]) for m in found[0]["milestones"]] == [(2026, 70), (2027, 80), (2028, 90)]


def test_an_earlier_year_given_in_which_is_a_milestone_of_the_target() -> None:
    found = _targets("- Đến năm 2029 có 95% người cao tuổi được khám sức khỏe định kỳ, trong đó năm 2027 đạt 85%.")
    assert [(t["value"], t["year"]) for t in found] == [(95, 2029)]
    assert [(m["year"], m["value"]) for m in found[0]["milestones"]] == [(2027, 85), (2029, 95)]


def test_a_year_opening_a_clause_after_a_comma_dates_the_next_clause_too() -> None:
    found = _targets("- Năm 2026 tỷ lệ hộ nghèo giảm 1,2%, đến năm 2029 tỷ lệ hộ nghèo dưới 1%; tỷ lệ che phủ rừng đạt 52%.")
    assert {t["value"]: t["year"] for t in found}[52] == 2029


def test_a_year_closing_a_values_clause_after_a_comma_stays_with_that_value() -> None:
    found = _targets("- Tỷ lệ hộ nghèo giảm còn 2,5%, vào năm 2027; tỷ lệ hộ có nhà ở kiên cố đạt 85%.")
    assert {t["value"]: t["year"] for t in found} == {2.5: 2027, 85: 2026}


# A value that says where a target holds.


def test_a_share_that_says_which_communes_a_target_is_for_is_no_target() -> None:
    found = _values("- Đối với các xã có tỷ lệ hộ nghèo trên 25%, phấn đấu giảm 3%/năm.")
    assert [v for v, _, _ in found] == [3]


def test_only_for_districts_of_a_region_with_a_share_above_is_a_qualifier_too() -> None:
    found = _values("- Riêng các huyện thuộc vùng có tỷ lệ hộ nghèo trên 15%, giảm ít nhất 2%/năm.")
    assert [(v, c) for v, _, c in found] == [(2, ">=")]


# Tasks that commit to a value.

TASKS = PLAN.replace("1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn kỹ thuật.",
                     "1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn kỹ thuật. {task}")


def _task_values(task: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(TASKS.format(item="- Tỷ lệ hộ nghèo giảm 1%.", task=task),
                                             "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["value_max"], t["unit"], t["year"]) for t in out if t["value"] != 1]


def test_a_cut_of_a_share_of_costs_is_a_target_not_a_rate_of_support() -> None:
    assert (15, None, "%", 2026) in _task_values("Cắt giảm tối thiểu 15% chi phí tuân thủ thủ tục hành chính.")


def test_a_rate_of_support_for_costs_stays_no_target() -> None:
    assert _task_values("Hỗ trợ 50% chi phí mua thẻ bảo hiểm y tế cho hộ cận nghèo.") == []


def test_budget_revenue_to_collect_is_read_as_a_value_not_a_fund() -> None:
    text = "Tập trung chỉ đạo để thu ngân sách nhà nước trên địa bàn đạt 850 tỷ đồng."
    found = find_mentions(prepare(text), 0, len(text), True)
    assert [(m.value, m.unit) for m in found] == [(850, "tỷ đồng")]


def test_a_fund_to_raise_stays_no_value() -> None:
    text = "Vận động quỹ vì người nghèo đạt 5 tỷ đồng."
    assert find_mentions(prepare(text), 0, len(text), True) == []


def test_a_year_closing_the_clause_of_a_tasks_value_dates_it() -> None:
    assert (100, None, "%", 2027) in _task_values("Hoàn thành 100% chỉ tiêu giao quân năm 2027.")


def test_a_base_year_closing_the_clause_does_not_date_the_value() -> None:
    assert [y for *_, y in _task_values("Phấn đấu giảm 20% số vụ tai nạn giao thông so với năm 2024.")] == [2026]


def test_striving_by_a_year_then_a_comma_commits_the_clause_after_it() -> None:
    found = _task_values("Phấn đấu đến hết năm 2027, giảm từ 20% đến 40% chi phí in ấn, gửi nhận văn bản giấy.")
    assert (20, 40, "%", 2027) in found


# Values a task sentence names as its target (kept whatever the learned judge says).


def test_a_value_named_the_target_in_a_task_is_kept() -> None:
    found = _task_values("Rà soát quy hoạch lâm nghiệp, bảo đảm mục tiêu 2,1 triệu ha rừng sản xuất vào năm 2028.")
    assert (2.1, None, "triệu ha", 2028) in found


def test_finishing_all_the_tasks_given_on_time_is_a_target_of_one_hundred_percent() -> None:
    found = _task_values("Các phòng, ban hoàn thành đúng thời hạn 100% nhiệm vụ được Ủy ban nhân dân tỉnh giao.")
    assert [v for v, *_ in found] == [100]


def test_cutting_a_share_of_a_procedures_time_is_a_target() -> None:
    found = _task_values("Các sở thường xuyên rà soát quy trình, cắt giảm trung bình 25 - 35% thời gian giải quyết thủ tục hành chính.")
    assert (25, 35, "%", 2026) in found


def test_a_target_already_reached_is_not_named_a_target_again() -> None:
    found = _task_values("Năm qua đã hoàn thành mục tiêu giải ngân 97% kế hoạch vốn, cần tiếp tục phát huy.")
    assert 97 not in [v for v, *_ in found]


def test_organising_so_many_training_classes_in_an_objective_is_a_count_to_reach() -> None:
    assert (45, "lớp", "=") in _values("- Tổ chức 45 lớp tập huấn kỹ thuật trồng rừng cho người dân.")
