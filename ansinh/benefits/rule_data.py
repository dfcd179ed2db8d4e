"""Parse and validate ``data/programmes.json`` into ``ProgrammeRule`` values (also used by the loader to
validate before writing); a bad value raises ``RuleDataError`` with a Vietnamese message.

Split out of ``rules.py`` (which re-exports every name) so each module stays under ~400 lines.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ansinh.benefits.rule_values import (
    HOUSEHOLD_CLASSES,
    MONTHLY,
    ONE_OFF,
    CategoryRule,
    Level,
    ProgrammeRule,
    RuleDataError,
)
from ansinh.core.errors import UserError


def read_json(path: Path) -> Any:
    """The JSON of a data file (programmes, top-ups); a missing or bad file raises ``UserError`` (Vietnamese)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp dữ liệu «{path}».") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UserError(f"Tệp «{path.name}» không phải JSON hợp lệ (UTF-8): {err}.") from None


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
