"""Programmes as versioned data: ``ansinh benefits load`` and its refusals of a bad data file."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ansinh.benefits.models import BaseLevel, Category, Programme
from ansinh.benefits.programmes import DATA, load_programmes
from ansinh.core.commands import Failure

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("benefits", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_loading_twice_gives_the_same_rows() -> None:
    out, _ = run("load")
    assert "5 chương trình" in out
    first = (Programme.objects.count(), BaseLevel.objects.count(), Category.objects.count())
    run("load")
    assert (Programme.objects.count(), BaseLevel.objects.count(), Category.objects.count()) == first


def test_the_social_assistance_base_level_is_360_000_until_june_2024_then_500_000() -> None:
    load_programmes()
    levels = list(BaseLevel.objects.filter(programme__code="tro-cap-xa-hoi").values_list("amount", "valid_from", "valid_to", "verified"))
    assert [(a, str(f), str(t)) for a, f, t, _ in levels] == [(360000, "2021-07-01", "2024-06-30"), (500000, "2024-07-01", "None")]
    assert all(v for *_, v in levels)


def test_the_merit_base_level_is_2_789_000_from_july_2024_under_decree_77() -> None:
    load_programmes()
    level = BaseLevel.objects.get(programme__code="uu-dai-nguoi-co-cong", valid_from="2024-07-01")
    assert level.amount == 2789000 and "77/2024" in level.source


def test_coefficients_after_decree_76_are_marked_unverified_and_before_it_verified() -> None:
    load_programmes()
    rows = Category.objects.filter(programme__code="tro-cap-xa-hoi", code="K5a-80")
    assert {str(c.valid_from): c.verified for c in rows} == {"2021-07-01": True, "2024-07-01": False}


def test_the_tet_gifts_have_two_tiers_and_are_unverified() -> None:
    load_programmes()
    gifts = Category.objects.filter(programme__code="qua-tet-chu-tich-nuoc")
    assert sorted(g.amount or 0 for g in gifts) == [300000, 600000]
    assert not any(g.verified for g in gifts)


def test_money_in_the_data_file_is_whole_dong() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for prog in data["programmes"]:
        for lv in prog["base_levels"]:
            assert isinstance(lv["amount"], int)
        for cat in prog["categories"]:
            assert cat.get("amount") is None or isinstance(cat["amount"], int)


def _bad_file(tmp_path: Path, change: str) -> Path:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    prog = data["programmes"][0]
    if change == "overlap":
        prog["base_levels"][1]["valid_from"] = "2024-06-01"
    elif change == "fraction":
        prog["base_levels"][1]["amount"] = 500000.5
    elif change == "both":
        prog["categories"][0]["amount"] = 100
    elif change == "date":
        prog["base_levels"][0]["valid_from"] = "01/07/2021"
    elif change == "class":
        prog["categories"][3]["household_classes"] = ["giau"]
    elif change == "duplicate":
        data["programmes"].append(prog)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("overlap", "chồng lên nhau"),
        ("fraction", "số nguyên đồng"),
        ("both", "đúng một trong hai"),
        ("date", "không hợp lệ"),
        ("class", "phân loại hộ không hợp lệ"),
        ("duplicate", "bị trùng"),
    ],
)
def test_a_bad_data_file_is_refused_in_vietnamese_and_nothing_is_stored(tmp_path: Path, change: str, words: str) -> None:
    err = StringIO()
    with pytest.raises(Failure):
        call_command("benefits", "load", "--file", str(_bad_file(tmp_path, change)), stderr=err)
    assert words in err.getvalue()
    assert Programme.objects.count() == 0 and BaseLevel.objects.count() == 0


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("không phải json", encoding="utf-8")
    err = StringIO()
    with pytest.raises(Failure):
        call_command("benefits", "load", "--file", str(path), stderr=err)
    assert "không phải JSON hợp lệ" in err.getvalue()
    assert Programme.objects.count() == 0


def test_reading_every_programme_as_rules_takes_a_fixed_number_of_queries(django_assert_max_num_queries: Any) -> None:
    from ansinh.benefits.programmes import programme_rules

    load_programmes()
    with django_assert_max_num_queries(4):
        progs = programme_rules()
    assert len(progs) == 5 and sum(len(p.categories) for p in progs) == Category.objects.count()
