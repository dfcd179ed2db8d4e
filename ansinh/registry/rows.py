"""One import row → typed values, with per-cell Vietnamese errors and warnings.

Kept framework-free and fast (a million rows must validate in seconds): folding goes through a
precomputed ``str.translate`` table, dates are parsed by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from ansinh.lib.spreadsheet import FORMULA_STARTS
from ansinh.lib.text import fold
from ansinh.registry.ethnic import canonical as canonical_ethnicity
from ansinh.registry.identity import check_personal_id
from ansinh.registry.tabular import COLUMNS, LABELS

# Folding table for every Latin letter Vietnamese uses: C-speed ``translate`` instead of a loop.
_FOLD = {cp: fold(chr(cp)) for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if fold(chr(cp)) != chr(cp)}
_NON_WORD = re.compile(r"[^0-9a-z]+")
_HAS_DIGIT = re.compile(r"\d")
_PHONE_STRIP = str.maketrans("", "", " .-()\u00a0")
MIN_BIRTH_YEAR = 1900

RELATIONS: dict[str, str] = {
    "chu ho": "chu_ho", "vo": "vo", "chong": "chong", "con": "con", "con de": "con", "con nuoi": "con",
    "con trai": "con", "con gai": "con", "cha": "cha", "bo": "cha", "me": "me", "chau": "chau",
    "chau noi": "chau", "chau ngoai": "chau", "ong": "ong_ba", "ba": "ong_ba", "ong ba": "ong_ba",
    "ong noi": "ong_ba", "ba noi": "ong_ba", "ong ngoai": "ong_ba", "ba ngoai": "ong_ba", "anh": "anh_chi_em",
    "chi": "anh_chi_em", "em": "anh_chi_em", "anh chi em": "anh_chi_em", "con dau": "con_dau_re",
    "con re": "con_dau_re", "khac": "khac", "nguoi o cung": "khac",
}
SEXES = {"nam": "nam", "nu": "nu"}
# The spellings files use most, looked up before folding.
_QUICK = {"Nam": "nam", "Nữ": "nu", "Chủ hộ": "chu_ho", "Vợ": "vo", "Chồng": "chong", "Con": "con", "Cha": "cha", "Mẹ": "me", "Cháu": "chau"}
AREAS = {"thanh thi": "thanh_thi", "nong thon": "nong_thon"}


def fast_fold(text: str) -> str:
    """Lowercase, diacritics stripped, punctuation to single spaces (same result as ``fold_key``)."""
    return " ".join(_NON_WORD.sub(" ", text.lower().translate(_FOLD)).split())


def name_tokens(folded: str) -> list[str]:
    return list(dict.fromkeys(folded.split()))


class Row(NamedTuple):
    line: int
    ma_ban_ghi: str
    ma_ho: str
    ma_xa: str
    area: str
    address: str
    full_name: str
    name_folded: str
    birth_date: dt.date | None
    precision: str
    sex: str
    personal_id: str
    relation: str
    ethnicity: str
    phone: str


def _cell(line: int, col: str, message: str) -> str:
    return f"Dòng {line}, cột «{LABELS[col]}»: {message}"


def parse_date(text: str, today: dt.date) -> tuple[dt.date | None, str, str]:
    """(date, precision, error): YYYY-MM-DD, DD/MM/YYYY, MM/YYYY or YYYY; empty → unknown."""
    text = text.strip()
    if not text:
        return None, "year", ""
    try:
        if len(text) == 4 and text.isdigit():
            day, precision = dt.date(int(text), 1, 1), "year"
        elif "/" in text or "." in text:
            parts = text.replace(".", "/").split("/")
            if len(parts) == 3:
                day, precision = dt.date(int(parts[2]), int(parts[1]), int(parts[0])), "day"
            elif len(parts) == 2:
                day, precision = dt.date(int(parts[1]), int(parts[0]), 1), "month"
            else:
                raise ValueError
            if len(parts[-1]) != 4:
                raise ValueError
        elif len(text) == 10 and text[4] == "-" and text[7] == "-":
            day, precision = dt.date(int(text[:4]), int(text[5:7]), int(text[8:])), "day"
        else:
            raise ValueError
    except ValueError:
        return None, "", f"ngày sinh «{text}» không đúng dạng (YYYY-MM-DD, DD/MM/YYYY hoặc YYYY) hoặc không có thật."
    if day.year < MIN_BIRTH_YEAR:
        return None, "", f"năm sinh {day.year} trước năm {MIN_BIRTH_YEAR}."
    if day > today:
        return None, "", f"ngày sinh «{text}» ở tương lai."
    return day, precision, ""


def restore_leading_zero(text: str, full_length: int, missing: int = 1) -> str:
    """The zeros Excel drops when an ID number or a phone is typed into a number cell (``22183002233``,
    ``1090001234`` for a Hà Nội ID «001…», ``912000222``): every personal ID and every phone number starts
    with 0, so a value of digits only, up to ``missing`` digits short and not starting with 0, gets them
    back; anything else is left to the checks, which still judge the restored value."""
    if full_length - missing <= len(text) < full_length and text.isdigit() and text.isascii() and text[0] != "0":
        return text.zfill(full_length)
    return text


def parse_phone(text: str) -> tuple[str, str]:
    phone = text.translate(_PHONE_STRIP)
    if not phone:
        return "", ""
    if phone.startswith("+84"):
        phone = "0" + phone[3:]
    elif phone.startswith("84") and len(phone) == 11:
        phone = "0" + phone[2:]
    if not phone.isdigit() or not phone.isascii():
        return "", f"số điện thoại «{text}» chỉ được gồm chữ số."
    if not (phone.startswith("0") and len(phone) in (10, 11)):
        return "", f"số điện thoại «{text}» phải có 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84)."
    return phone, ""


_last_columns: list[Any] = [None, (), 0]


def prepare_columns(columns: dict[str, int]) -> None:
    """Remember a table's full column map so that ``parse_row`` reads its cells by position (faster)."""
    if all(c in columns for c in COLUMNS):
        index = tuple(columns[c] for c in COLUMNS)
        _last_columns[:] = [columns, index, max(index) + 1]


