"""What a consolidated report says, as plain data; the DOCX and XLSX builders only lay it out.

``collect_report_data`` fills a :class:`ReportData` from a plan and, when the
reporting domain has figures, from its cycles and progress; without figures the
cells read "chưa có số liệu".
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.geo.models import AdministrativeUnit
from ansinh.lib.organ_case import place_in_running_text
from ansinh.lib.text import fold_key, lower_first
from ansinh.plans.models import Plan, Target
from ansinh.reporting.coverage import PARTIAL_LABEL
from ansinh.reporting.models import (
    SIMULATED_LABEL,
    AggregateValue,
    ReportingCycle,
    Submission,
)
from ansinh.reporting.progress import (
    TARGET_STATUS_LABELS,
    TargetStatus,
    completeness,
)
from ansinh.reports.report_content import AnnexRow, AnnexTable, ReportData, TargetRow
from ansinh.reports.report_figures import Figures
from ansinh.reports.report_narrative import (
    dedupe,
    missed_milestone_causes,
    task_groups,
    task_reports,
)
from ansinh.reports.report_text import (
    BARE_PLACES,
    KIND_LABELS,
    NO_DATA,
    capitalize_first,
    cite_plan,
    format_number,
    full_issuer,
    issuer_parts,
    milestone_text,
    place_in,
    place_line,
    report_number,
    report_subject,
)

NO_MILESTONE = "Chưa có mốc"
WHOLE_PLAN = "Toàn kế hoạch"
NO_DATA_LABEL = TARGET_STATUS_LABELS[TargetStatus.NO_DATA]
NOT_ASSESSED_LABEL = TARGET_STATUS_LABELS[TargetStatus.NOT_ASSESSED]
GOOD_LABELS = (TARGET_STATUS_LABELS[TargetStatus.ACHIEVED], TARGET_STATUS_LABELS[TargetStatus.ON_TRACK])


# --- collecting from the database -------------------------------------------------------------


class ReportDataError(UserError):
    """The report cannot be built; ``message`` is Vietnamese, for the user."""


MAX_ANNEX_UNITS = 500
SIMULATED_NOTE = f"Lưu ý: số liệu trong báo cáo này là {SIMULATED_LABEL.lower()} để trình diễn, không phải số liệu thực tế."
_UNIT_LEVEL = {"central": "country", "province": "province", "district": "district", "commune": "commune"}


def _years(plan: Plan, year: int, kind: str) -> tuple[int, int]:
    if kind == "annual":
        return year, year
    first_cycle = ReportingCycle.objects.filter(plan=plan, year__lte=year).order_by("year").first()
    starts = [year, plan.period_start or year, first_cycle.year if first_cycle else year]
    return min(starts), year


def _cycles_by_year(plan: Plan, first: int, last: int) -> dict[int, ReportingCycle]:
    """The cycle whose figures stand for each year: the annual one, else the latest of that year."""
    chosen: dict[int, ReportingCycle] = {}
    for cycle in ReportingCycle.objects.filter(plan=plan, year__gte=first, year__lte=last).order_by(
        "period_end", "id"
    ):
        current = chosen.get(cycle.year)
        if (
            current is None
            or current.kind != ReportingCycle.Kind.ANNUAL
            or cycle.kind == ReportingCycle.Kind.ANNUAL
        ):
            chosen[cycle.year] = cycle
    return chosen


def _root_unit(
    plan: Plan, cycles: list[ReportingCycle], unit: AdministrativeUnit | None
) -> AdministrativeUnit | None:
    """The unit a plan-wide report speaks for: the plan's area; without one, the unit of the plan's
    level in the roll-up that holds most of the units which reported (not the first code, Hà Nội)."""
    if unit is not None:
        return unit
    if plan.area_id is not None:
        return plan.area
    if not cycles:
        return None
    ids = AggregateValue.objects.filter(cycle__in=cycles).values("unit_id").distinct()
    units = AdministrativeUnit.objects.filter(pk__in=ids)
    level = _UNIT_LEVEL.get(plan.level)
    candidates = list(units.filter(level=level)) if level else []
    reporters = set(
        Submission.objects.filter(cycle__in=cycles).values_list("unit__path", flat=True).distinct()[:5000]
    )
    held = {c.pk: sum(1 for path in reporters if path.startswith(c.path)) for c in candidates}
    holding = [c for c in candidates if held[c.pk]]
    if holding:
        return min(holding, key=lambda u: (-held[u.pk], u.depth, u.path))
    return min(candidates or list(units), key=lambda u: (u.depth, u.path), default=None)


def _milestone(target: Target, year: int) -> tuple[str, float | None, float | None]:
    for m in target.milestones.all():
        if m.year == year:
            return m.comparator, m.value, m.value_max
    if target.year is not None and target.year <= year:
        return target.comparator, target.value, target.value_max
    return "", None, None


def _target_rows(
    targets: list[Target],
    cycles: dict[int, ReportingCycle],
    unit: AdministrativeUnit | None,
    year: int,
    fig: Figures,
) -> tuple[list[TargetRow], list[AnnexRow]]:
    """Milestone, actual and status of each target, with the dashboards' rules (``reporting.progress``)."""
    cycle = cycles.get(year)
    first = min(cycles) if cycles else year
    rows, annex = [], []
    for n, target in enumerate(targets, start=1):
        comparator, value, value_max = _milestone(target, year)
        label = milestone_text(comparator, value, value_max) or NO_MILESTONE
        actual: float | None = None
        status, series = NO_DATA_LABEL, list[tuple[int, float]]()
        coverage = None
        reach = None
        if unit is not None and cycle is not None:
            actual, status, series = fig.progress(target, unit, year)
            coverage = fig.coverage(target, unit, year)
            reach = fig.reach(target, unit, year)
        known = [f"{y}: {format_number(v)}" for y, v in series if first <= y <= year]
        actual_text = "; ".join(known) if len(cycles) > 1 and known else format_number(actual)
        if reach is not None and actual is not None:  # a part-year figure says how far it goes
            actual_text = f"{actual_text} (đến {lower_first(reach.label)})"
        covered = coverage.label if coverage is not None and not coverage.own else ""
        if covered:
            actual_text = f"{actual_text} ({covered})"
        name = capitalize_first(target.indicator_name or target.text[:200])
        rows.append(TargetRow(str(n), name, target.unit, label, actual_text, status))
        unit_name = unit.name if unit else WHOLE_PLAN
        # The goal stays text ("dưới 1"): a bare number would drop the comparator.
        annex.append(
            AnnexRow(
                unit_name, name, target.unit, label, format_number(actual), status, actual, None, covered
            )
        )
    return rows, annex


