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
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ansinh.lib.vnnumbers import format_vn

UNVERIFIED = "chưa xác minh"
MONTHLY = "hang_thang"
ONE_OFF = "mot_lan"
HOUSEHOLD_CLASSES = ("ngheo", "can_ngheo", "trung_binh", "khong")
CLASS_LABELS = {"ngheo": "hộ nghèo", "can_ngheo": "hộ cận nghèo", "trung_binh": "hộ có mức sống trung bình", "khong": "không thuộc diện", "": "chưa có kết quả rà soát"}


class RuleDataError(ValueError):
    """The programme data is malformed; ``message`` is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Level:
    amount: int
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    verified: bool

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class CategoryRule:
    code: str
    name: str
    coefficient: Decimal | None
    amount: int | None
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    verified: bool
    age_min: int | None = None
    age_below: int | None = None
    household_classes: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    per_child: bool = False
    stacks: bool = False
    note: str = ""

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ProgrammeRule:
    code: str
    name: str
    kind: str
    source: str
    verified: bool
    levels: tuple[Level, ...] = ()
    categories: tuple[CategoryRule, ...] = ()
    exclusive_group: str = ""
    exclusive_source: str = ""
    rounding: int = 1
    position: int = 0

    def level_on(self, day: dt.date) -> Level | None:
        return next((lv for lv in self.levels if lv.in_force(day)), None)


@dataclass(frozen=True)
class Grant:
    """A decision granting ``category`` of ``programme`` from the month ``effective_from`` until the month ``ends_on`` (excluded)."""

    programme: str
    category: str
    effective_from: dt.date
    ends_on: dt.date | None = None

    def covers(self, first: dt.date) -> bool:
        return self.effective_from <= first and (self.ends_on is None or first < self.ends_on)


@dataclass(frozen=True)
class Facts:
    """What the calculator knows about a person: birth date, household class on the date, conditions.

    ``grants`` None: what the person would qualify for (no decision needed); a tuple: only the
    categories that a decision grants for the month are paid (conditions still apply)."""

    birth_date: dt.date | None
    household_class: str = ""
    conditions: frozenset[str] = frozenset()
    children: int = 1
    death_date: dt.date | None = None
    grants: tuple[Grant, ...] | None = None
    province: str = ""


@dataclass(frozen=True)
class TopUp:
    """A province's monthly amount on top of the national one (``category`` "": every category)."""

    province: str
    programme: str
    category: str
    amount: int
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    verified: bool

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Line:
    programme: str
    programme_name: str
    category: str
    category_name: str
    amount: int
    coefficient: Decimal | None
    base_level: int | None
    base_source: str
    source: str
    verified: bool
    children: int = 1
    position: int = 0
    stacks: bool = False
    topup: int = 0
    topup_province: str = ""
    topup_source: str = ""
    topup_verified: bool = True

    def explain(self) -> str:
        if self.coefficient is not None and self.base_level is not None:
            how = f"hệ số {format_vn(float(self.coefficient))} × mức chuẩn {format_vn(self.base_level)} đồng ({self.base_source})"
        else:
            how = "mức cố định"
        if self.children > 1:
            how += f" × {self.children} con"
        flag = "" if self.verified else f" — {UNVERIFIED}"
        if self.topup:
            mark = "" if self.topup_verified else f", {UNVERIFIED}"
            how = (f"{format_vn(self.amount - self.topup)} đồng mức quốc gia ({how}) + {format_vn(self.topup)} đồng "
                   f"tỉnh (mã {self.topup_province}) hỗ trợ thêm (căn cứ: {self.topup_source}{mark})")
        return (
            f"{self.programme_name} — {self.category_name}: {format_vn(self.amount)} đồng = {how}; căn cứ: {self.source}{flag}"
        )


@dataclass(frozen=True)
class Entitlement:
    month: dt.date
    lines: tuple[Line, ...]
    set_aside: tuple[Line, ...] = ()
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def verified(self) -> bool:
        return all(line.verified for line in self.lines)


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


# --- from the data file (also used by the loader to validate before writing) -----------------------

