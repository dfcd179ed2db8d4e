"""Quantities in running text (``find_mentions``): each number a plan states, with its comparator, unit and
the words around it that decide whether it can be a target. Split out of ``targets.py``, which builds targets from them."""


import re

from ansinh.documents.parsing.clean import Doc, fold_same_length, span_text
from ansinh.documents.parsing.target_conditions import condition_spans, may_adjust
from ansinh.documents.parsing.target_listed import listed_amount
from ansinh.documents.parsing.target_number_words import digitized
from ansinh.documents.parsing.target_ranks import is_rank
from ansinh.documents.parsing.target_words import (
    _AGE_QUALIFIER,
    _AND_MORE,
    _BAD_AFTER,
    _BAD_BEFORE,
    _COMPARATORS,
    _CUE_BEFORE,
    _FRACTION,
    _FROM,
    _FROM_TO,
    _MULTIPLE,
    _NUM,
    _PER_PERIOD,
    _PER_YEAR,
    _RANGE_TAIL,
    _SCALE,
    _SENTENCE_CUE,
    _SIGN,
    ADDED,
    ANY_UNIT,
    BY_YEAR,
    CREATE_LEAD,
    CUT_BY,
    EQUIVALENT,
    FLOOR_END,
    LATER_VALUE,
    NOW_VALUE,
    PART_OF_YEAR,
    QUALIFIER_LEAD,
    QUALIFIER_THEN_CHANGE,
    RATE_MOVED,
    RATIO_TAIL,
    SPELLED_OUT,
    STRIVE_BY_YEAR,
    WORD_RATIO,
    YEARS_LONG,
    YEARS_LONG_BEFORE,
    Mention,
    false_cue,
    maintains,
    ratio_unit,
    same_noun,
    share_comparators,
)
from ansinh.documents.parsing.vocab import (
    COST_NOUNS,
    GRADUAL_START,
    LEVEL_WORDS,
    POPULATION_NOUNS,
    TARGET_CUES,
)
from ansinh.lib.vnnumbers import parse_vn

_SPAN_UNIT = re.compile(r"n[ad]m|th[ad]ng|ngay|tuan|tuoi|gio|phut")
_PAST_VALUE = re.compile(r"\(\s*(?:nam|cuoi nam|hien nay|hien tai)\s*(?:(?:19|20)\d\d)?\s*(?:la|dat|:)\s*$")
# "phấn đấu" in the value's own clause, wherever the clause opens (after a comma of a task's sentence too).
_STRIVE = re.compile(r"p(?<![a-z]p)h[ad]n\s+d[ad]u(?![a-z])")  # "(?<![a-z])" after the "p": the engine skips to one
_IN_WHICH = re.compile(r"trong\s+do(?![a-z])")
_ONLY_AND = re.compile(r"[\s,;]*(?:(?:vao|den|trong)\s+(?:cuoi\s+)?nam\s+(?:19|20)\d\d)?[\s,;]*(?:va|hoac)?[\s,]*")
# Counts of different things listed after one verb ("di dời 01 khu công nghiệp (A) và 02 cụm công nghiệp").
_LISTED_COUNT = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,|va)\s*")
_EVERY_PERIOD = re.compile(r"[^.;,]{0,60}?(?:moi|hang|dinh\s+ky)\s+(?:nam|thang|quy|tuan|ngay)(?![a-z])")
_MONEY_UNIT = re.compile(r"(?<!\w)(?:đồng|usd|vnđ|vnd)(?!\w)")
# Money a rule fixes, which a plan quotes: poverty lines, base pay, allowance and contribution levels, thresholds.
_NORM_WORDS = re.compile(
    r"(?<![a-z])(?:chuan\s+(?:ngheo|can\s+ngheo|tro\s+giup)|muc\s+chuan|dinh\s+muc|luong\s+(?:co\s+so|toi\s+thieu)|"
    r"muc\s+(?:song\s+toi\s+thieu|tro\s+cap|huong|dong|luong|phu\s+cap)|nguong)(?![a-z])"
)
_FEE_WORDS = re.compile(r"(?<![a-z])(?:le\s+phi|muc\s+thu(?:\s+phi)?|thu\s+phi|phi\s+truoc\s+ba)(?![a-z])")
_MONEY_FOLDED = re.compile(r"(?:(?:trieu|ty|nghin|ngan)\s+)?(?:dong|vnd|usd)(?![a-z])")  # diacritics lost too
# ("thu ngân sách đạt 1.200 tỷ đồng" is the revenue a plan sets out to collect, not a fund.)
_FUND_WORDS = re.compile(r"(?<![a-z])(?:quy|kinh\s+phi|(?<!thu\s)ngan\s+sach|van\s+dong|huy\s+dong|goi|muc\s+ho\s+tro|ho\s+tro)(?![a-z])")
# One or two plain words after a count ("6 cảng biển"), not a year, date or another number.
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:nam|ngay|thang|va|hoac|tro|den|trong|tu|cua|theo|tai|o|so|voi|la|duoc)(?![a-z]))[a-z]+"
    r"(?:\s+(?!(?:nam|ngay|thang|va|hoac|tro|den|trong|tu|cua|theo|tai|o|so|voi|la|duoc|quoc)(?![a-z]))[a-z]+)?"
)


