"""What a consolidated report says, as plain data; the DOCX and XLSX builders only lay it out.

``collect_report_data`` fills a :class:`ReportData` from a plan and, when the
reporting domain has figures, from its cycles and progress; without figures the
cells read "chưa có số liệu".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NO_DATA = "chưa có số liệu"

KIND_LABELS = {
    "annual": "kết quả thực hiện năm {year}",
    "midterm": "sơ kết giai đoạn {start}–{year}",
    "final": "tổng kết giai đoạn {start}–{year}",
}


@dataclass
class TargetRow:
    """One row of the targets table: what was promised for the period and what was reached."""

    number: str
    target: str
    unit_of_measure: str
    milestone: str
    actual: str
    status: str
    note: str = ""


@dataclass
class TaskGroup:
    """A top-level task of the plan and what was done under it."""

    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class AnnexRow:
    unit: str
    indicator: str
    unit_of_measure: str
    milestone: str
    actual: str
    status: str
    actual_value: float | None = None
    milestone_value: float | None = None


@dataclass
class AnnexTable:
    """Indicator figures of one administrative unit, for the Excel annex."""

    unit: str
    rows: list[AnnexRow] = field(default_factory=list)


@dataclass
class ReportData:
    parent_body: str
    issuing_body: str
    number: str
    place: str
    date: dt.date
    title: str
    subject: str
    general: list[str] = field(default_factory=list)
    task_groups: list[TaskGroup] = field(default_factory=list)
    targets_caption: str = "Kết quả thực hiện các chỉ tiêu"
    targets: list[TargetRow] = field(default_factory=list)
    difficulties: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    archive: str = "Lưu: VT."
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    annex: list[AnnexTable] = field(default_factory=list)
    years: tuple[int, int] = (0, 0)
    kind: str = "annual"


def vn_date_line(place: str, date: dt.date) -> str:
    """Decree 30 place-date line: days below 10 and months 1–2 get a leading zero."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def report_subject(kind: str, plan_title: str, start: int, year: int) -> str:
    template = KIND_LABELS.get(kind, KIND_LABELS["annual"])
    what = template.format(start=start, year=year)
    return f"{what[0].upper()}{what[1:]} {plan_title}".strip()


def format_number(value: float | None, unit: str = "") -> str:
    """Vietnamese number text: decimal comma, dot thousands; ``None`` reads "chưa có số liệu"."""
    if value is None:
        return NO_DATA
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        whole, frac = f"{value:,.2f}".rstrip("0").split(".")
        text = whole.replace(",", ".") + "," + frac
    return f"{text}{'' if not unit else (unit if unit == '%' else ' ' + unit)}"
