"""Since 1 July 2025 local government has two levels: a text dated from then on is never read as a district's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.meta_level import level_in_force

# No body of its own in the header, a superior province named: before the reform this reads as a district's plan.
PLAN = """KẾ HOẠCH
Triển khai chuyển đổi số năm {year}
Ngày {day} tháng 9 năm {year}

Thực hiện Kế hoạch của Tỉnh ủy Bình An về chuyển đổi số, Ban Chỉ đạo ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Rà soát hạ tầng số của {addressees}.
"""


def level(year: int, addressees: str) -> object:
    return extract_plan(PLAN.format(year=year, day=15, addressees=addressees))["meta"]["level"]


def test_a_plan_from_before_july_2025_under_a_named_province_is_still_a_districts() -> None:
    assert level(2024, "các cơ quan") == "district"


def test_the_same_plan_dated_after_the_reform_that_directs_communes_and_wards_is_the_provinces() -> None:
    assert level(2026, "UBND các xã, phường") == "province"


def test_the_same_plan_dated_after_the_reform_that_directs_no_commune_is_a_communes() -> None:
    assert level(2026, "các thôn, tổ dân phố") == "commune"


def test_a_body_that_names_its_district_is_believed_over_a_date_after_the_reform() -> None:
    text = "UBND HUYỆN AN PHÚ\n" + PLAN.format(year=2026, day=15, addressees="UBND các xã")
    assert extract_plan(text)["meta"]["level"] == "district"


@settings(max_examples=30, deadline=None)
@given(
    level_read=st.sampled_from(["central", "province", "district", "commune", "other", None]),
    date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_only_a_district_dated_from_july_2025_on_is_changed_and_never_into_a_district(level_read: str | None, date: str | None) -> None:
    doc = prepare("UBND các xã, phường")
    out = level_in_force(doc, level_read, date, None)
    if level_read == "district" and date is not None and date >= "2025-07-01":
        assert out in {"province", "commune"}
    else:
        assert out == level_read
