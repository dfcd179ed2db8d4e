"""The scored income-estimation form (phiếu B of Circular 07/2021, amended by Circular 02/2022) as data.

``data/score_forms.json`` holds, per form: the standards and period it serves, the six regions (their
former provinces are in ``data/regions.json``, see ``regions.py``), the questions with their options and points (one number, or
one per region), a base score per region and area, and the cut-off scores per region and area:
``total ≤ line`` means the estimated income is at or below the poverty line, ``total ≤ middle`` within
the middle-income band, otherwise above it. The classification then runs on the standard's own rule
with the band's representative income (the line itself, the middle band's top, one đồng above), so
the rule engine stays the only place that decides a class.

The official tables were not found in any public text we could read: the file's ``verified`` is false
and every page that uses it says "chưa xác minh" (see ``docs/poverty.md``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ansinh.core.errors import UserError
from ansinh.poverty.rules import Rule

DATA = Path(__file__).resolve().parent / "data" / "score_forms.json"
BANDS = {"line": "thu nhập ước tính không quá chuẩn nghèo", "middle": "thu nhập ước tính trong khoảng mức sống trung bình",
         "above": "thu nhập ước tính trên mức sống trung bình"}


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    score: int | dict[str, int]

    def points(self, region: str) -> int:
        return self.score if isinstance(self.score, int) else int(self.score[region])


@dataclass(frozen=True)
class Item:
    code: str
    question: str
    options: tuple[Option, ...]
    verified: bool

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class ScoreForm:
    code: str
    name: str
    source: str
    verified: bool
    note: str
    standards: tuple[str, ...]
    valid_from: dt.date
    valid_to: dt.date
    regions: dict[str, str]
    base: dict[str, dict[str, int]]
    cutoffs: dict[str, dict[str, dict[str, int]]]
    items: tuple[Item, ...]

    def region_of(self, former_province_code: str) -> str:
        """The region of a province of before the 2025 reform (63 codes); "" when unknown."""
        from ansinh.poverty.regions import regions

        return regions().of_province.get(former_province_code, "")


@dataclass(frozen=True)
class Scored:
    total: int
    band: str  # line, middle or above
    region: str
    answers: dict[str, str]

    @property
    def band_text(self) -> str:
        return BANDS[self.band]


def _form(raw: Mapping[str, Any]) -> ScoreForm:
    return ScoreForm(
        code=raw["code"], name=raw["name"], source=raw["source"], verified=bool(raw["verified"]), note=raw.get("note", ""),
        standards=tuple(raw["standards"]), valid_from=dt.date.fromisoformat(raw["valid_from"]),
        valid_to=dt.date.fromisoformat(raw["valid_to"]),
        regions={r["code"]: r["name"] for r in raw["regions"]},
        base=raw["base"], cutoffs=raw["cutoffs"],
        items=tuple(
            Item(i["code"], i["question"], tuple(Option(o["code"], o["label"], o["score"]) for o in i["options"]), bool(i["verified"]))
            for i in raw["items"]
        ),
    )


@cache
def forms(path: Path = DATA) -> tuple[ScoreForm, ...]:
    return tuple(_form(raw) for raw in json.loads(path.read_text(encoding="utf-8"))["forms"])


def form_for(standard_code: str, day: dt.date | None = None) -> ScoreForm | None:
    """The scored form serving ``standard_code`` (on ``day`` when given)."""
    for form in forms():
        if standard_code in form.standards and (day is None or form.valid_from <= day <= form.valid_to):
            return form
    return None


def check_answers(form: ScoreForm, region: str, answers: Mapping[str, str]) -> list[tuple[str, str]]:
    """``(column, message)`` per missing or unknown answer (empty when the form can be scored)."""
    errors = []
    if region not in form.regions:
        shown = f"«{region}»" if region else "chưa chọn"
        errors.append(("vung", f"vùng {shown} không có trong bảng điểm (mã: {', '.join(form.regions)})"))
    for item in form.items:
        value = (answers.get(item.code) or "").strip()
        if not value:
            errors.append((item.code, f"câu «{item.question}»: chưa trả lời"))
        elif item.option(value) is None:
            errors.append((item.code, f"câu «{item.question}»: «{value}» không phải phương án ({', '.join(o.code for o in item.options)})"))
    return errors


def score(form: ScoreForm, region: str, area: str, answers: Mapping[str, str]) -> Scored:
    """The total score and the income band it places the household in; ``UserError`` listing every bad answer."""
    errors = check_answers(form, region, answers)
    if errors:
        raise UserError("Phiếu chấm điểm chưa hợp lệ: " + "; ".join(m for _, m in errors) + ".")
    total = form.base[region][area]
    clean = {}
    for item in form.items:
        option = item.option(answers[item.code].strip())
        assert option is not None
        total += option.points(region)
        clean[item.code] = option.code
    cut = form.cutoffs[region][area]
    band = "line" if total <= cut["line"] else "middle" if total <= cut["middle"] else "above"
    return Scored(total, band, region, clean)


def representative_income(rule: Rule, area: str, band: str) -> int:
    """The income the standard's rule sees for a score band: the poverty line, the middle band's top, or above both."""
    bands = rule.bands[area]
    if band == "line":
        return bands[0].income_max
    if band == "middle" and len(bands) > 1:
        return bands[1].income_max
    return bands[-1].income_max + 1
