"""Every reporting view, API endpoint and export reaches data only through these functions.

Scope comes from :mod:`ansinh.accounts.access`: a user reads the submissions of the units in
``readable_units`` and changes those in ``writable_units``. Approving or returning follows
``reporting.actions.require_approve`` (the level above the unit, the plan's standing officers,
admins). A submission outside the user's read scope is reported as "not found", never as
"forbidden", so that its existence does not leak.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts import access as scope
from ansinh.core.models import AuditEvent
from ansinh.geo.models import AdministrativeUnit
from ansinh.reporting.actions import require_approve
from ansinh.reporting.models import Indicator, ReportingCycle, Submission

NOT_FOUND = "Không tìm thấy báo cáo hoặc bạn không có quyền xem báo cáo này."
READ_ONLY = "Bạn chỉ được xem báo cáo này, không được nhập hoặc sửa số liệu."
NOT_REVIEWER = "Bạn không có quyền phê duyệt hoặc trả lại báo cáo này."



def access_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Administrative units the user may read."""
    return scope.readable_units(user)


def access_unit(user: Any, code: str) -> AdministrativeUnit:
    unit = access_units(user).filter(code=code).order_by("-valid_from").first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị hoặc bạn không có quyền xem đơn vị này.")
    return unit


def access_indicators(user: Any) -> QuerySet[Indicator]:
    """The indicator catalogue is public to every signed-in user."""
    if not scope.signed_in(user):
        return Indicator.objects.none()
    return Indicator.objects.all()


def access_cycles(user: Any) -> QuerySet[ReportingCycle]:
    """Cycles are a plan's public calendar: every signed-in user reads them."""
    if not scope.signed_in(user):
        return ReportingCycle.objects.none()
    return ReportingCycle.objects.select_related("plan").prefetch_related("deadlines")


def access_cycle(user: Any, cycle_id: int) -> ReportingCycle:
    cycle = access_cycles(user).filter(pk=cycle_id).first()
    if cycle is None:
        raise Http404("Không tìm thấy kỳ báo cáo.")
    return cycle


def access_submissions(user: Any) -> QuerySet[Submission]:
    """Submissions of the units the user may read."""
    if not scope.signed_in(user):
        return Submission.objects.none()
    return Submission.objects.filter(unit__in=scope.readable_units(user)).select_related(
        "cycle", "cycle__plan", "unit", "agency"
    )


def access_submission(user: Any, submission_id: int, for_write: bool = False) -> Submission:
    """One submission in the user's scope; ``for_write`` also needs write scope over its unit."""
    submission = access_submissions(user).filter(pk=submission_id).first()
    if submission is None:
        raise Http404(NOT_FOUND)
    if for_write and not can_write_submission(user, submission):
        raise PermissionDenied(READ_ONLY)
    return submission


def access_submission_for_review(user: Any, submission_id: int) -> Submission:
    """A submission the user may approve or return."""
    submission = access_submission(user, submission_id)
    if not can_review_submission(user, submission):
        raise PermissionDenied(NOT_REVIEWER)
    return submission


def can_write_submission(user: Any, submission: Submission) -> bool:
    return scope.can_write_unit(user, submission.unit)


def can_review_submission(user: Any, submission: Submission) -> bool:
    """The approval rule of ``reporting.actions.require_approve``, asked as a question."""
    if user is None or not scope.can_read_unit(user, submission.unit):
        return False
    try:
        require_approve(user, submission)
    except PermissionDenied:
        return False
    return True


def submission_history(submission: Submission) -> QuerySet[AuditEvent]:
    """The audit rows of a submission the caller has already been allowed to read, newest first."""
    return AuditEvent.objects.filter(object_type=Submission._meta.label, object_id=str(submission.pk)).select_related(
        "actor"
    )


def writable_units_for_cycle(user: Any, cycle: ReportingCycle) -> QuerySet[AdministrativeUnit]:
    """Units (in force during the cycle, in the plan's area) for which the user may open a submission."""
    units = scope.writable_units(user).filter(cycle.units_in_force_q())
    area = cycle.plan.area
    if area is not None:
        units = units.filter(path__startswith=area.path)
    return units


def access_unit_for_submission(user: Any, cycle: ReportingCycle, unit_id: int) -> AdministrativeUnit:
    """A unit the user may open a submission for in this cycle."""
    unit = writable_units_for_cycle(user, cycle).filter(pk=unit_id).first()
    if unit is None:
        if scope.readable_units(user).filter(pk=unit_id).exists():
            raise PermissionDenied(READ_ONLY)
        raise Http404("Không tìm thấy đơn vị hoặc bạn không có quyền nhập số liệu cho đơn vị này.")
    return unit


def readable_area(plan: Any, readable: QuerySet[AdministrativeUnit]) -> AdministrativeUnit | None:
    """The plan's area if it is among ``readable``: where the plan's pages open for a reader who may see it."""
    return readable.filter(pk=plan.area_id).first() if plan.area_id is not None else None


def default_unit(plan: Any, readable: QuerySet[AdministrativeUnit]) -> AdministrativeUnit | None:
    """The plan's area when the user may read it; else the highest unit in scope that reported for the
    plan (or has figures); else the highest unit in scope.

    Reports, not roll-ups, come next: the roll-up reaches the country, a city plan's reports stop at the city.
    """
    if (area := readable_area(plan, readable)) is not None:
        return area
    pool = (
        list(readable.filter(submissions__cycle__plan=plan).distinct())
        or list(readable.filter(aggregates__cycle__plan=plan).distinct())
        or list(readable.filter(valid_to__isnull=True).order_by("path")[:200])
    )
    return min(pool, key=lambda u: (u.depth, u.path), default=None)
