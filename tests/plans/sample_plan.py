"""The small sample plan the plan tests share: its source text, its extraction, and builders."""

from __future__ import annotations

from typing import Any

from ansinh.documents.models import SourceDocument
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan

TEXT = "KẾ HOẠCH\nTỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025.\n1. Nhiệm vụ chung\n1.1. Rà soát hộ nghèo\n"

EXTRACTION: dict[str, Any] = {
    "doc": "mau",
    "meta": {"number": "12/KH-UBND", "date": "2024-05-02", "issuer": "Ủy ban nhân dân xã A", "level": "commune", "title": "Kế hoạch mẫu"},
    "targets": [
        {
            "text": "Tỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025",
            "indicator": "Tỷ lệ hộ nghèo",
            "comparator": "<",
            "value": 1,
            "value_max": None,
            "unit": "%",
            "year": 2025,
            "baseline": {"year": 2023, "value": 1.8, "text": "năm 2023: 1,8%"},
            "milestones": [{"year": 2024, "comparator": "<", "value": 1.5, "value_max": None}],
            "span": [9, 54],
        }
    ],
    "tasks": [
        {"number": "1", "title": "Nhiệm vụ chung", "lead": [], "coordinate": [], "timeline": None, "span": [55, 72]},
        {"number": "1.1", "title": "Rà soát hộ nghèo", "lead": ["UBND xã"], "coordinate": ["Công an xã"], "timeline": "Hằng năm", "span": [73, 94]},
    ],
    "reporting": [{"text": "báo cáo trước ngày 10/11 hằng năm", "frequency": "annual", "deadline_day": 10, "deadline_month": 11}],
    "funding": ["Ngân sách xã"],
    "funding_spans": [[0, 8]],
    "documents_to_issue": [],
    "projects": [{"name": "Nhà văn hóa", "group": "C", "amount_million_vnd": 1500.5, "period": "2024-2025"}],
}


def sample_document() -> SourceDocument:
    """The source document of ``TEXT`` (needs the database)."""
    return SourceDocument.objects.create(
        slug="mau", filename="mau.txt", media_type="text/plain", sha256="0" * 64, size_bytes=len(TEXT), text=TEXT
    )


def sample_plan() -> Plan:
    """``EXTRACTION`` imported as a draft plan over ``sample_document()``."""
    return do_import_plan(sample_document(), EXTRACTION)
