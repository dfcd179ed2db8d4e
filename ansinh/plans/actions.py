"""Writes to plans. Each ``do_*`` runs in one transaction and leaves an audit row."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.documents.models import SourceDocument
from ansinh.lib.roman import roman_value
from ansinh.plans.area import issued_on_date_line, place_of, suggest_area
from ansinh.plans.models import (
    DocumentToIssue,
    FundingSource,
    InvestmentProject,
    Milestone,
    Plan,
    PlanLink,
    ReportingDuty,
    Target,
    Task,
    TaskAssignment,
)
from ansinh.plans.scope import area_in_reach, require_area_choice, require_plan_change

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
# Years in a title that are not the plan's: a cited document's date ("ngày 27/12/2025", "ngày 5 tháng 8 năm 2024")
# or number ("Nghị định số 35/2022/NĐ-CP"), and the horizon of a vision ("tầm nhìn đến năm 2045").
_CITED_YEAR = re.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}(?!\d)"
    r"|tháng\s+\d{1,2}\s*(?:,\s*)?năm\s+(?:19|20)\d{2}(?!\d)"
    r"|(?<![\d/])\d{1,4}\s*/\s*(?:19|20)\d{2}\s*/\s*[A-ZĐ]"
    r"|tầm\s+nhìn\s+(?:(?:đến|tới)\s+)?(?:năm\s+)?(?:19|20)\d{2}(?!\d)",  # a vision's horizon, not the plan's period
    re.IGNORECASE,
)

# A year the title names as the plan's end: "đến năm 2030", "tới 2030", "đến hết năm 2030".
_HORIZON_YEAR = re.compile(r"(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


class PlanError(UserError):
    """A plan action was refused; ``message`` is Vietnamese, for the user."""


def _span(item: Mapping[str, Any]) -> tuple[int | None, int | None]:
    span = item.get("span")
    if isinstance(span, Sequence) and len(span) == 2 and all(isinstance(x, int) for x in span):
        return int(span[0]), int(span[1])
    return None, None


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _text(value: object, limit: int | None = None) -> str:
    text = "" if value is None else str(value)
    return text[:limit] if limit else text


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _period(
    meta: Mapping[str, Any], targets: Sequence[Mapping[str, Any]], text: str = ""
) -> tuple[int | None, int | None]:
    # A target's yearly path counts too: "đến năm 2030" with steps from 2025 runs 2025–2030, not 2030–2030.
    # The title's own years count ("năm 2026", "giai đoạn 2026 - 2030"); the dates and numbers it cites do not.
    steps = [m for t in targets for m in t.get("milestones") or [] if isinstance(m, Mapping)]
    years = [int(t["year"]) for t in [*targets, *steps] if isinstance(t.get("year"), int)]
    title = _CITED_YEAR.sub(" ", _text(meta.get("title")))
    own = [int(y.group(0)) for y in _YEAR.finditer(title)]
    years += own
    if not years:
        return None, None
    start, end = min(years), max(years)
    # A title naming only where the plan ends ("Chiến lược … đến năm 2030") leaves its start to the day it is
    # issued: a 2020 strategy whose first milestone is 2025 runs from 2020, so its mid-term review covers
    # 2020–2025. Issued in its year's last quarter, it starts the next year. A title that names its own years
    # ("năm 2026", "giai đoạn 2026–2030") keeps them, whenever it was signed.
    issued = _date(meta.get("date"))
    if issued is None and (line := issued_on_date_line(text)) is not None:
        # A copy with its day left blank ("ngày   tháng 8 năm 2026") still says when it was issued.
        issued = dt.date(line[0], line[1] or 1, 1)
    horizons = [int(y.group(1)) for y in _HORIZON_YEAR.finditer(title)]
    if issued is not None and sorted(own) == sorted(horizons):
        begins = issued.year + (1 if issued.month >= 10 else 0)
        start = min(start, begins) if begins <= end else start
    return start, end


@transaction.atomic
def do_import_plan(document: SourceDocument, extraction: Mapping[str, Any], actor: Any = None) -> Plan:
    """Store an extraction as a draft plan linked to its source document.

    The area suggested from the issuer, title and date line is kept only if the plan would then be the importer's
    to change (``plans.scope.area_in_reach``); otherwise the plan starts with no area, which its importer may
    change and give an area within their scope, and the audit row names the suggestion.
    """
    meta: Mapping[str, Any] = extraction.get("meta") or {}
    targets: Sequence[Mapping[str, Any]] = extraction.get("targets") or []
    start, end = _period(meta, targets, document.text or "")
    level = str(meta.get("level")) if meta.get("level") in Plan.Level.values else str(Plan.Level.OTHER)
    issuer, title = _text(meta.get("issuer"), 300), _text(meta.get("title")) or document.filename
    suggested = suggest_area(issuer, title, place=place_of(document.text or ""))
    plan = Plan.objects.create(
        number=_text(meta.get("number"), 80),
        date=_date(meta.get("date")),
        issuer=issuer,
        level=level,
        title=title,
        period_start=start,
        period_end=end,
        implements=[str(x) for x in meta.get("implements") or []],
        area=suggested if area_in_reach(actor, suggested) else None,
        source_document=document,
    )
    for pos, item in enumerate(targets):
        s, e = _span(item)
        baseline = item.get("baseline") or {}
        target = Target.objects.create(
            plan=plan,
            position=pos,
            source_start=s,
            source_end=e,
            text=_text(item.get("text")),
            indicator_name=_text(item.get("indicator"), 500),
            comparator=_text(item.get("comparator")),
            value=item.get("value"),
            value_max=item.get("value_max"),
            unit=_text(item.get("unit"), 60),
            year=item.get("year"),
            baseline_year=baseline.get("year"),
            baseline_value=baseline.get("value"),
            baseline_text=_text(baseline.get("text"), 300),
        )
        seen_years: set[int] = set()
        for m in item.get("milestones") or []:
            year = m.get("year")
            if not isinstance(year, int) or year in seen_years:
                continue
            seen_years.add(year)
            Milestone.objects.create(
                target=target,
                year=year,
                comparator=_text(m.get("comparator")),
                value=m.get("value"),
                value_max=m.get("value_max"),
            )
    _import_tasks(plan, extraction.get("tasks") or [], document.text or "")
    for pos, item in enumerate(extraction.get("reporting") or []):
        s, e = _span(item)
        ReportingDuty.objects.create(
            plan=plan,
            position=pos,
            source_start=s,
            source_end=e,
            text=_text(item.get("text")),
            frequency=_text(item.get("frequency")) or ReportingDuty.Frequency.ADHOC,
            deadline_day=item.get("deadline_day"),
            deadline_month=item.get("deadline_month"),
            year=item.get("year"),
            recipient=_text(item.get("recipient"), 300),
        )
    spans = extraction.get("funding_spans") or []
    for pos, text in enumerate(extraction.get("funding") or []):
        s, e = _span({"span": spans[pos]}) if pos < len(spans) else (None, None)
        FundingSource.objects.create(plan=plan, position=pos, source_start=s, source_end=e, text=_text(text))
    for pos, item in enumerate(extraction.get("projects") or []):
        s, e = _span(item)
        InvestmentProject.objects.create(
            plan=plan,
            position=pos,
            source_start=s,
            source_end=e,
            name=_text(item.get("name")),
            group=_text(item.get("group"), 200),
            amount_million_vnd=_decimal(item.get("amount_million_vnd")),
            period=_text(item.get("period"), 100),
        )
    for pos, item in enumerate(extraction.get("documents_to_issue") or []):
        s, e = _span(item)
        DocumentToIssue.objects.create(
            plan=plan,
            position=pos,
            source_start=s,
            source_end=e,
            title=_text(item.get("title")),
            issuer=_text(item.get("issuer"), 300),
            lead=_text(item.get("lead"), 300),
            coordinate=[str(x) for x in item.get("coordinate") or []],
            due=_text(item.get("due"), 100),
        )
    audit(
        actor,
        "plan.import",
        plan,
        summary=f"Nhập kế hoạch {plan.number or plan.title[:60]} từ {document.filename}",
        after={
            "targets": len(targets),
            "tasks": len(extraction.get("tasks") or []),
            "area": plan.area.code if plan.area else None,
            **({"area_suggested": suggested.code} if suggested is not None and plan.area is None else {}),
        },
    )
    return plan


def _parent_number(number: str, known: Mapping[str, Task]) -> Task | None:
    """The closest enclosing task by number: '3.2.1' -> '3.2' -> '3'."""
    parts = [p for p in re.split(r"[.]", number) if p]
    while len(parts) > 1:
        parts.pop()
        parent = known.get(".".join(parts))
        if parent is not None:
            return parent
    return None


# Where a task's own text stops at the latest: the next part of the document ("III. TỔ CHỨC THỰC HIỆN") or its
# signature block.
_PART_BREAK = re.compile(r"\n\s*(?:[IVX]{1,5}\.\s|PHẦN\s|Chương\s|Nơi nhận:|TM\.\s|KT\.\s)")
BODY_LIMIT = 2000


def task_bodies(text: str, tasks: Sequence[Mapping[str, Any]]) -> list[str]:
    """The words under each task's heading in ``text``, up to the next task, part or signature (at most
    ``BODY_LIMIT`` characters): "1.1. Các sở, ban, ngành, địa phương" names its lead, and its content is the dash
    items below it, which an officer reporting on it needs to see."""
    starts = sorted(s for s, _ in map(_span, tasks) if s is not None)
    out: list[str] = []
    for item in tasks:
        s, e = _span(item)
        if item.get("body") or s is None or e is None or not text:
            out.append(_text(item.get("body")))
            continue
        i = bisect_left(starts, e)
        stop = starts[i] if i < len(starts) else len(text)
        piece = text[e:min(stop, e + BODY_LIMIT)]
        cut = _PART_BREAK.search(piece)
        piece = piece[: cut.start()] if cut else piece
        out.append(piece.strip(" :\n\t"))
    return out


# An item's own number under a part: "1", "12" (not a roman part, not a path).
_ITEM_NUMBER = re.compile(r"\d{1,3}")


def _import_tasks(plan: Plan, tasks: Sequence[Mapping[str, Any]], text: str = "") -> None:
    known: dict[str, Task] = {}
    bodies = task_bodies(text, tasks)
    group: Task | None = None  # the last part numbered in roman ("I", "II"): items numbered 1, 2, … after it are its
    for pos, item in enumerate(tasks):
        s, e = _span(item)
        number = _text(item.get("number"), 40)
        parent = _parent_number(number, known) if number else None
        if parent is None and group is not None and _ITEM_NUMBER.fullmatch(number):
            parent = group  # "I. NHÓM THỂ CHẾ" then "1.", "2.", "3.", numbered on through the next part
        task = Task.objects.create(
            plan=plan,
            parent=parent,
            depth=(parent.depth + 1) if parent else 0,
            position=pos,
            source_start=s,
            source_end=e,
            number=number,
            title=_text(item.get("title")),
            body=bodies[pos],
            timeline=_text(item.get("timeline"), 300),
        )
        if number:
            known[number] = task
        if roman_value(number) is not None and parent is None:
            group = task
        rows = [TaskAssignment(task=task, role=TaskAssignment.Role.LEAD, name=_text(n, 300)) for n in item.get("lead") or []]
        rows += [
            TaskAssignment(task=task, role=TaskAssignment.Role.COORDINATE, name=_text(n, 300))
            for n in item.get("coordinate") or []
        ]
        TaskAssignment.objects.bulk_create(rows)


@transaction.atomic
def do_set_plan_area(plan: Plan, area: Any, actor: Any) -> Plan:
    """Set the administrative unit a plan applies to, whatever its status; only a draft's may be cleared (None).

    The actor must be able to change the plan both before and after (``plans.scope``): nobody moves a plan of
    another unit into their own, nor their plan out of their reach; ``None`` (the CLI) is the system.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # no select_related: PostgreSQL cannot lock an outer join
    require_plan_change(actor, plan)
    require_area_choice(actor, plan, area)
    if area is None and not plan.is_draft:
        raise PlanError(
            "Kế hoạch đang thực hiện phải có địa bàn áp dụng; không bỏ được. "
            "Kế hoạch trung ương chọn «toàn quốc» (mã toan-quoc)."
        )
    before = plan.area.code if plan.area else None
    plan.area = area
    plan.save(update_fields=["area"])
    where = f"{area.name} ({area.code})" if area else "không giới hạn"
    audit(actor, "plan.set_area", plan, summary=f"Địa bàn áp dụng: {where}", before={"area": before}, after={"area": area.code if area else None})
    return plan


