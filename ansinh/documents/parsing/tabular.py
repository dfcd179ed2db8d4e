"""Annex tables of documents to issue and of investment projects."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.tables import Table, table_kind
from ansinh.documents.parsing.unit_names import split_units
from ansinh.lib.text import fold
from ansinh.lib.vnnumbers import parse_vn

_DUE = re.compile(r"(h[aă]ng n[aă]m|quý\s+[ivx]+(?:\s+năm\s+\d{4})?|năm\s+\d{4}|\d{4})", re.IGNORECASE)
_PERIOD = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|(?:19|20)\d\d")
_ROMAN_TT = re.compile(r"^[IVX]{1,5}$")
_SECTOR = re.compile(r"^[A-ZĐ]\s*[.)]\s")
_TOTAL = re.compile(r"^(?:tong cong|tong so|cong)(?![a-z])")


def _group_due(text: str) -> str | None:
    m = _DUE.search(text)
    if not m:
        return None
    due = m.group(1)
    due = due[0].upper() + due[1:].lower()
    return re.sub(r"(Quý\s+)([ivx]+)", lambda x: x.group(1) + x.group(2).upper(), due, flags=re.IGNORECASE)


def extract_documents(doc: Doc, tables: list[Table]) -> list[dict[str, object]]:
    """Documents the plan schedules for issue (title, issuer, lead, partners, due)."""
    out: list[dict[str, object]] = []
    due: str | None = None
    for table in tables:
        if table_kind(table) != "documents":
            continue
        title_col = table.column(r"noi dung|ten van ban|van ban") or 1
        issuer_col = table.column(r"ban hanh")
        lead_col = table.column(r"chu tri")
        coord_col = table.column(r"phoi hop")
        due_col = table.column(r"thoi gian|thoi han|tien do")
        for row in table.rows:
            nonempty = [c for c in row.cells if c.text]
            if len(nonempty) == 1 and not re.match(r"^\d", nonempty[0].text):
                due = _group_due(nonempty[0].text) or due
                continue
            title = row.get(title_col)
            if not title:
                continue
            out.append({
                "title": title,
                "issuer": row.get(issuer_col) if issuer_col is not None else None,
                "lead": row.get(lead_col) or None if lead_col is not None else None,
                "coordinate": split_units(row.get(coord_col)) if coord_col is not None and row.get(coord_col) else [],
                "due": (row.get(due_col) if due_col is not None and row.get(due_col) else due),
                "span": [row.start, row.end],
            })
    return out


def extract_projects(doc: Doc, tables: list[Table]) -> list[dict[str, object]]:
    """Investment projects with their amount (million VND) and period."""
    out: list[dict[str, object]] = []
    for table in tables:
        if table_kind(table) != "projects":
            continue
        name_col = table.column(r"noi dung|ten du an|danh muc|du an") or 1
        amount_col = table.column(r"kinh phi|tong muc|von|trieu dong|ty dong")
        period_col = table.column(r"thoi gian|giai doan thuc hien|tien do")
        scale = 1000.0 if amount_col is not None and "ty dong" in table.header[amount_col] else 1.0
        group: str | None = None
        group_entry: dict[str, object] | None = None
        for row in table.rows:
            tt = row.get(0).strip()
            name = row.get(name_col)
            if not name:
                continue
            folded = fold(name)
            if _TOTAL.match(folded) or (_SECTOR.match(name) and not tt):
                group, group_entry = None, None
                continue
            amount_text = row.get(amount_col) if amount_col is not None else ""
            amount = parse_vn(amount_text, grouping=True) if amount_text else None
            period_text = row.get(period_col) if period_col is not None else ""
            pm = _PERIOD.search(period_text)
            period = re.sub(r"\s+", "", pm.group(0)) if pm else None
            entry: dict[str, object] = {
                "name": re.sub(r"^\s*\d{1,3}\s*[.)]\s*", "", name),
                "group": None,
                "amount_million_vnd": (amount * scale if amount is not None else None),
                "period": period,
                "span": [row.start, row.end],
            }
            if _ROMAN_TT.match(tt):
                group = squeeze(name)
                entry["group"] = group
                group_entry = entry
                if period:
                    out.append(entry)
                continue
            if group_entry is not None and group_entry in out:
                out.remove(group_entry)
            group_entry = None
            entry["group"] = group
            out.append(entry)
    return out
