"""The duplicate gate on entry paths (file import, the web form's "add a member", corrections).

- An exact personal-ID match with a person already in the registry (or twice in one file) blocks:
  ``exact_id_clashes`` / ``check_exact_id``.
- A high match probability under the saved model (``run.model_path``) against the likely
  candidates (same folded name, or same birth date and surname, in the province) asks for a
  manager's override (permission ``registry.override_gate``) with a reason: ``check_likely``. A
  granted override is stored (``GateOverride``) and audited. Without a trained model this second
  check is skipped (the first still applies).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.db import connection

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry.dedup import settings as model_settings
from ansinh.registry.dedup.models import GateOverride
from ansinh.registry.dedup.source import _SQL, append_raw, create_raw, prepare
from ansinh.registry.models import Person
from ansinh.registry.rows import fast_fold

CANDIDATES = 200


class DuplicateBlocked(UserError):
    pass


class LikelyDuplicate(UserError):
    def __init__(self, message: str, candidate: Person, probability: float) -> None:
        super().__init__(message)
        self.candidate, self.probability = candidate, probability


def exact_id_clashes(ids: Iterable[str], exclude: int | None = None) -> dict[str, tuple[str, str]]:
    """Personal ID → (registry code, name) of persons already holding it (5,000 IDs per query)."""
    wanted = sorted({i for i in ids if i})
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 5000):
        qs = Person.objects.filter(personal_id__in=wanted[start:start + 5000], deleted_at__isnull=True)
        if exclude is not None:
            qs = qs.exclude(pk=exclude)
        for number, code, name in qs.values_list("personal_id", "registry_code", "full_name"):
            found.setdefault(number, (code, name))
    return found


def check_exact_id(personal_id: str, exclude: int | None = None) -> None:
    clash = exact_id_clashes([personal_id], exclude).get(personal_id)
    if clash:
        raise DuplicateBlocked(
            f"Số định danh {personal_id} đã có ở nhân khẩu {clash[1]} (mã số an sinh {clash[0]}); không thêm người thứ hai "
            "với cùng số định danh. Nếu là cùng một người, hãy mở hồ sơ người đó."
        )


def check_likely(
    values: dict[str, Any], commune_id: int, province_code: str, *, user: Any = None, override_reason: str = "",
) -> GateOverride | None:
    """Refuse a new person who very likely is already registered, unless a manager overrides with a reason."""
    from ansinh.registry.dedup.run import model_path

    path = model_path()
    if not path.exists():
        return None
    scored = _best_match(values, commune_id, province_code, path)
    if scored is None or scored[1] < model_settings.gate_threshold():
        return None
    candidate, probability = scored
    percent = f"{probability * 100:.1f}".replace(".", ",")
    if not override_reason.strip():
        raise LikelyDuplicate(
            f"Người này rất có thể đã có trong sổ: {candidate.full_name} (mã số an sinh {candidate.registry_code}), "
            f"xác suất trùng {percent} %. Nếu chắc chắn là hai người khác nhau, cán bộ quản lý cần cho phép và ghi lý do.",
            candidate, probability,
        )
    if user is None or not user.has_perm("registry.override_gate"):
        raise LikelyDuplicate(
            "Chỉ cán bộ quản lý (có quyền cho phép nhập dù nghi trùng) mới được cho phép thêm người này.", candidate, probability
        )
    return record_override(user, candidate, probability, override_reason)


def record_override(user: Any, candidate: Person, probability: float, reason: str) -> GateOverride:
    override = GateOverride.objects.create(candidate=candidate, match_probability=probability, reason=reason.strip()[:500], user=user)
    audit(user, "registry.gate_override", override, summary=f"Cho phép nhập dù nghi trùng với {candidate.registry_code}: {reason.strip()[:200]}")
    return override


def likely_batch(new: list[tuple[Any, ...]], province_code: str) -> dict[int, tuple[Person, float]]:
    """For new persons (rows in ``source.RAW_COLUMNS`` order with negative ``unique_id``), the best
    existing match at or above the gate threshold under the saved model: ``{unique_id: (person, p)}``.

    One DuckDB run per batch: the candidates are the province's persons with one of the batch's
    folded names or birth dates; pairs come from the model's own blocking rules, new against stored.
    """
    from ansinh.registry.dedup.run import model_path

    path = model_path()
    if not new or not path.exists():
        return {}
    names = sorted({row[4] for row in new if row[4]})
    dates = sorted({row[5] for row in new if row[5]})
    if not names:
        return {}
    found: dict[int, tuple[int, float]] = {}
    for start in range(0, max(len(names), len(dates)), 500):
        part_names, part_dates = names[start:start + 500] or [""], dates[start:start + 500] or [""]
        where = (f"AND p.province_code = %s AND (p.name_folded IN ({', '.join(['%s'] * len(part_names))}) "
                 f"OR CAST(p.birth_date AS TEXT) IN ({', '.join(['%s'] * len(part_dates))}))")
        with connection.cursor() as cursor:
            cursor.execute(_SQL.format(where=where), [province_code, *part_names, *part_dates])
            rows = cursor.fetchall()
        for uid, (pid, probability) in _score(rows, new, path).items():
            if probability > found.get(uid, (0, 0.0))[1]:
                found[uid] = (pid, probability)
    persons = Person.objects.in_bulk([pid for pid, _ in found.values()])
    return {uid: (persons[pid], p) for uid, (pid, p) in found.items() if pid in persons}


def _score(stored: list[tuple[Any, ...]], new: list[tuple[Any, ...]], path: Any) -> dict[int, tuple[int, float]]:
    """Best stored match (≥ gate threshold) of each new row: ``{new unique_id: (person id, p)}``."""
    from splink import DuckDBAPI, Linker

    from ansinh.registry.dedup.run import connect, register_tf

    if not stored:
        return {}
    con = connect()
    try:
        create_raw(con)
        append_raw(con, [*stored, *new])
        prepare(con)
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved["blocking_rules_to_generate_predictions"] = [
            {"blocking_rule": f"({rule}) AND ((l.unique_id < 0) <> (r.unique_id < 0))", "sql_dialect": "duckdb"}
            for rule in model_settings.definition()["blocking_rules_to_generate_predictions"]
        ]
        linker = Linker("persons", saved, DuckDBAPI(connection=con))
        register_tf(linker, con, path)
        table = linker.inference.predict(threshold_match_probability=model_settings.gate_threshold()).physical_name
        best = con.execute(
            f"SELECT least(unique_id_l, unique_id_r) AS n, arg_max(greatest(unique_id_l, unique_id_r), match_probability), "
            f"max(match_probability) FROM {table} GROUP BY n"
        ).fetchall()
    finally:
        con.close()
    return {int(n): (int(pid), float(p)) for n, pid, p in best}


def _best_match(values: dict[str, Any], commune_id: int, province_code: str, path: Any) -> tuple[Person, float] | None:
    from splink import DuckDBAPI, Linker

    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.dedup.run import connect, register_tf

    folded = fast_fold(str(values.get("full_name", "")))
    if not folded:
        return None
    birth = values.get("birth_date") or None
    birth_text = birth.isoformat() if isinstance(birth, dt.date) else birth
    where = "AND p.province_code = %s AND (p.name_folded = %s OR (CAST(p.birth_date AS TEXT) = %s AND p.name_folded LIKE %s))"
    with connection.cursor() as cursor:
        cursor.execute(_SQL.format(where=where) + f" LIMIT {CANDIDATES}", [province_code, folded, birth_text or "", folded.split()[0] + " %"])
        rows = cursor.fetchall()
    if not rows:
        return None
    commune_code = AdministrativeUnit.objects.filter(pk=commune_id).values_list("code", flat=True).first() or ""
    new = (-1, "", "", str(values.get("full_name", "")), folded, birth_text, values.get("birth_precision", "day") if birth_text else "day",
           values.get("sex", ""), values.get("personal_id", ""), values.get("phone", ""), commune_code, province_code, None, commune_id)
    con = connect()
    try:
        create_raw(con)
        append_raw(con, [*rows, new])
        prepare(con)
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved["blocking_rules_to_generate_predictions"] = [{"blocking_rule": "l.unique_id = -1 OR r.unique_id = -1", "sql_dialect": "duckdb"}]
        linker = Linker("persons", saved, DuckDBAPI(connection=con))
        register_tf(linker, con, path)
        best = con.execute(
            f"SELECT greatest(unique_id_l, unique_id_r), match_probability FROM {linker.inference.predict().physical_name} "
            "WHERE least(unique_id_l, unique_id_r) = -1 ORDER BY match_probability DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    if best is None:
        return None
    person = Person.objects.filter(pk=int(best[0])).first()
    return (person, float(best[1])) if person else None
