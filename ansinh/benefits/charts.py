"""A server-rendered SVG bar chart of a monthly share (no JavaScript: CSP forbids inline scripts).

Like ``reports.charts``: ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` saying the figures
in words; the page shows the same figures as a table. A target, when given, is a dashed line.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

from ansinh.lib.vnnumbers import format_short

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 28
INK, MUTED, GRID, BAR = "#1b1f24", "#4a5563", "#d0d7de", "#2f6f9f"


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / 100)


def month_bars(title: str, values: list[float | None], chart_id: str, target: float | None = None) -> SafeString:
    """Twelve bars (January … December) of a percentage; a month without figures has no bar."""
    inner = WIDTH - LEFT - RIGHT
    slot = inner / 12
    words = "; ".join(f"tháng {m}: {format_short(v, 1)}%" for m, v in enumerate(values, 1) if v is not None)
    desc = (f"Theo tháng — {words}." if words else "Chưa có số liệu.") + (
        f" Mục tiêu: {format_short(target, 1)}%." if target is not None else "")
    out = [
        f'<svg class="chart" id={quoteattr(chart_id)} viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        y = _y(tick)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">{tick}%</text>')
    for m, v in enumerate(values, 1):
        x = LEFT + slot * (m - 1)
        out.append(f'<text x="{x + slot / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11" fill="{MUTED}">T{m}</text>')
        if v is not None:
            y = _y(max(0.0, min(100.0, v)))
            out.append(f'<rect x="{x + slot * 0.18:.1f}" y="{y:.1f}" width="{slot * 0.64:.1f}" height="{_y(0) - y:.1f}" fill="{BAR}"/>')
    if target is not None:
        y = _y(target)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="6 4"/>')
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped or a number
