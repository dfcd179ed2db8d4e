"""A unit name as a task carries it: list punctuation, a stray bracket and a duty carried on after it removed."""

from __future__ import annotations

import re

# "các bộ phận có liên quan trong thực hiện các tiêu chí …", "các cơ quan, đơn vị liên quan giữ vững …": the duty
# carried on after "(có) liên quan" is not part of the name ("… liên quan thuộc Bộ", "… liên quan của Bộ" are).
_DUTY_AFTER_RELATED = re.compile(
    r"(?<=li[êe]n quan)\s+(?:trong|theo|đ[ểe]|nhằm|gi[ữu]|th[ựu]c hi[ệe]n|tri[ểe]n khai)\s.*$", re.IGNORECASE | re.DOTALL
)

# "Bộ Tài chính có trách nhiệm", "Tòa án nhân dân tỉnh phối hợp chặt chẽ với …", "Bộ trưởng Bộ Nội vụ quy định chi
# tiết việc …", "Sở Khoa học và Công nghệ nghiêm túc …": the duty that follows a name is not part of it; nor a word
# left dangling at its end ("các Cục Thuế khi", "các cơ quan, đơn vị chức năng trong").
_DUTY_AFTER_NAME = re.compile(
    r"\s+(?:(?:có|chịu) trách nhiệm|phối hợp (?:chặt chẽ )?với|quy định chi tiết|nghiêm túc|đồng thời|khẩn trương)(?:\s.*)?$"
    r"|\s+(?:khi|trong)$",
    re.IGNORECASE | re.DOTALL,
)


def trim_unit_names(names: list[str]) -> list[str]:
    """Names as a task carries them: each trimmed of a duty carried on after it, empty and repeated ones dropped."""
    out: list[str] = []
    for name in names:
        trimmed = trim_name(name)
        if trimmed and trimmed not in out:
            out.append(trimmed)
    return out


def trim_name(name: str) -> str:
    """A name without list punctuation around it, nor a bracket it does not open ("Hội Nông dân xã)")."""
    name = name.strip(" .;,:-–")
    if "quan " in name:
        name = _DUTY_AFTER_RELATED.sub("", name)
    if " " in name:
        name = _DUTY_AFTER_NAME.sub("", name).rstrip(" .;,:-–")
    while name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1].rstrip(" .;,-–")
    while name.startswith("(") and name.count("(") > name.count(")"):
        name = name[1:].lstrip(" .;,-–")
    return name
