"""Which unverified legal values a classification rests on, said in Vietnamese ("chưa xác minh").

A class comes from the standard (its income bands) and, for the poor / near-poor split, from the count
of deprivation indicators; the income may be estimated with the scored form (phiếu B), whose tables are
placeholders. Pages (survey form, round list, certificate) and the DOCX certificate name every one of
these that is not verified, so an unverified value is never shown as law.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

PREFIX = "Phân loại dựa trên giá trị chưa xác minh: "


def unverified_parts(standard: Any, area: str | None = None, scored: bool = False) -> list[str]:
    """The unverified values behind a class of ``standard`` (optionally for one ``area``); Vietnamese."""
    parts = []
    if not standard.verified:
        parts.append(f"chuẩn «{standard.code}»")
    if any(not b.verified for b in standard.bands.all() if area is None or b.area == area):
        parts.append("ngưỡng thu nhập và số chỉ số thiếu hụt của chuẩn")
    indicators = list(standard.indicators.all())
    unverified = sum(1 for i in indicators if not i.verified)
    if unverified:
        parts.append(f"ngưỡng thiếu hụt của {unverified}/{len(indicators)} chỉ số")
    if scored:
        parts.append("thu nhập ước tính theo bảng điểm (phiếu B)")
    return parts


def note(parts: Iterable[str]) -> str:
    listed = list(parts)
    return f"{PREFIX}{'; '.join(listed)}." if listed else ""
