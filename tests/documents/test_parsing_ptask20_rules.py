"""Rules of round 20 (ptask20) on how legal texts are built, each checked on invented text."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

# A circular (invented): its duties in a closing chapter of "Trách nhiệm của …" articles, then the papers it prescribes
# as annexes after the signature, one of them a register whose parts read "I. NỘI DUNG KIỂM TRA", "1. …".
CIRCULAR = """BỘ NÔNG NGHIỆP
Số: 99/2031/TT-BNN
THÔNG TƯ
Quy định về kiểm tra an toàn hồ chứa nước nhỏ

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc kiểm tra an toàn hồ chứa nước nhỏ.
Điều 2. Đối tượng áp dụng
Thông tư này áp dụng đối với tổ chức, cá nhân quản lý hồ chứa nước nhỏ.
Chương II
TRÁCH NHIỆM THỰC HIỆN
Điều 3. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Chỉ đạo việc kiểm tra an toàn hồ chứa trên địa bàn.
2. Bố trí kinh phí kiểm tra hồ chứa theo phân cấp ngân sách.
Điều 4. Trách nhiệm của Cục Thủy lợi
1. Hướng dẫn nghiệp vụ kiểm tra hồ chứa.
2. Tổng hợp kết quả kiểm tra trên toàn quốc.
Điều 5. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2032.
Nơi nhận:
- Như Điều 5;
- Lưu: VT.
BỘ TRƯỞNG
Nguyễn Văn A
Phụ lục I
SỔ THEO DÕI KIỂM TRA HỒ CHỨA
(Ban hành kèm theo Thông tư số 99/2031/TT-BNN)
I. NỘI DUNG KIỂM TRA
1. Tình trạng đập chính
2. Tình trạng cống lấy nước
II. KẾT LUẬN
1. Mức độ an toàn
2. Kiến nghị xử lý
Phụ lục II
GIẤY XÁC NHẬN ĐÃ KIỂM TRA
(Ban hành kèm theo Thông tư số 99/2031/TT-BNN)
1. Tên hồ chứa
2. Người kiểm tra
"""


def test_the_papers_a_legal_text_annexes_are_no_tasks_and_its_duty_articles_still_are() -> None:
    tasks = extract_plan(CIRCULAR, "circular")["tasks"]
    titles = [t["title"] for t in tasks]
    assert not any(t.startswith(("Tình trạng", "Mức độ", "Tên hồ", "Người kiểm tra", "NỘI DUNG")) for t in titles)
    numbers = {t["number"]: t for t in tasks}
    assert "3" in numbers and "4" in numbers
    assert numbers["3"]["lead"] == ["Ủy ban nhân dân cấp tỉnh"]
    assert numbers["4"]["lead"] == ["Cục Thủy lợi"]


# A plan approved by a decision (invented): its annex lists work, and stays the plan's tasks.
DECISION = """ỦY BAN NHÂN DÂN TỈNH X
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch phát triển thư viện năm 2032
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thư viện năm 2032.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH
Phụ lục
DANH MỤC NHIỆM VỤ PHÁT TRIỂN THƯ VIỆN NĂM 2032
1. Sở Văn hóa chủ trì nâng cấp thư viện tỉnh.
2. Ủy ban nhân dân các xã chủ trì xây dựng tủ sách cộng đồng.
"""


def test_an_annex_of_a_legal_text_that_lists_work_keeps_its_tasks() -> None:
    titles = [t["title"] for t in extract_plan(DECISION, "decision")["tasks"]]
    assert any(t.startswith("Sở Văn hóa chủ trì") for t in titles)


# A decree (invented) whose closing chapter binds persons as well as bodies.
DECREE = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định về bảo hộ lao động trong nghề đánh bắt xa bờ
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định bảo hộ lao động trên tàu cá.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 2. Trách nhiệm của người sử dụng lao động
1. Trang bị áo phao cho thuyền viên trước mỗi chuyến biển.
2. Mua bảo hiểm tai nạn cho thuyền viên.
Điều 3. Trách nhiệm của người lao động
1. Mặc áo phao khi làm việc trên boong.
2. Tham gia lớp huấn luyện an toàn hằng năm.
Điều 4. Trách nhiệm của Bộ Nông nghiệp
1. Hướng dẫn việc huấn luyện an toàn cho thuyền viên.
"""


def test_an_article_on_the_duties_of_a_person_bound_by_the_law_is_led_by_that_person() -> None:
    tasks = {t["number"]: t for t in extract_plan(DECREE, "decree")["tasks"]}
    assert tasks["2"]["lead"] == ["người sử dụng lao động"]
    assert tasks["3"]["lead"] == ["người lao động"]
    assert tasks["4"]["lead"] == ["Bộ Nông nghiệp"]


