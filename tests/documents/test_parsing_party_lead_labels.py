"""A Party programme names who leads each group of tasks on a line of its own: "Trách nhiệm chỉ đạo thực hiện: …"
(probe texts of my own, built like a provincial Party committee's programme of action)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_PROGRAMME = """TỈNH ỦY BÌNH AN
Số 12-CTr/TU
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết về công tác xã hội

I. MỤC TIÊU
Nâng cao đời sống của Nhân dân.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường sự lãnh đạo của cấp ủy đối với công tác giảm nghèo
Quán triệt sâu rộng các chủ trương của Đảng về giảm nghèo bền vững.
{label}: {lead}.

2. Hoàn thiện chính sách trợ giúp xã hội
Rà soát, sửa đổi các chính sách hỗ trợ hộ nghèo, hộ cận nghèo.
{label}: Đảng ủy Ủy ban nhân dân tỉnh.

III. TỔ CHỨC THỰC HIỆN
Các cấp ủy tổ chức quán triệt Chương trình này.
"""


def _tasks(text: str) -> list[dict[str, Any]]:
    tasks = extract_plan(text, "ctr")["tasks"]
    assert isinstance(tasks, list)
    return tasks


@given(st.sampled_from(["Trách nhiệm chỉ đạo thực hiện", "Trách nhiệm chỉ đạo", "Cơ quan chỉ đạo thực hiện"]),
       st.sampled_from(["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Đảng ủy Mặt trận Tổ quốc tỉnh"]))
def test_a_line_naming_who_directs_the_work_gives_each_task_group_its_lead(label: str, lead: str) -> None:
    tasks = _tasks(_PROGRAMME.format(label=label, lead=lead))
    by_number = {t["number"].rsplit(".", 1)[-1]: t for t in tasks}
    assert by_number["1"]["lead"] == [lead]
    assert by_number["2"]["lead"] == ["Đảng ủy Ủy ban nhân dân tỉnh"]
    assert all("Trách nhiệm" not in t["title"] for t in tasks)


def test_directing_inside_a_sentence_is_no_label() -> None:
    text = _PROGRAMME.format(label="Trách nhiệm chỉ đạo thực hiện", lead="Ban Tuyên giáo Tỉnh ủy").replace(
        "Rà soát, sửa đổi", "Tăng cường trách nhiệm chỉ đạo của người đứng đầu; rà soát, sửa đổi")
    by_number = {t["number"].rsplit(".", 1)[-1]: t for t in _tasks(text)}
    assert by_number["2"]["lead"] == ["Đảng ủy Ủy ban nhân dân tỉnh"]
