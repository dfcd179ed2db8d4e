"""Numbers on the poverty pages, written the Vietnamese way through ``lib.vnnumbers`` (28.400; 3,5)."""

from __future__ import annotations

from django import template

from ansinh.lib.vnnumbers import format_vn

register = template.Library()


@register.filter
def vn(number: float | int | None, decimals: int | None = None) -> str:
    """``1900000`` → ``1.900.000``; ``0.4926`` with 2 → ``0,49``; None → ``—``."""
    if number is None or number == "":
        return "—"
    return format_vn(number, decimals)
