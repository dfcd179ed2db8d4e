"""Issue 10, helper pnoise4 (units and tasks under the noise real copies carry): each rule on a short text written for it.

The texts are invented, laid out as word segmenters and PDF text layers print Vietnamese plans; none is copied from the
corpus.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text

# --- a bracket a word segmenter spaced out ------------------------------------------------------------------


def test_a_spaced_bracket_is_closed_up_with_its_spare_spaces_after_it() -> None:
    clean = prepare("Thời gian ( Năm 2026 )    Ghi chú").clean
    assert clean.startswith("Thời gian (Năm 2026)")
    assert len(clean) == len("Thời gian ( Năm 2026 )    Ghi chú")


def test_the_punctuation_inside_and_right_after_a_spaced_bracket_is_glued_to_its_word() -> None:
    assert prepare("Sở Y tế ( chủ trì , phối hợp ) .").clean.rstrip() == "Sở Y tế (chủ trì, phối hợp)."


def test_an_unclosed_bracket_keeps_the_old_repair() -> None:
    assert prepare("theo ( Sở Y tế").clean == "theo  (Sở Y tế"


_TABLE = (
    "KẾ HOẠCH\nII . NHIỆM VỤ\n"
    "TT    Nội dung công việc                          Cơ quan chủ trì      Thời gian ( năm 2026 )\n"
    "1     Tổ chức hội nghị tập huấn nghiệp vụ cho     Sở Nội vụ            Quý I\n"
    "cán bộ các xã , phường\n"
    "2     Kiểm tra việc thực hiện chế độ báo cáo      Sở Tư pháp           Quý III\n"
    "tại các cơ quan , đơn vị\n"
)


def test_a_layout_table_whose_header_holds_a_spaced_bracket_reads_its_rows_whole_with_their_leads() -> None:
    tasks = extract_plan(normalize_text(_TABLE), "probe")["tasks"]
    assert [(t["title"], t["lead"]) for t in tasks] == [
        ("Tổ chức hội nghị tập huấn nghiệp vụ cho cán bộ các xã, phường", ["Sở Nội vụ"]),
        ("Kiểm tra việc thực hiện chế độ báo cáo tại các cơ quan, đơn vị", ["Sở Tư pháp"]),
    ]


_WORD = st.sampled_from(["Năm", "2026", "chủ", "trì", "Sở", "Y", "tế", "quý", "IV", "theo", "kế", "hoạch"])


@settings(max_examples=30, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=6), st.sampled_from(["", " ,", " ."]), st.integers(0, 3))
def test_closing_up_a_spaced_bracket_keeps_the_length_and_the_words(words: list[str], after: str, gap: int) -> None:
    text = "Cột ( " + " ".join(words) + " )" + after + " " * gap + " x"
    clean = prepare(text).clean
    assert len(clean) == len(text)
    assert " ".join(clean.split()) == "Cột (" + " ".join(words) + ")" + after.strip() + " x"


# --- a list mark a word segmenter split from its dot --------------------------------------------------------


def test_a_split_mark_is_joined_with_its_spare_space_before_it_not_after_it() -> None:
    assert prepare("2 . Tổ chức hội nghị").clean == " 2. Tổ chức hội nghị"
    assert prepare("**II . NHIỆM VỤ**").clean == "   II. NHIỆM VỤ  "


def test_a_numbered_item_after_a_space_laid_table_whose_lines_lost_their_indentation_is_not_one_of_its_rows() -> None:
    text = (
        "II . NHIỆM VỤ\n"
        "1 . Tổ chức đối thoại trên sóng truyền hình\n"
        "TT    Nội dung                                           Trách nhiệm thực     Thời gian\n"
        "hiện\n"
        "1     Đối thoại về thủ tục hành chính trong lĩnh vực     Lãnh đạo Sở Tư       Tháng 3\n"
        "đất đai , xây dựng                                 pháp\n"
        "2     Đối thoại về thủ tục hành chính trong lĩnh vực     Lãnh đạo Sở Y tế     Tháng 6\n"
        "y tế , bảo hiểm\n"
        "2 . Tổ chức Cuộc thi tìm hiểu về cải cách hành chính\n"
        "Sở Nội vụ chủ trì , phối hợp với Sở Tư pháp tổ chức cuộc thi trong quý III .\n"
    )
    tasks = {t["title"][:30]: (t["lead"], t["coordinate"]) for t in extract_plan(normalize_text(text), "probe")["tasks"]}
    assert tasks["Tổ chức Cuộc thi tìm hiểu về c"] == (["Sở Nội vụ"], ["Sở Tư pháp"])


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["1", "2", "12", "1.2", "II", "IV", "a", "đ"]), st.sampled_from([".", ")"]), st.integers(1, 3))
def test_joining_a_split_mark_keeps_the_length_and_leaves_one_space_after_it(mark: str, dot: str, spaces: int) -> None:
    text = f"{mark}{' ' * spaces}{dot} Sở Y tế"
    clean = prepare(text).clean
    assert len(clean) == len(text)
    assert clean.lstrip() == f"{mark}{dot} Sở Y tế"


# --- a table row whose empty last cells a copy trimmed ----------------------------------------------------------

_ROWS = (
    "STT\tNội dung\tNhiệm vụ cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn",
    "1.\tHoàn thiện thể chế\tRà soát quy định về quản lý đất đai\tSở Nông nghiệp và Môi trường\tSở Tư pháp\t12/2026",
    "\t\tXây dựng quy trình cấp giấy chứng nhận\tSở Nông nghiệp và Môi trường\tSở Tư pháp\t",
    "",
    "2",
    "\t\tcho hộ gia đình, cá nhân tại các xã",
    "\t\tTập huấn cho cán bộ địa chính cấp xã\tSở Nội vụ\tSở Tài chính\t06/2027",
    "2.\tCải cách hành chính\tCông khai thủ tục hành chính trên cổng thông tin\tVăn phòng UBND tỉnh\tCác sở, ngành\t12/2026",
)


def test_a_table_goes_on_after_a_page_break_whose_next_line_lost_its_empty_last_cells() -> None:
    text = "KẾ HOẠCH\nII. NHIỆM VỤ\nCác nhiệm vụ cụ thể như sau:\n" + "\n".join(_ROWS) + "\n"
    tasks = extract_plan(normalize_text(text), "probe")["tasks"]
    assert ("Cải cách hành chính", ["Văn phòng UBND tỉnh"]) in [(t["title"], t["lead"]) for t in tasks]
    assert any(t["title"].startswith("Tập huấn") and t["lead"] == ["Sở Nội vụ"] for t in tasks)


# --- a list item set off by tabs under padded prose, its mark split from its dot ------------------------------


def test_a_tabbed_item_whose_mark_a_segmenter_split_reads_as_prose_under_a_padded_paragraph() -> None:
    text = (
        "Các sở , ngành chủ động rà soát và ưu tiên triển khai thực hiện các nội dung đã được giao .\n"
        "\t2 . \tGiao Sở Nội vụ , Sở Tài chính theo chức năng , nhiệm vụ có trách nhiệm :\n"
    )
    line = prepare(text).clean.split("\n")[1]
    assert "\t" not in line
    assert line.split() == ["2.", "Giao", "Sở", "Nội", "vụ,", "Sở", "Tài", "chính", "theo", "chức", "năng,", "nhiệm", "vụ",
                            "có", "trách", "nhiệm:"]
