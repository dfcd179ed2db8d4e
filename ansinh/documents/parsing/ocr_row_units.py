"""The lead of a row of an assignment table OCR ran together (ocr_task_rows.py).

The unit columns of such a row are scattered over its lines after the task cell, a body's name often broken at the
column's edge ("Bí thư Đảng uỷ, Sở Nông" over "nghiệp và Môi trường"). The lead is the first body the row names after
its task text, its name completed from the provincial departments a Decree on the organisation of provincial
departments (Nghị định 45/2025) sets up when the scan kept only its first words; in a table grouped by body
("III |Hội Nông dân tỉnh"), the heading's body leads the rows under it.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import fold_same_length

# A body the lead column names: an office's head and the body ("Giám đốc Sở Y tế"), or the body alone. "Ban" names a
# body only before a capital ("Ban Quản lý"), and not the Party committee's standing board a task cell cites.
_BODY = re.compile(
    r"(?:(?P<head>Giám đốc|Trưởng|Chủ tịch|Tổng Biên tập|Thủ trưởng)\s+)?"
    r"(?P<body>(?:Sở|Ban(?=\s+[A-ZĐ])(?!\s+(?:Thường|Chấp|Bí))|Bộ Chỉ huy|Công an|Liên minh|Ngân hàng|Báo|BHXH|"
    r"Bảo hiểm xã hội)\s+[^\W\d_]+(?:\s+(?:và\s+)?[^\W\d_]+){0,6})"
)
_BODY_STOP = re.compile(
    r"\s+(?:Bí|UBND|Đồng|Đ/c|TUV|UVBTV|Phó|Chủ|Giám|liên|phường|xã|các|đơn|có|quan|trực|đạt|trong|thực|được)(?:\s.*)?$|\s+(?![A-ZĐ])[^\W\d_](?:\s.*)?$"
)
# A province's departments (Nghị định 45/2025/NĐ-CP and the departments provinces kept beside them).
_DEPARTMENTS = (
    "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
    "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo",
)
_HEADS = re.compile(r"(?:Giám đốc|Chủ tịch|Trưởng|Chánh án|Viện trưởng|Chỉ huy trưởng|Bí thư|Tổng Biên tập)")


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", fold_same_length(text).lower()).split()


def complete_department(name: str) -> str:
    """A department's full name when ``name`` holds its first words only ("Sở Nông nghiệp và" → "Sở Nông nghiệp và Môi
    trường") or the name and debris after it; ``name`` itself when no department or more than one begins with them."""
    words = _words(name)
    if len(words) < 2 or words[0] != "so":
        return name
    found = [d for d in _DEPARTMENTS if _words(d)[: len(words)] == words]
    if len(found) == 1:
        return found[0]
    # A full department's name with other cells' debris after it ("Sở Tài chính DU NN"): the name alone.
    whole = [d for d in _DEPARTMENTS if words[: len(_words(d))] == _words(d)]
    return max(whole, key=len) if whole else name


def row_lead(lines: list[str], title: str, group_body: str | None = None) -> list[str]:
    """The row's lead: the heading's body in a table grouped by body (with the head's title the row gives before the
    body's first word), else the first body the row names after its task text."""
    joined = " ".join(lines).replace(title, " ", 1)
    if group_body:
        first = group_body.split()[0]
        head = re.search(rf"({_HEADS.pattern})\s+{re.escape(first)}", joined)
        return [f"{head.group(1)} {group_body}" if head else group_body]
    for m in _BODY.finditer(joined):
        body = complete_department(_BODY_STOP.sub("", m.group("body")).strip(" ,.;"))
        if len(body.split()) < 2:
            continue
        # A department is headed by its director (Giám đốc), whichever title of another cell stands before its name.
        title_word = "Giám đốc" if body.startswith("Sở ") else m.group("head")
        return [f"{title_word} {body}" if title_word else body]
    return []


# The partners a Party resolution's annex names in general terms: the departments concerned and the communes, each
# with the head the row names a few words before (OCR sets stray marks between a cell's lines).
_PARTNERS = (
    re.compile(r"(?:(?P<head>Giám đốc|Thủ trưởng|Lãnh đạo)(?:\s+\S+){0,8}?\s+)?"
               r"(?P<body>các\s+[sS]ở,?\s+(?:ban,?\s*)?ngành(?:\s+liên(?:\s+quan)?)?)"),
    re.compile(r"(?:(?P<head>Bí thư Đảng u[ỷỳ],? Chủ tịch UBND|Bí thư Đảng u[ỷỳ]|Chủ tịch UBND|Chủ tịch)(?:\s+\S+){0,8}?\s+)?"
               r"(?P<body>các\s+xã,\s*phường(?:\s+liên\s+quan)?)"),
)


def row_partners(lines: list[str], title: str, lead: list[str]) -> list[str]:
    """The partners the row names in general terms after its task text (the departments concerned, the communes),
    each once, none that is the lead's own words."""
    joined = re.sub(r"\s+", " ", " ".join(lines).replace(title, " ", 1))
    out: list[str] = []
    for pattern in _PARTNERS:
        m = pattern.search(joined)
        if m is not None and not any(m.group("body") in name for name in lead):
            body = re.sub(r"liên$", "liên quan", m.group("body"))  # the phrase's end the cell carried to its next line
            out.append(f"{m.group('head')} {body}" if m.group("head") else body)
    return out
