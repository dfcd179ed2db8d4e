"""Issue 10, tasks on unseen kinds of documents: conclusion notices, letters that guide, reports of results.

Every text here is written for the rule it shows, from how Vietnamese administrative documents are built
(Decree 30/2020 and common practice), not copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _numbers(text: str) -> list[str]:
    return [t["number"] for t in _plan(text)["tasks"]]


PROVINCE_CONCLUSION = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/TB-UBND
An Bình, ngày 05 tháng 3 năm 2026
THÔNG BÁO
Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế
Ngày 01/3/2026, đồng chí Phó Chủ tịch UBND tỉnh đã làm việc với Sở Y tế. Sau khi nghe báo cáo, đồng chí
Phó Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:
1. Về công tác khám chữa bệnh
a) Sở Y tế rà soát danh mục kỹ thuật của các bệnh viện tuyến tỉnh.
b) Giao Sở Tài chính bố trí kinh phí mua sắm trang thiết bị.
2. Về y tế cơ sở
Sở Y tế chủ trì, phối hợp với UBND các xã kiện toàn trạm y tế trước ngày 30/6/2026.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""


def test_the_numbered_points_of_a_conclusion_notice_are_its_tasks() -> None:
    assert _numbers(PROVINCE_CONCLUSION) == ["1", "1.a", "1.b", "2"]


COMMUNE_CONCLUSION_NO_DIACRITICS = """UY BAN NHAN DAN XA HOA BINH
THONG BAO
Y kien ket luan cua Chu tich UBND xa tai cuoc hop giao ban thang 3
Chu tich UBND xa ket luan nhu sau:
1) Cong chuc Van hoa - xa hoi ra soat danh sach ho ngheo truoc ngay 15/4/2026.
2) Cong chuc Tai chinh - ke toan bo tri kinh phi ho tro hoc sinh.
3) Cac thon to chuc tuyen truyen phong chong duoi nuoc.
"""


def test_a_commune_conclusion_without_diacritics_gives_its_points() -> None:
    assert _numbers(COMMUNE_CONCLUSION_NO_DIACRITICS) == ["1", "2", "3"]


GUIDING_LETTER = """SỞ LAO ĐỘNG
Số: 40/SLĐ-BTXH
V/v hướng dẫn rà soát hộ nghèo năm 2026
Kính gửi: UBND các xã, phường.
Thực hiện Quyết định số 10/QĐ-UBND, Sở hướng dẫn việc rà soát hộ nghèo năm 2026 như sau:
1. Về đối tượng rà soát
a) Hộ nghèo, hộ cận nghèo trong danh sách năm 2025.
b) Hộ có đơn đề nghị.
2. Về thời hạn gửi kết quả
Các xã gửi kết quả về Sở trước ngày 15/11/2026.
Trân trọng./.
"""


def test_a_letter_that_guides_as_follows_gives_its_numbered_points() -> None:
    assert _numbers(GUIDING_LETTER) == ["1", "1.a", "1.b", "2"]


PLAN_WITH_AS_FOLLOWS = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
KẾ HOẠCH
Tuyên truyền phòng chống ma túy năm 2026
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân.
II. NHIỆM VỤ
1. Tổ chức 04 buổi tuyên truyền tại các thôn.
2. Rà soát người sử dụng trái phép chất ma túy.
III. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì.
"""


def test_a_plan_with_a_tasks_part_keeps_it_whatever_its_preamble_says() -> None:
    assert _numbers(PLAN_WITH_AS_FOLLOWS) == ["1", "2"]


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["kết luận và chỉ đạo", "kết luận", "chỉ đạo", "ket luan va chi dao"]),
    mark=st.sampled_from([".", ")", "/"]),
    count=st.integers(min_value=2, max_value=6),
)
def test_every_point_after_a_conclusions_lead_in_is_a_task(verb: str, mark: str, count: int) -> None:
    points = "\n".join(f"{i}{mark} Sở Nội vụ thực hiện việc thứ {i} trong tháng {i}." for i in range(1, count + 1))
    text = f"UBND TỈNH AN BÌNH\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\nChủ tịch UBND tỉnh {verb} như sau:\n{points}\n"
    assert _numbers(text) == [str(i) for i in range(1, count + 1)]


