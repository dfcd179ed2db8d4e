"""A draft plan that no demo loads, with three targets and an annual reporting duty, for the linking tests."""

from __future__ import annotations

import datetime as dt

from ansinh.plans.models import Plan, ReportingDuty, Target
from ansinh.reporting.catalogue import load_catalogue


def draft_plan() -> Plan:
    """Kế hoạch 21/KH-UBND of Phường Sài Gòn, 2025–2026: poverty rate, jobs, a happiness score."""
    load_catalogue()
    plan = Plan.objects.create(
        number="21/KH-UBND", date=dt.date(2025, 8, 4), issuer="Ủy ban nhân dân phường Sài Gòn",
        level=Plan.Level.COMMUNE, title="Kế hoạch thực hiện chính sách an sinh xã hội năm 2025–2026",
        period_start=2025, period_end=2026,
    )
    Target.objects.create(plan=plan, position=0, text="Tỷ lệ hộ nghèo giảm còn dưới 0,5%", indicator_name="Tỷ lệ hộ nghèo",
                          comparator="<", value=0.5, unit="%", year=2026)
    Target.objects.create(plan=plan, position=1, text="Giải quyết việc làm cho 1.200 lượt người",
                          indicator_name="Số lượt người được giải quyết việc làm", comparator=">=", value=1200,
                          unit="lượt người", year=2026)
    Target.objects.create(plan=plan, position=2, text="Chỉ số hài lòng của người dân đạt trên 90 điểm",
                          indicator_name="Chỉ số hài lòng của người dân về dịch vụ xã hội", comparator=">", value=90,
                          unit="điểm", year=2026)
    ReportingDuty.objects.create(plan=plan, text="Báo cáo kết quả trước ngày 10/11 hằng năm", frequency="annual",
                                 deadline_day=10, deadline_month=11)
    return plan