def _unit_annex(
    targets: list[Target],
    cycle: ReportingCycle | None,
    root: AdministrativeUnit | None,
    year: int,
    fig: Figures,
) -> list[AnnexTable]:
    if cycle is None or root is None:
        return []
    ids = fig.unit_ids(year) - {root.pk}
    tables = []
    # One table per unit directly under the root (a city's wards, the country's provinces): the
    # country's report does not list its 3,321 communes one sheet each (nor the first 500 by code).
    below = AdministrativeUnit.objects.filter(parent_id=root.pk).order_by("path")
    children = [u for u in below if u.pk in ids]
    for child in children[:MAX_ANNEX_UNITS]:
        _, annex = _target_rows(targets, {year: cycle}, child, year, fig)
        tables.append(AnnexTable(child.name, annex))
    return tables


def report_root_unit(plan: Plan, cycle_year: int, kind: str = "annual") -> AdministrativeUnit | None:
    """The unit a plan-wide report speaks for: the top of the roll-up of the report's cycles."""
    first, last = _years(plan, cycle_year, kind) if kind in KIND_LABELS else (cycle_year, cycle_year)
    return _root_unit(plan, list(_cycles_by_year(plan, first, last).values()), None)


def _figures_sentence(units: int, target_rows: list[TargetRow], achieved: int, measured: int, partial: int,
                      apart: int) -> str:
    """The general part's second sentence: who reported, and how the targets stand; a plan without targets (a
    directive, a 100-day plan) says so instead of pointing to a targets table that lists none."""
    if not target_rows:
        return (f"Có {units} đơn vị gửi báo cáo tiến độ nhiệm vụ." if units else f"Kỳ báo cáo này {NO_DATA}.") + (
            " Kế hoạch không giao chỉ tiêu định lượng; báo cáo nêu kết quả thực hiện các nhiệm vụ."
        )
    if not (measured or partial or units):
        return f"Kỳ báo cáo này {NO_DATA}; bảng chỉ tiêu dưới đây nêu mốc kế hoạch để theo dõi."
    return (
        f"Có {units} đơn vị gửi báo cáo tiến độ nhiệm vụ; {achieved}/{measured} chỉ tiêu có số liệu đã đạt hoặc "
        f"đúng tiến độ ({len(target_rows) - measured - partial - apart} chỉ tiêu chưa có số liệu"
        + (f", {partial} chỉ tiêu {PARTIAL_LABEL.lower()} nên chưa đánh giá" if partial else "")
        + (f", {apart} chỉ tiêu là tổng của cả địa bàn nên không đánh giá riêng" if apart else "")
        + ")."
    )


