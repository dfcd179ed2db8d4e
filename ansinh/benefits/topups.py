"""Provinces' top-ups of a national monthly benefit (``data/topups.json``), read into ``rules.TopUp``.

A province may pay more than the national amount from its own budget (a resolution of its People's
Council), e.g. on top of the social pension. Each row: province code (as ``Person.province_code``),
programme, category (``""`` for every category of the programme), monthly amount in đồng, valid
from/to, legal source and ``verified`` (false: shown as "chưa xác minh"). No provincial figure has been
verified yet, so the shipped file is empty; tests use a clearly labelled example file.
``rules.monthly`` adds them; ``entitlements.compute_month`` passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ansinh.benefits import rules
from ansinh.benefits.rule_data import read_json
from ansinh.core.errors import UserError

DATA = Path(__file__).resolve().parent / "data" / "topups.json"


def topups_from_data(data: Any, programmes: Iterable[rules.ProgrammeRule] | None = None) -> tuple[rules.TopUp, ...]:
    """Validate and parse; a bad row raises ``rules.RuleDataError`` with a Vietnamese message."""
    if not isinstance(data, dict) or not isinstance(data.get("topups"), list):
        raise rules.RuleDataError("Tệp mức hỗ trợ thêm của tỉnh phải là một đối tượng JSON có danh sách «topups».")
    monthly = None if programmes is None else {p.code: p for p in programmes if p.kind == rules.MONTHLY}
    out: list[rules.TopUp] = []
    for i, row in enumerate(data["topups"], start=1):
        where = f"Mức hỗ trợ thêm dòng {i}"
        if not isinstance(row, dict):
            raise rules.RuleDataError(f"{where}: phải là một đối tượng JSON.")
        province, programme = str(row.get("province", "")).strip(), str(row.get("programme", "")).strip()
        category, source = str(row.get("category") or "").strip(), str(row.get("source", "")).strip()
        if not province.isdigit() or len(province) > 4:
            raise rules.RuleDataError(f"{where}: mã tỉnh «{province}» phải là chữ số (tối đa 4).")
        if not programme or not source:
            raise rules.RuleDataError(f"{where}: thiếu chương trình (programme) hoặc căn cứ (source).")
        if monthly is not None:
            prog = monthly.get(programme)
            if prog is None:
                raise rules.RuleDataError(f"{where}: «{programme}» không phải chương trình trợ cấp hằng tháng trong dữ liệu.")
            if category and category not in {c.code for c in prog.categories}:
                raise rules.RuleDataError(f"{where}: chương trình «{programme}» không có đối tượng «{category}».")
        if not isinstance(row.get("verified", False), bool):
            raise rules.RuleDataError(f"{where}: «verified» phải là true hoặc false.")
        out.append(rules.TopUp(
            province=province, programme=programme, category=category, amount=rules._money(row.get("amount"), where),
            valid_from=rules._date(row.get("valid_from"), where), valid_to=rules._maybe_date(row.get("valid_to"), where),
            source=source, verified=bool(row.get("verified", False)),
        ))
    keys = {(t.province, t.programme, t.category) for t in out}
    for key in sorted(keys):
        spans = [(t.valid_from, t.valid_to) for t in out if (t.province, t.programme, t.category) == key]
        rules._periods_ok(spans, f"Mức hỗ trợ thêm của tỉnh {key[0]}, «{key[1]}» {key[2] or '(mọi đối tượng)'}")
    return tuple(out)


def load_topups(path: Path | None = None, programmes: Iterable[rules.ProgrammeRule] | None = None) -> tuple[rules.TopUp, ...]:
    """Read the file (``DATA`` by default); a missing or bad file raises ``UserError`` (Vietnamese)."""
    path = path or DATA
    data = read_json(path)
    try:
        return topups_from_data(data, programmes)
    except rules.RuleDataError as err:
        raise UserError(err.message) from None
