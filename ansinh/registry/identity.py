"""The 12-digit personal ID number (số định danh cá nhân): structure checks (vn-rules §4).

Structure: 3 digits place of birth registration, 1 digit century + sex, 2 digits birth year,
6 random digits; no check digit (none is invented here). Errors make a record unusable (wrong
length, letters, sex or birth year contradicting the record); warnings ask for a check (a place
code not in the table: perhaps a country code for a birth registered abroad). Framework-free.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "province_codes.csv"
ERROR = "error"
WARNING = "warning"
_STRIP = str.maketrans("", "", " .-\u00a0")


@dataclass(frozen=True)
class IdIssue:
    level: str  # ERROR or WARNING
    code: str
    message: str  # Vietnamese

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@functools.cache
def place_codes() -> dict[str, str]:
    """Place codes (Phụ lục 1, TT 07/2016/TT-BCA) → province name, read from the data file."""
    with DATA.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["code"]: row["name"] for row in rows}


def normalise_id(raw: str | None) -> str:
    """Spaces, dots and dashes removed (as typed on forms and in spreadsheets)."""
    return (raw or "").translate(_STRIP)


def century_and_sex(digit: int) -> tuple[int, str]:
    """Digit 4 → (base year, ``nam``/``nu``): even male, odd female, century 1900 + 100·⌊d/2⌋."""
    return 1900 + 100 * (digit // 2), ("nam" if digit % 2 == 0 else "nu")


def id_birth_year(number: str) -> int:
    base, _ = century_and_sex(int(number[3]))
    return base + int(number[4:6])


def check_personal_id(
    raw: str | None, *, birth_year: int | None = None, sex: str | None = None, today: dt.date | None = None
) -> tuple[str, list[IdIssue]]:
    """Return the normalised number and its issues (errors first). Empty input: no issues."""
    number = normalise_id(raw)
    if not number:
        return "", []
    if not number.isascii() or not number.isdigit():
        return number, [IdIssue(ERROR, "not_digits", f"Số định danh «{number}» chỉ được gồm chữ số, không có chữ cái hay ký hiệu.")]
    if len(number) != 12:
        extra = " (số CMND cũ 9 chữ số không phải số định danh)" if len(number) == 9 else ""
        return number, [IdIssue(ERROR, "length", f"Số định danh phải có đúng 12 chữ số, «{number}» có {len(number)}{extra}.")]
    issues: list[IdIssue] = []
    base, id_sex = century_and_sex(int(number[3]))
    year = base + int(number[4:6])
    this_year = (today or dt.date.today()).year
    if year > this_year:
        issues.append(IdIssue(ERROR, "future", f"Chữ số thứ 4–6 của số định danh cho năm sinh {year}, sau năm hiện tại."))
    if sex and sex != id_sex:
        said = "nam" if id_sex == "nam" else "nữ"
        issues.append(IdIssue(
            ERROR, "sex",
            f"Chữ số thứ 4 của số định danh ({number[3]}) là của người {said}, nhưng giới tính ghi là {'nam' if sex == 'nam' else 'nữ'}.",
        ))
    if birth_year is not None and birth_year != year:
        issues.append(IdIssue(
            ERROR, "year", f"Số định danh cho năm sinh {year}, nhưng ngày sinh ghi năm {birth_year}.",
        ))
    if number[:3] not in place_codes():
        issues.append(IdIssue(
            WARNING, "place",
            f"Mã nơi đăng ký khai sinh «{number[:3]}» không có trong bảng mã tỉnh (TT 07/2016/TT-BCA); "
            "có thể là mã quốc gia (khai sinh ở nước ngoài) — cần kiểm tra.",
        ))
    return number, issues
