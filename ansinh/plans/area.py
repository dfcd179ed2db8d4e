"""Which administrative unit a plan applies to, suggested from its issuer and title.

"UBND Thành phố Hà Nội", "… trên địa bàn Thành phố Hồ Chí Minh": a unit-kind word (tỉnh, thành phố,
xã, phường, đặc khu) followed by a name that is, as a whole, the name of exactly one unit in
force; or the place of the date line ("Hà Nội, ngày 08 tháng 9 năm 2021") when it is the bare name
of a province. Anything less certain suggests nothing: "UBND phường" names no place, "thành phố Rạch
Giá" was abolished in 2025 (today's "Phường Rạch Giá" is another unit, of another kind). Names
are compared with their diacritics ("phường" is not "phương"); a text written without any
diacritics (OCR) is compared folded. The reviewer can always set or clear the area by hand.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils import timezone

from ansinh.geo.models import AdministrativeUnit
from ansinh.lib.text import fold

KINDS = ("tỉnh", "thành phố", "xã", "phường", "đặc khu")
MAX_NAME_WORDS = 5
_WORDS = re.compile(r"\w+")


def _key(text: str, folded: bool) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    if folded:
        text = fold(text)
    return " ".join(_WORDS.findall(text))


def _has_marks(text: str) -> bool:
    return fold(text) != unicodedata.normalize("NFC", text).lower()


def _names_in(text: str, folded: bool) -> set[str]:
    """"kind + name" phrases of up to MAX_NAME_WORDS name words found in ``text``."""
    words = _key(text, folded).split()
    kinds = [_key(k, folded).split() for k in KINDS]
    phrases: set[str] = set()
    for i in range(len(words)):
        for kind in kinds:
            if words[i : i + len(kind)] == kind:
                rest = words[i + len(kind) :]
                for n in range(1, min(MAX_NAME_WORDS, len(rest)) + 1):
                    phrases.add(" ".join([*kind, *rest[:n]]))
    return phrases


_DATE_LINE = re.compile(r"^[ \t*_]*(?P<place>[^\n,0-9/]{2,40}?)[ \t]*,[ \t]*ng[àa]y\b", re.MULTILINE | re.IGNORECASE)
HEADER_CHARS = 1500


def place_of(text: str) -> str:
    """The place of the document's date line ("Hà Nội" in "Hà Nội, ngày 08 tháng 9 năm 2021"), or ""."""
    m = _DATE_LINE.search(text[:HEADER_CHARS])
    return m.group("place").strip() if m else ""


# On the date line: "tháng 8 năm 2026" (the day before it may be blank in a copy sent before signing).
_LINE_MONTH = re.compile(r"th[áa]ng\s+(\d{1,2})\s+n[ăa]m", re.IGNORECASE)


def issued_on_date_line(text: str) -> tuple[int, int | None] | None:
    """The year and, if written, the month of the header's date line, even with the day left blank
    ("Lào Cai, ngày      tháng 8 năm 2026" → (2026, 8)); None without a date line or a year on it."""
    line = _DATE_LINE.search(text[:HEADER_CHARS])
    if line is None:
        return None
    rest = text[line.end() : line.end() + 80].split("\n", 1)[0]
    year = re.search(r"n[ăa]m\s+((?:19|20)\d{2})(?!\d)", rest, re.IGNORECASE)
    if year is None:
        return None
    month = _LINE_MONTH.search(rest)
    number = int(month.group(1)) if month else 0
    return int(year.group(1)), number if 1 <= number <= 12 else None


def _bare(name: str) -> str:
    """A unit's name without its kind word: "Thành phố Hà Nội" → "Hà Nội"."""
    for kind in KINDS:
        if name.lower().startswith(kind + " "):
            return name[len(kind) + 1 :]
    return name


def suggest_area(*texts: str, place: str = "") -> AdministrativeUnit | None:
    """The one unit in force whose full name ("Thành phố Hà Nội") appears in the texts, else the
    province the date line's place names, else None."""
    present = [t for t in (*texts, place) if t and t.strip()]
    folded = bool(present) and not any(_has_marks(t) for t in present)
    phrases = set().union(*(_names_in(t, folded) for t in present if t is not place))
    units = list(AdministrativeUnit.objects.valid_on(timezone.localdate()).only("id", "name", "path", "level", "code"))
    found = {u.pk: u for u in units if phrases and _key(u.name, folded) in phrases}
    if len(found) == 1:
        return next(iter(found.values()))
    if found or not place:
        return None
    wanted = _key(place, folded)
    provinces = [u for u in units if u.level == AdministrativeUnit.Level.PROVINCE and _key(_bare(u.name), folded) == wanted]
    return provinces[0] if len(provinces) == 1 else None
