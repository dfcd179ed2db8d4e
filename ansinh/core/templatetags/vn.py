"""Template filters that show numbers the one Vietnamese way (``lib.vnnumbers``): 28.400; 3,5.

``{% load vn %}`` then ``{{ value|so }}`` (at most 2 decimals), ``{{ value|so:1 }}``; ``None`` and
text that is not a number show "—". Use these instead of ``floatformat``, which writes
"300000,0" (no thousands dot) under the Vietnamese locale.
"""

from __future__ import annotations

import math
from typing import Any

from django import template

from ansinh.lib.text import lower_first
from ansinh.lib.vnnumbers import format_short, goal_text

register = template.Library()
MISSING = "—"


@register.filter
def so(value: Any, decimals: Any = 2) -> str:
    """A number with dot-grouped thousands and a decimal comma, trailing zeros dropped."""
    if value is None or value == "" or isinstance(value, bool):
        return MISSING
    try:
        number = float(value)
        places = int(decimals)
    except (TypeError, ValueError):
        return MISSING
    if not math.isfinite(number):
        return MISSING
    return format_short(number, max(0, min(places, 6)))


@register.filter
def muc_tieu(obj: Any) -> str:
    """A target's or milestone's goal in words: "từ 90% trở lên", "không quá 15", "95 – 98%"; "—" without a value."""
    try:
        value = None if obj.value is None else float(obj.value)
        value_max = None if obj.value_max is None else float(obj.value_max)
    except (AttributeError, TypeError, ValueError):
        return MISSING
    return goal_text(obj.comparator, value, value_max, getattr(obj, "unit", "") or "") or MISSING


@register.filter(name="lower_first")
def lower_first_filter(value: Any) -> str:
    """The first letter lowered, the rest as written (``lib.text.lower_first``): "Báo cáo quý I năm 2026" → "báo cáo
    quý I năm 2026" (Django's ``lower`` would write "quý i"); an abbreviation ("UBND") is kept."""
    return lower_first("" if value is None else str(value))
