"""The names of a table's unit cell, cleared of what a scan and the table's own notes leave around them.

An OCR'd assignment table reads a semicolon between two bodies as a colon ("Bộ Quốc phòng: Bộ Xây dựng"), leaves a
rule or a smudge before a name ("__ Bộ Tư pháp", "| Bộ Công an", "'Thanh tra Chính phủ"), and a unit cell often notes
the scope of a body's part after its name ("Bộ Tài chính (theo chức năng, nhiệm vụ được giao)", "Ngân hàng Nhà nước
Việt Nam (chủ trì nội dung liên quan đến …)", "Các bộ, ngành liên quan theo chức năng, nhiệm vụ được giao"). The
note is not the body's name; a bracket that names (an acronym, a department: "(Cục PCRT)") opens with a capital and
stays.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.unit_names import _split_outside_parens, opens_with_agency, split_units
from ansinh.documents.parsing.unit_roles import units_by_role

__all__ = ["clean_unit_names", "lead_then_partners"]

# Marks a scan leaves before a name: rules, dashes, quotes, underscores.
_LEAD_JUNK = re.compile(r"^[\s_|'‘’\"“”—–\-~.,:;ˆ`]+")
# A bracketed note in lower case ("(theo chức năng …)", "(chủ trì …)", "(nếu có)").
_NOTE = re.compile(r"\s*\((?=[a-zđà-ỹ])[^()]*\)(?P<body>\s*(?=[A-ZĐÀ-Ỹ]))?")
# A scope note after the name, without brackets.
_SCOPE_TAIL = re.compile(r"\s+theo\s+(?:ch[ứu]c\s+n[ăa]ng|quy\s+đ[ịi]nh|th[ẩa]m\s+quy[ềe]n|l[ĩi]nh\s+v[ựu]c)\b.*$", re.IGNORECASE)
_COLON = re.compile(r"\s*:\s+")


def _note_out(m: re.Match[str]) -> str:
    """A note removed; one between two bodies ("… (chủ trì nội dung …) Bộ Công an") separates them."""
    return ";" if m.group("body") is not None else ""


def clean_unit_names(names: list[str]) -> list[str]:
    """``names`` with each split at a colon between two bodies, its notes and a scan's marks removed, empty and
    repeated names dropped (order kept)."""
    out: list[str] = []
    for name in names:
        # A note between two bodies written without a separator ("Ngân hàng … (chủ trì nội dung …) Bộ Công an (…)")
        # separates them.
        for piece in _NOTE.sub(_note_out, _LEAD_JUNK.sub("", name)).split(";"):
            for part in _colon_split(piece.strip()):
                part = _SCOPE_TAIL.sub("", _LEAD_JUNK.sub("", part)).strip(" .;,:-–—_")
                if part and any(ch.isalpha() for ch in part) and part not in out:
                    out.append(part)
    return out


def _colon_split(name: str) -> list[str]:
    """"Bộ Quốc phòng: Bộ Xây dựng" is two bodies; "Sở Y tế: chủ trì …" keeps its colon."""
    pieces = _COLON.split(name)
    if len(pieces) < 2 or not all(opens_with_agency(_LEAD_JUNK.sub("", p)) for p in pieces):
        return [name]
    return pieces


def lead_then_partners(cell: str) -> tuple[list[str], list[str]]:
    """(lead, partners) of a cell under a column for both roles ("Đơn vị chủ trì/phối hợp"): roles the cell states
    ("Sở Y tế (chủ trì); Công an tỉnh (phối hợp)") as stated, else the first body (or the first part before a semicolon)
    leads and the rest work with it ("Trung tâm Khảo thí; các khoa", "Sở Y tế, Sở Tài chính")."""
    lead, partners = units_by_role(cell)
    if partners:
        return lead, partners
    parts = [p for p in _split_outside_parens(cell, ";") if p.strip(" .,")]
    if len(parts) > 1:
        return split_units(parts[0]), [name for part in parts[1:] for name in split_units(part)]
    names = split_units(cell)
    return names[:1], names[1:]
