"""Checking a change request's payload when it is filed, and applying it when it is approved.

Applying closes membership rows (``valid_to`` = effective date) and opens new ones, never
overwriting history; a person's or household's ``version`` goes up, and the values recorded when
the request was filed must still hold (``_version``), or the approval is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.registry.bulk import fresh_codes
from ansinh.registry.ethnic import canonical as canonical_ethnicity
from ansinh.registry.identity import check_personal_id
from ansinh.registry.models import Household, Membership, Person, PersonToken, Relation, unknown_start
from ansinh.registry.models_changes import ChangeKind, ChangeRequest
from ansinh.registry.rows import RELATIONS, SEXES, fast_fold, name_tokens, parse_date, parse_phone

PERSON_FIELDS = ("full_name", "birth_date", "sex", "personal_id", "ethnicity", "phone", "relation")


class PayloadRefused(UserError):
    pass


def _relation(value: str) -> str:
    if value in Relation.values:
        return value
    found = RELATIONS.get(fast_fold(value))
    if not found:
        raise PayloadRefused(f"Quan hệ với chủ hộ «{value}» không hợp lệ; ví dụ: Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Khác.")
    return found


def _person_values(raw: dict[str, Any], base: Person | None, today: dt.date) -> dict[str, Any]:
    """Typed, checked person fields from a form or an import (only the keys given)."""
    out: dict[str, Any] = {}
    if "full_name" in raw:
        name = " ".join(str(raw["full_name"]).split())
        if not name or not fast_fold(name) or any(ch.isdigit() for ch in name) or len(name) > 200:
            raise PayloadRefused(f"Họ tên «{name}» không hợp lệ.")
        out["full_name"] = name
    if "birth_date" in raw:
        day, precision, err = parse_date(str(raw["birth_date"] or ""), today)
        if err:
            raise PayloadRefused(f"Ngày sinh: {err}")
        out["birth_date"], out["birth_precision"] = (day.isoformat() if day else None), raw.get("birth_precision") or precision
    if "sex" in raw:
        sex = SEXES.get(fast_fold(str(raw["sex"])), "")
        if not sex:
            raise PayloadRefused("Giới tính phải là Nam hoặc Nữ.")
        out["sex"] = sex
    if "phone" in raw:
        phone, err = parse_phone(str(raw["phone"] or ""))
        if err:
            raise PayloadRefused(f"Số điện thoại: {err}")
        out["phone"] = phone
    if "ethnicity" in raw:
        out["ethnicity"] = canonical_ethnicity(str(raw["ethnicity"] or ""))[:60]
    if "relation" in raw:
        out["relation"] = _relation(str(raw["relation"]))
    if "personal_id" in raw or ("birth_date" in out or "sex" in out):
        number = str(raw.get("personal_id", base.personal_id if base else "") or "")
        birth: str | None = out.get("birth_date") or (base.birth_date.isoformat() if base and base.birth_date else None)
        sex_code: str | None = out.get("sex") or (base.sex if base else None)
        number, issues = check_personal_id(number, birth_year=int(birth[:4]) if birth else None, sex=sex_code, today=today)
        errors = [i.message for i in issues if i.is_error]
        if errors:
            raise PayloadRefused("Số định danh: " + " ".join(errors))
        if "personal_id" in raw:
            out["personal_id"] = number
    return out


def _snapshot(person: Person, fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        if f == "relation":
            member = person.memberships.filter(valid_to__isnull=True).first()
            out[f] = member.relation if member else ""
        else:
            value = getattr(person, f)
            out[f] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def clean_payload(
    kind: str, person: Person | None, household: Household | None, target: Household | None,
    payload: dict[str, Any], effective: dt.date,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(cleaned payload, values before) or ``PayloadRefused`` with a Vietnamese message."""
    today = timezone.localdate()
    if kind in (ChangeKind.CORRECT_PERSON, ChangeKind.RECORD_DEATH, ChangeKind.REMOVE_MEMBER, ChangeKind.MOVE_PERSON) and person is None:
        raise PayloadRefused("Yêu cầu này cần chọn một nhân khẩu.")
    if kind in (ChangeKind.ADD_MEMBER, ChangeKind.MOVE_HOUSEHOLD, ChangeKind.SPLIT_HOUSEHOLD, ChangeKind.MERGE_HOUSEHOLDS) and household is None:
        raise PayloadRefused("Yêu cầu này cần chọn một hộ gia đình.")
    if kind == ChangeKind.CORRECT_PERSON:
        assert person is not None
        values = _person_values({k: v for k, v in payload.items() if k in PERSON_FIELDS}, person, today)
        before = _snapshot(person, list(values))
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            raise PayloadRefused("Không có thông tin nào khác với dữ liệu đang lưu.")
        return {**changed, "_version": person.version}, {k: before.get(k) for k in changed}
    if kind == ChangeKind.RECORD_DEATH:
        assert person is not None
        if not person.alive:
            raise PayloadRefused("Người này đã được ghi nhận là đã mất.")
        day, _, err = parse_date(str(payload.get("death_date") or ""), today)
        if err or day is None:
            raise PayloadRefused("Ngày mất không hợp lệ" + (f": {err}" if err else " (bắt buộc)."))
        if person.birth_date and day < person.birth_date:
            raise PayloadRefused("Ngày mất không thể trước ngày sinh.")
        joined = person.memberships.filter(valid_to__isnull=True, start_known=True, valid_from__gte=day).first()
        if joined is not None:
            raise PayloadRefused(f"Ngày mất phải sau ngày người này vào hộ hiện tại ({joined.valid_from:%d/%m/%Y}).")
        return {"death_date": day.isoformat(), "_version": person.version}, {"alive": True}
    if kind == ChangeKind.ADD_MEMBER:
        values = _person_values(payload, None, today)
        if "full_name" not in values or "sex" not in values or "relation" not in values:
            raise PayloadRefused("Thành viên mới cần họ tên, giới tính và quan hệ với chủ hộ.")
        return values, {}
    if kind in (ChangeKind.REMOVE_MEMBER, ChangeKind.MOVE_PERSON):
        assert person is not None
        _check_leaving_day(person, effective, same_day_ok=kind == ChangeKind.MOVE_PERSON)
    if kind == ChangeKind.REMOVE_MEMBER:
        if household is None:
            raise PayloadRefused("Người này hiện không thuộc hộ nào.")
        return {"household_code": household.code}, {"household_code": household.code}
    if kind == ChangeKind.MOVE_PERSON:
        if target is None:
            raise PayloadRefused("Hãy chọn hộ chuyển đến.")
        if household is not None and target.pk == household.pk:
            raise PayloadRefused("Hộ chuyển đến trùng với hộ hiện tại.")
        relation = _relation(str(payload.get("relation") or "khac"))
        return ({"household_code": target.code, "relation": relation},
                {"household_code": household.code if household else ""})
    if kind == ChangeKind.MOVE_HOUSEHOLD:
        assert household is not None
        from ansinh.registry.apply_households import clean_move_household

        return clean_move_household(household, payload, today)
    if kind == ChangeKind.SPLIT_HOUSEHOLD:
        assert household is not None
        codes = [str(c).strip().upper() for c in payload.get("members") or [] if str(c).strip()]
        new_code = str(payload.get("new_code") or "").strip()
        current = set(household.memberships.filter(valid_to__isnull=True).values_list("person__registry_code", flat=True))
        if not new_code or not codes:
            raise PayloadRefused("Tách hộ cần mã hộ mới và ít nhất một thành viên chuyển sang.")
        if Household.objects.filter(commune_id=household.commune_id, code=new_code).exists():
            raise PayloadRefused(f"Mã hộ «{new_code}» đã có trong xã, phường này.")
        outside = [c for c in codes if c not in current]
        if outside:
            raise PayloadRefused(f"Không phải thành viên hiện tại của hộ: {', '.join(outside)}.")
        head = str(payload.get("head") or codes[0]).strip().upper()
        if head not in codes:
            raise PayloadRefused("Chủ hộ mới phải là một trong các thành viên chuyển sang.")
        return {"new_code": new_code, "members": codes, "head": head, "address": str(payload.get("address") or household.address)}, {}
    if kind == ChangeKind.MERGE_HOUSEHOLDS:
        assert household is not None
        if target is None or target.pk == household.pk:
            raise PayloadRefused("Hãy chọn hộ nhận (khác hộ bị nhập).")
        return {"into": target.code}, {"household_code": household.code}
    raise PayloadRefused(f"Loại thay đổi «{kind}» không có.")


