"""Round 19 (ptask19): rules of how Vietnamese administrative texts are built, each shown on made-up text.

Every text below was written for these tests (no corpus document's wording): an invitation letter and its attached
programme, the duty articles of a decision, a report owed once after an event.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

_INVITATION = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 45/UBND-VP
V/v mời dự Hội nghị triển khai công tác phòng chống thiên tai
Hòa Bình, ngày 3 tháng 2 năm 2026
Kính gửi: Các ban, ngành, đoàn thể xã.
Ủy ban nhân dân xã tổ chức Hội nghị triển khai công tác phòng chống thiên tai năm 2026, cụ thể như sau:
1. Thời gian: 08 giờ 00, ngày 10/02/2026.
2. Địa điểm: Hội trường Ủy ban nhân dân xã.
3. Thành phần:
- Thường trực Đảng ủy, HĐND, UBND xã;
- Trưởng các thôn.
4. Nội dung:
- Báo cáo tổng kết công tác phòng chống thiên tai năm 2025;
- Triển khai kế hoạch năm 2026.
5. Tài liệu hội nghị: gửi kèm.
6. Công tác chuẩn bị: Văn phòng UBND xã chủ trì, phối hợp Ban Chỉ huy Quân sự xã chuẩn bị hội trường.
Đề nghị các đại biểu dự đúng thành phần, đúng giờ./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An

CHƯƠNG TRÌNH
Hội nghị tổng kết công tác phòng chống thiên tai năm 2025
1. Khai mạc, giới thiệu đại biểu (Văn phòng UBND xã);
2. Báo cáo tổng kết (Ban Chỉ huy phòng chống thiên tai xã);
3. Thảo luận;
4. Bế mạc.
"""


def _read(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _titles(result: dict[str, Any]) -> list[str]:
    return [str(t["title"]) for t in result["tasks"]]


def test_an_invitation_sets_its_event_and_only_its_preparation_is_a_task() -> None:
    """Time, place, attendance, content and papers of a meeting set the event; "Công tác chuẩn bị" hands out work."""
    result = _read(_INVITATION)
    assert _titles(result) == ["Công tác chuẩn bị"]


def test_the_programme_sent_after_the_signature_is_the_agenda_not_work() -> None:
    """"CHƯƠNG TRÌNH" over the meeting's name after "Nơi nhận:": its numbered lines are the agenda of the event."""
    assert not any(t.startswith(("Khai mạc", "Thảo luận", "Bế mạc")) for t in _titles(_read(_INVITATION)))


def test_a_report_named_as_the_content_of_a_meeting_is_no_reporting_duty() -> None:
    """"4. Nội dung: - Báo cáo tổng kết …" names a paper read at the meeting, not a report owed."""
    assert _read(_INVITATION)["reporting"] == []


def test_a_plan_item_on_attendance_without_time_and_place_beside_it_stays_a_task() -> None:
    """A list is an event's setting only when time or place stands beside attendance: a plan's "Thành phần" step stays."""
    text = """KẾ HOẠCH
Tổ chức hội nghị cử tri năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm dân chủ, đúng luật.
II. NHIỆM VỤ
1. Triệu tập hội nghị: Ban Thường trực Ủy ban Mặt trận xã chủ trì.
2. Thành phần hội nghị: Ban công tác Mặt trận các thôn mời cử tri.
3. Trình tự hội nghị: Chủ tịch Ủy ban Mặt trận xã điều hành.
III. TỔ CHỨC THỰC HIỆN
Các thôn thực hiện nghiêm túc.
"""
    assert "Thành phần hội nghị" in " ".join(_titles(_read(text)))


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(["Thời gian: 14 giờ, ngày 05/3/2026.", "Địa điểm: Nhà văn hóa thôn.", "Thành phần: Các hộ gia đình."]),
    work=st.sampled_from(["Công tác chuẩn bị", "Chuẩn bị hội trường", "Công tác hậu cần"]),
)
def test_whatever_order_the_setting_comes_in_only_the_work_item_is_a_task(order: list[str], work: str) -> None:
    """The labels of an event's setting are read wherever they stand in the list; the item handing out work stays."""
    items = "\n".join(f"{i}. {line}" for i, line in enumerate([*order, f"{work}: Trưởng thôn chủ trì chuẩn bị."], start=1))
    text = f"""ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 12/UBND
V/v mời họp dân thôn Đông
Kính gửi: Trưởng thôn Đông.
Ủy ban nhân dân xã thông báo như sau:
{items}
Nơi nhận:
- Như trên.
"""
    assert _titles(_read(text)) == [work]


