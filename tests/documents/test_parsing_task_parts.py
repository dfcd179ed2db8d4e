"""Which numbered items are tasks: the tasks part of a decree, a resolution in articles, a plan with annexes.

Each rule is shown on a short text written for it from how Vietnamese administrative documents are built
(Decree 30/2020 and the drafting of legal texts), not copied from any corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.structure import parse_outline
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _numbers(text: str) -> list[str]:
    return [t["number"] for t in _plan(text)["tasks"]]


DECREE_HEAD = """CHÍNH PHỦ
Số: 99/2025/NĐ-CP
Hà Nội, ngày 10 tháng 9 năm 2025

NGHỊ ĐỊNH
Quy định về trung tâm hỗ trợ nông dân

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về tổ chức và hoạt động của trung tâm hỗ trợ nông dân.
Chương II
TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM
Điều 2. Nội dung hoạt động của trung tâm
1. Hoạt động tư vấn, gồm:
a) Tư vấn kỹ thuật canh tác;
b) Tư vấn tiêu thụ nông sản.
2. Trung tâm có con dấu và tài khoản riêng.
Điều 3. Trách nhiệm của trung tâm
1. Công khai quy trình cung cấp dịch vụ.
2. Báo cáo kết quả hoạt động với cơ quan quản lý.
"""

DECREE_DUTIES = """Chương III
{chapter}
Điều 4. Trách nhiệm của Bộ Nông nghiệp và Môi trường
1. Chủ trì hướng dẫn thi hành Nghị định này.
2. Kiểm tra hoạt động của các trung tâm trong cả nước.
Điều 5. Thẩm quyền và trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Quyết định thành lập trung tâm trên địa bàn.
2. Bố trí kinh phí hoạt động cho trung tâm.
3. Kiểm tra việc thực hiện Nghị định này.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 01 năm 2026.
"""


def test_a_decree_s_duties_chapter_gives_its_articles_and_clauses_as_tasks() -> None:
    numbers = _numbers(DECREE_HEAD + DECREE_DUTIES.format(chapter="TỔ CHỨC THỰC HIỆN"))
    assert numbers == ["4", "4.1", "4.2", "5", "5.1", "5.2", "5.3"]


def test_a_chapter_naming_its_matter_with_a_content_word_lists_no_tasks() -> None:
    # "TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM", "1. Hoạt động tư vấn, gồm:" describe the matter the decree rules on.
    numbers = _numbers(DECREE_HEAD + DECREE_DUTIES.format(chapter="TỔ CHỨC THỰC HIỆN"))
    assert not any(n.startswith(("1", "2", "3")) or n in ("a", "b") for n in numbers)


def test_the_parties_rights_and_responsibilities_chapter_is_not_the_duties_chapter() -> None:
    text = DECREE_HEAD + DECREE_DUTIES.format(chapter="QUYỀN, TRÁCH NHIỆM CỦA CÁC CƠ QUAN, TỔ CHỨC, CÁ NHÂN")
    assert not any(n.startswith(("4", "5")) for n in _numbers(text))


CHAPTER_TITLES = st.sampled_from([
    "TỔ CHỨC THỰC HIỆN", "TỔ CHỨC THI HÀNH", "THẨM QUYỀN VÀ TRÁCH NHIỆM", "TRÁCH NHIỆM QUẢN LÝ NHÀ NƯỚC",
    "ĐIỀU KHOẢN THI HÀNH",
])


@settings(max_examples=10, deadline=None)
@given(chapter=CHAPTER_TITLES, bodies=st.lists(st.sampled_from(["Bộ Tài chính", "Bộ Y tế", "Bộ Công an"]), min_size=1,
                                               max_size=3, unique=True))
def test_every_duty_article_of_the_closing_chapter_is_a_task(chapter: str, bodies: list[str]) -> None:
    articles = "".join(
        f"Điều {4 + i}. Trách nhiệm của {body}\n1. Hướng dẫn thực hiện trong ngành.\n2. Kiểm tra việc thực hiện.\n"
        for i, body in enumerate(bodies)
    )
    text = DECREE_HEAD + f"Chương III\n{chapter}\n" + articles + f"Điều {4 + len(bodies)}. Hiệu lực thi hành\nCó hiệu lực.\n"
    expected = [x for i in range(len(bodies)) for x in (f"{4 + i}", f"{4 + i}.1", f"{4 + i}.2")]
    assert _numbers(text) == expected


RESOLUTION = """CHÍNH PHỦ
Số: 70/NQ-CP
Hà Nội, ngày 01 tháng 10 năm 2025

