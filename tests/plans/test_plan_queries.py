"""The plan pages read a fixed number of queries, however many plans and items there are (no N+1)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.documents.models import SourceDocument
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan
from ansinh.plans.review import do_update_item
from tests.plans.sample_plan import EXTRACTION, TEXT

pytestmark = pytest.mark.django_db

PAGES = ("/ke-hoach/", "/ke-hoach/{id}/", "/ke-hoach/{id}/ra-soat/", "/ke-hoach/{id}/gold.json", "/bao-cao/doi-chieu/{id}/")


def _plan(number: int, copies: int) -> Plan:
    """The sample plan with every list of items repeated ``copies`` times (tasks renumbered, two leads each)."""
    extraction = copy.deepcopy(EXTRACTION)
    for key in ("targets", "projects", "reporting"):
        extraction[key] = extraction[key] * copies
    tasks = extraction["tasks"] * copies
    extraction["tasks"] = [{**t, "number": str(k + 1), "lead": ["UBND xã", "Công an xã"]} for k, t in enumerate(tasks)]
    document = SourceDocument.objects.create(
        slug=f"mau-{number}", filename="mau.txt", media_type="text/plain", sha256=f"{number:064d}",
        size_bytes=len(TEXT), text=TEXT,
    )
    return do_import_plan(document, extraction)


def _queries(client: Client, plan: Plan) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page.format(id=plan.pk)).status_code == 200, page
        counts[page] = len(ctx.captured_queries)
    return counts


def test_the_plan_pages_do_not_query_once_per_plan_or_item(client: Client, alice: Any) -> None:
    client.force_login(alice)
    small = _queries(client, _plan(1, 1))
    big = _plan(2, 5)
    _plan(3, 3), _plan(4, 3)
    for target in big.targets.all():
        do_update_item(target, {"value": 0.9}, alice, milestones=[])
    assert _queries(client, big) == small
