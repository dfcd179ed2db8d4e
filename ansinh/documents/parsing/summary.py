"""A human-readable Vietnamese summary of an extraction (``ansinh plan parse --format text``)."""

from __future__ import annotations

from ansinh.lib.vnnumbers import format_vn

_COMPARATORS = {
    "<": "dưới",
    "<=": "không quá",
    ">": "trên",
    ">=": "từ … trở lên",
    "=": "đạt",
    "approx": "khoảng",
    "maintain": "duy trì",
    "range": "từ",
}
_FREQUENCIES = {
    "annual": "hằng năm",
    "semiannual": "6 tháng",
    "quarterly": "hằng quý",
    "monthly": "hằng tháng",
    "adhoc": "đột xuất",
    "once": "một lần",
}
_LEVELS = {
    "central": "trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "other": "khác",
}


def _num(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "—"
    return format_vn(value)


def _value(target: dict[str, object]) -> str:
    unit = target.get("unit") or ""
    comp = target.get("comparator")
    if target.get("value") is None:
        return "(không có số liệu)"
    if comp == "range":
        return f"từ {_num(target.get('value'))} đến {_num(target.get('value_max'))}{unit if unit in ('%', '‰') else ' ' + str(unit) if unit else ''}"
    words = _COMPARATORS.get(str(comp), "")
    amount = f"{_num(target.get('value'))}{unit if unit in ('%', '‰') else (' ' + str(unit)) if unit else ''}"
    if comp == ">=":
        return f"từ {amount} trở lên"
    return f"{words} {amount}".strip()


def _list(items: object) -> list[dict[str, object]]:
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def to_text_summary(result: dict[str, object]) -> str:
    """The extraction as Vietnamese text: header, targets, tasks, reporting, funding."""
    meta = result.get("meta") if isinstance(result.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    lines: list[str] = []
    title = meta.get("title") or "(không rõ trích yếu)"
    lines.append(f"KẾ HOẠCH: {title}")
    lines.append(f"Số: {meta.get('number') or '—'}   Ngày ban hành: {meta.get('date') or '—'}")
    level = _LEVELS.get(str(meta.get("level")), "—")
    lines.append(f"Cơ quan ban hành: {meta.get('issuer') or '—'} ({level})")
    implements = meta.get("implements") or []
    if isinstance(implements, list) and implements:
        lines.append("Thực hiện: " + "; ".join(str(x) for x in implements))
    targets = _list(result.get("targets"))
    lines.append("")
    lines.append(f"MỤC TIÊU, CHỈ TIÊU ({len(targets)})")
    for i, t in enumerate(targets, 1):
        year = f" — đến năm {t['year']}" if t.get("year") else ""
        lines.append(f"  {i}. {t.get('indicator')}: {_value(t)}{year}")
        milestones = _list(t.get("milestones"))
        if milestones:
            steps = ", ".join(f"{m.get('year')}: {_num(m.get('value'))}" for m in milestones)
            lines.append(f"     lộ trình: {steps}")
    tasks = _list(result.get("tasks"))
    lines.append("")
    lines.append(f"NHIỆM VỤ ({len(tasks)})")
    for t in tasks:
        lines.append(f"  {t.get('number') or '•'}. {t.get('title')}")
        lead, coordinate = t.get("lead"), t.get("coordinate")
        if isinstance(lead, list) and lead:
            lines.append("     Chủ trì: " + "; ".join(str(x) for x in lead))
        if isinstance(coordinate, list) and coordinate:
            lines.append("     Phối hợp: " + "; ".join(str(x) for x in coordinate))
        if t.get("timeline"):
            lines.append(f"     Thời gian: {t['timeline']}")
    reporting = _list(result.get("reporting"))
    lines.append("")
    lines.append(f"CHẾ ĐỘ BÁO CÁO ({len(reporting)})")
    for r in reporting:
        when = _FREQUENCIES.get(str(r.get("frequency")), str(r.get("frequency")))
        if r.get("deadline_day") and r.get("deadline_month"):
            when += f", trước ngày {r['deadline_day']}/{r['deadline_month']}"
        if r.get("year"):
            when += f", năm {r['year']}"
        to = f" → {r['recipient']}" if r.get("recipient") else ""
        lines.append(f"  - {when}{to}")
    funding = result.get("funding") or []
    if isinstance(funding, list) and funding:
        lines.append("")
        lines.append("KINH PHÍ")
        lines.extend(f"  - {x}" for x in funding)
    docs = _list(result.get("documents_to_issue"))
    if docs:
        lines.append("")
        lines.append(f"VĂN BẢN CẦN BAN HÀNH ({len(docs)})")
        lines.extend(f"  - {d.get('title')} ({d.get('due') or '—'})" for d in docs)
    projects = _list(result.get("projects"))
    if projects:
        lines.append("")
        lines.append(f"DỰ ÁN ĐẦU TƯ ({len(projects)})")
        for p in projects:
            amount = p.get("amount_million_vnd")
            money = f"{_num(amount)} triệu đồng" if amount is not None else "—"
            lines.append(f"  - {p.get('name')}: {money} ({p.get('period') or '—'})")
    return "\n".join(lines) + "\n"