NGHỊ QUYẾT
Về cắt giảm giấy tờ trong thủ tục hành chính

CHÍNH PHỦ
QUYẾT NGHỊ:
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc cắt giảm giấy tờ dựa trên dữ liệu.
Điều 2. Nguyên tắc cắt giảm
1. Cá nhân không phải nộp giấy tờ đã có trong cơ sở dữ liệu.
2. Thông tin được khai thác có giá trị như bản chính.
Điều 3. Cập nhật và chia sẻ dữ liệu
Các cơ quan quản lý cơ sở dữ liệu có trách nhiệm:
1. Cập nhật đầy đủ dữ liệu trong năm 2026.
2. Kết nối, chia sẻ dữ liệu với các bộ, tỉnh.
Điều 4. Tái cấu trúc quy trình
1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ có trách nhiệm:
a) Rà soát quy trình giải quyết thủ tục hành chính;
b) Công bố quy trình đã tái cấu trúc.
2. Chủ tịch Ủy ban nhân dân cấp tỉnh có trách nhiệm công bố quy trình nội bộ.
Điều 5. Hiệu lực thi hành
1. Nghị quyết này có hiệu lực từ ngày ký.
2. Trường hợp luật có quy định khác thì áp dụng theo luật.
"""


def test_duties_spread_over_several_articles_are_numbered_by_article() -> None:
    assert _numbers(RESOLUTION) == ["3.1", "3.2", "4.1", "4.1.a", "4.1.b", "4.2"]


INSPECTION_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 12/KH-UBND
An Phú, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Đánh giá đúng kết quả thực hiện cải cách hành chính.
II. NỘI DUNG KIỂM TRA
1. Công tác chỉ đạo, điều hành cải cách hành chính
a) Việc ban hành kế hoạch cải cách hành chính năm 2026;
b) Việc tự kiểm tra cải cách hành chính.
2. Cải cách thủ tục hành chính
III. {method}
1. Kiểm tra trực tiếp tại đơn vị.
2. Kiểm tra hồ sơ, tài liệu có liên quan.
IV. {team}
1. Sở Nội vụ chủ trì tổ chức kiểm tra.
2. Thời gian kiểm tra: theo Phụ lục kèm theo.
V. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ theo dõi, đôn đốc việc khắc phục sau kiểm tra.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

{annex}
{annex_title}
(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
1. Việc ban hành kế hoạch cải cách hành chính.
2. Việc tuyên truyền cải cách hành chính.
II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ HOẠT ĐỘNG KIỂM SOÁT
1. Kết quả giải quyết hồ sơ.
"""


def _inspection(method: str = "PHƯƠNG PHÁP KIỂM TRA", team: str = "ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA",
                annex: str = "Phụ lục", annex_title: str = "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA") -> str:
    return INSPECTION_PLAN.format(method=method, team=team, annex=annex, annex_title=annex_title)


def test_an_inspection_plan_s_tasks_are_its_inspection_contents_only() -> None:
    assert _numbers(_inspection()) == ["1", "1.a", "1.b", "2"]


@settings(max_examples=12, deadline=None)
@given(
    method=st.sampled_from(["PHƯƠNG PHÁP KIỂM TRA", "PHƯƠNG THỨC KIỂM TRA", "CÁCH THỨC TIẾN HÀNH", "HÌNH THỨC KIỂM TRA"]),
    team=st.sampled_from(["ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA", "THÀNH LẬP ĐOÀN KIỂM TRA", "THỜI GIAN, ĐỊA ĐIỂM",
                          "THÀNH PHẦN ĐOÀN GIÁM SÁT"]),
    annex=st.sampled_from(["Phụ lục", "PHỤ LỤC II", "Phụ lục số 02"]),
    annex_title=st.sampled_from(["ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA", "MẪU BÁO CÁO KẾT QUẢ TỰ KIỂM TRA", "BIỂU MẪU THỐNG KÊ",
                                 "DANH SÁCH CÁN BỘ ĐẦU MỐI"]),
)
def test_the_method_the_team_and_a_form_annex_give_no_tasks(method: str, team: str, annex: str, annex_title: str) -> None:
    numbers = _numbers(_inspection(method, team, annex, annex_title))
    assert numbers == ["1", "1.a", "1.b", "2"]


