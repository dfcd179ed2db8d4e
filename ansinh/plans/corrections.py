"""Quick corrections in plan review, where the parser still misses (issue 10, item 5).

Each ``do_*`` runs in one transaction, refuses a plan that is no longer a draft, checks the version
the reviewer's form carried (``review.item_token``) and writes audit rows with the values before and
after, like the plain edits of :mod:`ansinh.plans.review`. The plan exported afterwards
(``plans:gold``) carries the corrections, so every corrected plan can grow the parser's corpus.

- add a task under a chosen parent, numbered after its last sub-task;
- split a target into several (one cell holding "≤ 3 Đông Nam Á; ≤ 50 Thế giới");
- merge targets that name one indicator (the others' values become milestones);
- turn a target into another's milestone (a yearly path read as separate targets).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from ansinh.geo.access import access_agencies
from ansinh.geo.search import MAX_QUERY, agencies_matching
from ansinh.lib.text import fold_key
from ansinh.plans.actions import PlanError
from ansinh.plans.models import Plan, Target, Task, TaskAssignment
from ansinh.plans.review import (
    _apply,
    _audit_change,
    _check_unchanged,
    _locked_plan,
    _set_assignments,
    _set_milestones,
    snapshot,
)

AGENCY_LIMIT = 20


class CorrectionError(PlanError):
    """A correction that cannot be made as asked; ``message`` is Vietnamese."""


def next_child_number(parent: Task | None, siblings: Sequence[Task]) -> str:
    """The number a new sub-task takes: after the last sibling ("II.1.2" -> "II.1.3", "2.b" -> "2.c")."""
    numbers = [t.number for t in siblings if t.number]
    prefix = f"{parent.number}." if parent is not None and parent.number else ""
    last = numbers[-1].rsplit(".", 1)[-1] if numbers else ""
    if last.isdigit():
        return f"{prefix}{int(last) + 1}"
    if len(last) == 1 and last.isalpha():
        letters = "abcdđeghiklmnopqrstuvxy"
        at = letters.find(last.lower())
        return f"{prefix}{letters[at + 1] if 0 <= at < len(letters) - 1 else last + '1'}"
    if parent is None:
        top = [int(n) for n in numbers if n.isdigit()]
        return str(max(top) + 1 if top else 1)
    return f"{prefix}1"


def last_position(parent: Task | None, tasks: Sequence[Task]) -> int:
    """Where new tasks go: after the parent's last descendant, or after the plan's last task for the top level
    (``tasks`` in position order)."""
    if parent is None:
        return tasks[-1].position if tasks else -1
    after, inside = parent.position, {parent.pk}
    for t in tasks:
        if t.parent_id in inside:
            inside.add(t.pk)
            after = max(after, t.position)
    return after


def _clean_names(names: Sequence[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = " ".join(str(name).split())[:300]
        if name and fold_key(name) not in {fold_key(n) for n in out}:
            out.append(name)
    return out


@transaction.atomic
def do_add_subtask(
    plan: Plan,
    parent: Task | None,
    fields: Mapping[str, Any],
    actor: Any,
    *,
    lead: Sequence[str] = (),
    coordinate: Sequence[str] = (),
) -> Task:
    """Add a task the parser missed under ``parent`` (None: at the top), placed after the parent's last sub-task."""
    plan = _locked_plan(plan.pk)
    title = " ".join(str(fields.get("title") or "").split())
    if not title:
        raise CorrectionError("Chưa nhập tên nhiệm vụ.")
    if parent is not None and parent.plan_id != plan.pk:
        raise CorrectionError("Nhiệm vụ cha không thuộc kế hoạch này.")
    tasks = list(Task.objects.filter(plan=plan).order_by("position", "id"))
    siblings = [t for t in tasks if t.parent_id == (parent.pk if parent else None)]
    number = str(fields.get("number") or "").strip() or next_child_number(parent, siblings)
    if any(t.number == number for t in tasks):
        raise CorrectionError(f"Số thứ tự «{number}» đã có trong kế hoạch; hãy chọn số khác.")
    after = last_position(parent, tasks)
    Task.objects.filter(plan=plan, position__gt=after).update(position=models.F("position") + 1)
    task = Task(plan=plan, parent=parent, depth=(parent.depth + 1) if parent else 0, position=after + 1)
    _apply(task, {**fields, "title": title, "number": number})
    task.save()
    _set_assignments(task, _clean_names(lead), _clean_names(coordinate))
    _audit_change(actor, "add", task, None, snapshot(task))
    return task


