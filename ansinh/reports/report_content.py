"""The plain data of a consolidated report: what ``report_data`` collects and the builders lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
    coverage: str = ""  # "12/168 đơn vị đã báo cáo" for a rolled-up figure


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
    simulated: bool = False
