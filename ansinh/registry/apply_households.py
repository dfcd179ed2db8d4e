"""Applying household changes: move (address, area), split, merge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from ansinh.registry.apply import PayloadRefused, _close_and_open
from ansinh.registry.models import Household, Membership, Person, Relation
from ansinh.registry.models_changes import ChangeKind, ChangeRequest
from ansinh.registry.rows import AREAS, fast_fold


def _commune_province(unit: Any) -> str:
    parts = unit.path.strip("/").split("/")
    return parts[1] if len(parts) > 1 else ""


def clean_move_household(household: Household, payload: dict[str, Any], today: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    """A move's new address, area and (``new_commune``: a 2025 commune code) commune, checked."""
    from ansinh.geo.models import AdministrativeUnit

    address = " ".join(str(payload.get("address") or household.address).split())[:300]
    area = AREAS.get(fast_fold(str(payload.get("area") or "").replace("_", " ")), household.area)
    cleaned: dict[str, Any] = {"address": address, "area": area, "_version": household.version}
    before: dict[str, Any] = {"address": household.address, "area": household.area}
    code = str(payload.get("new_commune") or "").strip()
    if code:
        unit = AdministrativeUnit.objects.valid_on(today).filter(code=code).first()
        if unit is None:
            raise PayloadRefused(f"Không có đơn vị hành chính nào mã «{code}» đang có hiệu lực.")
        if unit.level != AdministrativeUnit.Level.COMMUNE:
            raise PayloadRefused(f"«{unit.name}» (mã {code}) không phải xã, phường; hãy chọn xã, phường chuyển đến.")
        if unit.pk == household.commune_id:
            raise PayloadRefused(f"Hộ đang ở {unit.name}; xã, phường chuyển đến phải khác xã, phường hiện tại.")
        if Household.objects.filter(commune_id=unit.pk, code=household.code).exists():
            raise PayloadRefused(f"{unit.name} đã có hộ mã «{household.code}»; không chuyển được hộ sang mà không đổi mã.")
        cleaned.update(commune_id=unit.pk, commune_code=unit.code, commune_name=unit.name,
                       province_code=_commune_province(unit))
        commune = household.commune
        before.update(commune_code=commune.code, commune_name=commune.name)
    elif address == household.address and area == household.area:
        raise PayloadRefused("Địa chỉ, khu vực và xã, phường không khác dữ liệu đang lưu.")
    return cleaned, before


def _move_household(change: ChangeRequest, household: Household) -> dict[str, Any]:
    """New address and area; with a new commune, the household and its current members move there together."""
    payload = change.payload
    expected = payload.get("_version")
    if expected is not None and household.version != expected:
        raise PayloadRefused("Thông tin hộ đã thay đổi sau khi lập yêu cầu này; hãy lập yêu cầu mới.")
    household.address = payload.get("address", household.address)
    household.area = payload.get("area", household.area)
    after: dict[str, Any] = {"address": household.address, "area": household.area}
    commune_id = payload.get("commune_id")
    if commune_id:
        if Household.objects.filter(commune_id=commune_id, code=household.code).exists():
            raise PayloadRefused(f"{payload['commune_name']} đã có hộ mã «{household.code}»; không chuyển được hộ sang.")
        household.commune_id, household.province_code = commune_id, payload["province_code"]
        members = Membership.objects.filter(household=household, valid_to__isnull=True)
        person_ids = list(members.values_list("person_id", flat=True))
        Person.objects.filter(pk__in=person_ids).update(
            commune_id=commune_id, province_code=payload["province_code"], version=F("version") + 1, updated_at=timezone.now()
        )
        members.update(province_code=payload["province_code"])
        after.update(commune_code=payload["commune_code"], commune_name=payload["commune_name"], persons=len(person_ids))
    household.version += 1
    household.save()
    return after


def apply_household_change(change: ChangeRequest) -> dict[str, Any]:
    kind, payload, day = change.kind, change.payload, change.effective_date
    household = Household.objects.select_for_update().get(pk=int(change.household_id or 0))
    if kind == ChangeKind.MOVE_HOUSEHOLD:
        return _move_household(change, household)
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
