"""Registry sources: named, versioned computations that propose indicator values to submissions.

A source computes, for an administrative unit and a cut-off date, a value or a numerator and a
denominator (``SourceResult``). Apps that own the data (registry, poverty, benefits …) register
their sources at start-up in ``AppConfig.ready``; this module never imports them. A catalogue
indicator names a source in ``Indicator.source_key``. Opening a submission stores each source's
result as a ``SourceProposal``; the form pre-fills it where nothing is typed, and a typed figure
that differs from it must be explained (``proposal_errors``). A typed value is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ansinh.lib.vnnumbers import format_vn
from ansinh.reporting.models import Indicator, Submission
from ansinh.reporting.models_sources import SourceProposal
from ansinh.reporting.validation import FieldError


@dataclass(frozen=True)
class SourceResult:
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Source:
    key: str
    version: str
    label: str
    compute: Callable[[Any, dt.date], SourceResult | None]


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    """Add (or replace, on a reload) the source under its key."""
    _SOURCES[source.key] = source


def get(key: str) -> Source | None:
    return _SOURCES.get(key)


def registered() -> list[Source]:
    return sorted(_SOURCES.values(), key=lambda s: s.key)


def compute(key: str, unit: Any, cutoff: dt.date) -> SourceResult | None:
    source = _SOURCES.get(key)
    return None if source is None else source.compute(unit, cutoff)


def propose_values(submission: Submission) -> dict[int, SourceProposal]:
    """Compute (or refresh the undecided) proposals of every sourced indicator of the submission."""
    indicators = list(
        Indicator.objects.filter(target_links__target__plan_id=submission.cycle.plan_id, target_links__confirmed=True)
        .exclude(source_key="").distinct()
    )
    if not indicators:
        return {}
    existing = {p.indicator_id: p for p in submission.proposals.all()}
    cutoff = submission.cycle.period_end
    for indicator in indicators:
        source = _SOURCES.get(indicator.source_key)
        proposal = existing.get(indicator.pk)
        if source is None or (proposal is not None and proposal.decision):
            continue
        result = source.compute(submission.unit, cutoff)
        if result is None:
            continue
        fields = {
            "source_key": source.key, "source_version": source.version, "cutoff": cutoff, "value": result.value,
            "numerator": result.numerator, "denominator": result.denominator, "note": result.note[:300],
        }
        existing[indicator.pk], _ = SourceProposal.objects.update_or_create(
            submission=submission, indicator=indicator, defaults=fields
        )
    return existing


def proposals_for(submission: Submission) -> dict[int, SourceProposal]:
    return {p.indicator_id: p for p in submission.proposals.all()}


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _typed(clean: Mapping[str, Any], indicator: Indicator) -> bool:
    names = ("numerator", "denominator") if indicator.is_ratio else ("value",)
    return any(clean.get(n) is not None for n in names)


def _matches(clean: Mapping[str, Any], proposal: SourceProposal, indicator: Indicator) -> bool:
    if indicator.is_ratio and proposal.numerator is not None:
        return _same(clean.get("numerator"), proposal.numerator) and _same(clean.get("denominator"), proposal.denominator)
    return _same(clean.get("value"), proposal.value)


def shown(proposal: SourceProposal) -> str:
    if proposal.numerator is not None and proposal.denominator is not None:
        return f"{format_vn(proposal.numerator)} / {format_vn(proposal.denominator)}"
    return "—" if proposal.value is None else format_vn(round(proposal.value, 4))


def proposal_errors(submission: Submission, cleaned: Sequence[Mapping[str, Any]]) -> list[FieldError]:
    """A typed figure that differs from the source's proposal needs an explanation (``comment``)."""
    proposals = proposals_for(submission)
    errors = []
    for row, clean in enumerate(cleaned):
        indicator: Indicator = clean["indicator"]
        proposal = proposals.get(indicator.pk)
        if proposal is None or not _typed(clean, indicator) or _matches(clean, proposal, indicator):
            continue
        if not str(clean.get("comment") or "").strip():
            errors.append(FieldError(row, indicator.code, "comment", (
                f"{indicator.name}: số liệu khác số đề xuất từ cơ sở dữ liệu ({shown(proposal)}); hãy giải trình lý do."
            )))
    return errors


def record_decisions(actor: Any, submission: Submission, cleaned: Sequence[Mapping[str, Any]]) -> None:
    """Mark each proposal confirmed (same figure typed) or explained (another figure, with a comment)."""
    proposals = proposals_for(submission)
    user = actor if getattr(actor, "is_authenticated", False) else None
    for clean in cleaned:
        indicator: Indicator = clean["indicator"]
        proposal = proposals.get(indicator.pk)
        if proposal is None or not _typed(clean, indicator):
            continue
        decision = SourceProposal.Decision.CONFIRMED if _matches(clean, proposal, indicator) else SourceProposal.Decision.EXPLAINED
        if proposal.decision != decision:
            proposal.decision, proposal.decided_by, proposal.decided_at = decision, user, timezone.now()
            proposal.save(update_fields=["decision", "decided_by", "decided_at"])
