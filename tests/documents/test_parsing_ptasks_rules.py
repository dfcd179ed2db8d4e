"""Issue 10 (tasks, lead and partner units, reporting): each rule shown on a short text written for it.

The texts are composed here from how Vietnamese administrative documents are built (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.structure import parse_outline
from ansinh.lib.text import normalize_text
from tests.sizes import size


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _tasks(result: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


LETTER = """BỘ NỘI VỤ
CỤC VĂN THƯ
Số: 15/VT-NV
V/v chấn chỉnh công tác lưu trữ

Kính gửi: Sở Nội vụ các tỉnh, thành phố.

Qua kiểm tra, một số địa phương còn chậm chỉnh lý tài liệu:
- Hồ sơ tồn đọng nhiều năm.
- Kho lưu trữ chưa đạt chuẩn.

Để khắc phục, Cục Văn thư đề nghị Sở Nội vụ thực hiện các nội dung sau:

1/ Rà soát toàn bộ hồ sơ tồn đọng, lập danh mục chỉnh lý trong năm.
2/ Bố trí kho lưu trữ bảo đảm điều kiện bảo quản tài liệu.
3/ Tập huấn nghiệp vụ văn thư cho công chức cấp xã.

Trân trọng./.
"""


def test_the_slash_numbered_points_of_a_letter_are_its_tasks() -> None:
    numbers = [t["number"] for t in _plan(LETTER)["tasks"]]
    assert numbers == ["1", "2", "3"]


def test_a_numbered_point_after_a_dash_item_is_not_inside_it() -> None:
    root = parse_outline(prepare(normalize_text(LETTER)))
    numbered = [n for n in root.walk()[1:] if n.style == "num1"]
    assert numbered and all(n.parent is not None and n.parent.style != "dash" for n in numbered)


RESOLUTION_WITH_LONE_MARKS = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH AN
NGHỊ QUYẾT
Quy định mức hỗ trợ học phí
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức hỗ trợ.
Điều 2. Mức hỗ trợ
Mức hỗ trợ bằng 50% học phí.
Điều 3. Hội đồng nhân dân
tỉnh giao
1.
Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.
2.

Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
Nghị quyết này được thông qua ngày 10 tháng 12 năm 2025.
"""


def test_an_article_handing_out_duties_gives_tasks_even_with_marks_alone_on_their_lines() -> None:
    tasks = _tasks(_plan(RESOLUTION_WITH_LONE_MARKS))
    assert list(tasks) == ["1", "2"]
    assert tasks["1"][0] == ["Ủy ban nhân dân tỉnh"]


def test_a_mark_alone_on_its_line_takes_the_next_line_as_its_text() -> None:
    doc = prepare("1.\nỦy ban nhân dân tỉnh chủ trì.\n")
    assert doc.clean.splitlines()[0].startswith("1. Ủy ban")
    assert len(doc.clean) == len(doc.text)


@settings(max_examples=size(40, 60), deadline=None)
@given(st.lists(st.sampled_from(["1.", "a)", "II.", "2/", "Điều 4.", "", "x", "12", "\n", " "]), max_size=12))
def test_joining_lone_marks_keeps_the_length_and_never_raises(parts: list[str]) -> None:
    text = "\n".join(parts) + "\nSở Y tế"
    doc = prepare(text)
    assert len(doc.clean) == len(text) == len(doc.folded)


def test_a_long_numbered_sentence_naming_duties_is_not_read_as_a_tasks_heading() -> None:
    text = "KẾ HOẠCH\n1. Các phòng rà soát kế hoạch, nhiệm vụ kiểm tra để bổ sung, điều chỉnh kịp thời trong quý IV.\n"
    root = parse_outline(prepare(text))
    assert [n.kind for n in root.walk()[1:] if n.style == "num1"] == [None]