def _date(value: Any, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleDataError(f"{where}: ngày «{value}» không hợp lệ (dạng YYYY-MM-DD).") from None


def _maybe_date(value: Any, where: str) -> dt.date | None:
    return None if value in (None, "") else _date(value, where)


def _money(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise RuleDataError(f"{where}: số tiền «{value}» phải là số nguyên đồng dương.")
    return value


def _coef(value: Any, where: str) -> Decimal:
    try:
        coef = Decimal(str(value))
    except InvalidOperation:
        raise RuleDataError(f"{where}: hệ số «{value}» không phải là số.") from None
    if not coef.is_finite() or coef <= 0 or coef > 100:
        raise RuleDataError(f"{where}: hệ số «{value}» phải lớn hơn 0 và không quá 100.")
    return coef


def _periods_ok(rows: list[tuple[dt.date, dt.date | None]], where: str) -> None:
    rows = sorted(rows)
    for start, end in rows:
        if end is not None and end < start:
            raise RuleDataError(f"{where}: ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.")
    for (_, end), (start, _) in itertools.pairwise(rows):
        if end is None or end >= start:
            raise RuleDataError(f"{where}: các thời kỳ chồng lên nhau (từ {start:%d/%m/%Y}).")


def programme_from_dict(item: Mapping[str, Any]) -> ProgrammeRule:
    code = str(item.get("code", "")).strip()
    if not code:
        raise RuleDataError("Một chương trình thiếu mã (code).")
    where = f"Chương trình «{code}»"
    kind = item.get("kind")
    if kind not in (MONTHLY, ONE_OFF):
        raise RuleDataError(f"{where}: loại «{kind}» không hợp lệ (hang_thang hoặc mot_lan).")
    levels = []
    for lv in item.get("base_levels", []):
        levels.append(Level(_money(lv.get("amount"), f"{where}, mức chuẩn"), _date(lv.get("valid_from"), where),
                            _maybe_date(lv.get("valid_to"), where), str(lv.get("source", "")), bool(lv.get("verified"))))
    _periods_ok([(lv.valid_from, lv.valid_to) for lv in levels], f"{where}, mức chuẩn")
    cats = []
    for c in item.get("categories", []):
        cwhere = f"{where}, đối tượng «{c.get('code', '')}»"
        if not c.get("code") or not c.get("name"):
            raise RuleDataError(f"{cwhere}: thiếu mã hoặc tên đối tượng.")
        has_amount, has_coef = c.get("amount") is not None, c.get("coefficient") is not None
        if has_amount == has_coef:
            raise RuleDataError(f"{cwhere}: cần đúng một trong hai: hệ số (coefficient) hoặc mức cố định (amount).")
        classes = frozenset(c.get("household_classes") or ())
        if classes - set(HOUSEHOLD_CLASSES):
            raise RuleDataError(f"{cwhere}: phân loại hộ không hợp lệ: {', '.join(sorted(classes - set(HOUSEHOLD_CLASSES)))}.")
        age_min, age_below = c.get("age_min"), c.get("age_below")
        for age in (age_min, age_below):
            if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 150):
                raise RuleDataError(f"{cwhere}: tuổi «{age}» không hợp lệ.")
        if age_min is not None and age_below is not None and age_below <= age_min:
            raise RuleDataError(f"{cwhere}: «dưới {age_below} tuổi» phải lớn hơn «từ đủ {age_min} tuổi».")
        periods = c.get("periods") or []
        if not periods:
            raise RuleDataError(f"{cwhere}: thiếu thời kỳ áp dụng (periods).")
        spans = []
        for p in periods:
            start, end = _date(p.get("valid_from"), cwhere), _maybe_date(p.get("valid_to"), cwhere)
            spans.append((start, end))
            cats.append(CategoryRule(
                code=str(c["code"]), name=str(c["name"]),
                coefficient=_coef(c["coefficient"], cwhere) if has_coef else None,
                amount=_money(c["amount"], cwhere) if has_amount else None,
                valid_from=start, valid_to=end, source=str(p.get("source", "")), verified=bool(p.get("verified")),
                age_min=age_min, age_below=age_below, household_classes=classes,
                conditions=frozenset(c.get("conditions") or ()), per_child=bool(c.get("per_child")),
                stacks=bool(c.get("stacks")), note=str(c.get("note", "")),
            ))
            if has_coef and not levels:
                raise RuleDataError(f"{cwhere}: có hệ số nhưng chương trình không có mức chuẩn.")
        _periods_ok(spans, cwhere)
    rounding = item.get("rounding", 1)
    if isinstance(rounding, bool) or not isinstance(rounding, int) or rounding <= 0:
        raise RuleDataError(f"{where}: làm tròn «{rounding}» phải là số nguyên dương.")
    return ProgrammeRule(
        code=code, name=str(item.get("name", code)), kind=kind, source=str(item.get("source", "")),
        verified=bool(item.get("verified")), levels=tuple(sorted(levels, key=lambda lv: lv.valid_from)), categories=tuple(cats),
        exclusive_group=str(item.get("exclusive_group", "")), exclusive_source=str(item.get("exclusive_source", "")),
        rounding=rounding, position=int(item.get("position", 0)),
    )


def programmes_from_data(data: Any) -> list[ProgrammeRule]:
    if not isinstance(data, Mapping) or not isinstance(data.get("programmes"), list):
        raise RuleDataError("Tệp dữ liệu phải là một đối tượng JSON có danh sách «programmes».")
    progs = [programme_from_dict(item) for item in data["programmes"]]
    codes = [p.code for p in progs]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise RuleDataError(f"Mã chương trình bị trùng: {', '.join(dupes)}.")
    return progs
