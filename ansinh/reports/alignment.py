"""Plan alignment: does a child plan carry its parent plans' targets and tasks?

Pure functions over small dataclasses (no Django): match document numbers ("53-CTrHĐ/TU",
"42-NQ/TW") diacritic- and separator-insensitively, pair each parent target with the child's
target on the same catalogue indicator (falling back to name similarity), classify the pair
(missing, weaker, equal, stronger, different year) with the indicator's direction, and list
parent tasks with no counterpart. ``views_alignment`` turns stored plans into these dataclasses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from ansinh.lib.text import fold, fold_key

NAME_THRESHOLD = 0.5
TASK_THRESHOLD = 0.4
EPS = 1e-9

_DOC_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})\s*([-/])\s*((?:\d{4}\s*/\s*)?[A-Za-zĐđ][\wĐđ]*(?:\s*[-/]\s*[A-Za-zĐđ][\wĐđ]*)*)"
)
_STOP = frozenset(
    "va cac cua cho voi trong nhung la duoc de tren theo ve mot so nham tai tu den nam giai doan".split()
)


class Verdict(StrEnum):
    MISSING = "missing"
    WEAKER = "weaker"
    EQUAL = "equal"
    STRONGER = "stronger"
    DIFFERENT_YEAR = "different_year"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS = {
    Verdict.MISSING: "Thiếu chỉ tiêu",
    Verdict.WEAKER: "Thấp hơn cấp trên",
    Verdict.EQUAL: "Bằng cấp trên",
    Verdict.STRONGER: "Cao hơn cấp trên",
    Verdict.DIFFERENT_YEAR: "Khác năm đạt",
    Verdict.UNKNOWN: "Không so sánh được",
}


@dataclass(frozen=True)
class TargetSpec:
    id: int
    name: str
    comparator: str = ""
    value: float | None = None
    value_max: float | None = None
    year: int | None = None
    unit: str = ""
    indicator_id: int | None = None
    direction: str = ""
    milestones: tuple[tuple[int, str, float | None, float | None], ...] = ()

    def at_year(self, year: int) -> TargetSpec | None:
        """This target as its milestone for ``year`` (comparator, value), if it has one."""
        for y, comparator, value, value_max in self.milestones:
            if y == year:
                return replace(self, comparator=comparator, value=value, value_max=value_max, year=year)
        return None


@dataclass(frozen=True)
class TargetPair:
    parent: TargetSpec
    child: TargetSpec | None
    verdict: Verdict
    matched_by: str = ""


# --- document numbers --------------------------------------------------------------------------


def number_key(text: str) -> str:
    """``"53-CTrHĐ/TU"`` and ``"53 - CTRHD / TU"`` give the same key: folded, upper, letters and digits."""
    return re.sub(r"[^0-9A-Z]", "", fold(text).upper())


def document_numbers(text: str) -> list[str]:
    """Document numbers cited in ``text``, as written: "Nghị quyết số 42-NQ/TW" → ["42-NQ/TW"]."""
    found = []
    for m in _DOC_NUMBER.finditer(text):
        symbol = re.sub(r"\s+", "", m.group(3))
        if "/" not in m.group(2) + symbol and "-" not in symbol:
            continue
        found.append(f"{m.group(1)}{m.group(2)}{symbol}")
    return found


def suggest_parents(references: Iterable[str], candidates: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """``(plan id, reference)`` for each stored plan whose number a reference cites."""
    by_key: dict[str, int] = {}
    for plan_id, number in candidates:
        key = number_key(number)
        if key and any(ch.isalpha() for ch in key):
            by_key.setdefault(key, plan_id)
    result: dict[int, str] = {}
    for reference in references:
        for cited in document_numbers(reference) or [reference]:
            found = by_key.get(number_key(cited))
            if found is not None:
                result.setdefault(found, reference)
    return list(result.items())


# --- targets -----------------------------------------------------------------------------------


def tokens(text: str) -> set[str]:
    return {t for t in fold_key(text).split() if t not in _STOP}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' folded words (stop words dropped)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def guess_direction(spec: TargetSpec) -> str:
    """The indicator's direction if known, else from the comparator or the wording ("giảm")."""
    if spec.direction in ("higher", "lower"):
        return spec.direction
    if spec.comparator in ("<", "<="):
        return "lower"
    words = fold_key(spec.name).split()
    return "lower" if "giam" in words else "higher"


