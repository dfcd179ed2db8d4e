"""Reporting duties (issue 10, round 12): a cited document's name is no duty and its year no due year.

Decree 30/2020 (Phụ lục II) capitalises a document kind when a text cites one document ("theo Báo cáo thẩm tra của
…") and cites a law by its name and year ("Luật Đất đai năm 2024"). Probe texts written for these rules from the
usual build of a plan; none is copied from a corpus document. Each rule has its negative and its positive.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_described import blank_cited
from ansinh.documents.parsing.report_owed import owed
from ansinh.documents.parsing.report_recipient import recipient_span

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 41/KH-UBND
Quảng Trị, ngày 03 tháng 4 năm 2026
KẾ HOẠCH
Phát triển làng nghề truyền thống giai đoạn 2026 - 2030
I. NHIỆM VỤ
1. Khảo sát các làng nghề đang hoạt động trên địa bàn.
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def _organising(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n" + "".join(f"- {x}\n" for x in lines))


# --- "Báo cáo" capitalised inside a sentence names a document ----------------------------------------------------


def test_a_report_cited_by_its_capitalised_name_inside_a_sentence_is_no_duty() -> None:
    tasks = (
        "2. Giao Sở Công Thương căn cứ ý kiến của các hiệp hội và Báo cáo khảo sát của Viện Kinh tế để xây dựng đề án.\n"
        "3. Thông qua Báo cáo của Sở Văn hóa về kết quả bảo tồn làng nghề.\n"
    )
    assert _reports(PLAN + tasks) == []


def test_a_duty_beside_a_cited_report_stays_a_duty() -> None:
    tasks = "2. Giao Sở Công Thương căn cứ ý kiến của các hiệp hội và Báo cáo khảo sát để hoàn thiện đề án, tiếp tục báo cáo Ủy ban nhân dân tỉnh.\n"
    assert _reports(PLAN + tasks) == [("adhoc", None, None, None)]


def test_a_capitalised_report_after_a_verb_or_opening_a_sentence_is_still_read() -> None:
    # a verb before it ("phải lập", "trách nhiệm") or the sentence's first word: the report owed, capital or not
    for text in ("phải lập Báo cáo định kỳ", "trách nhiệm Báo cáo kết quả", "Báo cáo Ủy ban nhân dân tỉnh"):
        assert blank_cited(text, fold(text)) == fold(text)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["và", "theo", "qua", "trong", "tại", "các", ","]),
    st.sampled_from(["thẩm tra", "tổng kết 10 năm", "tiếp thu, giải trình", "chính trị"]),
)
def test_any_report_cited_after_a_citing_word_is_blanked_in_place(before: str, name: str) -> None:
    text = f"Sở Tư pháp căn cứ ý kiến {before} Báo cáo {name} của Bộ"
    folded = blank_cited(text, fold(text))
    assert len(folded) == len(fold(text))
    assert "bao cao" not in folded


# --- the year of a law's name is no year a review is due ------------------------------------------------------------


def test_a_review_of_a_law_named_with_its_year_owes_no_one_off_report_that_year() -> None:
    tasks = "2. Tổng kết việc thực hiện Luật Di sản văn hóa năm 2001, đề xuất sửa đổi các quy định về làng nghề.\n"
    assert _reports(PLAN + tasks) == []


def test_a_review_held_in_a_year_is_still_a_one_off_report_of_that_year() -> None:
    tasks = "2. Tổ chức sơ kết việc thực hiện Luật Di sản văn hóa vào năm 2028, báo cáo Ủy ban nhân dân tỉnh.\n"
    assert ("once", None, None, 2028) in _reports(PLAN + tasks)


# --- in a letter or a conclusion notice, a report asked with no occasion is owed once ------------------------------

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 57/TB-UBND
Quảng Trị, ngày 10 tháng 4 năm 2026
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về chợ đầu mối nông sản
Ngày 08 tháng 4 năm 2026, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp. Phó Chủ tịch kết luận như sau:
1. Giao Sở Công Thương:
"""
LETTER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 812/UBND-KT
V/v rà soát hồ sơ chợ đầu mối nông sản
Quảng Trị, ngày 10 tháng 4 năm 2026
Kính gửi: Sở Công Thương
1. Giao Sở Công Thương:
"""


def test_a_report_asked_in_a_conclusion_notice_with_no_occasion_is_owed_once() -> None:
    line = "a) Rà soát hồ sơ đất đai của chợ đầu mối; báo cáo Ủy ban nhân dân tỉnh để chỉ đạo.\n"
    assert _reports(NOTICE + line) == [("once", None, None, None)]
    assert _reports(LETTER + line) == [("once", None, None, None)]


def test_a_report_with_an_occasion_or_a_recurrence_in_a_letter_stays_ad_hoc() -> None:
    for line in (
        "a) Kịp thời báo cáo Ủy ban nhân dân tỉnh những khó khăn phát sinh.\n",
        "a) Thường xuyên theo dõi, báo cáo Ủy ban nhân dân tỉnh tình hình tiêu thụ nông sản.\n",
        "a) Định kỳ 02 tuần/lần báo cáo Ủy ban nhân dân tỉnh tiến độ xây dựng chợ.\n",
        "a) Rà soát hồ sơ của chợ; báo cáo Ủy ban nhân dân tỉnh các nội dung vượt thẩm quyền.\n",
    ):
        assert _reports(NOTICE + line) == [("adhoc", None, None, None)]


def test_a_report_asked_in_a_plan_with_no_occasion_stays_ad_hoc() -> None:
    # a plan sets duties that hold while the work goes on: the same words owe a report whenever it is due
    line = "2. Rà soát hồ sơ đất đai của các làng nghề; báo cáo Ủy ban nhân dân tỉnh để chỉ đạo.\n"
    assert _reports(PLAN + line) == [("adhoc", None, None, None)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["khi có yêu cầu", "kịp thời", "trường hợp vượt thẩm quyền,", "hằng tháng", "theo quy định"]))
def test_any_occasion_or_recurrence_keeps_a_notice_report_ad_hoc_or_periodic(cue: str) -> None:
    reports = _reports(NOTICE + f"a) Rà soát hồ sơ đất đai của chợ; {cue} báo cáo Ủy ban nhân dân tỉnh.\n")
    assert reports and all(frequency != "once" for frequency, *_ in reports)


# --- words that fold like a body ("địa bàn", "toàn bộ", "phục vụ", "nhiệm vụ") name no recipient --------------------


def test_a_report_whose_only_body_is_a_word_that_folds_like_one_is_not_owed() -> None:
    for text in (
        "rà soát, báo cáo toàn bộ quá trình sắp xếp các làng nghề",
        "thống kê, báo cáo số hộ làm nghề trên địa bàn quản lý",
        "chuẩn bị báo cáo tóm tắt nội dung cơ bản của đề án phục vụ hội nghị",
        "tổng hợp báo cáo kết quả thực hiện nhiệm vụ được giao",
    ):
        assert not owed(fold(text), False, False), text


def test_a_report_to_a_named_ban_bo_or_vu_is_still_owed() -> None:
    for text in (
        "báo cáo Ban Chỉ đạo tỉnh kết quả thực hiện",
        "gửi báo cáo về Bộ Công Thương",
        "báo cáo Vụ Kế hoạch - Tài chính tiến độ giải ngân",
        "rà soát các làng nghề trên địa bàn, báo cáo Ban Thường vụ Tỉnh ủy",
    ):
        assert owed(fold(text), False, False), text


def test_the_occasion_after_the_verb_makes_a_report_owed_as_before_it() -> None:
    assert owed(fold("cung cấp thông tin, báo cáo kịp thời để chỉ đạo xử lý"), False, False)
    assert owed(fold("tổng hợp, báo cáo nhanh thiệt hại sau mỗi đợt mưa lớn"), False, False)
    assert owed(fold("thực hiện báo cáo về Chương trình theo phạm vi quản lý"), False, False)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["địa bàn", "toàn bộ", "đồng bộ", "phục vụ", "nhiệm vụ", "dịch vụ", "cơ bản"]),
    st.sampled_from(["xã", "quản lý", "công tác", "được giao", "các hoạt động"]),
)
def test_no_word_that_folds_like_a_body_makes_a_report_owed(word: str, tail: str) -> None:
    assert not owed(fold(f"tổng hợp, báo cáo kết quả {word} {tail}"), False, False)


# --- the recipient is the first body named ---------------------------------------------------------------------------


def _recipient_of(text: str) -> str | None:
    span = recipient_span(fold(text))
    return None if span is None else fold(text)[span[0]:span[1]]


def test_the_recipient_of_a_report_to_several_bodies_is_the_first_one_named() -> None:
    assert _recipient_of("định kỳ báo cáo Bộ Chính trị, Ban Bí thư kết quả thực hiện") == "bo chinh tri"
    assert _recipient_of("hằng năm báo cáo Ủy ban nhân dân tỉnh và Sở Công Thương") == "uy ban nhan dan tinh"
    assert _recipient_of("gửi báo cáo về Bộ Nội vụ, Ủy ban nhân dân cấp tỉnh") == "bo noi vu"


def test_a_body_whose_name_holds_a_comma_or_and_is_kept_whole() -> None:
    assert _recipient_of("báo cáo Bộ Văn hóa, Thể thao và Du lịch kết quả") == "bo van hoa, the thao va du lich"
    assert _recipient_of("gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 15/12") == "so khoa hoc va cong nghe"


def test_the_recipient_ends_before_what_it_is_asked_to_do_or_the_channel() -> None:
    assert _recipient_of("báo cáo Thủ tướng Chính phủ xử lý các vấn đề phát sinh") == "thu tuong chinh phu"
    assert _recipient_of("báo cáo Thủ tướng Chính phủ kịp thời về tiến độ") == "thu tuong chinh phu"
    assert _recipient_of("gửi báo cáo cho Sở Nội vụ thông qua hệ thống điện tử") == "so noi vu"
    # a go-between in brackets stays: the report passes through that office
    assert _recipient_of("báo cáo UBND tỉnh (thông qua Sở Xây dựng) trước ngày 15") == "ubnd tinh (thong qua so xay dung)"


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Ủy ban nhân dân tỉnh", "Bộ Tài chính", "Thủ tướng Chính phủ", "Ban Chỉ đạo tỉnh"]),
    st.sampled_from([", ", " và ", " hoặc "]),
    st.sampled_from(["Sở Nội vụ", "Bộ Công Thương", "Ban Thường vụ Tỉnh ủy", "Cục Thống kê"]),
)
def test_any_second_body_after_the_first_is_left_out_of_the_recipient(first: str, joint: str, second: str) -> None:
    assert _recipient_of(f"định kỳ báo cáo {first}{joint}{second} kết quả thực hiện") == fold(first)


# --- a period is the report's only where it qualifies the report -------------------------------------------------


def test_a_period_after_the_purpose_of_a_report_is_not_its_period() -> None:
    line = "Định kỳ báo cáo kết quả gửi về Sở Công Thương để tổng hợp và xác định chỉ số làng nghề hằng năm"
    assert _organising(line + ".") == [("adhoc", None, None, None)]


def test_a_period_of_other_work_in_a_clause_of_its_own_is_not_the_reports() -> None:
    line = "Thực hiện nghiêm chế độ kiểm điểm, đánh giá hằng năm; định kỳ sơ kết, tổng kết việc thực hiện theo quy định"
    assert all(frequency != "annual" for frequency, *_ in _organising(line + "."))


def test_a_schedule_clause_before_the_report_and_a_proposal_keep_their_period() -> None:
    assert _organising("Định kỳ 06 tháng, trước ngày 15 tháng 6; Sở Công Thương báo cáo Ủy ban nhân dân tỉnh.") == [
        ("semiannual", 15, 6, None)
    ]
    assert _organising("Tổng hợp, báo cáo, đề xuất Ủy ban nhân dân tỉnh hằng năm.") == [("annual", None, None, None)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["hằng năm", "hằng quý", "06 tháng một lần", "hằng tháng"]))
def test_any_period_after_the_purpose_leaves_the_report_without_it(period: str) -> None:
    line = f"Định kỳ báo cáo kết quả gửi về Sở Công Thương để theo dõi chỉ số làng nghề {period}."
    assert _organising(line) == [("adhoc", None, None, None)]
