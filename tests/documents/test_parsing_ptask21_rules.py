"""Rules of round 21 (ptask21) on recall of tasks and leads, each checked on invented text."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

# A resolution (invented) in articles without chapters about a body it sets up: its "Nhiệm vụ của …" article lists that
# body's work in numbered clauses, its closing article hands out the rest.
RESOLUTION = """CHÍNH PHỦ
Số: 77/2031/NQ-CP
NGHỊ QUYẾT
Về Tổ phản ứng nhanh phòng chống thiên tai cấp xã

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định về Tổ phản ứng nhanh phòng chống thiên tai cấp xã.
Điều 2. Vị trí của Tổ phản ứng nhanh
Tổ phản ứng nhanh là lực lượng thuộc Ủy ban nhân dân cấp xã.
Điều 3. Nhiệm vụ của Tổ phản ứng nhanh cấp xã
1. Tham mưu cho Ủy ban nhân dân cấp xã xây dựng phương án ứng phó thiên tai.
2. Tổ chức sơ tán người dân khỏi vùng nguy hiểm khi có lệnh.
3. Huấn luyện lực lượng
a) Xây dựng kế hoạch huấn luyện hằng năm;
b) Tổ chức diễn tập ứng phó lũ quét.
Điều 4. Kinh phí
Kinh phí bảo đảm từ ngân sách địa phương.
Điều 5. Tổ chức thực hiện
1. Bộ Nông nghiệp và Môi trường chịu trách nhiệm hướng dẫn thực hiện Nghị quyết này.
2. Ủy ban nhân dân cấp tỉnh có trách nhiệm bố trí kinh phí cho các Tổ phản ứng nhanh.
"""

# A decision (invented) setting up a team: its remit is written as dash lines, which are no numbered tasks.
DECISION = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 12/QĐ-UBND
QUYẾT ĐỊNH
Về việc thành lập Tổ kiểm tra chợ Tết

Điều 1. Thành lập Tổ kiểm tra chợ Tết gồm các thành viên có tên trong danh sách kèm theo.
Điều 2. Nhiệm vụ của Tổ kiểm tra:
- Kiểm tra việc niêm yết giá tại chợ;
- Báo cáo Chủ tịch Ủy ban nhân dân xã kết quả kiểm tra.
Điều 3. Văn phòng Ủy ban nhân dân xã và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
"""


def test_an_article_listing_a_bodys_work_in_numbered_clauses_gives_tasks_led_by_that_body() -> None:
    tasks = {t["number"]: t for t in extract_plan(RESOLUTION, "resolution")["tasks"]}
    assert {"3", "3.1", "3.2", "3.3", "3.3.a", "3.3.b"} <= set(tasks)
    assert tasks["3"]["lead"] == ["Tổ phản ứng nhanh cấp xã"]
    assert tasks["3.3.a"]["lead"] == ["Tổ phản ứng nhanh cấp xã"]
    # the closing article still hands out its duties
    assert tasks["2"]["lead"] == ["Ủy ban nhân dân cấp tỉnh"]


def test_a_teams_remit_written_as_dash_lines_gives_no_tasks() -> None:
    tasks = extract_plan(DECISION, "decision")["tasks"]
    assert not any(t["title"].startswith(("Nhiệm vụ của Tổ", "Kiểm tra việc niêm yết")) for t in tasks)


# A circular (invented) whose closing chapter lists a province's duties, one of them directing its department.
CIRCULAR = """BỘ Y TẾ
Số: 88/2031/TT-BYT
THÔNG TƯ
Quy định về kiểm tra an toàn bếp ăn tập thể

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc kiểm tra an toàn bếp ăn tập thể.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 2. Trách nhiệm của Cục An toàn thực phẩm
1. Hướng dẫn nghiệp vụ kiểm tra bếp ăn tập thể.
2. Tổng hợp kết quả kiểm tra trên toàn quốc.
Điều 3. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Bố trí kinh phí kiểm tra theo phân cấp ngân sách.
2. Chỉ đạo Sở Y tế tổ chức kiểm tra định kỳ các bếp ăn tập thể trên địa bàn.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2032.
"""


def test_an_item_directing_a_named_body_is_led_by_the_body_directed() -> None:
    tasks = {t["number"]: t for t in extract_plan(CIRCULAR, "circular")["tasks"]}
    assert tasks["3.1"]["lead"] == ["Ủy ban nhân dân cấp tỉnh"]
    assert tasks["3.2"]["lead"] == ["Sở Y tế"]


