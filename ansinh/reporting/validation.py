"""Validation of reported values, declared as data: ranges per value type, ratios, outliers, milestones.

Errors come back as one :class:`FieldError` per bad cell with a Vietnamese message, so the web
form, the Excel upload and the API can show them next to the cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ansinh.core.errors import UserError
from ansinh.lib.vnnumbers import format_vn, goal_text, parse_entered
from ansinh.plans.models import Milestone
from ansinh.reporting import bounds
from ansinh.reporting.models import Indicator, IndicatorValue, Submission, TargetIndicatorLink
from ansinh.reporting.pace import period_share
from ansinh.reporting.progress import meets

# Validation rules, declared as data: the accepted range per value type is ``bounds.BOUNDS``
# (shared by every channel); the year-on-year change that raises an outlier flag (share of last
# year's value, or points for percentages).
OUTLIER_CHANGE: dict[str, tuple[str, float]] = {"percent": ("abs", 15.0), "default": ("rel", 0.5)}

# Opens the flag of a value below the year's milestone (reports list those values' explanations).
MISSED_MILESTONE = "Chưa đạt mốc"


class ReportingError(UserError):
    """A reporting action was refused; ``message`` is Vietnamese, for the user."""


@dataclass(frozen=True)
class FieldError:
    """One invalid cell: ``row`` is the index in the submitted list, ``indicator`` its code."""

    row: int
    indicator: str
    field: str
    message: str


class ValidationFailed(ReportingError):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("Số liệu chưa hợp lệ: " + "; ".join(e.message for e in errors[:5]))
        self.errors = list(errors)


# --- checks -------------------------------------------------------------------------------


def _number(raw: object) -> tuple[float | None, bool]:
    """(number, ok): blanks are (None, True); unreadable text is (None, False)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, True
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int | float):
        return (float(raw), True) if math.isfinite(float(raw)) else (None, False)
    value = parse_entered(str(raw))
    return value, value is not None


def previous_values(submission: Submission) -> dict[int, float]:
    """Last year's approved values of the same unit in the same plan and kind of cycle, by indicator."""
    cycle = submission.cycle
    rows = IndicatorValue.objects.filter(
        submission__unit_id=submission.unit_id,
        submission__cycle__plan_id=cycle.plan_id,
        submission__cycle__kind=cycle.kind,
        submission__cycle__year=cycle.year - 1,
        submission__status=Submission.Status.APPROVED,
        value__isnull=False,
    ).values_list("indicator_id", "value")
    return {indicator_id: value for indicator_id, value in rows if value is not None}


def goals_for(plan_id: int, year: int) -> dict[int, tuple[str, float, float | None]]:
    """The plan's goal per linked indicator in ``year``: a milestone, else a target due that year."""
    goals: dict[int, tuple[str, float, float | None]] = {}
    links = TargetIndicatorLink.objects.filter(target__plan_id=plan_id).select_related("target")
    stones = {
        m.target_id: m
        for m in Milestone.objects.filter(target__plan_id=plan_id, year=year, value__isnull=False)
    }
    for link in links.order_by("target__position", "target_id"):
        target = link.target
        stone = stones.get(target.pk)
        if stone is not None and stone.value is not None:
            goals.setdefault(link.indicator_id, (stone.comparator or "=", stone.value, stone.value_max))
        elif target.year == year and target.value is not None:
            goals.setdefault(link.indicator_id, (target.comparator or "=", target.value, target.value_max))
    return goals


def outlier_flag(value_type: str, previous: float | None, value: float | None) -> str | None:
    """A Vietnamese warning when ``value`` jumps too far from last year's ``previous``."""
    if previous is None or value is None:
        return None
    kind, limit = OUTLIER_CHANGE.get(value_type, OUTLIER_CHANGE["default"])
    change = value - previous
    if kind == "abs":
        if abs(change) > limit:
            return (
                f"Thay đổi {format_vn(change, 1)} điểm phần trăm so với năm trước ({format_vn(previous, 1)})."
            )
        return None
    if previous == 0:
        return None if value == 0 else f"Năm trước bằng 0, năm nay {format_vn(value, 1)}: đề nghị kiểm tra."
    if abs(change) / abs(previous) > limit:
        return f"Thay đổi {format_vn(change / abs(previous) * 100, 0)}% so với năm trước ({format_vn(previous, 1)})."
    return None


