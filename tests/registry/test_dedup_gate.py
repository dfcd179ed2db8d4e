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


def test_a_likely_duplicate_needs_a_managers_override_with_a_reason(ward_a: Any, ward_b: Any, officer_a: Any) -> None:
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
    officer_a.user_permissions.add(Permission.objects.get(codename="override_gate"))
    officer_a = type(officer_a).objects.get(pk=officer_a.pk)
    do_file_change(officer_a, "add_member", household=household, payload=payload, reason="Chuyển đến", override_reason="Hai người trùng tên, đã gặp trực tiếp")
    assert GateOverride.objects.get().reason.startswith("Hai người") and AuditEvent.objects.filter(action="registry.gate_override").exists()
