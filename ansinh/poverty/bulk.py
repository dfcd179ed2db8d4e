"""Set-based classification of stored survey entries and recognition of their results.

No model is saved one at a time and no row travels through Python: the standard's bands become one
SQL ``CASE`` (``rules.sql_case``, tested against ``rules.classify_one``), applied by one ``UPDATE``;
recognition writes the year's statuses with one ``INSERT … SELECT``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import connection

from ansinh.poverty.models import ReviewRound, Standard
from ansinh.poverty.rules import sql_case
from ansinh.poverty.summary import materialise


def classify_entries(round_ids: Sequence[int], standard: Standard) -> dict[str, int]:
    """Re-classify every surveyed entry of these rounds by ``standard`` in one statement; counts per class."""
    case, params = sql_case(standard.rule())
    marks = ", ".join(["%s"] * len(round_ids))
    where = f"round_id IN ({marks}) AND income IS NOT NULL"
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE poverty_reviewentry SET proposed_class = {case} WHERE {where}", [*params, *round_ids])
        cursor.execute(f"SELECT proposed_class, COUNT(*) FROM poverty_reviewentry WHERE {where} GROUP BY proposed_class", list(round_ids))
        return {name: int(n) for name, n in cursor.fetchall()}


def recognise_entries(round_ids: Sequence[int], year: int, standard_id: int, decided_on: dt.date) -> int:
    """The year's statuses from the entries' results (meeting class, else the proposed class) in one statement,
    then the communes' stored summaries."""
    marks = ", ".join(["%s"] * len(round_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO poverty_householdstatus (household_id, commune_id, province_code, year, standard_id, klass, previous, "
            "persons, ethnic_group, deprivation_mask, valid_from, round_id) "
            "SELECT e.household_id, r.commune_id, h.province_code, %s, %s, "
            "CASE WHEN e.meeting_class <> '' THEN e.meeting_class ELSE e.proposed_class END, '', "
            "e.persons, e.ethnic_group, e.deprivation_mask, %s, e.round_id "
            "FROM poverty_reviewentry e JOIN poverty_reviewround r ON r.id = e.round_id "
            f"JOIN registry_household h ON h.id = e.household_id WHERE e.round_id IN ({marks}) AND e.proposed_class <> ''",
            [year, standard_id, decided_on, *round_ids],
        )
        count = int(cursor.rowcount)
    communes = list(ReviewRound.objects.filter(pk__in=round_ids).values_list("commune_id", flat=True))
    materialise(year, Standard.objects.get(pk=standard_id), communes)
    return count
