"""How each progress status looks: a colour-blind-safe colour, a shape and a Vietnamese label.

Colours follow the Okabe–Ito palette; every status also has its own marker shape (in charts)
and glyph (in badges), and the label is always printed, so colour is never the only cue.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from ansinh.reporting.progress import TARGET_STATUS_LABELS, TASK_STATUS_LABELS, TargetStatus, TaskStatus


@dataclass(frozen=True)
class StatusStyle:
    key: str
    label: str
    colour: str
    shape: str
    glyph: str
    order: int

    @property
    def svg(self) -> SafeString:
        """The status shape as a tiny inline SVG for badges and tables (hidden from screen readers)."""
        return _shape_svg(self.shape, self.colour)


STATUS_STYLES: dict[str, StatusStyle] = {
    s.key: s
    for s in (
        StatusStyle("achieved", TARGET_STATUS_LABELS[TargetStatus.ACHIEVED], "#0072B2", "circle", "●", 0),
        StatusStyle("on_track", TARGET_STATUS_LABELS[TargetStatus.ON_TRACK], "#009E73", "square", "■", 1),
        StatusStyle("at_risk", TARGET_STATUS_LABELS[TargetStatus.AT_RISK], "#E69F00", "triangle", "▲", 2),
        StatusStyle("off_track", TARGET_STATUS_LABELS[TargetStatus.OFF_TRACK], "#D55E00", "cross", "✖", 3),
        StatusStyle("no_data", TARGET_STATUS_LABELS[TargetStatus.NO_DATA], "#6E6E6E", "ring", "○", 4),
        # A roll-up below the coverage threshold (reporting.coverage): shown, never assessed.
        StatusStyle("partial", TARGET_STATUS_LABELS[TargetStatus.PARTIAL], "#CC79A7", "diamond", "◆", 5),
        # A commune's part of a count the plan sets for its whole area: shown, not held to the area's goal.
        StatusStyle("not_assessed", TARGET_STATUS_LABELS[TargetStatus.NOT_ASSESSED], "#8C8C8C", "bar", "▬", 6),
    )
}

# Task statuses as the Government Office counts them (completed on time/late, in progress, overdue).
TASK_STATUS_STYLES: dict[str, StatusStyle] = {
    s.key: s
    for s in (
        StatusStyle("done_on_time", TASK_STATUS_LABELS[TaskStatus.DONE_ON_TIME], "#0072B2", "circle", "●", 0),
        StatusStyle("done_late", TASK_STATUS_LABELS[TaskStatus.DONE_LATE], "#56B4E9", "square", "■", 1),
        StatusStyle("in_progress", TASK_STATUS_LABELS[TaskStatus.IN_PROGRESS], "#009E73", "triangle", "▲", 2),
        StatusStyle("overdue", TASK_STATUS_LABELS[TaskStatus.OVERDUE], "#D55E00", "cross", "✖", 3),
        StatusStyle("not_reported", "Chưa báo cáo", "#6E6E6E", "ring", "○", 4),
    )
}

# Other spellings the progress module may use for the same statuses.
ALIASES: dict[str, str] = {
    "ontrack": "on_track",
    "on-track": "on_track",
    "atrisk": "at_risk",
    "at-risk": "at_risk",
    "offtrack": "off_track",
    "off-track": "off_track",
    "nodata": "no_data",
    "no-data": "no_data",
    "": "no_data",
    "completed_on_time": "done_on_time",
    "completed_late": "done_late",
    "done": "done_on_time",
    "not_started": "in_progress",
    "pending": "not_reported",
}


@functools.cache
def _shape_svg(shape: str, colour: str) -> SafeString:
    return mark_safe(  # built from constants only
        '<svg class="status-shape" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">'
        f"{marker(shape, 7, 7.5, colour, 5)}</svg>"
    )


def status_style(key: str | None) -> StatusStyle:
    """The style of a target status; unknown keys are shown as 'no data' rather than failing."""
    k = ALIASES.get((key or "").lower(), (key or "").lower())
    return STATUS_STYLES.get(k, STATUS_STYLES["no_data"])


def task_status_style(key: str | None) -> StatusStyle:
    k = ALIASES.get((key or "").lower(), (key or "").lower())
    if k in TASK_STATUS_STYLES:
        return TASK_STATUS_STYLES[k]
    return StatusStyle(k or "not_reported", k or "Chưa báo cáo", "#6E6E6E", "ring", "○", 9)


def marker(shape: str, x: float, y: float, colour: str, size: float = 5.0, filled: bool = True) -> str:
    """One status marker; shapes differ so the status is readable without colour."""
    fill = colour if filled else "#fff"
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if shape == "square":
        return f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" height="{2 * size:.1f}" {common}/>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - size * 1.2:.1f} {x + size * 1.1:.1f},{y + size * 0.9:.1f} {x - size * 1.1:.1f},{y + size * 0.9:.1f}"
        return f'<polygon points="{pts}" {common}/>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - size * 1.2:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size * 1.2:.1f} {x - size:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {common}/>'
    if shape == "cross":
        d = size
        return (
            f'<path d="M{x - d:.1f},{y - d:.1f}L{x + d:.1f},{y + d:.1f}M{x - d:.1f},{y + d:.1f}L{x + d:.1f},{y - d:.1f}" '
            f'stroke="{colour}" stroke-width="3" fill="none"/>'
        )
    if shape == "bar":  # a level dash: shown, not judged
        return f'<rect x="{x - size:.1f}" y="{y - size * 0.35:.1f}" width="{2 * size:.1f}" height="{size * 0.7:.1f}" {common}/>'
    if shape == "ring":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" {common}/>'
