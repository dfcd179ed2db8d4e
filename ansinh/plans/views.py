"""Plan pages: thin views over access functions and actions."""

from __future__ import annotations

import json
import math
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from ansinh.core.errors import UserError
from ansinh.lib.text import fold_key
from ansinh.lib.vnnumbers import format_vn
from ansinh.plans.access import (
    access_plan,
    access_plan_for_change,
    access_plan_item,
    access_plans,
    access_review_history,
    can_change_plan,
)
from ansinh.plans.actions import PlanError
from ansinh.plans.forms import FORMS, BaseMilestoneFormSet, MilestoneFormSet, PlanMetaForm, initial_for
from ansinh.plans.gold import GoldError, export_gold
from ansinh.plans.models import Plan, Task, TaskAssignment
from ansinh.plans.queries import with_counts
from ansinh.plans.review import (
    KINDS,
    LOCKED,
    META_FIELDS,
    Item,
    changes,
    do_add_item,
    do_delete_item,
    do_update_item,
    do_update_plan_meta,
    field_label,
    item_token,
    label_of,
    snapshot,
)

SECTION_TITLES = {
    "target": ("chi-tieu", "Chỉ tiêu"),
    "task": ("nhiem-vu", "Nhiệm vụ"),
    "duty": ("che-do-bao-cao", "Chế độ báo cáo"),
    "funding": ("kinh-phi", "Nguồn kinh phí"),
    "project": ("du-an", "Dự án đầu tư"),
    "document": ("van-ban-ban-hanh", "Văn bản cần ban hành"),
}


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = with_counts(access_plans(request.user)).order_by("level", "-date", "id")
    level = request.GET.get("cap", "")
    status = request.GET.get("trang_thai", "")
    query = request.GET.get("q", "").strip()
    if level in Plan.Level.values:
        plans = plans.filter(level=level)
    if status in Plan.Status.values:
        plans = plans.filter(status=status)
    rows = list(plans)
    if query:
        key = fold_key(query)
        rows = [p for p in rows if key in fold_key(f"{p.number} {p.title} {p.issuer}")]
    context = {
        "plans": rows,
        "levels": Plan.Level.choices,
        "statuses": Plan.Status.choices,
        "level": level,
        "status": status,
        "query": query,
        "filtered": bool(query or level in Plan.Level.values or status in Plan.Status.values),
    }
    return render(request, "plans/list.html", context)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    tasks = list(
        plan.tasks.prefetch_related(Prefetch("assignments", queryset=TaskAssignment.objects.order_by("role", "id")))
    )
    roots = _task_tree(tasks)
    context = {
        "plan": plan,
        "targets": plan.targets.prefetch_related("milestones"),
        "task_roots": roots,
        "task_count": len(tasks),
        "duties": plan.reporting_duties.all(),
        "funding": plan.funding_sources.all(),
        "projects": plan.projects.all(),
        "documents": plan.documents_to_issue.all(),
        "can_approve": plan.is_draft and can_change_plan(request.user, plan),
        **_reporting_links(plan),
    }
    return render(request, "plans/detail.html", context)


def _reporting_links(plan: Plan) -> dict[str, Any]:
    """Counts and years for the plan page's links to linking, cycles, dashboard and reports."""
    from ansinh.reporting.models import ReportingCycle, TargetIndicatorLink

    years = sorted(set(ReportingCycle.objects.filter(plan=plan).values_list("year", flat=True)))
    return {
        "n_linked": TargetIndicatorLink.objects.filter(target__plan=plan, confirmed=True).count(),
        "n_cycles": ReportingCycle.objects.filter(plan=plan).count(),
        "report_years": years[-3:],
    }


def _task_tree(tasks: list[Task]) -> list[Task]:
    by_id = {t.pk: t for t in tasks}
    for t in tasks:
        t.child_list = []  # type: ignore[attr-defined]
    roots = []
    for t in tasks:
        parent = by_id.get(t.parent_id) if t.parent_id else None
        if parent is not None:
            parent.child_list.append(t)  # type: ignore[attr-defined]
        else:
            roots.append(t)
    return roots


