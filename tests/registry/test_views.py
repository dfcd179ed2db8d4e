"""Registry pages: scope, masking, the privacy log, upload with preview, export with a purpose."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.registry.importer import import_file
from ansinh.registry.models import ChangeRequest, Person, PersonAccess, PersonAccessItem
from tests.conftest import PASSWORD
from tests.registry.conftest import FAMILY, csv_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_a_ward_officer_finds_a_person_without_diacritics_in_any_order_and_the_list_is_logged(family: Any, officer_a: Any) -> None:
    response = client_for(officer_a).get("/so-ho/", {"q": "an nguyen van"})
    assert response.status_code == 200
    assert "Nguyễn Văn An" in response.content.decode()
    access = PersonAccess.objects.get(kind="search")
    assert (access.user, access.query, access.count) == (officer_a, "an nguyen van", 1)


def test_a_ward_officer_cannot_read_another_wards_person(family: Any, officer_b: Any) -> None:
    client = client_for(officer_b)
    assert "Nguyễn Văn An" not in client.get("/so-ho/", {"q": "nguyen van an"}).content.decode()
    response = client.get(f"/so-ho/nhan-khau/{family['R1'].registry_code}/")
    assert response.status_code == 404
    assert PersonAccessItem.objects.count() == 0


def test_a_person_page_shows_the_id_to_the_commune_and_masks_it_for_the_province(family: Any, officer_a: Any, hcm_standing: Any) -> None:
    url = f"/so-ho/nhan-khau/{family['R1'].registry_code}/"
    assert "079070012345" in client_for(officer_a).get(url).content.decode()
    page = client_for(hcm_standing).get(url).content.decode()
    assert "079070012345" not in page and "079*******45" in page and "0901234567" not in page
    assert PersonAccess.objects.filter(kind="view").count() == 2


def test_a_supervisor_sees_counts_never_persons(family: Any, supervisor: Any) -> None:
    client = client_for(supervisor)
    page = client.get("/so-ho/", {"q": "nguyen"}).content.decode()
    assert "chỉ xem số liệu tổng hợp" in page and "Nguyễn Văn An" not in page
    assert client.get(f"/so-ho/nhan-khau/{family['R1'].registry_code}/").status_code == 404


def test_the_person_page_query_count_does_not_grow_with_the_household(family: Any, officer_a: Any, django_assert_max_num_queries: Any) -> None:
    client = client_for(officer_a)
    with django_assert_max_num_queries(16):
        assert client.get(f"/so-ho/nhan-khau/{family['R1'].registry_code}/").status_code == 200


def test_an_export_needs_a_purpose_and_escapes_formula_cells(family: Any, officer_a: Any) -> None:
    Person.objects.filter(ma_ban_ghi="R2").update(ethnicity="=cmd|' /C calc'!A0")
    client = client_for(officer_a)
    refused = client.post("/so-ho/xuat/", {"purpose": ""})
    assert refused.status_code == 400 and "mục đích" in refused.content.decode()
    response = client.post("/so-ho/xuat/", {"purpose": "Rà soát hộ nghèo 2026"})
    text = response.content.decode("utf-8-sig")
    assert "'=cmd" in text and "\n=cmd" not in text and ",=cmd" not in text
    assert PersonAccess.objects.get(kind="export").count == 4


def test_the_data_subject_report_lists_who_read_the_person(family: Any, officer_a: Any) -> None:
    client = client_for(officer_a)
    code = family["R1"].registry_code
    client.get(f"/so-ho/nhan-khau/{code}/")
    response = client.get(f"/so-ho/nhan-khau/{code}/bao-cao/", {"muc_dich": "Theo đơn của ông An"})
    data = json.loads(response.content)
    assert data["person"]["registry_code"] == code
    assert [r["kind"] for r in data["reads"]] == ["Xem trang nhân khẩu"]


def test_uploading_a_file_previews_then_applies_all_or_nothing(ward_a: Any, officer_a: Any) -> None:
    client = client_for(officer_a)
    upload = SimpleUploadedFile("ho.csv", csv_bytes(FAMILY), content_type="text/csv")
    assert client.post("/so-ho/nhap/", {"file": upload}).status_code == 302
    preview = client.get("/so-ho/nhap/xem-truoc/")
    assert "4 nhân khẩu mới" in preview.content.decode()
    assert Person.objects.count() == 0
    mapping = {f"cot_{i}": c for i, c in enumerate(["ma_ban_ghi", "ma_ho", "ma_xa", "khu_vuc", "dia_chi", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "quan_he", "dan_toc", "so_dien_thoai"])}
    assert client.post("/so-ho/nhap/xem-truoc/", {**mapping, "apply": "1"}).status_code == 302
    assert Person.objects.count() == 4


def test_an_upload_with_a_bad_row_shows_vietnamese_errors_and_stores_nothing(ward_a: Any, officer_a: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[1][8] = "12345"
    client = client_for(officer_a)
    client.post("/so-ho/nhap/", {"file": SimpleUploadedFile("ho.csv", csv_bytes(rows))})
    page = client.post("/so-ho/nhap/xem-truoc/", {"apply": "1"}).content.decode()
    assert "Dòng 3" in page and "12 chữ số" in page
    assert Person.objects.count() == 0


def test_an_upload_of_another_kind_of_file_is_refused(ward_a: Any, officer_a: Any) -> None:
    response = client_for(officer_a).post("/so-ho/nhap/", {"file": SimpleUploadedFile("ho.pdf", b"%PDF-1.4")})
    assert response.status_code == 400 and "Chỉ nhận tệp" in response.content.decode()


def test_filing_and_approving_a_change_on_the_web(family: Any, officer_a: Any, officer_a2: Any) -> None:
    code = family["R1"].registry_code
    response = client_for(officer_a).post(f"/so-ho/nhan-khau/{code}/thay-doi/", {"kind": "correct_person", "full_name": "Nguyễn Văn Ân", "reason": "Theo giấy khai sinh"})
    change = ChangeRequest.objects.get()
    assert response.status_code == 302 and change.status == "submitted"
    client_for(officer_a2).post(f"/so-ho/thay-doi/{change.pk}/duyet/", {"version": change.version})
    assert Person.objects.get(pk=family["R1"].pk).full_name == "Nguyễn Văn Ân"


def test_a_bad_change_form_is_refused_in_vietnamese(family: Any, officer_a: Any) -> None:
    code = family["R1"].registry_code
    response = client_for(officer_a).post(f"/so-ho/nhan-khau/{code}/thay-doi/", {"kind": "correct_person", "personal_id": "123", "reason": "x"})
    assert response.status_code == 400 and "12 chữ số" in response.content.decode()
    assert ChangeRequest.objects.count() == 0


def test_a_change_form_without_a_kind_or_with_an_unknown_household_is_refused_and_stores_nothing(family: Any, officer_a: Any) -> None:
    client = client_for(officer_a)
    code = family["R1"].registry_code
    household = family["R1"].memberships.get().household
    no_kind = client.post(f"/so-ho/nhan-khau/{code}/thay-doi/", {"kind": "", "reason": "x"})
    moved = client.post(f"/so-ho/nhan-khau/{code}/thay-doi/", {"kind": "move_person", "target_code": "KHONG-CO", "reason": "x"})
    merged = client.post(f"/so-ho/ho/{household.pk}/thay-doi/", {"kind": "merge_households", "target_code": "KHONG-CO", "reason": "x"})
    assert no_kind.status_code == 400 and "Hãy chọn loại thay đổi." in no_kind.content.decode()
    assert moved.status_code == 400 and "Không tìm thấy hộ chuyển đến trong xã, phường này." in moved.content.decode()
    assert merged.status_code == 400 and "Không tìm thấy hộ nhận trong xã, phường này." in merged.content.decode()
    assert ChangeRequest.objects.count() == 0


def test_the_search_page_query_count_does_not_grow_with_the_results(ward_a: Any, officer_a: Any, write_csv: Any, django_assert_max_num_queries: Any) -> None:
    rows = [[f"N{i}", f"H{i}", "26740", "thanh_thi", "", "Nguyễn Văn Nam", "1980", "Nam", "", "Chủ hộ", "Kinh", ""] for i in range(60)]
    import_file(write_csv(rows))
    client = client_for(officer_a)
    with django_assert_max_num_queries(20):
        page = client.get("/so-ho/", {"q": "nam nguyen"}).content.decode()
    assert "60 người" in page and "trang 1/3" in page


def test_the_api_masks_like_the_pages_and_logs_the_read(family: Any, officer_a: Any, hcm_standing: Any, officer_b: Any) -> None:
    code = family["R1"].registry_code
    assert client_for(officer_a).get(f"/api/registry/persons/{code}").json()["personal_id"] == "079070012345"
    data = client_for(hcm_standing).get(f"/api/registry/persons/{code}").json()
    assert (data["personal_id"], data["masked"]) == ("079*******45", True)
    missing = client_for(officer_b).get(f"/api/registry/persons/{code}")
    assert missing.status_code == 404 and "không có quyền" in missing.json()["detail"]
    assert [p["full_name"] for p in client_for(officer_a).get("/api/registry/persons", {"q": "van an nguyen"}).json()] == ["Nguyễn Văn An"]
    assert PersonAccess.objects.filter(kind="view").count() == 2
