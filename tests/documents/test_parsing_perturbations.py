"""Every fixture again, as other tools would hand it over: the same plan must read the same.

A word processor's no-break spaces, a PDF export's empty line after each line, a table
typed with vertical bars instead of tabs, other bullets: the layouts change, the plan
does not. Scored with the shared scorer (skipped when it is not there); floors on the totals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text
from tests.documents.test_parsing_generalisation import FIXTURES, PLANS, _gold, _scorer

PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "khoang-trang-khong-ngat": lambda t: t.replace(" ", "\u00a0", 300),
    "dong-trong-xen-ke": lambda t: t.replace("\n", "\n\n"),
    "bang-ke-doc": lambda t: re.sub(r"(?m)^(.*\t.*)$", lambda m: m.group(1).replace("\t", " | "), t),
    "gach-dau-dong-khac": lambda t: re.sub(r"(?m)^- ", "• ", re.sub(r"(?m)^\+ ", "– ", t)),
}


@pytest.mark.parametrize("kind", sorted(PERTURBATIONS))
def test_every_fixture_reads_the_same_when_its_layout_changes(kind: str) -> None:
    scorer = _scorer()
    if scorer is None:
        pytest.skip("không có công cụ chấm điểm chung (../shared/tools/score_extraction.py)")
    change = PERTURBATIONS[kind]
    scores: list[dict[str, Any]] = []
    for name in PLANS:
        text = change(normalize_text((FIXTURES / f"{name}.txt").read_text("utf-8")))
        scores.append(scorer.score_doc(_gold(name), extract_plan(normalize_text(text), name)))
    totals = scorer.total(scores)
    low = {key: totals[key]["f1"] for key in ("targets", "tasks", "lead", "coordinate", "reporting") if totals[key]["f1"] < 0.97}
    assert not low, f"{kind}: {low}"
