"""Import rows against the stored registry: unchanged, or a change request (never an overwrite).

A row whose ``ma_ban_ghi`` is already stored for its commune is compared field by field. Other
identity or contact values become a submitted ``correct_person`` request; another household code
a ``move_person`` request; another address or area of a stored household a ``move_household``
request. An identical open request from an earlier import is not filed twice, so importing the
same changed file again changes nothing more.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from ansinh.registry.models import ChangeRequest, Household, Membership, Person
from ansinh.registry.models_changes import ChangeKind, ChangeStatus

if TYPE_CHECKING:
    from ansinh.registry.importer import Commune, HouseholdState, ImportReport
    from ansinh.registry.rows import Row

_IN = 900
_FIELDS = ("full_name", "birth_date", "birth_precision", "sex", "personal_id", "ethnicity", "phone")


@dataclass
class Stored:
    id: int
    values: dict[str, Any]
    household_id: int | None
    household_code: str
    relation: str


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _key(owner: int, kind: str, payload: dict[str, Any]) -> tuple[int, str, str]:
    return owner, kind, json.dumps(payload, sort_keys=True, ensure_ascii=False)


class Comparer:
    def __init__(self, user: Any, today: dt.date) -> None:
        self.user, self.today = user, today
        self.populated: set[int] | None = None
        self.pending: list[tuple[str, Any, Any, dict[str, Any], dict[str, Any], int]] = []
        self.open: set[tuple[int, str, str]] = set()

    def existing(
        self, chunk: list[Row], households: dict[tuple[int, str], HouseholdState], communes: dict[str, Commune],
        report: ImportReport | None = None,
    ) -> dict[tuple[int, str], Stored]:
        """Stored persons of this chunk's rows, by (commune id, ma_ban_ghi); stored households filled in."""
        if self.populated is None:
            self.populated = set(Household.objects.values_list("commune_id", flat=True).distinct())
        keys = [(communes[r.ma_xa].id, r.ma_ban_ghi, r.ma_ho) for r in chunk if communes[r.ma_xa].id in self.populated]
        if not keys:
            return {}
        self._households(households, {(c, h) for c, _, h in keys}, report)
        found: dict[tuple[int, str], Stored] = {}
        by_commune: dict[int, list[str]] = {}
        for c, m, _ in keys:
            by_commune.setdefault(c, []).append(m)
        for commune_id, refs in by_commune.items():
            for i in range(0, len(refs), _IN):
                rows = Person.objects.filter(commune_id=commune_id, ma_ban_ghi__in=refs[i : i + _IN], deleted_at__isnull=True)
                for p in rows.values("id", "ma_ban_ghi", *_FIELDS):
                    found[(commune_id, p["ma_ban_ghi"])] = Stored(p["id"], {f: p[f] for f in _FIELDS}, None, "", "")
        by_id = {s.id: s for s in found.values()}
        ids = list(by_id)
        for i in range(0, len(ids), _IN):
            members = Membership.objects.filter(person_id__in=ids[i : i + _IN], valid_to__isnull=True)
            for person_id, hh_id, hh_code, relation in members.values_list("person_id", "household_id", "household__code", "relation"):
                s = by_id[person_id]
                s.household_id, s.household_code, s.relation = hh_id, hh_code, relation
            for owner, kind, payload in ChangeRequest.objects.filter(
                person_id__in=ids[i : i + _IN], source="import", status__in=(ChangeStatus.DRAFT, ChangeStatus.SUBMITTED)
            ).values_list("person_id", "kind", "payload"):
                self.open.add(_key(owner, kind, payload))
        return found

    def _households(self, households: dict[tuple[int, str], HouseholdState], keys: set[tuple[int, str]], report: ImportReport | None) -> None:
        todo = [k for k in keys if households[k].is_new and not households[k].looked_up]
        by_commune: dict[int, list[str]] = {}
        for c, h in todo:
            by_commune.setdefault(c, []).append(h)
            households[(c, h)].looked_up = True
        for commune_id, codes in by_commune.items():
            for i in range(0, len(codes), _IN):
                qs = Household.objects.filter(commune_id=commune_id, code__in=codes[i : i + _IN], deleted_at__isnull=True)
                for pk, code, address, area in qs.values_list("id", "code", "address", "area"):
                    hh = households[(commune_id, code)]
                    hh.id, hh.is_new = pk, False
                    for owner, kind, payload in ChangeRequest.objects.filter(
                        household_id=pk, source="import", status__in=(ChangeStatus.DRAFT, ChangeStatus.SUBMITTED)
                    ).values_list("household_id", "kind", "payload"):
                        self.open.add(_key(owner, kind, payload))
                    change = {}
                    if hh.address and hh.address != address:
                        change["address"] = hh.address
                    if hh.area != area:
                        change["area"] = hh.area
                    if change and self._queue(ChangeKind.MOVE_HOUSEHOLD, None, hh, change, {"address": address, "area": area}, hh.head_line):
                        if report is not None:
                            report.change_requests += 1

    def compare(self, row: Row, stored: Stored, hh: HouseholdState, commune: Commune, report: ImportReport) -> bool:
        new = {
            "full_name": row.full_name, "birth_date": row.birth_date, "birth_precision": row.precision, "sex": row.sex,
            "personal_id": row.personal_id, "ethnicity": row.ethnicity, "phone": row.phone,
        }
        if row.birth_date is None:
            new["birth_precision"] = stored.values["birth_precision"]
        changed = {f: _json(v) for f, v in new.items() if v != stored.values[f]}
        before = {f: _json(stored.values[f]) for f in changed}
        filed = False
        if stored.household_code == row.ma_ho and row.relation != stored.relation:
            changed["relation"], before["relation"] = row.relation, stored.relation
        if changed:
            filed |= self._queue(ChangeKind.CORRECT_PERSON, stored.id, hh, changed, before, row.line)
        if stored.household_code != row.ma_ho:
            filed |= self._queue(
                ChangeKind.MOVE_PERSON, stored.id, hh, {"household_code": row.ma_ho, "relation": row.relation},
                {"household_code": stored.household_code, "relation": stored.relation}, row.line,
            )
        return filed

    def _queue(self, kind: str, person_id: int | None, hh: HouseholdState, payload: dict[str, Any], before: dict[str, Any], line: int) -> bool:
        owner = person_id if person_id is not None else hh.id
        assert owner is not None
        key = _key(owner, kind, payload)
        if key in self.open:
            return False
        self.open.add(key)
        self.pending.append((kind, person_id, hh, payload, before, line))
        return True

    def save(self, households: dict[tuple[int, str], HouseholdState]) -> None:
        """Write the queued change requests (after the chunk's new households have ids)."""
        now = timezone.now()
        objs = []
        for kind, person_id, hh, payload, before, line in self.pending:
            moving = kind == ChangeKind.MOVE_PERSON
            objs.append(ChangeRequest(
                kind=kind, status=ChangeStatus.SUBMITTED, commune_id=hh.commune.id, province_code=hh.commune.province_code,
                person_id=person_id, household_id=None if moving or person_id else hh.id,
                target_household_id=hh.id if moving else None, payload=payload, before=before,
                effective_date=self.today, reason=f"Nhập từ tệp: dòng {line} khác dữ liệu đang lưu.", source="import",
                created_by=self.user if getattr(self.user, "is_authenticated", False) else None, submitted_at=now,
            ))
        ChangeRequest.objects.bulk_create(objs, batch_size=500)
        self.pending = []
