"""Where a plural list of kinds of bodies ends and the next name begins.

Decree 30/2020 plans name the partners of a task as lists of kinds: "các sở, ngành, phường, xã thuộc Thành phố" is
one name, its bare kind words sharing the tail that closes it. A kind with words of its own ("tổ chức quốc tế",
"ngành Thành phố"), or a name that is no kind at all ("các Đại sứ quán"), closes the list: what follows in lower case
("…, tổ chức quốc tế, các tỉnh, thành phố", "các Sở, ngành Thành phố, đơn vị liên quan") is the next name. Read by
:mod:`unit_names`; words match without diacritics (OCR and text without marks read the same).
"""

from __future__ import annotations

import re

from ansinh.lib.text import fold

# Kinds of bodies a plural list names bare, one after another (folded, lower case).
_KINDS = (
    r"so|ban|nganh|bo|co\s+quan|don\s+vi|dia\s+phuong|doan\s+the|to\s+chuc|hoi|doanh\s+nghiep|ca\s+nhan|"
    r"tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|dac\s+khu|cap|luc\s+luong|truong|co\s+so|"
    r"bao\s+chi|co\s+quan\s+(?:thong\s+tan|bao\s+chi)|hop\s+tac\s+xa|tap\s+doan|tong\s+cong\s+ty|cong\s+ty|phong|"
    r"trung\s+tam|chi\s+bo|dang\s+bo|thon|ap|ban|khu\s+pho|to\s+dan\s+pho|ho\s+gia\s+dinh|gia\s+dinh|"
    r"hoi\s+doan\s+the|ban\s+nganh|so\s+nganh|bo\s+nganh|bo\s+ban\s+nganh|cap\s+uy|ngan\s+hang|quy|"
    # Kinds named by the government's own structure: "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" is one name.
    r"co\s+quan\s+ngang\s+bo|co\s+quan\s+thuoc\s+chinh\s+phu"
)
_BARE_KIND = re.compile(r"^(?:(?:cac|nhung|moi)\s+)?(?:" + _KINDS + r")$")
_PLURAL = re.compile(r"^(?:cac|nhung)\s")
# A fragment that opens with a kind ("tổ chức quốc tế", "đơn vị liên quan", "các tỉnh"): only such a one opens a name.
_KIND_FIRST = re.compile(r"^(?:(?:cac|nhung)\s+\S+|(?:" + _KINDS + r")(?![a-z]))")


def _folded(fragment: str) -> str:
    return " ".join(fold(fragment).lower().split())


def bare_kind(fragment: str) -> bool:
    """Whether ``fragment`` is a kind of body alone ("sở", "các tỉnh", "thành phố"), open to the next kind."""
    return _BARE_KIND.match(_folded(fragment)) is not None


def opens_after_closed_kind(current: list[str], fragment: str) -> bool:
    """Whether ``fragment`` opens a new name after the fragments ``current`` of a list of kinds (no named body first):
    it does when it opens with a kind in lower case (or with "các") and the fragment before it is no bare kind."""
    if not current or not fragment:
        return False
    folded = _folded(fragment)
    if not (fragment[:1].islower() or _PLURAL.match(folded)) or not _KIND_FIRST.match(folded):
        return False  # "…, phụ trách lĩnh vực …": words that describe the name before, not another body
    if not (_PLURAL.match(_folded(current[0])) or _KIND_FIRST.match(_folded(current[0]))):
        return False  # "Đồng chí Phó Chủ tịch, …": a person's office, not a list of kinds
    # "…, thành phố và các sở, ngành": the list "và" opens goes on, so only what follows the last "và" is looked at.
    return not bare_kind(re.split(r"\s+(?:và|va)\s+", current[-1])[-1])
