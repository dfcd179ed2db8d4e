"""The setting of an event: what an invitation says about a meeting, not work to be done.

A letter of invitation (giấy mời, công văn mời dự hội nghị; Decree 30/2020, Annex III) sets its event item by
item: "1. Thời gian: …", "2. Địa điểm: …", "3. Thành phần: …", "4. Nội dung: …", "5. Chương trình, tài liệu: …";
only the items that hand out work ("Công tác chuẩn bị", "Phân công thực hiện") are tasks. The programme of the event
sent with it after the signature block ("CHƯƠNG TRÌNH" over "Hội nghị …": "1. Khai mạc …", "2. Thảo luận …") is its
agenda, not work either. Those items take the kind "setting": no task and no reporting duty is read in them.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.outline_repairs import RECIPIENTS
from ansinh.documents.parsing.structure import Node

SETTING = "setting"

# The labels an invitation sets its event with, opening an item's heading ("Thời gian:", "Thành phần tham dự").
_LABEL = re.compile(
    r"(?:thoi gian|dia diem|thanh phan|noi dung|chuong trinh|tai lieu|hinh thuc|ma ?ket|trang phuc)(?![a-z])"
)
# The labels that make a list the setting of one event: its time, its place, who attends.
_WHEN_WHERE_WHO = re.compile(r"(?:thoi gian|dia diem|thanh phan)(?![a-z])")
_WHEN_WHERE = re.compile(r"(?:thoi gian|dia diem)(?![a-z])")
# An item of such a list that hands out work ("Công tác chuẩn bị", "Phân công thực hiện", "Trách nhiệm …").
_WORK = re.compile(r"(?<![a-z])(?:chuan bi|phan cong|to chuc thuc hien|trach nhiem|nhiem vu|giao)(?![a-z])")

_RECIPIENTS = re.compile(r"(?m)^" + RECIPIENTS.pattern)  # "Nơi nhận:" closes the body of a text
# "CHƯƠNG TRÌNH" alone or with its event, then the event on the next line: the programme of a meeting or ceremony.
_PROGRAMME = re.compile(r"(?m)^[ \t*#_]*chuong trinh(?:[ \t]+(?:lam viec|cua))?[ \t]*(?:\n[ \t*_]*)?"
                        r"(?:hoi nghi|hoi thao|toa dam|le|buoi|dai hoi|ky hop|phien|lop|hop)(?![a-z])")


def _heading(doc: Doc, node: Node) -> str:
    return " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split())


def _setting_list(doc: Doc, items: list[Node]) -> bool:
    """Whether numbered sibling items set an event: two or more of time, place and attendance, time or place among them."""
    heads = [_heading(doc, n) for n in items]
    labelled = [h for h in heads if _WHEN_WHERE_WHO.match(h)]
    return len(labelled) >= 2 and any(_WHEN_WHERE.match(h) for h in labelled)


def _programme_start(doc: Doc) -> int | None:
    """Where the programme of an event sent after the signature block begins (None without one)."""
    signed = _RECIPIENTS.search(doc.folded)
    if signed is None:
        return None
    programme = _PROGRAMME.search(doc.folded, signed.end())
    if programme is None:
        return None
    line = doc.text[programme.start() : doc.text.find("\n", programme.start()) % (len(doc.text) + 1)]
    letters = [c for c in line if c.isalpha()]
    # A title in capitals (Decree 30/2020 sets titles so); "Chương trình …" in running text is no title.
    return programme.start() if letters and sum(c.isupper() for c in letters) >= 0.9 * len(letters) else None


def mark_event_settings(doc: Doc, root: Node) -> None:
    """Give the kind "setting" to the items that set an event and to the items of its attached programme (in place)."""
    programme = _programme_start(doc)
    for node in root.walk():
        items = [c for c in node.children if c.style.startswith("num") and c.title]
        if programme is not None:
            for item in items:
                if item.start >= programme:
                    item.kind = SETTING
        if len(items) < 3 or not _setting_list(doc, [i for i in items if programme is None or i.start < programme]):
            continue
        for item in items:
            head = _heading(doc, item)
            if _LABEL.match(head) and not _WORK.search(head):
                item.kind = SETTING
