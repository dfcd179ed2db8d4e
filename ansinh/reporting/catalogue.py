"""The indicator catalogue: seed data and automatic suggestion of an indicator for a plan target.

The catalogue is declared in ``data/indicators.json``. A suggestion scores a catalogue indicator
against the target's extracted name by diacritic-insensitive token overlap (syllables and syllable
pairs, Dice coefficient, best over the name and its aliases) plus a bonus when the units agree.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.db import transaction

from ansinh.lib.text import fold_key
from ansinh.reporting.models import Indicator

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "indicators.json"
FIELDS = (
    "name",
    "unit",
    "direction",
    "value_type",
    "aggregation",
    "time_aggregation",
    "scale",
    "decimals",
    "numerator_label",
    "denominator_label",
    "numerator_within_denominator",
    "aliases",
    "source_key",
)
UNIT_BONUS = 0.15
UNIT_PENALTY = 0.15
MIN_SCORE = 0.25
# Units written differently that mean the same thing.
UNIT_SYNONYMS: dict[str, str] = {
    "phan tram": "%",
    "ti le": "%",
    "ty le": "%",
    "lao dong": "nguoi",
    "luot lao dong": "luot nguoi",
}


def catalogue_rows(path: Path = CATALOGUE_FILE) -> list[dict[str, Any]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError("Tệp danh mục chỉ tiêu phải là một danh sách.")
    return rows


@transaction.atomic
def load_catalogue(path: Path = CATALOGUE_FILE) -> int:
    """Create or update every catalogue indicator from the data file; returns how many changed."""
    changed = 0
    for row in catalogue_rows(path):
        defaults = {field: row[field] for field in FIELDS if field in row}
        indicator, created = Indicator.objects.get_or_create(code=row["code"], defaults=defaults)
        if created:
            changed += 1
            continue
        dirty = [f for f, v in defaults.items() if getattr(indicator, f) != v]
        if dirty:
            for field in dirty:
                setattr(indicator, field, defaults[field])
            indicator.save(update_fields=dirty)
            changed += 1
    return changed


def tokens(text: str) -> set[str]:
    """Syllables and adjacent syllable pairs of the folded text."""
    words = fold_key(text).split()
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def unit_key(unit: str) -> str:
    key = fold_key(unit.replace("‰", " permille ").replace("%", " pct "))
    key = key.replace("pct", "%").replace("permille", "‰").strip()
    return UNIT_SYNONYMS.get(key, key)


def score(name: str, unit: str, candidate_names: Iterable[str], candidate_unit: str) -> float:
    """A pure score in [0, 1.15]: the best name overlap plus or minus the unit agreement."""
    target_tokens = tokens(name)
    best = max((dice(target_tokens, tokens(c)) for c in candidate_names), default=0.0)
    if best == 0.0:
        return 0.0
    a, b = unit_key(unit), unit_key(candidate_unit)
    if a and b:
        best += UNIT_BONUS if a == b else -UNIT_PENALTY
    return round(max(best, 0.0), 4)


def suggest_for(
    name: str, unit: str, indicators: Sequence[Indicator], limit: int = 5
) -> list[tuple[Indicator, float]]:
    scored = [(ind, score(name, unit, [ind.name, *ind.aliases], ind.unit)) for ind in indicators]
    scored = [(ind, s) for ind, s in scored if s >= MIN_SCORE]
    scored.sort(key=lambda pair: (-pair[1], pair[0].code))
    return scored[:limit]


def suggest_indicator(target: Any, limit: int = 5) -> list[tuple[Indicator, float]]:
    """Catalogue indicators that may measure ``target``, best first, with their scores."""
    return suggest_for(target.indicator_name, target.unit, list(Indicator.objects.all()), limit)
