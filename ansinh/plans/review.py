"""Human review of a draft plan: audited edits, additions and deletions of extracted items.

Every ``do_*`` runs in one transaction, refuses to touch a plan that is no longer a
draft, and writes an audit row with the item's values before and after the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction

from ansinh.core.models import AuditEvent, audit
from ansinh.core.versioning import StaleVersion, check_token, state_token
from ansinh.plans.actions import PlanError, _parent_number
from ansinh.plans.models import (
    DocumentToIssue,
    FundingSource,
    InvestmentProject,
    Milestone,
    Plan,
    ReportingDuty,
    Target,
    Task,
    TaskAssignment,
)
from ansinh.plans.scope import require_area_choice

Item = Target | Task | ReportingDuty | FundingSource | InvestmentProject | DocumentToIssue

# URL slug -> (model, related name on Plan, Vietnamese label)
KINDS: dict[str, tuple[type[Item], str, str]] = {
    "target": (Target, "targets", "chỉ tiêu"),
    "task": (Task, "tasks", "nhiệm vụ"),
    "duty": (ReportingDuty, "reporting_duties", "chế độ báo cáo"),
    "funding": (FundingSource, "funding_sources", "nguồn kinh phí"),
    "project": (InvestmentProject, "projects", "dự án đầu tư"),
    "document": (DocumentToIssue, "documents_to_issue", "văn bản cần ban hành"),
}

LOCKED = (
    "Kế hoạch đã được phê duyệt và đang thực hiện nên các mục trích xuất bị khóa, không sửa, "
    "thêm hay xóa được. Chỉ bản nháp mới được rà soát."
)

META_FIELDS = ("number", "date", "issuer", "level", "title", "period_start", "period_end", "implements")
_SKIP = {"id", "plan", "parent", "target", "task"}


def kind_of(item: models.Model) -> str:
    for kind, (model, _, _) in KINDS.items():
        if isinstance(item, model):
            return kind
    raise ValueError(f"not a plan item: {item!r}")


def label_of(item: Item) -> str:
    """A short human name for an item, for audit summaries and confirmations."""
    for attr in ("indicator_name", "title", "name", "text"):
        value = getattr(item, attr, "")
        if value:
            return str(value)[:80]
    return f"#{item.pk}"


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The editable values of a plan or an item, JSON-safe, for the audit log and forms."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in _SKIP or field.is_relation:
            continue
        data[field.name] = _json_value(getattr(obj, field.attname))
    if isinstance(obj, Target):
        data["milestones"] = [
            {"year": m.year, "comparator": m.comparator, "value": m.value, "value_max": m.value_max}
            for m in obj.milestones.all()
        ]
    if isinstance(obj, Task):
        data["lead"] = obj.unit_names(TaskAssignment.Role.LEAD)
        data["coordinate"] = obj.unit_names(TaskAssignment.Role.COORDINATE)
    return data


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[tuple[str, Any, Any]]:
    """The fields whose value differs between two snapshots, as (field, before, after)."""
    before, after = before or {}, after or {}
    keys = [k for k in (*before, *(k for k in after if k not in before)) if k != "position"]
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


_EXTRA_LABELS = {"milestones": "lộ trình", "lead": "chủ trì", "coordinate": "phối hợp"}


def field_label(object_type: str, name: str) -> str:
    """The Vietnamese label of a snapshot field (``plans.Target``, ``value`` -> ``giá trị``)."""
    if name in _EXTRA_LABELS and object_type != "plans.DocumentToIssue":
        return _EXTRA_LABELS[name]
    try:
        return str(apps.get_model(object_type)._meta.get_field(name).verbose_name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return name


class PlanChanged(StaleVersion, PlanError):
    """A review edit made from an older state of the item (someone saved it in between)."""


def _shown_value(value: Any) -> str:
    if isinstance(value, float):
        from ansinh.lib.vnnumbers import format_short

        return format_short(value, 4)
    if isinstance(value, list):
        return "; ".join(
            " ".join(str(v) for v in (m.get("year"), m.get("comparator"), m.get("value")) if v not in (None, ""))
            if isinstance(m, dict)
            else str(m)
            for m in value
        )
    return str(value)


def _earlier_states(obj: models.Model) -> list[Mapping[str, Any]]:
    """The states an item (or a plan's own data) had, read back from its review audit rows."""
    events = AuditEvent.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk)).order_by("id")
    states: list[Mapping[str, Any]] = []
    for event in events:
        for state in (event.before, event.after):
            if isinstance(state, Mapping):
                states.append(state)
    return states