def parse_row(line: int, cells: list[str], columns: dict[str, int], today: dt.date) -> tuple[Row | None, list[str], list[str]]:
    """One data row → (Row or None, errors, warnings); every message names its line and column."""
    if columns is not _last_columns[0] or len(cells) < _last_columns[2]:
        values = dict.fromkeys(COLUMNS, "")
        for col, i in columns.items():
            if i < len(cells):
                values[col] = cells[i].strip()
        get = values.__getitem__
    else:
        index = _last_columns[1]
        stripped = [cells[i].strip() for i in index]
        get = dict(zip(COLUMNS, stripped, strict=True)).__getitem__
    errors: list[str] = []
    warnings: list[str] = []
    ma_ban_ghi, ma_ho, ma_xa = get("ma_ban_ghi"), get("ma_ho"), get("ma_xa")
    if ma_xa.isdigit() and ma_xa.isascii() and len(ma_xa) < 5:  # a 5-digit commune code that Excel read as a number
        ma_xa = ma_xa.zfill(5)
    for col, value, limit in (("ma_ban_ghi", ma_ban_ghi, 64), ("ma_ho", ma_ho, 40), ("ma_xa", ma_xa, 16)):
        if not value:
            errors.append(_cell(line, col, "không được để trống."))
        elif len(value) > limit:
            errors.append(_cell(line, col, f"dài quá {limit} ký tự."))
        elif value.startswith(FORMULA_STARTS):
            errors.append(_cell(line, col, f"«{value[:20]}» không được bắt đầu bằng =, +, -, @."))
    full_name = " ".join(get("ho_ten").split())
    folded = fast_fold(full_name)
    if not full_name:
        errors.append(_cell(line, "ho_ten", "không được để trống."))
    elif full_name.startswith(FORMULA_STARTS) or _HAS_DIGIT.search(full_name) or not folded:
        errors.append(_cell(line, "ho_ten", f"«{full_name[:40]}» không phải họ tên (có chữ số hoặc ký hiệu)."))
    elif len(full_name) > 200:
        errors.append(_cell(line, "ho_ten", "dài quá 200 ký tự."))
    birth, precision, err = parse_date(get("ngay_sinh"), today)
    if err:
        errors.append(_cell(line, "ngay_sinh", err))
    sex_text = get("gioi_tinh")
    sex = _QUICK.get(sex_text) or SEXES.get(fast_fold(sex_text), "")
    if not sex:
        errors.append(_cell(line, "gioi_tinh", f"«{sex_text}» không hợp lệ; ghi «Nam» hoặc «Nữ»."))
    rel_text = get("quan_he")
    relation = _QUICK.get(rel_text) or RELATIONS.get(fast_fold(rel_text), "")
    if not relation:
        errors.append(_cell(line, "quan_he", f"«{rel_text}» không hợp lệ; ví dụ: Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Khác."))
    area = ""
    area_text = get("khu_vuc")
    if area_text:
        area = AREAS.get(fast_fold(area_text.replace("_", " ")), "")
        if not area:
            errors.append(_cell(line, "khu_vuc", f"«{area_text}» không hợp lệ; ghi «thanh_thi» hoặc «nong_thon»."))
    personal_id, issues = check_personal_id(
        restore_leading_zero(get("so_dinh_danh"), 12, missing=2), birth_year=birth.year if birth else None, sex=sex or None, today=today
    )
    for issue in issues:
        (errors if issue.is_error else warnings).append(_cell(line, "so_dinh_danh", issue.message))
    phone_text = get("so_dien_thoai")
    phone, err = parse_phone(restore_leading_zero(phone_text, 11 if phone_text[:1] == "2" else 10))
    if err:
        errors.append(_cell(line, "so_dien_thoai", err))
    address = " ".join(get("dia_chi").split())
    if len(address) > 300:
        errors.append(_cell(line, "dia_chi", "dài quá 300 ký tự."))
    ethnicity = " ".join(get("dan_toc").split())
    if len(ethnicity) > 60 or _HAS_DIGIT.search(ethnicity):
        errors.append(_cell(line, "dan_toc", f"«{ethnicity[:30]}» không phải tên dân tộc."))
    if errors:
        return None, errors, warnings
    row = Row(
        line, ma_ban_ghi, ma_ho, ma_xa, area, address, full_name, folded, birth, precision, sex, personal_id,
        relation, canonical_ethnicity(ethnicity), phone,
    )
    return row, errors, warnings