def collect_report_data(
    plan: Plan,
    cycle_year: int,
    unit: AdministrativeUnit | None = None,
    kind: str = "annual",
    today: dt.date | None = None,
) -> ReportData:
    """Everything the report of ``plan`` for ``cycle_year`` says (``kind``: annual, midterm, final)."""
    if kind not in KIND_LABELS:
        raise ReportDataError(f"Loại báo cáo «{kind}» không hợp lệ; chọn annual, midterm hoặc final.")
    first, last = _years(plan, cycle_year, kind)
    cycles = _cycles_by_year(plan, first, last)
    in_period = plan.period_start is None or (
        plan.period_start <= cycle_year <= (plan.period_end or cycle_year)
    )
    if cycle_year not in cycles and not in_period:
        raise ReportDataError(
            f"Kế hoạch #{plan.pk} không có kỳ báo cáo năm {cycle_year} "
            f"(giai đoạn kế hoạch {plan.period_start}–{plan.period_end})."
        )
    root = _root_unit(plan, list(cycles.values()), unit)
    targets = list(plan.targets.prefetch_related("milestones").select_related("indicator_link__indicator"))
    fig = Figures.load(plan, cycle_year, root)
    target_rows, root_annex = _target_rows(targets, cycles, root, cycle_year, fig)
    progress = task_reports(plan, list(cycles.values()), root)
    place, symbol, authority, title = issuer_parts(plan.issuer)
    issuing_body = full_issuer(plan.issuer) or "Cơ quan thường trực"
    if fold_key(place) in BARE_PLACES:  # "Ủy ban nhân dân Thành phố": name the place from the plan or unit
        source = plan.source_document.text[:3000] if plan.source_document else ""
        better = place_in(plan.title) or place_line(source) or (root.name if root is not None else "")
        if better and fold_key(better).startswith(fold_key(place)):
            issuing_body = f"{issuing_body[: len(issuing_body) - len(place)].strip()} {better}".strip()
        elif better:
            issuing_body = f"{issuing_body} {better}".strip()
        place = better or place
    achieved = sum(1 for r in target_rows if r.status in GOOD_LABELS)
    partial = sum(1 for r in target_rows if r.status == PARTIAL_LABEL)
    apart = sum(1 for r in target_rows if r.status == NOT_ASSESSED_LABEL)
    measured = sum(1 for r in target_rows if r.status not in (NO_DATA_LABEL, PARTIAL_LABEL, NOT_ASSESSED_LABEL))
    where = f" trên địa bàn {place_in_running_text(root.name, root.kind)}" if root is not None else ""
    general = [
        f"Thực hiện {cite_plan(plan)}, các cơ quan, đơn vị{where} đã triển khai các nhiệm vụ, giải pháp của kế hoạch "
        f"trong {'năm ' + str(cycle_year) if first == last else f'giai đoạn {first}–{last}'}.",
        _figures_sentence(progress.units, target_rows, achieved, measured, partial, apart),
    ]
    year_cycle = cycles.get(cycle_year)
    if root is not None and year_cycle is not None and root.level != AdministrativeUnit.Level.COMMUNE:
        done = completeness(year_cycle, root)
        if done.expected:
            general.append(
                f"Tình hình báo cáo của cấp xã: {done.received}/{done.expected} xã, phường, đặc khu đã gửi báo cáo, "
                f"{done.on_time} báo cáo đúng hạn."
            )
    simulated = Submission.objects.filter(cycle__in=cycles.values(), simulated=True).exists()
    if simulated:
        general.insert(0, SIMULATED_NOTE)
    recipients = dedupe([d.recipient for d in plan.reporting_duties.all()]) or [
        "Cơ quan cấp trên theo quy định"
    ]
    return ReportData(
        parent_body="",
        issuing_body=issuing_body,
        number=report_number(plan.number, symbol),
        place=place or "…",
        date=today or timezone.localdate(),
        title="Báo cáo",
        subject=report_subject(kind, cite_plan(plan), first, last),
        general=general,
        task_groups=task_groups(plan, progress),
        targets_caption=f"Kết quả thực hiện các chỉ tiêu năm {cycle_year}",
        targets=target_rows,
        difficulties=dedupe([f"{name}: {text}" for _, name, _, text, _ in progress.texts if text.strip()]),
        causes=missed_milestone_causes(year_cycle, root),
        proposals=dedupe([f"{name}: {text}" for _, name, _, _, text in progress.texts if text.strip()]),
        recipients=recipients,
        signer_authority=authority,
        signer_title=title,
        annex=([AnnexTable(root.name, root_annex)] if root else [AnnexTable(WHOLE_PLAN, root_annex)])
        + _unit_annex(targets, cycles.get(cycle_year), root, cycle_year, fig),
        years=(first, last),
        kind=kind,
        simulated=simulated,
    )