def _target_fields(part: Mapping[str, Any]) -> dict[str, Any]:
    return {k: part[k] for k in ("indicator_name", "comparator", "value", "value_max", "unit", "year", "text") if k in part}


@transaction.atomic
def do_split_target(
    target: Target, parts: Sequence[Mapping[str, Any]], actor: Any, *, expected_token: str | None = None
) -> list[Target]:
    """Split one target into ``parts`` (two or more): the first keeps the target, the rest follow it."""
    _locked_plan(target.plan_id)
    target = Target.objects.select_for_update().get(pk=target.pk)
    before = snapshot(target)
    _check_unchanged(target, before, expected_token, f"Chỉ tiêu «{target.indicator_name[:80]}»")
    if len(parts) < 2:
        raise CorrectionError("Tách chỉ tiêu cần ít nhất hai phần, mỗi phần có tên và giá trị.")
    for part in parts:
        if not str(part.get("indicator_name") or "").strip() or part.get("value") is None:
            raise CorrectionError("Mỗi phần tách ra phải có tên chỉ tiêu và giá trị.")
    Target.objects.filter(plan_id=target.plan_id, position__gt=target.position).update(
        position=models.F("position") + len(parts) - 1
    )
    _apply(target, _target_fields(parts[0]))
    target.save()
    _audit_change(actor, "update", target, before, snapshot(target))
    made = [target]
    for k, part in enumerate(parts[1:], start=1):
        new = Target(plan_id=target.plan_id, position=target.position + k, text=target.text,
                     source_start=target.source_start, source_end=target.source_end,
                     unit=target.unit, year=target.year, comparator=target.comparator)
        _apply(new, _target_fields(part))
        new.save()
        _audit_change(actor, "add", new, None, snapshot(new))
        made.append(new)
    return made


def _milestones_of(target: Target) -> list[dict[str, Any]]:
    return [{"year": m.year, "comparator": m.comparator, "value": m.value, "value_max": m.value_max}
            for m in target.milestones.all()]


def _as_milestone(target: Target) -> dict[str, Any]:
    return {"year": target.year, "comparator": target.comparator, "value": target.value, "value_max": target.value_max}


def _merged_milestones(into: Target, others: Sequence[Target]) -> list[dict[str, Any]]:
    by_year = {m["year"]: m for m in _milestones_of(into)}
    if into.year is not None and into.year not in by_year:
        by_year[into.year] = _as_milestone(into)
    for other in others:
        for m in [*_milestones_of(other), _as_milestone(other)]:
            if isinstance(m["year"], int) and m["year"] not in by_year:
                by_year[m["year"]] = m
    return [by_year[y] for y in sorted(by_year)]


def _same_plan_targets(keep: Target, others: Sequence[Target]) -> list[Target]:
    ids = [t.pk for t in others if t.pk != keep.pk]
    if not ids:
        raise CorrectionError("Hãy chọn ít nhất một chỉ tiêu khác để gộp.")
    found = list(Target.objects.select_for_update().filter(pk__in=ids, plan_id=keep.plan_id).prefetch_related("milestones"))
    if len(found) != len(set(ids)):
        raise CorrectionError("Chỉ gộp được các chỉ tiêu của cùng một kế hoạch.")
    return found