def _recorded_on(person: Person) -> dt.date:
    """The day the registry learnt of the person (the import day of an imported person)."""
    return timezone.localdate(person.created_at) if person.created_at else timezone.localdate()


def _check_leaving_day(person: Person, day: dt.date, *, same_day_ok: bool) -> None:
    """Refuse at filing a leaving day the approval would refuse (see ``_close_and_open``)."""
    current = person.memberships.filter(valid_to__isnull=True).first()
    if current is None:
        return
    if not current.start_known:
        recorded = _recorded_on(person)
        if day < recorded:
            raise PayloadRefused(
                f"Ngày có hiệu lực không được trước ngày {recorded:%d/%m/%Y}: theo dữ liệu nhập ngày đó, "
                "người này còn ở trong hộ (ngày vào hộ không rõ)."
            )
    elif current.valid_from > day or (current.valid_from == day and not same_day_ok):
        raise PayloadRefused(f"Ngày có hiệu lực phải sau ngày {current.valid_from:%d/%m/%Y} (thành viên hộ từ ngày đó).")


def _close_and_open(
    person: Person, household: Household | None, relation: str | None, day: dt.date, change: ChangeRequest,
    *, death: bool = False,
) -> None:
    """Close the person's current membership on ``day``; open one in ``household`` if given.

    A membership of unknown start (from an import) may end on or after the import day; a death ends
    it on the death day even before the import. A known start must come before ``day``.
    """
    current = Membership.objects.filter(person=person, valid_to__isnull=True).first()
    if current is not None and current.start_known and current.valid_from == day and household is not None:
        # a correction on the day the membership began: that row lasted no day, so it is corrected
        current.household, current.relation = household, relation or current.relation
        current.change_request = change
        current.save(update_fields=["household", "relation", "change_request"])
        if person.commune_id != household.commune_id:
            person.commune_id, person.province_code = household.commune_id, household.province_code
        if current.relation == Relation.HEAD:
            Household.objects.filter(pk=household.pk).update(head=person)
        return
    if current is not None:
        if not current.start_known:
            recorded = _recorded_on(person)
            if not death and day < recorded:
                raise PayloadRefused(
                    f"Ngày có hiệu lực không được trước ngày {recorded:%d/%m/%Y}: theo dữ liệu nhập ngày đó, "
                    "người này còn ở trong hộ (ngày vào hộ không rõ)."
                )
            if current.valid_from >= day:  # an old lower bound (the import day): the start is unknown anyway
                current.valid_from = unknown_start(person.birth_date if person.birth_date and person.birth_date < day else None)
        if current.valid_from >= day:
            raise PayloadRefused(f"Ngày có hiệu lực phải sau ngày {current.valid_from:%d/%m/%Y} (thành viên hộ từ ngày đó).")
        current.valid_to = day
        current.save(update_fields=["valid_from", "valid_to"])
        if relation is None:
            relation = current.relation
    if household is not None:
        Membership.objects.create(
            person=person, household=household, relation=relation or Relation.OTHER, valid_from=day,
            province_code=household.province_code, change_request=change,
        )
        if person.commune_id != household.commune_id:
            person.commune_id, person.province_code = household.commune_id, household.province_code
        if relation == Relation.HEAD:
            Household.objects.filter(pk=household.pk).update(head=person)