@login_required
def item_source(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    item: Item | None
    try:
        item = access_plan_item(plan, kind, item_id)
    except Http404:
        item = None
    document = plan.source_document
    if item is None or document is None:
        return render(request, "plans/source.html", {"plan": plan, "missing": True}, status=404)
    before, inside, after = document.excerpt(item.source_start, item.source_end, context=1500)
    return render(
        request,
        "plans/source.html",
        {"plan": plan, "item": item, "document": document, "before": before, "inside": inside, "after": after},
    )


# --- review -----------------------------------------------------------------


def _text_length(plan: Plan) -> int:
    return len(plan.source_document.text) if plan.source_document else 0


def _source_view(plan: Plan, selected: Item | None, variant: str) -> dict[str, Any]:
    """The source text to show beside the items, split around the selected item's span."""
    document = plan.source_document
    if document is None:
        return {}
    restored = bool(document.restored_text) and variant != "goc"
    text = document.restored_text if restored else document.text
    start = selected.source_start if selected is not None else None
    end = selected.source_end if selected is not None else None
    spans_match = len(text) == len(document.text)
    context = {"document": document, "restored": restored, "has_restored": bool(document.restored_text),
               "spans_match": spans_match}
    if start is None or end is None or not spans_match or not 0 <= start <= end <= len(text):
        return {**context, "before": text, "inside": "", "after": ""}
    return {**context, "before": text[:start], "inside": text[start:end], "after": text[end:]}


def _edit_form(plan: Plan, key: str) -> tuple[Any, Any]:
    """An unbound form for ``key`` (``meta``, ``new-<kind>`` or ``<kind>-<id>``)."""
    if key == "meta":
        values = {k: getattr(plan, k) for k in META_FIELDS}
        area = plan.area.code if plan.area else ""
        return PlanMetaForm(initial={**values, "implements": "\n".join(plan.implements or []), "area": area}), None
    kind, _, rest = key.partition("-")
    if kind == "new" and rest in FORMS:
        return FORMS[rest](text_length=_text_length(plan)), (MilestoneFormSet(prefix="moc") if rest == "target" else None)
    if kind in FORMS and rest.isdigit():
        item = access_plan_item(plan, kind, int(rest))
        initial = initial_for(kind, snapshot(item))
        form = FORMS[kind](initial=initial, text_length=_text_length(plan))
        formset = MilestoneFormSet(prefix="moc", initial=initial["milestones"]) if kind == "target" else None
        return form, formset
    return None, None


def _token(request: HttpRequest) -> str | None:
    """The version (``item_token``) a review form carried, if any."""
    token = request.POST.get("version", "").strip()
    return token[:64] or None


def _form_token(plan: Plan, key: str) -> str:
    if key == "meta":
        return item_token(plan)
    kind, _, rest = key.partition("-")
    if kind in KINDS and rest.isdigit():
        return item_token(access_plan_item(plan, kind, int(rest)))
    return ""


def _render_review(
    request: HttpRequest, plan: Plan, *, form: Any = None, formset: Any = None, form_key: str = "", status: int = 200
) -> HttpResponse:
    can_change = can_change_plan(request.user, plan)
    can_edit = plan.is_draft and can_change
    form_key = form_key or request.GET.get("sua", "") or (f"new-{request.GET['them']}" if request.GET.get("them") in KINDS else "")
    if can_edit and form is None and form_key:
        form, formset = _edit_form(plan, form_key)
    if form is None:
        form_key = ""
    version_token = (_token(request) or "") if request.method == "POST" else (_form_token(plan, form_key) if form_key else "")
    selected_key = request.GET.get("muc", "") or (form_key if form_key not in ("meta",) and not form_key.startswith("new-") else "")
    kind, _, rest = selected_key.partition("-")
    selected = access_plan_item(plan, kind, int(rest)) if kind in KINDS and rest.isdigit() else None
    sections = []
    for k, (_, related, label) in KINDS.items():
        items = getattr(plan, related).all()
        if k == "target":
            items = items.prefetch_related("milestones")
        if k == "task":
            items = items.prefetch_related("assignments")
        anchor, title = SECTION_TITLES[k]
        sections.append({"kind": k, "label": label, "anchor": anchor, "title": title,
                         "items": [{"key": f"{k}-{i.pk}", "obj": i} for i in items]})
    context = {
        "plan": plan,
        "sections": sections,
        "can_edit": can_edit,
        "can_change": can_change,
        "locked_reason": "" if plan.is_draft else LOCKED,
        "form": form,
        "formset": formset,
        "form_key": form_key,
        "version_token": version_token,
        "wide_fields": ("indicator_name", "title", "name", "baseline_text", "recipient", "issuer", "lead", "timeline"),
        "selected_key": selected_key if selected else "",
        "variant": request.GET.get("ban", ""),
        "history": _history(request, plan),
        **_picker(request),
        **_source_view(plan, selected, request.GET.get("ban", "")),
    }
    from ansinh.plans.views_corrections import quick_context  # the quick corrections import this module

    context.update(quick_context(request, plan, can_edit))
    return render(request, "plans/review.html", context, status=status)


def _picker(request: HttpRequest) -> dict[str, Any]:
    """The no-JavaScript search of the area picker (``?dia-ban-q=…``)."""
    from ansinh.geo.search import picker_results

    query = request.GET.get("dia-ban-q", "").strip()
    return {"picker_query": query, "picker_results": picker_results(request.user, query)}


def _number(value: Any) -> str:
    if isinstance(value, float) and math.isfinite(value):
        return format_vn(value)
    return "" if value is None else str(value)


def _shown(value: Any) -> Any:
    """A snapshot value as people read it: lists joined, milestones as 'year: comparator value'."""
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict):
                bound = f"–{_number(v['value_max'])}" if v.get("value_max") is not None else ""
                parts.append(f"{v.get('year')}: {v.get('comparator') or ''} {_number(v.get('value'))}{bound}".strip())
            else:
                parts.append(str(v))
        return "; ".join(parts)
    return value