def _has_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` has a commitment cue word (TARGET_CUES) that is really that word."""
    return any(not false_cue(doc.clean[m.start() : m.end()]) for m in TARGET_CUES.finditer(doc.folded, start, end))


# The last two letters of every word _BAD_BEFORE names (then blanks, to the end): "so", "ngay", "thang", "nam", "lan thu", …
_BAD_BEFORE_ENDS = ("so", "sd", "sa", "s6", "ay", "ng", "am", "dm", "hu", "oa", "uy", "eu", "an", "dn", "uc", "ky", "ap",
                    "op", "en", "to", "on")


def _bad_before(doc: Doc, a: int, prefix: str) -> bool:
    """A word before the value at ``a`` that makes it a label, date or section number ("Mục 3", "năm 2025");
    "mức" (a level: "đạt mức 11 người") folds like "mục" and is not one."""
    if not prefix.rstrip().endswith(_BAD_BEFORE_ENDS):
        return False  # no word _BAD_BEFORE names ends the prefix: its end-anchored scan is spared
    m = _BAD_BEFORE.search(prefix)
    if m is None:
        return False
    word = doc.clean[a - len(prefix) + m.start() : a - len(prefix) + m.end()].strip().lower()
    return word != "mức"


def _comparator(prefix: str, tail: str) -> str | None:
    for comp, pattern in _COMPARATORS if prefix.rstrip().endswith(_COMPARATOR_ENDS) else ():
        if pattern.search(prefix):
            return comp
    if _AND_MORE.match(tail[:60]) or (_FROM.search(prefix) and re.match(r"^[^,;.]{0,40}?tr[oda]\s+l[eu]n", tail)):
        return ">="
    return None


# The last two letters of every word _strip_comparator_words strips (each pattern of _COMPARATORS and _FROM ends with
# one of them, then blanks): a prefix ending otherwise has none, and its six end-anchored scans are spared.
_COMPARATOR_ENDS = ("eu", "uu", "at", "dt", "oi", "ol", "di", "dl", "ai", "al", "da", "dd", "ua", "ud", "on", "dn", "an",
                    "en", "un", "ot", "ng", "xi", "xl", "tu", "ir")


def _strip_comparator_words(prefix: str) -> tuple[str, bool]:
    """The prefix without comparator words at its end; True when one was a cue itself."""
    if not prefix.rstrip().endswith(_COMPARATOR_ENDS):
        return prefix, False  # what the loop below gives when none of its patterns is found
    cue = False
    changed = True
    while changed:
        changed = False
        for comp, pattern in _COMPARATORS:
            m = pattern.search(prefix)
            if m:
                prefix = prefix[: m.start()]
                cue = cue or comp in (">=", "approx", "<=")
                changed = True
        m = _FROM.search(prefix)
        if m:
            prefix = prefix[: m.start()]
            changed = True
    return prefix, cue


def _count_unit(doc: Doc, pos: int) -> tuple[str | None, int]:
    """The unit words right after a number at ``pos`` (verbatim) and where they end."""
    folded = doc.folded[pos : pos + 60]
    m = SPELLED_OUT.match(folded)
    skip = m.end() if m else 0
    um = ANY_UNIT.match(folded, skip)
    if um:
        end = um.end()
        slash = re.match(r"(?:\s*(?:san|tren)\s*)?/\s*[a-z]+(?:\s+(?:dan|nu))?", folded[end:])
        if slash:
            end += slash.end()
        return span_text(doc, pos + skip, pos + end), pos + end
    return None, pos


_DIGIT = re.compile(r"\d")  # what _NUM opens with
_CLOCK = re.compile(r"(?<![\d.,])\d{1,2}:\d\d(?::\d\d)?(?:\s*[+-]\d\d:?\d\d)?(?![\d.,])")
_MAP_SCALE = re.compile(r"(?<![a-z])t[yi] le\s+1\s*[:/]\s*\d{1,3}(?:[.,]\d{3})+(?!\d)")


def find_mentions(doc: Doc, start: int, end: int, strict: bool) -> list[Mention]:
    """Value mentions in the sentence ``start:end``; ``strict`` requires a commitment cue."""
    worded = digitized(doc, start, end)  # "ba trăm căn nhà": read as "300 căn nhà", at the same offsets
    if worded is not None:
        doc = worded
    folded = doc.folded
    out: list[Mention] = []
    if _DIGIT.search(folded, start, end) is None:
        return out  # every mention is a number's: a sentence without a digit has none
    sentence = folded[start:end]
    if GRADUAL_START.match(sentence) or (may_adjust(sentence)):
        return out
    clause_start = start
    skip_until = -1
    # ("thì" folds to "thi": without that in the folded sentence, the clean one is not lowered to look for it)
    conditions = condition_spans(doc, start, end) if "thi" in sentence and "thì" in doc.clean[start:end].lower() else []
    # A map's scale ("bản đồ … tỷ lệ 1:50.000", "tỉ lệ 1/500.000") is no value the plan commits to.
    if "y le" in sentence or "i le" in sentence:  # what _MAP_SCALE must find: a scan of each sentence costs more
        conditions += [(x.start(), x.end()) for x in _MAP_SCALE.finditer(folded, start, end)]
    if ":" in sentence:  # a clock time, as a digital signature stamps it ("13-02-2026 10:38:07 +07:00"), is no value
        conditions += [(x.start(), x.end()) for x in _CLOCK.finditer(folded, start, end)]
    start_value: float | None = None
    start_text: str | None = None
    for m in _NUM.finditer(folded, start, end):
        a, b = m.start(), m.end()
        if a < skip_until or any(cs <= a < ce for cs, ce in conditions):
            continue
        boundary = max(folded.rfind(";", start, a), folded.rfind(",", start, a), folded.rfind(":", start, a) - 1)
        if boundary >= clause_start:
            clause_start = boundary + 1
        prefix = folded[max(start, a - 60) : a]
        if _bad_before(doc, a, prefix):
            continue  # a date, year, label or section number ("ngày 12", "năm 2025", "số 15", "Điều 3"): every branch below refuses it
        tail = folded[b : min(end, b + 60)]
        fraction = _FRACTION.match(tail)
        if fraction:
            # "18/21 xã": so many of the units named after the whole, not a date.
            count_unit, unit_end = _count_unit(doc, b + fraction.end())
            value = parse_vn(m.group(0))
            committed = bool(_has_cue(doc, clause_start, a) or _comparator(prefix, ""))
            if count_unit is not None and value is not None and (committed or not strict):
                out.append(Mention(a, unit_end, value, None, count_unit, _comparator(prefix, "") or "="))
                skip_until = unit_end
            continue
        ratio = RATIO_TAIL.match(folded, b, end) or WORD_RATIO.match(folded, b, end)
        if ratio:
            # "dưới 30/100.000 trẻ đẻ sống", "50 ca/100.000 dân": a rate per a population.
            value = parse_vn(m.group(0))
            committed = bool(_has_cue(doc, clause_start, a) or _comparator(prefix, ""))
            if value is not None and (committed or not strict):
                rate_unit = ratio_unit(doc.clean, ratio, None)
                out.append(Mention(a, ratio.end(), value, None, rate_unit, _comparator(prefix, "") or "="))
                skip_until = ratio.end()
            continue
        if _BAD_AFTER.match(tail) or PART_OF_YEAR.match(tail) or YEARS_LONG.match(tail) or (
                YEARS_LONG_BEFORE.search(prefix) and re.match(r"\s*n[ad]m(?![a-z])", tail)):
            continue
        if "tuong" in prefix and EQUIVALENT.search(prefix):
            # "3.100 - 3.200 nghìn tỷ đồng (tương đương 130 - 135 tỷ USD)": the same value in another unit.
            rng = _RANGE_TAIL.match(tail)
            skip_until = b + (rng.end() if rng else 0)
            continue
        raw = m.group(0)
        value = parse_vn(raw)
        if value is None:
            continue
        if out and out[-1].baseline is None and _PAST_VALUE.search(prefix):
            # "xuống còn 1,5% (năm 2025 là 4,2%)": where the indicator stands now, not a target.
            sign = _SIGN.match(tail)
            out[-1].baseline, out[-1].baseline_text = value, span_text(doc, a, b + (sign.end() if sign else 0))
            skip_until = b
            continue
        if "hien" in prefix and NOW_VALUE.search(prefix) and LATER_VALUE.search(folded, b, end):  # ("hiện": in every form)
            # "Tỷ lệ hộ nghèo hiện nay là 5,2%, phấn đấu đến năm 2026 còn 4%": where it stands now, the next value's baseline.
            now_sign = _SIGN.match(tail)
            start_value, start_text = value, span_text(doc, a, b + (now_sign.end() if now_sign else 0))
            skip_until = b
            continue
        if _FROM.search(prefix) and _FROM_TO.match(tail):
            start_sign = _SIGN.match(tail)
            start_value, start_text = value, span_text(doc, a, b + (start_sign.end() if start_sign else 0))
            continue
        # "8,5 triệu việc làm": the scale word stays with the unit, as the document writes it ("triệu việc làm").
        scale = _SCALE.match(tail)
        scale_word: str | None = None
        if scale and not _SIGN.match(tail) and not _RANGE_TAIL.match(tail):
            scale_word = span_text(doc, b + scale.start(1), b + scale.end(1))
            b += scale.end()
            tail = folded[b : min(end, b + 60)]
        sign = _SIGN.match(tail)
        rng = _RANGE_TAIL.match(tail)
        value_max: float | None = None
        unit: str | None = None
        stop = b
        if rng:
            high = parse_vn(rng.group(2))
            if high is not None and high > value and not (raw.isdigit() and 1900 <= value <= 2100):
                value_max = high
                stop = b + rng.end()
                after = _SIGN.match(folded[stop:end])
                unit = (rng.group(1) or (after.group(1) if after else None))
                if after:
                    stop += after.end()
                high_scale = _SCALE.match(folded, stop, end) if unit is None else None
                if high_scale:  # "10 - 12 triệu lượt khách": the range's scale word, after its second value
                    scale_word = span_text(doc, high_scale.start(1), high_scale.end(1))
                    stop = high_scale.end()
        if value_max is None and sign:
            unit = sign.group(1)
            stop = b + sign.end()
        if unit in ("%", "‰"):
            per_year = _PER_YEAR.match(folded, stop)
            if per_year:
                unit += "/năm"
                stop = per_year.end()
        level = False
        comparator_override: str | None = None
        if _MULTIPLE.search(prefix) and re.match(r"\s*l[ad]n(?![a-z])", tail):
            unit = "lần"
            stop = b + re.match(r"\s*l[ad]n", tail).end()  # type: ignore[union-attr]
        if unit is None and _PER_PERIOD.match(folded, stop):
            continue
        if unit is None:
            if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
                continue
            count_unit, unit_end = _count_unit(doc, stop)
            bare, cue = _strip_comparator_words(prefix)
            local = folded[clause_start:a].strip()
            at_clause_start = not _strip_comparator_words(local)[0].strip(" -–+*(")
            has_cue = cue or bool(_CUE_BEFORE.search(bare)) or bool(_FROM.search(prefix) and "len" in tail[:40])
            if count_unit is not None and fold_same_length(count_unit).startswith("tuoi") and _AGE_QUALIFIER.search(prefix):
                skip_until = unit_end  # the whole age bracket ("từ 3 đến 5 tuổi") qualifies who is counted
                continue
            if not strict and (_SENTENCE_CUE.match(sentence) or maintains(folded, clause_start, a)):
                has_cue = True
            if _STRIVE.search(folded, clause_start, a):
                has_cue = True  # "Hỗ trợ nhà ở, phấn đấu hoàn thành 1.000 căn nhà": the clause commits to the count
            if not strict and CREATE_LEAD.fullmatch(local):
                has_cue = True  # "+ Hình thành 02 mô hình …" in the objectives: a count to reach
            if not strict and (scale_word is not None or value_max is not None) and count_unit is not None and not (
                    scale_word is None and _SPAN_UNIT.fullmatch(fold_same_length(count_unit).lower())):
                # "Thu hút 10 - 12 triệu lượt khách", "Thu hút 10.000 - 15.000 lao động" in the objectives: a count the
                # plan sizes in millions or as a range (not a span of time or age: "trong 3 - 5 năm tới")
                has_cue = True
            if (count_unit is not None and not strict and not _SPAN_UNIT.fullmatch(fold_same_length(count_unit).lower())
                    and listed_amount(doc, a)):
                has_cue = True  # "- Gây trồng các loài cây: + Keo lai 800 ha": the amount of one listed kind
            if out and _IN_WHICH.match(local):
                has_cue = True  # "…40.000 lao động, trong đó đưa 18.000 người đi làm việc ở nước ngoài"
            if out and count_unit is not None and out[-1].unit == count_unit and _ONLY_AND.fullmatch(folded, out[-1].end, a):
                has_cue = True  # "… 32.000 người vào năm 2028 và 40.000 người vào năm 2030": the path goes on
            if (out and count_unit is not None and out[-1].unit != count_unit
                    and ANY_UNIT.fullmatch(fold_same_length(str(out[-1].unit)).lower()) is not None
                    and _LISTED_COUNT.fullmatch(folded, out[-1].end, a)):
                has_cue = True  # "… 01 khu công nghiệp (A) và 02 cụm công nghiệp": the list goes on under one verb
            if (count_unit is not None and not strict and fold_same_length(count_unit).lower() == "lan"
                    and _EVERY_PERIOD.match(folded, unit_end, end)):
                # "01 lần khám sức khỏe định kỳ mỗi năm": how often a service is given, not a target.
                skip_until = unit_end
                continue
            if LEVEL_WORDS.search(bare):
                level = True
                unit = "mức độ"
            elif value_max is not None and has_cue and not strict and count_unit is None:
                unit = None  # "hệ số GINI duy trì khoảng 0,35 - 0,37": a range of an index, without a unit
            elif count_unit is not None and (has_cue or at_clause_start):
                if count_unit.lower().startswith(("dân", "dan")):
                    continue
                unit = count_unit
                stop = unit_end
                per = RATIO_TAIL.match(folded, stop, end)
                if per and per.group("noun") is None:
                    unit, stop = ratio_unit(doc.clean, per, str(count_unit)), per.end()
            elif re.search(r"(?:la|d[ad]t|:)\s*$", bare) and not count_unit:
                unit = None
            elif is_rank(folded, prefix, stop):
                comparator_override = "<="  # "thuộc nhóm 3 nước dẫn đầu": a rank, at most N
            elif (not strict or FLOOR_END.search(prefix) or BY_YEAR.search(folded, clause_start, a)) and (cue or ADDED.search(prefix) or same_noun(doc, out, stop)) and (
                    noun := _NOUN_AFTER.match(folded, stop + len(SPELLED_OUT.match(folded, stop)[0].rstrip()))):  # type: ignore[index]
                # "có ít nhất 6 cảng biển", "thêm 400 dịch vụ công … và 50 dịch vụ công …": a count of whatever is named
                # after the value (more of it, the same noun again, past "(một)"); in a tasks part after a floor ("ít nhất 01 nhiệm vụ")
                unit = span_text(doc, noun.start() + (len(noun.group(0)) - len(noun.group(0).lstrip())), noun.end())
                stop = noun.end()
            else:
                continue
        else:
            if (COST_NOUNS.match(folded, stop + 1) or COST_NOUNS.match(folded, stop)) and not CUT_BY.search(prefix):
                continue  # "hỗ trợ 50% chi phí": a rate of support; "cắt giảm 20% chi phí" is a target
        if unit and _MONEY_UNIT.search(unit.lower()) and _FUND_WORDS.search(folded[clause_start:a]):
            continue  # "vận động Quỹ … đạt tối thiểu 20 tỷ đồng", "kinh phí 215 tỷ đồng": funding, not a target
        if unit and _MONEY_FOLDED.match(fold_same_length(unit).lower()) and _NORM_WORDS.search(folded[clause_start:a]):
            continue  # "chuẩn nghèo là 2.000.000 đồng/người/tháng", "mức lương cơ sở": a norm, not a target
        if _FEE_WORDS.search(folded, clause_start, min(end, stop + 30)):
            continue  # "miễn 100% lệ phí trước bạ", "giảm 50% mức thu phí": a fee the law sets, not a target
        if strict:
            population = POPULATION_NOUNS.match(folded, stop + 1) or POPULATION_NOUNS.match(folded, stop)
            if not (_has_cue(doc, clause_start, a) or (unit in ("%", "‰") and population) or STRIVE_BY_YEAR.fullmatch(
                    folded, start, clause_start) or (str(unit).startswith("%") and RATE_MOVED.fullmatch(folded, clause_start, a))):
                continue
        if scale_word is not None and unit not in ("%", "‰", "lần"):
            unit = f"{scale_word} {unit}" if unit else scale_word
        comparator = "range" if value_max is not None else (
            comparator_override or _comparator(prefix, folded[stop:end]) or "=")
        if comparator == "=" and is_rank(folded, prefix, stop):
            comparator = "<="  # "nhóm 100 trường đại học hàng đầu": a rank
        if comparator == "=" and maintains(folded, clause_start, a):
            comparator = "maintain"
        if unit == "lần":
            comparator = "="
        mention = Mention(a, stop, value, value_max, unit, comparator, level)
        if start_value is not None:
            mention.baseline, mention.baseline_text = start_value, start_text
            start_value = start_text = None
        out.append(mention)
        skip_until = stop
    def same_clause(a: Mention, b: Mention) -> bool:
        lo, hi = min(a.start, b.start), max(a.end, b.end)
        return ";" not in folded[lo:hi]

    out = [x for x in out if not x.level or not any(same_clause(x, y) for y in out if not y.level)]
    share_comparators(folded, out)
    # "xã có tỷ lệ nghèo trên 25% giảm bình quân 3,5 - 4%/năm": the first share qualifies, the change is the target.
    out = [x for i, x in enumerate(out)
           if i + 1 == len(out) or x.unit not in ("%", "‰") or not QUALIFIER_THEN_CHANGE.match(folded[x.end : out[i + 1].start])]
    # "Đối với các xã có tỷ lệ hộ nghèo trên 30%, phấn đấu giảm 4%/năm": the share says which places, the next value
    # (after the comma that closes the qualifier) is the target.
    out = [x for i, x in enumerate(out)
           if i + 1 == len(out) or "," not in folded[x.end : out[i + 1].start] or ";" in folded[x.end : out[i + 1].start]
           or not QUALIFIER_LEAD.match(folded, max(start, folded.rfind(";", start, x.start) + 1,
                                                   folded.rfind(":", start, x.start) + 1), x.start)]
    for x in out:
        if x.level and x.comparator == "=" and maintains(folded, start, x.start):
            x.comparator = "maintain"
    return out