def _retokenize(person: Person, old_folded: str) -> None:
    PersonToken.objects.filter(person=person, token__in=name_tokens(old_folded)).delete()
    PersonToken.objects.bulk_create([PersonToken(person=person, token=t) for t in name_tokens(person.name_folded)])


def _locked_person(change: ChangeRequest) -> Person:
    person = Person.objects.select_for_update().get(pk=int(change.person_id or 0))
    expected = change.payload.get("_version")
    if expected is not None and person.version != expected:
        raise PayloadRefused("Thông tin nhân khẩu đã thay đổi sau khi lập yêu cầu này; hãy lập yêu cầu mới.")
    return person


def apply_change(change: ChangeRequest) -> dict[str, Any]:
    """Apply an approved change in the caller's transaction; return the values after."""
    kind, payload, day = change.kind, change.payload, change.effective_date
    if kind == ChangeKind.CORRECT_PERSON:
        person = _locked_person(change)
        old_folded = person.name_folded
        after: dict[str, Any] = {}
        for key, value in payload.items():
            if key == "_version":
                continue
            if key == "relation":
                _close_and_open(person, current_household_of(person), value, day, change)
            elif key in ("birth_date", "death_date"):
                setattr(person, key, dt.date.fromisoformat(value) if value else None)
            else:
                setattr(person, key, value)
            after[key] = value
        person.name_folded = fast_fold(person.full_name)
        person.version += 1
        person.save()
        if person.name_folded != old_folded:
            _retokenize(person, old_folded)
        return after
    if kind == ChangeKind.RECORD_DEATH:
        person = _locked_person(change)
        person.alive, person.death_date = False, dt.date.fromisoformat(payload["death_date"])
        # the death ends the person's memberships on the death day, even one before the import
        while Membership.objects.filter(person=person, valid_to__isnull=True).exists():
            _close_and_open(person, None, None, person.death_date, change, death=True)
        person.version += 1
        person.save()
        Household.objects.filter(head=person).update(head=None)
        return {"alive": False, "death_date": payload["death_date"]}
    if kind == ChangeKind.ADD_MEMBER:
        household = Household.objects.select_for_update().get(pk=int(change.household_id or 0))
        values = {k: v for k, v in payload.items() if k != "relation"}
        if values.get("personal_id"):  # the duplicate gate again: someone may have been added since filing
            from ansinh.registry.dedup.gate import check_exact_id

            check_exact_id(values["personal_id"])
        birth = values.pop("birth_date", None)
        person = Person.objects.create(
            registry_code=fresh_codes(1)[0], commune_id=household.commune_id, province_code=household.province_code,
            name_folded=fast_fold(values["full_name"]), birth_date=dt.date.fromisoformat(birth) if birth else None, **values,
        )
        PersonToken.objects.bulk_create([PersonToken(person=person, token=t) for t in name_tokens(person.name_folded)])
        _close_and_open(person, household, payload["relation"], day, change)
        change.person = person
        return {"registry_code": person.registry_code, **payload}
    if kind in (ChangeKind.REMOVE_MEMBER, ChangeKind.MOVE_PERSON):
        person = _locked_person(change)
        target = Household.objects.get(pk=int(change.target_household_id or 0)) if kind == ChangeKind.MOVE_PERSON else None
        if target is None and kind == ChangeKind.MOVE_PERSON:
            raise PayloadRefused("Không còn hộ chuyển đến.")
        Household.objects.filter(head=person).update(head=None)
        _close_and_open(person, target, payload.get("relation"), day, change)
        person.version += 1
        person.save()
        return {"household_code": target.code if target else ""}
    from ansinh.registry.apply_households import apply_household_change

    return apply_household_change(change)


def current_household_of(person: Person) -> Household | None:
    member = Membership.objects.filter(person=person, valid_to__isnull=True).select_related("household").first()
    return member.household if member else None
