"""The words and shapes around a number that make it a target value, as patterns on folded text.

Split from :mod:`targets` so that the reading logic stays short: comparators ("dưới", "từ … trở lên"),
units and scale words after a value, cues before it, and what rules a number out (dates, levels,
base years, ages that qualify a population, service frequencies).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.vocab import COUNT_UNITS, by_first_letter, ocr_tolerant
from ansinh.lib.vn_number_words import FOLDED_WORDS
from ansinh.lib.vnnumbers import NUMBER_PATTERN

# NUMBER_PATTERN not after a word, dot, comma or slash, written with its first digit before that look back: the same
# matches, found by a scan the engine speeds up by looking for a digit first.
_NUM = re.compile(r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*")
_RANGE_TAIL = re.compile(r"\s*(%|‰)?\s*(?:-|–|den|toi)\s*(" + NUMBER_PATTERN + r")(?![\w/])")
_SIGN = re.compile(r"\s*(%|‰)")
# "%/năm": a rate per year.
_PER_YEAR = re.compile(r"\s*(?:/\s*|(?:moi|hang)\s+)n[ad]m(?![a-z])")
# Scale words after a number ("1,8 triệu lượt người"); not before a currency ("500 triệu đồng" stays a unit).
# A scale before money or a unit of measure stays in the unit ("457 triệu tấn CO2tđ", as "120 tỷ đồng").
_SCALE = re.compile(r"\s*(trieu|nghin|ngan|ty)(?![a-z])(?!\s+(?:dong|vnd|usd|tan|kwh|mwh|m3|lit)(?![a-z]))")
_SCALES = {"trieu": 1e6, "nghin": 1e3, "ngan": 1e3, "ty": 1e9}


def scaled(value: object, unit: object) -> tuple[object, str | None]:
    """The value counted in units and the unit without its scale word: (8.5, "triệu việc làm") is (8500000.0,
    "việc làm"). A scale before money or a unit of measure ("120 tỷ đồng", "457 triệu tấn") is part of the unit."""
    if not isinstance(unit, str):
        return value, None
    m = _SCALE.match(fold_same_length(unit).lower())
    if m is None or m.start(1) != 0:
        return value, unit
    counted = value * _SCALES[m.group(1)] if isinstance(value, (int, float)) else value
    return counted, unit[m.end(1) :].strip() or None


# An age that qualifies who is counted ("người cao tuổi từ 75 tuổi trở lên", "trẻ em dưới 5 tuổi").
_AGE_QUALIFIER = re.compile(
    r"(?:tuoi|tre\s+em|tre|nguoi|phu\s+nu|hoc\s+sinh|lao\s+dong|doi\s+tuong)(?:\s+[a-z]+){0,2}\s+(?:tu|duoi|tren|do|den)\s*$"
)
_COMPARED_TO = re.compile(r"(?<![a-z])so\s+(?:voi\s+)?$")
_SENTENCE_CUE = re.compile(r"^\s*[-–+•*]?\s*(?:ph[ad]n\s+d[ad]u|ch[il]\s+t[il][eu]u)(?![a-z])")
_MULTIPLE = re.compile(r"(?:g[ad]p|t[ad]ng)\s+$")
# "ít nhất 01 lần/năm": how often a service is given, not a target of its own.
_PER_PERIOD = re.compile(r"\s*l[ad]n\s*/\s*(?:n[ad]m|th[ad]ng|quy|tuan|ngay)(?![a-z])")
_COMPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "không thấp hơn", "không ít hơn", "không kém hơn": a floor, as "không dưới" ("thấp hơn" alone is "<").
    (">=", re.compile(r"(?:t[oda][il]\s+thi[eu]u|[il]t\s+nh[ad]t|kh[oda]ng\s+(?:d(?:u|ir)[oda][il]|(?:th[ad]p|[il]t|k[eu]m)\s+h[oda]n))\s*$")),
    # "không cao hơn", "không nhiều hơn", "không lớn hơn": a ceiling, as "không quá".
    ("<=", re.compile(r"(?:t[oda][il]\s+d[ad]|kh[oda]ng\s+(?:(?:v(?:u|ir)[oda]t\s+)?qu[ad]|(?:cao|nhi[eu]u|l[oda]n)\s+h[oda]n)|(?:g[il][ad]m|xu[oda]ng)\s+c[oda]n)\s*$")),
    ("<", re.compile(r"(?:d(?:u|ir)[oda][il]|th[ad]p\s+h[oda]n)\s*$")),
    (">", re.compile(r"(?:tr[eu]n|h[oda]n|v(?:u|ir)[oda]t)\s*$")),
    ("approx", re.compile(r"(?:kh[oda][ad]ng|x[ad]p\s+x[il])\s*$")),
)
_FROM = re.compile(r"t(?<![a-z]t)(?:u|ir)\s*$")  # "(?<![a-z])" after the "t": the engine skips to one
_AND_MORE = re.compile(r"^\s*(?:%|‰)?\s*[^\s,;.]{0,12}?\s*(?:[a-z0-9/]+\s+){0,4}?tr[oda]\s+l[eu]n(?![a-z])")
_MAINTAIN = re.compile(r"(?<![a-z])duy\s+tr[il](?![a-z])")


def maintains(folded: str, start: int, end: int) -> bool:
    """``_MAINTAIN.search(folded[start:end])``, its "duy" looked for first (a plain find, no copy)."""
    return folded.find("duy", start, end) != -1 and _MAINTAIN.search(folded[start:end]) is not None
_CUE_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:la|d[ad]t|c[oda]|cho|b[ad]ng|c[oda]n|m[oda]i\s+n[ad]m|binh\s+qu[ad]n|(?:t[ad]ng|g[il][ad]m)\s+th[eq]m"
    # A verb of change right before a count ("Giảm 25 hộ nghèo", "phát triển mới 150 người", "tăng thêm 15 xã").
    r"|g[il][ad]m|t[ad]ng|m[oda]i|th[eq]m)|:)\s*$"
)
# A verb that brings things into being, alone before a count at the head of an objective's clause ("+ Hình thành 02
# mô hình du lịch cộng đồng", "Thành lập mới 15 hợp tác xã"): the count is what the plan sets out to reach.
CREATE_LEAD = re.compile(
    r"[\s\-–+*•(]*(?:(?:moi|hang)\s+nam\s+)?(?:hinh\s+thanh|thanh\s+lap|xay\s+dung|phat\s+trien|cong\s+nhan|to\s+chuc|dua\s+vao\s+(?:hoat\s+dong|su\s+dung|khai\s+thac)"
    # "Hoàn thành (di dời) 01 khu công nghiệp": a count of what the plan finishes.
    r"|hoan\s+thanh(?:\s+(?:di\s+doi|xay\s+dung|dau\s+tu))?)"
    r"(?:\s+(?:moi|them|duoc))?(?:\s+(?:it\s+nhat|toi\s+thieu|tu))?\s*"
)

# "giảm từ 18,2% xuống còn 17,5%": the first value is where the indicator starts from.
# "từ 22.149 ha lên khoảng 25.949 ha", "từ 65 triệu USD lên 90 triệu USD": the start may carry its unit, and the value
# reached a comparator word.
_FROM_TO = re.compile(
    r"\s*(?:%|‰|(?:(?:trieu|nghin|ngan|ty)\s+)?[a-z0-9]{1,8}(?:\s+[a-z]{1,8})?)?\s*"
    r"(?:\(?(?:(?:vao|cuoi)\s+)?n[ad]m\s+(?:19|20)\d\d\)?\s*,?\s*)?"
    r"(?:xu[oda]ng|l[eu]n)\s+(?:c[oda]n\s+|m[uy]c\s+|khoang\s+|tren\s+|duoi\s+)?(?=\d)"
)
_BAD_BEFORE = re.compile(  # by first letter, "(?<![a-z])" looked at after it (vocab.by_first_letter): the same matches
    by_first_letter(r"s[oda6]|ngay|th[ad]ng|n[ad]m|l[ad]n\s+thu|khoa|quy|dieu|khoan|chuong|phan|muc|giai\s+d[oda][ad]n|"
                    r"nhiem\s+ky|cap|lop|tuyen|phuong|q(?<!binh\sq)uan|to|khu|thon|ap|ban", "[a-z]") + r"\s*$"
)
_BAD_AFTER = re.compile(r"^(?:\s*/\s*\d|-[a-z]|/[a-z]|\s*-\s*(?:19|20)\d\d)")
# "6 tháng đầu năm", "9 tháng cuối năm 2026": the part of a year a figure covers (a reporting period), not a value.
PART_OF_YEAR = re.compile(r"^\s*thang\s+(?:dau|cuoi)\s+nam(?![a-z])")
# "5 năm 2021 - 2025", "05 năm tới", "3 năm qua", "bình quân 5 năm", "trong 3 năm": how long a period lasts, not a value.
YEARS_LONG = re.compile(r"^\s*n[ad]m\s+(?:(?:19|20)\d\d(?!\d)|toi|qua|tiep\s+theo|lien\s+tiep|thuc\s+hien)(?![a-z])")
YEARS_LONG_BEFORE = re.compile(r"(?<![a-z])(?:binh\s+quan|trong(?:\s+vong)?|sau|giai\s+doan|moi)\s+$")
# What may stand before a value that continues the previous one's indicator ("… và dưới 11,5% …").
BARE_NEXT = re.compile(r"[\s,]*(?:va\s*)?(?:duoi|tren|toi thieu|it nhat|khoang|con)?\s*")
# ... and what may follow it: at most a year ("95% vào năm 2030"), no subject of its own ("95% dân số …").
BARE_TAIL = re.compile(r"[\s,.;:)]*(?:(?:vao|den|trong|toi)\s+)?(?:(?:cuoi\s+)?nam\s+(?:19|20)\d\d)?[\s,.;:)]*")


def continues_previous(folded: str, clause_start: int, clause_end: int, mention: Mention) -> bool:
    """Whether a value has no subject of its own before or after it ("… 90% vào năm 2025 và 95% vào năm 2030")."""
    return bool(
        BARE_NEXT.fullmatch(folded, clause_start, mention.start) and BARE_TAIL.fullmatch(folded, mention.end, clause_end)
    )
# "Chỉ tiêu 2:", "Mục tiêu 1." opening a line: its label, not its text.
INDICATOR_LABEL = re.compile(r"(?:chi\s+tieu|muc\s+tieu)\s+\d{1,2}\s*[:.]\s*")
_LEADING_NOISE = re.compile(
    r"^(?:[\s\-–+*(]|phan\s+dau|dam\s+bao|bao\s+dam|tiep\s+tuc|trong\s+do|co(?=\s)|duy\s+tri(?![a-z])|rieng(?=\s)|"
    r"(?:moi|hang)\s+nam(?![a-z])|hoan\s+thanh(?![a-z])|"
    r"(?:den|truoc)\s+(?:het\s+)?(?:ngay\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*|thang\s+\d{1,2}\s*[/-]\s*)\d{4}|"
    r"(?:giam|tang|nang|ha)(?=\s+(?:t[yi]\s+l[eê]|ty\s+suat|so\s))|tam\s+nhin(?:\s+den\s+nam\s+\d{4})?\s*:|den\s+(?:cuoi\s+)?nam\s+\d{4}|"
    r"(?:(?:it\s+nhat|chậm\s+nhat|cham\s+nhat|muon\s+nhat)\s+)?(?:(?:den|vao|tu|trong|cuoi)\s+)+(?:cuoi\s+)?(?:nam\s+)?\d{4}(?:\s+tro\s+di)?|"
    r"nam\s+\d{4}(?:\s+tro\s+di)?|,)+"
)
# Year phrases that do not belong to an indicator's name ("Tỷ lệ hộ nghèo năm 2024", "… từ năm 2026 trở đi").
YEAR_PHRASE = re.compile(
    r"(?:\s*,)?\s*(?:(?:it\s+nhat|cham\s+nhat|muon\s+nhat)\s+)?(?:(?:den|vao|tu|trong|cuoi|het)\s+)*(?:cuoi\s+)?"
    r"(?:nam|giai\s+doan)\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?:\s+tro\s+di)?\s*,?"
)
# Every year phrase holds a year: a text without one is not scanned for them.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def drop_year_phrases(folded: str) -> str:
    """``YEAR_PHRASE.sub(" ", folded)``, with no scan of a text that holds no year."""
    return YEAR_PHRASE.sub(" ", folded) if _YEAR_DIGITS.search(folded) else folded


def year_phrases(folded: str) -> list[re.Match[str]]:
    """``list(YEAR_PHRASE.finditer(folded))``, with no scan of a text that holds no year."""
    return list(YEAR_PHRASE.finditer(folded)) if _YEAR_DIGITS.search(folded) else []


_TRAILING_NOISE = re.compile(
    r"(?:[\s:,(]|(?<![a-z])(?:va|hoac)|dat|la|khoang|duoi|tren|toi\s+thieu|it\s+nhat|toi\s+da|(?:khong\s+)?(?:thap|cao|it|nhieu|lon|kem)\s+hon|khong\s+(?:qua|vuot(?:\s+qua)?|duoi)|tu|(?<!\d\s)tro\s+len|bang|con|cho|(?:giam|tang)\s+binh\s+quan|giam|tang|chiem|hon|xuong|(?<!\d\stro\s)len|o\s+muc|muc|dat\s+muc)+$"
)


# A sentence ends at a full stop before a capital, and before each dash-bulleted line ("- 100% người có công …"
# opens a new one even after a full stop, which a capital test misses), and before a table row (a line with cells).
# (Each branch opens with one character, "\." "!" "?" for "[.!?]": the engine then skips to one of them.)
_SENTENCE_BREAK = re.compile(r"\.(?=[ \t\n]{1,200}[\"“(]?[A-ZĐÀ-Ỹ])|!(?=[ \t\n]{1,200}[\"“(]?[A-ZĐÀ-Ỹ])|\?(?=[ \t\n]{1,200}[\"“(]?[A-ZĐÀ-Ỹ])|\n[ \t]*\n(?=[ \t]*[-–+•])|\n(?=[ \t]*[-–+•][ \t]+\S)|\n(?=[^\n]*\t)")
# The same for a span without a tab, where the last alternative (a line holding one) cannot match: not looked for.
SENTENCE_BREAK_NO_TAB = re.compile(_SENTENCE_BREAK.pattern.removesuffix(r"|\n(?=[^\n]*\t)"))
# Longest first, so that "căn nhà" is not read as the OCR-tolerant "con" ("o" may be read for "a").
_UNIT_PATTERNS = [
    re.compile(r"(?:" + ocr_tolerant(u) + r")(?![a-z0-9])") for u in sorted(COUNT_UNITS, key=lambda u: -len(u))
]
# "18/21 xã": a count out of a whole, followed by the unit counted.
_FRACTION = re.compile(r"\s*/\s*\d{1,4}(?=\s+[a-z])")
# A share that qualifies who is counted, then the change that is the target ("xã có tỷ lệ nghèo trên 25% giảm …").
QUALIFIER_THEN_CHANGE = re.compile(r"\s+(?:giam|tang)(?![a-z])(?:(?!;|,(?!\d)|\().)*$")
# A clause that says for which places or people a value holds ("Đối với các xã có tỷ lệ hộ nghèo trên 30%, …",
# "Riêng các huyện thuộc vùng có tỷ lệ …"), from its clause's start up to the value it qualifies by.
QUALIFIER_LEAD = re.compile(
    r"[\s\-–+•*]*(?:doi\s+voi|rieng)\s+(?:cac\s+|nhung\s+)?(?:[a-z]+\s+){1,6}?(?:co|thuoc)\s+"
    r"(?:[a-z]+\s+){0,8}?(?:(?:tren|duoi|tu|it\s+nhat|khong\s+qua|cao\s+hon|thap\s+hon)\s+)?$"
)
# Clause separators between two values, strongest first: a bracket still open starts an aside; a comma
# between digits is a decimal one ("3,5").
CLAUSE_SEPS = (re.compile(r";"), re.compile(r"\((?![^)]*\))"), re.compile(r",(?!\d)"))


@dataclass
class Mention:
    start: int  # offsets into the document
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    level: bool = False
    baseline: float | None = None
    baseline_text: str | None = None


# What may stand between two values that share the first one's comparator: its year, an aside, "và" or a comma
# ("xuống còn 7,3% vào năm 2025 và 6,8% vào năm 2030", "dưới 10% (nội thành), 5% (ngoại thành)").
_SHARED_BETWEEN = re.compile(r"\s*(?:vao\s+nam\s+(?:19|20)\d\d\s*)?(?:\([^()]{0,60}\)\s*)?(?:,|va)\s*")


def share_comparators(folded: str, mentions: list[Mention]) -> None:
    """A bare value right after a bounded one ("dưới 10% …, 5% …") is bounded the same way."""
    for x, y in itertools.pairwise(mentions):
        if (y.comparator == "=" and x.comparator in ("<", "<=", ">", ">=") and x.unit == y.unit
                and _SHARED_BETWEEN.fullmatch(folded, x.end, y.start)):
            y.comparator = x.comparator


# A rate per a population: "30/100.000 trẻ đẻ sống", "50 ca/100.000 dân", "19 bác sĩ trên 10.000 dân" (folded).
# The white space before "/" or "trên" is read once (possessive): written as "\s*(noun)?\s*(?:/|\s+tren\s+)\s*", three
# quantifiers shared a run of spaces and a number before a blanked table or a PDF's column gap took seconds (cubic).
# Tried in the same order, so the same match: a noun and its "/" or "trên", else "/", else white space and "trên".
RATIO_TAIL = re.compile(
    r"(?:\s*+(?P<noun>ca|truong hop|benh nhan|nguoi|tre|tre em|vu)\s*+(?:/|(?<=\s)tren(?=\s))|\s*+/|\s++tren(?=\s))\s*+"
    r"(?P<base>1\.000\.000|100\.000|10\.000|1\.000|1000000|100000|10000|1000|mot\s+van|van|nghin|ngan)\s+"
    r"(?P<who>[a-z]+(?:\s+(?!(?:vao|den|nam|tu|trong|va|tro|giam|tang|dat|theo|cua|tai|voi|duoc|nhu|hang|moi|khi|neu)(?![a-z]))[a-z]+){0,3})"
)
# The same with any noun counted before the base ("19 bác sĩ trên 10.000 dân", "109 bé trai/100 bé gái",
# "3,5 dược sĩ đại học trên 10.000 dân"); a base of 100 only after a noun, where "trên 100" cannot be a comparator.
WORD_RATIO = re.compile(
    r"\s*(?P<noun>(?!(?:tuoi|nam|ngay|thang|lan|va|den|tu|trong|tro|theo|cua|tai|voi|vao|la|dat)(?![a-z]))[a-z]+"
    r"(?:\s+(?!(?:nam|ngay|thang|lan|va|den|tu|trong|tro|theo|cua|tai|voi|vao|la|dat|tren)(?![a-z]))[a-z]+){0,3}?)"
    r"\s*(?:/|\s+tren\s+)\s*(?P<base>1\.000\.000|100\.000|10\.000|1\.000|100|mot\s+van|van)\s+"
    r"(?P<who>[a-z]+(?:\s+(?!(?:vao|den|nam|tu|trong|va|tro|giam|tang|dat|theo|cua|tai|voi|duoc|nhu|hang|moi|khi|neu)(?![a-z]))[a-z]+){0,3})"
)
_BASES = {"10.000": "vạn", "10000": "vạn", "mot van": "vạn", "van": "vạn", "nghin": "1.000", "ngan": "1.000",
          "1000": "1.000", "100000": "100.000", "1000000": "1.000.000"}


def ratio_unit(clean: str, match: re.Match[str], unit: str | None) -> str:
    """The unit of a rate: ``"ca/100.000 dân"``, ``"bác sĩ/vạn dân"``, ``"/100.000 trẻ đẻ sống"``.

    ``match`` is a :data:`RATIO_TAIL` match on the folded view of ``clean`` (same offsets).
    """
    base = " ".join(match.group("base").split())
    noun = clean[match.start("noun") : match.end("noun")] if match.group("noun") else ""
    who = " ".join(clean[match.start("who") : match.end("who")].split())
    return f"{unit or noun}/{_BASES.get(base, base)} {who}"


# Cue and comparator words whose folded form other words share: "đạt" (reach) with "đặt" (place), "đất" (land),
# "đắt"; "có" (have) with "cơ" (cơ sở, cơ quan), "cô", "cỏ"; "từ" (from) with "tử", "tứ", "tư". One table for every
# reader of folded cues: a word counts as the cue only as written, or where the text has lost its marks.
CUE_AS_WRITTEN: dict[str, str] = {"dat": "đạt", "co": "có", "tu": "từ"}
# The commitment cues among them (TARGET_CUES, the learned judge's cues). "từ" is only a comparator word: blanking
# "tư" would break "đầu tư".
_FOLDED_CUE = re.compile(r"(?<![a-z0-9])(?:dat|co|khi|neu)(?![a-z0-9])")
# The condition words of the learned judge's cues share their folded form too: "khi" (when) with "khí" (gas: "khí
# thải", "khí hậu", "khí nhà kính"), "nếu" (if) with "nêu" (state: "các mục tiêu đã nêu"). Read only in cue_folded.
_CONDITION_AS_WRITTEN: dict[str, str] = {"khi": "khi", "neu": "nếu"}


def false_cue(word: str) -> bool:
    """Whether a written word folds like a cue word ("đạt", "có", "từ") but is another word ("đặt", "cơ", "tử")."""
    lowered = word.lower()
    folded = fold_same_length(lowered)
    written = CUE_AS_WRITTEN.get(folded)
    return written is not None and lowered not in (written, folded)


def cue_folded(doc: Doc, start: int, end: int) -> str:
    """The folded text of ``start:end`` with the words that only fold like a commitment cue blanked out."""
    folded = doc.folded[start:end]
    for m in _FOLDED_CUE.finditer(doc.folded, start, end):
        if false_cue(doc.clean[m.start() : m.end()]) or _false_condition(doc.clean[m.start() : m.end()]):
            a, b = m.start() - start, m.end() - start
            folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


def _false_condition(word: str) -> bool:
    """Whether a written word folds like a condition word ("khi", "nếu") but is another word ("khí", "nêu")."""
    lowered = word.lower()
    folded = fold_same_length(lowered)
    written = _CONDITION_AS_WRITTEN.get(folded)
    return written is not None and lowered not in (written, folded)


# The unit patterns as one alternation: tried in the same order at the same place, so the same match (one call, not 68).
ANY_UNIT = re.compile("|".join(p.pattern for p in _UNIT_PATTERNS))
# "3.100 tỷ đồng (tương đương 130 triệu USD)": the same value in another unit.
EQUIVALENT = re.compile(r"(?<![a-z])tuong\s+duong\s+(?:voi\s+)?(?:khoang\s+|gan\s+)?$")
# "phát triển thêm 400 …", "mở thêm khoảng 2 - 3 …": so many more of something, a count the plan commits to.
ADDED = re.compile(r"(?<![a-z])them\s+(?:(?:khoang|it\s+nhat|toi\s+thieu)\s+)?$")


def same_noun(doc: Doc, out: list[Mention], stop: int) -> bool:
    """Whether the noun after ``stop`` is the one the last count of the sentence counted ("… và 50 dịch vụ …")."""
    last = next((m for m in reversed(out) if not m.level), None)
    if last is None or not last.unit or len(last.unit) < 3:
        return False
    unit = fold_same_length(str(last.unit)).lower()
    return doc.folded.startswith(unit, stop + 1) and not ANY_UNIT.fullmatch(unit)


# "hiện nay là 5,2%", "hiện tại đạt 60%", "hiện có 12 xã": where an indicator stands when the plan is written.
NOW_VALUE = re.compile(
    r"(?<![a-z])(?<!thuc\s)(?<!the\s)(?<!xuat\s)(?<!phat\s)(?:(?:hien\s+nay|hien\s+tai|thoi\s+diem\s+hien\s+tai)\s*,?\s*"
    r"(?:(?:moi|chi|da|dang)\s+)?(?:la|dat|co|:|con|o\s+muc|chiem)?|hien\s+(?:(?:moi|chi|da|dang)\s+)?(?:la|dat|co|con|o\s+muc|chiem))"
    r"\s*(?:khoang\s+|tren\s+|duoi\s+)?$"
)
# … followed in its sentence by the value the plan strives for.
LATER_VALUE = re.compile(
    r"[,;]?\s*(?:[a-z]+\s+){0,3}?(?:phan\s+dau|den\s+(?:het\s+|cuoi\s+)?nam|muc\s+tieu|(?:giam|tang|nang)\s+(?:len|xuong|con)|"
    r"xuong\s+con|len\s+(?=\d)|giam\s+con)[^;.]{0,80}?\d"
)
# The same number again in words or digits, as Decree 30 style writes a count ("01 (một) đêm", "một (01) trạm"):
# skipped to reach the unit.
_FOLDED_NUMBER = "(?:" + "|".join(FOLDED_WORDS) + ")"
SPELLED_OUT = re.compile(r"\s*(?:\(\s*" + _FOLDED_NUMBER + r"(?:\s+" + _FOLDED_NUMBER + r")*\s*\)\s*|\)\s*(?=[a-z]))?")
# A cut a plan commits to, right before its share ("cắt giảm tối thiểu 20% chi phí", "giảm từ 30% đến 50% chi phí",
# "tiết kiệm 10% chi phí"): the share of a cost is then the target, not a rate of support.
CUT_BY = re.compile(
    r"(?<![a-z])(?:g[il][ad]m|tiet\s+kiem|rut\s+ngan)\s+(?:(?:it\s+nhat|toi\s+thieu|khoang|tren|tu|binh\s+quan|trung\s+binh)\s+)*$"
)
# A sentence that opens with striving by a year, then a comma ("Phấn đấu đến hết năm 2026, giảm …"): what follows is
# the commitment, though its clause has no cue word of its own.
STRIVE_BY_YEAR = re.compile(
    r"[\s\-–+*•]*(?:ph[ad]n\s+d[ad]u|muc\s+tieu)\s+(?:(?:den|trong|vao|truoc)\s+)?(?:(?:het|cuoi)\s+)?n[ad]m\s+(?:19|20)\d\d\s*,\s*"
)
# A clause that opens by moving a rate ("Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm", "Nâng tỷ trọng … lên 30%"): the
# plan commits to the share it names, though no cue word stands before it.
RATE_MOVED = re.compile(
    r"[\s\-–+*•]*(?:(?:phan\s+dau|tiep\s+tuc)\s+)?(?:giam|tang|nang|ha|keo\s+giam)\s+(?:ty|ti)\s+(?:le|trong)\s[^\d,;:]{0,100}?$"
)
# A floor just before a value ("ít nhất 01", "tối thiểu 02"), or a year the clause sets ("đến năm 2030 có thêm 2 - 3
# sân golf"): what follows is counted, whatever its noun, in a tasks part too.
BY_YEAR = re.compile(r"(?<![a-z])(?:den|trong|vao)\s+(?:het\s+|cuoi\s+)?nam\s+(?:19|20)\d\d(?!\d)")
FLOOR_END = re.compile(r"(?<![a-z])(?:it\s+nhat|toi\s+thieu)\s*$")
