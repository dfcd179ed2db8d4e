"""Reading a survey file (CSV or XLSX) and classifying it: every bad cell is reported, nothing is written.

Columns: ``ma_ho, khu_vuc, thu_nhap_binh_quan`` and either every indicator column of the standard
(0/1 each) or ``so_chi_so_thieu_hut``; optionally ``ngay_khao_sat`` (checked against the
standard's periods). The output repeats the input columns and adds ``phan_loai`` and ``ly_do``.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ansinh.core.errors import UserError
from ansinh.lib.text import fold_key
from ansinh.lib.vnnumbers import parse_vn
from ansinh.poverty.models import Standard
from ansinh.poverty.rules import Rule, classify_one, reason
from ansinh.poverty.scoring import ScoreForm, check_answers, representative_income, score
from ansinh.registry.tabular import TableError, open_csv, open_xlsx

REQUIRED = ("ma_ho", "khu_vuc", "thu_nhap_binh_quan")
COUNT_COLUMN = "so_chi_so_thieu_hut"
DATE_COLUMN = "ngay_khao_sat"
REGION_COLUMN = "vung"
MAX_SHOWN = 200
_AREAS = {
    "thanh thi": "thanh_thi", "do thi": "thanh_thi", "urban": "thanh_thi",
    "nong thon": "nong_thon", "rural": "nong_thon",
}


class SurveyRefused(UserError):
    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


@dataclass
class SurveyRow:
    line: int
    cells: dict[str, str]
    household: str
    area: str
    income: int
    deprivations: int
    mask: int
    survey_date: dt.date | None
    score: int | None = None
    answers: dict[str, Any] = field(default_factory=dict)


@dataclass
class SurveyFile:
    headers: list[str]
    rows: list[SurveyRow] = field(default_factory=list)


def parse_area(text: str) -> str | None:
    return _AREAS.get(fold_key(text))


def parse_income(text: str) -> tuple[int | None, str]:
    """Whole đồng, rounded up (``x ≤ L`` ⇔ ``ceil(x) ≤ L`` for whole lines); or an error."""
    if not text.strip():
        return None, "chưa có thu nhập bình quân"
    value = parse_vn(text, grouping=True)
    if value is None:
        return None, f"«{text}» không phải là số"
    if value < 0:
        return None, f"thu nhập «{text}» là số âm"
    return math.ceil(value), ""


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def read_survey(
    path: Path, standard: Standard, score_form: ScoreForm | None = None, default_region: str = "", region_note: str = "",
    region_refusal: Callable[[str], str] | None = None,
) -> SurveyFile:
    """Read and check the whole file; raise ``SurveyRefused`` with one line per bad cell.

    With ``score_form``, a file may carry the scored form's answers (one column per question, named by
    its code, holding the option's code; the region in ``vung`` or ``default_region``) instead of
    ``thu_nhap_binh_quan``: a row whose income cell is empty is scored (``scoring.score``). ``region_note``
    explains a missing ``vung`` when the commune's region is ambiguous (``regions.RegionChoice.message``);
    ``region_refusal`` refuses a ``vung`` that is not one of the commune's regions (``RegionChoice.refusal``).
    """
    if not path.is_file():
        raise SurveyRefused(f"Không tìm thấy tệp «{path}».", [])
    try:
        rows = open_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else open_csv(path)[1]
    except TableError as err:
        raise SurveyRefused(err.args[0] if err.args else str(err), []) from None
    header: list[str] = next((cells for _, cells in rows if any(c.strip() for c in cells)), [])
    names = [h.strip().lower() for h in header]
    indicators = standard.indicator_codes()
    item_codes = [i.code for i in score_form.items] if score_form is not None else []
    has_items = bool(item_codes) and all(c in names for c in item_codes)
    missing = [c for c in REQUIRED if c not in names and not (c == "thu_nhap_binh_quan" and has_items)]
    has_all = bool(indicators) and all(c in names for c in indicators)
    if COUNT_COLUMN not in names and not has_all:
        absent = [c for c in indicators if c not in names]
        missing.append(
            f"{COUNT_COLUMN} hoặc đủ {len(indicators)} cột chỉ số (thiếu: {', '.join(absent)})" if indicators else COUNT_COLUMN
        )
    if missing:
        raise SurveyRefused("Tệp thiếu cột: " + "; ".join(missing) + ". Không ghi gì.", [])
    use_count = not has_all
    result = SurveyFile(headers=header)
    errors: list[str] = []
    seen: dict[str, int] = {}
    total = standard.deprivation_total
    for line, raw in rows:
        if not any(c.strip() for c in raw):
            continue
        cells = {name: (raw[i].strip() if i < len(raw) else "") for i, name in enumerate(names)}
        bad: list[str] = []
        code = cells["ma_ho"]
        if not code:
            bad.append("cột ma_ho: chưa có mã hộ")
        elif code in seen:
            bad.append(f"cột ma_ho: mã hộ «{code}» trùng với dòng {seen[code]}")
        else:
            seen[code] = line
        area = parse_area(cells["khu_vuc"])
        if area is None:
            bad.append(f"cột khu_vuc: «{cells['khu_vuc']}» không phải thành thị (thanh_thi) hay nông thôn (nong_thon)")
        points: int | None = None
        answers: dict[str, Any] = {}
        if has_items and not cells.get("thu_nhap_binh_quan", "") and score_form is not None:
            income, points, answers = _scored(score_form, standard, cells, area, default_region, bad, region_note, region_refusal)
        else:
            income, problem = parse_income(cells.get("thu_nhap_binh_quan", ""))
            if problem:
                bad.append(f"cột thu_nhap_binh_quan: {problem}")
        mask, count = 0, 0
        if use_count:
            text = cells[COUNT_COLUMN]
            if not text.isdigit() or int(text) > total:
                bad.append(f"cột {COUNT_COLUMN}: «{text}» phải là số nguyên từ 0 đến {total}")
            else:
                count = int(text)
        else:
            for bit, name in enumerate(indicators):
                if cells[name] not in ("0", "1"):
                    shown = f"«{cells[name]}»" if cells[name] else "ô trống"
                    bad.append(f"cột {name}: {shown} phải là 0 (không thiếu hụt) hoặc 1 (thiếu hụt)")
                elif cells[name] == "1":
                    mask |= 1 << bit
                    count += 1
        day = None
        if cells.get(DATE_COLUMN):
            day = parse_date(cells[DATE_COLUMN])
            if day is None:
                bad.append(f"cột {DATE_COLUMN}: «{cells[DATE_COLUMN]}» không phải ngày (DD/MM/YYYY)")
            elif not standard.in_force_on(day):
                bad.append(
                    f"cột {DATE_COLUMN}: ngày {day:%d/%m/%Y} nằm ngoài thời gian áp dụng của chuẩn {standard.code} ({standard.period_text()})"
                )
        if bad:
            errors.extend(f"Dòng {line}, {b}." for b in bad)
            continue
        assert income is not None and area is not None
        result.rows.append(SurveyRow(line, cells, code, area, income, count, mask, day, points, answers))
    if errors:
        raise SurveyRefused(f"Tệp có {len(errors)} lỗi; không ghi gì.", errors)
    if not result.rows:
        raise SurveyRefused("Tệp không có dòng dữ liệu nào; không ghi gì.", [])
    return result


def _scored(
    form: ScoreForm, standard: Standard, cells: dict[str, str], area: str | None, default_region: str, bad: list[str],
    region_note: str = "", region_refusal: Callable[[str], str] | None = None,
) -> tuple[int | None, int | None, dict[str, Any]]:
    """Score one row's answers; append one message per bad cell to ``bad``."""
    region = cells.get(REGION_COLUMN, "") or default_region
    answers = {i.code: cells[i.code] for i in form.items}
    problems = check_answers(form, region, answers)
    refused = region_refusal(region) if region_refusal and region in form.regions else ""
    if refused:
        problems.insert(0, (REGION_COLUMN, refused[:1].lower() + refused[1:].rstrip(".")))
    for column, problem in problems:
        if column == REGION_COLUMN and not region and region_note:
            problem = f"{region_note[:1].lower()}{region_note[1:].rstrip('.')} (điền mã vùng: {', '.join(form.regions)})"
        bad.append(f"cột {column}: {problem}")
    if problems or area is None:
        return None, None, {}
    scored = score(form, region, area, answers)
    income = representative_income(standard.rule(), area, scored.band)
    return income, scored.total, {"bieu_mau": form.code, "vung": scored.region, "tra_loi": scored.answers}


def classify_file(path: Path, standard: Standard, out: Path) -> dict[str, int]:
    """Classify every row and write ``out`` (all or nothing); counts per class."""
    from ansinh.poverty.scoring import form_for

    score_form = form_for(standard.code)
    survey = read_survey(path, standard, score_form)
    rule: Rule = standard.rule()
    counts: dict[str, int] = {}
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*survey.headers, "phan_loai", "ly_do"])
        for row in survey.rows:
            klass = classify_one(rule, row.income, row.deprivations, row.area)
            counts[klass] = counts.get(klass, 0) + 1
            why = reason(rule, row.income, row.deprivations, row.area)
            if row.score is not None and score_form is not None:
                verified = "" if score_form.verified else ", bảng điểm chưa xác minh"
                why = f"thu nhập ước tính theo bảng điểm: {row.score} điểm ({row.answers['vung']}{verified}); {why}"
            writer.writerow([*row.cells.values(), klass, why])
    os.replace(tmp, out)
    return counts
