"""Small server-rendered SVG charts for indicator cards: milestones, actuals, forecast, target.

No JavaScript: each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that
says in words what the lines show; the template adds the same figures as a table. Actuals are
a solid line, the forecast a dashed line, milestones hollow diamonds on a dotted line, the final
target a flag; the last actual point carries the card's status shape and colour.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

from ansinh.lib.vnnumbers import format_short
from ansinh.reports.dashboard_status import StatusStyle, marker, status_style

WIDTH, HEIGHT = 320, 170
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46, 14, 20, 26
INK, MUTED, GRID = "#1b1f24", "#4a5563", "#d0d7de"


@dataclass
class IndicatorCard:
    """What one indicator card shows; filled from the reporting progress functions."""

    key: str
    name: str
    unit: str = ""
    direction: str = ""  # "up" (higher is better), "down", or "" when unknown
    actuals: dict[int, float] = field(default_factory=dict)
    milestones: dict[int, float] = field(default_factory=dict)
    target_value: float | None = None
    target_year: int | None = None
    forecast: dict[int, float] = field(default_factory=dict)
    status: str = "no_data"
    status_label: str = ""
    note: str = ""
    coverage: str = ""  # "12/168 đơn vị đã báo cáo" for a rolled-up figure (reporting.coverage)
    partial: bool = False  # below the coverage threshold: shown, not assessed
    reach: str = ""  # "Báo cáo quý I năm 2026": how far the latest year's figure runs, when not a whole year

    @property
    def style(self) -> StatusStyle:
        return status_style(self.status)

    @property
    def label(self) -> str:
        return self.status_label or self.style.label

    @property
    def latest(self) -> tuple[int, float] | None:
        if not self.actuals:
            return None
        year = max(self.actuals)
        return year, self.actuals[year]

    @property
    def latest_text(self) -> str:
        return fmt(self.latest[1]) if self.latest else ""

    @property
    def latest_milestone_text(self) -> str:
        return fmt(self.milestones.get(self.latest[0])) if self.latest else ""

    @property
    def target_text(self) -> str:
        return fmt(self.target_value)

    @property
    def direction_label(self) -> str:
        return {"up": "càng cao càng tốt", "down": "càng thấp càng tốt"}.get(self.direction, "")

    def years(self) -> list[int]:
        ys = set(self.actuals) | set(self.milestones) | set(self.forecast)
        if self.target_year is not None:
            ys.add(self.target_year)
        return sorted(ys)

    def table_rows(self) -> list[dict[str, str]]:
        """One row per year for the accessible data table under the chart."""
        return [
            {
                "year": str(y),
                "milestone": fmt(self.milestones.get(y)),
                "actual": fmt(self.actuals.get(y)),
                "forecast": fmt(self.forecast.get(y)),
                "target": fmt(self.target_value) if y == self.target_year else "",
            }
            for y in self.years()
        ]


def fmt(value: float | None) -> str:
    """A number the Vietnamese way: comma for decimals, dot for thousands, at most 2 decimals."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return format_short(value)


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 × 10^k) that cuts ``span`` into about three intervals."""
    raw = span / 3 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _bounds(values: Iterable[float], percent: bool = False) -> tuple[float, float, float]:
    """Axis bounds rounded to a nice step, with some room around the data; and the step.

    A percentage axis stops at 100 when no value goes beyond it.
    """
    vals = list(values)
    if not vals:
        return 0.0, 1.0, 0.5
    lo, hi = min(vals), max(vals)
    if lo >= 0 and (hi - lo) > 0.5 * hi:
        lo = 0.0
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    else:
        pad = (hi - lo) * 0.08
        lo, hi = (lo - pad if lo != 0 else 0.0), hi + pad
    step = _nice_step(hi - lo)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    if vals and min(vals) >= 0 and lo < 0:
        lo = 0.0
    if percent and max(vals) <= 100 < hi:
        hi = 100.0
        lo = min(lo, 100.0 - step)
    return lo, hi, step


class _Scale:
    def __init__(self, years: list[int], lo: float, hi: float, left: float = PAD_LEFT) -> None:
        self.y0, self.y1 = (years[0], years[-1]) if years else (0, 1)
        self.lo, self.hi = lo, hi
        self.left = left

    def x(self, year: int) -> float:
        span = self.y1 - self.y0
        inner = WIDTH - self.left - PAD_RIGHT
        return self.left + (inner / 2 if span == 0 else inner * (year - self.y0) / span)

    def y(self, value: float) -> float:
        inner = HEIGHT - PAD_TOP - PAD_BOTTOM
        return PAD_TOP + inner * (1 - (value - self.lo) / (self.hi - self.lo))


def _polyline(points: list[tuple[float, float]], colour: str, width: float, dash: str = "") -> str:
    if len(points) < 2:
        return ""
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{width}"{dash_attr}/>'


def describe(card: IndicatorCard) -> str:
    """The chart in words, for screen readers (the ``<desc>``)."""
    parts: list[str] = []
    unit = f" {card.unit}" if card.unit else ""
    if card.actuals:
        parts.append("Thực hiện: " + "; ".join(f"năm {y}: {fmt(v)}{unit}" for y, v in sorted(card.actuals.items())) + ".")
    else:
        parts.append("Chưa có số liệu thực hiện.")
    if card.milestones:
        parts.append("Mốc kế hoạch: " + "; ".join(f"năm {y}: {fmt(v)}{unit}" for y, v in sorted(card.milestones.items())) + ".")
    if card.target_value is not None:
        parts.append(f"Mục tiêu năm {card.target_year or '…'}: {fmt(card.target_value)}{unit}.")
    if card.forecast:
        parts.append("Dự báo (nét đứt): " + "; ".join(f"năm {y}: {fmt(v)}{unit}" for y, v in sorted(card.forecast.items())) + ".")
    parts.append(f"Trạng thái: {card.label}.")
    return " ".join(parts)


def _year_labels(years: list[int], most: int = 7) -> list[int]:
    """The years to label on the x axis: all of them, or an even spread that keeps the first and last."""
    if len(years) <= most:
        return years
    step = math.ceil((len(years) - 1) / (most - 1))
    picked = years[::step]
    if picked[-1] != years[-1]:
        # Keep the last year; drop the label before it when the two would touch.
        picked = [*picked[:-1], years[-1]] if years[-1] - picked[-1] < step else [*picked, years[-1]]
    return picked


def indicator_chart(card: IndicatorCard, chart_id: str) -> SafeString:
    """The SVG of one indicator card; every text in it is escaped."""
    years = card.years()
    values = [*card.actuals.values(), *card.milestones.values(), *card.forecast.values()]
    if card.target_value is not None:
        values.append(card.target_value)
    lo, hi, step = _bounds(values, percent=card.unit.strip() == "%")
    ticks = [lo + i * step for i in range(math.floor((hi - lo) / step + 1e-9) + 1)]
    ticks = ticks if len(ticks) <= 6 else ticks[::2]
    labels = [fmt(v) for v in ticks]
    left = max(PAD_LEFT, 12 + 7 * max((len(t) for t in labels), default=0))
    sc = _Scale(years, lo, hi, left)
    style = card.style
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    out: list[str] = [
        f'<svg class="chart" id={quoteattr(chart_id)} viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(card.name)}</title>',
        f'<desc id="{desc_id}">{escape(describe(card))}</desc>',
    ]
    # Horizontal grid at each round step, labelled.
    for v, label in zip(ticks, labels, strict=True):
        y = sc.y(v)
        out.append(f'<line x1="{left}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">{escape(label)}</text>'
        )
    for year in _year_labels(years):
        out.append(
            f'<text x="{sc.x(year):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" fill="{MUTED}">{year}</text>'
        )
    if not years:
        out.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="13" fill="{MUTED}">Chưa có số liệu</text>')
    # Milestones: dotted line through hollow diamonds.
    ms = [(sc.x(y), sc.y(v)) for y, v in sorted(card.milestones.items())]
    out.append(_polyline(ms, MUTED, 1.5, "2 3"))
    out.extend(marker("diamond", x, y, MUTED, 4.5, filled=False) for x, y in ms)
    # Final target: a flag at the target year.
    if card.target_value is not None and card.target_year is not None:
        x, y = sc.x(card.target_year), sc.y(card.target_value)
        out.append(
            f'<g class="target"><line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{y - 14:.1f}" stroke="{INK}" stroke-width="1.5"/>'
            f'<polygon points="{x:.1f},{y - 14:.1f} {x + 10:.1f},{y - 10.5:.1f} {x:.1f},{y - 7:.1f}" fill="{INK}"/></g>'
        )
    # Forecast: dashed from the last actual to each forecast year.
    acts = sorted(card.actuals.items())
    if card.forecast:
        start = [(sc.x(acts[-1][0]), sc.y(acts[-1][1]))] if acts else []
        fc = start + [(sc.x(y), sc.y(v)) for y, v in sorted(card.forecast.items()) if not acts or y > acts[-1][0]]
        out.append(_polyline(fc, INK, 2, "6 4"))
        ahead = fc[len(start):]
        out.extend(marker("circle", x, y, INK, 3.5, filled=False) for x, y in (ahead if len(ahead) <= 6 else ahead[-1:]))
    # Actuals: solid line; the last point shows the status shape.
    pts = [(sc.x(y), sc.y(v)) for y, v in acts]
    out.append(_polyline(pts, INK, 2.5))
    out.extend(marker("circle", x, y, INK, 3) for x, y in pts[:-1])
    if pts:
        out.append(marker(style.shape, *pts[-1], style.colour, 6))
    out.append("</svg>")
    return mark_safe("".join(o for o in out if o))  # every text above is escaped


def legend_svg() -> SafeString:
    """A small legend shared by every chart on the page."""
    items = [
        (_polyline([(4, 10), (30, 10)], INK, 2.5), "Thực hiện"),
        (_polyline([(4, 10), (30, 10)], INK, 2, "6 4"), "Dự báo"),
        (_polyline([(4, 10), (30, 10)], MUTED, 1.5, "2 3") + marker("diamond", 17, 10, MUTED, 4.5, filled=False), "Mốc kế hoạch"),
        (
            f'<line x1="12" x2="12" y1="18" y2="4" stroke="{INK}" stroke-width="1.5"/>'
            f'<polygon points="12,4 22,7.5 12,11" fill="{INK}"/>',
            "Mục tiêu cuối kỳ",
        ),
    ]
    parts = [
        f'<li><svg width="34" height="20" aria-hidden="true" focusable="false">{svg}</svg> {escape(text)}</li>' for svg, text in items
    ]
    return mark_safe('<ul class="legend">' + "".join(parts) + "</ul>")  # escaped above
