"""Applying household changes: move (address, area), split, merge."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ansinh.registry.apply import PayloadRefused, _close_and_open
from ansinh.registry.models import Household, Membership, Person, Relation
from ansinh.registry.models_changes import ChangeKind, ChangeRequest


def apply_household_change(change: ChangeRequest) -> dict[str, Any]:
    kind, payload, day = change.kind, change.payload, change.effective_date
    household = Household.objects.select_for_update().get(pk=int(change.household_id or 0))
    if kind == ChangeKind.MOVE_HOUSEHOLD:
        expected = payload.get("_version")
        if expected is not None and household.version != expected:
            raise PayloadRefused("Thông tin hộ đã thay đổi sau khi lập yêu cầu này; hãy lập yêu cầu mới.")
        household.address = payload.get("address", household.address)
        household.area = payload.get("area", household.area)
        household.version += 1
        household.save()
        return {"address": household.address, "area": household.area}
    if kind == ChangeKind.SPLIT_HOUSEHOLD:
        new = Household.objects.create(
            code=payload["new_code"], commune_id=household.commune_id, province_code=household.province_code,
            address=payload.get("address") or household.address, area=household.area,
        )
        persons = {p.registry_code: p for p in Person.objects.filter(registry_code__in=payload["members"])}
        for code in payload["members"]:
            person = persons[code]
            if household.head_id == person.pk:
                household.head = None
            _close_and_open(person, new, Relation.HEAD if code == payload["head"] else Relation.OTHER, day, change)
            person.version += 1
            person.save()
        household.version += 1
        household.save()
        return {"new_household": new.code, "members": payload["members"]}
    if kind == ChangeKind.MERGE_HOUSEHOLDS:
        target = Household.objects.select_for_update().get(pk=int(change.target_household_id or 0))
        members = Membership.objects.filter(household=household, valid_to__isnull=True).select_related("person")
        moved = []
        for member in members:
            relation: str = Relation.OTHER if member.relation == Relation.HEAD else member.relation
            _close_and_open(member.person, target, relation, day, change)
            member.person.save()
            moved.append(member.person.registry_code)
        household.deleted_at = timezone.now()
        household.deleted_reason = f"Nhập vào hộ {target.code} (yêu cầu #{change.pk})"
        household.head = None
        household.version += 1
        household.save()
        target.version += 1
        target.save()
        return {"into": target.code, "members": moved}
    raise PayloadRefused(f"Loại thay đổi «{kind}» không có.")
