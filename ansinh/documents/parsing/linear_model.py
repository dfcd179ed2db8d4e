"""The small logistic-regression models the parser ships as JSON (`target_learned`, `task_learned`): reading one
and scoring a set of features with it."""

from __future__ import annotations

import json
import math
from pathlib import Path


def read_model(path: str) -> dict[str, object] | None:
    """The model stored at ``path`` (JSON with ``bias`` and ``weights``), or None when absent or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        return None
    return data


def probability(model: dict[str, object], feats: list[str]) -> float:
    """The model's probability for an item with these features (each feature counted once)."""
    weights = model["weights"]
    assert isinstance(weights, dict)
    z = float(model.get("bias") or 0.0) + sum(float(weights.get(f, 0.0)) for f in set(feats))  # type: ignore[arg-type]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
