"""The last touches of an indicator name: a heading, a verb or manner words around it taken off, its spelling."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length

# A share or weight named at the start of a name ("Tỷ lệ …", "tỷ trọng …"): no second "Tỷ lệ" goes before it.
MEASURE_FIRST = re.compile(r"(?i)t[ỷỉ]\s+(?:l[ệe]|trọng|suất)(?!\w)")


def house_spelling(doc: Doc, name: str) -> str:
    """A name opening with "Tỷ lệ"/"Tỷ trọng" spelt "Tỉ …" when the document itself writes "tỉ lệ" more often (both
    spellings are in use; a document keeps one)."""
    if not name.startswith(("Tỷ lệ ", "Tỷ trọng ", "tỷ lệ ", "tỷ trọng ")):
        return name
    if _writes_ti(doc):
        return name[0] + "ỉ" + name[2:]
    return name


def _writes_ti(doc: Doc) -> bool:
    """Whether ``doc`` writes "tỉ lệ"/"tỉ trọng" more often than "tỷ …": counted once per document (remembered on it,
    as its views never change), not over the whole text again for each name."""
    found = doc.__dict__.get("_writes_ti")
    if found is None:
        text = doc.clean.lower()
        found = doc.__dict__["_writes_ti"] = (
            text.count("tỉ lệ") + text.count("tỉ trọng") > text.count("tỷ lệ") + text.count("tỷ trọng"))
    return bool(found)


# "Về xã hội: Tỷ lệ hộ nghèo", "Các chỉ tiêu chủ yếu: Tốc độ tăng trưởng …": a heading's words before the measure.
_HEADED = re.compile(
    r"^.{2,200}:\s*(?=(?:t[yi]\s+(?:le|trong|suat)|toc\s+do|chi\s+so|so\s+luong|tong\s+so|muc)\s\S)", re.DOTALL
)
# "… toàn huyện duy trì ổn định", "… kể từ ngày 01/3/2026": how or since when the value holds, not what it measures.
_HOLDS_END = re.compile(
    r"\s+(?:(?:duy\s+tri|giu\s+vung|on\s+dinh)(?:\s+(?:on\s+dinh|o\s+muc|muc))*"
    r"|(?:ke\s+)?tu\s+(?:ngay|thang)\s+\d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*[/-]\s*\d{4})?)\s*$"
)


# "… theo hướng dẫn của Tỉnh ủy", "…, bảo đảm an toàn thông tin", "… đáp ứng yêu cầu công việc": the manner a thing is
# done in, after what is counted; so are the act it carries out (", thực hiện Nghị quyết số …"), ", cụ thể …" and a
# duty joined on after a comma (", tất cả hồ sơ phải được công khai").
_MANNER_END = re.compile(
    r",?\s+(?:theo\s+(?:huong\s+dan|quy\s+dinh|chi\s+dao)|dap\s+ung\s+yeu\s+cau|(?:bao\s+dam|dam\s+bao)\s+(?:tieu|quy)\s+chuan)"
    r"(?:\s.*)?$|\s*,\s*(?:bao\s+dam|dam\s+bao|huong\s+toi|cu\s+the)(?:\s.*)?$|\s*\(?\s*https?:.*$"
    r"|\s*,\s*(?:thuc\s+hien\s+)?(?:nghi\s+quyet|ket\s+luan|chi\s+thi|quyet\s+dinh|nghi\s+dinh|thong\s+tu)\s.*$"
    r"|\s*,\s+[^,]*?\sphai\s.*$",
    re.DOTALL,
)
# "Giữ tỉ lệ che phủ rừng", "Bố trí tỷ lệ cán bộ …": a verb before the measure word does not name it (a change, "Mức
# giảm tỷ lệ …", does).
_VERB_BEFORE_MEASURE = re.compile(r"^(?!muc\s|so\s|chi\s+so\s)[a-z]+(?:\s[a-z]+)?\s+(?=t[yi]\s+(?:le|trong|suat)\s)")


# "Các cấp, các ngành nỗ lực … thực hiện thắng lợi mục tiêu tăng trưởng GDP": a call to work for a goal names the goal
# (after its last "mục tiêu"), not who is called. What ``^(?!…)(?:\S+\s+){3,}?.*(?<![a-z])muc\s+tieu…`` matches, read
# as its three first words, then the last "mục tiêu" after them: more words before it leave fewer places for it, so
# when none follows the third word the whole pattern fails (which it found by trying every longer run of words).
_GOAL_WORDS = re.compile(r"(?!(?:t[yi]\s+(?:le|trong|suat)|toc\s+do|chi\s+so|so|muc)\s)(?:\S+\s+){3}")
_GOAL_LAST = re.compile(r".*(?<![a-z])muc\s+tieu\s+(?:(?:la|ve|cua)\s+)?(?=\S+\s+\S)", re.DOTALL)


def _goal_of(folded: str) -> re.Match[str] | None:
    """Where the words before a named goal end (a match ending there), if ``folded`` names one after three words."""
    words = _GOAL_WORDS.match(folded) if "tieu" in folded else None
    return None if words is None else _GOAL_LAST.match(folded, words.end())


def tidy(name: str) -> str:
    """``name`` without a heading or a verb before its measure word, nor words after it on how or since when the
    value holds."""
    folded = fold_same_length(name).lower()
    head = _HEADED.match(folded) or _VERB_BEFORE_MEASURE.match(folded) or _goal_of(folded)
    if head is not None:
        name, folded = name[head.end() :], folded[head.end() :]
    manner = _MANNER_END.search(folded)
    if manner is not None and len(folded[: manner.start()].split()) >= 3:
        name, folded = name[: manner.start()], folded[: manner.start()]
    end = _HOLDS_END.search(folded)
    if end is not None and len(folded[: end.start()].split()) >= 2:
        name = name[: end.start()].rstrip(" ,;:-")
    return name


# "… nhằm rút ngắn ít nhất 30% thời gian giải quyết công việc", "cắt giảm 20% chi phí in ấn": the share by which what
# follows the value is cut. ("Kéo giảm 5% số người chết …", of harms, names the count brought down, as before.)
_CUT_BY = re.compile(
    r"(?<![a-z])(?P<verb>rut\s+ngan|cat\s+giam|tiet\s+kiem|(?<!keo\s)giam)(?:\s+(?:it\s+nhat|toi\s+thieu|trung\s+binh|binh\s+quan|khoang|tren|"
    r"hon|tu))*\s*$"
)
# A measure named before the value ("Tỷ lệ hộ nghèo giảm 1,5% mỗi năm") is what changes; the words after it are not.
_NAMED_MEASURE = re.compile(r"(?<![a-z])(?:t[yi]\s+(?:le|trong|suat)|toc\s+do|chi\s+so|so\s+luong|muc)(?![a-z])")
_NOT_A_THING = re.compile(r"(?:moi|hang|binh\s+quan|so\s+voi|tro\s+len|nam|giai\s+doan)(?![a-z])")
_AFTER_END = re.compile(r"\s+(?:so\s+voi\s+(?:nam|cung\s+ky)|theo|trong|den|vao|nam\s+\d{4})(?:\s.*)?$", re.DOTALL)


def reduced_share(doc: Doc, start: int, value_start: int, after: str) -> str | None:
    """"Tỷ lệ rút ngắn thời gian …" for a share cut off what follows it, or None."""
    cut = _CUT_BY.search(doc.folded, start, value_start)
    if cut is None or MEASURE_FIRST.match(after) or _NAMED_MEASURE.search(doc.folded, start, cut.start()):
        return None
    folded = fold_same_length(after).lower()
    if _NOT_A_THING.match(folded):
        return None
    tail = _AFTER_END.search(folded)
    what = after[: tail.start()] if tail is not None else after
    if len(what.split()) < 2:
        return None
    verb = doc.clean[cut.start("verb") : cut.end("verb")].lower()
    return f"Tỷ lệ {verb} {what[:1].lower()}{what[1:]}"


_WITHIN = re.compile(r"[\s,;(]*trong\s+do\s+(?!co\s|duoc\s)")
_MEASURE_START = re.compile(r"(?:t[yi]\s+(?:le|trong|suat)|toc\s+do|chi\s+so|so|muc|tong|gia\s+tri)(?![a-z])")


def share_within(doc: Doc, start: int, value_start: int, name: str, unit: str | None) -> str:
    """"…, trong đó khách quốc tế đạt 45%": a per cent of the whole before it is the share of the part it names."""
    if unit not in ("%", "‰") or not _WITHIN.match(doc.folded, start, value_start):
        return name
    if _MEASURE_START.match(fold_same_length(name).lower()) or len(name.split()) < 2:
        return name
    return f"Tỷ lệ {name[:1].lower()}{name[1:]}"


# A table's unit column holding a measure's name ("Chỉ số phát triển con người (HDI)" beside "> 0,7"): the name of
# what is measured, with no unit of its own.
_NAME_AS_UNIT = re.compile(r"(?:chi\s+so|t[yi]\s+(?:le|trong)|so\s+luong)\s+\S+\s+\S")


def name_held_as_unit(target: dict[str, object]) -> dict[str, object]:
    """``target`` named by its unit when the unit is a measure's name rather than a unit."""
    unit = target.get("unit")
    if not isinstance(unit, str) or not _NAME_AS_UNIT.match(fold_same_length(unit).lower()):
        return target
    return {**target, "indicator": unit.strip(), "unit": None}


