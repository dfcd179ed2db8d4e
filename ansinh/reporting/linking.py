"""Linking a plan's targets to catalogue indicators: suggestions, checks and the audited actions.

A target is measured by one catalogue indicator (``TargetIndicatorLink``). The page "Chỉ tiêu theo
dõi", the API and ``ansinh plan link`` all go through the ``do_*`` functions here, which refuse a
link whose value type contradicts the target (a share such as "%" measured by a count, or a count
measured by a rate) and return warnings when the unit or the direction differ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.lib.text import fold_key
from ansinh.plans.models import Comparator, Plan, Target
from ansinh.plans.scope import can_link_plan
from ansinh.reporting.actions import NO_LINK, do_link_target
from ansinh.reporting.catalogue import suggest_for, unit_key
from ansinh.reporting.models import Indicator, IndicatorValue, TargetIndicatorLink

STRONG_SCORE = 0.6
SHARE_TYPES = frozenset({Indicator.ValueType.PERCENT, Indicator.ValueType.RATIO})
AMOUNT_TYPES = frozenset({Indicator.ValueType.COUNT, Indicator.ValueType.NUMBER})
SHARE_UNITS = frozenset({"%", "‰"})
COUNT_UNITS = frozenset(
    {"nguoi", "ho", "luot", "luot nguoi", "tre", "em", "cai", "can", "nha", "xa", "phuong", "don vi", "co so", "lop"}
)
LOWER_WORDS = re.compile(r"\b(giam|duoi|khong qua|toi da|han che|khong de)\b")
CODE_LIMIT = 40


class LinkError(UserError):
    """A link or a new catalogue indicator was refused; ``message`` is Vietnamese."""


def require_link_permission(actor: Any, plan: Plan) -> None:
    """Linking a plan's targets: whoever may change the plan, and its standing officers (``plans.scope``)."""
    if actor is not None and not can_link_plan(actor, plan):
        raise PermissionDenied(NO_LINK)


def target_kind(unit: str) -> str:
    """``share`` for a rate unit (%, ‰), ``amount`` for a counted unit (người, hộ…), ``""`` when unknown."""
    key = unit_key(unit)
    if key in SHARE_UNITS:
        return "share"
    if key in COUNT_UNITS:
        return "amount"
    return ""


def target_direction(comparator: str, name: str) -> str:
    """``lower`` when the target asks to go down (dưới, không quá, giảm…), ``higher`` otherwise."""
    if comparator in (Comparator.LT, Comparator.LE):
        return Indicator.Direction.LOWER
    if comparator in (Comparator.GT, Comparator.GE):
        return Indicator.Direction.HIGHER
    return Indicator.Direction.LOWER if LOWER_WORDS.search(fold_key(name)) else Indicator.Direction.HIGHER


def type_conflict(target_unit: str, value_type: str) -> str:
    """The Vietnamese refusal when the indicator's value type contradicts the target's unit, else ``""``."""
    kind = target_kind(target_unit)
    label = Indicator.ValueType(value_type).label if value_type in Indicator.ValueType.values else value_type
    if kind == "share" and value_type in AMOUNT_TYPES:
        return f"chỉ tiêu đo bằng «{target_unit}» (một tỷ lệ) không thể theo dõi bằng chỉ tiêu kiểu «{label}»"
    if kind == "amount" and value_type in SHARE_TYPES:
        return f"chỉ tiêu đo bằng «{target_unit}» (số lượng) không thể theo dõi bằng chỉ tiêu kiểu «{label}»"
    return ""


def link_warnings(target: Target, indicator: Indicator) -> list[str]:
    """Differences worth a second look, in Vietnamese: unit and direction."""
    warnings = []
    a, b = unit_key(target.unit), unit_key(indicator.unit)
    if a and b and a != b:
        warnings.append(f"Đơn vị tính khác nhau: chỉ tiêu kế hoạch «{target.unit}», danh mục «{indicator.unit}».")
    wanted = target_direction(target.comparator, target.indicator_name)
    if wanted != indicator.direction:
        warnings.append(
            f"Chiều tốt khác nhau: kế hoạch muốn «{Indicator.Direction(wanted).label.lower()}», "
            f"danh mục ghi «{indicator.get_direction_display().lower()}»."
        )
    return warnings


@dataclass
class TargetRow:
    """One target on the linking page with its link, warnings and suggestions."""

    target: Target
    link: TargetIndicatorLink | None
    suggestions: list[tuple[Indicator, float]]
    warnings: list[str] = field(default_factory=list)

    @property
    def strong(self) -> tuple[Indicator, float] | None:
        for indicator, score in self.suggestions:
            if score >= STRONG_SCORE and not type_conflict(self.target.unit, indicator.value_type):
                return indicator, score
        return None


