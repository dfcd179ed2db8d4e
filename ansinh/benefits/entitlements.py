"""Monthly entitlements from decisions, computed set-based and stored (``EntitlementMonth``).

For a month, every granted decision in force on its first day (``effective_from`` ≤ month <
``ends_on``) is read with its person in one query. Persons who look the same to the calculator —
the same granted categories, household class, confirmed conditions, age on the month's first and
last day, death before the month — get the same amounts, so ``rules.monthly`` runs once per such
*signature* (a few hundred for a million persons), not once per person. Each paid amount points to
a ``Basis`` (programme, category, coefficient, base level, legal source, verified), so the page can
explain it; an amount set aside by "only the highest" or not due this month keeps its reason.

A province's top-up (``topups.py``, ``data/topups.json``) is added to the paid line by ``rules.monthly``;
the signature then includes the province (only for provinces with a top-up in force), and the
``Basis`` text says national amount + top-up with its source.

Conventions (``rules.py``): start in the month the decision takes effect, stop from ``ends_on``;
a person who died in a month is entitled for that month, not after (payment lists then skip persons
recorded as deceased); K4's per-child amount counts one child (decisions do not record children yet).

``recompute`` compares with what is stored: months already on an approved list produce an
``Adjustment`` (arrears when the new amount is higher, an overpayment when lower).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection
from django.utils import timezone

from ansinh.benefits import rules

Signature = tuple[tuple[tuple[str, str], ...], str, frozenset[str], int, int, bool, bool, str]


class Row(NamedTuple):
    """One decision in force in the month, with what the calculator needs of its person."""

    decision_id: int
    person_id: int
    programme_id: int
    programme: str
    category: str
    conditions: frozenset[str]
    birth: dt.date | None
    death: dt.date | None
    alive: bool
    commune_id: int
    province_code: str
    full_name: str


@dataclass(frozen=True)
class Outcome:
    status: str
    amount: int
    line: rules.Line | None
    note: str


def _in(column: str, ids: Sequence[int] | None) -> tuple[str, list[Any]]:
    if ids is None:
        return "", []
    if not ids:
        return " AND 1 = 0", []
    return f" AND {column} IN ({', '.join(['%s'] * len(ids))})", list(ids)


def decision_rows(first: dt.date, commune_ids: Sequence[int] | None = None) -> list[Row]:
    """Granted decisions in force on ``first`` with their persons (one query), ordered by person."""
    where, params = _in("p.commune_id", commune_ids)
    sql = (
        "SELECT d.id, d.person_id, d.programme_id, g.code, d.category_code, d.conditions, p.birth_date, p.death_date, "
        "p.alive, p.commune_id, p.province_code, p.full_name "
        "FROM benefits_decision d JOIN registry_person p ON p.id = d.person_id "
        "JOIN benefits_programme g ON g.id = d.programme_id "
        "WHERE d.granted AND g.kind = %s AND d.effective_from <= %s AND (d.ends_on IS NULL OR d.ends_on > %s) "
        "AND p.deleted_at IS NULL" + where + " ORDER BY d.person_id, d.id"
    )
    conditions: dict[str, frozenset[str]] = {}
    out = []
    with connection.cursor() as cursor:
        cursor.execute(sql, [rules.MONTHLY, first, first, *params])
        for did, pid, prog_id, prog, cat, cond, birth, death, alive, commune, province, name in cursor.fetchall():
            key = cond if isinstance(cond, str) else json.dumps(cond)
            parsed = conditions.get(key)
            if parsed is None:
                parsed = conditions[key] = frozenset(json.loads(key) or ())
            out.append(Row(did, pid, prog_id, prog, cat, parsed, birth, death, bool(alive), commune, province, name))
    return out


def household_classes(first: dt.date, person_ids: Iterable[int]) -> dict[int, str]:
    """The recognised household class on ``first`` of each person (latest membership, latest status)."""
    ids = sorted(set(person_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), 5000):
        chunk = ids[start:start + 5000]
        sql = (
            "SELECT m.person_id, s.klass FROM registry_membership m "
            "JOIN poverty_householdstatus s ON s.household_id = m.household_id "
            "WHERE m.valid_from <= %s AND (m.valid_to IS NULL OR m.valid_to > %s) AND s.valid_from <= %s "
            f"AND m.person_id IN ({', '.join(['%s'] * len(chunk))}) ORDER BY m.valid_from, s.valid_from, s.year"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [first, first, first, *chunk])
            for pid, klass in cursor.fetchall():
                found[pid] = klass
    return found


def _birth_for(first: dt.date, age_first: int, age_last: int) -> dt.date:
    """A birth date with these completed ages on the month's first and last day."""
    if age_first == age_last:
        return dt.date(first.year - age_first, first.month, 1)
    return dt.date(first.year - age_last, first.month, 2)


