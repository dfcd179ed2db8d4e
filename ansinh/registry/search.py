"""Search persons in scope: by name (no diacritics needed, any word order), ID, registry or household code.

Names go through the token table: the query word with the fewest persons (counted up to
``_CAP``) drives, the others are primary-key look-ups (``EXISTS``), so no search scans the person
table. When the user's scope holds fewer persons than that word (a ward officer), the scope's
``(commune, id)`` index drives instead and every word is an ``EXISTS`` look-up. Results come in person order (the Meta
ordering, or the token key's own order). A result count above
``COUNT_CAP`` is shown as "more than" and the officer narrows the query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

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
    """Persons per word (each counted up to ``_CAP + 1``) in one round trip: a scalar subquery per word."""
    parts = ", ".join(["(SELECT COUNT(*) FROM (SELECT 1 FROM registry_persontoken WHERE token = %s LIMIT %s) t)"] * len(tokens))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}", [x for t in tokens for x in (t, _CAP + 1)])
        row = cursor.fetchone()
    return {t: int(n) for t, n in zip(tokens, row, strict=True)}


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
    if scope_size <= counts[tokens[0]]:
        qs = persons
        rest = tokens
    else:
        # a join driven by the token key (person order within a token): no sort, no list of every match
        qs = persons.filter(tokens__token=tokens[0]).order_by()
        rest = tokens[1:]
    for token in rest:
        qs = qs.filter(Exists(PersonToken.objects.filter(token=token, person_id=OuterRef("pk"))))
    return "name", qs


def search_persons(user: object, text: str, page: int = 1, per_page: int = PER_PAGE) -> SearchResult:
    kind, qs = matching(user, text)
    total = qs[: COUNT_CAP + 1].count()
    capped = total > COUNT_CAP
    total = min(total, COUNT_CAP)
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    persons = list(qs.select_related("commune")[(page - 1) * per_page : page * per_page])
    return SearchResult(text, kind, persons, total, capped, page, pages)