# A decision (invented) whose clauses open with when the work is due, then name the body that does it.
TIMED = """THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp phòng chống dịch bệnh trên cây trồng
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp phòng chống dịch bệnh trên cây trồng.
Điều 2. Phối hợp giám sát dịch bệnh
1. Định kỳ hằng quý và khi có dịch, Bộ Nông nghiệp có trách nhiệm:
a) Chủ trì, phối hợp Bộ Y tế tổ chức đoàn giám sát liên ngành.
b) Công bố tình hình dịch bệnh trên cổng thông tin của Bộ.
2. Các bộ, cơ quan ngang bộ có trách nhiệm:
a) Phối hợp Bộ Nông nghiệp giám sát dịch bệnh.
b) Cung cấp thông tin về dịch bệnh khi được yêu cầu.
3. Cục Bảo vệ thực vật có trách nhiệm hướng dẫn nghiệp vụ giám sát cho các địa phương.
Điều 3. Phối hợp xử lý ổ dịch
1. Khi phát hiện ổ dịch mới, Ủy ban nhân dân cấp tỉnh có trách nhiệm:
a) Tổ chức tiêu hủy cây bệnh.
b) Báo cáo Bộ Nông nghiệp trong 24 giờ.
2. Các bộ, cơ quan ngang bộ có trách nhiệm:
a) Hỗ trợ địa phương xử lý ổ dịch.
b) Bố trí kinh phí theo phân cấp.
3. Cục Bảo vệ thực vật có trách nhiệm cử cán bộ hỗ trợ địa phương.
"""


def test_a_clause_opening_with_its_time_names_its_doer_after_the_comma() -> None:
    tasks = {t["number"]: t for t in extract_plan(TIMED, "timed")["tasks"]}
    assert tasks["2.1"]["lead"] == ["Bộ Nông nghiệp"]
    assert tasks["3.1"]["lead"] == ["Ủy ban nhân dân cấp tỉnh"]


# A circular (invented) laying down procedures article by article, each step naming who takes it, then its closing
# article on who carries it out.
PROCEDURES = """BỘ VĂN HÓA
THÔNG TƯ
Quy định quy trình xét tặng danh hiệu nghệ nhân
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định quy trình xét tặng danh hiệu nghệ nhân.
Điều 2. Quy trình xét tặng cấp tỉnh
1. Cá nhân lập hồ sơ đề nghị theo mẫu gửi Ủy ban nhân dân cấp xã.
2. Ủy ban nhân dân cấp xã trong thời hạn 10 ngày có trách nhiệm kiểm tra hồ sơ, gửi Sở Văn hóa.
3. Sở Văn hóa trong thời hạn 20 ngày có trách nhiệm tổ chức Hội đồng xét tặng.
Điều 3. Trình tự, thủ tục xét tặng cấp quốc gia
1. Sở Văn hóa có trách nhiệm gửi hồ sơ đã xét về Cục Di sản.
2. Cục Di sản trong thời hạn 30 ngày có trách nhiệm trình Hội đồng cấp quốc gia.
Điều 4. Trách nhiệm thi hành
1. Cục trưởng Cục Di sản có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Thông tư này.
2. Giám đốc Sở Văn hóa các tỉnh và các cơ quan có liên quan chịu trách nhiệm thi hành Thông tư này.
"""


def test_the_steps_of_a_procedure_are_no_tasks_and_the_closing_article_still_gives_its_duty() -> None:
    tasks = extract_plan(PROCEDURES, "procedures")["tasks"]
    titles = [t["title"] for t in tasks]
    assert not any(t.startswith(("Cá nhân lập", "Ủy ban nhân dân cấp xã trong", "Cục Di sản trong")) for t in titles)
    duty = [t for t in tasks if t["title"].startswith("Cục trưởng Cục Di sản")]
    assert duty and duty[0]["lead"] == ["Cục trưởng Cục Di sản"]


# A decree (invented) with no duties article: its closing article gives one party a duty beside the formula.
CLOSING = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định mức phụ cấp trực đêm tại trạm y tế
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định mức phụ cấp trực đêm tại trạm y tế xã.
Điều 2. Mức phụ cấp
Mức phụ cấp trực đêm là 150.000 đồng mỗi phiên trực.
Điều 3. Hiệu lực và trách nhiệm thi hành
1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2031.
2. Người đứng đầu trạm y tế có trách nhiệm lập bảng chấm công trực đêm hằng tháng.
3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Nghị định này.
"""


def test_a_duty_given_in_the_closing_article_of_a_decree_is_a_task_and_the_formula_is_not() -> None:
    tasks = extract_plan(CLOSING, "closing")["tasks"]
    assert [t["title"][:30] for t in tasks] == ["Người đứng đầu trạm y tế có tr"]


# A decree (invented) whose province compiles what it needs and sends it up by a yearly day, no "báo cáo" named, and
# compiles a budget estimate the same way (a request for funds).
COMPILED = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định hỗ trợ sách giáo khoa cho học sinh vùng cao
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ sách giáo khoa cho học sinh vùng cao.
Điều 2. Trình tự hỗ trợ
1. Ủy ban nhân dân cấp tỉnh tổng hợp số học sinh cần hỗ trợ gửi Bộ Giáo dục trước ngày 20 tháng 6 hằng năm.
2. Sở Giáo dục tổng hợp vào dự toán ngân sách hằng năm gửi Sở Tài chính trước ngày 15 tháng 7 hằng năm.
"""


