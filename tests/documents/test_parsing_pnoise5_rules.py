"""Issue 10, helper pnoise5 (lead and partner units under a PDF's line breaks): each rule on a short text written
for it.

The texts are invented, laid out as a wrapped copy of a plan's annex table prints them; none is copied from the corpus.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.bar_rows import join_wrapped_bar_rows
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text

# --- a bar table whose rows a wrap broke like prose ---------------------------------------------------------

_ROWS = (
    ("Tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác giảm nghèo cấp xã", "Sở Nông nghiệp và Môi trường",
     "Sở Tài chính, Ủy ban nhân dân các xã", "Quý II năm 2026"),
    ("Rà soát, cập nhật cơ sở dữ liệu hộ nghèo, hộ cận nghèo trên địa bàn tỉnh", "Sở Y tế",
     "Bảo hiểm xã hội tỉnh, Công an tỉnh", "Hằng năm"),
    ("Kiểm tra, giám sát việc thực hiện chính sách hỗ trợ nhà ở", "Sở Xây dựng", "Sở Tư pháp", "Năm 2027"),
)
_HEAD = "STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"


def _wrap(line: str, width: int) -> list[str]:
    out: list[str] = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        out.append(line[:cut])
        line = line[cut + 1 :]
    return [*out, line]


def _table(width: int) -> str:
    lines = _wrap(_HEAD, width)
    for n, row in enumerate(_ROWS, 1):
        lines += _wrap(" | ".join((str(n), *row)), width)
    return "KẾ HOẠCH\nII. NHIỆM VỤ\n" + "\n".join(lines) + "\nIII. TỔ CHỨC THỰC HIỆN\n"


def test_a_bar_table_whose_rows_a_wrap_broke_reads_each_row_with_its_lead_and_partners() -> None:
    tasks = extract_plan(normalize_text(_table(60)), "probe")["tasks"]
    assert [(t["lead"], t["coordinate"]) for t in tasks] == [
        (["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính", "Ủy ban nhân dân các xã"]),
        (["Sở Y tế"], ["Bảo hiểm xã hội tỉnh", "Công an tỉnh"]),
        (["Sở Xây dựng"], ["Sở Tư pháp"]),
    ]


def test_each_wrapped_row_of_a_bar_table_is_one_line_of_the_clean_view_again() -> None:
    clean = prepare(_table(60)).clean
    rows = [line for line in clean.split("\n") if line.count("\t") == 4]
    assert len(rows) == 4  # the header and the three rows, each with its five cells


def test_a_bar_table_whose_rows_are_whole_is_left_as_it_is() -> None:
    text = _table(400)
    assert join_wrapped_bar_rows(text) == text


def test_a_numbered_row_is_never_joined_to_a_short_row_before_it() -> None:
    text = "STT | Nội dung | Chủ trì | Phối hợp\nA | Nhóm nhiệm vụ chung\n1 | Tập huấn | Sở Y tế | Sở Tư pháp\n" \
           "2 | Kiểm tra | Sở Xây dựng | Sở Tài\nchính\n3 | Rà soát | Sở Nội vụ | Công an tỉnh\n"
    joined = join_wrapped_bar_rows(text)
    assert "\n1 | Tập huấn" in joined and "\n3 | Rà soát" in joined
    assert "Sở Tài chính" in joined


@settings(max_examples=30, deadline=None)
@given(st.integers(40, 120))
def test_joining_wrapped_bar_rows_keeps_the_length_and_only_turns_line_breaks_into_spaces(width: int) -> None:
    text = _table(width)
    joined = join_wrapped_bar_rows(text)
    assert len(joined) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, joined, strict=True))
    wraps = sum(len(_wrap(r, width)) - 1 for r in _table_lines())
    # every wrap is joined but the last row's cell rest after its last bar (nothing says the table goes on)
    assert text.count("\n") - wraps <= joined.count("\n") <= text.count("\n") - wraps + 1

def _table_lines() -> list[str]:
    return [_HEAD, *(" | ".join((str(n), *row)) for n, row in enumerate(_ROWS, 1))]


# --- an item mark a scan's OCR misread, then a word segmenter split from its dot ------------------------------

_SEGMENTED_LIST = "KẾ HOẠCH\nII . NHIỆM_VỤ\n" + "".join(
    f"{n} . Sở {unit} chủ_trì rà_soát hồ_sơ hộ nghèo .\n"
    for n, unit in enumerate(("Tài_chính", "Nội_vụ", "Xây_dựng", "Tư_pháp", "Công_Thương", "Giáo_dục và Đào_tạo",
                              "Văn_hóa , Thể_thao và Du_lịch"), 1)
)


def test_a_look_alike_mark_a_segmenter_split_from_its_dot_reads_as_the_point_its_list_expects() -> None:
    text = _SEGMENTED_LIST + "§ . Sở Y_tế chủ_trì , phối_hợp với Công_an tỉnh kiểm_tra các cơ_sở .\n"
    last = extract_plan(normalize_text(text), "probe")["tasks"][-1]
    assert (last["number"], last["lead"], last["coordinate"]) == ("8", ["Sở Y tế"], ["Công an tỉnh"])


def test_an_l_with_a_comma_a_segmenter_split_off_reads_as_the_first_point() -> None:
    text = "KẾ HOẠCH\nII . NHIỆM_VỤ\nl , Sở Y_tế chủ_trì kiểm_tra các cơ_sở .\n2 . Sở Nội_vụ hướng_dẫn các xã .\n"
    tasks = extract_plan(normalize_text(text), "probe")["tasks"]
    assert [(t["number"], t["lead"]) for t in tasks] == [("1", ["Sở Y tế"]), ("2", ["Sở Nội vụ"])]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["§ .", "ö .", "Ö .", "l ,", "l .", "§ )"]), st.integers(0, 3))
def test_closing_up_a_split_look_alike_mark_keeps_the_length_and_sets_the_mark_before_the_text(mark: str, indent: int) -> None:
    text = " " * indent + mark + " Sở Y tế chủ trì\n"
    clean = prepare(text).clean
    assert len(clean) == len(text)
    assert clean.split()[0] == mark.replace(" ", "") and clean.endswith(" Sở Y tế chủ trì\n")

