"""Old data on the new map and new data on the old map, through crosswalk chains."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.geo.crosswalk import (
    agency_successors_on,
    map_value_to_current,
    map_value_to_past,
    map_values_to_current,
    predecessors_on,
    successors_on,
)
from ansinh.geo.models import AdministrativeUnit, Agency, AgencyCrosswalk, UnitCrosswalk

pytestmark = pytest.mark.django_db
OLD = dt.date(1976, 7, 2)
REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2024, 12, 31)
AFTER = dt.date(2026, 1, 1)


def _old(code: str, name: str, parent: Any, level: str = "commune", valid_to: dt.date = REFORM) -> AdministrativeUnit:
    return AdministrativeUnit.objects.create(
        code=code, name=name, level=level, parent=parent, valid_from=OLD, valid_to=valid_to
    )


def _link(pred: Any, succ: Any, weight: float = 1.0, effective: dt.date = REFORM) -> None:
    UnitCrosswalk.objects.create(predecessor=pred, successor=succ, weight=weight, effective=effective)


@pytest.fixture
def old_wards(vn: Any, ward_a: Any, ward_b: Any) -> dict[str, Any]:
    """Bến Nghé → Sài Gòn; Nguyễn Thái Bình split 0.5/0.5 between Sài Gòn and Bến Thành."""
    city = _old("79", "Thành phố Hồ Chí Minh", vn, "province")
    ben_nghe = _old("26740", "Phường Bến Nghé", city)
    ntb = _old("26746", "Phường Nguyễn Thái Bình", city)
    _link(ben_nghe, ward_a)
    _link(ntb, ward_a, 0.5)
    _link(ntb, ward_b, 0.5)
    return {"ben_nghe": ben_nghe, "ntb": ntb}


def test_a_unit_without_crosswalk_carries_its_own_data(ward_a: Any) -> None:
    assert successors_on(ward_a, AFTER) == [(ward_a, 1.0)]


def test_a_split_shares_the_value_and_the_weights_sum_to_one(old_wards: Any, ward_a: Any, ward_b: Any) -> None:
    shares = successors_on(old_wards["ntb"], AFTER)
    assert shares == [(ward_a, 0.5), (ward_b, 0.5)]
    assert sum(w for _, w in shares) == pytest.approx(1)
    assert map_value_to_current(old_wards["ntb"], 120, AFTER) == [(ward_a, 60.0), (ward_b, 60.0)]


def test_a_crosswalk_does_not_apply_before_its_effective_date(old_wards: Any) -> None:
    assert successors_on(old_wards["ntb"], BEFORE) == [(old_wards["ntb"], 1.0)]


def test_mapping_many_old_values_adds_them_up_per_new_unit(old_wards: Any, ward_a: Any, ward_b: Any) -> None:
    mapped = map_values_to_current([(old_wards["ben_nghe"], 100), (old_wards["ntb"], 40)], AFTER)
    assert mapped == [(ward_a, 120.0), (ward_b, 20.0)]


def test_chains_of_changes_are_followed(vn: Any, ward_a: Any, ward_b: Any) -> None:
    city = _old("79", "Thành phố Hồ Chí Minh", vn, "province")
    first = _old("99001", "Phường Một", city, valid_to=dt.date(2020, 1, 1))
    middle = AdministrativeUnit.objects.create(
        code="99002", name="Phường Hai", level="commune", parent=city, valid_from=dt.date(2020, 1, 1), valid_to=REFORM
    )
    _link(first, middle, 1.0, dt.date(2020, 1, 1))
    _link(middle, ward_a, 0.25)
    _link(middle, ward_b, 0.75)
    assert successors_on(first, AFTER) == [(ward_a, 0.25), (ward_b, 0.75)]
    assert successors_on(first, dt.date(2022, 1, 1)) == [(middle, 1.0)]
    assert predecessors_on(ward_b, dt.date(2019, 1, 1)) == [(first, 1.0)]


def test_current_data_is_shown_on_the_old_map_in_proportion_to_the_weights(old_wards: Any, ward_a: Any) -> None:
    # Sài Gòn took all of Bến Nghé (weight 1) and half of Nguyễn Thái Bình (weight 0.5).
    shares = predecessors_on(ward_a, BEFORE)
    assert shares == [(old_wards["ben_nghe"], pytest.approx(2 / 3)), (old_wards["ntb"], pytest.approx(1 / 3))]
    values = map_value_to_past(ward_a, 300, BEFORE)
    assert [v for _, v in values] == [pytest.approx(200), pytest.approx(100)]


def test_the_old_map_view_does_not_mix_districts_with_their_wards(old_wards: Any, ward_a: Any) -> None:
    city = old_wards["ben_nghe"].parent
    district = _old("760", "Quận 1", city, "district")
    _link(district, ward_a, 1.0)
    assert {u.code for u, _ in predecessors_on(ward_a, BEFORE)} == {"26740", "26746"}
    assert predecessors_on(ward_a, BEFORE, level="district") == [(district, 1.0)]


def test_an_agency_split_follows_its_weights(hcm: Any) -> None:
    old = Agency.objects.create(
        code="79-SLDTBXH", name="Sở Lao động - Thương binh và Xã hội", kind="department", unit=hcm,
        valid_from=OLD, valid_to=dt.date(2025, 3, 1),
    )
    snv = Agency.objects.create(code="79-SNV", name="Sở Nội vụ", kind="department", unit=hcm, valid_from=REFORM)
    syt = Agency.objects.create(code="79-SYT", name="Sở Y tế", kind="department", unit=hcm, valid_from=REFORM)
    AgencyCrosswalk.objects.create(predecessor=old, successor=snv, weight=0.7, effective=dt.date(2025, 3, 1))
    AgencyCrosswalk.objects.create(predecessor=old, successor=syt, weight=0.3, effective=dt.date(2025, 3, 1))
    assert agency_successors_on(old, AFTER) == [(snv, 0.7), (syt, 0.3)]
    assert agency_successors_on(old, BEFORE) == [(old, 1.0)]


@given(shares=st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=4), value=st.integers(0, 10**6))
@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_split_never_creates_or_loses_value(vn: Any, hcm: Any, shares: list[int], value: int) -> None:
    UnitCrosswalk.objects.all().delete()
    AdministrativeUnit.objects.filter(valid_to__isnull=False).delete()
    AdministrativeUnit.objects.filter(code__startswith="8").delete()
    old = _old("99999", "Phường Cũ", vn)
    targets = [
        AdministrativeUnit.objects.create(code=f"8{i:04d}", name=f"Phường {i}", level="commune", parent=hcm, valid_from=REFORM)
        for i in range(len(shares))
    ]
    total = sum(shares)
    weights = [s / total for s in shares]
    weights[-1] = 1 - sum(weights[:-1])
    for target, weight in zip(targets, weights, strict=True):
        if weight > 0:
            _link(old, target, min(weight, 1.0))
    mapped = map_value_to_current(old, value, AFTER)
    assert sum(v for _, v in mapped) == pytest.approx(value)
    back = sum(v for t in targets for _, v in map_value_to_past(t, 1.0, BEFORE))
    assert back == pytest.approx(len([w for w in weights if w > 0]))
