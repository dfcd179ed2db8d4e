"""Data-quality figures: đúng, đủ, sạch, sống per commune or per province (grouped queries, no
per-person loop), and the lists of persons to fix behind each figure.

- đúng (correct): persons whose 12-digit ID disagrees with their sex (digit 4's parity) or birth year
  (digits 4–6), or is not 12 digits, or whose birth date is in the future or before 1900;
- đủ (complete): persons without a birth date, or aged 14 or more without an ID;
- sạch (clean): open candidate duplicate pairs (``DuplicatePair``);
- sống (alive): persons not updated within ``ANSINH_REGISTRY_STALE_DAYS``; deaths recorded; and
  deceased persons who still hold a granted benefit decision that has not ended by their death.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, ExtractYear, Length, Mod, Substr
from django.db.models.lookups import Exact
from django.utils import timezone

from ansinh.registry.access import access_persons
from ansinh.registry.dedup.models import DuplicatePair, PairStatus
from ansinh.registry.models import Person

#: list keys (the URL's) → label; each is a filter of ``problem_filter``
PROBLEMS = {
    "sai": "Đúng: số định danh sai hoặc ngày sinh không hợp lý",
    "thieu": "Đủ: thiếu ngày sinh, hoặc từ 14 tuổi chưa có số định danh",
    "cu": "Sống: lâu chưa cập nhật",
    "mat-con-huong": "Sống: đã mất nhưng còn quyết định hưởng trợ cấp",
}
FIGURES = ("persons", "wrong", "incomplete", "open_pairs", "stale", "deaths", "dead_paid")


def _years_ago(today: dt.date, years: int) -> dt.date:
    return today.replace(year=today.year - years, day=28 if (today.month == 2 and today.day == 29) else today.day)


def problem_filter(key: str, today: dt.date) -> Q:
    """The condition behind one figure (for counting and for the list to fix)."""
    if key == "sai":
        digit = Cast(Substr("personal_id", 4, 1), IntegerField())
        id_year = 1900 + 100 * (digit / 2) + Cast(Substr("personal_id", 5, 2), IntegerField())
        return (~Q(personal_id="") & Q(
            ~Q(Exact(Length("personal_id"), 12))
            | (Q(sex="nam") & Q(Exact(Mod(digit, 2), 1)))
            | (Q(sex="nu") & Q(Exact(Mod(digit, 2), 0)))
            | (Q(birth_date__isnull=False) & ~Q(Exact(ExtractYear("birth_date"), id_year)))
        )) | Q(birth_date__gt=today) | Q(birth_date__lt=dt.date(1900, 1, 1))
    if key == "thieu":
        return Q(birth_date__isnull=True) | (Q(personal_id="") & Q(birth_date__lte=_years_ago(today, 14)))
    if key == "cu":
        return Q(updated_at__lt=timezone.now() - dt.timedelta(days=settings.REGISTRY_STALE_DAYS))
    if key == "mat-con-huong":
        return Q(alive=False) & Q(_still_granted())
    raise KeyError(key)


def _still_granted() -> Any:
    """A granted benefit decision not ended by the person's death (``Exists``); false without benefits."""
    if not apps.is_installed("ansinh.benefits"):
        return Q(pk__in=[])
    from ansinh.benefits.models_dossier import Decision

    return Exists(Decision.objects.filter(person=OuterRef("pk"), granted=True).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=OuterRef("death_date"))
    ))


def _figures(qs: QuerySet[Person], group: tuple[str, ...], today: dt.date) -> list[dict[str, Any]]:
    rows = (
        qs.values(*group)
        .annotate(
            persons=Count("id"),
            wrong=Count("id", filter=problem_filter("sai", today)),
            incomplete=Count("id", filter=problem_filter("thieu", today)),
            stale=Count("id", filter=problem_filter("cu", today)),
            deaths=Count("id", filter=Q(alive=False)),
            dead_paid=Count("id", filter=problem_filter("mat-con-huong", today)),
        )
        .order_by(*group)
    )
    return [dict(r) for r in rows]


def quality_by_commune(user: Any, today: dt.date | None = None) -> list[dict[str, Any]]:
    return quality_rows(access_persons(user), today)


def quality_rows(qs: QuerySet[Person], today: dt.date | None = None) -> list[dict[str, Any]]:
    """Per commune of ``qs``: the figures (two queries whatever the number of communes)."""
    today = today or timezone.localdate()
    result = _figures(qs, ("commune_id", "commune__name", "province_code"), today)
    open_pairs = dict(
        DuplicatePair.objects.filter(status=PairStatus.OPEN, commune_id__in=[r["commune_id"] for r in result])
        .values("commune_id").annotate(n=Count("id")).values_list("commune_id", "n")
    )
    for row in result:
        row["open_pairs"] = open_pairs.get(row["commune_id"], 0)
    return result


def persons_to_fix(user: Any, key: str, commune_id: int | None = None, today: dt.date | None = None) -> QuerySet[Person]:
    """Persons in the reader's scope behind one figure (the caller pages and logs the read)."""
    qs = access_persons(user).filter(problem_filter(key, today or timezone.localdate()))
    if commune_id is not None:
        qs = qs.filter(commune_id=commune_id)
    return qs.select_related("commune").order_by("commune_id", "name_folded", "id")
