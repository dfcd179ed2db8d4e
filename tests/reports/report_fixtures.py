"""The province plan the report tests share: its extraction and a builder (``report_plan`` is in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ansinh.documents.models import SourceDocument
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan
from ansinh.reporting.models import ReportingCycle

HCMC_EXTRACTION: dict[str, Any] = {
    "meta": {
        "number": "123/KH-UBND",
        "date": "2024-06-20",
        "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "level": "province",
        "title": "Kế hoạch thực hiện Chương trình hành động số 53-CTrHĐ/TU",
        "implements": ["Chương trình hành động số 53-CTrHĐ/TU", "Nghị quyết số 42-NQ/TW"],
    },
    "targets": [
        {"text": "Tỷ lệ hộ nghèo dưới 1% năm 2025", "indicator": "Tỷ lệ hộ nghèo", "comparator": "<", "value": 1,
         "unit": "%", "year": 2025, "milestones": [{"year": 2024, "comparator": "<", "value": 1.5}]},
        {"text": "Tỷ lệ tham gia bảo hiểm y tế đạt 95%", "indicator": "Tỷ lệ dân số tham gia bảo hiểm y tế",
         "comparator": ">=", "value": 95, "unit": "%", "year": 2025, "milestones": []},
        {"text": "Xây mới nhà văn hóa", "indicator": "Số nhà văn hóa xây mới", "comparator": ">=", "value": 10,
         "unit": "nhà", "year": 2030, "milestones": []},
    ],
    "tasks": [
        {"number": "1", "title": "Công tác tuyên truyền", "lead": ["Sở Văn hóa"], "coordinate": []},
        {"number": "1.1", "title": "Tổ chức hội nghị", "lead": ["Sở Nội vụ"], "coordinate": []},
        {"number": "2", "title": "Giảm nghèo bền vững", "lead": ["Sở Nội vụ"], "coordinate": []},
    ],
    "reporting": [{"text": "báo cáo trước 05/11", "frequency": "annual", "deadline_day": 5, "deadline_month": 11,
                   "recipient": "Thành ủy"}],
}


@dataclass
class Fixture:
    plan: Plan
    cycle: ReportingCycle


def make_plan(extraction: dict[str, Any] = HCMC_EXTRACTION, slug: str = "hcm") -> Plan:
    doc = SourceDocument.objects.create(
        slug=slug, filename=f"{slug}.txt", media_type="text/plain", sha256=slug.ljust(64, "0"), size_bytes=1, text="x"
    )
    plan = do_import_plan(doc, extraction)
    return plan