def _why_not(progs: dict[str, rules.ProgrammeRule], facts: rules.Facts, prog: str, cat: str, first: dt.date, last: dt.date) -> str:
    rule = progs.get(prog)
    if rule is None:
        return "chương trình không còn trong dữ liệu"
    for category in rule.categories:
        if category.code == cat and category.in_force(first):
            return rules._refusal(rule, category, facts, first, last) or "không tính được mức (thiếu mức chuẩn)"
    return "đối tượng không áp dụng trong tháng này"


def evaluate(
    progs: dict[str, rules.ProgrammeRule], sig: Signature, first: dt.date, last: dt.date, topups: Sequence[rules.TopUp] = ()
) -> dict[tuple[str, str], Outcome]:
    grants, klass, conditions, age_first, age_last, born_known, dead, province = sig
    from ansinh.benefits.models import EntitlementMonth

    status = EntitlementMonth.Status
    if dead:
        note = "Đã mất trước tháng này: thôi hưởng từ tháng sau tháng mất."
        return {g: Outcome(status.NONE, 0, None, note) for g in grants}
    facts = rules.Facts(
        birth_date=_birth_for(first, age_first, age_last) if born_known else None, household_class=klass,
        conditions=conditions, grants=tuple(rules.Grant(p, c, first) for p, c in grants), province=province,
    )
    result = rules.monthly(progs.values(), facts, first.year, first.month, topups)
    out: dict[tuple[str, str], Outcome] = {}
    for line in result.lines:
        out[(line.programme, line.category)] = Outcome(status.PAID, line.amount, line, "")
    for line, reason in zip(result.set_aside, result.reasons, strict=False):
        out.setdefault((line.programme, line.category), Outcome(status.ASIDE, 0, line, reason[:400]))
    for g in grants:
        if g not in out:
            out[g] = Outcome(status.NONE, 0, None, ("Không hưởng: " + _why_not(progs, facts, g[0], g[1], first, last))[:400])
    return out


def _basis_ids(lines: dict[str, rules.Line], programme_ids: dict[str, int]) -> dict[str, int]:
    from ansinh.benefits.models import Basis

    existing = dict(Basis.objects.filter(key__in=list(lines)).values_list("key", "pk"))
    missing = [key for key in lines if key not in existing]
    if missing:
        Basis.objects.bulk_create([
            Basis(
                key=key, programme_id=programme_ids[lines[key].programme], category_code=lines[key].category,
                category_name=lines[key].category_name, coefficient=lines[key].coefficient, base_level=lines[key].base_level,
                base_source=lines[key].base_source, source=lines[key].source, verified=lines[key].verified,
                amount=lines[key].amount, text=lines[key].explain(),
            )
            for key in missing
        ], ignore_conflicts=True)
        existing = dict(Basis.objects.filter(key__in=list(lines)).values_list("key", "pk"))
    return existing


def _line_key(line: rules.Line) -> str:
    raw = "|".join(str(x) for x in (line.programme, line.category, line.coefficient, line.base_level, line.base_source,
                                      line.source, line.verified, line.amount, line.category_name))
    if line.topup:  # keys of lines without a top-up stay as they were
        raw += "|" + "|".join(str(x) for x in (line.topup, line.topup_province, line.topup_source, line.topup_verified))
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Computed:
    """A month's computed rows (``EntitlementMonth`` columns) and the persons' facts for payment lists."""

    month: dt.date
    rows: list[tuple[Any, ...]]
    persons: dict[int, Row]
    totals: dict[int, int]
    signatures: int


ROW_COLUMNS = ("person_id", "decision_id", "programme_id", "month", "amount", "status", "basis_id", "note",
               "commune_id", "province_code", "computed_at")


