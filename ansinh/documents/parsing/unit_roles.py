"""Roles in a unit cell or sentence: "Sở Y tế (chủ trì); Công an tỉnh (phối hợp)", "X chủ trì, phối hợp với Y", and the
body named before "chủ trì" that a hard-wrapped line may carry on (split from unit_names, which reads where one name ends).
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import squeeze
from ansinh.documents.parsing.unit_names import _head_match, _split_outside_parens, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS

# "Sở Y tế là cơ quan (chủ trì)": the role noun after the name is not part of it.
_ROLE_NOUN = re.compile(r"\s+(?:l[àa]\s+)?(?:c[ơo]\s+quan|đ[ơo]n\s+v[ịi])(?:\s+th[ưu][ờo]ng\s+tr[ựu]c)?\s*$", re.IGNORECASE)
_LEAD_WORDS = r"ch[uủ]\s+tr[iì]"
_PARTNER_WORDS = r"ph[oố]i\s+h[oợ]p"
# "phối hợp chặt chẽ với", "phối hợp tốt với": how closely, between "phối hợp" and "với" (no word of a partner's name).
_CLOSELY = r"(?:\s+(?:ch[aặ]t\s+ch[eẽ]|t[oố]t|th[uư][oờ]ng\s+xuy[eê]n|[đd][oồ]ng\s+b[oộ]))?"
_ROLE_TAIL = re.compile(r"\s*\((?P<role>" + _LEAD_WORDS + "|" + _PARTNER_WORDS + r")\)\s*$", re.IGNORECASE)
_LEAD_THEN_PARTNERS = re.compile(
    r"^(?P<who>.+?)\s+" + _LEAD_WORDS + r"\s*,?\s*" + _PARTNER_WORDS + _CLOSELY + r"(?:\s+v[oớ]i)?\s+(?P<with>.+)$", re.IGNORECASE
)


def units_by_role(value: str) -> tuple[list[str], list[str]]:
    """(lead, partners) of one cell that may state the roles: "Sở Y tế (chủ trì); Công an tỉnh, Sở Tài chính (phối hợp)",
    "Bưu điện tỉnh chủ trì, phối hợp Sở Y tế"; without roles every name leads."""
    value = squeeze(value)
    m = _LEAD_THEN_PARTNERS.match(value)
    if m:
        return split_units(m.group("who")), split_units(m.group("with"))
    lead: list[str] = []
    partners: list[str] = []
    for part in _split_outside_parens(value, ";"):
        part = part.strip(" .,")
        tail = _ROLE_TAIL.search(part)
        names = split_units(part[: tail.start()] if tail else part)
        if tail is not None and not re.match(r"ch", tail.group("role"), re.IGNORECASE):
            partners.extend(names)
            continue
        if tail is not None:
            lead.extend(names)
            continue
        for name in names:
            own = _ROLE_TAIL.search(name)
            if own is None:
                lead.append(name)
            else:
                (lead if re.match(r"ch", own.group("role"), re.IGNORECASE) else partners).append(name[: own.start()].strip())
    return lead, partners


_ASSIGNING_VERB = re.compile(r"^\s*(?:[Gg]iao(?:\s+cho)?|[ĐđDd][ềe]\s+ngh[ịi]|[Yy][êe]u\s+c[ầa]u)\s+")


# A list mark or an item number before the name ("- Sở Y tế", "1) Phòng Bảo trợ xã hội").
ITEM_MARK = re.compile(r"^[ \t]*(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*\)|[IVX]{1,5}\s*[.)])[ \t]*")


_HANDED_TO = re.compile(r"\s(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu|phân\s+công)\s+(?=\S)")


def _wrapped_name(text: str) -> str | None:
    """The body named before "chủ trì", which a hard-wrapped line may carry on, or whose line may open it."""
    # "Chủ tịch UBND tỉnh giao Sở Nội vụ", "Khi có kết quả … giao Sở Nội vụ": the body handed the duty.
    handed = _HANDED_TO.search(text)
    if handed is not None:
        text = text[handed.end() :]
    starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    for k in starts:
        name = _ROLE_NOUN.sub("", squeeze(_ASSIGNING_VERB.sub("", ITEM_MARK.sub("", text[k:]))))
        if _head_match(name, AGENCY_HEADS):
            return name
    return None
