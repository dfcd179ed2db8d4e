"""Every view reaches plans only through these functions, which apply the user's scope.

Every signed-in user may read every plan (plans are public documents). Changing one is decided
per plan by :func:`ansinh.plans.scope.can_change_plan` (its docstring has the table), which this
module re-exports with ``require_plan_change``; ``access_plan_for_change`` applies it.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.models import User
from ansinh.core.lookup import first_or_404
from ansinh.core.models import AuditEvent
from ansinh.plans.models import Plan, PlanLink
from ansinh.plans.review import KINDS, Item
from ansinh.plans.scope import (
    NO_CHANGE,
    can_change_plan,
    can_choose_area,
    can_choose_nationwide,
    can_link_plan,
    require_area_choice,
    require_plan_change,
)

__all__ = [
    "NO_CHANGE", "access_parent_links", "access_plan", "access_plan_for_change", "access_plan_item", "access_plans",
    "access_review_history", "can_change_plan", "can_choose_area",
    "can_choose_nationwide", "can_link_plan", "require_area_choice", "require_plan_change",
]

AnyUser = User | AnonymousUser
NO_PLAN = "Không tìm thấy kế hoạch."
NO_ITEM = "Không tìm thấy mục này trong kế hoạch."


def access_plans(user: AnyUser) -> QuerySet[Plan]:
    if not user.is_authenticated:
        return Plan.objects.none()
    return Plan.objects.all()


def access_plan(user: AnyUser, plan_id: int) -> Plan:
    return first_or_404(access_plans(user).select_related("source_document", "area").filter(pk=plan_id), NO_PLAN)


def access_plan_for_change(user: AnyUser, plan_id: int) -> Plan:
    """A plan the user may change (``can_change_plan``): 404 if it does not exist, 403 if not theirs."""
    plan = access_plan(user, plan_id)
    require_plan_change(user, plan)
    return plan


def access_parent_links(user: AnyUser, child: Plan) -> QuerySet[PlanLink]:
    """Links from ``child`` to its parent plans, both readable by the user (suggested and confirmed)."""
    readable = access_plans(user)
    return PlanLink.objects.filter(child=child, child__in=readable, parent__in=readable).select_related("parent")


def access_review_history(user: AnyUser, plan: Plan, limit: int = 50) -> list[AuditEvent]:
    """The latest review corrections of a plan the user may read (newest first)."""
    first_or_404(access_plans(user).filter(pk=plan.pk), NO_PLAN)
    events = AuditEvent.objects.filter(action__startswith="plan.review.", summary__endswith=f"kế hoạch #{plan.pk}")
    return list(events.select_related("actor").order_by("-at", "-id")[:limit])


def access_plan_item(plan: Plan, kind: str, item_id: int) -> Item:
    """An item of ``kind`` (``target``, ``task``…) of a plan the caller already reached through ``access_plan``."""
    related = KINDS[kind][1] if kind in KINDS else None
    if related is None:
        raise Http404(NO_ITEM)
    return first_or_404(getattr(plan, related).filter(pk=item_id), NO_ITEM)