def _units_compatible(a: str, b: str) -> bool:
    ka, kb = fold_key(a), fold_key(b)
    return not ka or not kb or ka == kb


def _bound(spec: TargetSpec, direction: str) -> tuple[float, bool] | None:
    """The requirement as (bound, strict): a floor for "higher", a ceiling for "lower"."""
    if spec.value is None:
        return None
    if spec.comparator == "range" and spec.value_max is not None:
        low, high = sorted((spec.value, spec.value_max))
        return (low if direction == "higher" else high), False
    return spec.value, spec.comparator in ("<", ">")


def compare_targets(parent: TargetSpec, child: TargetSpec | None, direction: str | None = None) -> Verdict:
    """How demanding the child's target is compared with the parent's, direction-aware."""
    if child is None:
        return Verdict.MISSING
    if parent.year is not None and child.year is not None and parent.year != child.year:
        # A child that sets a milestone for the parent's year is compared at that milestone.
        at_parent_year = child.at_year(parent.year)
        if at_parent_year is None:
            return Verdict.DIFFERENT_YEAR
        child = at_parent_year
    if not _units_compatible(parent.unit, child.unit):
        return Verdict.UNKNOWN
    way = direction or guess_direction(parent)
    pb, cb = _bound(parent, way), _bound(child, way)
    if pb is None or cb is None:
        return Verdict.UNKNOWN
    (pv, pstrict), (cv, cstrict) = pb, cb
    if abs(pv - cv) <= EPS * max(1.0, abs(pv), abs(cv)):
        if pstrict == cstrict:
            return Verdict.EQUAL
        return Verdict.STRONGER if cstrict else Verdict.WEAKER
    child_harder = cv > pv if way == "higher" else cv < pv
    return Verdict.STRONGER if child_harder else Verdict.WEAKER


def match_target(parent: TargetSpec, children: Sequence[TargetSpec]) -> tuple[TargetSpec | None, str]:
    """The child's target on the same catalogue indicator, else the most similar name."""
    if parent.indicator_id is not None:
        for child in children:
            if child.indicator_id == parent.indicator_id:
                return child, "indicator"
    best, best_score = None, 0.0
    for child in children:
        if parent.indicator_id is not None and child.indicator_id is not None:
            continue  # both linked to different indicators: not the same target
        score = similarity(parent.name, child.name)
        if score > best_score and _units_compatible(parent.unit, child.unit):
            best, best_score = child, score
    if best is not None and best_score >= NAME_THRESHOLD:
        return best, "name"
    return None, ""


def align_targets(parents: Sequence[TargetSpec], children: Sequence[TargetSpec]) -> list[TargetPair]:
    pairs = []
    for parent in parents:
        child, how = match_target(parent, children)
        direction = parent.direction or (child.direction if child else "")
        way = direction if direction in ("higher", "lower") else guess_direction(parent)
        pairs.append(TargetPair(parent, child, compare_targets(parent, child, way), how))
    return pairs


def unmatched_tasks(
    parent_tasks: Sequence[tuple[int, str]], child_tasks: Sequence[tuple[int, str]], threshold: float = TASK_THRESHOLD
) -> list[tuple[int, str]]:
    """Parent tasks ``(id, title)`` whose title resembles no child task title."""
    child_tokens = [tokens(title) for _, title in child_tasks]
    missing = []
    for task_id, title in parent_tasks:
        mine = tokens(title)
        if not mine:
            continue
        best = max((2 * len(mine & c) / (len(mine) + len(c)) for c in child_tokens if c), default=0.0)
        if best < threshold:
            missing.append((task_id, title))
    return missing
