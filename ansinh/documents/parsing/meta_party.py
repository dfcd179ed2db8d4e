"""The issuing organ a Party document names under its type word ("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ").

A Party document (Hướng dẫn 36-HD/VPTW) heads its top left with the Party committee ("BAN CHẤP HÀNH TRUNG ƯƠNG",
"TỈNH UỶ HÀ TĨNH"), while the organ that issues it — the Politburo, the Secretariat, a standing committee — is
named in capitals under the type word: "CHỈ THỊ / CỦA BAN THƯỜNG VỤ TỈNH UỶ". That line names the issuer.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, span_text
from ansinh.documents.parsing.meta_ocr import mostly_capitals
from ansinh.lib.text import fold_key

_TYPE = r"(?:nghi quyet|chi thi|ket luan|quy dinh|quyet dinh|chuong trinh hanh dong|chuong trinh|ke hoach|thong tri|huong dan)"
# "CỦA BỘ CHÍNH TRỊ", "CỦA BAN THƯỜNG VỤ TỈNH UỶ", up to the line's end or the subject that follows ("… VỀ …").
_ORGAN_LINE = re.compile(
    rf"^[\W\d]*(?P<type>{_TYPE}\s+)?cua\s+(?P<organ>(?:bo chinh tri|ban bi thu|ban thuong vu|ban chap hanh)(?:\s+[a-z]+){{0,6}}?)"
    r"(?=\s+ve\s|\W*$)"
)
_TYPE_LINE = re.compile(rf"^[\W\d]*{_TYPE}\W*$")
# Organs that exist once in the country: named alone. A standing committee keeps the committee it belongs to.
_NATIONAL = re.compile(r"bo chinh tri|ban bi thu|ban chap hanh trung uong")


def party_organ(doc: Doc, head_lines: list[tuple[int, int]]) -> str | None:
    """The organ named in capitals under (or with) the type word, "BỘ CHÍNH TRỊ", or None."""
    previous = ""
    for s, e in head_lines[:30]:
        line = doc.folded[s:e]
        if not line.strip():
            continue
        m = _ORGAN_LINE.match(line)
        if m and (m.group("type") or _TYPE_LINE.match(previous)) and mostly_capitals(doc.clean[s:e]):
            return span_text(doc, s + m.start("organ"), s + m.end("organ"))
        previous = line
    return None


# A Party committee's own name, under the Party organisation it belongs to ("ĐẢNG BỘ TỈNH X" / "ĐẢNG UỶ XÃ Y").
_COMMITTEE = re.compile(r"(?:dang uy|chi bo|ban thuong vu|ban chap hanh|(?:tinh|thanh|huyen|quan|thi) uy)\b")
_BARE_LEVEL = re.compile(r"\b(?:tinh|thanh pho|xa|phuong|huyen|quan|thi xa|dac khu)$")
_PARENT = re.compile(r"dang bo\s+(?:tinh|thanh pho|xa|phuong|huyen|quan|thi xa|dac khu|khoi)?\s*")


def committee_of(parts: list[str]) -> list[str]:
    """The header's lines that name the issuing body: a Party header's first line is the organisation the committee
    belongs to (Hướng dẫn 36-HD/VPTW: "ĐẢNG BỘ TỈNH KHÁNH HOÀ" / "ĐẢNG UỶ XÃ CÔNG HẢI"), not part of its name. A
    committee named by its level alone ("ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH") takes the place from that first line."""
    if len(parts) < 2 or not (parent := _PARENT.match(fold_key(parts[0]))):
        return parts
    at = next((i for i, part in enumerate(parts[1:], 1) if _COMMITTEE.match(fold_key(part))), None)
    if at is None:
        return parts
    name = parts[at:]
    place = parts[0][parent.end():].strip() if len(fold_key(parts[0])) == len(parts[0].lower()) else ""
    if place and _BARE_LEVEL.search(fold_key(" ".join(name))):
        name = [*name, place]
    return name


def with_organ(issuer: str | None, organ: str | None) -> str | None:
    """The issuer once the organ is known: the organ alone when it is national or the header read only the type
    line, else the organ with the committee the header names ("BAN THƯỜNG VỤ TỈNH UỶ, TỈNH UỶ HÀ TĨNH")."""
    if organ is None:
        return issuer
    key = fold_key(organ)
    if issuer is None or _NATIONAL.match(key) or key in fold_key(issuer):
        return organ
    head = re.match(r"ban thuong vu\s+", key)
    if head and fold_key(issuer).startswith(key[head.end():]):  # "BAN THƯỜNG VỤ ĐẢNG UỶ XÃ" of "ĐẢNG UỶ XÃ CÔNG HẢI"
        return f"{organ[: head.end()]}{issuer}"
    return f"{organ}, {issuer}"