REPORT_WITH_FORWARD_PART = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 25/BC-UBND
BÁO CÁO
Kết quả thực hiện công tác giảm nghèo năm 2025
Kính gửi: Ủy ban nhân dân tỉnh.
Ủy ban nhân dân xã báo cáo kết quả như sau:
I. KẾT QUẢ THỰC HIỆN
1. Công tác chỉ đạo, điều hành
Ủy ban nhân dân xã đã ban hành 03 kế hoạch.
2. Một số nội dung đã thực hiện
Tỷ lệ hộ nghèo giảm còn 2,5%.
II. KHÓ KHĂN, VƯỚNG MẮC
1. Nguồn lực còn hạn chế.
III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI
1. Tiếp tục rà soát hộ nghèo, hộ cận nghèo.
2. Huy động nguồn lực hỗ trợ nhà ở cho hộ nghèo.
IV. ĐỀ XUẤT, KIẾN NGHỊ
1. Đề nghị tỉnh bố trí thêm kinh phí.
"""


def test_only_the_forward_part_of_a_report_lists_tasks() -> None:
    result = _plan(REPORT_WITH_FORWARD_PART)
    assert [t["number"] for t in result["tasks"]] == ["1", "2"]
    assert all("rà soát" in t["title"] or "Huy động" in t["title"] for t in result["tasks"])


REPORT_OF_RESULTS_ONLY = """UBND TỈNH AN BÌNH
Số: /BC-UBND
BÁO CÁO
Kết quả thực hiện Chỉ thị số 05/CT-TTg năm 2025
Kính gửi: Bộ Nội vụ
Thực hiện Văn bản số 100/BNV, UBND tỉnh báo cáo cụ thể như sau:
1. Công tác triển khai thực hiện
Ủy ban nhân dân tỉnh đã ban hành kế hoạch thực hiện.
2. Một số nội dung đã thực hiện trong năm 2025
2.1. Công tác tuyên truyền
Tổ chức 20 hội nghị, đạt 100% kế hoạch.
2.2. Công tác kiểm tra
Kiểm tra 15 cơ sở.
3. Khó khăn, vướng mắc
- Biên chế còn thiếu.
4. Đề xuất, kiến nghị
(1) Đề nghị Bộ sửa đổi thông tư.
"""


def test_a_report_without_a_forward_part_gives_no_task_and_no_target() -> None:
    result = _plan(REPORT_OF_RESULTS_ONLY)
    assert result["tasks"] == []
    assert result["targets"] == []


REPORT_NO_DIACRITICS = """UBND XA HOA BINH
BAO CAO
So ket 6 thang dau nam 2026
I. KET QUA DAT DUOC
1. Da to chuc 05 buoi tuyen truyen.
2. Da ho tro 12 ho ngheo.
II. PHUONG HUONG, NHIEM VU 6 THANG CUOI NAM
1. Tiep tuc ho tro ho ngheo xay nha.
2. To chuc tong ket cong tac nam.
"""


def test_a_report_without_diacritics_gives_its_forward_tasks_only() -> None:
    assert _numbers(REPORT_NO_DIACRITICS) == ["1", "2"]
    assert all(t["title"].startswith(("Tiep tuc", "To chuc")) for t in _plan(REPORT_NO_DIACRITICS)["tasks"])


@settings(max_examples=25, deadline=None)
@given(
    done=st.integers(min_value=1, max_value=5),
    ahead=st.integers(min_value=0, max_value=4),
    heading=st.sampled_from(["NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "Nhiệm vụ trọng tâm năm tới"]),
)
def test_a_reports_results_are_never_tasks(done: int, ahead: int, heading: str) -> None:
    results = "\n".join(f"{i}. Đã hoàn thành việc thứ {i}." for i in range(1, done + 1))
    forward = "\n".join(f"{i}. Tiếp tục thực hiện việc thứ {i}." for i in range(1, ahead + 1))
    text = f"UBND XÃ AN PHÚ\nBÁO CÁO\nKết quả năm 2026\nI. KẾT QUẢ THỰC HIỆN\n{results}\nII. {heading}\n{forward}\n"
    titles = [t["title"] for t in _plan(text)["tasks"]]
    assert not any(title.startswith("Đã") for title in titles)
    assert len(titles) == ahead


JUSTIFIED_LETTER = (
    "UBND TỈNH AN BÌNH\nV/v tăng cường quản lý vật liệu nổ\nKính gửi: Các sở, ngành.\n"
    "Chủ tịch UBND tỉnh yêu cầu các cơ quan thực hiện như sau:\n"
    "1. Sở Công Thương\n"
    "\t\ta)\t\t\tRà\t\tsoát\t\tc\tác\t\tquy\t\t\tđịnh\t\thiện\t\thành\t\tvề\t\tquản\t\tlý\n"
    "b) Tăng cường kiểm tra các doanh nghiệp.\n"
    "2. Công an tỉnh\n"
    "\t\ta)\tT\tăng\tcường\tcông\ttác\ttuy\tên\ttruyền\tphòng\tcháy\n"
    "b) Nâng cao chất lượng thẩm duyệt.\n"
)


def test_a_line_of_justified_prose_spaced_with_tabs_is_still_an_item() -> None:
    assert _numbers(JUSTIFIED_LETTER) == ["1", "1.a", "1.b", "2", "2.a", "2.b"]


TAB_TABLES = [
    "STT\tNội dung\tChủ trì\tPhối hợp\tThời gian\tSản phẩm\tGhi chú\n",
    "1\tTỷ lệ hộ nghèo\t%\t3,8\t3,2\t2,7\t2,2\t1,8\n",
    "x\tx\tx\tx\tx\tx\tx\n",
    "Chỉ tiêu\tĐơn vị\tNăm 2025\tNăm 2026\tNăm 2027\tNăm 2028\tNăm 2029\n",
]


def test_a_tables_rows_keep_their_tabs() -> None:
    for row in TAB_TABLES:
        assert prepare(row).clean.count("\t") == row.count("\t")


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.sampled_from(["rà", "soát", "các", "quy", "định", "hiện", "hành", "về", "quản", "lý", "c", "ác"]),
                      min_size=7, max_size=20),
       gaps=st.integers(min_value=1, max_value=4))
def test_justified_prose_loses_its_tabs_and_keeps_its_length(words: list[str], gaps: int) -> None:
    line = ("\t" * gaps).join(["a)", *words]) + "\n"
    clean = prepare(line).clean
    assert len(clean) == len(line)
    if len(set(words)) >= 4:
        assert "\t" not in clean


SEGMENTED_PROGRAMME = """### NGHỊ_QUYẾT
## III- NHIỆM_VỤ TRỌNG_TÂM , GIẢI_PHÁP CHỦ_YẾU
### 1 . Xây_dựng , chỉnh_đốn Đảng
Xây_dựng Đảng trong_sạch , vững_mạnh .
### 2 . Phát_triển hạ_tầng chiến_lược
Đầu_tư đồng_bộ hạ_tầng giao_thông .
"""


def test_a_markdown_heading_split_from_its_dot_by_a_segmenter_is_an_item() -> None:
    assert _numbers(SEGMENTED_PROGRAMME) == ["1", "2"]


SEGMENTED_FLAT_ARTICLES = """CHÍNH_PHỦ
NGHỊ_QUYẾT
Điều 1 . Phạm_vi điều_chỉnh : 1 . Nghị_quyết này quy_định chính_sách . 2 . Nghị_quyết này áp_dụng đối_với các bộ .
Điều 2 . Tổ_chức thực_hiện : 1 . Bộ Công_an chủ_trì triển_khai Nghị_quyết . 2 . Bộ Tài_chính bố_trí kinh_phí .
"""


def test_the_clauses_of_a_flattened_segmented_article_are_read_apart() -> None:
    assert _numbers(SEGMENTED_FLAT_ARTICLES) == ["1", "2"]


SEGMENTED_BRACKETS = """UBND TỈNH AN BÌNH
V/v chuyển_đổi số cấp xã
Kính_gửi : Các sở , ngành .
Ban Chỉ_đạo đề_nghị các cơ_quan thực_hiện một_số nội_dung sau :
1 . Hoàn_thiện hạ_tầng
 ( 1 ) Nâng_cấp đường_truyền cho các xã .
 ( 2 ) Sao_lưu cơ_sở dữ_liệu .
