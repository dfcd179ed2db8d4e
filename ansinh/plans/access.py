"""Every view reaches plans only through these functions, which apply the user's scope.

For now every signed-in user may read every plan (plans are public documents);
changing a plan needs the ``plans.change_plan`` permission. The accounts work
narrows this by unit and role.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.models import User
from ansinh.core.models import AuditEvent
from ansinh.plans.models import Plan, PlanLink

AnyUser = User | AnonymousUser


def access_plans(user: AnyUser) -> QuerySet[Plan]:
    if not user.is_authenticated:
        return Plan.objects.none()
    return Plan.objects.all()


def access_plan(user: AnyUser, plan_id: int) -> Plan:
    plan = access_plans(user).select_related("source_document").filter(pk=plan_id).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch.")
    return plan


def access_plan_for_change(user: AnyUser, plan_id: int) -> Plan:
    plan = access_plan(user, plan_id)
    if not user.has_perm("plans.change_plan"):
        raise PermissionDenied("Bạn không có quyền sửa hoặc phê duyệt kế hoạch này.")
    return plan


def access_parent_links(user: AnyUser, child: Plan) -> QuerySet[PlanLink]:
    """Links from ``child`` to its parent plans, both readable by the user (suggested and confirmed)."""
    readable = access_plans(user)
    return PlanLink.objects.filter(child=child, child__in=readable, parent__in=readable).select_related("parent")


def access_review_history(user: AnyUser, plan: Plan, limit: int = 50) -> list[AuditEvent]:
    """The latest review corrections of a plan the user may read (newest first)."""
    if not access_plans(user).filter(pk=plan.pk).exists():
        raise Http404("Không tìm thấy kế hoạch.")
    events = AuditEvent.objects.filter(action__startswith="plan.review.", summary__endswith=f"kế hoạch #{plan.pk}")
    return list(events.select_related("actor").order_by("-at", "-id")[:limit])
