"""Part numerals a scan's OCR misread, read by their place among the parts (before the outline tree is built).

Decree 30/2020 numbers the parts of a text "I.", "II.", "III." …, and a text with sections "A.", "B." starts them
afresh at "I." in each. OCR reads the strokes of those numerals as look-alike letters: "II." as "HH." or "H.",
"III." as "IH.", "I." as "L." or even as "1.". Such a line opens no part (its items then fall under the part
before, and a part of tasks is read as a part of assessment), or opens a point "1." that was a part.

A doubtful numeral is read as a part only where the run of parts expects it: the value right after the last
part ("HH." after "I." is "II."), or "I." opening a run when the next part reads "II." ("L." over "HH." under a
new section). "1." is read as "I." only where no part came before, the next point is "1." again (the part's own
first point) and the next part reads "II.". A line in a list of capital letters ("H." after "G.") is left alone.
"""

from __future__ import annotations

import itertools
import re

from ansinh.documents.parsing.clean import Doc
from ansinh.lib.roman import roman_value, to_roman

# A line opening with a numeral of strokes OCR may have misread ("HH.", "IH.", "L.", "H.", "Il-"), then a capital.
_DOUBTFUL = re.compile(r"^[ \t]*(?P<m>[IVXLlH1|]{1,4})[ \t]*[.\-–/][ \t]*(?P<rest>[A-ZĐÀ-Ỹ\"“]\S*[ \t]+\S)")
# What each glyph may stand for: "H" is two strokes ("II") or one stroke read thick ("I").
_STROKES = {"I": ("I",), "l": ("I",), "1": ("I",), "|": ("I",), "L": ("I",), "H": ("I", "II"), "V": ("V",), "X": ("X",)}
# A line of a list numbered with capital letters ("G. Cấp tỉnh").
_LETTER_LINE = re.compile(r"(?m)^[ \t]*([A-Z])[ \t]*[.)]")

Info = tuple[str, str, int] | None


def _readings(token: str) -> set[int]:
    """The part numbers ``token`` may be: "HH" 2 or 3, "IH" 2 or 3, "L" 1."""
    out: set[int] = set()
    for parts in itertools.product(*(_STROKES[c] for c in token)):
        numeral = "".join(parts)
        value = roman_value(numeral)
        if value is not None and to_roman(value) == numeral:
            out.add(value)
    return out


def misread_parts(doc: Doc, lines: list[tuple[int, int]], infos: list[Info]) -> None:
    """Read doubtful part numerals (and a "1." that stands for "I.") as the parts their run expects, in place."""
    slots: list[tuple[int, str, set[int], int]] = []  # (line, kind, readings, offset of the heading text)
    first_roman = next((i for i, info in enumerate(infos) if info is not None and info[0] == "roman"), len(infos))
    for i, info in enumerate(infos):
        if info is not None:
            if info[0] == "roman" and (value := roman_value(info[1])):
                slots.append((i, "part", {value}, info[2]))
            elif info[0] == "upper":
                slots.append((i, "section", set(), info[2]))
            elif info[:2] == ("num1", "1") and i < first_roman and _point_one_again(infos, i):
                slots.append((i, "one", {1}, info[2]))
            continue
        s, e = lines[i]
        text = doc.clean[s:e]
        m = _DOUBTFUL.match(text)
        if m is None or "\t" in text or m.group("m").isdigit() or not re.search(r"[LlH1|]", m.group("m")):
            continue
        if not m.group("rest")[0].isupper() and m.group("rest")[0] not in "\"“":
            continue
        if len(m.group("m")) == 1 and _letter_list(doc, lines, i, m.group("m")):
            continue
        if readings := _readings(m.group("m")):
            slots.append((i, "doubtful", readings, m.start("rest")))
    last = 0
    for k, (i, kind, readings, offset) in enumerate(slots):
        if kind == "section":
            last = 0
            continue
        if kind == "part":
            last = next(iter(readings))
            continue
        after = slots[k + 1][2] if k + 1 < len(slots) else set()
        if kind == "one":
            value = 1 if last == 0 and 2 in after else 0
        elif last and last + 1 in readings:
            value = last + 1
        elif 1 in readings and 2 in after:
            value = 1  # the first part, or a new run under a section whose heading was not read
        else:
            value = 0
        if value:
            infos[i] = ("roman", to_roman(value), offset)
            last = value


def _point_one_again(infos: list[Info], index: int) -> bool:
    """The next point after line ``index`` is "1." again (the first point of the part "1." stands for)."""
    nxt = next((info for info in infos[index + 1 :] if info is not None and info[0] in ("num1", "roman", "upper")), None)
    return nxt is not None and nxt[:2] == ("num1", "1")


def _letter_list(doc: Doc, lines: list[tuple[int, int]], index: int, letter: str) -> bool:
    """A line above ``index`` opens with the capital letter before ``letter`` ("G." above "H."): a list of letters."""
    before = chr(ord(letter) - 1)
    for s, e in lines[:index]:
        m = _LETTER_LINE.match(doc.clean, s, e)
        if m is not None and m.group(1) == before:
            return True
    return False