2 . Hoàn_thiện tổ_chức
 ( 1 ) Kiện_toàn bộ_phận một cửa .
"""


def test_a_bracketed_mark_a_segmenter_spaced_out_still_opens_an_item() -> None:
    assert _numbers(SEGMENTED_BRACKETS) == ["1", "1.1", "1.2", "2", "2.1"]


@settings(max_examples=30, deadline=None)
@given(mark=st.sampled_from(["1 .", "1 )", "( 1 )", "### 1 ."]), pad=st.sampled_from(["", " ", "  "]))
def test_split_marks_keep_the_clean_views_length(mark: str, pad: str) -> None:
    text = f"{pad}{mark} Sở Y_tế chủ_trì : 2 . Bộ Tài_chính bố_trí .\n"
    assert len(prepare(text).clean) == len(text)


def test_lettered_items_without_diacritics_run_d_then_d_bar() -> None:
    text = (
        "CHI THI\nThu tuong yeu cau:\n1. Bo Y te\na) Ra soat co so.\nb) Kiem tra thuoc.\nc) Bao cao ket qua.\n"
        "d) Tap huan can bo.\nd) Tong ket nam.\ne) Khen thuong.\n2. Bo Tai chinh bo tri kinh phi.\n"
    )
    assert _numbers(text) == ["1", "1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "2"]


PLAN_WITH_FORM_ANNEX_NO_DIACRITICS = """UY BAN NHAN DAN TINH AN BINH
KE HOACH
Kiem tra cong tac cai cach hanh chinh nam 2026
I. MUC DICH, YEU CAU
1. Danh gia ket qua.
II. NOI DUNG KIEM TRA
1. Cong tac chi dao, dieu hanh.
2. Cai cach thu tuc hanh chinh.
III. TO CHUC THUC HIEN
1. So Noi vu chu tri.
PHU LUC
DE CUONG BAO CAO
I. CONG TAC CHI DAO, DIEU HANH
1. Ket qua ban hanh van ban.
II. CAI CACH THU TUC HANH CHINH
1. So thu tuc da cong bo.
"""


def test_a_form_annex_without_diacritics_gives_no_task() -> None:
    assert _numbers(PLAN_WITH_FORM_ANNEX_NO_DIACRITICS) == ["1", "2"]


DECISION_DUTY_ARTICLES_NO_DIACRITICS = """THU TUONG CHINH PHU
QUYET DINH
Ban hanh Bo tieu chi danh gia
Dieu 1. Ban hanh kem theo Quyet dinh nay Bo tieu chi.
Dieu 2. Giao Bo Tai chinh:
a) Huong dan thuc hien Bo tieu chi.
b) Tong hop ket qua danh gia.
Dieu 3. Giao cac Bo, co quan ngang Bo:
a) Thu thap thong tin thong ke.
b) Ban hanh chi tieu cu the.
Dieu 4. Quyet dinh nay co hieu luc tu ngay ky.
"""


def test_duty_articles_addressed_to_several_ministries_without_diacritics_are_tasks() -> None:
    assert _numbers(DECISION_DUTY_ARTICLES_NO_DIACRITICS) == ["2", "2.a", "2.b", "3", "3.a", "3.b"]


@settings(max_examples=25, deadline=None)
@given(count=st.integers(min_value=1, max_value=8), accents=st.booleans())
def test_letters_follow_the_vietnamese_alphabet(count: int, accents: bool) -> None:
    letters = ["a", "b", "c", "d", "đ", "e", "g", "h"][:count]
    marks = letters if accents else [letter.replace("đ", "d") for letter in letters]
    items = "\n".join(f"{m}) Viec thu {i}." for i, m in enumerate(marks, 1))
    text = f"CHI THI\nThu tuong yeu cau:\n1. Bo Y te\n{items}\n2. Bo Tai chinh bo tri kinh phi.\n"
    assert _numbers(text) == ["1", *[f"1.{letter}" for letter in letters], "2"]


def test_an_ocr_roman_mark_split_from_its_dot_is_still_a_part() -> None:
    text = (
        "KẾ HOẠCH\nI . MỤC ĐÍCH\n1 . Nâng cao nhận thức.\nII . NHIỆM VỤ\n1 . Tổ chức tuyên truyền.\n"
        "1V . TỔ CHỨC THỰC HIỆN\n1 . Công an xã chủ trì.\n"
    )
    assert _numbers(text) == ["1"]


def test_a_copyright_sign_split_from_its_bracket_reads_c() -> None:
    text = "CHỈ THỊ\nThủ tướng yêu cầu:\n1. Bộ Y tế\na ) Rà soát.\nb ) Kiểm tra.\n© ) Báo cáo kết quả.\n2. Bộ Tài chính bố trí kinh phí.\n"
    assert _numbers(text) == ["1", "1.a", "1.b", "1.c", "2"]


DECISION_APPROVING_A_LIST = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
QUYẾT ĐỊNH
Phê duyệt danh sách xã trọng điểm về ma túy năm 2026
Điều 1. Phê duyệt danh sách xã trọng điểm về ma túy năm 2026, gồm:
1. Danh sách 05 xã trọng điểm (có phụ lục kèm theo).
2. Danh sách 12 xã không ma túy (có phụ lục kèm theo).
Điều 2. Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành theo dõi, hướng dẫn thực hiện.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_decision_approving_a_list_with_one_sentence_of_assignment_has_no_task() -> None:
    assert _numbers(DECISION_APPROVING_A_LIST) == []


DECISION_HANDING_OUT_DUTIES = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
QUYẾT ĐỊNH
Phê duyệt danh sách xã trọng điểm về ma túy năm 2026
Điều 1. Phê duyệt danh sách xã trọng điểm về ma túy năm 2026.
Điều 2. Giao Công an tỉnh:
a) Hướng dẫn các xã xây dựng kế hoạch chuyển hóa địa bàn.
b) Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_decisions_article_handing_out_lettered_duties_gives_tasks() -> None:
    assert _numbers(DECISION_HANDING_OUT_DUTIES) == ["2", "2.a", "2.b"]


CIRCULAR_REGULATING_A_MATTER = """BỘ CÔNG THƯƠNG
THÔNG TƯ
Quy định chế độ báo cáo về cụm công nghiệp
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chế độ báo cáo.
Điều 2. Xây dựng, vận hành cơ sở dữ liệu
1. Cục Công Thương địa phương phối hợp với các đơn vị xây dựng, vận hành cơ sở dữ liệu.
2. Sở Công Thương có trách nhiệm cập nhật dữ liệu trên địa bàn.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 10 năm 2026.
"""


def test_an_article_titled_by_its_matter_with_one_sentence_per_body_lists_no_tasks() -> None:
    assert _numbers(CIRCULAR_REGULATING_A_MATTER) == []


def test_a_form_annex_named_as_a_set_of_forms_gives_no_task() -> None:
    text = PLAN_WITH_AS_FOLLOWS + "PHỤ LỤC II\nMỘT SỐ MẪU VĂN BẢN\nI. NỘI DUNG QUẢN LÝ\n1. Nội dung khác (nếu có).\n"
    assert _numbers(text) == ["1", "2"]


DIRECTIVE_IN_ORDINAL_WORDS = """THỦ TƯỚNG CHÍNH PHỦ
CHỈ THỊ
Về tăng cường phòng chống đuối nước
Thủ tướng Chính phủ yêu cầu:
Thứ nhất, các bộ, ngành, địa phương tăng cường tuyên truyền phòng chống đuối nước.
Thứ hai, Bộ Giáo dục và Đào tạo chỉ đạo các trường dạy bơi an toàn cho học sinh.
Thứ ba, Ủy ban nhân dân các tỉnh rà soát các điểm có nguy cơ đuối nước.
"""


def test_points_numbered_in_ordinal_words_are_tasks() -> None:
    assert _numbers(DIRECTIVE_IN_ORDINAL_WORDS) == ["1", "2", "3"]


def test_a_weekday_is_not_an_ordinal_point() -> None:
    text = (
        "UBND XÃ AN PHÚ\nKẾ HOẠCH\nTổ chức hội nghị\nI. NHIỆM VỤ\n1. Chuẩn bị hội trường.\n"
        "Thứ Hai, ngày 10/3/2026: họp Ban chỉ đạo.\nThứ hai, ngày 17/3/2026: tổng kết.\n2. Mời đại biểu.\n"
    )
    assert _numbers(text) == ["1", "2"]


LETTER_ADDRESSING_ITS_READERS = """BỘ Y TẾ
V/v tăng cường khám chữa bệnh dịp Tết
Kính gửi: Sở Y tế các tỉnh, thành phố.
Để bảo đảm công tác khám chữa bệnh dịp Tết, Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố:
1) Chỉ đạo các bệnh viện bố trí đủ nhân lực trực Tết.
2) Bảo đảm đủ thuốc, vật tư y tế.
3) Báo cáo tình hình về Bộ Y tế trước ngày 10/02/2026.
Trân trọng./.
"""


def test_a_letters_points_after_a_sentence_ending_with_a_colon_are_tasks() -> None:
    assert _numbers(LETTER_ADDRESSING_ITS_READERS) == ["1", "2", "3"]


@settings(max_examples=25, deadline=None)
@given(count=st.integers(min_value=2, max_value=6), sep=st.sampled_from([",", ":", "."]), accents=st.booleans())
def test_ordinal_points_number_in_sequence(count: int, sep: str, accents: bool) -> None:
    words = ["nhất", "hai", "ba", "tư", "năm", "sáu"] if accents else ["nhat", "hai", "ba", "tu", "nam", "sau"]
    head = "Thứ" if accents else "Thu"
    points = "\n".join(f"{head} {w}{sep} Bộ Y tế thực hiện việc {i}." for i, w in enumerate(words[:count], 1))
    text = f"CHỈ THỊ\nThủ tướng Chính phủ yêu cầu:\n{points}\n"
    assert _numbers(text) == [str(i) for i in range(1, count + 1)]


PLAN_WITH_LAID_OUT_TABLE_IN_AN_ITEM = (
    "UBND TỈNH AN BÌNH\nKẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao hiệu quả.\n"
    "II. NHIỆM VỤ\n1. Tuyên truyền cải cách hành chính\n"
    "a) Tổ chức các chuyên mục sau:\n"
    "STT    Nội dung                          Cơ quan chủ trì        Thời gian\n"
    "1      Chuyên mục cải cách hành chính    Báo An Bình            Hằng tháng\n"
    "2      Tọa đàm về chính quyền số         Đài Phát thanh         Quý II\n"
    "b) Tổ chức cuộc thi tìm hiểu.\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n"
)


def test_the_rows_of_a_table_laid_out_with_spaces_inside_an_item_are_its_sub_items() -> None:
    numbers = _numbers(PLAN_WITH_LAID_OUT_TABLE_IN_AN_ITEM)
    assert "1.a.1" in numbers and "1.a.2" in numbers
    assert "1" in numbers and "1.b" in numbers


def test_a_unit_heading_ends_at_its_colon_across_an_ocr_stamp_mark() -> None:
    text = (
        "BỘ CÔNG AN\nKẾ HOẠCH\nTổ chức hội nghị\nI. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt.\nII. PHÂN CÔNG NHIỆM VỤ\n"
        "1. C04: ® Chủ trì chuẩn bị nội dung Hội nghị.\n2. V01: Bảo đảm hậu cần.\nIII. KINH PHÍ\n1. Ngân sách.\n"
    )
    assert [t["title"] for t in _plan(text)["tasks"]] == ["C04", "V01"]


RESOLUTION_WITH_AN_ASSIGNMENT_TABLE = (
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNGHỊ QUYẾT\nĐiều chỉnh Chương trình lập pháp năm 2026\n"
    "Điều 1. Điều chỉnh Chương trình lập pháp\n"
    "1. Phân công cơ quan trình, cơ quan chủ trì thẩm tra và tiến độ trình như sau:\n"
    "STT\tTên dự án\tCơ quan trình\tCơ quan chủ trì thẩm tra\tThời gian trình\n"
    "1\tLuật Thủ đô (sửa đổi)\tChính phủ\tỦy ban Pháp luật\tTháng 5/2026\n"
    "2\tLuật Nhà ở (sửa đổi)\tChính phủ\tỦy ban Kinh tế\tTháng 6/2026\n"
    "Điều 2. Hiệu lực thi hành\nNghị quyết này có hiệu lực từ ngày ký.\n"
)


def test_an_item_that_only_captions_an_assignment_table_gives_way_to_its_rows() -> None:
    tasks = _plan(RESOLUTION_WITH_AN_ASSIGNMENT_TABLE)["tasks"]
    assert [t["number"] for t in tasks] == ["1", "2"]
    assert tasks[0]["title"].startswith("Luật Thủ đô")


CONCLUSION_WITH_ASSESSMENT_AND_DIRECTIONS = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế
Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Thời gian qua, Sở Y tế đã hoàn thành nhiều nhiệm vụ, tỷ lệ bao phủ bảo hiểm y tế đạt 93%.
II. Ý KIẾN CHỈ ĐẠO
1. Sở Y tế rà soát nhân lực y tế cơ sở, báo cáo trước ngày 30/5/2026.
2. Sở Tài chính bố trí kinh phí mua sắm trang thiết bị.
"""


