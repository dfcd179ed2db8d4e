"""The duplicate gate: an exact personal-ID match blocks on import and on the web form; a likely
duplicate needs a manager's override with a reason (audited)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client

from ansinh.core.commands import Failure
from ansinh.core.models import AuditEvent
from ansinh.registry.changes import do_file_change
from ansinh.registry.dedup.gate import DuplicateBlocked, LikelyDuplicate
from ansinh.registry.dedup.models import GateOverride
from ansinh.registry.dedup.run import run_dedup
from ansinh.registry.models import ChangeRequest, Household, Person
from tests.registry.conftest import FAMILY
from tests.registry.test_dedup import populate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def import_rows(rows: list[list[str]], write_csv: Any, name: str = "ho.csv") -> str:
    err = StringIO()
    try:
        call_command("registry", "import", str(write_csv(rows, name=name)), stdout=StringIO(), stderr=err)
    except Failure:
        pass
    return err.getvalue()


def test_an_import_row_with_an_id_already_in_the_registry_is_refused_and_nothing_is_stored(ward_a: Any, write_csv: Any) -> None:
    import_rows(FAMILY, write_csv)
    again = ["R7", "H7", "26740", "thanh_thi", "9 Lê Lợi", "Nguyễn Văn Ân", "1970-03-04", "Nam", "079070012345", "Chủ hộ", "Kinh", ""]
    err = import_rows([again], write_csv, "lan2.csv")
    assert "Số định danh" in err and "079070012345 đã có ở nhân khẩu Nguyễn Văn An" in err
    assert Person.objects.count() == 4 and not Household.objects.filter(code="H7").exists()


def test_two_rows_of_one_file_with_the_same_id_are_refused(ward_a: Any, write_csv: Any) -> None:
    twin = ["R5", "H1", "26740", "thanh_thi", "12 Lê Lợi", "Nguyễn Văn Bình", "1970-03-04", "Nam", "079070012345", "Con", "Kinh", ""]
    err = import_rows([*FAMILY, twin], write_csv)
    assert "đã có ở dòng 2 của tệp" in err and not Person.objects.exists()


def test_reimporting_the_same_file_is_not_a_duplicate(ward_a: Any, write_csv: Any) -> None:
    import_rows(FAMILY, write_csv)
    assert import_rows(FAMILY, write_csv) == "" and Person.objects.count() == 4


def test_the_web_form_refuses_a_new_member_whose_id_is_taken(ward_a: Any, write_csv: Any, officer_a: Any) -> None:
    import_rows(FAMILY, write_csv)
    h2 = Household.objects.get(code="H2")
    client = Client()
    client.force_login(officer_a)
    page = client.post(f"/so-ho/ho/{h2.pk}/thay-doi/", {
        "kind": "add_member", "full_name": "Lê Văn Em", "birth_date": "1970-05-05", "sex": "Nam", "personal_id": "079070012345",
        "relation": "Con", "reason": "Theo giấy khai sinh",
    }).content.decode()
    assert "079070012345 đã có ở nhân khẩu" in page, page[page.find("loi"):][:300]
    assert not ChangeRequest.objects.exists()


def test_a_correction_to_an_id_someone_else_holds_is_refused(ward_a: Any, write_csv: Any, officer_a: Any) -> None:
    import_rows(FAMILY, write_csv)
    with pytest.raises(DuplicateBlocked):
        do_file_change(officer_a, "correct_person", person=Person.objects.get(ma_ban_ghi="R4"), payload={"personal_id": "079070012345", "birth_date": "1970-03-04"}, reason="Sửa")


def test_a_likely_duplicate_needs_a_managers_override_with_a_reason_on_the_form_the_api_and_import(
    ward_a: Any, ward_b: Any, officer_a: Any, write_csv: Any,
) -> None:
    populate(120)
    run_dedup(store=False)
    someone = Person.objects.filter(commune=ward_a, birth_precision="day").exclude(personal_id="").order_by("id").first()
    assert someone is not None
    household = Household.objects.filter(commune=ward_a).exclude(memberships__person=someone).first()
    payload = {"full_name": someone.full_name, "birth_date": someone.birth_date.isoformat(), "sex": "Nam" if someone.sex == "nam" else "Nữ",
               "phone": someone.phone, "relation": "Khác"}
    with pytest.raises(LikelyDuplicate, match="rất có thể đã có trong sổ"):
        do_file_change(officer_a, "add_member", household=household, payload=payload, reason="Chuyển đến")
    with pytest.raises(LikelyDuplicate, match="Chỉ cán bộ quản lý"):
        do_file_change(officer_a, "add_member", household=household, payload=payload, reason="Chuyển đến", override_reason="Khác người")
    assert not ChangeRequest.objects.exists() and not GateOverride.objects.exists()
    api = Client()
    api.force_login(officer_a)
    answer = api.post(f"/api/registry/households/{household.pk}/members", {**payload, "reason": "Chuyển đến"}, content_type="application/json")
    assert answer.status_code == 409 and answer.json()["duplicate_of"] == someone.registry_code
    assert "rất có thể đã có trong sổ" in answer.json()["detail"]
    # the import path: the same person as a row of a file is refused too, and a manager may let it in
    row = ["N1", household.code, "26740", "thanh_thi", "", someone.full_name, someone.birth_date.isoformat(),
           payload["sex"], "", "Khác", "Kinh", someone.phone]
    before = Person.objects.count()
    assert "rất có thể đã có trong sổ" in import_rows([row], write_csv, "moi.csv")
    assert Person.objects.count() == before and not ChangeRequest.objects.exists() and not GateOverride.objects.exists()
    officer_a.user_permissions.add(Permission.objects.get(codename="override_gate"))
    officer_a = type(officer_a).objects.get(pk=officer_a.pk)
    do_file_change(officer_a, "add_member", household=household, payload=payload, reason="Chuyển đến", override_reason="Hai người trùng tên, đã gặp trực tiếp")
    assert GateOverride.objects.get().reason.startswith("Hai người") and AuditEvent.objects.filter(action="registry.gate_override").exists()
    out = StringIO()
    call_command("registry", "import", str(write_csv([row], name="moi2.csv")), "--user", officer_a.username,
                 "--cho-phep-trung", "Đã đối chiếu giấy tờ", stdout=out, stderr=StringIO())
    assert "được cán bộ quản lý cho phép nhập" in out.getvalue() and Person.objects.count() == before + 1
    assert GateOverride.objects.filter(reason__contains="Đã đối chiếu giấy tờ").count() == 1


def api_post(user: Any, household: Household, body: dict[str, Any]) -> Any:
    client = Client()
    client.force_login(user)
    return client.post(f"/api/registry/households/{household.pk}/members", body, content_type="application/json")


NEW_MEMBER = {"full_name": "Lê Thị Hoa", "birth_date": "2010-06-07", "sex": "Nữ", "relation": "Con", "reason": "Theo giấy khai sinh"}


def test_the_api_files_a_new_member_as_a_submitted_change_request(ward_a: Any, write_csv: Any, officer_a: Any) -> None:
    import_rows(FAMILY, write_csv)
    answer = api_post(officer_a, Household.objects.get(code="H2"), NEW_MEMBER)
    assert answer.status_code == 201, answer.content
    assert ChangeRequest.objects.get(pk=answer.json()["change_id"]).status == "submitted"


def test_the_api_refuses_a_new_member_whose_id_is_taken_and_stores_nothing(ward_a: Any, write_csv: Any, officer_a: Any) -> None:
    import_rows(FAMILY, write_csv)
    taken = {**NEW_MEMBER, "full_name": "Lê Văn Em", "birth_date": "1970-05-05", "sex": "Nam", "personal_id": "079070012345"}
    answer = api_post(officer_a, Household.objects.get(code="H2"), taken)
    assert answer.status_code == 409 and "079070012345 đã có ở nhân khẩu" in answer.json()["detail"]
    assert not ChangeRequest.objects.exists()


def test_the_api_refuses_bad_input_and_another_wards_household_in_vietnamese(ward_a: Any, write_csv: Any, officer_a: Any, officer_b: Any) -> None:
    import_rows(FAMILY, write_csv)
    household = Household.objects.get(code="H2")
    answer = api_post(officer_a, household, {**NEW_MEMBER, "reason": " "})
    assert answer.status_code == 422 and "lý do" in answer.json()["detail"]
    assert api_post(officer_b, household, NEW_MEMBER).status_code == 404
    assert not ChangeRequest.objects.exists()


def test_the_web_import_stops_an_exact_id_duplicate_and_stores_nothing(ward_a: Any, write_csv: Any, officer_a: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.registry.conftest import csv_bytes

    import_rows(FAMILY, write_csv)
    again = ["R7", "H7", "26740", "thanh_thi", "9 Lê Lợi", "Nguyễn Văn Ân", "1970-03-04", "Nam", "079070012345", "Chủ hộ", "Kinh", ""]
    client = Client()
    client.force_login(officer_a)
    client.post("/so-ho/nhap/", {"file": SimpleUploadedFile("ho.csv", csv_bytes([again]))})
    page = client.post("/so-ho/nhap/xem-truoc/", {"apply": "1"})
    assert page.status_code == 400 and "079070012345 đã có ở nhân khẩu Nguyễn Văn An" in page.content.decode()
    assert Person.objects.count() == 4 and not Household.objects.filter(code="H7").exists()


def test_a_change_request_is_checked_again_at_approval(ward_a: Any, write_csv: Any, officer_a: Any, officer_a2: Any) -> None:
    from ansinh.registry.changes import do_decide_change

    import_rows(FAMILY, write_csv)
    h2 = Household.objects.get(code="H2")
    payload = {**{k: v for k, v in NEW_MEMBER.items() if k != "reason"}, "personal_id": "079310000777"}
    first = do_file_change(officer_a, "add_member", household=h2, payload=payload, reason="Theo giấy khai sinh", submit=True)
    second = do_file_change(officer_a, "add_member", household=h2, payload={**payload, "full_name": "Lê Thị Hoà"}, reason="Lần hai", submit=True)
    do_decide_change(officer_a2, first, approve=True)
    with pytest.raises(DuplicateBlocked, match="079310000777 đã có ở nhân khẩu"):
        do_decide_change(officer_a2, second, approve=True)
    assert Person.objects.filter(personal_id="079310000777").count() == 1
    assert ChangeRequest.objects.get(pk=second.pk).status == "submitted"
