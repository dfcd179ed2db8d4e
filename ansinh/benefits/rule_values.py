"""The values of the entitlement calculator (``rules.py``): constants, the data error, and the frozen
dataclasses for programmes, categories, base levels, grants, facts, top-ups, lines and entitlements.

Split out of ``rules.py`` (which re-exports every name) so each module stays under ~400 lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

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


class _InForce:
    """``in_force(day)`` for the dated values below (a plain mixin: its annotations are not dataclass fields,
    so each dataclass keeps its own field order)."""

    valid_from: dt.date
    valid_to: dt.date | None

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Level(_InForce):
    amount: int
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    verified: bool


@dataclass(frozen=True)
class CategoryRule(_InForce):
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
class TopUp(_InForce):
    """A province's monthly amount on top of the national one (``category`` "": every category)."""

    province: str
    programme: str
    category: str
    amount: int
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    verified: bool


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
