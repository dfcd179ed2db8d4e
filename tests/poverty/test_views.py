"""The review pages: a ward officer runs the steps on the web; another ward's officer may not; summaries and XLSX."""

from __future__ import annotations

import io
from typing import Any

import time_machine
from django.test import Client

from ansinh.poverty.models import ReviewEntry, ReviewRound


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_ward_officer_runs_the_four_steps_on_the_web(client: Client, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    client.force_login(officer_a)
    response = client.post("/ho-ngheo/", {"commune": ward_a.pk, "year": "2025"}, follow=True)
    round_ = ReviewRound.objects.get()
    assert "Đã lập danh sách hộ cần rà soát" in response.content.decode()
    url = f"/ho-ngheo/dot/{round_.pk}/"
    for code in ("H1", "H2"):
        client.post(url, {"buoc": "them_ho", "them_ho-code": code, "version": ReviewRound.objects.get().version})
    for entry, income, flags in zip(ReviewEntry.objects.order_by("household__code"), ("1.400.000", "2.500.000"), (3, 0), strict=True):
        data = {"income": income, "surveyed_on": "2025-10-05", "version": entry.version}
        data |= {f"chi_so_{c}": "on" for c in ("viec_lam", "bao_hiem_y_te", "nguon_nuoc_sinh_hoat")[:flags]}
        page = client.get(f"/ho-ngheo/phieu/{entry.pk}/").content.decode()
        assert "Bảo hiểm y tế" in page and "chưa xác minh" in page
        assert client.post(f"/ho-ngheo/phieu/{entry.pk}/", data).status_code == 302
    assert list(ReviewEntry.objects.order_by("household__code").values_list("proposed_class", flat=True)) == ["ngheo", "trung_binh"]
    v = lambda: ReviewRound.objects.get().version  # noqa: E731
    client.post(url, {"buoc": "hop_dan", "version": v(), "hop_dan-meeting_date": "2025-10-20", "hop_dan-minutes": "Nhất trí"})
    client.post(url, {"buoc": "niem_yet", "version": v(), "niem_yet-start": "2025-10-21", "niem_yet-end": "2025-10-27", "niem_yet-place": "Nhà văn hóa"})
    early = client.post(url, {"buoc": "cong_nhan", "version": v(), "cong_nhan-decided_on": "2025-10-26", "cong_nhan-decision_number": "QĐ 1"})
    assert early.status_code == 400 and "niêm yết công khai chưa kết thúc" in early.content.decode()
    client.post(url, {"buoc": "cong_nhan", "version": v(), "cong_nhan-decided_on": "2025-10-30", "cong_nhan-decision_number": "QĐ 1"})
    assert ReviewRound.objects.get().step == ReviewRound.Step.DONE
    summary = client.get("/ho-ngheo/tong-hop/?tinh=79&nam=2025&chuan=nd07-2021").content.decode()
    assert "Phường Sài Gòn" in summary or ward_a.name in summary
    xlsx = client.get("/ho-ngheo/tong-hop/?tinh=79&nam=2025&chuan=nd07-2021&dang=xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.content))
    rows = list(book["Tong hop"].iter_rows(values_only=True))
    assert rows[2][3] == "Số hộ nghèo" and rows[-1][3] == 1


def test_another_wards_officer_cannot_open_or_survey_the_round(client: Client, officer_a: Any, officer_b: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.poverty import actions

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[0])
    client.force_login(officer_b)
    assert client.get(f"/ho-ngheo/dot/{round_.pk}/").status_code == 404
    assert client.post(f"/ho-ngheo/phieu/{entry.pk}/", {"income": "1", "surveyed_on": "2025-10-01", "version": 1}).status_code == 404


def test_a_bad_survey_form_shows_vietnamese_errors_and_stores_nothing(client: Client, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.poverty import actions

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[0])
    client.force_login(officer_a)
    response = client.post(f"/ho-ngheo/phieu/{entry.pk}/", {"income": "-3", "surveyed_on": "hôm qua", "version": entry.version})
    html = response.content.decode()
    assert response.status_code == 400 and "Thu nhập không được âm." in html and "ngày không hợp lệ" in html
    entry.refresh_from_db()
    assert entry.income is None


def test_the_standards_page_marks_unverified_values(client: Client, officer_a: Any, standards: None) -> None:
    client.force_login(officer_a)
    html = client.get("/ho-ngheo/chuan/").content.decode()
    assert "2.200.000" in html and "chưa xác minh" in html and "NĐ 351/2025/NĐ-CP" in html
