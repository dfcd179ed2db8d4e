"""Roll-up: ratios of sums, incremental equals from-scratch, crosswalks, min/max."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.geo.models import UnitCrosswalk
from ansinh.reporting.actions import do_return
from ansinh.reporting.models import AggregateValue, Indicator
from ansinh.reporting.rollup import recompute_all, snapshot
from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi_ward: Any) -> dict[str, Any]:
    catalogue()
    plan = make_plan()
    return {
        "cycle": annual_cycle(plan, 2025),
        "hcm": hcm,
        "vn": hcm.parent,
        "wards": [ward_a, ward_b, hanoi_ward],
    }


def agg(code: str, where: Any) -> AggregateValue:
    return AggregateValue.objects.get(indicator__code=code, unit=where)


def test_a_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators(world: dict[str, Any]) -> None:
    ward_a, ward_b, _ = world["wards"]
    approved(world["cycle"], ward_a, [{"indicator": "POOR_RATE", "numerator": 1, "denominator": 10}])
    approved(world["cycle"], ward_b, [{"indicator": "POOR_RATE", "numerator": 30, "denominator": 1000}])
    city = agg("POOR_RATE", world["hcm"])
    assert city.value == pytest.approx(31 / 1010 * 100)  # 3.07 %, not the mean of 10 % and 3 % (6.5 %)
    assert (city.numerator, city.denominator, city.n_units_reporting) == (31, 1010, 2)
    recompute_all()
    assert agg("POOR_RATE", world["hcm"]).value == pytest.approx(31 / 1010 * 100)


def test_an_approved_value_is_visible_at_every_level_at_once(world: dict[str, Any]) -> None:
    ward_a, _, hanoi_ward = world["wards"]
    approved(world["cycle"], ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 40}])
    approved(world["cycle"], hanoi_ward, [{"indicator": "SOCIAL_HOUSING", "value": 2}])
    assert not AggregateValue.objects.filter(unit=ward_a).exists()  # a commune's figure is its own value
    assert agg("SOCIAL_HOUSING", world["hcm"]).value == 40
    assert agg("SOCIAL_HOUSING", world["vn"]).value == 42


def test_min_max_and_mean_roll_up_over_communes(world: dict[str, Any]) -> None:
    Indicator.objects.create(code="MIN_T", name="Thử nhỏ nhất", aggregation="min")
    ward_a, ward_b, hanoi_ward = world["wards"]
    for where, value in ((ward_a, 70.0), (ward_b, 80.0), (hanoi_ward, 90.0)):
        approved(
            world["cycle"],
            where,
            [{"indicator": "LIFE_EXPECTANCY", "value": value}, {"indicator": "MIN_T", "value": value}],
        )
    assert agg("LIFE_EXPECTANCY", world["hcm"]).value == pytest.approx(75)
    assert agg("LIFE_EXPECTANCY", world["vn"]).value == pytest.approx(80)
    assert agg("MIN_T", world["vn"]).value == 70
    before = snapshot()
    recompute_all()
    assert snapshot().keys() == before.keys()


def test_a_pre_2025_commune_counts_on_its_successors_with_weights(world: dict[str, Any]) -> None:
    ward_a, ward_b, _ = world["wards"]
    old = unit(
        "26737",
        "Phường Nguyễn Thái Bình (cũ)",
        "commune",
        world["hcm"],
        dt.date(2000, 1, 1),
        dt.date(2025, 7, 1),
    )
    UnitCrosswalk.objects.create(predecessor=old, successor=ward_a, weight=0.6, effective=dt.date(2025, 7, 1))
    UnitCrosswalk.objects.create(predecessor=old, successor=ward_b, weight=0.4, effective=dt.date(2025, 7, 1))
    approved(
        world["cycle"],
        old,
        [
            {"indicator": "SOCIAL_HOUSING", "value": 100},
            {"indicator": "POOR_RATE", "numerator": 10, "denominator": 200},
        ],
    )
    assert agg("SOCIAL_HOUSING", ward_a).value == pytest.approx(60)
    assert agg("SOCIAL_HOUSING", ward_b).value == pytest.approx(40)
    assert agg("SOCIAL_HOUSING", world["hcm"]).value == pytest.approx(100)
    assert agg("POOR_RATE", world["hcm"]).denominator == pytest.approx(200)
    assert not AggregateValue.objects.filter(unit=old).exists()
    incremental = snapshot()
    recompute_all()
    assert_same(incremental, snapshot())


def assert_same(left: dict[Any, Any], right: dict[Any, Any]) -> None:
    assert left.keys() == right.keys()
    for key, a in left.items():
        for x, y in zip(a, right[key], strict=True):
            assert (x is None and y is None) or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9), (
                key,
                a,
                right[key],
            )


REPORT = st.tuples(
    st.sampled_from(["SOCIAL_HOUSING", "POOR_RATE", "LIFE_EXPECTANCY", "HI_COVERAGE", "MAX_T"]),
    st.integers(min_value=0, max_value=500),
    st.integers(min_value=1, max_value=1000),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    reports=st.lists(
        st.tuples(st.integers(0, 3), st.lists(REPORT, min_size=1, max_size=4, unique_by=lambda r: r[0])),
        min_size=1,
        max_size=6,
        unique_by=lambda r: r[0],
    ),
    returned=st.sets(st.integers(0, 3), max_size=2),
)
def test_incremental_roll_up_equals_recomputing_from_scratch(
    world: dict[str, Any], reports: list[tuple[int, list[tuple[str, int, int]]]], returned: set[int]
) -> None:
    ward_a, ward_b, hanoi_ward = world["wards"]
    with transaction.atomic():
        Indicator.objects.create(code="MAX_T", name="Thử lớn nhất", aggregation="max")
        old = unit("99999", "Xã cũ", "commune", world["hcm"], dt.date(2000, 1, 1), dt.date(2025, 7, 1))
        UnitCrosswalk.objects.create(
            predecessor=old, successor=ward_a, weight=0.25, effective=dt.date(2025, 7, 1)
        )
        UnitCrosswalk.objects.create(
            predecessor=old, successor=ward_b, weight=0.75, effective=dt.date(2025, 7, 1)
        )
        places = [ward_a, ward_b, hanoi_ward, old]
        submissions = {}
        for place, rows in reports:
            values = []
            for code, a, b in rows:
                if code in ("POOR_RATE", "HI_COVERAGE"):
                    values.append({"indicator": code, "numerator": min(a, b), "denominator": b})
                else:
                    values.append({"indicator": code, "value": a})
            submissions[place] = approved(world["cycle"], places[place], values)
        for place in returned & set(submissions):
            do_return(None, submissions[place], "Kiểm tra lại")
        incremental = snapshot()
        recompute_all()
        assert_same(incremental, snapshot())
        transaction.set_rollback(True)


def test_an_approvals_roll_up_writes_in_as_many_queries_whatever_the_number_of_indicators(
    world: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from ansinh.reporting.actions import do_open_submission, do_save_values, do_submit
    from ansinh.reporting.rollup import plan_submission

    ward_a, ward_b, _ = world["wards"]
    counts = []
    for where, rows in (
        (ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 4}]),
        (ward_b, [{"indicator": "SOCIAL_HOUSING", "value": 5}, {"indicator": "POOR_RATE", "numerator": 3, "denominator": 90}]),
    ):
        submission = do_open_submission(None, world["cycle"], where)
        do_save_values(None, submission, rows)
        do_submit(None, submission)
        pending = plan_submission(submission, +1)
        with django_assert_max_num_queries(3) as captured:  # lock and read, rewrite by id, upsert of new cells
            pending.write()
        counts.append(len(captured))
    assert max(counts) <= 3
    assert agg("SOCIAL_HOUSING", world["vn"]).value == 9 and agg("POOR_RATE", world["hcm"]).value == pytest.approx(3 / 90 * 100)