def test_a_conclusions_assessment_is_not_a_task_and_its_directions_are() -> None:
    result = _plan(CONCLUSION_WITH_ASSESSMENT_AND_DIRECTIONS)
    assert [t["number"] for t in result["tasks"]] == ["1", "2"]
    assert result["targets"] == []


CONCLUSION_WITH_A_LEAD_IN_INSIDE_A_POINT = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
THÔNG BÁO
Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác giảm nghèo
Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận:
1. Giao Sở Nội vụ tổng hợp báo cáo đánh giá năm 2025.
2. Thời gian tới, yêu cầu các cơ quan tập trung thực hiện tốt một số nhiệm vụ sau:
a) Sở Nội vụ chủ trì rà soát hộ nghèo năm 2026.
b) Sở Xây dựng hướng dẫn hỗ trợ nhà ở cho hộ nghèo.
3. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc.
"""


def test_a_lead_in_inside_a_point_does_not_hide_the_points_before_it() -> None:
    assert _numbers(CONCLUSION_WITH_A_LEAD_IN_INSIDE_A_POINT) == ["1", "2", "2.a", "2.b", "3"]


def test_a_reports_forward_part_named_some_key_tasks_lists_tasks() -> None:
    text = (
        "UBND XÃ AN PHÚ\nBÁO CÁO\nSơ kết 6 tháng đầu năm 2026\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
        "1. Đã tổ chức 05 hội nghị.\nPhần thứ hai\nMỘT SỐ NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026\n"
        "1. Tiếp tục hỗ trợ hộ nghèo xây nhà.\n2. Tổ chức tổng kết công tác năm.\n"
    )
    assert _numbers(text) == ["1", "2"]
    assert _plan(text)["tasks"][0]["title"].startswith("Tiếp tục")


def test_a_reports_objectives_and_tasks_for_next_year_are_its_forward_part() -> None:
    text = (
        "UBND XÃ AN PHÚ\nBÁO CÁO\nTổng kết năm 2025\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Đã hỗ trợ 12 hộ nghèo.\n"
        "II. MỤC TIÊU, NHIỆM VỤ NĂM 2026\n1. Tiếp tục giảm hộ nghèo.\n2. Hỗ trợ xây nhà cho hộ nghèo.\n"
    )
    assert _numbers(text) == ["1", "2"]


LETTER_THAT_REPORTS = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
V/v kết quả thực hiện Chỉ thị số 05/CT-TTg năm 2025
Kính gửi: Bộ Nội vụ.
Thực hiện Văn bản số 100/BNV, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện năm 2025 như sau:
1. Công tác chỉ đạo: đã ban hành 03 kế hoạch.
2. Công tác kiểm tra: đã kiểm tra 15 cơ sở.
Trân trọng./.
"""

LETTER_THAT_ASKS_FOR_A_REPORT = """SỞ NỘI VỤ TỈNH AN BÌNH
V/v báo cáo kết quả thực hiện năm 2025
Kính gửi: UBND các xã, phường.
Sở Nội vụ đề nghị UBND các xã, phường báo cáo kết quả thực hiện năm 2025 như sau:
1. Tổng hợp số liệu theo biểu mẫu kèm theo.
2. Gửi báo cáo về Sở Nội vụ trước ngày 15/12/2025.
Trân trọng./.
"""


def test_a_letter_that_reports_results_lists_no_tasks() -> None:
    assert _numbers(LETTER_THAT_REPORTS) == []


def test_a_letter_that_asks_for_a_report_lists_its_duties() -> None:
    assert _numbers(LETTER_THAT_ASKS_FOR_A_REPORT) == ["1", "2"]