def test_what_a_body_compiles_and_sends_up_by_a_yearly_day_is_a_report_but_a_budget_estimate_is_not() -> None:
    reporting = extract_plan(COMPILED, "compiled")["reporting"]
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in reporting] == [("annual", 20, 6)]


# A decree's duties article (invented): the partners of a subjectless "Chủ trì, phối hợp với …" end where the duty's verb
# begins, whichever verb opens it.
PARTNERS = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định chế độ đối với vận động viên khuyết tật
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chế độ đối với vận động viên khuyết tật.
Điều 2. Tổ chức thực hiện
1. Bộ Văn hóa
a) Chủ trì, phối hợp với Bộ Y tế ban hành danh mục dạng khuyết tật được thi đấu, làm căn cứ thực hiện chế độ.
b) Kiểm tra việc thực hiện chế độ.
2. Ủy ban nhân dân cấp tỉnh
a) Chủ trì, phối hợp với Sở Tài chính bố trí kinh phí thực hiện chế độ.
b) Tổng hợp kết quả thực hiện.
"""


def test_the_partners_of_a_subjectless_lead_end_at_the_duty_verb() -> None:
    tasks = {t["number"]: t for t in extract_plan(PARTNERS, "partners")["tasks"]}
    assert tasks["1.a"]["coordinate"] == ["Bộ Y tế"]
    assert tasks["2.a"]["coordinate"] == ["Sở Tài chính"]


# A resolution's organisation article (invented): its first clause issues the resolution's own annex; the others hand
# out work, one of them the issuing of what the annex lists.
ISSUING = """CHÍNH PHỦ
NGHỊ QUYẾT
Về thí điểm cấp phép xây dựng trực tuyến
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc thí điểm cấp phép xây dựng trực tuyến.
Điều 2. Tổ chức thực hiện
1. Ban hành Danh mục thủ tục cấp phép được thí điểm kèm theo Nghị quyết này.
2. Bộ Xây dựng chịu trách nhiệm hướng dẫn việc thí điểm.
3. Bộ Tư pháp ban hành theo thẩm quyền văn bản theo Phụ lục kèm theo Nghị quyết này.
"""


def test_a_clause_issuing_the_texts_own_annex_is_no_task_but_issuing_what_the_annex_lists_is() -> None:
    titles = [t["title"] for t in extract_plan(ISSUING, "issuing")["tasks"]]
    assert not any(t.startswith("Ban hành Danh mục") for t in titles)
    assert any(t.startswith("Bộ Xây dựng") for t in titles) and any(t.startswith("Bộ Tư pháp") for t in titles)


def test_the_provinces_and_centrally_run_cities_are_one_body_after_another_in_a_list() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("các Bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") == [
        "các Bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert split_units("Sở Nông nghiệp, các Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương") == [
        "Sở Nông nghiệp", "các Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]


# A circular's closing article (invented): its last clause opens with when it applies, then asks the bodies that apply
# the text to raise what they meet.
RAISING = """BỘ TƯ PHÁP
THÔNG TƯ
Hướng dẫn lưu trữ hồ sơ công chứng điện tử
Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn lưu trữ hồ sơ công chứng điện tử.
Điều 2. Tổ chức thực hiện
1. Cục Bổ trợ tư pháp có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Thông tư này.
2. Sở Tư pháp có trách nhiệm:
a) Chủ trì, phối hợp kiểm tra, đôn đốc các tổ chức hành nghề công chứng.
b) Chủ trì, phối hợp với Công an tỉnh xử lý vi phạm.
3. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các Bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương phản ánh về Bộ Tư pháp để xem xét.
"""


def test_after_its_occasion_a_clause_asking_bodies_to_raise_problems_is_led_by_them() -> None:
    tasks = {t["number"]: t for t in extract_plan(RAISING, "raising")["tasks"]}
    assert tasks["3"]["lead"] == ["các Bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_a_verb_after_phoi_hop_names_work_done_together_not_a_partner() -> None:
    tasks = {t["number"]: t for t in extract_plan(RAISING, "raising")["tasks"]}
    assert tasks["2.a"]["coordinate"] == []
    assert tasks["2.b"]["coordinate"] == ["Công an tỉnh"]


# A decision (invented) that names the reporting entities of the law on money laundering: a kind of party, no report.
ENTITIES = """THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH
Quy chế phối hợp phòng, chống rửa tiền
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp phòng, chống rửa tiền.
Điều 2. Tổ chức thực hiện
1. Ngân hàng Nhà nước có trách nhiệm chỉ đạo đối tượng báo cáo thuộc phạm vi quản lý cung cấp thông tin giao dịch cho Bộ Công an.
2. Bộ Công an có trách nhiệm định kỳ hằng năm báo cáo Thủ tướng Chính phủ kết quả phối hợp.
"""


def test_the_reporting_entities_of_a_law_are_a_party_not_a_report() -> None:
    reporting = extract_plan(ENTITIES, "entities")["reporting"]
    assert [r["frequency"] for r in reporting] == ["annual"]
    assert reporting[0]["text"].startswith("Bộ Công an")


# A decree (invented) that states a regime, then the forms of its reports in a sentence of their own.
FORMS = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định quản lý cựu chiến binh cao tuổi
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc quản lý cựu chiến binh cao tuổi.
Điều 2. Quản lý danh sách
1. Hằng quý, Ủy ban nhân dân cấp xã lập danh sách cựu chiến binh cao tuổi báo cáo Ủy ban nhân dân cấp tỉnh.
2. Nội dung tổng hợp, báo cáo danh sách quy định tại khoản này thực hiện hằng quý theo Mẫu số 02.
"""