@transaction.atomic
def do_merge_targets(
    keep: Target, others: Sequence[Target], actor: Any, *, expected_token: str | None = None
) -> Target:
    """Merge ``others`` into ``keep``: their years and values become ``keep``'s milestones; they are removed.

    ``keep`` takes the latest year's value, as a yearly path's target does.
    """
    _locked_plan(keep.plan_id)
    keep = Target.objects.select_for_update().get(pk=keep.pk)
    before = snapshot(keep)
    _check_unchanged(keep, before, expected_token, f"Chỉ tiêu «{keep.indicator_name[:80]}»")
    found = _same_plan_targets(keep, others)
    milestones = _merged_milestones(keep, found)
    latest = max((m for m in milestones if isinstance(m["year"], int)), key=lambda m: m["year"], default=None)
    if latest is not None and (keep.year is None or latest["year"] > keep.year):
        keep.year, keep.value, keep.value_max = latest["year"], latest["value"], latest["value_max"]
        keep.comparator = latest["comparator"] or keep.comparator
    keep.save()
    _set_milestones(keep, milestones if len(milestones) > 1 else [])
    for other in found:
        _audit_change(actor, "delete", other, snapshot(other), None)
        other.delete()
    _audit_change(actor, "update", keep, before, snapshot(keep))
    return keep


@transaction.atomic
def do_target_to_milestone(
    target: Target, into: Target, actor: Any, *, expected_token: str | None = None
) -> Target:
    """Make ``target`` (a year's value read as a target of its own) a milestone of ``into``; remove ``target``."""
    _locked_plan(target.plan_id)
    target = Target.objects.select_for_update().get(pk=target.pk)
    before = snapshot(target)
    _check_unchanged(target, before, expected_token, f"Chỉ tiêu «{target.indicator_name[:80]}»")
    if into.pk == target.pk:
        raise CorrectionError("Không thể biến một chỉ tiêu thành mốc lộ trình của chính nó.")
    if into.plan_id != target.plan_id:
        raise CorrectionError("Chỉ tiêu đích không thuộc kế hoạch này.")
    if target.year is None:
        raise CorrectionError("Chỉ tiêu chưa có năm nên không thành mốc lộ trình được; hãy sửa năm trước.")
    into = Target.objects.select_for_update().get(pk=into.pk)
    into_before = snapshot(into)
    milestones = _milestones_of(into)
    if any(m["year"] == target.year for m in milestones):
        raise CorrectionError(f"Chỉ tiêu «{into.indicator_name[:80]}» đã có mốc năm {target.year}.")
    if into.year is not None and not milestones:
        milestones.append(_as_milestone(into))
    milestones.append(_as_milestone(target))
    _set_milestones(into, sorted(milestones, key=lambda m: m["year"]))
    _audit_change(actor, "delete", target, before, None)
    target.delete()
    _audit_change(actor, "update", into, into_before, snapshot(into))
    return into


_LINE_SPLIT = re.compile(r"[\n;]+")


def unit_lines(value: str) -> list[str]:
    """Unit names typed one per line (or separated by ';') in a correction form."""
    return _clean_names([p for p in _LINE_SPLIT.split(value or "") if p.strip()])


def agency_choices(user: Any, plan: Plan, query: str = "", limit: int = AGENCY_LIMIT) -> list[str]:
    """Names to pick units from: those the plan already names, then agencies in force matching ``query``
    (folded, as every picker searches: ``geo.search``), or with no query those of the plan's area.

    The agency list (``geo.Agency``) is read in one query, at most ``limit`` rows.
    """
    query = query.replace("\x00", "").strip()[:MAX_QUERY]
    key = fold_key(query)
    names = _clean_names(
        list(TaskAssignment.objects.filter(task__plan=plan).order_by("name").values_list("name", flat=True).distinct()[:200])
    )
    if key:
        names = [n for n in names if key in fold_key(n)]
        agencies = agencies_matching(user, query)
    elif plan.area_id is not None:
        agencies = access_agencies(user).valid_on(timezone.localdate()).filter(unit_id=plan.area_id)  # type: ignore[attr-defined]
    else:
        agencies = access_agencies(user).none()
    found = list(agencies.order_by("name").values_list("name", flat=True)[:limit])
    return _clean_names([*names, *found])[: limit + 200]


__all__ = [
    "CorrectionError",
    "agency_choices",
    "do_add_subtask",
    "do_merge_targets",
    "do_split_target",
    "do_target_to_milestone",
    "next_child_number",
    "unit_lines",
]