def _check_value(
    indicator: Indicator, row: int, item: Mapping[str, Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    code = indicator.code
    errors: list[FieldError] = []
    clean: dict[str, Any] = {"indicator": indicator}

    def err(field: str, message: str) -> None:
        errors.append(FieldError(row, code, field, message))

    for name in ("value", "numerator", "denominator"):
        number, ok = _number(item.get(name))
        if not ok:
            err(name, f"{indicator.name}: «{item.get(name)}» không phải là một số.")
        clean[name] = number
    status = item.get("status") or IndicatorValue.Status.FINAL
    if status not in IndicatorValue.Status.values:
        err("status", f"{indicator.name}: tình trạng số liệu phải là «ước thực hiện» hoặc «số chính thức».")
    clean["status"] = status
    clean["comment"] = str(item.get("comment") or "").strip()
    if errors:
        return clean, errors
    if indicator.is_ratio:
        num, den = clean["numerator"], clean["denominator"]
        if num is None or den is None:
            if num is not None or den is not None or clean["value"] is not None:
                err(
                    "denominator" if num is not None else "numerator",
                    f"{indicator.name}: cần nhập cả tử số ({indicator.numerator_label or 'tử số'}) "
                    f"và mẫu số ({indicator.denominator_label or 'mẫu số'}).",
                )
            return clean, errors
        for name, number, label in (("numerator", num, "tử số"), ("denominator", den, "mẫu số")):
            problem = bounds.part_problem(label, number, denominator=name == "denominator")
            if problem:
                err(name, f"{indicator.name}: {problem}")
        if not errors and num > den and bounds.numerator_within_denominator(
            indicator.value_type, indicator.scale, indicator.numerator_within_denominator
        ):
            err("numerator", f"{indicator.name}: tử số không được lớn hơn mẫu số.")
        if errors:
            return clean, errors
        computed = num / den * indicator.scale
        given = clean["value"]
        if (
            given is not None
            and math.isfinite(computed)
            and abs(given - computed) > 0.5 * 10 ** (-indicator.decimals) + 1e-9
        ):
            err(
                "value",
                f"{indicator.name}: giá trị {format_vn(given)} không khớp với tử số/mẫu số "
                f"(tính được {format_vn(computed, indicator.decimals)}).",
            )
        clean["value"] = computed
    value = clean["value"]
    if value is None:
        return clean, errors
    problem = bounds.value_problem(indicator.value_type, value)
    if problem:
        err("value", f"{indicator.name}: {problem}")
    return clean, errors


PART_NAMES = {"monthly": "tháng", "quarterly": "quý", "semiannual": "6 tháng"}


def validate_values(
    submission: Submission, values: Sequence[Mapping[str, Any]], *, draft: bool = False
) -> tuple[list[dict[str, Any]], list[FieldError]]:
    """Check every row; returns the cleaned rows (with ``flags``) and every error found.

    A ``draft`` may keep a value that misses its milestone without an explanation yet (the flag is stored);
    sending the report asks for it (``unexplained_misses``).
    """
    catalogue = {i.code: i for i in Indicator.objects.all()}
    cleaned: list[dict[str, Any]] = []
    errors: list[FieldError] = []
    seen: set[str] = set()
    previous = previous_values(submission)
    goals = goals_for(submission.cycle.plan_id, submission.cycle.year)
    plan = submission.cycle.plan
    for row, item in enumerate(values):
        ref = item.get("indicator")
        indicator = ref if isinstance(ref, Indicator) else catalogue.get(str(ref or "").strip())
        if indicator is None:
            errors.append(
                FieldError(row, str(ref or ""), "indicator", f"Không có chỉ tiêu mã «{ref}» trong danh mục.")
            )
            continue
        if indicator.code in seen:
            errors.append(
                FieldError(row, indicator.code, "indicator", f"{indicator.name}: nhập trùng hai lần.")
            )
            continue
        seen.add(indicator.code)
        clean, row_errors = _check_value(indicator, row, item)
        errors += row_errors
        if row_errors:
            continue
        flags: list[str] = []
        flag = outlier_flag(indicator.value_type, previous.get(indicator.pk), clean["value"])
        if flag:
            flags.append(flag)
        goal = goals.get(indicator.pk) if plan.judges_unit_by_goals(submission.unit, indicator.aggregation) else None
        if goal is not None and clean["value"] is not None:
            comparator, goal_value, goal_max = goal
            share = period_share(submission.cycle) if indicator.time_aggregation == "sum" else 1.0
            low, high = goal_value * share, None if goal_max is None else goal_max * share
            if not meets(comparator, indicator.direction, clean["value"], low, high):
                part = "" if share == 1.0 else f" chia theo {PART_NAMES[submission.cycle.kind]} ({format_vn(share * 12, 0)}/12 mốc năm)"
                message = (
                    f"{MISSED_MILESTONE} năm {submission.cycle.year}{part} ({goal_text(comparator, low, high, indicator.unit)})."
                )
                flags.append(message)
                if not clean["comment"] and not draft:
                    errors.append(
                        FieldError(
                            row, indicator.code, "comment", f"{indicator.name}: {message} Cần ghi giải trình."
                        )
                    )
        clean["flags"] = flags
        cleaned.append(clean)
    return cleaned, errors


def unexplained_misses(submission: Submission) -> list[str]:
    """Names of the indicators whose stored value misses the year's milestone and has no explanation."""
    rows = submission.values.select_related("indicator").order_by("indicator__code")
    return [
        v.indicator.name for v in rows
        if not (v.comment or "").strip() and any(str(f).startswith(MISSED_MILESTONE) for f in (v.flags or []))
    ]