PLAN_WITH_PROSE_UNITS = """ỦY BAN NHÂN DÂN
XÃ TÂN HÒA
KẾ HOẠCH
Chăm lo Tết cho hộ nghèo năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm mọi hộ nghèo đều được chăm lo.
II. NỘI DUNG THỰC HIỆN
1. Rà soát danh sách
- Công chức Văn hóa - Xã hội phối hợp với Ban Công tác Mặt trận các thôn lập danh sách hộ nghèo.
2. Trao quà
Đối với hộ ở thôn xa thì Đoàn Thanh niên xã có trách nhiệm phối hợp với Hội Cựu chiến binh xã vận chuyển quà đến tận nhà.
3. Tổ chức thăm hỏi
Nội dung: Hội Liên hiệp Phụ nữ xã chủ trì, phối hợp với Hội Nông dân xã, Trạm Y tế xã tổ chức thăm hỏi người cao tuổi.
4. Các Trường học trên địa bàn tổ chức ngày hội gói bánh chưng cho học sinh.
5. Ủy ban Mặt trận Tổ quốc xã:
- Vận động các nhà hảo tâm ủng hộ quà.
- Chủ trì, phối hợp với các Bộ: Văn hóa, Thể thao và Du lịch, Tài chính và các cơ quan liên quan tổ chức đêm văn nghệ.
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Ủy ban nhân dân xã.
"""


def test_a_duty_clause_names_its_lead_and_partners_wherever_it_opens() -> None:
    task = _by_title(_plan(PLAN_WITH_PROSE_UNITS), "Rà soát danh sách")
    assert (task["lead"], task["coordinate"]) == (["Công chức Văn hóa - Xã hội"], ["Ban Công tác Mặt trận các thôn"])


def _by_title(result: dict[str, Any], start: str) -> dict[str, Any]:
    return next(t for t in result["tasks"] if t["title"].startswith(start))


def test_a_condition_before_the_subject_and_the_duty_cue_do_not_hide_the_lead() -> None:
    task = _by_title(_plan(PLAN_WITH_PROSE_UNITS), "Trao quà")
    assert task["lead"] == ["Đoàn Thanh niên xã"]
    assert task["coordinate"] == ["Hội Cựu chiến binh xã"]


def test_a_label_before_the_clause_and_a_plural_body_are_read() -> None:
    result = _plan(PLAN_WITH_PROSE_UNITS)
    visit = _by_title(result, "Tổ chức thăm hỏi")
    assert visit["lead"] == ["Hội Liên hiệp Phụ nữ xã"]
    assert visit["coordinate"] == ["Hội Nông dân xã", "Trạm Y tế xã"]
    assert _by_title(result, "Các Trường học")["lead"] == ["Các Trường học trên địa bàn"]


def test_a_later_dash_line_gives_partners_to_an_item_headed_by_its_body() -> None:
    task = _by_title(_plan(PLAN_WITH_PROSE_UNITS), "Ủy ban Mặt trận")
    assert task["lead"] == ["Ủy ban Mặt trận Tổ quốc xã"]
    assert task["coordinate"] == ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tài chính và các cơ quan liên quan"]


@settings(max_examples=size(40, 80), deadline=None)
@given(st.text(alphabet="ABSởBộcácvàphốihợpvớichủtrì ,;:.\n-Đa", max_size=120))
def test_reading_a_duty_clause_never_raises(text: str) -> None:
    from ansinh.documents.parsing.clause_units import read_clause
    from ansinh.documents.parsing.clean import fold_same_length

    found = read_clause(text, fold_same_length(text).lower())
    assert found is None or all(isinstance(n, str) and n for n in found[0] + found[1])