def target_rows(plan: Plan, limit: int = 3) -> list[TargetRow]:
    """Every target of the plan with its link and suggestions; two queries whatever the size."""
    indicators = list(Indicator.objects.all())
    rows = []
    for target in plan.targets.select_related("indicator_link__indicator").order_by("position", "id"):
        link = getattr(target, "indicator_link", None)
        suggestions = suggest_for(target.indicator_name, target.unit, indicators, limit)
        warnings = link_warnings(target, link.indicator) if link is not None else []
        rows.append(TargetRow(target, link, suggestions, warnings))
    return rows


def search_indicators(query: str, indicators: Sequence[Indicator], limit: int = 20) -> list[Indicator]:
    """Catalogue indicators whose code, name or alias contains the folded query (diacritics ignored)."""
    key = fold_key(query)
    if not key:
        return []
    hits = [i for i in indicators if key in fold_key(" ".join([i.code, i.name, *i.aliases]))]
    return hits[:limit]


def require_no_reported_values(target: Target, link: TargetIndicatorLink | None, new: Indicator | None) -> None:
    """Units already reported figures for the linked indicator: changing or removing the link is refused."""
    if link is None or (new is not None and link.indicator_id == new.pk):
        return
    count = IndicatorValue.objects.filter(submission__cycle__plan_id=target.plan_id, indicator_id=link.indicator_id).count()
    if count:
        raise LinkError(
            f"Đã có {count} số liệu được báo cáo cho «{target.indicator_name}» theo chỉ tiêu «{link.indicator.name}»; "
            "không đổi hoặc bỏ liên kết được nữa."
        )


@transaction.atomic
def do_confirm_link(
    actor: Any, target: Target, indicator: Indicator, score: float | None = None, *, was: str | None = None
) -> tuple[TargetIndicatorLink, list[str]]:
    """Link ``target`` to ``indicator`` as confirmed; refused on a value-type conflict; returns the warnings.

    ``was`` is the indicator code the person saw linked ("" for none): refused if someone changed it meanwhile.
    """
    require_link_permission(actor, target.plan)
    current = TargetIndicatorLink.objects.select_for_update().filter(target=target).select_related("indicator").first()
    if was is not None:
        now = current.indicator.code if current is not None else ""
        if now != was:
            seen = f"«{now}»" if now else "chưa liên kết"
            raise LinkError(f"Liên kết của «{target.indicator_name}» vừa được người khác đổi ({seen}); hãy xem lại rồi chọn lại.")
    conflict = type_conflict(target.unit, indicator.value_type)
    if conflict:
        raise LinkError(f"Không liên kết được «{target.indicator_name}» với «{indicator.name}»: {conflict}.")
    require_no_reported_values(target, current, indicator)
    link = do_link_target(actor, target, indicator, confirmed=True, score=score)
    return link, link_warnings(target, indicator)


@transaction.atomic
def do_unlink_target(actor: Any, target: Target) -> None:
    require_link_permission(actor, target.plan)
    link = TargetIndicatorLink.objects.select_for_update().filter(target=target).select_related("indicator").first()
    if link is None:
        raise LinkError(f"Chỉ tiêu «{target.indicator_name}» chưa được liên kết.")
    require_no_reported_values(target, link, None)
    before = {"indicator": link.indicator.code, "confirmed": link.confirmed}
    audit(actor, "reporting.unlink_target", link, summary=f"Bỏ liên kết {target.indicator_name}", before=before)
    link.delete()


@transaction.atomic
def do_accept_suggestions(actor: Any, plan: Plan, min_score: float = STRONG_SCORE) -> list[TargetIndicatorLink]:
    """Confirm the best suggestion of every target not yet confirmed whose score reaches ``min_score``."""
    require_link_permission(actor, plan)
    if not 0 <= min_score <= 2:
        raise LinkError("Điểm tối thiểu phải nằm trong khoảng 0 đến 2.")
    made = []
    for row in target_rows(plan, limit=5):
        if row.link is not None and row.link.confirmed:
            continue
        best = next(
            ((i, s) for i, s in row.suggestions if s >= min_score and not type_conflict(row.target.unit, i.value_type)),
            None,
        )
        if best is not None:
            made.append(do_link_target(actor, row.target, best[0], confirmed=True, score=best[1]))
    audit(actor, "reporting.accept_suggestions", plan, summary=f"Xác nhận {len(made)} gợi ý (điểm ≥ {min_score})",
          after={"targets": [link.target_id for link in made]})
    return made


