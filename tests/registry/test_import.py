"""Importing a registry file: all or nothing, idempotent, changes as requests, bad input refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.registry.importer import CHUNK, ImportRefused, import_file
from ansinh.registry.models import ChangeRequest, Household, Membership, Person, PersonToken
from tests.registry.conftest import FAMILY, HEADER
from tests.sizes import size

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def test_a_commune_file_creates_households_persons_memberships_and_codes(ward_a: Any, write_csv: Any) -> None:
    report = import_file(write_csv(FAMILY))
    assert (report.persons_created, report.households_created, report.rows) == (4, 2, 4)
    an = Person.objects.get(ma_ban_ghi="R1")
    assert an.name_folded == "nguyen van an" and an.personal_id == "079070012345" and an.province_code == "79"
    assert Household.objects.get(code="H1").head == an
    assert Membership.objects.filter(valid_to__isnull=True).count() == 4
    cuc = Person.objects.get(ma_ban_ghi="R3")
    assert (cuc.birth_precision, cuc.birth_date) == ("year", dt.date(2001, 1, 1))
    assert Person.objects.get(ma_ban_ghi="R4").phone == "0912345678"
    assert set(PersonToken.objects.filter(person=an).values_list("token", flat=True)) == {"nguyen", "van", "an"}
    assert len({p.registry_code for p in Person.objects.all()}) == 4


def test_importing_the_same_file_again_changes_nothing(ward_a: Any, write_csv: Any) -> None:
    path = write_csv(FAMILY)
    import_file(path)
    codes = set(Person.objects.values_list("registry_code", flat=True))
    again = import_file(path)
    assert (again.persons_created, again.unchanged, again.change_requests) == (0, 4, 0)
    assert set(Person.objects.values_list("registry_code", flat=True)) == codes
    assert ChangeRequest.objects.count() == 0


def test_a_changed_row_becomes_a_change_request_not_an_overwrite(ward_a: Any, write_csv: Any) -> None:
    import_file(write_csv(FAMILY))
    changed = [r[:] for r in FAMILY]
    changed[0][5] = "Nguyễn Văn Ân"
    changed[3][1] = "H1"
    changed[3][9] = "Cha"
    report = import_file(write_csv(changed, name="sua.csv"))
    assert report.change_requests == 2
    assert Person.objects.get(ma_ban_ghi="R1").full_name == "Nguyễn Văn An"
    correct = ChangeRequest.objects.get(kind="correct_person")
    assert correct.status == "submitted" and correct.payload == {"full_name": "Nguyễn Văn Ân"}
    assert correct.before == {"full_name": "Nguyễn Văn An"}
    move = ChangeRequest.objects.get(kind="move_person")
    assert move.target_household == Household.objects.get(code="H1")
    again = import_file(write_csv(changed, name="sua.csv"))
    assert again.change_requests == 0 and ChangeRequest.objects.count() == 2


def test_dry_run_counts_and_stores_nothing(ward_a: Any, write_csv: Any) -> None:
    report = import_file(write_csv(FAMILY), dry_run=True)
    assert (report.persons_created, report.households_created) == (4, 2)
    assert Person.objects.count() == 0 and Household.objects.count() == 0


def test_headers_in_vietnamese_with_diacritics_are_recognised(ward_a: Any, write_csv: Any) -> None:
    header = ["Mã bản ghi", "Mã hộ", "Mã xã", "Khu vực", "Địa chỉ", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh", "Quan hệ với chủ hộ", "Dân tộc", "Số điện thoại"]
    report = import_file(write_csv(FAMILY, header=header))
    assert report.persons_created == 4


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_every_supported_encoding_reads_the_names_right(ward_a: Any, write_csv: Any, encoding: str) -> None:
    report = import_file(write_csv(FAMILY, encoding=encoding))
    assert report.persons_created == 4
    assert Person.objects.get(ma_ban_ghi="R2").full_name == "Trần Thị Bích"
    assert Person.objects.get(ma_ban_ghi="R3").name_folded == "nguyen thi cuc"


BAD = [
    (2, 8, "07907001234", "12 chữ số"),
    (2, 8, "07907001234X", "chỉ được gồm chữ số"),
    (2, 8, "079170012345", "người nữ"),
    (2, 8, "079071012345", "năm sinh 1971"),
    (2, 6, "2030-01-01", "tương lai"),
    (2, 6, "1899", "trước năm 1900"),
    (2, 6, "31/02/1970", "không có thật"),
    (2, 7, "Khác", "Nam"),
    (2, 9, "Hàng xóm", "Chủ hộ"),
    (2, 2, "99999", "không có xã"),
    (2, 5, "=HYPERLINK(\"x\")", "không phải họ tên"),
    (2, 11, "09abc", "chỉ được gồm chữ số"),
    (2, 0, "", "không được để trống"),
]


@pytest.mark.parametrize(("line", "col", "value", "expected"), BAD)
def test_a_bad_cell_refuses_the_whole_file_in_vietnamese(ward_a: Any, write_csv: Any, line: int, col: int, value: str, expected: str) -> None:
    rows = [r[:] for r in FAMILY]
    rows[line - 2][col] = value
    with pytest.raises(ImportRefused) as info:
        import_file(write_csv(rows))
    assert any(f"Dòng {line}" in e and expected in e for e in info.value.errors), info.value.errors
    assert "không lưu dòng nào" in info.value.message
    assert Person.objects.count() == 0 and Household.objects.count() == 0


def test_two_heads_in_one_household_are_refused(ward_a: Any, write_csv: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[1][9] = "Chủ hộ"
    with pytest.raises(ImportRefused) as info:
        import_file(write_csv(rows))
    assert any("Dòng 3" in e and "một chủ hộ" in e for e in info.value.errors)
    assert Person.objects.count() == 0


def test_a_repeated_record_id_is_refused(ward_a: Any, write_csv: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[2][0] = "R1"
    with pytest.raises(ImportRefused) as info:
        import_file(write_csv(rows))
    assert any("Dòng 4" in e and "đã có ở dòng 2" in e for e in info.value.errors)


def test_a_child_older_than_the_head_is_a_warning_not_a_refusal(ward_a: Any, write_csv: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[2][6] = "1950"
    report = import_file(write_csv(rows))
    assert report.persons_created == 4
    assert any("trước chủ hộ" in w for w in report.warnings)


def test_an_unknown_place_code_is_a_warning(ward_a: Any, write_csv: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[0][8] = "999070012345"
    report = import_file(write_csv(rows))
    assert report.persons_created == 4 and any("999" in w for w in report.warnings)


def test_a_file_missing_a_required_column_is_refused(ward_a: Any, write_csv: Any) -> None:
    header = [h for h in HEADER if h != "ho_ten"]
    rows = [[c for i, c in enumerate(r) if i != 5] for r in FAMILY]
    with pytest.raises(ImportRefused, match="Họ tên"):
        import_file(write_csv(rows, header=header))


def test_a_binary_or_other_kind_of_file_is_refused(ward_a: Any, tmp_path: Any) -> None:
    path = tmp_path / "ho.csv"
    path.write_bytes(b"\x00\x01\x02PK\x00\x00" * 100)
    with pytest.raises(ImportRefused, match="không phải bảng CSV"):
        import_file(path)
    pdf = tmp_path / "ho.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(ImportRefused, match=r"\.csv hoặc \.xlsx"):
        import_file(pdf)


def test_a_commune_officer_cannot_import_into_another_ward(ward_a: Any, ward_b: Any, officer_b: Any, write_csv: Any) -> None:
    with pytest.raises(ImportRefused) as info:
        import_file(write_csv(FAMILY), user=officer_b)
    assert any("không có quyền nhập" in e for e in info.value.errors)
    assert Person.objects.count() == 0


def test_an_xlsx_file_imports_like_a_csv(ward_a: Any, tmp_path: Any) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in FAMILY:
        sheet.append(row)
    path = tmp_path / "ho.xlsx"
    book.save(path)
    assert import_file(path).persons_created == 4


def test_a_large_file_with_one_bad_row_late_in_it_stores_nothing(ward_a: Any, tmp_path: Any) -> None:
    """60,000 rows, the bad one in the third chunk of the import (500,000, the 13th, with ANSINH_TESTS_THOROUGH=1)."""
    path = tmp_path / "lon.csv"
    rows, bad = size(60_000, 500_000), size(50_000, 250_000)
    assert bad // CHUNK >= 2  # whole chunks come before the bad row: what they did must be undone too
    with path.open("w", encoding="utf-8") as fh:
        fh.write(",".join(HEADER) + "\n")
        for i in range(rows):
            relation = "Chủ hộ" if i % 3 == 0 else "Con"
            year = "1975" if i % 3 == 0 else "2005"
            sex = "Nam" if i != bad else "Không rõ"
            fh.write(f"R{i},H{i // 3},26740,thanh_thi,,Nguyễn Văn An,{year},{sex},,{relation},Kinh,\n")
    with pytest.raises(ImportRefused) as info:
        import_file(path)
    assert info.value.error_count == 1
    assert f"Dòng {bad + 2}" in info.value.errors[0] and "Giới tính" in info.value.errors[0]
    assert Person.objects.count() == 0 and Household.objects.count() == 0 and PersonToken.objects.count() == 0


def test_a_province_officer_reads_but_cannot_import(ward_a: Any, hcm_standing: Any, write_csv: Any) -> None:
    with pytest.raises(ImportRefused) as info:
        import_file(write_csv(FAMILY), user=hcm_standing)
    assert any("không có quyền nhập" in e for e in info.value.errors)


def test_a_code_colliding_with_one_in_use_or_retired_is_drawn_again(ward_a: Any, write_csv: Any, monkeypatch: Any) -> None:
    from ansinh.registry import codes
    from ansinh.registry.models import RetiredCode

    import_file(write_csv(FAMILY[:1]))
    taken = Person.objects.get().registry_code
    RetiredCode.objects.create(code="AS0000000000" + codes.check_char("0000000000"))
    real = codes.new_codes
    calls = iter([[taken, taken], [taken, "AS0000000000" + codes.check_char("0000000000")]])
    monkeypatch.setattr(codes, "new_codes", lambda n: next(calls, None) or real(n))
    report = import_file(write_csv(FAMILY[1:3], name="them.csv"))
    assert report.persons_created == 2
    stored = set(Person.objects.values_list("registry_code", flat=True))
    assert len(stored) == 3 and not stored & set(RetiredCode.objects.values_list("code", flat=True))


def test_a_code_already_in_use_makes_the_batch_draw_new_codes(ward_a: Any, write_csv: Any, monkeypatch: Any) -> None:
    from ansinh.registry import codes

    import_file(write_csv(FAMILY[:1]))
    taken = Person.objects.get().registry_code
    real = codes.new_codes
    calls = iter([[taken, real(1)[0]]])
    monkeypatch.setattr(codes, "new_codes", lambda n: next(calls, None) or real(n))
    assert import_file(write_csv(FAMILY[1:3], name="them.csv")).persons_created == 2
    assert Person.objects.values("registry_code").distinct().count() == 3


def test_short_rows_and_extra_columns_are_read_by_name(ward_a: Any, write_csv: Any) -> None:
    header = ["ghi_chu", *HEADER, "them"]
    rows = [["x", *r, "y"] for r in FAMILY]
    rows[2] = rows[2][:11]
    report = import_file(write_csv(rows, header=header))
    assert report.persons_created == 4 and Person.objects.get(ma_ban_ghi="R3").phone == ""
    assert any("ghi_chu" in w for w in report.warnings)
