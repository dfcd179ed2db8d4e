"""Loading ``data/programmes.json`` into the tables, and reading them back as ``rules`` values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError

from ansinh.benefits import rules
from ansinh.benefits.models import (
    Authority,
    BaseLevel,
    Category,
    DocumentRequirement,
    ProcessingTime,
    Programme,
)
from ansinh.benefits.rule_data import read_json
from ansinh.core.errors import UserError

DATA = Path(__file__).resolve().parent / "data" / "programmes.json"


def read_data(path: Path | None = None) -> tuple[Any, list[rules.ProgrammeRule]]:
    """Read and validate the file; a bad file raises ``UserError`` (Vietnamese) before anything is written."""
    path = path or DATA
    data = read_json(path)
    try:
        parsed = rules.programmes_from_data(data)
        for item in data["programmes"]:
            where = f"Chương trình «{item['code']}»"
            for key in ("authorities", "processing"):
                rows = item.get(key) or []
                spans = [(rules._date(r.get("valid_from"), where), rules._maybe_date(r.get("valid_to"), where)) for r in rows]
                rules._periods_ok(spans, f"{where}, {'thẩm quyền' if key == 'authorities' else 'thời hạn'}")
            for r in item.get("authorities") or []:
                if not str(r.get("role", "")).strip():
                    raise rules.RuleDataError(f"{where}: thẩm quyền thiếu tên người quyết định (role).")
            for r in item.get("processing") or []:
                days = r.get("working_days")
                if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
                    raise rules.RuleDataError(f"{where}: thời hạn «{days}» phải là số ngày làm việc từ 1 đến 365.")
            _check_documents(item.get("documents") or [], where)
        return data, parsed
    except rules.RuleDataError as err:
        raise UserError(err.message) from None


@transaction.atomic
def load_programmes(path: Path | None = None) -> dict[str, int]:
    """Replace the base levels and categories of every programme in the file (idempotent, all or nothing)."""
    data, parsed = read_data(path)
    counts = {"programmes": 0, "base_levels": 0, "categories": 0, "authorities": 0}
    for item, prog in zip(data["programmes"], parsed, strict=True):
        row, _ = Programme.objects.update_or_create(
            code=prog.code,
            defaults={
                "name": prog.name, "kind": prog.kind, "exclusive_group": prog.exclusive_group,
                "exclusive_source": prog.exclusive_source, "rounding": prog.rounding, "position": prog.position,
                "authority": str(item.get("authority", "")), "source": prog.source, "verified": prog.verified,
                "note": str(item.get("note", "")),
            },
        )
        row.base_levels.all().delete()
        row.categories.all().delete()
        _replace_dated(row, item)
        _replace_documents(row, item.get("documents") or [])
        counts["authorities"] += len(item.get("authorities") or [])
        BaseLevel.objects.bulk_create(
            BaseLevel(programme=row, amount=lv.amount, valid_from=lv.valid_from, valid_to=lv.valid_to, source=lv.source, verified=lv.verified)
            for lv in prog.levels
        )
        Category.objects.bulk_create(
            Category(
                programme=row, code=c.code, name=c.name, coefficient=c.coefficient, amount=c.amount, age_min=c.age_min,
                age_below=c.age_below, household_classes=sorted(c.household_classes), conditions=sorted(c.conditions),
                per_child=c.per_child, stacks=c.stacks, valid_from=c.valid_from, valid_to=c.valid_to, source=c.source,
                verified=c.verified, note=c.note,
            )
            for c in prog.categories
        )
        counts["programmes"] += 1
        counts["base_levels"] += len(prog.levels)
        counts["categories"] += len(prog.categories)
    return counts


def _replace_dated(row: Programme, item: Any) -> None:
    """Authorities and processing times: rows referenced by dossiers are kept, others replaced."""
    for model, key in ((Authority, "authorities"), (ProcessingTime, "processing")):
        wanted = item.get(key) or []
        keep = set()
        for r in wanted:
            start = rules._date(r["valid_from"], row.code)
            values = {k: v for k, v in r.items() if k not in ("valid_from", "note")}  # a "note" documents the data only
            values["valid_to"] = rules._maybe_date(r.get("valid_to"), row.code)
            obj, _ = model.objects.update_or_create(programme=row, valid_from=start, defaults=values)
            keep.add(obj.pk)
        stale = model.objects.filter(programme=row).exclude(pk__in=keep)
        for obj in stale:
            try:
                with transaction.atomic():
                    obj.delete()
            except ProtectedError:
                pass


def _check_documents(rows: Any, where: str) -> None:
    if not isinstance(rows, list):
        raise rules.RuleDataError(f"{where}: «documents» phải là một danh sách giấy tờ.")
    seen: set[str] = set()
    for r in rows:
        texts = [r.get(k) if isinstance(r, dict) else None for k in ("code", "name", "source")]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise rules.RuleDataError(f"{where}: mỗi giấy tờ cần mã (code), tên (name) và căn cứ (source) là chữ.")
        if not isinstance(r.get("required", True), bool):
            raise rules.RuleDataError(f"{where}: «required» của giấy tờ «{texts[0]}» phải là true hoặc false.")
        code = str(texts[0]).strip()
        if code in seen:
            raise rules.RuleDataError(f"{where}: giấy tờ mã «{code}» bị lặp.")
        seen.add(code)


def _replace_documents(row: Programme, rows: list[dict[str, Any]]) -> None:
    """The programme's document checklist, replaced whole (attachments keep their code as text)."""
    row.documents.all().delete()
    DocumentRequirement.objects.bulk_create(
        DocumentRequirement(
            programme=row, code=r["code"], name=r["name"], required=bool(r.get("required", True)), position=i,
            source=r["source"], verified=bool(r.get("verified", False)),
        )
        for i, r in enumerate(rows)
    )


def ensure_loaded() -> None:
    if not Programme.objects.exists():
        load_programmes()


def programme_rules() -> list[rules.ProgrammeRule]:
    """Every stored programme as ``rules.ProgrammeRule`` (three queries)."""
    ensure_loaded()
    out = []
    for p in Programme.objects.prefetch_related("base_levels", "categories"):
        out.append(rules.ProgrammeRule(
            code=p.code, name=p.name, kind=p.kind, source=p.source, verified=p.verified,
            levels=tuple(
                rules.Level(lv.amount, lv.valid_from, lv.valid_to, lv.source, lv.verified)
                for lv in sorted(p.base_levels.all(), key=lambda lv: lv.valid_from)
            ),
            categories=tuple(
                rules.CategoryRule(
                    code=c.code, name=c.name, coefficient=c.coefficient, amount=c.amount, valid_from=c.valid_from,
                    valid_to=c.valid_to, source=c.source, verified=c.verified, age_min=c.age_min, age_below=c.age_below,
                    household_classes=frozenset(c.household_classes), conditions=frozenset(c.conditions),
                    per_child=c.per_child, stacks=c.stacks, note=c.note,
                )
                for c in p.categories.all()
            ),
            exclusive_group=p.exclusive_group, exclusive_source=p.exclusive_source, rounding=p.rounding, position=p.position,
        ))
    return out
