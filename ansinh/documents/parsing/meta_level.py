"""The level of government a plan comes from (central, province, district, commune), read from the issuing body's
name in the header block (``meta.extract_meta``) and, when the name leaves it open, from the bodies the text addresses.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.lib.text import fold

_CENTRAL_BODY = re.compile(r"chinh phu|thu tuong|(?<![a-z])(?<!dang )bo(?! chi huy| doi)(?![a-z])|trung uong|quoc hoi")
# Words that are not a place's kind: "xã hội" (social), "quản lý", "quân sự", "quân đội", "cơ quan".
_UNIT = re.compile(
    r"(?<![a-z])(thi tran|thi xa|dac khu|phuong|xa(?! hoi)|huyen|(?<!co )quan(?! ly| su| doi| he| tri| trac)|tinh)(?![a-z])"
)
# The cities run by the centre (Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ, TP Hồ Chí Minh) are provinces; so is Huế since
# 1/1/2025, when no province above it is named (before, it was a city of Thừa Thiên Huế province).
_CENTRAL_CITY = re.compile(r"thanh pho (?:ha noi|hai phong|da nang|can tho|ho chi minh)(?![a-z])|tp\.? ?hcm(?![a-z])")
_HUE = re.compile(r"thanh pho hue(?![a-z])")
# The whole of the ministries or of the provinces, as only the centre addresses them (the Government, the Prime
# Minister, a ministry): "các bộ, cơ quan ngang bộ", "các bộ, ngành, địa phương", "Ủy ban nhân dân các tỉnh, thành
# phố trực thuộc Trung ương".
_ALL_MINISTRIES_OR_PROVINCES = re.compile(
    r"(?<![a-z])cac bo,? (?:co quan ngang bo|nganh,? (?:va )?dia phuong)(?![a-z])"
    r"|(?<![a-z])(?:uy ban nhan dan|ubnd) cac tinh,? (?:va )?thanh pho truc thuoc trung uong"
)
# A committee of a commune or of a district named as such: "Đảng uỷ xã …", "UBND phường …", "Huyện uỷ …".
_LOCAL_BODY = re.compile(
    r"(?<![a-z])(?:(?:dang uy|dang bo|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|uy ban mat tran to quoc|ban thuong vu dang uy)"
    r"\s+(?:(?P<commune>xa(?! hoi)|phuong|thi tran|dac khu)|huyen|quan(?! ly| su| doi)|thi xa)"
    r"|(?:huyen|quan|thi) uy)(?![a-z])"
)
_NATIONAL_BODY = re.compile(r"(?<![a-z])(?:ban bi thu|nha nuoc|toi cao|viet nam)(?![a-z])")


def level_of(doc: Doc, issuer: str | None) -> str | None:
    """The level of government of the issuing body: "central", "province", "district", "commune", "other" or None."""
    who = fold((issuer or "").lower())
    folded = doc.folded
    # "Bộ" is a ministry; "Đảng bộ tỉnh" is a provincial party organisation, "Bộ Chỉ huy Quân sự tỉnh" and
    # "Bộ đội Biên phòng tỉnh" provincial commands.
    if _CENTRAL_BODY.search(who):
        return "central"
    # A header names the issuing body under its parent (Decree 30/2020 art. 8; the Party's "ĐẢNG BỘ TỈNH X /
    # ĐẢNG UỶ XÃ Y"): the most local body named is the issuer.
    local = _LOCAL_BODY.search(who)
    if local:
        return "commune" if local.group("commune") else "district"
    # The first administrative unit named after the body's kind decides ("UBND tỉnh Quảng Ngãi": province).
    unit = _UNIT.search(who)
    if unit:
        return {"thi tran": "commune", "dac khu": "commune", "phuong": "commune", "xa": "commune", "thi xa": "district",
                "huyen": "district", "quan": "district", "tinh": "province"}[unit.group(1)]
    if _NATIONAL_BODY.search(who.split("cong hoa")[0]):
        return "central"  # "BAN BÍ THƯ", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "BẢO HIỂM XÃ HỘI VIỆT NAM": no place below the nation
    if not who and re.match(r"\W*(?:ubnd|uy ban nhan dan) tinh(?![a-z])", folded.lstrip()):
        return "province"  # the superior body heads the header ("UBND TỈNH LÂM ĐỒNG / BAN CHỈ ĐẠO …"): a provincial body
    if _CENTRAL_CITY.search(who):
        return "province"
    if not who and _ALL_MINISTRIES_OR_PROVINCES.search(folded):
        return "central"  # no header read: a text that directs every ministry or every province comes from the centre
    if re.search(r"thanh pho|thanh uy", who) or not who:
        superior_province = re.search(r"tinh uy|ubnd tinh|uy ban nhan dan tinh|cua tinh(?![a-z])", folded)
        if _HUE.search(who) and not superior_province:
            return "province"
        subordinate = re.search(r"quan, huyen|cac quan|cac huyen|quan, huyen, thi xa", folded)
        if subordinate and not superior_province:
            return "province"
        if superior_province:
            return "district"
        if re.search(r"khu pho|to dan pho|(?<![a-z])thon(?![a-z])", folded) and not subordinate:
            return "commune"
        return "province" if who else None
    return "other" if who else None


# Local government has two levels since 1 July 2025, provinces and communes; the district level stopped operating
# (Law on the Organisation of Local Government of 16/06/2025 — its number is unverified in the reference notes —
# and Resolution 202/2025/QH15; ../shared/reference/anchors-monitoring.md).
TWO_LEVELS_FROM = "2025-07-01"
# A text that directs communes and wards ("UBND các xã, phường", "cấp xã") comes from above them.
_DIRECTS_COMMUNES = re.compile(
    r"(?<![a-z])(?:cac xa|xa, phuong|cac phuong|cap xa|xa, phuong, dac khu|cac dia phuong cap xa)(?![a-z])"
)


def level_in_force(doc: Doc, level: str | None, date: str | None, issuer: str | None) -> str | None:
    """``level`` as it can be on ``date`` (ISO): a text dated from 1 July 2025 on is no district's when the district
    was only inferred (a superior province named, no district body read); it is then the province's when it directs
    communes or wards, else a commune's. A body that names its district ("HUYỆN UỶ …", "UBND HUYỆN …") is believed
    over the date, which OCR may have misread."""
    if level != "district" or not date or date < TWO_LEVELS_FROM:
        return level
    if level_of(doc, issuer) == "district" and _UNIT.search(fold((issuer or "").lower())):
        return level
    return "province" if _DIRECTS_COMMUNES.search(doc.folded) else "commune"
