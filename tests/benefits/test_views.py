"""Dossier pages: a ward officer files and prepares, the commune chairman decides; bad input is refused
in Vietnamese with nothing stored; another ward's officer and chairman see and do nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.benefits.actions import do_decide, do_file_dossier
from ansinh.benefits.models import Decision, Dossier, DossierAttachment

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NOW = "2025-09-15 09:00 +0700"


@time_machine.travel(NOW)
def test_an_officer_files_attaches_and_submits_and_the_chairman_decides_on_the_web(
    client: Client, officer_a: Any, chairman_a: Any, grandmother: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer_a)
    person_page = client.get(f"/so-ho/nhan-khau/{grandmother.registry_code}/").content.decode()
    assert "Lập hồ sơ đề nghị hưởng trợ cấp" in person_page
    form = client.get("/tro-cap/ho-so/?nguoi=BA0002").content.decode()
    assert 'value="BA0002"' in form
    response = client.post("/tro-cap/ho-so/?nguoi=BA0002", {"person": "BA0002", "programme": "huu-tri-xa-hoi", "received_on": "2025-09-05"})
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and dossier.due_on == dt.date(2025, 9, 19)
    url = f"/tro-cap/ho-so/{dossier.pk}/"
    page = client.get(url).content.decode()
    assert "Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội (Mẫu số 01)" in page and "còn thiếu" in page and "chưa xác minh" in page
    early = client.post(url, {"buoc": "trinh", "trinh-version": dossier.version})
    assert early.status_code == 400 and "còn thiếu giấy tờ bắt buộc" in early.content.decode()
    upload = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"buoc": "dinh_kem", "dinh_kem-version": dossier.version, "dinh_kem-document": "to-khai-mau-01",
                             "dinh_kem-file": upload}).status_code == 302
    dossier.refresh_from_db()
    assert client.post(url, {"buoc": "giao", "giao-version": dossier.version, "giao-officer": officer_a.pk}).status_code == 302
    dossier.refresh_from_db()
    assert client.post(url, {"buoc": "trinh", "trinh-version": dossier.version}).status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.SUBMITTED and dossier.officer_id == officer_a.pk
    # The officer may not sign: the commune chairman decides from 01/07/2025.
    refused = client.post(url, {"buoc": "quyet_dinh", "quyet_dinh-version": dossier.version, "quyet_dinh-granted": "1",
                                "quyet_dinh-category": "HTXH-75", "quyet_dinh-number": "12/QĐ-UBND", "quyet_dinh-signed_on": "2025-09-12"})
    assert refused.status_code == 403
    client.force_login(chairman_a)
    signed = client.post(url, {"buoc": "quyet_dinh", "quyet_dinh-version": dossier.version, "quyet_dinh-granted": "1",
                               "quyet_dinh-category": "HTXH-75", "quyet_dinh-number": "12/QĐ-UBND", "quyet_dinh-signed_on": "2025-09-12"})
    assert signed.status_code == 302
    decision = Decision.objects.get()
    assert decision.created_by == chairman_a and decision.authority is not None and decision.authority.decider_role == "chairman"
    page = client.get(url).content.decode()
    assert "Quyết định số 12/QĐ-UBND" in page and "Đúng hạn." in page
    client.force_login(officer_a)
    benefits = client.get(f"/tro-cap/nguoi/{grandmother.registry_code}/?thang=2025-10").content.decode()
    assert "500.000" in benefits and "NĐ 176/2025" in benefits and "12/QĐ-UBND" in benefits


@time_machine.travel(NOW)
def test_bad_dossier_forms_are_refused_in_vietnamese_and_store_nothing(
    client: Client, officer_a: Any, chairman_a: Any, grandmother: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer_a)
    for data, message in (
        ({"person": "", "programme": "huu-tri-xa-hoi", "received_on": "2025-09-05"}, "Hãy nhập mã số an sinh"),
        ({"person": "BA0002", "programme": "khong-co", "received_on": "2025-09-05"}, "Chương trình không hợp lệ"),
        ({"person": "BA0002", "programme": "huu-tri-xa-hoi", "received_on": "31/02/2025"}, "ngày không hợp lệ"),
        ({"person": "ZZ9999", "programme": "huu-tri-xa-hoi", "received_on": "2025-09-05"}, "Không có nhân khẩu mã"),
        ({"person": "BA0002", "programme": "huu-tri-xa-hoi", "received_on": "2025-12-01"}, "không được ở tương lai"),
    ):
        response = client.post("/tro-cap/ho-so/", data)
        assert response.status_code == 400 and message in response.content.decode(), message
    assert not Dossier.objects.exists()
    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    url = f"/tro-cap/ho-so/{dossier.pk}/"
    for name, content, message in (
        ("virus.exe", b"MZ....", "Không nhận loại tệp"),
        ("gia.pdf", b"not a pdf at all", "không đúng định dạng .pdf"),
    ):
        upload = SimpleUploadedFile(name, content)
        response = client.post(url, {"buoc": "dinh_kem", "dinh_kem-version": dossier.version, "dinh_kem-document": "to-khai-mau-01", "dinh_kem-file": upload})
        assert response.status_code == 400 and message in response.content.decode(), message
    wrong_doc = client.post(url, {"buoc": "dinh_kem", "dinh_kem-version": dossier.version, "dinh_kem-document": "ban-khai",
                                  "dinh_kem-file": SimpleUploadedFile("a.pdf", PDF)})
    assert "Giấy tờ không có trong danh mục hồ sơ" in wrong_doc.content.decode()
    stale = client.post(url, {"buoc": "giao", "giao-version": dossier.version + 5, "giao-officer": officer_a.pk})
    assert stale.status_code == 400 and "người khác thay đổi" in stale.content.decode()
    not_ours = client.post(url, {"buoc": "giao", "giao-version": dossier.version, "giao-officer": chairman_a.pk})
    assert "không thuộc xã, phường của hồ sơ" in not_ours.content.decode()
    client.force_login(chairman_a)
    for data, message in (
        ({"quyet_dinh-granted": "1", "quyet_dinh-category": "", "quyet_dinh-number": "1/QĐ", "quyet_dinh-signed_on": "2025-09-10"}, "Hãy chọn đối tượng hưởng"),
        ({"quyet_dinh-granted": "1", "quyet_dinh-category": "HTXH-75", "quyet_dinh-number": "1/QĐ", "quyet_dinh-signed_on": "2025-09-01"}, "trước ngày tiếp nhận"),
        ({"quyet_dinh-granted": "1", "quyet_dinh-category": "HTXH-75", "quyet_dinh-number": "1/QĐ", "quyet_dinh-signed_on": "2025-10-01"}, "không được ở tương lai"),
        ({"quyet_dinh-granted": "0", "quyet_dinh-number": "1/QĐ", "quyet_dinh-signed_on": "2025-09-10"}, "Hãy ghi lý do"),
        ({"quyet_dinh-granted": "1", "quyet_dinh-category": "HTXH-75", "quyet_dinh-number": "", "quyet_dinh-signed_on": "2025-09-10"}, "Hãy ghi số quyết định"),
    ):
        response = client.post(url, {"buoc": "quyet_dinh", "quyet_dinh-version": dossier.version, **data})
        assert response.status_code == 400 and message in response.content.decode(), message
    assert not Decision.objects.exists() and not DossierAttachment.objects.exists()
    assert Dossier.objects.get().status == Dossier.Status.RECEIVED


@time_machine.travel(NOW)
def test_another_wards_officer_and_chairman_see_nothing_and_cannot_decide(
    client: Client, officer_a: Any, officer_b: Any, chairman_b: Any, grandmother: Any
) -> None:
    from ansinh.core.errors import UserError

    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    for user in (officer_b, chairman_b):
        client.force_login(user)
        assert client.get(f"/tro-cap/ho-so/{dossier.pk}/").status_code == 404
        assert "Phạm Thị Hoa" not in client.get("/tro-cap/ho-so/?loc=tat_ca").content.decode()
        assert client.get(f"/tro-cap/nguoi/{grandmother.registry_code}/").status_code == 404
    try:
        do_decide(chairman_b, dossier, dossier.version, signed_on=dt.date(2025, 9, 10), number="1/QĐ", granted=True, category_code="HTXH-75")
    except UserError as err:
        assert "không giữ vai trò đó" in err.message
    assert not Decision.objects.exists()
    client.force_login(officer_b)
    assert client.post("/tro-cap/ho-so/", {"person": "BA0002", "programme": "huu-tri-xa-hoi", "received_on": "2025-09-05"}).status_code == 400
    assert Dossier.objects.count() == 1


@time_machine.travel("2025-10-01 09:00 +0700")
def test_the_queue_lists_overdue_dossiers_first_and_its_queries_do_not_grow(
    client: Client, officer_a: Any, chairman_a: Any, ward_a: Any, grandmother: Any, django_assert_max_num_queries: Any
) -> None:
    from ansinh.registry.models import Person

    for i in range(6):
        person = Person.objects.create(registry_code=f"BQ{i:04d}", full_name=f"Người Chờ {i}", name_folded=f"nguoi cho {i}", sex="nam",
                                       commune=ward_a, province_code="79", birth_date=dt.date(1940, 1, 1))
        do_file_dossier(officer_a, person, "huu-tri-xa-hoi", dt.date(2025, 9, 1 + i))
    client.force_login(officer_a)
    with django_assert_max_num_queries(14):
        page = client.get("/tro-cap/ho-so/?loc=qua_han").content.decode()
    assert page.count("quá hạn") >= 6 and page.index("Người Chờ 0") < page.index("Người Chờ 5")
    assert "Không có hồ sơ nào" in client.get("/tro-cap/ho-so/?loc=cho_quyet_dinh").content.decode()


@time_machine.travel("2025-10-01 09:00 +0700")
def test_the_on_time_page_shows_the_share_per_month_and_commune_with_a_chart(
    client: Client, officer_a: Any, chairman_a: Any, supervisor: Any, ward_a: Any, ward_b: Any, grandmother: Any,
    django_assert_max_num_queries: Any,
) -> None:
    on_time = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))  # due 19/9
    do_decide(chairman_a, on_time, on_time.version, signed_on=dt.date(2025, 9, 18), number="1/QĐ", granted=False, reason="có lương hưu")
    do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 8))  # due 22/9, overdue
    client.force_login(supervisor)
    with django_assert_max_num_queries(12):
        page = client.get("/tro-cap/dung-han/?nam=2025").content.decode()
    assert '<svg class="chart"' in page and "tháng 9: 50%" in page
    assert ward_a.name in page and "1/2" in page and "<script" not in page
    bad = client.get("/tro-cap/dung-han/?unit=99999")
    assert bad.status_code == 403


@time_machine.travel("2025-08-05 09:00 +0700")
def test_the_person_page_explains_each_stored_amount_and_lists_the_payments(
    client: Client, elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any, django_assert_max_num_queries: Any
) -> None:
    from ansinh.benefits.actions_payments import do_approve_list, do_prepare_run
    from ansinh.benefits.models import PaymentList

    for month in (dt.date(2025, 6, 1), dt.date(2025, 7, 1)):
        do_prepare_run(officer_a, ward_a, month)
        plist = PaymentList.objects.get(month=month)
        do_approve_list(officer_a2, plist, plist.version)
    client.force_login(officer_a)
    with django_assert_max_num_queries(25):
        page = client.get(f"/tro-cap/nguoi/{elder.registry_code}/?thang=2025-07").content.decode()
    assert "K5c" in page and "500.000" in page and "NĐ 20/2021" in page and "chưa xác minh" in page
    assert "Tiền mặt tại xã" in page and "chưa có tài khoản đã duyệt" in page
    bad = client.get(f"/tro-cap/nguoi/{elder.registry_code}/?thang=2025-13")
    assert bad.status_code == 400 and "không hợp lệ" in bad.content.decode()


@time_machine.travel(NOW)
def test_a_second_active_social_assistance_decision_is_refused_on_the_web_and_the_dossier_page_has_fixed_queries(
    client: Client, officer_a: Any, chairman_a: Any, grandmother: Any, django_assert_max_num_queries: Any
) -> None:
    first = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 8, 1))
    do_decide(chairman_a, first, first.version, signed_on=dt.date(2025, 8, 5), number="4/QĐ", granted=True, category_code="K5c")
    second = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 9, 1))
    client.force_login(chairman_a)
    url = f"/tro-cap/ho-so/{second.pk}/"
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    response = client.post(url, {"buoc": "quyet_dinh", "quyet_dinh-version": second.version, "quyet_dinh-granted": "1",
                                 "quyet_dinh-category": "K5c", "quyet_dinh-number": "5/QĐ", "quyet_dinh-signed_on": "2025-09-05"})
    assert response.status_code == 400 and "còn hiệu lực" in response.content.decode()
    assert Decision.objects.count() == 1 and Dossier.objects.get(pk=second.pk).status == Dossier.Status.RECEIVED
