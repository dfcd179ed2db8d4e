"""Sentences about reports that owe none: how regulatory texts describe, define, sanction or time a report.

Probe texts written for these rules (Decree 09/2019 on the elements of a reporting regime, Decree 30/2020 on the
form of texts, the usual build of a penalties decree); none is copied from a corpus document. Each rule has its
negative (the sentence that is no duty) and its positive (the duty beside it that must still be read).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_dates import deadlines
from ansinh.documents.parsing.report_described import described, not_duty_by_form
from tests.sizes import size

DECREE = """CHÍNH PHỦ
Số: 412/2026/NĐ-CP
Hà Nội, ngày 03 tháng 8 năm 2026
NGHỊ ĐỊNH
Quy định về quản lý dịch vụ chăm sóc người cao tuổi tại cộng đồng
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về dịch vụ chăm sóc người cao tuổi tại cộng đồng.
"""

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 57/KH-UBND
Quảng Trị, ngày 14 tháng 4 năm 2026
KẾ HOẠCH
Phát triển mạng lưới thư viện cơ sở năm 2026
I. NHIỆM VỤ
1. Rà soát các thư viện xã trên địa bàn.
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def _article(body: str) -> list[tuple[Any, ...]]:
    return _reports(DECREE + "Điều 2. Chế độ báo cáo\n" + body)


# --- a report described: its content, figures, form, quality ---------------------------------------------------


def test_the_content_figures_and_quality_of_a_report_are_not_duties_beside_the_duty_itself() -> None:
    body = (
        "1. Cơ sở chăm sóc gửi báo cáo định kỳ hằng năm về Sở Y tế trước ngày 10 tháng 12.\n"
        "2. Nội dung báo cáo định kỳ hằng năm gồm: số người được chăm sóc, kinh phí đã sử dụng.\n"
        "3. Số liệu báo cáo từ ngày 01 tháng 01 đến ngày 30 tháng 11 của năm báo cáo.\n"
        "4. Báo cáo phải được xây dựng đầy đủ, trung thực, đúng biểu mẫu.\n"
        "5. Phương thức, thời hạn gửi báo cáo đột xuất thực hiện theo yêu cầu của cơ quan có thẩm quyền.\n"
    )
    assert _article(body) == [("annual", 10, 12, None)]


def test_an_element_of_the_report_with_its_own_day_is_still_read() -> None:
    assert not described(fold("Báo cáo năm phải được cập nhật vào hệ thống trước ngày 15 tháng 01 năm sau"), dated=True)
    assert described(fold("Nội dung báo cáo sáu tháng gồm các chỉ tiêu tại Mẫu số 02"), dated=False)
    assert described(fold("Trach nhiem xay dung, tong hop bao cao dinh ky hang nam"), dated=False)


def test_the_papers_of_a_dossier_are_not_a_duty() -> None:
    assert described(fold("Hồ sơ đề nghị công nhận gồm: Báo cáo kết quả thực hiện của xã; biên bản kiểm tra."), dated=False)
    assert not described(fold("Sở Văn hóa tổng hợp hồ sơ, báo cáo Ủy ban nhân dân tỉnh hằng quý."), dated=False)


def test_a_word_explained_in_the_definitions_article_is_not_a_duty() -> None:
    assert described(fold("2. Trình diện là việc người được quản lý đến trụ sở Công an xã để báo cáo về nơi ở."), dated=False)
    assert not described(fold("Sở Tư pháp là cơ quan thường trực, báo cáo Ủy ban nhân dân tỉnh hằng quý."), dated=False)


def test_the_two_ends_of_the_span_the_figures_cover_are_no_deadline() -> None:
    assert deadlines(fold("số liệu tính từ ngày 01 tháng 01 đến ngày 31 tháng 12 hằng năm")) == []
    assert [d[1:] for d in deadlines(fold("gửi Sở Tài chính vào ngày 15 tháng 12 hằng năm"))] == [(15, 12)]


# --- a condition closed by a comma: a step of a procedure -----------------------------------------------------


def test_a_condition_closed_by_a_comma_makes_the_report_a_step_of_a_procedure() -> None:
    body = (
        "2. Trường hợp giá dịch vụ giảm dưới 3%, doanh nghiệp có trách nhiệm báo cáo Sở Tài chính về việc giữ giá.\n"
        "3. Trường hợp có khó khăn, vướng mắc, các thư viện xã kịp thời báo cáo Sở Văn hóa để được hướng dẫn.\n"
        "4. Trường hợp cần thiết, Sở Văn hóa báo cáo đột xuất theo yêu cầu của Ủy ban nhân dân tỉnh.\n"
    )
    assert _reports(PLAN + body) == [("adhoc", None, None, None), ("adhoc", None, None, None)]


# --- the grounds of a text -----------------------------------------------------------------------------------


def test_the_grounds_of_a_text_cite_reports_but_owe_none() -> None:
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 21/NQ-HĐND\nNGHỊ QUYẾT\nVề chương trình thư viện cơ sở\n---\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH Căn cứ Luật Thư viện năm 2019;\n"
        "Sau khi xem xét Tờ trình số 88/TTr-UBND; Báo cáo thẩm tra, giải trình số 12/BC-HĐND của Ban Văn hóa - Xã hội;\n"
        "QUYẾT NGHỊ:\nĐiều 1. Thông qua chương trình thư viện cơ sở.\n"
        "Điều 2. Căn cứ Nghị quyết này, Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân tỉnh trước ngày 30/11/2026.\n"
    )
    assert _reports(text) == [("once", 30, 11, 2026)]


# --- penalties, rights, steps timed from each filing --------------------------------------------------------


def test_a_penalty_a_remedy_and_a_right_are_not_reporting_duties() -> None:
    body = (
        "1. Phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng đối với hành vi không báo cáo Sở Y tế theo quy định.\n"
        "2. Không thực hiện chế độ báo cáo với cơ quan quản lý theo quy định.\n"
        "3. Buộc thực hiện chế độ thông tin, báo cáo với cơ quan có thẩm quyền.\n"
        "4. Được yêu cầu các cơ sở giải trình, báo cáo chuyên môn định kỳ hoặc đột xuất.\n"
        "5. Được giao theo dõi, Sở Y tế định kỳ hằng năm báo cáo Bộ Y tế.\n"
    )
    assert _article(body) == [("annual", None, None, None)]


def test_a_step_timed_from_each_filing_is_not_a_reporting_duty() -> None:
    body = (
        "1. Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Sở Y tế thẩm định và báo cáo Ủy ban nhân dân tỉnh.\n"
        "2. Sở Y tế tổng hợp, báo cáo Bộ Y tế trước ngày 15 tháng 12 hằng năm.\n"
    )
    assert _article(body) == [("annual", 15, 12, None)]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 60), st.sampled_from(["ngày", "ngày làm việc", "giờ"]), st.sampled_from(["Sở Xây dựng", "Cục Hàng hải", "UBND cấp xã"]))
def test_any_step_timed_from_a_filing_owes_no_report(count: int, unit: str, who: str) -> None:
    sentence = f"Trong thời hạn {count:02d} {unit}, kể từ ngày nhận đủ hồ sơ hợp lệ, {who} thẩm định và báo cáo cấp trên."
    assert not_duty_by_form(fold(sentence))
    assert _reports(PLAN + "2. " + sentence + "\n") == []


@settings(max_examples=size(40, 60), deadline=None)
@given(st.text(max_size=200), st.booleans())
def test_the_new_readers_take_any_text(text: str, dated: bool) -> None:
    folded = fold(text)
    assert isinstance(described(folded, dated), bool)
    assert isinstance(not_duty_by_form(folded), bool)
