"""The versioned model definition (JSON in this package) as a Splink ``SettingsCreator``.

The JSON names Splink library levels (resolved per SQL dialect by Splink) or plain SQL that DuckDB
and Spark both understand, so that the same file serves ``duckdb`` and ``spark``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SETTINGS_PATH = Path(__file__).with_name("model_settings_v1.json")
DIALECTS = ("duckdb", "spark")


@cache
def definition() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SETTINGS_PATH.read_text(encoding="utf-8"))
    if data.get("format") != "ansinh-dedup-settings" or data.get("version") != 1:
        raise ValueError(f"{SETTINGS_PATH.name}: not version 1 of ansinh-dedup-settings")
    return data


def _level(spec: dict[str, Any]) -> Any:
    level = _plain_level(spec)
    if "fixed_m_probability" in spec:  # domain knowledge EM must not unlearn (see the JSON's note)
        level = level.configure(m_probability=spec["fixed_m_probability"], fix_m_probability=True)
    if "fixed_u_probability" in spec:  # too rare for random sampling to observe (see the JSON's note)
        level = level.configure(u_probability=spec["fixed_u_probability"], fix_u_probability=True)
    if "tf_adjustment_column" in spec:  # a common name is weaker evidence than a rare one
        level = level.configure(tf_adjustment_column=spec["tf_adjustment_column"], tf_adjustment_weight=1.0)
    return level


def _plain_level(spec: dict[str, Any]) -> Any:
    import splink.comparison_level_library as cll

    if "null" in spec:
        return cll.NullLevel(spec["null"])
    if spec.get("else"):
        return cll.ElseLevel()
    if "sql" in spec:
        return cll.CustomLevel(spec["sql"], label_for_charts=spec.get("label", spec["sql"]))
    if spec.get("library") == "JaroWinklerLevel":
        return cll.JaroWinklerLevel(spec["column"], spec["threshold"]).configure(label_for_charts=spec.get("label"))
    raise ValueError(f"unknown comparison level {spec!r}")


def settings_creator() -> Any:
    """The untrained model: comparisons and blocking rules, no dialect yet."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on  # noqa: F401  (block_on keeps the public import path checked)
    from splink.blocking_rule_library import CustomRule

    data = definition()
    comparisons: list[Any] = [
        cl.CustomComparison([_level(level) for level in c["levels"]], output_column_name=c["name"])
        for c in data["comparisons"]
    ]
    return SettingsCreator(
        link_type=data["link_type"],
        unique_id_column_name=data["unique_id_column_name"],
        probability_two_random_records_match=data["probability_two_random_records_match"],
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[CustomRule(rule) for rule in data["blocking_rules_to_generate_predictions"]],
        additional_columns_to_retain=data["additional_columns_to_retain"],
        retain_intermediate_calculation_columns=True,
    )


def settings_dict(dialect: str) -> dict[str, Any]:
    """The complete Splink settings for ``dialect`` (``duckdb`` or ``spark``)."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect {dialect!r} not in {DIALECTS}")
    result: dict[str, Any] = settings_creator().create_settings_dict(dialect)
    return result


def threshold() -> float:
    return float(definition()["threshold"])


def gate_threshold() -> float:
    return float(definition()["gate_threshold"])


def tf_columns() -> list[str]:
    """Columns with term-frequency adjustments (their lookup tables are saved with the model)."""
    return sorted({lv["tf_adjustment_column"] for c in definition()["comparisons"] for lv in c["levels"] if "tf_adjustment_column" in lv})


def training() -> dict[str, Any]:
    result: dict[str, Any] = definition()["training"]
    return result