def compute_month(
    first: dt.date, commune_ids: Sequence[int] | None = None, topups: Sequence[rules.TopUp] | None = None
) -> Computed:
    """``topups``: provinces' top-ups (None: ``data/topups.json``)."""
    from ansinh.benefits.programmes import programme_rules
    from ansinh.benefits.topups import load_topups

    first, last = rules.month_bounds(first.year, first.month)
    progs = {p.code: p for p in programme_rules()}
    if topups is None:
        topups = load_topups(programmes=progs.values())
    topped = {t.province for t in topups if t.in_force(first)}
    rows = decision_rows(first, commune_ids)
    needs_class = {
        (p.code, c.code) for p in progs.values() for c in p.categories if c.household_classes and c.in_force(first)
    }
    classes = household_classes(first, (r.person_id for r in rows if (r.programme, r.category) in needs_class)) if needs_class else {}
    programme_ids = {r.programme: r.programme_id for r in rows}
    cache: dict[Signature, dict[tuple[str, str], Outcome]] = {}
    basis_lines: dict[str, rules.Line] = {}
    line_keys: dict[int, str] = {}
    now = timezone.now()
    per_person: list[tuple[Row, Outcome]] = []
    persons: dict[int, Row] = {}
    i, n = 0, len(rows)
    while i < n:
        j = i
        pid = rows[i].person_id
        while j < n and rows[j].person_id == pid:
            j += 1
        group = rows[i:j]
        head = group[0]
        persons[pid] = head
        grants = tuple(sorted({(r.programme, r.category) for r in group}))
        conditions = frozenset().union(*(r.conditions for r in group))
        birth = head.birth
        a1 = rules.age_on(birth, first) if birth else 0
        a2 = rules.age_on(birth, last) if birth else 0
        klass = classes.get(pid, "") if any(g in needs_class for g in grants) else ""
        dead = head.death is not None and head.death < first
        province = head.province_code if head.province_code in topped else ""
        sig: Signature = (grants, klass, conditions, a1, a2, birth is not None, dead, province)
        outcomes = cache.get(sig)
        if outcomes is None:
            outcomes = cache[sig] = evaluate(progs, sig, first, last, topups)
        for r in group:
            per_person.append((r, outcomes[(r.programme, r.category)]))
        i = j
    for _, outcome in per_person:
        if outcome.line is not None and outcome.status == "huong":
            key = line_keys.get(id(outcome.line))
            if key is None:
                key = line_keys[id(outcome.line)] = _line_key(outcome.line)
                basis_lines[key] = outcome.line
    basis = _basis_ids(basis_lines, programme_ids) if basis_lines else {}
    out_rows: list[tuple[Any, ...]] = []
    totals: dict[int, int] = {}
    month_value = connection.ops.adapt_datefield_value(first)  # adapted once, not once per row
    now_value = connection.ops.adapt_datetimefield_value(now)
    for r, outcome in per_person:
        basis_id = basis[line_keys[id(outcome.line)]] if outcome.line is not None and outcome.status == "huong" else None
        out_rows.append((r.person_id, r.decision_id, r.programme_id, month_value, outcome.amount, outcome.status, basis_id,
                         outcome.note, r.commune_id, r.province_code, now_value))
        if outcome.amount:
            totals[r.person_id] = totals.get(r.person_id, 0) + outcome.amount
    return Computed(first, out_rows, persons, totals, len(cache))


def store_month(computed: Computed, commune_ids: Sequence[int] | None = None) -> int:
    """Replace the month's stored rows (of these communes) with ``computed``."""
    from ansinh.registry.bulk import insert

    where, params = _in("commune_id", commune_ids)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM benefits_entitlementmonth WHERE month = %s" + where, [computed.month, *params])
    insert("benefits_entitlementmonth", ROW_COLUMNS, computed.rows)
    return len(computed.rows)


def stored_amounts(first: dt.date, commune_ids: Sequence[int] | None) -> dict[int, tuple[int, int, int, str]]:
    """decision id → (amount, person id, commune id, province) as stored for the month."""
    where, params = _in("commune_id", commune_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT decision_id, amount, person_id, commune_id, province_code FROM benefits_entitlementmonth WHERE month = %s" + where,
            [first, *params],
        )
        return {d: (a, p, c, pr) for d, a, p, c, pr in cursor.fetchall()}


def committed_communes(first: dt.date, commune_ids: Sequence[int] | None) -> set[int]:
    """Communes whose lists for the month are approved or further (money committed)."""
    from ansinh.benefits.models import PaymentList

    qs = PaymentList.objects.filter(month=first).exclude(status=PaymentList.Status.DRAFT)
    if commune_ids is not None:
        qs = qs.filter(commune_id__in=commune_ids)
    return set(qs.values_list("commune_id", flat=True))


def recompute(first: dt.date, commune_ids: Sequence[int] | None = None, reason: str = "") -> tuple[int, list[Any]]:
    """Recompute a stored month; differences on committed lists become ``Adjustment`` rows (returned)."""
    from ansinh.benefits.models import Adjustment

    old = stored_amounts(first, commune_ids)
    committed = committed_communes(first, commune_ids)
    computed = compute_month(first, commune_ids)
    new = {row[1]: row for row in computed.rows}
    adjustments = []
    why = reason or f"Tính lại mức hưởng tháng {first:%m/%Y} theo dữ liệu chương trình hiện hành"
    for decision_id in sorted(set(old) | set(new)):
        before = old.get(decision_id, (0, 0, 0, ""))[0]
        after = new[decision_id][4] if decision_id in new else 0
        if before == after:
            continue
        person, commune, province = (
            (new[decision_id][0], new[decision_id][8], new[decision_id][9]) if decision_id in new else old[decision_id][1:]
        )
        if commune not in committed:
            continue
        adjustments.append(Adjustment(
            person_id=person, decision_id=decision_id, month=first, previous_amount=before, new_amount=after,
            kind=Adjustment.Kind.ARREARS if after > before else Adjustment.Kind.OVERPAYMENT, reason=why[:400],
            commune_id=commune, province_code=province,
        ))
    Adjustment.objects.bulk_create(adjustments)
    store_month(computed, commune_ids)
    return len(computed.rows), adjustments
