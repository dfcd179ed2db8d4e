"""A stored (reviewed) plan written back in the extraction interchange format.

Corrected plans exported this way become gold files for evaluating the parser.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

from ansinh.core.errors import UserError
from ansinh.plans.models import Plan, TaskAssignment

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "documents" / "schema" / "plan-extract.schema.json"


class GoldError(UserError):
    """The export does not match the interchange schema; ``message`` is Vietnamese."""


def _span(item: Any) -> dict[str, list[int]]:
    if item.source_start is None or item.source_end is None:
        return {}
    return {"span": [item.source_start, item.source_end]}


def _num(value: Any) -> float | int | None:
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def plan_to_extraction(plan: Plan) -> dict[str, Any]:
    """The plan and its items as one interchange document (``plan-extract.schema.json``)."""
    document = plan.source_document
    targets = []
    for t in plan.targets.prefetch_related("milestones"):
        baseline = None
        if t.baseline_year is not None or t.baseline_value is not None or t.baseline_text:
            baseline = {"year": t.baseline_year, "value": _num(t.baseline_value), "text": t.baseline_text or None}
        targets.append(
            {
                "text": t.text,
                "indicator": t.indicator_name,
                "comparator": t.comparator or None,
                "value": _num(t.value),
                "value_max": _num(t.value_max),
                "unit": t.unit or None,
                "year": t.year,
                "baseline": baseline,
                "milestones": [
                    {"year": m.year, "comparator": m.comparator or None, "value": _num(m.value), "value_max": _num(m.value_max)}
                    for m in t.milestones.all()
                ],
                **_span(t),
            }
        )
    tasks = [
        {
            "number": task.number or None,
            "title": task.title,
            "lead": task.unit_names(TaskAssignment.Role.LEAD),
            "coordinate": task.unit_names(TaskAssignment.Role.COORDINATE),
            "timeline": task.timeline or None,
            **_span(task),
        }
        for task in plan.tasks.prefetch_related("assignments")
    ]
    reporting = [
        {
            "text": d.text,
            "frequency": d.frequency,
            "deadline_day": d.deadline_day,
            "deadline_month": d.deadline_month,
            "year": d.year,
            "recipient": d.recipient or None,
            **_span(d),
        }
        for d in plan.reporting_duties.all()
    ]
    funding = list(plan.funding_sources.all())
    return {
        "doc": document.slug if document else f"plan-{plan.pk}",
        "meta": {
            "number": plan.number or None,
            "date": plan.date.isoformat() if plan.date else None,
            "issuer": plan.issuer or None,
            "level": plan.level,
            "title": plan.title or None,
            "implements": list(plan.implements or []),
        },
        "targets": targets,
        "tasks": tasks,
        "reporting": reporting,
        "funding": [f.text for f in funding],
        "funding_spans": [[f.source_start, f.source_end] if f.has_span else None for f in funding],
        "documents_to_issue": [
            {"title": d.title, "issuer": d.issuer or None, "lead": d.lead or None, "coordinate": list(d.coordinate or []), "due": d.due or None, **_span(d)}
            for d in plan.documents_to_issue.all()
        ],
        "projects": [
            {"name": p.name, "group": p.group or None, "amount_million_vnd": _num(p.amount_million_vnd), "period": p.period or None, **_span(p)}
            for p in plan.projects.all()
        ],
    }


@functools.cache
def load_schema() -> dict[str, Any]:
    """The interchange schema shipped with the package (``documents/schema``)."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


# The schema rules a reviewer can break, in Vietnamese; any other falls back to a general sentence.
SCHEMA_RULES = {
    "type": "sai kiểu dữ liệu",
    "required": "thiếu trường bắt buộc",
    "enum": "giá trị không thuộc danh sách cho phép",
    "minimum": "giá trị quá nhỏ",
    "maximum": "giá trị quá lớn",
    "pattern": "không đúng định dạng",
    "minLength": "để trống",
    "additionalProperties": "có trường không có trong lược đồ",
}


def validate_extraction(data: dict[str, Any]) -> None:
    """Raise ``GoldError`` naming, in Vietnamese, the first place where ``data`` breaks the schema."""
    errors = sorted(jsonschema.Draft202012Validator(load_schema()).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "(gốc)"
        rule = SCHEMA_RULES.get(str(error.validator), "không hợp lệ")
        raise GoldError(f"Dữ liệu xuất không khớp lược đồ trao đổi tại «{where}»: {rule} (giá trị: {error.instance!r:.80}).")


def export_gold(plan: Plan) -> dict[str, Any]:
    data = plan_to_extraction(plan)
    validate_extraction(data)
    return data