@transaction.atomic
def do_approve_plan(plan: Plan, actor: Any) -> Plan:
    """A reviewed draft becomes active; approving an active plan is refused."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != Plan.Status.DRAFT:
        raise PlanError("Kế hoạch này đã được phê duyệt trước đó.")
    plan.status = Plan.Status.ACTIVE
    plan.approved_at = timezone.now()
    plan.approved_by = actor if getattr(actor, "is_authenticated", False) else None
    plan.save(update_fields=["status", "approved_at", "approved_by"])
    audit(actor, "plan.approve", plan, summary=f"Phê duyệt kế hoạch {plan.number}", before={"status": "draft"}, after={"status": "active"})
    from ansinh.notifications.actions import notify_plan_approved  # e-mail goes after the commit

    notify_plan_approved(plan, actor)
    return plan


@transaction.atomic
def do_link_plans(child: Plan, parent: Plan, actor: Any, reference: str = "", confirmed: bool = False) -> PlanLink:
    """Record that ``child`` implements ``parent`` (a suggestion unless ``confirmed``)."""
    if child.pk == parent.pk:
        raise PlanError("Một kế hoạch không thể thực hiện chính nó.")
    link, created = PlanLink.objects.get_or_create(
        child=child, parent=parent, defaults={"reference": reference[:300], "confirmed": confirmed}
    )
    before = None if created else {"confirmed": link.confirmed}
    if not created and confirmed and not link.confirmed:
        link.confirmed = True
        link.save(update_fields=["confirmed"])
    audit(
        actor,
        "plans.link" if created else "plans.link_update",
        link,
        summary=f"Liên kết kế hoạch #{child.pk} thực hiện kế hoạch #{parent.pk}",
        before=before,
        after={"reference": link.reference, "confirmed": link.confirmed},
    )
    return link


@transaction.atomic
def do_confirm_link(link: PlanLink, actor: Any, confirmed: bool = True) -> PlanLink:
    """A person confirms (or withdraws) a suggested parent/child link."""
    before = {"confirmed": link.confirmed}
    link.confirmed = confirmed
    link.save(update_fields=["confirmed"])
    verb = "Xác nhận" if confirmed else "Bỏ xác nhận"
    audit(
        actor,
        "plans.confirm_link",
        link,
        summary=f"{verb} kế hoạch #{link.child_id} thực hiện kế hoạch #{link.parent_id}",
        before=before,
        after={"confirmed": confirmed},
    )
    return link
