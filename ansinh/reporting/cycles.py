"""Reporting cycles from a plan's reporting duties: cut-off windows and per-level due dates.

Windows (Decree 09/2019/NĐ-CP Art. 12): the annual window runs 15/12 of the previous year to
14/12; the 6-month window 15/12 of the previous year to 14/6; a quarter from the 15th of the
month before it to the 14th of its last month (quarter I: 15/12–14/3); a month from the 15th of the
previous month to its 14th; a mid-term or final review covers 15/12 before the plan's first year
to 14/12 of the review year.

Due dates (rule declared in ``LEVEL_OFFSETS``): the deadline a plan states ("trước ngày 05/11
hằng năm") is the deadline of the units that report to the standing agency — the provincial
departments and agencies for a central or provincial plan, the commune's own offices for a
commune plan. Each lower level is due ``COMMUNE_LEAD`` working days earlier (communes must
report to the province first), and the standing agency's consolidated report is due
``STANDING_LAG`` working days later. When the plan states no deadline, the standing agency is
due on the 25th of the window's last month (Decree 09/2019 Art. 13) and the lower levels step
back from it. A quarterly or monthly duty states only a day ("trước ngày 20 hằng tháng"): it
falls on the first such day on or after the window's end. No level of a monthly or quarterly report is due before
the first working day after the window's cut-off (its communes would otherwise be due before the 14th); a year's
or six months' report may be, its figures then being estimates. Working days skip weekends, the fixed-date public holidays in ``HOLIDAYS`` and the dated holidays
in ``data/holidays.csv`` (lunar New Year, Hùng Kings' day and days in lieu, as announced each year:
a year not listed there skips only weekends and the fixed dates).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from django.db import transaction

from ansinh.core.models import audit
from ansinh.plans.models import Plan, ReportingDuty
from ansinh.reporting.models import CycleDeadline, ReportingCycle

CUTOFF_DAY = 14
STANDING_DEFAULT_DAY = 25
COMMUNE_LEAD = 5
STANDING_LAG = 5
HOLIDAYS: frozenset[tuple[int, int]] = frozenset({(1, 1), (30, 4), (1, 5), (2, 9), (1, 9)})
Level = CycleDeadline.Level
Kind = ReportingCycle.Kind

# Working-day offset of each reporting level from the deadline the plan states, by plan level.
LEVEL_OFFSETS: dict[str, dict[str, int]] = {
    "central": {Level.COMMUNE: -2 * COMMUNE_LEAD, Level.PROVINCE: 0, Level.STANDING: STANDING_LAG},
    "province": {Level.COMMUNE: -COMMUNE_LEAD, Level.PROVINCE: 0, Level.STANDING: STANDING_LAG},
    "district": {Level.COMMUNE: -COMMUNE_LEAD, Level.DISTRICT: 0, Level.STANDING: STANDING_LAG},
    "commune": {Level.COMMUNE: 0, Level.STANDING: STANDING_LAG},
}
DEFAULT_PLAN_LEVEL = "province"


@dataclass(frozen=True)
class Window:
    kind: str
    year: int
    start: dt.date
    end: dt.date
    label: str


HOLIDAYS_FILE = Path(__file__).parent / "data" / "holidays.csv"


@functools.cache
def dated_holidays() -> frozenset[dt.date]:
    """The holidays of ``data/holidays.csv`` (lines starting with # are notes)."""
    with HOLIDAYS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return frozenset(dt.date.fromisoformat(row["date"]) for row in rows)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.day, day.month) not in HOLIDAYS and day not in dated_holidays()


def add_working_days(day: dt.date, n: int) -> dt.date:
    """Move ``n`` working days from ``day`` (negative: earlier); ``n == 0`` keeps ``day``."""
    step = 1 if n > 0 else -1
    remaining = abs(n)
    while remaining:
        day += dt.timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def annual_window(year: int) -> Window:
    return Window(
        Kind.ANNUAL,
        year,
        dt.date(year - 1, 12, CUTOFF_DAY + 1),
        dt.date(year, 12, CUTOFF_DAY),
        f"Báo cáo năm {year}",
    )


