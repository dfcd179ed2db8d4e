"""Decisions on candidate pairs: "different people" (remembered), "same person" (merge), undo.

A merge keeps both records: the absorbed person is marked deleted with the survivor's code in the
reason, their current memberships are closed (and household headship cleared), and what was
changed is stored on the ``PersonMerge`` so that undoing puts it back exactly. Each ``do_*`` runs
in one transaction, checks the pair's ``version`` and scope, and writes an audit row.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry.access import can_write_commune
from ansinh.registry.dedup.guards import merge_refusal
from ansinh.registry.dedup.models import DuplicatePair, PairStatus, PersonMerge
from ansinh.registry.models import Household, Membership, Person


class PairRefused(UserError):
    pass


def _locked_pair(user: Any, pair: DuplicatePair, version: int | None) -> tuple[DuplicatePair, Person, Person]:
    locked = DuplicatePair.objects.select_for_update().get(pk=pair.pk)
    if version is not None and locked.version != version:
        raise PairRefused("Cặp này vừa được người khác xử lý; hãy tải lại trang.")
    a, b = (Person.objects.select_for_update().get(pk=pk) for pk in (locked.person_a_id, locked.person_b_id))
    if not (can_write_commune(user, a.commune_id) and can_write_commune(user, b.commune_id)):
        raise PairRefused("Bạn không có quyền quyết định về nhân khẩu của xã, phường này.")
    if locked.status != PairStatus.OPEN:
        raise PairRefused(f"Cặp này đã được quyết định («{locked.get_status_display()}»).")
    return locked, a, b


@transaction.atomic
def do_mark_different(user: Any, pair: DuplicatePair, note: str = "", version: int | None = None) -> DuplicatePair:
    """Two different people (twins, namesakes): the pair is never proposed again."""
    locked, _, _ = _locked_pair(user, pair, version)
    locked.status, locked.decided_by, locked.decided_at = PairStatus.DIFFERENT, user, timezone.now()
    locked.note, locked.version = note.strip()[:500], locked.version + 1
    locked.save(update_fields=["status", "decided_by", "decided_at", "note", "version"])
    audit(user, "registry.dedup_different", locked, summary="Hai người khác nhau (không đề xuất lại)")
    return locked


@transaction.atomic
def do_merge(user: Any, pair: DuplicatePair, survivor_id: int, note: str = "", version: int | None = None) -> PersonMerge:
    """The same person: ``survivor_id`` stays, the other is kept but marked merged into it."""
    locked, a, b = _locked_pair(user, pair, version)
    if survivor_id not in (a.pk, b.pk):
        raise PairRefused("Hãy chọn bản ghi giữ lại là một trong hai người của cặp.")
    survivor, absorbed = (a, b) if survivor_id == a.pk else (b, a)
    for person in (survivor, absorbed):
        if person.deleted_at is not None:
            raise PairRefused(
                f"{person.full_name} ({person.registry_code}) đã được gộp hoặc đã bị xóa ở nơi khác; không gộp thêm."
            )
    if PersonMerge.objects.filter(survivor=absorbed, undone_at__isnull=True).exists():
        raise PairRefused(
            f"{absorbed.full_name} ({absorbed.registry_code}) đang là bản ghi giữ lại của một lần gộp khác; "
            "hãy chọn người này làm bản ghi giữ lại, hoặc hoàn tác lần gộp kia trước."
        )
    refusal = merge_refusal([survivor.pk, absorbed.pk])
    if refusal:
        raise PairRefused(refusal)
    today = timezone.localdate()
    current = list(Membership.objects.filter(person=absorbed, valid_to__isnull=True))
    before: dict[str, Any] = {
        "version": absorbed.version,
        "closed": [m.pk for m in current if m.valid_from < today],
        "removed": [
            {"household": m.household_id, "relation": m.relation, "valid_from": m.valid_from.isoformat(), "province_code": m.province_code}
            for m in current if m.valid_from >= today
        ],
        "head_of": list(Household.objects.filter(head=absorbed).values_list("pk", flat=True)),
    }
    Membership.objects.filter(pk__in=before["closed"]).update(valid_to=today)
    Membership.objects.filter(person=absorbed, valid_to__isnull=True, valid_from__gte=today).delete()
    Household.objects.filter(pk__in=before["head_of"]).update(head=None)
    absorbed.deleted_at = timezone.now()
    absorbed.deleted_reason = f"Gộp vào {survivor.registry_code} (cặp nghi trùng #{locked.pk})"
    absorbed.version += 1
    absorbed.save(update_fields=["deleted_at", "deleted_reason", "version"])
    merge = PersonMerge.objects.create(pair=locked, survivor=survivor, absorbed=absorbed, absorbed_before=before, merged_by=user)
    locked.status, locked.decided_by, locked.decided_at = PairStatus.SAME, user, timezone.now()
    locked.note, locked.version = note.strip()[:500], locked.version + 1
    locked.save(update_fields=["status", "decided_by", "decided_at", "note", "version"])
    audit(user, "registry.person_merge", merge, summary=f"Gộp {absorbed.registry_code} vào {survivor.registry_code}", after=before)
    return merge


@transaction.atomic
def do_undo_merge(user: Any, merge: PersonMerge) -> PersonMerge:
    """Put the absorbed person back as before the merge; the pair is open again."""
    locked = PersonMerge.objects.select_for_update().get(pk=merge.pk)
    if locked.undone_at is not None:
        raise PairRefused("Lần gộp này đã được hoàn tác.")
    absorbed = Person.objects.select_for_update().get(pk=locked.absorbed_id)
    survivor = Person.objects.get(pk=locked.survivor_id)
    if not (can_write_commune(user, absorbed.commune_id) and can_write_commune(user, survivor.commune_id)):
        raise PairRefused("Bạn không có quyền hoàn tác lần gộp này.")
    if not absorbed.deleted_reason.startswith(f"Gộp vào {survivor.registry_code}"):
        raise PairRefused("Bản ghi đã thay đổi sau khi gộp (ví dụ đã bị xóa vì lý do khác); không hoàn tác được.")
    before = locked.absorbed_before
    absorbed.deleted_at, absorbed.deleted_reason, absorbed.version = None, "", absorbed.version + 1
    absorbed.save(update_fields=["deleted_at", "deleted_reason", "version"])
    Membership.objects.filter(pk__in=before.get("closed", [])).update(valid_to=None)
    Membership.objects.bulk_create([
        Membership(person=absorbed, household_id=m["household"], relation=m["relation"], valid_from=m["valid_from"], province_code=m["province_code"])
        for m in before.get("removed", [])
    ])
    Household.objects.filter(pk__in=before.get("head_of", []), head__isnull=True).update(head=absorbed)
    locked.undone_by, locked.undone_at = user, timezone.now()
    locked.save(update_fields=["undone_by", "undone_at"])
    DuplicatePair.objects.filter(pk=locked.pair_id).update(status=PairStatus.OPEN, decided_by=None, decided_at=None, version=locked.pair.version + 1)
    audit(user, "registry.person_merge_undo", locked, summary=f"Hoàn tác gộp {absorbed.registry_code} vào {survivor.registry_code}")
    return locked
