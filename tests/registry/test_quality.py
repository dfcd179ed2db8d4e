"""The data-quality board: đúng, đủ, sạch, sống per commune, in the reader's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ansinh.registry.dedup.models import DuplicatePair
from ansinh.registry.models import Person
from ansinh.registry.quality import quality_by_commune
from tests.registry.conftest import FAMILY

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(ward_a: Any, write_csv: Any) -> None:
    call_command("registry", "import", str(write_csv(FAMILY)))


def test_the_board_counts_wrong_incomplete_unclean_and_stale_persons(family: Any, officer_a: Any, ward_a: Any) -> None:
    Person.objects.filter(ma_ban_ghi="R2").update(sex="nam")  # ID digit says female
    Person.objects.filter(ma_ban_ghi="R4").update(birth_date=None)
    Person.objects.filter(ma_ban_ghi="R3").update(updated_at=timezone.now() - dt.timedelta(days=1000))
    a, b = Person.objects.get(ma_ban_ghi="R1"), Person.objects.get(ma_ban_ghi="R2")
    DuplicatePair.objects.create(person_a=a, person_b=b, commune=ward_a, province_code="79", match_probability=0.6, match_weight=1, found_at=timezone.now())
    (row,) = quality_by_commune(officer_a)
    assert row["persons"] == 4 and row["wrong"] == 1 and row["open_pairs"] == 1 and row["stale"] == 1
    assert row["incomplete"] == 2  # R4 without a birth date; R3, born 2001, without an ID


def test_another_wards_officer_sees_no_row_of_this_ward(family: Any, officer_b: Any) -> None:
    assert quality_by_commune(officer_b) == []


def test_the_board_page_shows_the_figures(family: Any, officer_a: Any) -> None:
    client = Client()
    client.force_login(officer_a)
    page = client.get("/so-ho/chat-luong/").content.decode()
    assert "Phường Sài Gòn" in page and "Đúng" in page and "Sống" in page


def _elder(ward_a: Any, code: str, name: str, born: dt.date) -> Person:
    return Person.objects.create(registry_code=code, full_name=name, name_folded=name.lower(), sex="nu", commune=ward_a,
                                 province_code="79", birth_date=born)


def test_the_board_by_province_sums_its_communes(family: Any, officer_a: Any) -> None:
    client = Client()
    client.force_login(officer_a)
    page = client.get("/so-ho/chat-luong/?cap=tinh").content.decode()
    assert "79 (1 xã, phường)" in page and "Xem theo xã, phường" in page


def test_a_list_to_fix_is_scoped_paged_and_logged_as_a_read(family: Any, officer_a: Any, officer_b: Any, ward_a: Any) -> None:
    from ansinh.registry.models_privacy import PersonAccess

    Person.objects.filter(ma_ban_ghi="R2").update(sex="nam")
    client = Client()
    client.force_login(officer_a)
    page = client.get(f"/so-ho/chat-luong/danh-sach/sai/?xa={ward_a.pk}").content.decode()
    assert "Trần Thị Bích" in page and "Nguyễn Văn An" not in page
    access = PersonAccess.objects.get()
    assert access.count == 1 and "Danh sách cần sửa" in access.purpose
    other = Client()
    other.force_login(officer_b)
    assert "Trần Thị Bích" not in other.get(f"/so-ho/chat-luong/danh-sach/sai/?xa={ward_a.pk}").content.decode()
    assert other.get("/so-ho/chat-luong/danh-sach/khong-co/").status_code == 404
    assert client.get("/so-ho/chat-luong/danh-sach/sai/?trang=abc").status_code == 404
    assert PersonAccess.objects.count() == 1  # empty pages log nothing


def test_the_coverage_gaps_say_no_data_until_there_are_decisions(family: Any, officer_a: Any, ward_a: Any) -> None:
    from ansinh.registry.quality_gaps import gaps_by_commune

    _elder(ward_a, "BA0001", "Phạm Thị Hoa", dt.date(1940, 3, 10))
    assert gaps_by_commune(officer_a, dt.date(2026, 3, 2)) == {"75-chua-huu-tri": None, "ngheo-chua-bhyt": None}
    client = Client()
    client.force_login(officer_a)
    assert "chưa có dữ liệu" in client.get("/so-ho/chat-luong/").content.decode()


def test_aged_75_without_a_social_pension_and_the_deceased_still_granted_are_counted(family: Any, officer_a: Any, ward_a: Any) -> None:
    from ansinh.benefits.actions import do_decide, do_file_dossier
    from ansinh.benefits.programmes import load_programmes
    from ansinh.registry.quality_gaps import gaps_by_commune

    load_programmes()
    paid = _elder(ward_a, "BA0001", "Phạm Thị Hoa", dt.date(1940, 3, 10))
    _elder(ward_a, "BA0002", "Lý Thị Hằng", dt.date(1941, 5, 1))
    dossier = do_file_dossier(officer_a, paid, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    from tests.benefits.conftest import signer

    chairman = signer(officer_a, dossier, dt.date(2025, 9, 10))
    do_decide(chairman, dossier, dossier.version, signed_on=dt.date(2025, 9, 10), number="2/QĐ", granted=True, category_code="HTXH-75")
    gaps = gaps_by_commune(officer_a, dt.date(2026, 3, 2))
    assert gaps["75-chua-huu-tri"] == {ward_a.pk: 1}
    Person.objects.filter(pk=paid.pk).update(alive=False, death_date=dt.date(2026, 1, 5))
    (row,) = quality_by_commune(officer_a, dt.date(2026, 3, 2))
    assert row["dead_paid"] == 1 and row["deaths"] == 1


def test_members_of_poor_households_deprived_of_health_insurance_are_counted(family: Any, officer_a: Any, ward_a: Any) -> None:
    from ansinh.poverty.models import DeprivationIndicator
    from ansinh.poverty.models_review import HouseholdStatus
    from ansinh.poverty.standards import load_standards
    from ansinh.registry.models import Household
    from ansinh.registry.quality_gaps import gaps_by_commune

    load_standards()
    indicator = DeprivationIndicator.objects.filter(code="bao_hiem_y_te").first()
    assert indicator is not None
    h1, h2 = Household.objects.get(code="H1"), Household.objects.get(code="H2")
    for household, mask in ((h1, 1 << indicator.position), (h2, 0)):
        HouseholdStatus.objects.create(household=household, commune=ward_a, province_code="79", year=2025, standard=indicator.standard,
                                       klass="ngheo", deprivation_mask=mask, valid_from=dt.date(2025, 1, 1))
    assert gaps_by_commune(officer_a, dt.date(2026, 3, 2))["ngheo-chua-bhyt"] == {ward_a.pk: 3}  # H1's three members


def test_a_daily_snapshot_gives_the_trend_and_the_registry_sources(family: Any, officer_a: Any, ward_a: Any) -> None:
    from ansinh.registry.quality_snapshot import take_snapshot, trend
    from ansinh.reporting import sources

    Person.objects.filter(ma_ban_ghi="R2").update(sex="nam")
    assert take_snapshot(dt.date(2026, 1, 31)) == "1 xã, phường"
    Person.objects.filter(ma_ban_ghi="R2").update(sex="nu")
    take_snapshot(dt.date(2026, 2, 27))
    take_snapshot(dt.date(2026, 2, 28))  # the month's last day stands for the month
    months = trend([ward_a.pk])
    assert [(m["day"], m["wrong"]) for m in months] == [(dt.date(2026, 1, 31), 1), (dt.date(2026, 2, 28), 0)]
    past = sources.compute("registry.quality_correct_rate", ward_a, dt.date(2026, 2, 1))
    assert past is not None and (past.numerator, past.denominator) == (3, 4) and "31/01/2026" in past.note
    now = sources.compute("registry.quality_correct_rate", ward_a, dt.date(2100, 1, 1))
    assert now is not None and now.value == 100.0
    assert sources.compute("registry.gap_aged75_without_pension", ward_a, dt.date(2100, 1, 1)) is None  # no data, nothing proposed
    assert sources.compute("registry.quality_correct_rate", ward_a, dt.date(2025, 1, 1)) is None  # before any snapshot
    client = Client()
    client.force_login(officer_a)
    assert "31/01/2026" in client.get("/so-ho/chat-luong/").content.decode()


def test_the_quality_command_prints_and_snapshots(family: Any) -> None:
    from io import StringIO

    from ansinh.registry.models_quality import QualitySnapshot

    out = StringIO()
    call_command("registry", "quality", "--json", stdout=out)
    assert '"persons": 4' in out.getvalue()
    call_command("registry", "quality", "--snapshot", stdout=StringIO())
    assert QualitySnapshot.objects.get().persons == 4


def test_the_board_reads_with_few_queries_whatever_the_number_of_communes(family: Any, officer_a: Any, django_assert_max_num_queries: Any) -> None:
    client = Client()
    client.force_login(officer_a)
    client.get("/so-ho/chat-luong/")
    with django_assert_max_num_queries(16):
        assert client.get("/so-ho/chat-luong/").status_code == 200
