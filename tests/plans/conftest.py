"""Fixtures of the plan tests: the sample document and the sample draft plan (``sample_plan.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.documents.models import SourceDocument
from ansinh.plans.models import Plan
from tests.plans.sample_plan import sample_document, sample_plan


@pytest.fixture
def document(db: Any) -> SourceDocument:
    return sample_document()


@pytest.fixture
def plan(db: Any) -> Plan:
    return sample_plan()