def semiannual_window(year: int) -> Window:
    return Window(
        Kind.SEMIANNUAL,
        year,
        dt.date(year - 1, 12, CUTOFF_DAY + 1),
        dt.date(year, 6, CUTOFF_DAY),
        f"Báo cáo 6 tháng đầu năm {year}",
    )


ROMAN_QUARTERS = ("I", "II", "III", "IV")


def _month_start(year: int, month: int) -> dt.date:
    """The 15th of the month before ``month``: where a window ending in ``month`` begins."""
    return dt.date(year - 1, 12, CUTOFF_DAY + 1) if month == 1 else dt.date(year, month - 1, CUTOFF_DAY + 1)


def quarterly_window(year: int, quarter: int) -> Window:
    last_month = 3 * quarter
    return Window(
        Kind.QUARTERLY,
        year,
        _month_start(year, last_month - 2),
        dt.date(year, last_month, CUTOFF_DAY),
        f"Báo cáo quý {ROMAN_QUARTERS[quarter - 1]} năm {year}",
    )


def monthly_window(year: int, month: int) -> Window:
    return Window(
        Kind.MONTHLY, year, _month_start(year, month), dt.date(year, month, CUTOFF_DAY), f"Báo cáo tháng {month} năm {year}"
    )


def review_window(kind: str, first_year: int, year: int) -> Window:
    name = "sơ kết" if kind == Kind.MIDTERM else "tổng kết"
    return Window(
        kind,
        year,
        dt.date(first_year - 1, 12, CUTOFF_DAY + 1),
        dt.date(year, 12, CUTOFF_DAY),
        f"Báo cáo {name} năm {year}" if first_year == year else f"Báo cáo {name} {first_year}–{year}",
    )


def closed_before_due(window: Window, stated: tuple[int, int] | None) -> Window:
    """A review due before its year's data cutoff (a 100-day plan's "báo cáo … trước ngày 30/10") closes its figures
    at the cutoff before that date (the 14th of that month, or of the month before), not on 14 December after it."""
    if stated is None or window.kind not in (Kind.MIDTERM, Kind.FINAL):
        return window
    day, month = stated
    due = dt.date(window.end.year, month, day)
    if due > window.end:
        return window
    cutoff = dt.date(due.year, due.month, CUTOFF_DAY)
    if due.day <= CUTOFF_DAY:
        cutoff = (cutoff.replace(day=1) - dt.timedelta(days=1)).replace(day=CUTOFF_DAY)
    return window if cutoff <= window.start else replace(window, end=cutoff)


def level_due_dates(plan_level: str, window: Window, stated: tuple[int, int] | None) -> dict[str, dt.date]:
    """Due date of each level; ``stated`` is the plan's (day, month), in the window's end year."""
    offsets = LEVEL_OFFSETS.get(plan_level, LEVEL_OFFSETS[DEFAULT_PLAN_LEVEL])
    if stated is not None:
        day, month = stated
        if window.kind in SUB_ANNUAL:
            anchor = day_on_or_after(window.end, day)
        else:
            anchor = dt.date(window.end.year, month, day)
        dues = {level: add_working_days(anchor, offset) for level, offset in offsets.items()}
    else:
        standing = dt.date(window.end.year, window.end.month, STANDING_DEFAULT_DAY)
        dues = {level: add_working_days(standing, offset - offsets[Level.STANDING]) for level, offset in offsets.items()}
    if window.kind not in SUB_ANNUAL:
        return dues  # a year's report may be due before the cut-off: its figures are then estimates
    # A month's or quarter's report is due after its figures close: its communes, five working days before
    # "ngày 20", would otherwise be due before the 14th. They get at least the first working day after the cut-off.
    earliest = add_working_days(window.end, 1)
    return {level: max(due, earliest) for level, due in dues.items()}


SUB_ANNUAL = frozenset({Kind.QUARTERLY, Kind.MONTHLY})


