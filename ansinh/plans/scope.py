"""Who may change which plan: the one rule, per plan, that every write to a plan asks.

Every signed-in user may read every plan (plans are public documents). Changing a plan
(review corrections, meta and area, linking targets, cycles, alignment, approval) is decided
by :func:`can_change_plan` alone:

| who | may change |
|---|---|
| an admin (``accounts.access.is_admin``; they hold every permission) | every plan |
| a plan reviewer (``plans.change_plan``) named standing officer of the plan | that plan |
| a plan reviewer whose write scope (``writable_roots``) covers the plan's area | those plans |
| a plan reviewer who uploaded the source document of a plan with no area yet | that fresh import |
| anyone else (no permission, a supervisor, another unit) | nothing (403) |

A plan with no area covers every unit, so apart from its uploader it needs what a national
plan (area = the country unit) needs: a write scope rooted at the country. A standing role
with no plan counts through its unit like the agency and commune roles do (the standing
officer of Hồ Chí Minh City changes the city's plans and those below, not Hà Nội's); one with
neither unit nor agency covers no plan. A commune officer's scope is their commune: a
provincial plan of their own province is not theirs to change.

Linking a plan's targets to catalogue indicators (:func:`can_link_plan`) is also open to the
plan's standing officers without the reviewer permission (the standing agency keeps the
plan's indicators), but only where they stand: named for the plan, or over its area.

Choosing an area (:func:`require_area_choice`) asks the same question of the plan as it would be
after the choice, so nobody moves a plan out of their own reach or into another unit's.
``None`` as the actor is the system (CLI commands, demo steps) and passes. Every check is made
in memory from the user's roles (read once per request) and permissions; only an area-less
plan whose source document is not loaded costs one query (its uploader).

Views reach it through ``ansinh.plans.access``; the ``do_*`` actions of ``plans.actions`` and
``plans.review`` import it from here (``plans.access`` imports them, so it cannot be theirs).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ansinh.accounts.access import can_write_path, is_admin, signed_in, standing_plan_ids, standing_roots
from ansinh.core.errors import UserError
from ansinh.documents.models import SourceDocument
from ansinh.geo.models import COUNTRY_CODE, AdministrativeUnit
from ansinh.plans.models import Plan

NO_CHANGE = "Bạn không có quyền sửa hoặc phê duyệt kế hoạch này."
PLAN_REVIEWER = "plans.change_plan"
COUNTRY_PATH = f"/{COUNTRY_CODE}/"  # a plan with no area is checked as a national one


class AreaOutOfScope(UserError):
    """The chosen area is outside the actor's write scope; ``message`` is Vietnamese."""


def _uploader_id(plan: Plan) -> int | None:
    if plan.source_document_id is None:
        return None
    if Plan.source_document.is_cached(plan):
        return plan.source_document.uploaded_by_id  # type: ignore[union-attr]
    query = SourceDocument.objects.filter(pk=plan.source_document_id).values_list("uploaded_by_id", flat=True)
    return query.first()


def _area_path(plan: Plan) -> str | None:
    return plan.area.path if plan.area_id is not None and plan.area is not None else None


def _may_change_with(user: Any, plan: Plan, path: str | None) -> bool:
    """Whether ``user`` may change ``plan`` if its area were the unit at ``path`` (None: no area)."""
    if not signed_in(user):
        return False
    if is_admin(user):
        return True
    if not user.has_perm(PLAN_REVIEWER):
        return False
    if plan.pk is not None and plan.pk in standing_plan_ids(user):
        return True
    if path is None and plan.pk is not None and _uploader_id(plan) == user.pk:
        return True
    return can_write_path(user, path or COUNTRY_PATH)


def can_change_plan(user: Any, plan: Plan) -> bool:
    """True if the signed-in ``user`` may change, correct or approve ``plan`` (see the module's table)."""
    return _may_change_with(user, plan, _area_path(plan))


def stands_for_plan(user: Any, plan: Plan) -> bool:
    """A standing officer named for ``plan``, or standing (with no plan) over a unit that covers its area."""
    if not signed_in(user):
        return False
    if plan.pk is not None and plan.pk in standing_plan_ids(user):
        return True
    path = _area_path(plan) or COUNTRY_PATH
    return any(path.startswith(root) for root in standing_roots(user))


def can_link_plan(user: Any, plan: Plan) -> bool:
    """Linking targets to the catalogue: whoever may change the plan, and its standing officers."""
    return can_change_plan(user, plan) or stands_for_plan(user, plan)


def require_plan_change(actor: Any, plan: Plan, message: str = NO_CHANGE) -> None:
    """Refuse (403) an actor who may not change ``plan``; ``None`` is the system and passes."""
    if actor is not None and not can_change_plan(actor, plan):
        raise PermissionDenied(message)


def can_choose_area(actor: Any, plan: Plan, area: AdministrativeUnit | None) -> bool:
    """Whether the actor may give ``plan`` the area ``area`` (they could change it afterwards); ``None`` may."""
    return actor is None or _may_change_with(actor, plan, area.path if area is not None else None)


def can_choose_nationwide(actor: Any, plan: Plan) -> bool:
    """Whether the actor may make ``plan`` national (area = the country unit), without loading that unit."""
    return actor is None or _may_change_with(actor, plan, COUNTRY_PATH)


def area_in_reach(actor: Any, area: AdministrativeUnit | None) -> bool:
    """Whether a new plan placed in ``area`` would be the actor's to change (an import keeps its suggested area only then)."""
    return can_choose_area(actor, Plan(), area)


def require_area_choice(actor: Any, plan: Plan, area: AdministrativeUnit | None) -> None:
    """Refuse, in Vietnamese, an area that would put the plan outside the actor's write scope; nothing is stored."""
    if can_choose_area(actor, plan, area):
        return
    if area is None:
        raise AreaOutOfScope(
            "Bạn không được bỏ trống địa bàn áp dụng của kế hoạch này: kế hoạch để trống địa bàn thì áp dụng "
            "cho mọi đơn vị, nên chỉ cấp trung ương hoặc người đã tải văn bản lên mới được để trống."
        )
    where = "toàn quốc" if area.path == COUNTRY_PATH else f"{area.name} ({area.code})"
    raise AreaOutOfScope(
        f"Bạn không được chọn địa bàn áp dụng «{where}»: đơn vị này nằm ngoài phạm vi bạn được nhập, sửa dữ liệu. "
        "Hãy chọn đơn vị thuộc phạm vi của mình, hoặc nhờ quản trị hệ thống."
    )
