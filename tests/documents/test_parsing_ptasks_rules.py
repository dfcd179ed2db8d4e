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


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["1.", "a)", "II.", "2/", "Điều 4.", "", "x", "12", "\n", " "]), max_size=12))
def test_joining_lone_marks_keeps_the_length_and_never_raises(parts: list[str]) -> None:
    text = "\n".join(parts) + "\nSở Y tế"
    doc = prepare(text)
    assert len(doc.clean) == len(text) == len(doc.folded)


def test_a_long_numbered_sentence_naming_duties_is_not_read_as_a_tasks_heading() -> None:
    text = "KẾ HOẠCH\n1. Các phòng rà soát kế hoạch, nhiệm vụ kiểm tra để bổ sung, điều chỉnh kịp thời trong quý IV.\n"
    root = parse_outline(prepare(text))
    assert [n.kind for n in root.walk()[1:] if n.style == "num1"] == [None]
