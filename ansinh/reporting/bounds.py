"""One rule for numbers: the accepted range of a reported figure per indicator value type.

Declared once, here, and applied by ``validation.validate_values``, which the web form, the Excel
upload and the API all reach through ``actions.do_save_values``; the API schema reads
``MAX_MAGNITUDE`` from here too, so that no channel accepts what another refuses.

| value type | accepted |
|---|---|
| ``count`` (số đếm) | whole numbers, 0 … 10^15 |
| ``percent`` (tỷ lệ phần trăm) | 0 … 100 |
| ``money`` (số tiền) | 0 … 10^15 |
| ``ratio`` (tỷ số) | 0 … 10^15 |
| ``number`` (số) | −10^15 … 10^15 |

A numerator and a denominator are each 0 … 10^15 (the denominator above 0); the numerator may not
exceed the denominator when the indicator says so (``Indicator.numerator_within_denominator``, or
a percentage computed as numerator / denominator × 100).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ansinh.lib.vnnumbers import format_vn

MAX_MAGNITUDE = 1e15


@dataclass(frozen=True)
class Bound:
    low: float
    high: float
    integer: bool
    meaning: str  # what the range is, for the message


BOUNDS: dict[str, Bound] = {
    "count": Bound(0.0, MAX_MAGNITUDE, True, "số đếm phải là số nguyên từ 0 đến 10^15"),
    "percent": Bound(0.0, 100.0, False, "tỷ lệ phải nằm trong khoảng 0–100%"),
    "money": Bound(0.0, MAX_MAGNITUDE, False, "số tiền phải từ 0 đến 10^15"),
    "ratio": Bound(0.0, MAX_MAGNITUDE, False, "tỷ số phải từ 0 đến 10^15"),
    "number": Bound(-MAX_MAGNITUDE, MAX_MAGNITUDE, False, "giá trị phải nằm trong khoảng ±10^15"),
}
PART = Bound(0.0, MAX_MAGNITUDE, False, "phải từ 0 đến 10^15")


def bound_for(value_type: str) -> Bound:
    return BOUNDS.get(value_type, BOUNDS["number"])


def value_problem(value_type: str, value: float) -> str | None:
    """Why ``value`` is not an acceptable figure of this value type (Vietnamese), or None."""
    bound = bound_for(value_type)
    if not math.isfinite(value):
        return f"{bound.meaning}."
    if value < bound.low:
        return f"giá trị không được nhỏ hơn {format_vn(bound.low)} ({bound.meaning})."
    if value > bound.high:
        return f"giá trị vượt quá giới hạn ({bound.meaning})."
    if bound.integer and value != int(value):
        return f"{bound.meaning}."
    return None


def part_problem(label: str, value: float, *, denominator: bool = False) -> str | None:
    """Why a numerator or denominator is not acceptable, or None."""
    if not math.isfinite(value) or value > PART.high:
        return f"{label} vượt quá giới hạn (10^15)."
    if denominator and value <= 0:
        return f"{label} phải lớn hơn 0."
    if value < PART.low:
        return f"{label} không được âm."
    return None


def numerator_within_denominator(value_type: str, scale: float, declared: bool) -> bool:
    """Must the numerator not exceed the denominator? Declared by the indicator, or a percentage of a whole."""
    return declared or (value_type == "percent" and scale == 100)