def _history(request: HttpRequest, plan: Plan) -> list[dict[str, Any]]:
    rows = []
    for event in access_review_history(request.user, plan):
        diff = changes(event.before, event.after) if event.before is not None and event.after is not None else []
        rows.append({"event": event, "changes": [(field_label(event.object_type, k), _shown(old), _shown(new)) for k, old, new in diff]})
    return rows


def _review_url(plan: Plan, key: str = "") -> str:
    url = reverse("plans:review", kwargs={"plan_id": plan.pk})
    return f"{url}?muc={key}#muc-{key}" if key else url


@login_required
@require_GET
def plan_review(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _render_review(request, access_plan(request.user, plan_id))


@login_required
@require_POST
def review_meta(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    if not plan.is_draft:
        messages.error(request, LOCKED)
        return redirect(_review_url(plan))
    form = PlanMetaForm(request.POST)
    if not form.is_valid():
        return _render_review(request, plan, form=form, form_key="meta", status=400)
    try:
        do_update_plan_meta(plan, form.fields_for_action(), request.user, expected_token=_token(request))
    except UserError as err:  # a stale version (PlanError) or an area outside the user's scope
        messages.error(request, err.message)
    else:
        messages.success(request, "Đã lưu thông tin chung của kế hoạch.")
    return redirect(_review_url(plan))


@login_required
@require_POST
def review_save(request: HttpRequest, plan_id: int, kind: str, item_id: int | None = None) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    if kind not in FORMS:
        raise Http404("Không có loại mục này.")
    item = access_plan_item(plan, kind, item_id) if item_id is not None else None
    if not plan.is_draft:
        messages.error(request, LOCKED)
        return redirect(_review_url(plan))
    form = FORMS[kind](request.POST, text_length=_text_length(plan))
    formset = cast(BaseMilestoneFormSet, MilestoneFormSet(request.POST, prefix="moc")) if kind == "target" else None
    valid = form.is_valid() and (formset is None or formset.is_valid())
    if not valid:
        key = f"{kind}-{item.pk}" if item is not None else f"new-{kind}"
        return _render_review(request, plan, form=form, formset=formset, form_key=key, status=400)
    fields = form.fields_for_action()
    milestones = formset.milestones() if formset is not None else []
    try:
        if item is None:
            item = do_add_item(plan, kind, fields, request.user, milestones=milestones,
                               lead=form.lines("lead") if kind == "task" else [],
                               coordinate=form.lines("coordinate") if kind == "task" else [])
            messages.success(request, f"Đã thêm {KINDS[kind][2]} «{label_of(item)}».")
        else:
            item = do_update_item(item, fields, request.user,
                                  milestones=milestones if kind == "target" else None,
                                  lead=form.lines("lead") if kind == "task" else None,
                                  coordinate=form.lines("coordinate") if kind == "task" else None,
                                  expected_token=_token(request))
            messages.success(request, f"Đã lưu {KINDS[kind][2]} «{label_of(item)}».")
    except PlanError as err:
        messages.error(request, err.message)
        return redirect(_review_url(plan))
    return redirect(_review_url(plan, f"{kind}-{item.pk}"))


@login_required
def review_delete(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    item = access_plan_item(plan, kind, item_id)
    if request.method == "POST":
        try:
            do_delete_item(item, request.user, expected_token=_token(request))
        except PlanError as err:
            messages.error(request, err.message)
        else:
            messages.success(request, f"Đã xóa {KINDS[kind][2]} «{label_of(item)}».")
        return redirect(_review_url(plan))
    context = {"plan": plan, "item": item, "kind": kind, "label": KINDS[kind][2], "name": label_of(item),
               "locked_reason": "" if plan.is_draft else LOCKED, "version_token": item_token(item)}
    return render(request, "plans/confirm_delete.html", context)


@login_required
@require_GET
def plan_gold(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    try:
        data = export_gold(plan)
    except GoldError as err:
        messages.error(request, err.message)
        return redirect("plans:detail", plan_id=plan.pk)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    name = (plan.source_document.slug if plan.source_document else f"ke-hoach-{plan.pk}")
    response["Content-Disposition"] = f'attachment; filename="{name}.gold.json"'
    return response