def test_an_annex_that_lists_tasks_is_not_set_aside() -> None:
    forms = parse_outline(prepare(normalize_text(_inspection())))
    assert [n.kind for n in forms.children if n.style == "annex"] == ["form"]
    work = parse_outline(prepare(normalize_text(_inspection(annex_title="DANH MỤC NHIỆM VỤ TRỌNG TÂM"))))
    # Not a form: the annex is a tasks part of its own (ptasks5), its items the plan's tasks.
    assert [n.kind for n in work.walk() if n.style == "annex"] == ["tasks"]


SCHEME = """BỘ NỘI VỤ
Số: 20/QĐ-BNV
Hà Nội, ngày 02 tháng 3 năm 2025

ĐỀ ÁN
Xác định chỉ số hài lòng của người dân

I. MỤC TIÊU
1. Đánh giá khách quan chất lượng phục vụ.
II. {content}
1. Bộ tiêu chí đánh giá
a) Tiêu chí về tiếp cận dịch vụ;
b) Tiêu chí về kết quả giải quyết.
2. Phương pháp tính điểm
III. {work}
1. Tăng cường tuyên truyền về chỉ số.
2. Ứng dụng công nghệ số trong khảo sát.
IV. TỔ CHỨC THỰC HIỆN
1. Bộ Nội vụ chủ trì triển khai Đề án.
"""


@settings(max_examples=8, deadline=None)
@given(
    content=st.sampled_from(["NỘI DUNG CHỈ SỐ HÀI LÒNG", "NỘI DUNG ĐỀ ÁN", "CÁC HOẠT ĐỘNG KHẢO SÁT"]),
    work=st.sampled_from(["GIẢI PHÁP THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP", "CÁC BIỆN PHÁP TỔ CHỨC"]),
)
def test_a_part_naming_only_its_content_beside_one_naming_the_work_lists_no_tasks(content: str, work: str) -> None:
    assert _numbers(SCHEME.format(content=content, work=work)) == ["1", "2"]


def test_a_part_naming_only_its_content_is_the_tasks_part_when_no_part_names_the_work() -> None:
    numbers = _numbers(SCHEME.format(content="NỘI DUNG THỰC HIỆN", work="PHƯƠNG THỨC TRIỂN KHAI"))
    assert numbers[:4] == ["1", "1.a", "1.b", "2"]


CONFERENCE = """BỘ CÔNG AN
Số: 77/KH-BCA
Hà Nội, ngày 09 tháng 9 năm 2025

KẾ HOẠCH
Tổ chức Hội nghị toàn quốc triển khai Chương trình phòng, chống ma túy

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt nội dung Chương trình.
II. {programme}
1. Tuyên bố lý do, giới thiệu đại biểu.
2. Phát biểu khai mạc Hội nghị.
3. Phát biểu chỉ đạo của lãnh đạo Chính phủ.
III. PHÂN CÔNG NHIỆM VỤ
1. Cục Cảnh sát điều tra tội phạm về ma túy chủ trì chuẩn bị nội dung Hội nghị.
2. Văn phòng Bộ phối hợp bảo đảm hậu cần.
IV. KINH PHÍ
Kinh phí bảo đảm từ ngân sách.
"""


@settings(max_examples=6, deadline=None)
@given(programme=st.sampled_from(["NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ", "CHƯƠNG TRÌNH HỘI NGHỊ", "NỘI DUNG, CHƯƠNG TRÌNH BUỔI LỄ"]))
def test_an_event_s_programme_is_not_the_work_and_the_assignment_part_lists_it(programme: str) -> None:
    assert _numbers(CONFERENCE.format(programme=programme)) == ["1", "2"]


LETTER_TWO_PARTS = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 501/UBND-NC
V/v cải thiện chỉ số cải cách hành chính
An Phú, ngày 10 tháng 12 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