def item_token(obj: models.Model) -> str:
    """The version a review form carries: a digest of the values it shows (``core.versioning``)."""
    return state_token(_meta_state(obj) if isinstance(obj, Plan) else snapshot(obj))


def _check_unchanged(obj: models.Model, state: Mapping[str, Any], token: str | None, what: str) -> None:
    labels = {name: field_label(obj._meta.label, name) for name in state}
    check_token(
        state,
        token,
        what,
        lambda: _earlier_states(obj),
        PlanChanged,
        labels=labels,
        formatter=lambda _name, value: _shown_value(value),
        skip=("position",),
    )


def _locked_plan(plan_id: int) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    if not plan.is_draft:
        raise PlanError(LOCKED)
    return plan


def _apply(obj: models.Model, fields: Mapping[str, Any]) -> None:
    editable = {f.name for f in obj._meta.concrete_fields if not f.is_relation} - _SKIP
    for name, value in fields.items():
        if name in editable:
            setattr(obj, name, value)


def _set_milestones(target: Target, milestones: Iterable[Mapping[str, Any]]) -> None:
    target.milestones.all().delete()
    seen: set[int] = set()
    for m in milestones:
        year = m.get("year")
        if not isinstance(year, int) or year in seen:
            continue
        seen.add(year)
        Milestone.objects.create(
            target=target,
            year=year,
            comparator=m.get("comparator") or "",
            value=m.get("value"),
            value_max=m.get("value_max"),
        )


def _set_assignments(task: Task, lead: Sequence[str], coordinate: Sequence[str]) -> None:
    task.assignments.all().delete()
    rows = [TaskAssignment(task=task, role=TaskAssignment.Role.LEAD, name=n[:300]) for n in lead if n.strip()]
    rows += [TaskAssignment(task=task, role=TaskAssignment.Role.COORDINATE, name=n[:300]) for n in coordinate if n.strip()]
    TaskAssignment.objects.bulk_create(rows)


def _place_task(task: Task) -> None:
    known = {t.number: t for t in Task.objects.filter(plan=task.plan).exclude(pk=task.pk) if t.number}
    parent = _parent_number(task.number, known) if task.number else None
    task.parent = parent
    task.depth = (parent.depth + 1) if parent else 0


def _audit_change(actor: Any, verb: str, item: Item, before: Any, after: Any) -> None:
    kind = kind_of(item)
    label = KINDS[kind][2]
    verbs = {"update": "Sửa", "add": "Thêm", "delete": "Xóa"}
    audit(
        actor,
        f"plan.review.{verb}_{kind}",
        item,
        summary=f"{verbs[verb]} {label} «{label_of(item)}» của kế hoạch #{item.plan_id}",
        before=before,
        after=after,
    )


def _meta_state(plan: Plan) -> dict[str, Any]:
    state = {k: _json_value(getattr(plan, k)) for k in META_FIELDS}
    state["area"] = plan.area.code if plan.area else None
    return state


@transaction.atomic
def do_update_plan_meta(plan: Plan, fields: Mapping[str, Any], actor: Any, *, expected_token: str | None = None) -> Plan:
    """Correct the plan's own data (number, date, issuer, level, title, period, references, area).

    ``fields["area"]`` is an ``AdministrativeUnit`` or None (no area: the plan covers every unit); a new area the
    actor could not change the plan under is refused (``plans.scope.require_area_choice``), nothing stored.
    ``expected_token`` (``item_token`` of what the form showed) refuses a save over someone's newer edit.
    """
    plan = _locked_plan(plan.pk)
    before = _meta_state(plan)
    _check_unchanged(plan, before, expected_token, f"Thông tin chung của kế hoạch #{plan.pk}")
    if "area" in fields and getattr(fields["area"], "pk", None) != plan.area_id:
        require_area_choice(actor, plan, fields["area"])
    for name in META_FIELDS:
        if name in fields:
            setattr(plan, name, fields[name])
    update = [n for n in META_FIELDS if n in fields]
    if "area" in fields:
        plan.area = fields["area"]
        update.append("area")
    plan.save(update_fields=update)
    after = _meta_state(plan)
    audit(actor, "plan.review.update_meta", plan, summary=f"Sửa thông tin chung của kế hoạch #{plan.pk}", before=before, after=after)
    return plan


