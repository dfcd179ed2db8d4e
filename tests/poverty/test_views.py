"""The review pages: a ward officer runs the steps on the web; another ward's officer may not; summaries and XLSX."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import time_machine
from django.test import Client

from ansinh.poverty.models import ReviewEntry, ReviewRound


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_ward_officer_runs_the_four_steps_on_the_web(client: Client, chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
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
    assert "1.400.000" in client.get(url).content.decode()  # numbers through lib.vnnumbers
    v = lambda: ReviewRound.objects.get().version  # noqa: E731
    client.post(url, {"buoc": "hop_dan", "version": v(), "hop_dan-meeting_date": "2025-10-20", "hop_dan-minutes": "Nhất trí"})
    client.post(url, {"buoc": "niem_yet", "version": v(), "niem_yet-start": "2025-10-21", "niem_yet-end": "2025-10-27", "niem_yet-place": "Nhà văn hóa"})
    step4 = {"buoc": "cong_nhan", "cong_nhan-decided_on": "2025-10-30", "cong_nhan-decision_number": "QĐ 1"}
    refused = client.post(url, step4 | {"version": v()})  # the officer who surveyed is not the competent authority
    assert refused.status_code == 400 and "Chỉ Chủ tịch Ủy ban nhân dân cấp xã" in refused.content.decode()
    client.force_login(chairman_a)
    assert "Công nhận kết quả" in client.get(url).content.decode()
    early = client.post(url, step4 | {"version": v(), "cong_nhan-decided_on": "2025-10-26"})
    assert early.status_code == 400 and "niêm yết công khai chưa kết thúc" in early.content.decode()
    client.post(url, step4 | {"version": v()})
    assert ReviewRound.objects.get().step == ReviewRound.Step.DONE
    client.force_login(officer_a)
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
    assert "02/2022/TT-BLĐTBXH" in html and "Điểm chuẩn nghèo" in html and "câu hỏi chấm điểm (điểm chưa xác minh)" in html


def test_an_excel_survey_is_imported_and_a_bad_one_is_refused_cell_by_cell(client: Client, officer_a: Any, ward_a: Any, households: list[Any], tmp_path: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from ansinh.poverty import actions

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    actions.do_add_applicant(officer_a, round_, households[0])
    client.force_login(officer_a)

    def xlsx(rows: list[list[Any]]) -> SimpleUploadedFile:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["ma_ho", "khu_vuc", "thu_nhap_binh_quan", "so_chi_so_thieu_hut"])
        for row in rows:
            sheet.append(row)
        path = tmp_path / "p.xlsx"
        book.save(path)
        return SimpleUploadedFile("phieu.xlsx", path.read_bytes())

    bad = client.post(f"/ho-ngheo/dot/{round_.pk}/nhap-phieu/", {"file": xlsx([["H1", "thanh_thi", -1, 3], ["H7", "thanh_thi", 5, 1]])}, follow=True)
    html = bad.content.decode()
    assert "Dòng 2, cột thu_nhap_binh_quan: thu nhập «-1» là số âm." in html and not ReviewEntry.objects.filter(income__isnull=False).exists()
    ok = client.post(f"/ho-ngheo/dot/{round_.pk}/nhap-phieu/", {"file": xlsx([["H1", "thanh_thi", 1_000_000, 3]])}, follow=True)
    assert "Đã nhập phiếu khảo sát của 1 hộ" in ok.content.decode()
    assert ReviewEntry.objects.get().proposed_class == "ngheo"


@time_machine.travel("2025-11-05 09:00 +0700")
def test_the_history_and_certificate_of_a_recognised_household(chairman_a: Any, client: Client, officer_a: Any, officer_b: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.poverty import actions
    from ansinh.poverty.models import HouseholdStatus
    from tests.poverty.test_review import run_to_posting

    round_ = run_to_posting(officer_a, ward_a, households)
    actions.do_recognise(chairman_a, round_, dt.date(2025, 10, 30), "QĐ 12")
    client.force_login(officer_a)
    html = client.get(f"/ho-ngheo/ho/{households[0].pk}/").content.decode()
    assert "Hộ nghèo" in html and "nd07-2021" in html and "QĐ 12" in html
    status = HouseholdStatus.objects.get(household=households[0])
    assert "GIẤY CHỨNG NHẬN HỘ NGHÈO NĂM 2025" in client.get(f"/ho-ngheo/giay-chung-nhan/{status.pk}/").content.decode()
    client.force_login(officer_b)
    assert client.get(f"/ho-ngheo/giay-chung-nhan/{status.pk}/").status_code == 404


def test_the_round_and_summary_pages_do_not_query_per_household(client: Client, officer_a: Any, ward_a: Any, households: list[Any], django_assert_max_num_queries: Any) -> None:
    from ansinh.poverty import actions
    from ansinh.registry.models import Household

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    more = Household.objects.bulk_create(Household(code=f"X{i}", commune=ward_a, province_code="79") for i in range(60))
    for hh in [*households, *more]:
        actions.do_add_applicant(officer_a, round_, hh)
    client.force_login(officer_a)
    with django_assert_max_num_queries(25):
        assert client.get(f"/ho-ngheo/dot/{round_.pk}/").status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get("/ho-ngheo/tong-hop/?tinh=79&nam=2025").status_code == 200


def test_the_village_meeting_changes_one_households_result_and_a_bad_line_stores_nothing(
    client: Client, officer_a: Any, ward_a: Any, households: list[Any]
) -> None:
    from ansinh.poverty import actions

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    for hh, income in zip(households[:2], (1_900_000, 2_500_000), strict=True):
        entry = actions.do_add_applicant(officer_a, round_, hh)
        actions.do_record_survey(officer_a, entry, income, [], dt.date(2025, 10, 5))
    client.force_login(officer_a)
    url = f"/ho-ngheo/dot/{round_.pk}/"
    base = {"buoc": "hop_dan", "hop_dan-meeting_date": "2025-10-20", "hop_dan-minutes": "Nhất trí, trừ hộ H2"}
    bad = client.post(url, base | {"version": ReviewRound.objects.get().version, "hop_dan-changes": "H2: giàu\nH1 cận nghèo"})
    html = bad.content.decode()
    assert bad.status_code == 400 and "Dòng 1: «giàu» không phải phân loại" in html and "Dòng 2: hãy viết «mã hộ: phân loại»." in html
    unknown = client.post(url, base | {"version": ReviewRound.objects.get().version, "hop_dan-changes": "H9: nghèo"})
    assert unknown.status_code == 400 and "Hộ «H9» không có trong đợt rà soát này" in unknown.content.decode()
    assert ReviewRound.objects.get().meeting_date is None
    client.post(url, base | {"version": ReviewRound.objects.get().version, "hop_dan-changes": "H2: cận nghèo"})
    got = dict(ReviewEntry.objects.values_list("household__code", "meeting_class"))
    assert got == {"H1": "can_ngheo", "H2": "can_ngheo"}  # H1 as classified (urban, 1.9 M, no deprivation); H2 changed by the meeting
