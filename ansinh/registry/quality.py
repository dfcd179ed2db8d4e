"""Data-quality figures per commune: đúng, đủ, sạch, sống (one grouped query, no per-person loop).

- đúng (correct): persons whose 12-digit ID disagrees with their sex (digit 4's parity) or birth year
  (digits 4–6), or is not 12 digits;
- đủ (complete): persons without a birth date, or aged 14 or more without an ID;
- sạch (clean): open candidate duplicate pairs (``DuplicatePair``) of the commune;
- sống (alive): persons not updated within ``ANSINH_REGISTRY_STALE_DAYS``, and deaths recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, Q
from django.db.models.functions import Cast, ExtractYear, Length, Mod, Substr
from django.db.models.lookups import Exact
from django.utils import timezone

from ansinh.registry.access import access_persons
from ansinh.registry.dedup.models import DuplicatePair, PairStatus


def quality_by_commune(user: Any, today: dt.date | None = None) -> list[dict[str, Any]]:
    today = today or timezone.localdate()
    adult_born = today.replace(year=today.year - 14) if not (today.month == 2 and today.day == 29) else today.replace(year=today.year - 14, day=28)
    stale_before = timezone.now() - dt.timedelta(days=settings.REGISTRY_STALE_DAYS)
    has_id = ~Q(personal_id="")
    digit = Cast(Substr("personal_id", 4, 1), IntegerField())
    id_year = 1900 + 100 * (digit / 2) + Cast(Substr("personal_id", 5, 2), IntegerField())
    wrong = has_id & Q(
        ~Q(Exact(Length("personal_id"), 12))
        | (Q(sex="nam") & Q(Exact(Mod(digit, 2), 1)))
        | (Q(sex="nu") & Q(Exact(Mod(digit, 2), 0)))
        | (Q(birth_date__isnull=False) & ~Q(Exact(ExtractYear("birth_date"), id_year)))
    )
    rows = (
        access_persons(user).values("commune_id", "commune__name")
        .annotate(
            persons=Count("id"),
            wrong=Count("id", filter=wrong),
            incomplete=Count("id", filter=Q(birth_date__isnull=True) | (Q(personal_id="") & Q(birth_date__lte=adult_born))),
            stale=Count("id", filter=Q(updated_at__lt=stale_before)),
            deaths=Count("id", filter=Q(alive=False)),
        )
        .order_by("commune__name")
    )
    result: list[dict[str, Any]] = [dict(r) for r in rows]
    open_pairs = dict(
        DuplicatePair.objects.filter(status=PairStatus.OPEN, commune_id__in=[r["commune_id"] for r in result])
        .values("commune_id").annotate(n=Count("id")).values_list("commune_id", "n")
    )
    for row in result:
        row["open_pairs"] = open_pairs.get(row["commune_id"], 0)
    return result