I. {first}
1. Văn phòng Ủy ban nhân dân tỉnh
a) Rà soát các nhiệm vụ quá hạn;
b) Báo cáo tình hình giải quyết hồ sơ.
2. Sở Tư pháp
II. NHIỆM VỤ, GIẢI PHÁP TRONG NĂM 2026
1. Nhiệm vụ, giải pháp chung
a) Tập trung cải cách thủ tục hành chính;
b) Bố trí đủ nhân lực cho cải cách hành chính.
2. Nhiệm vụ, giải pháp cụ thể
a) Giao Sở Nội vụ theo dõi, đôn đốc.
"""


@settings(max_examples=6, deadline=None)
@given(first=st.sampled_from(["NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 12/2025", "CÁC VIỆC CẦN TRIỂN KHAI NGAY",
                              "NHỮNG CÔNG VIỆC CẦN THỰC HIỆN NGAY"]))
def test_the_work_to_do_now_is_a_tasks_part_beside_the_year_s_tasks(first: str) -> None:
    assert _numbers(LETTER_TWO_PARTS.format(first=first)) == [
        "I.1", "I.1.a", "I.1.b", "I.2", "II.1", "II.1.a", "II.1.b", "II.2", "II.2.a",
    ]


LETTER_WITHOUT_SUBJECT_LINE = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ Số: 88/UBND-NC	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Kính gửi:
        - Sở Y tế;
        - Công an tỉnh.
Nhằm nâng cao hiệu quả công tác cai nghiện ma túy tại cộng đồng, Ủy ban nhân dân tỉnh có ý kiến như sau:
{points}
Yêu cầu các cơ quan tổ chức thực hiện tốt các nội dung trên.
Nơi nhận: - Như trên; - Lưu: VT.
"""

BODIES = ["Sở Y tế", "Công an tỉnh", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"]


@settings(max_examples=8, deadline=None)
@given(n=st.integers(min_value=2, max_value=4), giao=st.booleans())
def test_a_letter_whose_subject_line_was_lost_still_gives_its_numbered_points(n: int, giao: bool) -> None:
    points = "\n".join(f"{i + 1}. {'Giao ' if giao else ''}{BODIES[i]} rà soát các đơn vị đủ điều kiện, lập danh sách và gửi về Ủy ban nhân dân tỉnh trước ngày 15 tháng 11." for i in range(n))
    assert _numbers(LETTER_WITHOUT_SUBJECT_LINE.format(points=points)) == [str(i + 1) for i in range(n)]


NOTICE = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 45/TB-UBND
An Phú, ngày 20 tháng 01 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về dự án đường cao tốc

1. Đánh giá chung
Các đơn vị đã tích cực triển khai dự án.
2. {heading}
a) Việc điều chỉnh chủ trương đầu tư theo quy mô hoàn chỉnh;
b) Điều chỉnh tiến độ cấp vốn và giải ngân vốn.
"""


@settings(max_examples=6, deadline=None)
@given(heading=st.sampled_from(["Nhiệm vụ trọng tâm trong thời gian tới", "Nhiệm vụ, giải pháp thời gian tới",
                                "Nội dung thực hiện"]))
def test_a_tasks_part_headed_by_a_numbered_item_is_a_task_holding_its_points(heading: str) -> None:
    assert _numbers(NOTICE.format(heading=heading)) == ["2", "2.a", "2.b"]


def test_a_list_annexed_to_a_letter_is_not_one_of_its_duties() -> None:
    points = "\n".join(f"{i + 1}. {BODIES[i]} rà soát các đơn vị đủ điều kiện, lập danh sách và gửi về Ủy ban nhân dân tỉnh."
                       for i in range(3))
    annex = "\nPhụ lục\nDANH SÁCH CÁN BỘ ĐẦU MỐI\nI. Cấp tỉnh\n1. Lãnh đạo sở phụ trách\n2. Chuyên viên phụ trách\n"
    assert _numbers(LETTER_WITHOUT_SUBJECT_LINE.format(points=points) + annex) == ["1", "2", "3"]


PLAN_WITH_PROPOSALS = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 300/KH-UBND
An Phú, ngày 12 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện Chương trình phòng, chống ma túy đến năm 2030

I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai đồng bộ các giải pháp.
II. NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ
1. Tăng cường tuyên truyền, giáo dục phòng ngừa
2. Nâng cao hiệu quả quản lý người nghiện
III. {proposals}
1. Bộ Tư lệnh Vùng Cảnh sát biển phối hợp tuần tra trên biển.
2. Viện Kiểm sát nhân dân tỉnh đẩy nhanh việc truy tố.
IV. TỔ CHỨC THỰC HIỆN
1. Công an tỉnh theo dõi, đôn đốc.
"""


@settings(max_examples=4, deadline=None)
@given(proposals=st.sampled_from(["KIẾN NGHỊ", "ĐỀ XUẤT, KIẾN NGHỊ", "ĐỀ NGHỊ CÁC CƠ QUAN TRUNG ƯƠNG"]))
def test_proposals_to_other_bodies_after_the_tasks_part_are_not_its_tasks(proposals: str) -> None:
    assert _numbers(PLAN_WITH_PROPOSALS.format(proposals=proposals)) == ["1", "2"]


