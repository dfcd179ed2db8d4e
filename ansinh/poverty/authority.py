"""Who may recognise a round's lists (step 4 of QĐ 24/2021): the competent authority as data.

``RecognisingAuthority`` rows (``data/authorities.json``) say, for a period, which account role at
which administrative level signs: the district chairman until 30/6/2025, the commune chairman from
1/7/2025 (districts ended). A user is the competent authority for a round on a day when they hold
that role (``accounts.RoleAssignment``) on the round's commune, or on its ancestor of that level,
and the assignment is in force that day. Separation of duties: nobody who entered a survey of the
round may recognise it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from ansinh.accounts.models import RoleAssignment
from ansinh.core.errors import UserError
from ansinh.geo.models import AdministrativeUnit
from ansinh.poverty.models import RecognisingAuthority, ReviewEntry, ReviewRound


class RecognitionRefused(UserError):
    """A refused recognition (step 4), with a short ``reason`` code kept in the refusal's audit event."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def authority_on(day: dt.date) -> RecognisingAuthority:
    authority = RecognisingAuthority.on(day)
    if authority is None:
        raise RecognitionRefused("khong_co_du_lieu_tham_quyen", f"Không có dữ liệu về thẩm quyền công nhận vào ngày {day:%d/%m/%Y}.")
    return authority


def _units_for(commune: AdministrativeUnit, level: str) -> list[int]:
    """The commune itself (level commune) or its ancestors of ``level`` (the path holds their codes)."""
    if commune.level == level:
        return [commune.pk]
    codes = [c for c in commune.path.strip("/").split("/") if c]
    return list(AdministrativeUnit.objects.filter(level=level, code__in=codes).values_list("pk", flat=True))


def _assignment_in_force(day: dt.date) -> Q:
    """``valid_to`` of a role assignment is its first day no longer in force."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def is_competent(user: Any, round_: ReviewRound, day: dt.date) -> bool:
    """Whether ``user`` is the competent authority for ``round_``'s commune on ``day``."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    authority = RecognisingAuthority.on(day)
    if authority is None:
        return False
    units = _units_for(round_.commune, authority.unit_level)
    return RoleAssignment.objects.filter(
        _assignment_in_force(day), user=user, role=authority.account_role, unit_id__in=units
    ).exists()


def check_recogniser(user: Any, round_: ReviewRound, day: dt.date) -> RecognisingAuthority:
    """The authority in force on ``day``, or a Vietnamese refusal naming who may sign."""
    authority = authority_on(day)
    if user is None:  # the simulated demo, loaded by a command, records the authority the data names
        return authority
    if not is_competent(user, round_, day):
        note = "" if authority.verified else " (thẩm quyền này chưa xác minh)"
        raise RecognitionRefused(
            "khong_tham_quyen",
            f"Chỉ {authority.role}{note} của {round_.commune.name} mới công nhận được kết quả rà soát "
            f"vào ngày {day:%d/%m/%Y}; tài khoản của bạn không có thẩm quyền này."
        )
    if ReviewEntry.objects.filter(round=round_, surveyed_by=user).exists():
        raise RecognitionRefused(
            "da_nhap_phieu", "Người đã nhập phiếu khảo sát của đợt rà soát không được tự công nhận kết quả (tách bạch nhiệm vụ)."
        )
    return authority
