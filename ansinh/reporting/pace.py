"""How a year's figure is judged before the year is out, and where its trend starts (``reporting.progress`` rules).

- ``year_share``: how much of its year a monthly, quarterly or six-month report's figures cover;
- ``period_share``: how much of its year one such report's own count covers (the entry form's milestone check);
- ``part_year_status``: a count summed over part of the year judged at its pace against the year's goals;
- ``with_baseline``: the target's baseline in front of the yearly figures a forecast runs through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ansinh.reporting.progress import Goal, TargetStatus, meets, target_status


def year_share(cycle: Any) -> float:
    """The share of its year a report's figures run to: a monthly, quarterly or six-month report counts from the
    start of the year (``progress_data.year_figure``) to the month its figures close in; the year's report is 1."""
    if getattr(cycle, "kind", "annual") not in ("monthly", "quarterly", "semiannual"):
        return 1.0
    return min(1.0, max(1, cycle.period_end.month) / 12)


def period_share(cycle: Any) -> float:
    """The share of the year one report's own count covers: a month 1/12, a quarter 3/12; the six-month report
    counts from the start of the year (6/12), as ``progress_data.year_figure`` reads it; any other, the year.
    (``year_share`` is how far the year's figure runs; this is what one report adds.)"""
    return {"monthly": 1 / 12, "quarterly": 3 / 12, "semiannual": 6 / 12}.get(getattr(cycle, "kind", ""), 1.0)


def part_year_status(
    direction: str,
    value_type: str,
    actual: float | None,
    share: float,
    milestone: Goal | None,
    final: Goal | None,
    forecast: float | None = None,
) -> TargetStatus:
    """``target_status`` for a count summed over part of the year (``share`` < 1), as in March with three months in.

    Three months' 250 of a year's 1,000 is on course, and three months' 30 against "at most 100 a year" is not:
    the figure is carried to the whole year at its pace so far and judged against the year's goals. It is
    "achieved" only when the figure itself already meets the final goal, which a count going up can do early.
    """
    if actual is None or share >= 1.0:
        return target_status(direction, value_type, actual, milestone, final, forecast)
    if final is not None and direction != "lower" and meets(final.comparator, direction, actual, final.value, final.value_max):
        return TargetStatus.ACHIEVED
    status = target_status(direction, value_type, actual / max(share, 1 / 12), milestone, final, forecast)
    return TargetStatus.ON_TRACK if status == TargetStatus.ACHIEVED else status


def with_baseline(points: Sequence[tuple[int, float]], target: Any, plan: Any, unit: Any) -> list[tuple[int, float]]:
    """The yearly figures a forecast runs through, with the target's baseline ("từ 3% năm 2025") in front when it is
    older than the first figure and the figures are the plan's own area's (the baseline is the area's, not a
    commune's). One year's figure then gives a trend, not a flat line: 2,6% in 2026 from 3% in 2025 is on course
    for 1% in 2030."""
    out = sorted(points)
    year, value = getattr(target, "baseline_year", None), getattr(target, "baseline_value", None)
    if not out or year is None or value is None or year >= out[0][0]:
        return out
    area_id = getattr(plan, "area_id", None)
    if area_id is not None and getattr(unit, "pk", None) != area_id:
        return out
    return [(int(year), float(value)), *out]
