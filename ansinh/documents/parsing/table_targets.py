"""Targets from annex tables of indicators: baseline, yearly milestones, final value.

A table row is merged into the text target naming the same indicator (by
word overlap and equal final value); a row no text names becomes a target.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.tables import Row, Table, table_kind, value_column
from ansinh.documents.parsing.targets import Target, _clean_number
from ansinh.documents.parsing.vocab import ZERO_CUE
from ansinh.lib.vnnumbers import parse_quantity

# The row under a form's header that numbers its columns ("(1) | (2) | (3)", "A | B | 1 | 2"): no indicator.
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")


def _rows(table: Table) -> list[Row]:
    """The table's rows without the row that numbers its columns."""
    return [
        row for row in table.rows
        if not (len(row.cells) >= 3 and all(_COLUMN_NUMBER.match(c.text) for c in row.cells if c.text)
                and sum(1 for c in row.cells if c.text) >= 3)
    ]


def _tokens(text: str) -> set[str]:
    return set(re.sub(r"[^0-9a-z%]+", " ", text).split())


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _cell_quantity(doc: Doc, text: str, start: int) -> tuple[str | None, float | None, float | None]:
    folded = doc.folded[start : start + len(text) + 40] if text else ""
    zero = ZERO_CUE.search(folded[: len(text) + 2] + " ho")
    if zero and zero.start() < 30 and not re.match(r"\s*(?:duoi|tren)", folded):
        return ("approx" if zero.group("basic") else "="), 0.0, None
    q = parse_quantity(text)
    if q is None:
        return None, None, None
    return q.comparator, q.value, q.value_max


def extract_table_targets(doc: Doc, tables: list[Table], targets: list[Target]) -> list[Target]:
    """Attach baselines and milestones from indicator tables; add rows no text target names."""
    added: list[Target] = []
    candidates: list[tuple[float, int, Target, Target]] = []
    rows: list[Target] = []
    for table in tables:
        if table_kind(table) != "targets":
            rows.extend(_criteria_rows(doc, table))
            continue
        ind_col = table.column(r"tieu chi|chi tieu|noi dung")
        years = table.year_columns()
        base_col = table.baseline_column()
        unit_col = table.column(r"^don vi(?: tinh)?$|^dvt$|don vi tinh")
        if ind_col is None:
            continue
        if not years:
            rows.extend(_single_value_rows(doc, table, ind_col, unit_col))
            continue
        for row in _rows(table):
            if len(row.cells) <= ind_col or not row.cells[ind_col].text:
                continue
            cell = row.cells[ind_col]
            milestones: list[dict[str, object]] = []
            for col, year in years:
                if col >= len(row.cells) or not row.cells[col].text:
                    continue
                comp, value, value_max = _cell_quantity(doc, row.cells[col].text, row.cells[col].start)
                if comp is None and value is None:
                    continue
                milestones.append({"year": year, "comparator": comp, "value": _clean_number(value),
                                   "value_max": _clean_number(value_max)})
            if not milestones:
                continue  # a row with words only ("Hoàn thành") states no value: not a target
            final = milestones[-1] if milestones else {"comparator": None, "value": None, "value_max": None}
            baseline = None
            if base_col is not None and row.get(base_col):
                bq = parse_quantity(row.get(base_col))
                baseline = {"year": table.baseline_year(), "value": _clean_number(bq.value) if bq else None,
                            "text": row.get(base_col)}
            indicator = cell.text.lstrip("-–+* ").rstrip(" :,")
            rows.append({
                "text": indicator, "indicator": indicator, "comparator": final["comparator"],
                "value": final["value"], "value_max": final["value_max"],
                "unit": _row_unit(row.get(unit_col) if unit_col is not None else "", row.get(years[-1][0])),
                "year": years[-1][1],
                "baseline": baseline, "milestones": milestones, "span": [row.start, row.end],
            })
    target_tokens = [
        (ind, ind | _tokens(fold_same_length(str(t["text"]))))
        for t in targets
        for ind in [_tokens(fold_same_length(str(t["indicator"])))]
    ]
    for ri, row_target in enumerate(rows):
        rt = _tokens(fold_same_length(str(row_target["indicator"])))
        for ti, target in enumerate(targets):
            ind_tokens, all_tokens = target_tokens[ti]
            sim = max(_dice(rt, ind_tokens), _dice(rt, all_tokens))
            same = _same(row_target["value"], target["value"]) and _same(row_target["value_max"], target["value_max"])
            on_path = same or any(_same(m.get("value"), target["value"]) for m in row_target["milestones"])  # type: ignore[attr-defined]
            # A row whose values never include the text's value measures something else, however alike the names.
            if (sim >= 0.5 and on_path) or (same and sim >= 0.25):
                candidates.append((sim + (0.5 if same else 0.0), ri, row_target, target))
    candidates.sort(key=lambda c: -c[0])
    used_rows: set[int] = set()
    used_targets: set[int] = set()
    for _, ri, row_target, target in candidates:
        if ri in used_rows or id(target) in used_targets:
            continue
        used_rows.add(ri)
        used_targets.add(id(target))
        target["milestones"] = row_target["milestones"]
        target["baseline"] = row_target["baseline"]
        if target.get("year") is None:
            target["year"] = row_target["year"]
    for ri, row_target in enumerate(rows):
        if ri not in used_rows:
            added.append(row_target)
    return added


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _row_unit(unit_cell: str, final_cell: str) -> str | None:
    """The unit of a table row: its "Đơn vị tính" cell, else a sign in the final value."""
    unit = unit_cell.strip()
    if unit:
        return unit
    return "%" if "%" in final_cell else None


