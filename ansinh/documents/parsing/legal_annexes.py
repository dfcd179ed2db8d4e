"""The annexes of a legal text (a decree, a circular, a decision written in articles).

Such a text hands out its work in its articles ("Điều 20. Trách nhiệm của Ủy ban nhân dân tỉnh", "Điều 9. Tổ chức
thực hiện"); what it sends after its signature under "Phụ lục I", "Phụ lục II" … are the papers it prescribes (a
certificate, a register, a record, a report to fill in, a list of examinations). Their numbered lines are the fields of
those papers, not the text's tasks. An annex that names work, aims or a plan ("DANH MỤC NHIỆM VỤ …", "CÁC CHỈ TIÊU …",
"KẾ HOẠCH TRIỂN KHAI …") stays where the other readers find it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ansinh.documents.parsing.structure import Node

# Words of an annex title that names work, aims or a plan, its schedule, works or indicators (folded).
_NAMES_WORK = re.compile(
    r"(?<![a-z])(?:chi tieu|muc tieu|ke hoach|chuong trinh|de an|du an|nhiem vu|giai phap|hoat dong|cong viec|"
    r"noi dung|trien khai|thuc hien|phan cong|lo trinh|tien do|cong trinh|chi so|san pham)(?![a-z])"
)


def legal_annex_kind(root: Node, start: int, title: str) -> str | None:
    """"form" for an annex starting at ``start`` whose folded ``title`` names no work, aims or plan, in a text whose body
    before it is written in articles (two or more "Điều"); otherwise None (the annex is left as read)."""
    if not title or _NAMES_WORK.search(title):
        return None
    articles = 0
    for node in root.walk():
        if node.start >= start:
            continue
        if node.style == "article":
            articles += 1
            if articles >= 2:
                return "form"
    return None
