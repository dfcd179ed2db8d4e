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
