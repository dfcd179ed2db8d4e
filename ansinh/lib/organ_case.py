"""An issuing body's name as running text writes it (Decree 30/2020, Phụ lục II: capitals in names of agencies).

A document's header prints its issuer in capitals ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ"); a sentence citing it writes
"Ủy ban nhân dân thành phố Huế". The rules, for a name written wholly in capitals (any other is left as it is):

- the first word is capitalised, the rest lowered, except as below;
- a place after its kind ("tỉnh", "thành phố", "xã", "phường", "đặc khu", "huyện", "quận", "thị xã", "thị trấn")
  keeps every word capitalised ("thành phố Huế"); the kind itself is capitalised too when the place is named by a
  number, a person or a historic event ("Quận 1", "Thành phố Hồ Chí Minh", "Phường Điện Biên Phủ"). Persons and
  events cannot be told from other names by their letters, so only the Decree's own examples are known
  (``NAMED_AFTER``); any other such place has its kind lowered;
- a ministry, department or office ("Bộ", "Sở", "Cục", "Vụ", "Ban", "Văn phòng", "Tổng cục", "Ủy ban") capitalises
  the first word of each field it names, fields parted by a comma, a dash or "và" ("Sở Lao động - Thương binh và
  Xã hội", "Bộ Văn hóa, Thể thao và Du lịch");
- fixed words keep their capitals: "Đảng", "Chính phủ", "Thủ tướng", "Ban Chấp hành", "Ban Thường vụ", "Mặt trận
  Tổ quốc Việt Nam", "Việt Nam", "Nhân dân" after "Ủy ban"/"Hội đồng" stays lower ("Ủy ban nhân dân").

Pure functions.
"""

from __future__ import annotations

import re

from ansinh.lib.text import fold

_PLACE_KINDS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "xã", "phường", "huyện", "quận")
_FIELD_ORGANS = ("tổng cục", "văn phòng", "ủy ban", "uỷ ban", "bộ", "sở", "cục", "vụ", "ban")
_FIXED = {
    "đảng bộ": "Đảng bộ",
    "đảng": "Đảng",
    "chính phủ": "Chính phủ",
    "thủ tướng": "Thủ tướng",
    "ban chấp hành": "Ban Chấp hành",
    "ban thường vụ": "Ban Thường vụ",
    "mặt trận tổ quốc việt nam": "Mặt trận Tổ quốc Việt Nam",
    "việt nam": "Việt Nam",
    "quốc hội": "Quốc hội",
}
_PEOPLES_BODIES = ("ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân")
NAMED_AFTER = ("hồ chí minh", "điện biên phủ")
_NAMED_AFTER_FOLDED = frozenset(fold(n) for n in NAMED_AFTER)


def kind_keeps_capital(place: str) -> bool:
    """Whether a place named ``place`` after its kind keeps the kind capitalised ("Quận 1", "Thành phố Hồ Chí Minh"),
    compared without marks (a header copied without them)."""
    place = fold(" ".join(place.split())).lower()
    return place[:1].isdigit() or place in _NAMED_AFTER_FOLDED


def place_in_running_text(name: str, kind: str = "") -> str:
    """A unit's name as a sentence writes it: "Xã Công Hải" → "xã Công Hải"; a province named without its kind
    ("Khánh Hòa", kind "tỉnh") → "tỉnh Khánh Hòa"; "Thành phố Hồ Chí Minh" and "Phường 12" stay as they are."""
    lowered = name.lower()
    for place_kind in _PLACE_KINDS:
        if lowered.startswith(place_kind + " ") and len(name) > len(place_kind) + 1:
            place = name[len(place_kind) + 1 :]
            return name if kind_keeps_capital(place) else f"{place_kind} {place}"
    if kind.strip().lower() == "tỉnh" and name:
        return f"tỉnh {name}"
    return name


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


_COMMITTEES = ("tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ", "thị ủy",
               "thị uỷ")
_FIELD_BREAK = re.compile(r"[,\-–]|và")


def _starts(words: list[str], i: int, phrase: str) -> bool:
    n = len(phrase.split())
    return words[i : i + n] == phrase.split()


def organ_in_running_text(name: str) -> str:
    """``name`` as a sentence writes it: "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ" → "Ủy ban nhân dân thành phố Huế"."""
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    words = name.lower().split()
    out = list(words)
    # in_field: inside a ministry's or department's list of fields; cap_next: the next word begins a field
    i, in_field, cap_next = 0, False, False
    while i < len(words):
        bare = words[i].rstrip(",")
        people = next((k for k in _PEOPLES_BODIES if _starts(words, i, k)), "")
        fixed = next((k for k in sorted(_FIXED, key=len, reverse=True) if _starts(words, i, k)), "")
        committee = next((k for k in _COMMITTEES if _starts(words, i, k)), "")
        kind = next((k for k in _PLACE_KINDS if _starts(words, i, k)), "")
        organ = next((k for k in _FIELD_ORGANS if _starts(words, i, k)), "")
        if people:
            out[i] = _cap(words[i])
            i, in_field, cap_next = i + len(people.split()), False, False
        elif committee or (kind and i > 0 and not _starts(words, i, "xã hội")):
            n = len((committee or kind).split())
            if committee or kind_keeps_capital(" ".join(words[i + n :])):
                out[i] = _cap(words[i])
            out[i + n :] = [_cap(w) for w in words[i + n :]]  # the place's name, to the end
            break
        elif fixed:
            out[i : i + len(fixed.split())] = _FIXED[fixed].split()
            i, in_field, cap_next = i + len(fixed.split()), False, False
        elif organ and not in_field:
            out[i] = _cap(words[i])
            i, in_field, cap_next = i + len(organ.split()), True, True  # "Bộ Y tế", "Sở Lao động …"
        else:
            if cap_next and _FIELD_BREAK.fullmatch(bare) is None:
                out[i] = _cap(words[i])
            cap_next = in_field and (_FIELD_BREAK.fullmatch(bare) is not None or words[i].endswith(","))
            i += 1
    out[0] = _cap(out[0])
    return " ".join(out)
