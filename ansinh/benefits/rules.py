"""The entitlement calculator: pure functions over plain values (no database).

A programme's rows (``models.py`` or straight from ``data/programmes.json``) become
``ProgrammeRule`` values; ``monthly(programmes, facts, year, month)`` returns the month's
``Entitlement`` with one explained ``Line`` per amount and the lines set aside by the
"only the highest" rule, each with its reason in Vietnamese.

Conventions (stated so that tests can pin them):
- a category and a base level apply to a month when they are in force on its first day, so an
  amount changes in the month a base level takes effect (1/7/2024: 360.000 → 500.000);
- a minimum age counts when it is reached by the month's last day (the benefit starts in the month
  the person turns that age, e.g. 75 for social pension); an age ceiling is checked on the month's
  first day (the benefit stops the month after the birthday, as termination takes effect "from the
  following month");
- a person who died in a month is paid for that month and not after;
- programmes sharing an ``exclusive_group`` pay only the single highest line (ties: the programme
  listed first); lines marked ``stacks`` (K4) are paid on top; programmes without a group add up;
- a province's top-up (``TopUp``, passed in by the caller) in force on the month's first day is added
  to a paid line of its programme (and category, or every category) after "only the highest" has
  compared the national amounts; a category's own top-up replaces the programme-wide one.

The value types live in ``rule_values.py`` and the data-file parser in ``rule_data.py``; this module
re-exports both, so ``rules.<name>`` keeps working for every caller.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from ansinh.benefits.rule_data import (
    _coef,
    _date,
    _maybe_date,
    _money,
    _periods_ok,
    programme_from_dict,
    programmes_from_data,
)
from ansinh.benefits.rule_values import (
    CLASS_LABELS,
    HOUSEHOLD_CLASSES,
    MONTHLY,
    ONE_OFF,
    UNVERIFIED,
    CategoryRule,
    Entitlement,
    Facts,
    Grant,
    Level,
    Line,
    ProgrammeRule,
    RuleDataError,
    TopUp,
)
from ansinh.lib.vnnumbers import format_vn

__all__ = [
    "CLASS_LABELS", "HOUSEHOLD_CLASSES", "MONTHLY", "ONE_OFF", "UNVERIFIED", "CategoryRule", "Entitlement", "Facts", "Grant",
    "Level", "Line", "ProgrammeRule", "RuleDataError", "TopUp", "_coef", "_date", "_maybe_date", "_money", "_periods_ok",
    "age_on", "candidates", "month_bounds", "monthly", "one_off", "programme_from_dict", "programmes_from_data", "resolve",
    "with_topups",
]


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise ValueError(f"tháng {month:02d}/{year} không hợp lệ")
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years ("từ đủ N tuổi") on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _refusal(prog: ProgrammeRule, cat: CategoryRule, facts: Facts, first: dt.date, last: dt.date) -> str | None:
    """Why ``cat`` does not apply in the month [first, last] (None: it applies)."""
    if not cat.in_force(first):
        return "không áp dụng trong tháng này"
    if facts.grants is not None and not any(
        g.programme == prog.code and g.category == cat.code and g.covers(first) for g in facts.grants
    ):
        return "không có quyết định hưởng còn hiệu lực trong tháng"
    missing = cat.conditions - facts.conditions
    if missing:
        return "thiếu điều kiện: " + ", ".join(sorted(missing))
    if cat.household_classes and facts.household_class not in cat.household_classes:
        return f"phân loại hộ là {CLASS_LABELS.get(facts.household_class, facts.household_class)}"
    if cat.age_min is not None or cat.age_below is not None:
        if facts.birth_date is None:
            return "chưa rõ ngày sinh"
        if cat.age_min is not None and age_on(facts.birth_date, last) < cat.age_min:
            return f"chưa đủ {cat.age_min} tuổi"
        if cat.age_below is not None and age_on(facts.birth_date, first) >= cat.age_below:
            return f"đã đủ {cat.age_below} tuổi"
    return None


def _amount(prog: ProgrammeRule, cat: CategoryRule, facts: Facts, day: dt.date) -> Line | None:
    children = max(facts.children, 1) if cat.per_child else 1
    base: Level | None = None
    if cat.amount is not None:
        raw = Decimal(cat.amount)
    else:
        base = prog.level_on(day)
        if base is None or cat.coefficient is None:
            return None
        raw = cat.coefficient * base.amount
    step = Decimal(prog.rounding)
    value = int((raw / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step) * children
    return Line(
        programme=prog.code, programme_name=prog.name, category=cat.code, category_name=cat.name, amount=value,
        coefficient=cat.coefficient if cat.amount is None else None, base_level=base.amount if base else None,
        base_source=base.source if base else "", source=cat.source,
        verified=prog.verified and cat.verified and (base is None or base.verified),
        children=children, position=prog.position, stacks=cat.stacks,
    )


def candidates(programmes: Iterable[ProgrammeRule], facts: Facts, first: dt.date, last: dt.date, kind: str = MONTHLY) -> list[Line]:
    lines = []
    for prog in programmes:
        if prog.kind != kind:
            continue
        for cat in prog.categories:
            if _refusal(prog, cat, facts, first, last) is None:
                line = _amount(prog, cat, facts, first)
                if line is not None:
                    lines.append(line)
    return lines


def resolve(lines: list[Line], groups: Mapping[str, tuple[str, str]]) -> tuple[list[Line], list[Line], list[str]]:
    """The "only the highest" rule. ``groups`` maps a programme code to (group, legal source).

    Returns (paid, set aside, reasons in Vietnamese)."""
    paid: list[Line] = []
    aside: list[Line] = []
    reasons: list[str] = []
    by_group: dict[str, list[Line]] = {}
    for line in lines:
        group = groups.get(line.programme, ("", ""))[0]
        if not group or line.stacks:
            paid.append(line)
        else:
            by_group.setdefault(group, []).append(line)
    for members in by_group.values():
        members.sort(key=lambda ln: (-ln.amount, ln.position, ln.category))
        best, rest = members[0], members[1:]
        paid.append(best)
        source = groups[best.programme][1]
        for other in rest:
            aside.append(other)
            if other.amount == best.amount:
                why = f"bằng mức {format_vn(other.amount)} đồng của «{other.category_name}»; chọn theo thứ tự ưu tiên trong dữ liệu"
            else:
                why = f"cao hơn mức {format_vn(other.amount)} đồng của «{other.category_name}»"
            reasons.append(
                f"Chỉ được hưởng một mức cao nhất ({source}): hưởng «{best.category_name}» {format_vn(best.amount)} đồng/tháng, {why}."
            )
    paid.sort(key=lambda ln: (ln.position, ln.category))
    return paid, aside, reasons


def with_topups(lines: Iterable[Line], topups: Iterable[TopUp], province: str, first: dt.date) -> list[Line]:
    """Each paid line plus its province's top-up in force on ``first`` (never less than the national amount)."""
    found = [t for t in topups if province and t.province == province and t.in_force(first)]
    out = []
    for line in lines:
        mine = [t for t in found if t.programme == line.programme and t.category in ("", line.category)]
        top = max(mine, key=lambda t: t.category != "", default=None)
        if top is None or top.amount <= 0:
            out.append(line)
            continue
        out.append(dataclasses.replace(
            line, amount=line.amount + top.amount, topup=top.amount, topup_province=top.province, topup_source=top.source,
            topup_verified=top.verified, verified=line.verified and top.verified,
        ))
    return out


def monthly(
    programmes: Iterable[ProgrammeRule], facts: Facts, year: int, month: int, topups: Iterable[TopUp] = ()
) -> Entitlement:
    """The month's entitlement, explained (``topups``: provinces' top-ups, applied for ``facts.province``)."""
    first, last = month_bounds(year, month)
    progs = list(programmes)
    if facts.death_date is not None and facts.death_date < first:
        return Entitlement(first, (), notes=(f"Đã mất ngày {facts.death_date:%d/%m/%Y}: thôi hưởng từ tháng sau tháng mất.",))
    groups = {p.code: (p.exclusive_group, p.exclusive_source) for p in progs}
    paid, aside, reasons = resolve(candidates(progs, facts, first, last), groups)
    paid = with_topups(paid, topups, facts.province, first)
    return Entitlement(first, tuple(paid), tuple(aside), tuple(reasons))


def one_off(programmes: Iterable[ProgrammeRule], facts: Facts, day: dt.date) -> list[Line]:
    """One-off payments (Tết gifts, handouts) a person qualifies for on ``day``."""
    return candidates(programmes, facts, day, day, kind=ONE_OFF)