def proposed_indicator(target: Target) -> dict[str, Any]:
    """A new catalogue indicator's fields, prefilled from the target."""
    kind = target_kind(target.unit)
    share = kind == "share"
    return {
        "name": target.indicator_name[:300],
        "unit": target.unit[:60],
        "direction": target_direction(target.comparator, target.indicator_name),
        "value_type": Indicator.ValueType.PERCENT if share else (
            Indicator.ValueType.COUNT if kind == "amount" else Indicator.ValueType.NUMBER),
        "aggregation": Indicator.Aggregation.RATIO if share else Indicator.Aggregation.SUM,
        "time_aggregation": Indicator.TimeAggregation.LAST,
    }


def new_code(name: str, taken: set[str]) -> str:
    """An upper-case ASCII code from the name (``Tỷ lệ hộ nghèo`` → ``KH_TY_LE_HO_NGHEO``), unique."""
    base = ("KH_" + "_".join(fold_key(name).replace("%", "PT").split()).upper())[: CODE_LIMIT - 4].rstrip("_") or "KH"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


REQUIRED = {"name": "tên chỉ tiêu", "direction": "chiều tốt", "value_type": "kiểu giá trị",
            "aggregation": "tổng hợp theo đơn vị", "time_aggregation": "tổng hợp theo thời gian"}
CHOICES = {"direction": Indicator.Direction, "value_type": Indicator.ValueType,
           "aggregation": Indicator.Aggregation, "time_aggregation": Indicator.TimeAggregation}


def indicator_field_errors(fields: Mapping[str, Any]) -> dict[str, str]:
    """Per-field Vietnamese errors for a new catalogue indicator (empty when valid)."""
    errors: dict[str, str] = {}
    for key, label in REQUIRED.items():
        if not str(fields.get(key) or "").strip():
            errors[key] = f"Cần nhập {label}."
    for key, choices in CHOICES.items():
        value = str(fields.get(key) or "")
        if value and value not in choices.values:
            errors[key] = f"Giá trị «{value}» không thuộc các lựa chọn của {REQUIRED[key]}."
    if len(str(fields.get("name") or "")) > 300:
        errors["name"] = "Tên chỉ tiêu dài quá 300 ký tự."
    if len(str(fields.get("unit") or "")) > 60:
        errors["unit"] = "Đơn vị tính dài quá 60 ký tự."
    value_type, aggregation = fields.get("value_type"), fields.get("aggregation")
    if not errors and aggregation == Indicator.Aggregation.RATIO and value_type in AMOUNT_TYPES:
        errors["aggregation"] = "Tổng hợp «tổng tử số / tổng mẫu số» chỉ dùng cho tỷ lệ hoặc tỷ số."
    return errors


@transaction.atomic
def do_create_indicator_from_target(actor: Any, target: Target, fields: Mapping[str, Any]) -> tuple[Indicator, list[str]]:
    """Create a catalogue indicator from the target's fields and link the target to it (confirmed)."""
    require_link_permission(actor, target.plan)
    errors = indicator_field_errors(fields)
    if errors:
        raise LinkError("Chưa tạo được chỉ tiêu: " + " ".join(errors.values()))
    name = str(fields["name"]).strip()
    if Indicator.objects.filter(name__iexact=name).exists():
        raise LinkError(f"Danh mục đã có chỉ tiêu tên «{name}»; hãy chọn chỉ tiêu đó thay vì tạo mới.")
    taken = set(Indicator.objects.values_list("code", flat=True))
    ratio = fields["aggregation"] == Indicator.Aggregation.RATIO
    indicator = Indicator.objects.create(
        code=new_code(name, taken),
        name=name,
        unit=str(fields.get("unit") or "").strip(),
        direction=fields["direction"],
        value_type=fields["value_type"],
        aggregation=fields["aggregation"],
        time_aggregation=fields["time_aggregation"],
        scale=100.0 if ratio and fields["value_type"] == Indicator.ValueType.PERCENT else 1.0,
        decimals=2 if ratio else 0,
        numerator_label=f"Tử số của {name}"[:300] if ratio else "",
        denominator_label=f"Mẫu số của {name}"[:300] if ratio else "",
        description=f"Tạo từ chỉ tiêu của kế hoạch #{target.plan_id}: {target.text[:500]}",
    )
    audit(actor, "reporting.create_indicator", indicator, summary=f"Tạo chỉ tiêu {indicator.code} {name}"[:500],
          after={"code": indicator.code, "target": target.pk, **{k: indicator.serializable_value(k) for k in REQUIRED}})
    _, warnings = do_confirm_link(actor, target, indicator)
    return indicator, warnings