# "Bố trí tối thiểu 2% tổng chi ngân sách địa phương hằng năm cho sự nghiệp bảo vệ môi trường": the share of a budget
# spent on a purpose, "Tỷ lệ chi cho <purpose> trong <budget>".
_BUDGET_FOR = re.compile(
    r"^(?P<whole>(?:tong\s+(?:chi|von|dau\s+tu|thu)|ngan\s+sach|von)\b.*?)\s+cho\s+(?P<purpose>\S+(?:\s+\S+)+?)"
    r"(?=\s*(?:[,;.]|\s(?:theo|va\s+bo\s+tri|nam\s+\d{4}|den|trong)\s|$))",
    re.DOTALL,
)


def budget_share(after: str) -> str | None:
    """"Tỷ lệ chi cho <purpose> trong <budget>" for a per cent of a budget given to a purpose, or None."""
    m = _BUDGET_FOR.match(fold_same_length(after).lower())
    if m is None:
        return None
    whole = after[: m.end("whole")].strip(" ,")
    purpose = after[m.start("purpose") : m.end("purpose")].strip(" ,")
    return f"Tỷ lệ chi cho {purpose} trong {whole[:1].lower()}{whole[1:]}"


_OF_PRODUCT = re.compile(r"\s*(?P<base>gr?dp)(?![a-z])")
_AMOUNT_START = re.compile(r"(?:nang\s+)?(?:tong|von|chi|dau\s+tu|kinh\s+phi|ngan\s+sach)(?![a-z])")


def share_of_product(doc: Doc, start: int, value_start: int, value_end: int, name: str) -> str:
    """"kinh tế số đạt khoảng 20% GDP" → "Tỷ trọng kinh tế số trong GDP": a per cent of the product named with it (an
    amount spent, "tổng đầu tư … đạt 2% GDP", keeps its own name; so does "X chiếm tỷ trọng N% GRDP", read as
    "Tỷ trọng X" by an earlier rule)."""
    base = _OF_PRODUCT.match(doc.folded, value_end)
    if re.search(r"chiem\s+t[yi]\s+trong", doc.folded[start:value_start]):
        return name
    folded = fold_same_length(name).lower()
    if base is None or "gdp" in folded or len(name.split()) < 2:
        return name
    product = doc.clean[base.start("base") : base.end("base")]
    if re.match(r"t[yi]\s+trong\s", folded):
        return f"{name} trong {product}"
    if _MEASURE_START.match(folded) or _AMOUNT_START.match(folded):
        return name
    return f"Tỷ trọng {name[:1].lower()}{name[1:]} trong {product}"
