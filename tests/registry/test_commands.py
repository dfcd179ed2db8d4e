"""``ansinh registry …`` commands: import, simulate, stats, report, purge; Vietnamese refusals."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from ansinh.core.commands import Failure
from ansinh.registry.actions import do_purge, do_soft_delete
from ansinh.registry.models import Household, Person, PersonAccess, PersonToken, RetiredCode
from ansinh.registry.simulate import generate
from tests.registry.conftest import FAMILY

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("registry", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_import_command_imports_and_a_second_run_changes_nothing(ward_a: Any, write_csv: Any) -> None:
    path = write_csv(FAMILY)
    out, _ = run("import", str(path))
    assert "4 nhân khẩu mới" in out and "2 hộ mới" in out
    out, _ = run("import", str(path))
    assert "0 nhân khẩu mới" in out and "4 không đổi" in out


def test_the_import_command_refuses_a_bad_file_in_vietnamese(ward_a: Any, write_csv: Any) -> None:
    rows = [r[:] for r in FAMILY]
    rows[0][7] = "X"
    with pytest.raises(Failure):
        run("import", str(write_csv(rows)))
    assert Person.objects.count() == 0


def test_the_dry_run_stores_nothing(ward_a: Any, write_csv: Any) -> None:
    out, _ = run("import", str(write_csv(FAMILY)), "--dry-run")
    assert "không lưu gì" in out and Person.objects.count() == 0


def test_stats_in_json_count_households_and_persons_in_scope(ward_a: Any, ward_b: Any, officer_b: Any, write_csv: Any) -> None:
    run("import", str(write_csv(FAMILY)))
    assert json.loads(run("stats", "--json")[0]) == {"households": 2, "persons": 4}
    assert json.loads(run("stats", "--json", "--user", "officer_b")[0]) == {"households": 0, "persons": 0}


def test_simulate_labels_its_households_and_persons(ward_a: Any) -> None:
    out, _ = run("simulate", "--households", "20", "--communes", "26740", "--seed", "3")
    assert "20 hộ" in out
    assert Person.objects.filter(simulated=True).count() == Person.objects.count() > 20
    assert not Household.objects.filter(simulated=False).exists()


def test_simulated_names_and_ids_are_realistic_and_consistent() -> None:
    from ansinh.registry.identity import check_personal_id

    rows = list(generate(2000, ["26740"], seed=5, today=dt.date(2026, 12, 2)))
    surnames = [r[5].split()[0] for r in rows]
    assert 0.28 < surnames.count("Nguyễn") / len(rows) < 0.48
    women = [r for r in rows if r[7] == "Nữ"]
    assert sum(" Thị " in r[5] for r in women) > len(women) * 0.2
    with_id = [r for r in rows if r[8]]
    assert 0.6 < len(with_id) / len(rows) < 0.98
    for r in with_id[:500]:
        sex = "nam" if r[7] == "Nam" else "nu"
        year = int(r[6][:4]) if "-" in r[6] or len(r[6]) == 4 else int(r[6][-4:])
        assert check_personal_id(r[8], birth_year=year, sex=sex, today=dt.date(2026, 12, 2))[1] == [] or r[8][:3] not in ("079",)


def test_the_subject_report_needs_a_purpose_and_is_logged(ward_a: Any, write_csv: Any) -> None:
    run("import", str(write_csv(FAMILY)))
    code = Person.objects.get(ma_ban_ghi="R1").registry_code
    out, _ = run("report", code, "--purpose", "Theo đơn ngày 01/12/2026")
    assert json.loads(out)["person"]["full_name"] == "Nguyễn Văn An"
    assert PersonAccess.objects.get(kind="report").purpose == "Theo đơn ngày 01/12/2026"
    with pytest.raises(Failure):
        run("report", code, "--purpose", " ")


def test_purge_removes_soft_deleted_persons_past_retention_and_retires_their_codes(ward_a: Any, officer_a: Any, write_csv: Any) -> None:
    run("import", str(write_csv(FAMILY)))
    cuc = Person.objects.get(ma_ban_ghi="R3")
    with pytest.raises(Exception, match="lý do"):
        do_soft_delete(officer_a, cuc, " ")
    do_soft_delete(officer_a, cuc, "Bản ghi trùng")
    assert do_purge(days=30, dry_run=True) == {"persons": 0, "households": 0}
    later = timezone.now() + dt.timedelta(days=31)
    with time_machine.travel(later, tick=False):
        assert do_purge(days=30)["persons"] == 1
    assert not Person.objects.filter(pk=cuc.pk).exists()
    assert RetiredCode.objects.filter(code=cuc.registry_code).exists()
    assert not PersonToken.objects.filter(person_id=cuc.pk).exists()


def test_a_bad_number_of_households_is_refused_in_vietnamese(db: Any) -> None:
    with pytest.raises(Exception, match="số nguyên"):
        run("simulate", "--households", "mười")


def test_an_other_header_is_mapped_on_the_command_line_and_a_bad_mapping_is_refused(ward_a: Any, write_csv: Any) -> None:
    from tests.registry.conftest import HEADER

    path = write_csv(FAMILY, header=[*HEADER[:5], "Tên người", *HEADER[6:]])
    with pytest.raises(Failure):
        run("import", str(path))
    out, _ = run("import", str(path), "--map", "Tên người=ho_ten")
    assert "4 nhân khẩu mới" in out
    with pytest.raises(Failure):
        run("import", str(path), "--map", "Tên người")