_DECISION = """ỦY BAN NHÂN DÂN TỈNH SƠN LÂM
Số: 210/QĐ-UBND
QUYẾT ĐỊNH
Phê duyệt danh mục dự án hỗ trợ kỹ thuật nâng cấp hệ thống cảnh báo lũ
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt danh mục dự án hỗ trợ kỹ thuật nâng cấp hệ thống cảnh báo lũ, cụ thể như sau:
- Tổng vốn: 2.000.000 USD.
- Thời gian thực hiện: 24 tháng.
Điều 2. Giao Sở Nông nghiệp và Môi trường:
- Hoàn thiện văn kiện dự án, trình phê duyệt theo quy định;
- Chủ trì, phối hợp với Sở Tài chính triển khai dự án đúng tiến độ.
Điều 3. Kho bạc Nhà nước khu vực tỉnh Sơn Lâm kiểm soát, thanh toán vốn của dự án theo đúng quy định hiện hành.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký.
Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Nông nghiệp và Môi trường, Tài chính chịu trách nhiệm thi hành Quyết định này./.
"""


def test_a_decisions_middle_articles_that_give_a_body_work_are_its_tasks() -> None:
    """After "Điều 1" (the matter decided) a decision assigns the work article by article: "Điều 2. Giao Sở …:" and
    "Điều 3. Kho bạc … kiểm soát, thanh toán …" (one whole sentence opening with a body) are tasks 2 and 3; the
    article on its effect and the closing formula are not."""
    assert [t["number"] for t in _read(_DECISION)["tasks"]] == ["2", "3"]


def test_an_article_closing_a_decision_with_its_executing_bodies_is_no_task() -> None:
    """"Điều 3. Chánh Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành Quyết định này." names who applies it."""
    text = _DECISION.replace("Chánh Văn phòng", "Điều 5. Chánh Văn phòng")
    assert [t["number"] for t in _read(text)["tasks"]] == ["2", "3"]


def test_a_decree_article_named_by_a_body_is_no_duty_sentence() -> None:
    """A decree's article titled by a body ("Điều 5. Chi nhánh của doanh nghiệp dịch vụ việc làm", no full stop) names
    its matter; it gives no work as a sentence does."""
    text = """NGHỊ ĐỊNH
Quy định về dịch vụ việc làm
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về dịch vụ việc làm.
Điều 5. Chi nhánh của doanh nghiệp hoạt động dịch vụ việc làm
1. Chi nhánh được thành lập theo quy định.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày ký.
"""
    assert _read(text)["tasks"] == []


def _letter(body: str) -> str:
    return f"""ĐẢNG ỦY XÃ TÂN LẬP
Số 77-CV/ĐU
V/v triển khai học tập chuyên đề năm 2026
Kính gửi: Các chi bộ trực thuộc.
{body}
Nơi nhận:
- Như trên.
"""


def test_a_meeting_named_a_briefing_is_no_report_owed() -> None:
    """"Hội nghị báo cáo viên", "Hội nghị báo cáo nhanh …": "báo cáo" after "hội nghị" names the kind of meeting."""
    text = _letter(
        "I. Hội nghị báo cáo nhanh kết quả Hội nghị Trung ương\n1. Các chi bộ cử đại biểu dự.\n"
        "2. Văn phòng Đảng ủy chuẩn bị hội trường."
    )
    assert _read(text)["reporting"] == []


def test_a_report_asked_after_the_meeting_is_owed_once() -> None:
    """"…; sau Hội nghị báo cáo kết quả …": the clause opens with one event past, so the report is owed once."""
    text = _letter(
        "Đảng ủy xã yêu cầu:\n1. Các chi bộ tổ chức học tập chuyên đề cho toàn thể đảng viên.\n"
        "2. Văn phòng Đảng ủy theo dõi, đôn đốc việc học tập; sau hội nghị báo cáo kết quả về Ban Thường vụ Đảng ủy."
    )
    assert [r["frequency"] for r in _read(text)["reporting"]] == ["once"]


@settings(max_examples=30, deadline=None)
@given(event=st.sampled_from(["Hội nghị", "hội thảo", "đợt kiểm tra", "cuộc diễn tập", "buổi tọa đàm", "kỳ họp", "lớp bồi dưỡng"]),
       opening=st.sampled_from(["sau ", "sau khi kết thúc ", "ngay sau "]))
def test_whichever_event_a_clause_opens_after_its_report_is_owed_once(event: str, opening: str) -> None:
    """The events a report may follow are read alike; "sau mỗi …" (every one of them) is no single event."""
    text = _letter(
        "Đảng ủy xã yêu cầu:\n1. Các chi bộ tổ chức học tập chuyên đề cho đảng viên.\n"
        f"2. Ban Xây dựng Đảng theo dõi, đôn đốc; {opening}{event} báo cáo kết quả về Thường trực Đảng ủy."
    )
    assert [r["frequency"] for r in _read(text)["reporting"]] == ["once"]
    every = text.replace(f"{opening}{event}", f"sau mỗi {event.split()[0].lower()}")
    assert "once" not in [r["frequency"] for r in _read(every)["reporting"]]