@settings(max_examples=10, deadline=None)
@given(indent=st.lists(st.sampled_from(["", "\t", " \t", "\t\t"]), min_size=2, max_size=2))
def test_a_numbered_item_indented_with_a_tab_is_still_an_item(indent: list[str]) -> None:
    text = PLAN_WITH_PROPOSALS.format(proposals="KIẾN NGHỊ")
    text = text.replace("1. Tăng cường", indent[0] + "1. Tăng cường").replace("2. Nâng cao", indent[1] + "2. Nâng cao")
    assert _numbers(text) == ["1", "2"]


@settings(max_examples=6, deadline=None)
@given(symbol=st.sampled_from([("©", "c"), ("ø", "g")]))
def test_a_lettered_point_read_by_ocr_as_a_symbol_keeps_its_letter(symbol: tuple[str, str]) -> None:
    mark, letter = symbol
    text = NOTICE.format(heading="Nhiệm vụ trọng tâm trong thời gian tới").replace(
        "b) Điều chỉnh", f"{mark}) Điều chỉnh"
    )
    assert _numbers(text) == ["2", "2.a", f"2.{letter}"]


WORK_TABLE = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 15/KH-UBND
An Bình, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Đẩy mạnh chuyển đổi số trên địa bàn xã.
II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại bảng dưới đây)
TT\t{column}\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
1\tRà soát hạ tầng mạng tại các thôn\tVăn phòng HĐND và UBND xã\tCác thôn\tTháng 4/2026
2\tTập huấn kỹ năng số cho người dân\tPhòng Văn hóa - Xã hội\tĐoàn Thanh niên xã\tTháng 6/2026
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND xã theo dõi, đôn đốc.
"""


@settings(max_examples=4, deadline=None)
@given(column=st.sampled_from(["Công việc", "Nội dung công việc", "Nhiệm vụ", "Tên nhiệm vụ"]))
def test_each_row_of_a_work_table_is_a_task_with_its_units(column: str) -> None:
    tasks = {t["number"]: t for t in _plan(WORK_TABLE.format(column=column))["tasks"]}
    assert set(tasks) >= {"1", "2"}
    assert tasks["2"]["lead"] == ["Phòng Văn hóa - Xã hội"] and tasks["2"]["coordinate"] == ["Đoàn Thanh niên xã"]


PROGRAMME_IN_PARTS = """TỈNH ỦY AN PHÚ
Số: 20-CTr/TU

CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh

{first}: MỤC TIÊU
Phấn đấu đạt và vượt các chỉ tiêu của Nghị quyết.
{second}: NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Nâng cao năng lực lãnh đạo của tổ chức đảng
2. Phát triển kinh tế nhanh và bền vững
"""


@settings(max_examples=6, deadline=None)
@given(style=st.sampled_from([("PHẦN THỨ NHẤT", "PHẦN THỨ HAI"), ("Phần 1", "Phần 2"), ("PHẦN I", "PHẦN II")]))
def test_a_part_numbered_in_words_or_digits_on_its_title_line_heads_the_tasks_part(style: tuple[str, str]) -> None:
    assert _numbers(PROGRAMME_IN_PARTS.format(first=style[0], second=style[1])) == ["1", "2"]


PLAN_BY_DOMAINS = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 40/KH-UBND
An Bình, ngày 10 tháng 4 năm 2026

KẾ HOẠCH
Phòng, chống tệ nạn xã hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Kiềm chế sự gia tăng tệ nạn xã hội.
II. {second}
1. Tuyên truyền trên hệ thống loa truyền thanh
2. Tổ chức nói chuyện chuyên đề tại các thôn
III. {third}
1. Kiểm tra các cơ sở kinh doanh dịch vụ
IV. THỜI GIAN THỰC HIỆN
1. Từ tháng 4 đến tháng 12 năm 2026.
V. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì, theo dõi việc thực hiện.
"""


@settings(max_examples=6, deadline=None)
@given(second=st.sampled_from(["CÔNG TÁC TUYÊN TRUYỀN", "TUYÊN TRUYỀN, GIÁO DỤC"]),
       third=st.sampled_from(["CÔNG TÁC KIỂM TRA", "KIỂM TRA, XỬ LÝ VI PHẠM"]))
def test_a_plan_whose_parts_name_their_domains_lists_its_work_between_purpose_and_organisation(second: str, third: str) -> None:
    assert _numbers(PLAN_BY_DOMAINS.format(second=second, third=third)) == ["II.1", "II.2", "III.1"]
