"""``ansinh geo load | crosswalk import | agencies import``: good files, bad rows, nothing half-stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ansinh.core.models import AuditEvent
from ansinh.geo.actions import do_load_units
from ansinh.geo.demo import SAMPLE_CROSSWALK, ensure_hcmc_agencies
from ansinh.geo.models import AdministrativeUnit, Agency, AgencyCrosswalk, UnitCrosswalk
from tests.commands import run_command

pytestmark = pytest.mark.django_db
REFORM = dt.date(2025, 7, 1)
HEADER = "kind,predecessor_code,predecessor_name,predecessor_level,predecessor_parent,predecessor_valid_from,successor_code,weight,effective,note\n"


def run(*args: str) -> tuple[int, str, str]:
    return run_command("geo", *args)


def write(tmp_path: Path, text: str, name: str = "f.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def hcmc_loaded(db: Any) -> None:
    do_load_units(provinces=["79"])
    ensure_hcmc_agencies()


def test_loading_one_province_twice_changes_nothing_the_second_time() -> None:
    code, out, _ = run("load", "--province", "79")
    assert code == 0 and "mới" in out
    count = AdministrativeUnit.objects.count()
    assert AdministrativeUnit.objects.filter(level="province").count() == 1
    assert AdministrativeUnit.objects.get(code="26740", valid_from=REFORM).path == "/VN/79/26740/"
    code, out, _ = run("load", "--province", "79")
    assert code == 0 and "0 mới, 0 cập nhật" in out
    assert AdministrativeUnit.objects.count() == count


def test_the_full_load_has_34_provinces_and_3321_communes() -> None:
    result = do_load_units()
    assert result.created == 1 + 34 + 3321
    assert AdministrativeUnit.objects.filter(level="commune").count() == 3321
    assert not AdministrativeUnit.objects.filter(name__contains="  ").exists()
    assert AdministrativeUnit.objects.get(code="01", valid_from=REFORM).name == "Thành phố Hà Nội"


def test_loading_an_unknown_province_fails_in_vietnamese() -> None:
    code, _, err = run("load", "--province", "999")
    assert code == 1 and "không có tỉnh, thành phố nào có mã 999" in err
    code, _, err = run("load", "--province", "abc")
    assert code == 1 and "mã tỉnh phải là số" in err


def test_the_sample_crosswalk_imports_and_reimports_without_duplicates(hcmc_loaded: None) -> None:
    code, out, err = run("crosswalk", "import", str(SAMPLE_CROSSWALK))
    assert code == 0, err
    assert "23 mới, 0 cập nhật; tạo 14 đơn vị cũ, 1 cơ quan cũ" in out
    links = UnitCrosswalk.objects.count()
    assert AgencyCrosswalk.objects.count() == 3
    code, out, _ = run("crosswalk", "import", str(SAMPLE_CROSSWALK))
    assert code == 0 and "0 mới, 0 cập nhật" in out
    assert UnitCrosswalk.objects.count() == links
    old_district = AdministrativeUnit.objects.get(code="760")
    assert old_district.path == "/VN/79/760/" and old_district.valid_to == REFORM
    assert AuditEvent.objects.filter(action="geo.import_crosswalk").count() == 2


def test_a_crosswalk_with_bad_rows_is_refused_with_line_numbers_and_stores_nothing(
    tmp_path: Path, hcmc_loaded: None
) -> None:
    text = HEADER + (
        "unit,79,Thành phố Hồ Chí Minh,province,VN,1976-07-02,79,1,2025-07-01,\n"
        "unit,760,Quận 1,district,79,1976-07-02,26740,0.6,2025-07-01,\n"
        "unit,760,Quận 1,district,79,1976-07-02,26743,0.6,2025-07-01,\n"
        "unit,26746,Phường X,commune,760,1976-07-02,26740,abc,2025-07-01,\n"
        "unit,26749,Phường Y,commune,760,1976-07-02,26740,1,01/07/2025,\n"
        "unit,26752,Phường Z,commune,760,1976-07-02,99999,1,2025-07-01,\n"
        "region,1,,,,,2,1,2025-07-01,\n"
        "unit,26755,,,,,26740,1,2025-07-01,\n"
    )
    code, _, err = run("crosswalk", "import", write(tmp_path, text))
    assert code == 1
    assert "Dòng 3, 4: tổng tỷ trọng" in err and "đang là 1.2" in err
    assert "Dòng 5: tỷ trọng (weight) phải là số" in err
    assert "Dòng 6: cột effective phải là ngày dạng YYYY-MM-DD" in err
    assert "Dòng 7: không có đơn vị kế nhiệm mã “99999”" in err
    assert "Dòng 8: cột kind phải là “unit” hoặc “agency”" in err
    assert "Dòng 9: không có đơn vị mã 26755" in err
    assert "không lưu gì" in err
    assert not UnitCrosswalk.objects.exists()
    assert not AdministrativeUnit.objects.filter(valid_to__isnull=False).exists()


def test_a_weight_outside_zero_to_one_is_refused(tmp_path: Path, hcmc_loaded: None) -> None:
    text = HEADER + "unit,79,TP,province,VN,1976-07-02,79,1.5,2025-07-01,\nunit,74,BD,province,VN,1997-01-01,79,0,2025-07-01,\n"
    code, _, err = run("crosswalk", "import", write(tmp_path, text))
    assert code == 1 and "Dòng 2: tỷ trọng (weight) phải lớn hơn 0" in err and "Dòng 3:" in err



def test_a_new_predecessor_that_starts_after_the_change_is_refused_and_nothing_is_stored(
    tmp_path: Path, hcmc_loaded: None
) -> None:
    units, agencies = AdministrativeUnit.objects.count(), Agency.objects.count()
    text = HEADER + (
        "unit,760,Quận 1,district,,2025-08-01,26740,1,2025-07-01,\n"
        "agency,79-OLD,Sở cũ,department,79,2025-07-01,79-UBND,1,2025-07-01,\n"
        "agency,79-OLD2,Sở cũ 2,ministry,79,2020-01-01,79-UBND,1,2025-07-01,\n"
    )
    code, _, err = run("crosswalk", "import", write(tmp_path, text))
    assert code == 1
    assert "Dòng 2: predecessor_valid_from phải trước ngày hiệu lực 01/07/2025" in err
    assert "Dòng 3: predecessor_valid_from phải trước ngày hiệu lực 01/07/2025" in err
    assert "Dòng 4: không có cơ quan mã 79-OLD2; để tạo mới cần predecessor_name" in err
    assert (AdministrativeUnit.objects.count(), Agency.objects.count()) == (units, agencies)
    assert not UnitCrosswalk.objects.exists() and not AgencyCrosswalk.objects.exists()

@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp rỗng"),
        (b"kind,predecessor_code\nunit,1\n", "Dòng 1: thiếu cột successor_code, effective"),
        (HEADER.encode(), "không có dòng dữ liệu"),
        ("kind;mã\n".encode("utf-16"), "không phải văn bản UTF-8"),
    ],
)
def test_unreadable_crosswalk_files_fail_in_vietnamese(tmp_path: Path, hcmc_loaded: None, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, _, err = run("crosswalk", "import", str(path))
    assert code == 1 and message in err


def test_a_missing_file_fails_in_vietnamese(tmp_path: Path) -> None:
    code, _, err = run("crosswalk", "import", str(tmp_path / "khong-co.csv"))
    assert code == 1 and "không tìm thấy tệp" in err


def test_the_crosswalk_help_documents_the_columns(capsys: Any) -> None:
    with pytest.raises(SystemExit):
        call_command("geo", "crosswalk", "import", "--help")
    out = capsys.readouterr().out
    assert "predecessor_valid_from" in out and "tổng bằng 1" in out


def test_agencies_import_creates_then_updates_by_code_and_start_date(tmp_path: Path, hcmc_loaded: None) -> None:
    text = (
        "code,name,short_name,kind,unit_code,valid_from,valid_to\n"
        "79-CA,Công an Thành phố Hồ Chí Minh,CATP,other,79,2025-07-01,\n"
        "26740-MTTQ,Ủy ban MTTQ Phường Sài Gòn,,fatherland_front,26740,2025-07-01,\n"
    )
    code, out, err = run("agencies", "import", write(tmp_path, text))
    assert code == 0, err
    assert "2 mới, 0 cập nhật" in out
    assert Agency.objects.get(code="26740-MTTQ").unit.path == "/VN/79/26740/"
    code, out, _ = run("agencies", "import", write(tmp_path, text.replace("CATP", "Công an TP")))
    assert "0 mới, 1 cập nhật" in out
    assert Agency.objects.get(code="79-CA").short_name == "Công an TP"


def test_agencies_with_bad_rows_are_refused_and_nothing_is_stored(tmp_path: Path, hcmc_loaded: None) -> None:
    before = Agency.objects.count()
    text = (
        "code,name,short_name,kind,unit_code,valid_from,valid_to\n"
        "79-CA,Công an Thành phố,CATP,other,79,2025-07-01,\n"
        "79-X,Cơ quan X,,ministry,79,2025-07-01,\n"
        "79-Y,Cơ quan Y,,other,00000,2025-07-01,\n"
        "79-Z,Cơ quan Z,,other,79,2025-07-01,2025-01-01\n"
        "79-CA,Công an lặp,,other,79,2025-07-01,\n"
    )
    code, _, err = run("agencies", "import", write(tmp_path, text))
    assert code == 1
    assert "Dòng 3: loại cơ quan (kind) “ministry” không hợp lệ" in err
    assert "Dòng 4: không có đơn vị hành chính mã “00000”" in err
    assert "Dòng 5: valid_to phải sau valid_from" in err
    assert "Dòng 6: cơ quan mã 79-CA hiệu lực từ 2025-07-01 đã có ở dòng 2" in err
    assert Agency.objects.count() == before


def test_the_demo_step_creates_hcmc_agencies_once(hcmc_loaded: None) -> None:
    from ansinh.geo.demo import load

    lines: list[str] = []
    load(lines.append)
    load(lines.append)
    communes = AdministrativeUnit.objects.filter(path__startswith="/VN/79/", level="commune", valid_from=REFORM).count()
    assert Agency.objects.filter(kind="people_committee", unit__level="commune").count() == communes
    assert Agency.objects.filter(code="79-MTTQ", kind="fatherland_front").exists()
    assert "0 cơ quan mới" in lines[-1]


def test_the_bundled_samples_import_from_the_command_line_in_order() -> None:
    from ansinh.geo.demo import SAMPLE_AGENCIES

    assert run("load", "--province", "79")[0] == 0
    code, out, err = run("agencies", "import", str(SAMPLE_AGENCIES))
    assert code == 0, err
    assert "6 mới" in out  # the six city agencies of the sample file
    code, _, err = run("crosswalk", "import", str(SAMPLE_CROSSWALK))
    assert code == 0, err
    assert AgencyCrosswalk.objects.filter(predecessor__code="79-SLDTBXH").count() == 3


def test_the_demo_agencies_and_the_sample_agencies_file_agree(hcmc_loaded: None) -> None:
    from ansinh.geo.demo import SAMPLE_AGENCIES

    code, out, _ = run("agencies", "import", str(SAMPLE_AGENCIES))
    assert code == 0 and "0 mới, 0 cập nhật" in out


def test_importing_a_crosswalk_moves_old_approved_figures_onto_todays_map(tmp_path: Path, hcmc_loaded: None) -> None:
    from ansinh.reporting.models import AggregateValue
    from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan

    catalogue()
    city = AdministrativeUnit.objects.get(code="79", valid_to__isnull=True)
    old_ward = AdministrativeUnit.objects.create(
        code="26734", name="Phường Tân Định", level="commune", parent=city, valid_from=dt.date(1976, 7, 2), valid_to=REFORM
    )
    approved(annual_cycle(make_plan(), 2024), old_ward, [{"indicator": "SOCIAL_HOUSING", "value": 12}])
    assert not AggregateValue.objects.filter(unit=city, indicator__code="SOCIAL_HOUSING").exists()  # no successor yet
    csv = HEADER + "unit,26734,Phường Tân Định,commune,79,1976-07-02,26737,1,2025-07-01,\n"
    code, out, err = run("crosswalk", "import", write(tmp_path, csv))
    assert code == 0, err
    assert "Đã tính lại" in out
    assert AggregateValue.objects.get(unit=city, indicator__code="SOCIAL_HOUSING").value == 12


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("unit,26740,Phường Sài Gòn,commune,79,2025-07-01,26740,1,2026-01-01,\n", "đơn vị cũ và đơn vị mới trùng nhau"),
        (
            "unit,79,Thành phố Hồ Chí Minh,province,VN,1976-07-02,79,1,2025-07-01,\n"
            "unit,760,Quận 1,district,79,1976-07-02,26740,0.5,2025-07-01,\nunit,760,Quận 1,district,79,1976-07-02,26740,0.5,2025-07-01,\n",
            "Dòng 4: cặp cũ → mới",
        ),
        ("unit,760,Quận 1,district,79,1976-07-02,26740,1,2025-07-01,,thừa một ô\n", "nhiều hơn 10 cột tiêu đề"),
    ],
)
def test_a_crosswalk_with_a_self_link_a_repeated_pair_or_too_many_cells_is_refused(
    tmp_path: Path, hcmc_loaded: None, rows: str, message: str
) -> None:
    code, _, err = run("crosswalk", "import", write(tmp_path, HEADER + rows))
    assert code == 1 and message in err
    assert not UnitCrosswalk.objects.exists()