def test_a_body_that_signs_for_the_state_leads_its_article() -> None:
    """"Điều 3. Ngân hàng … ký với nhà tài trợ thỏa thuận …": the body opening the sentence and signing is its lead."""
    text = _DECISION.replace(
        "Điều 3. Kho bạc Nhà nước khu vực tỉnh Sơn Lâm kiểm soát, thanh toán vốn của dự án theo đúng quy định hiện hành.",
        "Điều 3. Ngân hàng Phát triển khu vực Sơn Lâm ký với nhà tài trợ thỏa thuận vay theo đúng quy định hiện hành.",
    )
    third = next(t for t in _read(text)["tasks"] if t["number"] == "3")
    assert third["lead"] == ["Ngân hàng Phát triển khu vực Sơn Lâm"]


def _plan(closing: str) -> str:
    return f"""ỦY BAN NHÂN DÂN XÃ BÌNH MINH
KẾ HOẠCH
Phát triển nghề truyền thống năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Phát huy làng nghề của xã.
II. NHIỆM VỤ
1. Khảo sát các hộ làm nghề.
2. Hỗ trợ quảng bá sản phẩm.
III. TỔ CHỨC THỰC HIỆN
{closing}
"""


def test_a_prompt_report_in_its_own_clause_beside_the_regime_is_one_more_duty() -> None:
    """"…, kịp thời báo cáo … các vướng mắc; định kỳ 6 tháng, hằng năm báo cáo …": ad hoc besides the two periods."""
    text = _plan("Văn phòng UBND xã theo dõi, tổng hợp, kịp thời báo cáo Chủ tịch UBND xã các vướng mắc; định kỳ 6 tháng, "
                 "hằng năm báo cáo kết quả thực hiện.")
    assert sorted(r["frequency"] for r in _read(text)["reporting"]) == ["adhoc", "annual", "semiannual"]


def test_a_prompt_report_in_the_same_clause_as_the_period_is_no_extra_duty() -> None:
    """Only a clause of its own makes it a duty apart: "định kỳ hằng năm và kịp thời báo cáo …" is the yearly one."""
    text = _plan("Văn phòng UBND xã định kỳ hằng năm tổng hợp, kịp thời báo cáo Chủ tịch UBND xã kết quả thực hiện.")
    assert [r["frequency"] for r in _read(text)["reporting"]] == ["annual"]


def test_the_yearly_report_of_a_quarterly_regime_is_due_on_its_day_in_december() -> None:
    """"hằng quý, năm … trước ngày 15 của tháng cuối quý": the year's report goes with the last quarter's, 15 December."""
    text = _plan("Các thôn định kỳ hằng quý, năm báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15 của tháng cuối quý.")
    got = {r["frequency"]: (r["deadline_day"], r["deadline_month"]) for r in _read(text)["reporting"]}
    assert got == {"quarterly": (15, None), "annual": (15, 12)}


def test_a_body_answering_for_a_delegation_alone_opens_no_duty_articles() -> None:
    """A decision that delegates ("Điều 1. Ủy quyền cho Giám đốc Sở …") and closes with the delegate's accountability
    ("Điều 3. Giám đốc Sở … chịu trách nhiệm toàn diện …") hands out no work article by article: no task."""
    text = """ỦY BAN NHÂN DÂN TỈNH SƠN LÂM
Số: 88/QĐ-UBND
QUYẾT ĐỊNH
Về việc ủy quyền cấp giấy phép khai thác nước mặt
QUYẾT ĐỊNH:
Điều 1. Ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường cấp giấy phép khai thác nước mặt quy mô nhỏ.
Điều 2. Thời hạn ủy quyền
Đến hết ngày 31 tháng 12 năm 2026.
Điều 3. Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm toàn diện trước Ủy ban nhân dân tỉnh về nội dung được ủy quyền, công khai nội dung ủy quyền cho tổ chức, cá nhân biết.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký.
"""
    assert _read(text)["tasks"] == []


def test_the_closing_formula_stays_no_task_when_the_recipients_run_on_under_it() -> None:
    """"2. Chánh Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành Quyết định này./." then the signature and
    "Nơi nhận: - Như Điều 3; - Lưu: VT.": the dashes are the recipients, not points of a task."""
    text = """BỘ NÔNG NGHIỆP
Số: 15/QĐ-BNN
QUYẾT ĐỊNH
Ban hành hướng dẫn kỹ thuật tưới tiết kiệm nước
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này hướng dẫn kỹ thuật tưới tiết kiệm nước.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Tổ chức thực hiện
1. Ủy ban nhân dân các tỉnh có trách nhiệm hướng dẫn áp dụng kỹ thuật tưới tiết kiệm nước.
2. Chánh Văn phòng Bộ, Cục trưởng Cục Thủy lợi, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.
KT. BỘ TRƯỞNG
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
"""
    assert not any("thi hành" in t for t in _titles(_read(text)))
    assert len(_read(text)["tasks"]) == 1
