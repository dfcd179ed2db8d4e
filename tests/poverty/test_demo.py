"""The demo step: a recognised 2025 review in the simulated wards and a 2026 round in progress; running it twice adds nothing."""

from __future__ import annotations

from typing import Any

from ansinh.poverty import demo
from ansinh.poverty.models import HouseholdStatus, ReviewEntry, ReviewRound
from ansinh.registry.models import Household


def test_the_demo_recognises_2025_and_leaves_2026_in_progress(ward_a: Any, ward_b: Any) -> None:
    Household.objects.bulk_create(
        Household(code=f"D{i}", commune=ward, province_code="79", area="thanh_thi", simulated=True)
        for ward in (ward_a, ward_b) for i in range(400)
    )
    lines: list[str] = []
    demo.load(lines.append)
    done = ReviewRound.objects.filter(year=2025)
    assert done.count() == 2 and set(done.values_list("step", flat=True)) == {ReviewRound.Step.DONE}
    assert HouseholdStatus.objects.filter(year=2025).exists()
    assert set(done.values_list("recognised_by__username", flat=True)) == {"chu_tich_26740", "chu_tich_26743"}
    current = ReviewRound.objects.get(year=2026)
    assert current.commune == ward_a and current.step == ReviewRound.Step.SURVEY
    assert ReviewEntry.objects.filter(round=current, proposed_class="").exists()
    demo.load(lines.append)
    assert ReviewRound.objects.count() == 3
