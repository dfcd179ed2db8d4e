"""A real plan nobody on the team wrote runs the whole loop through the web, with the test client.

The document is Lào Cai's Kế hoạch 134/KH-UBND (26/3/2026), a corpus text of the development part
(``tests/documents/corpus/docs/lc-ubnd-kh-134-2026.txt``), uploaded by the province's standing officer. From there
on only pages and forms: the review page, a catalogue indicator created from one of its targets on the linking
page, approval with the province as the area, the cycles the approval creates from the plan's own reporting
regime (monthly, before the 20th), a ward officer's report, the standing officer's approval, the progress page
and the annual DOCX report.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.plans.models import Plan
from ansinh.reporting.models import IndicatorValue, ReportingCycle, Submission
from tests.conftest import PASSWORD, _officer, _unit
from tests.web import messages_of, web

DOCUMENT = Path(__file__).parents[1] / "documents" / "corpus" / "docs" / "lc-ubnd-kh-134-2026.txt"
NOW = "2026-04-17 09:00 +0700"
TARGET_WORDS = "xử lý nước thải tập trung"


@pytest.fixture
def province(vn: Any) -> dict[str, Any]:
    """Lào Cai and Phường Cam Đường; the province's standing officer, a plan reviewer (as ``ansinh user create
    --role standing --unit 15 --plan-reviewer`` makes them), a ward officer, and a Hà Nội reviewer who must not."""
    from ansinh.accounts.actions import do_create_user

    lao_cai = _unit("15", "Lào Cai", "province", vn, "tỉnh")
    ward = _unit("02674", "Phường Cam Đường", "commune", lao_cai, "phường")
    hanoi = _unit("01", "Hà Nội", "province", vn, "thành phố")
    do_create_user(None, "lc_standing", PASSWORD, "standing", full_name="Sở Công Thương Lào Cai", unit=lao_cai,
                   plan_reviewer=True)
    do_create_user(None, "hn_reviewer", PASSWORD, "standing", full_name="Sở Nội vụ Hà Nội", unit=hanoi,
                   plan_reviewer=True)
    _officer(get_user_model(), "lc_ward", "Cán Bộ Cam Đường", "commune", ward)
    return {"province": lao_cai, "ward": ward, **{name: web(name) for name in ("lc_standing", "lc_ward", "hn_reviewer")}}


def upload(officer: Client) -> Plan:
    sent = SimpleUploadedFile(DOCUMENT.name, DOCUMENT.read_bytes(), content_type="text/plain")
    answer = officer.post("/van-ban/tai-len/", {"file": sent})
    assert answer.status_code == 302 and "/ra-soat/" in answer["Location"], answer.content.decode()[:2000]
    return Plan.objects.get(number="134/KH-UBND")


@time_machine.travel(NOW)
def test_a_real_provincial_plan_runs_from_upload_to_the_annual_report(province: dict[str, Any]) -> None:
    standing, ward_officer, stranger = province["lc_standing"], province["lc_ward"], province["hn_reviewer"]

    # 1. upload: the plan's own data and what the parser read, on the review page
    plan = upload(standing)  # the province's own standing agency uploads, links and approves its plan
    assert plan.date is not None and plan.date.isoformat() == "2026-03-26"
    review = standing.get(f"/ke-hoach/{plan.pk}/ra-soat/").content.decode()
    assert "Lào Cai" in review and TARGET_WORDS in review
    target = next(t for t in plan.targets.all() if TARGET_WORDS in t.indicator_name or TARGET_WORDS in t.text)
    assert target.value == 100 and target.unit == "%"
    monthly = plan.reporting_duties.filter(frequency="monthly")
    assert monthly.exists(), list(plan.reporting_duties.values_list("frequency", "text"))

    # 2. link: a new catalogue indicator made from the target on the linking page
    made = standing.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/tao-chi-tieu/", {
        "name": "Tỷ lệ khu công nghiệp có công trình xử lý nước thải tập trung đạt chuẩn", "unit": "%",
        "direction": "higher", "value_type": "percent", "aggregation": "ratio", "time_aggregation": "last",
    }, follow=True)
    assert "Đã tạo chỉ tiêu" in messages_of(made), messages_of(made)
    assert stranger.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": province["province"].pk, "xac_nhan": "1"}
                         ).status_code == 403  # another province's reviewer reads the plan but cannot approve it

    # 3. approve with the province as the area: the cycles come from the plan's own reporting regime
    approved = standing.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": province["province"].pk, "xac_nhan": "1"},
                          follow=True)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.area == province["province"], messages_of(approved)
    cycles = ReportingCycle.objects.filter(plan=plan).order_by("period_start")
    assert (plan.period_start, plan.period_end) == (2026, 2026)  # not 2025, the date of the resolution it cites
    # signed on 26 March: no report is owed on the months closed before it (January to March)
    assert [c.period_end.month for c in cycles] == list(range(4, 13)) and {c.year for c in cycles} == {2026}
    march = cycles.get(period_end__month=4)  # April's report: its figures close on 14 April
    assert all(d.due > march.period_end for d in march.deadlines.all())  # due after the month's figures close

    # 4. the ward officer opens the April report of the ward and sends a figure
    assert ward_officer.get(f"/bao-cao-dinh-ky/ky/{march.pk}/").status_code == 200
    opened = ward_officer.post(f"/bao-cao-dinh-ky/ky/{march.pk}/lap-bao-cao/", {"unit": province["ward"].pk})
    assert opened.status_code == 302, messages_of(ward_officer.get(f"/bao-cao-dinh-ky/ky/{march.pk}/"))
    form = ward_officer.get(opened["Location"]).content.decode()
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    assert "ind-0-numerator" in form and re.search(r'name="task-\d+-status"', form)  # the indicator, the plan's tasks
    # the tasks whose units include the communes come first; the departments' own are folded under them
    mine, _, others = form.partition('<details class="other-tasks"')
    assert [t.split()[0] for t in re.findall(r"<summary>([^<]*)", mine)] == ["II.1", "II.2", "II.3", "II.4", "II.5"]
    assert "Các nhiệm vụ khác của kế hoạch (8)" in others and "Ủy ban nhân dân cấp xã</span>" in mine
    assert "UBND cấp xã chủ trì, phối hợp với các Sở, ban ngành" in mine  # what the task asks, under its heading
    sent = ward_officer.post(opened["Location"], {
        "version": fields["version"], "ind-0-numerator": "3", "ind-0-denominator": "4",
        "ind-0-comment": "Một khu công nghiệp chưa xong trạm xử lý nước thải", "submit": "1"}, follow=True)
    submission = Submission.objects.get(cycle=march, unit=province["ward"])
    assert submission.status == Submission.Status.SUBMITTED, re.findall(r'class="[^"]*(?:error|errorlist)[^"]*"[^>]*>(.*?)</', sent.content.decode(), re.S)

    # 5. the province's standing officer approves it
    page = standing.get(f"/bao-cao-dinh-ky/{submission.pk}/").content.decode()
    version = re.findall(r'name="version" value="(\d+)"', page)[0]
    approved = standing.post(f"/bao-cao-dinh-ky/{submission.pk}/phe-duyet/", {"version": version}, follow=True)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED, messages_of(approved)
    value = IndicatorValue.objects.get(submission=submission)
    assert (value.numerator, value.denominator) == (3, 4)

    # 6. progress and the dashboard: the ward's 75% so far against the plan's 100%; 7. the annual report as DOCX
    progress = standing.get(f"/bao-cao-dinh-ky/tien-do/{plan.pk}/").content.decode()
    row = " ".join(re.sub(r"<[^>]+>", " ", progress.split(TARGET_WORDS, 1)[1].split("</tr>", 1)[0]).split())
    assert row.startswith("đạt chuẩn (%) 2026 75") and "đến báo cáo tháng 4 năm 2026" in row, row
    board = standing.get(f"/bao-cao/bang-dieu-khien/{plan.pk}/")
    shown = " ".join(re.sub(r"<[^>]+>", " ", board.content.decode()).split())
    assert "Thực hiện 2026 75 % đến báo cáo tháng 4 năm 2026" in shown and "Phường Cam Đường 75 Chậm tiến độ" in shown
    built = standing.post(f"/bao-cao/ke-hoach/{plan.pk}/bao-cao/2026/", {"kind": "annual", "format": "docx"})
    assert built.status_code == 200 and built["Content-Disposition"].endswith('.docx"')
    body = docx.Document(io.BytesIO(built.content))
    text = "\n".join(p.text for p in body.paragraphs) + "\n".join(
        cell.text for table in body.tables for row in table.rows for cell in row.cells)
    assert "Lào Cai, ngày 17 tháng 4 năm 2026" in text  # Decree 30's place: the province's own name
    assert "Tỷ lệ khu công nghiệp có công trình xử lý nước thải tập trung đạt chuẩn" in text
    assert "75 (đến báo cáo tháng 4 năm 2026)" in text  # the ward's April figure, and how far the year's goes
