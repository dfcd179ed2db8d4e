"""Search persons in scope: by name (no diacritics needed, any word order), ID, registry or household code.

Names go through the token table: the query word with the fewest persons (counted up to
``_CAP``) drives, the others are primary-key look-ups (``EXISTS``), so no search scans the person
table. When the user's scope holds fewer persons than that word (a ward officer), the scope's
``(commune, id)`` index drives instead and every word is an ``EXISTS`` look-up. Results come in person order (the Meta
ordering, or the token key's own order). A result count above
``COUNT_CAP`` is shown as "more than" and the officer narrows the query.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Exists, IntegerField, OuterRef, QuerySet, Value, When

from ansinh.registry import codes
from ansinh.registry.access import access_households, access_persons, person_scope_ids
from ansinh.registry.identity import normalise_id
from ansinh.registry.models import Membership, Person, PersonToken
from ansinh.registry.rows import fast_fold

PER_PAGE = 20
COUNT_CAP = 200
_CAP = 50000
_SMALL_SCOPE = 5


@dataclass
class SearchResult:
    query: str
    kind: str  # name, personal_id, registry_code, household
    persons: list[Person] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page: int = 1
    pages: int = 1


def _token_counts(tokens: list[str]) -> dict[str, int]:
    """Persons per word, each counted up to ``_CAP + 1``. On PostgreSQL a common word's count is
    estimated from the column's statistics (``pg_stats`` most common values × rows), so no index
    range of tens of thousands of entries is read just to rank the words; the other words (rarer
    than every common one) are counted in one round trip, a scalar subquery per word."""
    counts = {t: n for t in tokens if (n := _common_token_counts().get(t)) is not None}
    rest = [t for t in tokens if t not in counts]
    if rest:
        parts = ", ".join(["(SELECT COUNT(*) FROM (SELECT 1 FROM registry_persontoken WHERE token = %s LIMIT %s) t)"] * len(rest))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {parts}", [x for t in rest for x in (t, _CAP + 1)])
            row = cursor.fetchone()
        counts.update({t: int(n) for t, n in zip(rest, row, strict=True)})
    return counts


_STATS_TTL = 600.0  # seconds a process keeps the token statistics
_stats_cache: dict[str, tuple[float, dict[str, int]]] = {}


def _common_token_counts() -> dict[str, int]:
    """{common word: estimated persons} from PostgreSQL's statistics of the token column (cached per
    process and database for ``_STATS_TTL``); empty on SQLite or before the table is analysed."""
    if connection.vendor != "postgresql":
        return {}
    key = str(connection.settings_dict["NAME"])
    cached = _stats_cache.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_vals::text::text[], s.most_common_freqs, "
            "(SELECT reltuples FROM pg_class WHERE oid = 'registry_persontoken'::regclass) "
            "FROM pg_stats s WHERE s.tablename = 'registry_persontoken' AND s.attname = 'token' "
            "AND s.schemaname = current_schema()"
        )
        row = cursor.fetchone()
    common: dict[str, int] = {}
    if row is not None and row[0] and row[1] and row[2] and row[2] > 0:
        common = {str(v): min(_CAP + 1, max(1, int(f * row[2]))) for v, f in zip(row[0], row[1], strict=False)}
    _stats_cache[key] = (time.monotonic() + _STATS_TTL, common)
    return common


def matching(user: object, text: str) -> tuple[str, QuerySet[Person]]:
    """(kind of query, persons in scope that match); an empty query matches nobody."""
    text = " ".join(text.split())
    persons = access_persons(user)
    number = normalise_id(text)
    if number.isdigit() and len(number) in (9, 12):
        return "personal_id", persons.filter(personal_id=number)
    if codes.is_valid(text):
        return "registry_code", persons.filter(registry_code=codes.normalise(text))
    if text and " " not in text and any(ch.isdigit() for ch in text):
        households = access_households(user).filter(code=text).values("pk")
        members = Membership.objects.filter(household_id__in=households, valid_to__isnull=True).values("person_id")
        return "household", persons.filter(pk__in=members)
    tokens = list(dict.fromkeys(fast_fold(text).split()))[:6]
    if not tokens:
        return "name", persons.none()
    counts = _token_counts(tokens)
    tokens.sort(key=counts.__getitem__)
    if counts[tokens[0]] == 0:
        return "name", persons.none()
    scope = person_scope_ids(user)
    scope_size = _CAP + 2  # larger than any capped word count
    if scope is not None and len(scope) <= _SMALL_SCOPE:  # a ward or two: counted on the (commune, id) index
        scope_size = Person.objects.filter(commune_id__in=scope).values("pk")[: counts[tokens[0]] + 1].count()
    by_scope = scope_size <= counts[tokens[0]]
    if by_scope:
        qs = persons
        rest = tokens
    else:
        # a join driven by the token key (person order within a token): no sort, no list of every match
        qs = persons.filter(tokens__token=tokens[0]).order_by()
        rest = tokens[1:]
    for n, token in enumerate(rest):
        exists = Exists(PersonToken.objects.filter(token=token, person_id=OuterRef("pk")))
        if by_scope and connection.vendor == "postgresql":
            # PostgreSQL turns a bare EXISTS into a join and may then read a common word's whole
            # index range (240,000 entries for "thi" at 1M persons) to search one ward; inside CASE
            # it stays a primary-key probe per person of the ward
            qs = qs.alias(**{f"_w{n}": Case(When(exists, then=Value(1)), default=Value(0), output_field=IntegerField())})
            qs = qs.filter(**{f"_w{n}": 1})
        else:
            qs = qs.filter(exists)
    return "name", qs


def search_persons(user: object, text: str, page: int = 1, per_page: int = PER_PAGE) -> SearchResult:
    kind, qs = matching(user, text)
    # the ids of the first COUNT_CAP + 1 matches give the count and the page: the matching join runs
    # once, the page's persons are then read by primary key
    ids = list(qs.values_list("pk", flat=True)[: COUNT_CAP + 1])
    capped = len(ids) > COUNT_CAP
    total = min(len(ids), COUNT_CAP)
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    wanted = ids[(page - 1) * per_page : page * per_page]
    found = {p.pk: p for p in Person.objects.filter(pk__in=wanted).select_related("commune")} if wanted else {}
    persons = [found[pk] for pk in wanted if pk in found]
    return SearchResult(text, kind, persons, total, capped, page, pages)