def day_on_or_after(start: dt.date, day: int) -> dt.date:
    """The first date on or after ``start`` whose day of the month is ``day`` (the month's last day if shorter)."""
    year, month = start.year, start.month
    while True:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        candidate = dt.date(year, month, min(day, last))
        if candidate >= start:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def windows_for_duty(
    frequency: str, duty_year: int | None, years: Iterable[int], first_year: int | None, last_year: int | None
) -> list[Window]:
    """The cycles one duty asks for in ``years`` (ad-hoc duties make none)."""
    result: list[Window] = []
    for year in years:
        if frequency == "annual":
            result.append(annual_window(year))
        elif frequency == "semiannual":
            result.append(semiannual_window(year))
        elif frequency == "quarterly":
            result += [quarterly_window(year, q) for q in range(1, 5)]
        elif frequency == "monthly":
            result += [monthly_window(year, m) for m in range(1, 13)]
        elif frequency == "once" and duty_year == year:
            start = first_year or year
            kind = Kind.FINAL if last_year is not None and year >= last_year else Kind.MIDTERM
            result.append(review_window(kind, start, year))
    return result


def _stated_deadline(duty: object) -> tuple[int, int] | None:
    """(day, month) the duty states; a quarterly or monthly duty needs only the day (month 1 stands in)."""
    day, month = getattr(duty, "deadline_day", None), getattr(duty, "deadline_month", None)
    if day and not month and getattr(duty, "frequency", None) in SUB_ANNUAL:
        month = 1
    if day and month:
        try:
            dt.date(2024, month, day)
        except ValueError:
            return None
        return day, month
    return None


@transaction.atomic
def generate_cycles(
    plan: Plan, years: Iterable[int], actor: object = None, *, issued: dt.date | None = None
) -> list[ReportingCycle]:
    """Create the plan's cycles for ``years`` from its reporting duties; running it again changes nothing.

    When several duties ask for the same window, the one that states a deadline wins. With ``issued`` (the plan's
    date), a window closed before the plan was issued is not made: a directive of 3 April asks for no report on
    January.
    """
    years = sorted(set(years))
    first, last = plan.period_start, plan.period_end
    plan_level = plan.level or DEFAULT_PLAN_LEVEL
    chosen: dict[tuple[str, dt.date, dt.date], tuple[Window, ReportingDuty]] = {}
    for duty in plan.reporting_duties.all():
        for window in windows_for_duty(duty.frequency, duty.year, years, first, last):
            window = closed_before_due(window, _stated_deadline(duty))
            if issued is not None and window.end < issued:
                continue
            key = (window.kind, window.start, window.end)
            if key not in chosen or (_stated_deadline(duty) and not _stated_deadline(chosen[key][1])):
                chosen[key] = (window, duty)
    cycles: list[ReportingCycle] = []
    created_labels: list[str] = []
    opened: list[ReportingCycle] = []
    for (kind, start, end), (window, duty) in sorted(chosen.items(), key=lambda kv: (kv[0][2], kv[0][0])):
        cycle, created = ReportingCycle.objects.get_or_create(
            plan=plan,
            kind=kind,
            period_start=start,
            period_end=end,
            defaults={"year": window.year, "label": window.label, "duty": duty},
        )
        for level, due in level_due_dates(plan_level, window, _stated_deadline(duty)).items():
            CycleDeadline.objects.get_or_create(cycle=cycle, level=level, defaults={"due": due})
        if created:
            created_labels.append(window.label)
            opened.append(cycle)
        cycles.append(cycle)
    if created_labels:
        audit(
            actor,
            "reporting.generate_cycles",
            plan,
            summary=f"Tạo {len(created_labels)} kỳ báo cáo",
            after={"cycles": created_labels},
        )
        if plan.status == Plan.Status.ACTIVE:  # a draft's cycles are announced when it is approved
            from ansinh.notifications.actions import notify_cycles_opened

            notify_cycles_opened(plan, opened)
    return cycles


def due_for(cycle: ReportingCycle, level: str) -> dt.date | None:
    for deadline in cycle.deadlines.all():
        if deadline.level == level:
            return deadline.due
    return None