# A district plan (invented) whose items name district offices in lower case and open with verbs that fold like "Ban".
DISTRICT_PLAN = """ỦY BAN NHÂN DÂN HUYỆN HÒA AN
Số: 31/KH-UBND
KẾ HOẠCH
Khắc phục hạn chế trong công tác lưu trữ năm 2031
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng công tác lưu trữ.
II. NỘI DUNG THỰC HIỆN
1. Kiểm tra hồ sơ lưu trữ
Giao phòng Văn hóa và Thông tin chủ trì, phối hợp với phòng Nội vụ thực hiện.
2. Giao phòng Tài chính - Kế hoạch bố trí kinh phí mua sắm giá kệ.
3. Ban hành Quy chế phối hợp giữa các cơ quan chuyên môn
4. Bàn giao tài liệu khi chuyển công tác
III. TỔ CHỨC THỰC HIỆN
Các cơ quan định kỳ hằng quý báo cáo Ủy ban nhân dân huyện.
"""


def test_a_district_office_written_in_lower_case_after_giao_leads() -> None:
    tasks = {t["number"]: t for t in extract_plan(DISTRICT_PLAN, "district")["tasks"]}
    assert tasks["1"]["lead"] == ["phòng Văn hóa và Thông tin"]
    assert tasks["1"]["coordinate"] == ["phòng Nội vụ"]
    assert tasks["2"]["lead"] == ["phòng Tài chính - Kế hoạch"]


def test_an_item_opening_with_a_verb_that_folds_like_ban_names_no_body() -> None:
    tasks = {t["number"]: t for t in extract_plan(DISTRICT_PLAN, "district")["tasks"]}
    assert tasks["3"]["lead"] == []
    assert tasks["4"]["lead"] == []


def test_a_body_handed_its_role_is_named_without_duoc_giao_and_quan_triet_ends_the_subject() -> None:
    plan = DISTRICT_PLAN.replace(
        "4. Bàn giao tài liệu khi chuyển công tác\n",
        "4. Bàn giao tài liệu khi chuyển công tác\n"
        "5. Văn phòng Ủy ban nhân dân huyện được giao chủ trì tổng hợp kết quả.\n"
        "6. Đào tạo nghiệp vụ\nSở Nội vụ được phân công chủ trì, phối hợp với Trường Chính trị tỉnh tổ chức lớp học.\n"
        "7. Yêu cầu Thủ trưởng các cơ quan chuyên môn quán triệt nội dung kế hoạch.\n",
    )
    tasks = {t["number"]: t for t in extract_plan(plan, "district")["tasks"]}
    assert tasks["5"]["lead"] == ["Văn phòng Ủy ban nhân dân huyện"]
    assert tasks["6"]["lead"] == ["Sở Nội vụ"]
    assert tasks["6"]["coordinate"] == ["Trường Chính trị tỉnh"]
    assert tasks["7"]["lead"] == ["Thủ trưởng các cơ quan chuyên môn"]


def test_a_responsibilities_article_whose_clauses_name_their_doers_gives_tasks() -> None:
    text = RESOLUTION.replace(
        "Điều 4. Kinh phí\n",
        "Điều 4. Trách nhiệm của bộ, ngành, địa phương\n"
        "1. Bộ Nông nghiệp và Môi trường chịu trách nhiệm quản lý nhà nước đối với Tổ phản ứng nhanh.\n"
        "2. Ủy ban nhân dân cấp tỉnh quy hoạch, bố trí nơi tập kết phương tiện cứu hộ.\n"
        "Điều 4a. Kinh phí\n",
    )
    tasks = {t["number"]: t for t in extract_plan(text, "resolution")["tasks"]}
    assert tasks["4.1"]["lead"] == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["4.2"]["lead"] == ["Ủy ban nhân dân cấp tỉnh"]


def test_a_responsibilities_article_stating_obligations_under_the_text_gives_no_tasks() -> None:
    text = RESOLUTION.replace(
        "Điều 4. Kinh phí\n",
        "Điều 4. Trách nhiệm của cơ quan, tổ chức và người dân\n"
        "1. Trách nhiệm của cơ quan nhà nước:\na) Công khai thông tin cảnh báo thiên tai;\n"
        "2. Nhà nước khuyến khích người dân tham gia Tổ phản ứng nhanh.\n"
        "3. Trách nhiệm của doanh nghiệp:\na) Bảo đảm an toàn cho người lao động;\n"
        "Điều 4a. Kinh phí\n",
    )
    titles = [t["title"] for t in extract_plan(text, "resolution")["tasks"]]
    assert not any(t.startswith(("Trách nhiệm của cơ quan", "Nhà nước khuyến khích", "Công khai thông tin")) for t in titles)
