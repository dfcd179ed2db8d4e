"""What is not a target: the row a form numbers its columns with, a result of a year before a draft's own
(its date line left blank), and the part of a year a figure covers ("6 tháng đầu năm")."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text, strip_marks

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 12 tháng 6 năm 2025\n\nKẾ HOẠCH\nAn sinh xã hội\n\n"


def _targets(text: str) -> list[dict[str, Any]]:
    got = extract_plan(normalize_text(text), "x")["targets"]
    assert isinstance(got, list)
    return got


def _form(numbers: list[str], filled: bool) -> str:
    rows = [
        "\t".join(["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]),
        "\t".join(numbers),
        "\t".join(["1", "Doanh thu của dự án trong kỳ báo cáo", "Tỷ đồng", "", ""]),
        "\t".join(["2", "Tỷ lệ hộ nghèo", "%", "4,2" if filled else "", ""]),
    ]
    return HEAD + "PHỤ LỤC\nBiểu số 01. Tình hình hoạt động của dự án\nKỳ báo cáo: 6 tháng/năm\n" + "\n".join(rows) + "\n"


def test_the_row_that_numbers_a_forms_columns_is_no_target() -> None:
    assert _targets(_form(["(1)", "(2)", "(3)", "(4)", "(5)"], filled=False)) == []
    assert _targets(_form(["A", "B", "1", "2", "3"], filled=False)) == []


def test_a_filled_row_under_the_column_numbers_is_still_read() -> None:
    got = _targets(_form(["(1)", "(2)", "(3)", "(4)", "(5)"], filled=True))
    assert [(t["indicator"], t["value"], t["unit"]) for t in got] == [("Tỷ lệ hộ nghèo", 4.2, "%")]


@settings(max_examples=20, deadline=None)
@given(style=st.sampled_from(["({})", "{}", "[{}]".replace("[", "(").replace("]", ")")]), first=st.integers(1, 3))
def test_column_numbers_in_any_style_give_no_target(style: str, first: int) -> None:
    numbers = [style.format(first + k) for k in range(5)]
    assert _targets(_form(numbers, filled=False)) == []


REPORT = (
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: /BC-UBND\nLào Cai, ngày {date} năm 2026\n\nBÁO CÁO\n"
    "Kết quả thực hiện công tác thanh tra năm 2025\n\n1. Kết quả thực hiện\n"
    "Năm 2025, đã đôn đốc thu hồi số tiền 5.373,4 triệu đồng, đạt 100% tỷ lệ thu hồi sau thanh tra.\n"
)


def test_a_result_of_the_year_before_a_draft_whose_date_is_blank_is_no_target() -> None:
    for date in ("     tháng     ", " … tháng … ", "....tháng.....", "tháng"):
        text = REPORT.format(date=date if date != "tháng" else "  tháng  ")
        assert _targets(text) == [], date
        assert _targets(strip_marks(text)) == [], date


def test_a_target_of_the_drafts_own_year_is_kept() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: /KH-UBND\nLào Cai, ngày    tháng    năm 2026\n\nKẾ HOẠCH\nGiảm nghèo năm 2026\n\n"
        "I. MỤC TIÊU\n- Phấn đấu năm 2026 tỷ lệ hộ nghèo giảm còn 3,5%.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert [(t["value"], t["year"]) for t in _targets(text)] == [(3.5, 2026)]


def test_the_part_of_a_year_a_figure_covers_is_no_value() -> None:
    for sentence in (
        "Rà soát kịch bản tăng trưởng để GRDP tăng trên 10%, trong đó chú trọng các lĩnh vực có tăng trưởng "
        "06 tháng đầu năm đạt thấp so với mục tiêu tăng trưởng cả năm.",
        "Đánh giá kết quả 9 tháng đầu năm 2026 của các ngành, phấn đấu tỷ lệ giải ngân đạt trên 95%.",
        "Tập trung chỉ đạo 6 tháng cuối năm, phấn đấu hoàn thành 100% kế hoạch.",
    ):
        for text in (sentence, strip_marks(sentence)):
            for part in ("I. MỤC TIÊU", "II. NHIỆM VỤ, GIẢI PHÁP"):
                got = _targets(HEAD + part + "\n1. " + text + "\n\nIII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n")
                assert not [t for t in got if t["unit"] == "tháng"], text


TASKS = "I. MỤC TIÊU\nBảo đảm an sinh xã hội.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n{}\n\nIII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n"


@settings(max_examples=20, deadline=None)
@given(
    opening=st.sampled_from(["Thực hiện hỗ trợ nhà ở", "Rà soát, hỗ trợ hộ nghèo về nhà ở", "Huy động nguồn lực xã hội hóa"]),
    count=st.sampled_from(["1.000 căn nhà", "500 hộ", "02 mô hình", "150 lao động"]),
    marks=st.booleans(),
)
def test_a_count_a_tasks_clause_strives_for_after_a_comma_is_a_target(opening: str, count: str, marks: bool) -> None:
    text = HEAD + TASKS.format(f"1. {opening}, phấn đấu hoàn thành {count} trong năm 2025.")
    got = _targets(strip_marks(text) if marks else text)
    value = float(count.split()[0].replace(".", ""))
    assert [float(t["value"]) for t in got] == [value]


def test_a_count_in_a_task_without_a_commitment_is_no_target() -> None:
    assert _targets(HEAD + TASKS.format("1. Tổ chức 02 lớp tập huấn cho cán bộ cấp xã.")) == []


def test_a_cap_names_what_follows_its_value() -> None:
    for cap in ("Không quá", "Tối đa", "Không vượt quá"):
        got = _targets(HEAD + f"I. MỤC TIÊU\n2. Mục tiêu cụ thể\n- {cap} 5% hồ sơ giải quyết trễ hạn.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n")
        assert [(t["indicator"], t["value"]) for t in got] == [("Tỷ lệ hồ sơ giải quyết trễ hạn", 5)], cap


_INDICES = ["PAR Index", "SIPAS", "PAPI", "PCI", "DDCI", "ICT Index"]


@settings(max_examples=25, deadline=None)
@given(
    names=st.lists(st.sampled_from(_INDICES), min_size=2, max_size=4, unique=True),
    joiner=st.sampled_from([", ", " và "]),
    marks=st.booleans(),
    part=st.sampled_from(["I. MỤC TIÊU\n2. Mục tiêu cụ thể\n- {}\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n",
                          "I. MỤC TIÊU\n- {}\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"]),
)
def test_one_rank_for_several_indices_named_by_acronym_is_a_target_each(
    names: list[str], joiner: str, marks: bool, part: str,
) -> None:
    listed = ", ".join(names[:-1]) + joiner + names[-1]
    sentence = f"Phấn đấu kết quả đánh giá các Chỉ số {listed} năm 2025 của tỉnh nằm trong nhóm 15 tỉnh dẫn đầu cả nước."
    text = HEAD + part.format(sentence)
    got = _targets(strip_marks(text) if marks else text)
    assert [(t["value"], t["comparator"]) for t in got] == [(15, "<=")] * len(names)
    assert all(name.split()[0] in t["indicator"] for name, t in zip(names, got, strict=True))


def test_a_list_of_plain_words_after_chi_so_stays_one_target() -> None:
    text = HEAD + "I. MỤC TIÊU\n- Các chỉ số sức khỏe, dinh dưỡng của trẻ em đạt 90%.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    assert [t["value"] for t in _targets(text)] == [90]


@settings(max_examples=25, deadline=None)
@given(
    norm=st.sampled_from(["Chuẩn nghèo là", "Mức lương cơ sở", "Mức trợ cấp xã hội hằng tháng là", "Định mức chi",
                          "Chuẩn cận nghèo khu vực nông thôn là", "Mức đóng bảo hiểm y tế"]),
    amount=st.sampled_from(["2.000.000 đồng/người/tháng", "2,34 triệu đồng", "500.000 đồng", "1.500.000 đồng/tháng"]),
    marks=st.booleans(),
)
def test_money_a_rule_fixes_is_no_target(norm: str, amount: str, marks: bool) -> None:
    text = HEAD + f"I. MỤC TIÊU\n- {norm} {amount}.\n- Tỷ lệ hộ nghèo giảm còn 2%.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    got = _targets(strip_marks(text) if marks else text)
    assert [t["value"] for t in got] == [2]


def test_an_income_target_in_money_is_kept() -> None:
    text = HEAD + "I. MỤC TIÊU\n- Thu nhập bình quân đầu người đạt 90 triệu đồng vào năm 2030.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    assert [(t["value"], t["year"]) for t in _targets(text)] == [(90, 2030)]


@settings(max_examples=20, deadline=None)
@given(
    fee=st.sampled_from(["Miễn 100% lệ phí trước bạ đối với xe mô tô", "Giảm 50% mức thu phí đăng ký biện pháp bảo đảm",
                         "Giảm 50% lệ phí cấp hộ chiếu đến hết năm 2026", "Thu phí bằng 0,5% giá trị tài sản"]),
    marks=st.booleans(),
)
def test_a_fee_the_law_sets_is_no_target(fee: str, marks: bool) -> None:
    text = HEAD + f"I. MỤC TIÊU\n- {fee}.\n- Tỷ lệ hồ sơ giải quyết trực tuyến đạt 80%.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    got = _targets(strip_marks(text) if marks else text)
    assert [t["value"] for t in got] == [80]


def test_a_share_handled_across_boundaries_is_still_a_target() -> None:
    text = HEAD + ("I. MỤC TIÊU\n- Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính đạt 70%.\n\n"
                   "II. NHIỆM VỤ\n1. Tuyên truyền.\n")
    assert [t["value"] for t in _targets(text)] == [70]