def test_a_sentence_on_the_content_of_compiling_and_reporting_owes_no_report() -> None:
    reporting = extract_plan(FORMS, "forms")["reporting"]
    assert [r["frequency"] for r in reporting] == ["quarterly"]
    assert reporting[0]["text"].startswith("Hằng quý")


def test_a_report_due_at_the_end_of_each_school_year_is_annual() -> None:
    text = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định hỗ trợ đồng phục cho học sinh nội trú
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ đồng phục cho học sinh nội trú.
Điều 2. Tổ chức thực hiện
1. Định kỳ kết thúc năm học, Sở Giáo dục gửi kết quả cấp phát đồng phục đến Bộ Giáo dục để tổng hợp, báo cáo Thủ tướng Chính phủ.
"""
    assert [r["frequency"] for r in extract_plan(text, "school")["reporting"]] == ["annual"]


def test_a_clause_titled_by_a_kind_of_party_over_its_own_duties_is_led_by_it() -> None:
    text = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định hỗ trợ bữa sáng cho trẻ mầm non
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ bữa sáng cho trẻ mầm non.
Điều 2. Tổ chức thực hiện
1. Bộ Giáo dục
a) Hướng dẫn thực hiện Nghị định này.
b) Kiểm tra việc thực hiện chính sách.
2. Cơ sở giáo dục mầm non có trẻ được hỗ trợ
a) Lập danh sách trẻ được hỗ trợ.
b) Quản lý, quyết toán kinh phí hỗ trợ.
"""
    tasks = {t["number"]: t for t in extract_plan(text, "party")["tasks"]}
    assert tasks["1"]["lead"] == ["Bộ Giáo dục"]
    assert tasks["2"]["lead"] == ["Cơ sở giáo dục mầm non có trẻ được hỗ trợ"]


# A decision (invented) handing out its work article by article; one article gives one body its duty, then describes
# what the cooperation covers.
ARTICLES = """THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH
Quy chế phối hợp bảo vệ rừng đầu nguồn
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp bảo vệ rừng đầu nguồn.
Điều 2. Phối hợp tuần tra
1. Bộ Nông nghiệp có trách nhiệm:
a) Chủ trì tổ chức tuần tra liên ngành.
b) Hướng dẫn lực lượng kiểm lâm.
2. Bộ Quốc phòng có trách nhiệm:
a) Phối hợp tuần tra vùng biên giới.
Điều 3. Phối hợp xử lý vi phạm
1. Bộ Công an có trách nhiệm:
a) Điều tra các vụ phá rừng.
2. Ủy ban nhân dân cấp tỉnh có trách nhiệm:
a) Xử lý vi phạm theo thẩm quyền.
Điều 4. Phối hợp quốc tế
1. Bộ Ngoại giao có trách nhiệm:
Chủ trì đàm phán các thỏa thuận bảo vệ rừng xuyên biên giới.
2. Nội dung phối hợp quốc tế gồm:
a) Trao đổi thông tin về cháy rừng.
b) Đào tạo lực lượng chữa cháy rừng.
"""


def test_an_article_among_duty_articles_that_gives_a_body_its_duty_is_a_duty_article_too() -> None:
    tasks = {t["number"]: t for t in extract_plan(ARTICLES, "articles")["tasks"]}
    assert tasks["4.1"]["lead"] == ["Bộ Ngoại giao"]
    assert "4.2.a" in tasks
