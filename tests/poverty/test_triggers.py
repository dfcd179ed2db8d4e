"""Step 1 lists households flagged by data: a death, a new member, a benefit stopped, and triggers other apps register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ansinh.poverty import actions, triggers
from ansinh.poverty.models import ReviewEntry

D = dt.date


def test_a_household_whose_member_stopped_receiving_a_benefit_is_listed(officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.benefits.actions import do_decide, do_file_dossier
    from ansinh.benefits.models_dossier import Decision
    from ansinh.benefits.programmes import load_programmes

    load_programmes()
    head = households[0].head
    dossier = do_file_dossier(officer_a, head, "tro-cap-xa-hoi", D(2024, 8, 1))
    decision = do_decide(officer_a, dossier, dossier.version, signed_on=D(2024, 8, 5), number="4/QĐ", granted=True, category_code="K5c")
    Decision.objects.filter(pk=decision.pk).update(ends_on=D(2025, 3, 1))  # stopped within the review year
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    listed = {e.household.code: (e.listed_because, e.listed_note) for e in ReviewEntry.objects.filter(round=round_).select_related("household")}
    assert listed == {"H1": ("du_lieu", "có thành viên thôi hưởng trợ cấp")}


def test_a_death_and_a_new_member_are_flagged_with_their_notes(officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.registry.models import Membership, Person

    Person.objects.filter(pk=households[1].head_id).update(alive=False, death_date=D(2025, 2, 3))
    baby = Person.objects.create(registry_code="T9", full_name="Bé", name_folded="be", sex="nu", commune=ward_a, province_code="79")
    Membership.objects.create(person=baby, household=households[2], relation="con", valid_from=D(2025, 5, 1), province_code="79")
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    notes = dict(ReviewEntry.objects.filter(round=round_).values_list("household__code", "listed_note"))
    assert notes == {"H2": "có người mất trong năm", "H3": "có thành viên mới"}


def test_another_app_registers_its_own_trigger_and_the_list_uses_it(officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    target = households[2].pk
    triggers.register("test.entitlement_ended", lambda commune_id, start, end: {target: "hết chế độ hưởng (thử)"})
    try:
        round_ = actions.do_start_round(officer_a, ward_a, 2025)
    finally:
        triggers._TRIGGERS.pop("test.entitlement_ended")
    assert dict(ReviewEntry.objects.filter(round=round_).values_list("household__code", "listed_note")) == {"H3": "hết chế độ hưởng (thử)"}