@transaction.atomic
def do_update_item(
    item: Item,
    fields: Mapping[str, Any],
    actor: Any,
    *,
    milestones: Iterable[Mapping[str, Any]] | None = None,
    lead: Sequence[str] | None = None,
    coordinate: Sequence[str] | None = None,
    expected_token: str | None = None,
) -> Item:
    """Correct an item of any kind; a target's milestones and a task's units are replaced when given.

    A task whose number changes is nested again under its new parent number. ``expected_token``
    (``item_token`` of what the form showed) refuses a save over someone's newer edit.
    """
    _locked_plan(item.plan_id)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    before = snapshot(item)
    _check_unchanged(item, before, expected_token, f"{KINDS[kind_of(item)][2].capitalize()} «{label_of(item)}»")
    _apply(item, fields)
    if isinstance(item, Task) and item.number != before["number"]:
        _place_task(item)
    item.save()
    if isinstance(item, Target) and milestones is not None:
        _set_milestones(item, milestones)
    if isinstance(item, Task) and (lead is not None or coordinate is not None):
        _set_assignments(item, lead or (), coordinate or ())
    _audit_change(actor, "update", item, before, snapshot(item))
    return item


@transaction.atomic
def do_add_item(
    plan: Plan,
    kind: str,
    fields: Mapping[str, Any],
    actor: Any,
    *,
    milestones: Iterable[Mapping[str, Any]] = (),
    lead: Sequence[str] = (),
    coordinate: Sequence[str] = (),
) -> Item:
    """Add an item the extraction missed, after the existing ones."""
    plan = _locked_plan(plan.pk)
    model, related, _ = KINDS[kind]
    last = getattr(plan, related).aggregate(m=models.Max("position"))["m"]
    item = model(plan=plan, position=(last + 1) if last is not None else 0)
    _apply(item, fields)
    if isinstance(item, Task):
        _place_task(item)
    item.save()
    if isinstance(item, Target):
        _set_milestones(item, milestones)
    if isinstance(item, Task):
        _set_assignments(item, lead, coordinate)
    _audit_change(actor, "add", item, None, snapshot(item))
    return item


@transaction.atomic
def do_delete_item(item: Item, actor: Any, *, expected_token: str | None = None) -> None:
    """Delete a wrongly extracted item; sub-tasks of a deleted task move up one level."""
    _locked_plan(item.plan_id)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    before = snapshot(item)
    _check_unchanged(item, before, expected_token, f"{KINDS[kind_of(item)][2].capitalize()} «{label_of(item)}»")
    if isinstance(item, Task):
        Task.objects.filter(parent=item).update(parent=item.parent)
    _audit_change(actor, "delete", item, before, None)
    plan_id = item.plan_id
    item.delete()
    if isinstance(item, Task):
        _renest(plan_id)


def _renest(plan_id: int) -> None:
    """Recompute every task's depth from its parent chain (after a task left the tree)."""
    tasks = {t.pk: t for t in Task.objects.filter(plan_id=plan_id)}

    def depth(task: Task, seen: frozenset[int] = frozenset()) -> int:
        parent = tasks.get(task.parent_id) if task.parent_id else None
        if parent is None or parent.pk in seen:
            return 0
        return depth(parent, seen | {task.pk}) + 1

    changed = []
    for task in tasks.values():
        new = depth(task)
        if new != task.depth:
            task.depth = new
            changed.append(task)
    Task.objects.bulk_update(changed, ["depth"])