PLAN_WITH_INLINE_TABLE = """ỦY BAN NHÂN DÂN TỈNH HÀ AN
KẾ HOẠCH
Tuyên truyền chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân.
II. ĐỐI TƯỢNG, NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN
1. Đối tượng tuyên truyền
Cán bộ, công chức và Nhân dân.
2. Nội dung tuyên truyền
a) Lợi ích của dịch vụ công trực tuyến.
b) Cách dùng ứng dụng định danh điện tử.
III. CÁC HOẠT ĐỘNG TRỌNG TÂM
1. Phát sóng chuyên mục "Chuyển đổi số"
a) Chuyên mục truyền hình với các sở:
Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với các sở liên quan thực hiện các kỳ phát sóng sau:
TT\tNội dung\tTrách nhiệm thực hiện\tThời gian
1\tGiới thiệu dịch vụ công về đất đai\tLãnh đạo Sở Xây dựng\tTháng 3
2\tGiới thiệu dịch vụ công về y tế\tLãnh đạo Sở Y tế\tTháng 6
2. Về đào tạo kỹ năng số
Giao Sở Khoa học và Công nghệ:
a) Mở lớp tập huấn kỹ năng số cho công chức cấp xã.
b) Bảo đảm việc vận hành nền tảng học trực tuyến.
IV. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 15 tháng 12 hằng năm.
"""


def test_rows_of_a_table_announced_inside_an_item_are_its_sub_items() -> None:
    tasks = _tasks(_plan(PLAN_WITH_INLINE_TABLE))
    assert tasks["1.a.1"][0] == ["Lãnh đạo Sở Xây dựng"]
    assert tasks["1.a.2"][0] == ["Lãnh đạo Sở Y tế"]


def test_the_press_body_in_the_paragraph_under_a_heading_leads_the_item() -> None:
    tasks = _tasks(_plan(PLAN_WITH_INLINE_TABLE))
    assert tasks["1.a"] == (["Báo và Phát thanh, Truyền hình tỉnh"], ["các sở liên quan"])


def test_a_part_opening_with_the_audience_and_forms_is_not_the_tasks_part() -> None:
    titles = [t["title"] for t in _plan(PLAN_WITH_INLINE_TABLE)["tasks"]]
    assert "Đối tượng tuyên truyền" not in titles
    assert not any(t.startswith("Lợi ích") for t in titles)


def test_a_giao_line_under_a_heading_leads_the_item_and_its_lettered_duties() -> None:
    tasks = _tasks(_plan(PLAN_WITH_INLINE_TABLE))
    assert tasks["2"][0] == ["Sở Khoa học và Công nghệ"]
    assert tasks["2.b"][0] == ["Sở Khoa học và Công nghệ"]  # "Bảo đảm việc …" is not a body


DECREE_WITH_DUTIES_ARTICLE = """CHÍNH PHỦ
NGHỊ ĐỊNH
Quy định về hỗ trợ học nghề
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ học nghề.
Điều 2. Mức hỗ trợ
1. Mức hỗ trợ tối đa 4 triệu đồng một khóa.
2. Thời gian hỗ trợ không quá 12 tháng.
Điều 3. Trách nhiệm của các cơ quan
1. Bộ Nội vụ có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Nghị định này.
2. Bộ Tài chính bố trí kinh phí thực hiện.
3. Ủy ban nhân dân các tỉnh có trách nhiệm tổ chức thực hiện tại địa phương.
Điều 4. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.
"""


def test_the_article_whose_items_open_with_their_doers_holds_a_decrees_tasks() -> None:
    tasks = _tasks(_plan(DECREE_WITH_DUTIES_ARTICLE))
    assert list(tasks) == ["1", "2", "3"]
    assert tasks["2"][0] == ["Bộ Tài chính"]


def test_the_points_of_a_letter_that_each_hand_a_body_its_work_are_tasks_without_a_lead_in() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH HÀ AN\nSố: 12/UBND-VX\nV/v triển khai tiêm chủng\n"
        "Kính gửi: Các sở, ngành.\nĐể bảo đảm tiến độ tiêm chủng năm 2026.\n"
        "1. Giao Sở Y tế tổ chức tiêm bù cho trẻ em.\n2. Giao Công an tỉnh hỗ trợ xác thực danh tính.\n"
    )
    tasks = _tasks(_plan(text))
    assert tasks["1"][0] == ["Sở Y tế"] and tasks["2"][0] == ["Công an tỉnh"]