# A group row of an indicator table that gives the year of the rows under it ("I. Đến năm 2030").
_GROUP_YEAR = re.compile(r"(?:den|trong|giai doan|nam)\D{0,20}?((?:19|20)\d\d)(?!\d)(?!.*(?:19|20)\d\d)")
_YEAR_IN = re.compile(r"(?:den|vao|cuoi)\s+nam\s+((?:19|20)\d\d)(?!\d)")
_PERIOD_HEAD = r"^(?:giai doan|thoi gian(?: hoan thanh| thuc hien| dat)?|thoi han|thoi diem|moc thoi gian|lo trinh)$"
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "≤ 3 Đông Nam Á; ≤ 50 Thế giới": several values in one cell, each with the scope it holds for.
_VALUE_PARTS = re.compile(r"\s*;\s*")


def _single_value_rows(doc: Doc, table: Table, ind_col: int, unit_col: int | None) -> list[Target]:
    """Targets of an indicator table with one value column; the year comes from its group rows or caption."""
    col = value_column(table)
    if col is None:
        return []
    caption_year = _YEAR_IN.findall(fold_same_length(table.caption or "").lower())
    year: int | None = int(caption_year[-1]) if caption_year else None
    # "TT | Chỉ tiêu | Đơn vị | Giai đoạn | Mục tiêu | …": a column of each row's period ("2026 - 2030", "Đến năm
    # 2030"); the row's value holds at the period's end.
    period_col = table.column(_PERIOD_HEAD)
    out: list[Target] = []
    for row in _rows(table):
        name_cell = row.get(ind_col)
        value_cell = row.get(col)
        if not name_cell:
            continue
        period_years = _ANY_YEAR.findall(row.get(period_col)) if period_col is not None and period_col != col else []
        if not value_cell:
            group = _GROUP_YEAR.search(fold_same_length(name_cell).lower())
            if group and len(name_cell.split()) <= 8:
                year = int(group.group(1))
            continue
        indicator = name_cell.lstrip("-–+* ").rstrip(" :,.")
        parts = [p for p in _VALUE_PARTS.split(value_cell) if p.strip()]
        start = row.cells[col].start
        for part in parts:
            comp, value, value_max = _cell_quantity(doc, part, start)
            if value is None:
                continue
            qualifier = re.sub(r"^[\s≤≥<>=]*[\d.,]+\s*%?\s*(?:-\s*[\d.,]+\s*%?)?", "", part).strip(" ,.")
            name = f"{indicator} ({qualifier})" if len(parts) > 1 and qualifier and len(qualifier.split()) <= 4 else indicator
            unit_cell = row.get(unit_col) if unit_col is not None else ""
            out.append({
                "text": indicator, "indicator": name, "comparator": comp,
                "value": _clean_number(value), "value_max": _clean_number(value_max),
                "unit": _row_unit(unit_cell, part), "year": int(period_years[-1]) if period_years else year,
                "baseline": None, "milestones": [], "span": [row.start, row.end],
            })
    return out


# A criteria set ("Bộ tiêu chí"): "TT | Tên tiêu chí | Nội dung tiêu chí | Đơn vị tính | Chỉ tiêu chung | …";
# the general column holds the value every unit must reach ("≤2", "≥75%", "Đạt"); per-group columns are not read.
_CRITERIA_NAME = r"noi dung (?:tieu chi|chi tieu)|ten (?:tieu chi|chi tieu)|^tieu chi$|^chi tieu$"
_CRITERIA_VALUE = r"^(?:chi tieu|muc tieu|muc dat|yeu cau)(?: chung| can dat| phai dat| dat)?(?: \(.*\))?$"
_PERIOD = re.compile(r"(?:giai doan|thoi ky)\s+(?:19|20)\d\d\s*-\s*((?:19|20)\d\d)|(?:den|vao)\s+nam\s+((?:19|20)\d\d)")


def _criteria_rows(doc: Doc, table: Table) -> list[Target]:
    """Targets of a criteria table: one per row whose general value column holds a number."""
    if table.year_columns():
        return []
    names = [i for i, head in enumerate(table.header) if re.search(_CRITERIA_NAME, head)]
    value_col = table.column(_CRITERIA_VALUE)
    if not names or value_col is None or value_col in names:
        return []
    name_col = names[-1]  # "Nội dung tiêu chí" after "Tên tiêu chí": the more precise one
    unit_col = table.column(r"^don vi(?: tinh)?$|^dvt$|don vi tinh")
    before = fold_same_length(doc.clean[max(0, table.start - 400) : table.start] + " " + (table.caption or "")).lower()
    periods = _PERIOD.findall(before)
    year = int(next(y for y in periods[-1] if y)) if periods else None
    out: list[Target] = []
    for row in _rows(table):
        name, value_cell = row.get(name_col) or row.get(names[0]), row.get(value_col)
        if not name or not value_cell or not re.search(r"\d", value_cell):
            continue
        comp, value, value_max = _cell_quantity(doc, value_cell, row.cells[value_col].start)
        if value is None:
            continue
        unit_cell = row.get(unit_col) if unit_col is not None else ""
        indicator = name.lstrip("-–+* ").rstrip(" :,.")
        out.append({
            "text": f"{indicator} {value_cell}", "indicator": indicator, "comparator": comp,
            "value": _clean_number(value), "value_max": _clean_number(value_max),
            "unit": _row_unit(unit_cell, value_cell), "year": year,
            "baseline": None, "milestones": [], "span": [row.start, row.end],
        })
    return out
