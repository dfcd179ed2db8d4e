"""Indicator names: the words that name what a value measures, without year phrases or comparator words."""

from __future__ import annotations

import re
from dataclasses import replace

from ansinh.documents.parsing.clean import Doc, fold_same_length, span_text
from ansinh.documents.parsing.target_name_forms import (
    MEASURE_FIRST,
    budget_share,
    house_spelling,
    reduced_share,
    share_of_product,
    share_within,
    tidy,
)
from ansinh.documents.parsing.target_words import (
    _LEADING_NOISE,
    _TRAILING_NOISE,
    YEAR_PHRASE,
    Mention,
    drop_year_phrases,
    false_cue,
    scaled,
    year_phrases,
)


def _without_year_phrases(name: str) -> str:
    """``name`` without the year phrases in it; the name itself when nothing else would be left."""
    folded = fold_same_length(name).lower()
    kept = name
    for m in reversed(year_phrases(folded)):
        kept = kept[: m.start()] + " " + kept[m.end() :]
    kept = _COMPARED_END.sub("", " ".join(re.sub(r"\(\s*\)", " ", kept).split()).strip(" ,;:-("))
    return kept if len(kept.split()) >= 2 else name


# "Các bệnh viện bảo đảm tỷ lệ hài lòng của người bệnh": who commits, then the measure; the measure names the value.
# (Not a verb of change: "Giảm tỷ lệ …" names a change of the rate, not the rate.)
_SUBJECT_COMMITS = re.compile(
    r"^.{3,80}?\s(?:bao\s+dam|dam\s+bao|phan\s+dau|duy\s+tri)\s+(?=(?:ty|ti)\s+(?:le|trong|suat)\s|so\s+luong\s)"
)
# "Kinh tế số chiếm tỷ trọng": the share of what comes first.
_TAKES_SHARE = re.compile(r"^(?P<what>.{3,80}?)\s+chiem\s+(?P<measure>(?:ty|ti)\s+(?:trong|le))$")


def _from_measure(name: str) -> str:
    """A name that opens with who commits to a measure, from the measure ("Tỷ lệ …", "Số lượng …") on; "X chiếm tỷ
    trọng" as "Tỷ trọng X"."""
    folded = fold_same_length(name).lower()
    m = _SUBJECT_COMMITS.match(folded)
    if m is not None and "," not in folded[: m.end()]:
        rest = name[m.end() :]
        return rest[:1].upper() + rest[1:]
    share = _TAKES_SHARE.match(folded)
    if share is not None:
        what = name[: share.end("what")]
        return f"{name[share.start('measure') : share.end('measure')].capitalize()} {what[:1].lower()}{what[1:]}"
    return name


# "Tỷ lệ số xã …", "Tỷ lệ các cơ quan …": a share names what it counts without "số"/"các" ("số thuế", "số tiền",
# "số lượng" are amounts, and stay).
_SHARE_OF_COUNT = re.compile(r"^(t[ỷỉ] lệ) (?:số|các) (?!(?:thuế|tiền|vốn|lượng|liệu|hóa|hoá|dư|lần|vụ|ca)(?!\w))", re.IGNORECASE)


# What is left of the words before a value when they only carry a yearly path ("Năm 2026 đạt", "và năm 2030 là").
_PATH_ONLY = re.compile(r"(?:va|dat|con|la|muc|o|khoang|giam|tang|xuong|len|ty le|duoi|tren|\s|,|:|;|-)*")


def indicator_name(doc: Doc, s: int, e: int, mention: Mention) -> str:
    """The indicator a value measures, from the words before it (else after it), without year phrases."""
    # A count in millions names what it counts without its scale word: "3 triệu việc làm trực tiếp" → "Số việc làm …".
    mention = replace(mention, unit=scaled(1.0, mention.unit)[1]) if mention.unit else mention
    text = _indicator_text(doc, s, e, mention)
    rest = drop_year_phrases(fold_same_length(text).lower())
    if _PATH_ONLY.fullmatch(rest):
        # "Năm 2026 đạt 40%, …, năm 2030 đạt 50% số hộ có việc làm bền vững": the name follows the value.
        after = span_text(doc, mention.end, e, " -:,);.")
        if len(after.split()) >= 2 and not YEAR_PHRASE.match(fold_same_length(after).lower()):
            after = re.sub(r"^(?:số|các)\s+", "", after)
            text = ("Tỷ lệ " + after) if mention.unit in ("%", "‰") and not MEASURE_FIRST.match(after) else after
    name = _from_measure(_without_year_phrases(text))
    if YEAR_PHRASE.fullmatch(fold_same_length(name).lower()) and mention.unit and not mention.unit.startswith(("%", "‰", "/")):
        return "Số " + mention.unit  # "Đạt 35 bác sĩ trên 10.000 dân vào năm 2030": the count names itself
    if not re.search(r"(?<![a-z])(?:giam|tang)(?![a-z])", doc.folded[s : mention.start]):
        name = _SHARE_OF_COUNT.sub(r"\1 ", name)  # (a change of "số người chết" by a share keeps its count)
    name = _ASIDE.sub("", name).strip() if len(_ASIDE.sub("", name).split()) >= 2 else name
    counted = _counted_by_verb(name, mention.unit)
    if counted is not None:
        return counted
    name = share_within(doc, s, mention.start, tidy(name), mention.unit)
    name = house_spelling(doc, share_of_product(doc, s, mention.start, mention.end, name) if mention.unit == "%" else name)
    return name[:1].upper() + name[1:]


# An aside of three words or more inside a name ("Tỷ lệ đảng viên (bảo đảm các điều kiện theo quy định) sử dụng …")
# qualifies who is counted; it is not part of the shortest name. An abbreviation in brackets ("(HDI)", "(PAR Index)")
# names the indicator and stays.
_ASIDE = re.compile(r"\s*\((?=[^()]*\s[^()]*\s)(?=[^()]*[a-zà-ỹđ]{2})[^()]{8,160}\)")


# A name that is only the verb before a count ("Thu hút 10.000 lao động", "Tạo ra 8,5 triệu việc làm"): the count of
# what the verb brings about is named as Vietnamese indicators are, "Số <what> <verb>" ("Số việc làm tạo ra").
_VERB_NAME = re.compile(
    r"(?:hoan\s+thanh\s+)?(?:thu\s+hut|tao\s+ra|tao\s+moi|xay\s+dung|di\s+doi|thanh\s+lap|dao\s+tao|ho\s+tro|tuyen\s+sinh|"
    r"ket\s+nap|giai\s+quyet|cap|trong(?:\s+moi)?|lap\s+dat|trang\s+bi)(?:\s+(?:moi|them|duoc|khoang|it\s+nhat|toi\s+thieu))?"
)
# Units that measure rather than count (a share, an area, a length, money, a mass): not "Số …".
_MEASURE_UNIT = re.compile(r"^(?:%|‰|/|ha$|km|m2|m²|m3|tấn|tỷ|triệu đồng|đồng|usd|kg|lít|giờ|ngày|tháng|năm)", re.IGNORECASE)


def _counted_by_verb(name: str, unit: str | None) -> str | None:
    if not unit or _MEASURE_UNIT.match(unit) or re.search(r"\d", unit):
        return None
    if _VERB_NAME.fullmatch(" ".join(fold_same_length(name).lower().split())) is None:
        return None
    return f"Số {unit} {name[:1].lower()}{name[1:]}"


# "trong đó có bằng cấp, chứng chỉ đạt …", "trong đó được …": a share of the value before, named by what it adds.
_PART_OF = re.compile(r"^[\s,]*trong\s+do\s+(?P<verb>co|duoc)\s")
# "trong đó tối thiểu 30% là phụ nữ": the share of a group within the value before.
_PART_IS = re.compile(r"^[\s,]*trong\s+do\s+(?:[a-z]+\s+){0,2}$")


def part_name(doc: Doc, s: int, e: int, mention: Mention, whole: str, own: str) -> str | None:
    """The name of a value that is a part of the one before ("…, trong đó có bằng cấp, chứng chỉ đạt 35%"), or None."""
    before = doc.folded[s : mention.start]
    part = _PART_OF.match(before)
    if part:
        verb = doc.clean[s + part.start("verb") : s + part.end("verb")]
        own = own[:1].lower() + own[1:]
        return f"{whole} {own}" if fold_same_length(own).lower().startswith(("co ", "duoc ")) else f"{whole} {verb} {own}"
    if _PART_IS.match(before) and re.match(r"\s*la\s+\S", doc.folded[mention.end : e]):
        group = span_text(doc, mention.end, e, " -:,);.")
        group = re.sub(r"^(?i:là)\s+", "", group)
        rest = whole[:1].lower() + whole[1:]
        rest = re.sub(r"^(?:tỷ lệ|tỉ lệ)\s+", "", rest)
        return f"Tỷ lệ {group} trong {rest if rest.startswith('số ') else 'số ' + rest}"
    return None




# A count's lead-in made of a verb that brings things about, perhaps after "mỗi <unit>" ("Mỗi xã tổ chức", "Thành lập").
_MADE_BY = re.compile(
    r"(?P<each>moi\s+[a-z]+(?:\s+[a-z]+)?\s+)?(?P<verb>(?:hinh\s+thanh|thanh\s+lap|xay\s+dung|phat\s+trien|cong\s+nhan|"
    r"to\s+chuc|trien\s+khai|lap\s+dat|trang\s+bi|mo)(?:\s+(?:moi|them|duoc))?)\s*"
)
# An action a share of things undergoes, ending the words before the share ("… hoàn thành việc khắc phục 100% …").
_DONE_TO = re.compile(
    r"(?:^|\s)(?:hoan\s+thanh\s+(?:viec\s+)?)?(?P<verb>xu\s+ly|giai\s+quyet|khac\s+phuc|tiep\s+nhan|so\s+hoa|kiem\s+tra|"
    r"thanh\s+tra|tap\s+huan|phe\s+duyet|thu\s+hoi|sap\s+xep|tiem\s+chung|sang\s+loc|cap\s+nhat|ra\s+soat|"
    r"(?:(?:hoan\s+thanh|trinh|ban\s+hanh|giai\s+quyet|xu\s+ly|tra\s+loi|bao\s+cao|thuc\s+hien)\s+)?dung\s+(?:thoi\s+han|tien\s+do|han))$"
)
_MEASURE = re.compile(r"(?<![a-z])(?:t[yi]\s+le|t[yi]\s+trong|t[yi]\s+suat|so\s+luong|chi\s+so|toc\s+do|muc)(?![a-z])")
# A deadline after what is counted ("… điểm đen trước ngày 30/6/2026"): when, not what.
_DEADLINE = re.compile(r"\s+(?:trước|trong|đến|chậm nhất|muộn nhất)\s+(?:ngày|tháng|quý|năm)(?:\s.*)?$", re.IGNORECASE)
# "… so với năm 2025" with its year taken out: the comparison's words do not name anything.
_COMPARED_END = re.compile(r"\s+(?:so\s+với|so\s+với\s+cùng\s+kỳ)$", re.IGNORECASE)
# "Hỗ trợ xây mới, sửa chữa nhà ở cho ít nhất 1.200 hộ nghèo": the count of those who receive what is done.
_FOR_COUNT = re.compile(r"(?<![a-z])cho\s+(?:(?:it\s+nhat|toi\s+thieu|khoang|tren|hon|thiem)\s+)?$")
# Words before a count that only say what is done to it, naming nothing ("Giảm", "Phát triển mới", "Tăng thêm").
_VERB_ONLY = re.compile(
    r"(?:\s*(?:phat\s+trien|giam|tang|them|moi|ho\s+tro|dao\s+tao|giai\s+quyet|thu\s+hut|xay\s+moi|xay\s+dung|"
    r"sua\s+chua|ket\s+nap|tuyen\s+sinh|tuyen|dua|duoc|it\s+nhat|toi\s+thieu|khoang|tren)(?![a-z]))+\s*"
)
# Where something is made, which does not name what is counted ("… tại khu vực xã A, xã B", "… trên địa bàn tỉnh").
_PLACE = re.compile(r"\s+(?:tại|ở|trên địa bàn|thuộc địa bàn)\s", re.IGNORECASE)
_COMMIT_AFTER_COMMA = re.compile(r"[,;:]\s*((?:phan\s+dau|bao\s+dam|dam\s+bao)(?![a-z]))")
_FROM_VALUE = re.compile(r"(?<![a-z])(?:(?:giam|tang|nang)\s+)?tu\s+\d")
_FOR_SHARE = re.compile(r"(?<![a-z])(cho|tai|o)\s+(?:(?:it\s+nhat|toi\s+thieu|khoang|tren|hon)\s+)?$")
_COMMIT_END = re.compile(r"(?<![a-z])(?:bao dam|dam bao|phan dau)(?:\s+(?:co|cho|dat))?\s*$")


def _indicator_text(doc: Doc, s: int, e: int, mention: Mention) -> str:
    commit = next(reversed(list(_COMMIT_AFTER_COMMA.finditer(doc.folded, s, mention.start))), None)
    if commit is not None:
        s = commit.start(1)  # "Mở rộng diện bao phủ …, phấn đấu mỗi năm phát triển thêm …": the commitment names it
    before_f = doc.folded[s : mention.start]
    lead = _LEADING_NOISE.match(before_f)
    b_start = s + (lead.end() if lead else 0)
    stop = mention.start
    if mention.baseline is not None:
        start_at = _FROM_VALUE.search(doc.folded, b_start, stop)  # "… giảm từ 4,2% năm 2024 xuống còn 2%"
        stop = start_at.start() if start_at else stop
    trail = _TRAILING_NOISE.search(doc.folded[b_start:stop])
    b_end = b_start + trail.start() if trail else stop
    if trail:
        # Folding makes "tử", "tứ" read as "từ", "đặt", "đất" as "đạt": keep a name's last word that is not really a
        # comparator word ("lắp đặt", "giao đất").
        first = re.match(r"\s*(\S+)", doc.clean[b_end:stop])
        word = first.group(1).lower() if first is not None else ""
        if false_cue(word):
            b_end += first.end()  # type: ignore[union-attr]
    before = span_text(doc, b_start, b_end)
    after = span_text(doc, mention.end, e, " -:,)")
    unit = mention.unit or ""
    if (doc.folded.find("cho", b_start, mention.start) != -1 and _FOR_COUNT.search(doc.folded[b_start : mention.start]) and unit and not unit.startswith(("%", "‰", "/"))
            and "đồng" not in unit and len(before.split()) >= 2 and after and not YEAR_PHRASE.match(fold_same_length(after).lower())):
        return f"Số {unit} {after} được {before[:1].lower()}{before[1:]}"
    # "…, bảo đảm 100% thủ tục hành chính được thực hiện trực tuyến": the share of what follows the value.
    committed = _COMMIT_END.search(doc.folded[b_start:b_end]) and mention.unit in ("%", "‰")
    if (unit and not unit.startswith(("%", "‰", "/")) and "/" not in unit and after and before
            and _VERB_ONLY.fullmatch(fold_same_length(before).lower())
            and not YEAR_PHRASE.match(fold_same_length(after).lower())):
        # "Giảm 25 hộ nghèo" → "Số hộ nghèo giảm"; "Phát triển mới 150 người tham gia …" → "Số người tham gia … phát triển mới".
        return f"Số {unit} {after} {before[:1].lower()}{before[1:]}"
    made = _MADE_BY.fullmatch(fold_same_length(before).lower()) if before else None
    if not unit.startswith(("%", "‰", "/")) and "/" not in unit and after and made is not None:
        # "Hình thành 02 mô hình du lịch cộng đồng tại xã A": the count of what is made, without where; "Mỗi xã xây
        # dựng ít nhất 01 mô hình …": for each unit named first.
        what = _PLACE.split(after, maxsplit=1)[0].strip(" ,.")
        each = before[: made.end("each")].strip().lower() if made.group("each") else ""
        return " ".join(w for w in ("Số", unit, what, each) if w)
    if (unit in ("%", "‰") and before and len(after.split()) >= 2 and _VERB_ONLY.fullmatch(fold_same_length(before).lower())
            and not YEAR_PHRASE.match(fold_same_length(after).lower())):
        # "phấn đấu xây dựng được ít nhất 20% xã, phường không có ma túy": the share of what follows the value.
        whom = re.sub(r"^(?:số|các)\s+", "", after)
        year = YEAR_PHRASE.search(fold_same_length(whom).lower())
        if year is not None and len(whom[: year.start()].split()) >= 2:
            whom = re.sub(r"\s+(?:ngay|ngay cả)$", "", whom[: year.start()].rstrip(" ,"))  # "… ngay trong năm 2025 và …"
        return "Tỷ lệ " + _without_year_phrases(whom)
    if unit in ("%", "‰") and len(before.split()) >= 2 and len(after.split()) >= 2:
        at = _FOR_SHARE.search(doc.folded[b_start : mention.start])
        if at:
            # "trợ giúp pháp lý cho 100% số người vi phạm …" → "Tỷ lệ người vi phạm … được trợ giúp pháp lý";
            # "tổ chức tuyên truyền … tại 100% nhà trường" → "Tỷ lệ nhà trường tổ chức tuyên truyền …" (so "… ở 100% nơi …").
            cut = b_start + at.start()
            what = span_text(doc, b_start, cut).strip(" ,")
            what = what[:1].lower() + what[1:]
            whom = re.sub(r"^(?:số|các)\s+", "", after)
            if what and len(what.split()) >= 2:
                return f"Tỷ lệ {whom} được {what}" if at.group(1) == "cho" else f"Tỷ lệ {whom} {what}"
    reduced = reduced_share(doc, b_start, mention.start, after) if unit in ("%", "‰") and after else None
    reduced = budget_share(after) if reduced is None and unit == "%" and after else reduced
    if reduced is not None:
        return reduced
    done = _DONE_TO.search(fold_same_length(before).lower()) if unit in ("%", "‰") and len(after.split()) >= 2 else None
    if done is not None and not _MEASURE.search(fold_same_length(before).lower()):
        # "phấn đấu xử lý 100% các trường hợp vi phạm", "Sở Xây dựng hoàn thành việc khắc phục 100% điểm đen": the
        # share of what follows that the action reaches.
        verb = before[done.start("verb") : done.end("verb")].lower()
        if verb.startswith("đúng"):  # "hoàn thành đúng thời hạn 100% …": the verb was read as a lead-in
            verb = f"{span_text(doc, s, b_start).strip(' ,;:-').lower()} {verb}".strip()
        whom = _DEADLINE.sub("", re.sub(r"^(?:số|các)\s+", "", after))
        return f"Tỷ lệ {whom} được {verb}"
    grows = _growth_of_previous(doc, s, mention) if unit.startswith("%/") and len(before.split()) < 2 else None
    if grows is not None:
        return grows
    if len(before.split()) < 2 and "/" in unit and not unit.startswith("/"):
        # "Đạt 19 bác sĩ trên 10.000 dân": the rate names itself.
        rate = re.sub(r"^\s*[\d.,]+\s*", "", doc.clean[mention.start : mention.end])
        return "Số " + " ".join(rate.split()).replace("/", " trên ", 1) if "/" in rate else "Số " + " ".join(rate.split())
    if len(before.split()) >= 2 and not (committed and len(after.split()) >= 2):
        return before.strip(" -:,(")
    if mention.unit in ("%", "‰") and after and not MEASURE_FIRST.match(after):
        return "Tỷ lệ " + after
    if after and mention.unit and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)?", mention.unit):
        # "Có ít nhất 6 cảng biển quốc tế": the count of what is named
        return f"Số {after}" if after.lower().startswith(mention.unit.lower()) else f"Số {mention.unit} {after}"
    return after or before


# "Đón 5 - 6 triệu lượt khách, tăng 10 - 12%/năm", "doanh thu đạt 9.000 tỷ đồng, tăng 15%/năm": a yearly rate right
# after a level is the growth of what the clause before names.
_RATE_LEAD = re.compile(r"[\s,]*(?P<verb>tang|giam)(?:\s+(?:binh\s+quan|khoang|tren|tu|hon))*\s*$")
_CLAUSE_START = re.compile(r"[;:]|\.\s|\n\s*[-–+•]")
_LEVEL_CUE = re.compile(r"(?<![a-z])(?:dat|khoang|la|tren|duoi|chiem|it\s+nhat|toi\s+thieu)(?![a-z])|\d")
_SCALE = re.compile(r"^(?:triệu|nghìn|ngàn|tỷ|vạn|trăm)\s+", re.IGNORECASE)


def _growth_of_previous(doc: Doc, s: int, mention: Mention) -> str | None:
    lead = _RATE_LEAD.fullmatch(doc.folded, s, mention.start)
    comma = doc.folded.rfind(",", max(0, s - 3), mention.start)
    if lead is None or comma < 0:
        return None
    window = doc.folded[max(0, comma - 200) : comma]
    starts = list(_CLAUSE_START.finditer(window))
    start = max(0, comma - 200) + (starts[-1].end() if starts else 0)
    clause = doc.folded[start:comma]
    cue = _LEVEL_CUE.search(clause)
    if cue is None or not re.search(r"\d", clause):
        return None
    what = span_text(doc, start, start + cue.start(), " -–+•:,")
    if len(what.split()) < 2 or _VERB_ONLY.fullmatch(fold_same_length(what).lower()) or _VERB_NAME.fullmatch(
        fold_same_length(what).lower()
    ):
        number = list(re.finditer(r"\d[\d.,]*", clause))[-1]
        what = _SCALE.sub("", span_text(doc, start + number.end(), comma, " -–%"))
    if not what or re.search(r"\d", what):
        return None
    verb = "tăng" if lead.group("verb") == "tang" else "giảm"
    return f"Tốc độ {verb} {what[:1].lower()}{what[1:]}"


# "các Chỉ số PAR Index, SIPAS, PAPI năm 2026 … nằm trong nhóm 15": one value for several named indices (each
# named by its acronym), one target each. Folded text; the list ends before a year, "của", or a verb.
_INDEX_LIST = re.compile(
    r"(?<![a-z])(?:cac\s+)?chi\s+so\s+(?P<list>[^,;]+?(?:\s*,\s*[^,;]+?)*(?:\s*,?\s+va\s+[^,;]+?)?)"
    r"(?=\s+(?:nam|cua|dat|nam\s+trong|thuoc|trong|xep|tang|giu|duy|cap)(?![a-z])|\s*$)"
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:va\s+)?|\s+va\s+")
_ACRONYM = re.compile(r"(?<![\w])[A-ZĐ]{2,}(?![\w])")


def split_listed_indices(targets: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each target whose name lists several indices by acronym ("các Chỉ số PAR Index, SIPAS, PAPI") as one
    target per index, with the same value, comparator and year."""
    out: list[dict[str, object]] = []
    for target in targets:
        name = str(target.get("indicator") or "")
        folded = fold_same_length(name).lower()
        m = _INDEX_LIST.search(folded) if "chi so" in folded else None
        if m is None:
            out.append(target)
            continue
        s, e = m.span("list")
        items, pos = [], s
        for sep in [*_ITEM_SPLIT.finditer(folded, s, e), None]:
            end = sep.start() if sep else e
            items.append(name[pos:end].strip())
            pos = sep.end() if sep else e
        if len(items) < 2 or not all(_ACRONYM.search(item) and len(item.split()) <= 5 for item in items):
            out.append(target)
            continue
        head, tail = name[: m.start()].strip(), name[e:].strip()
        for item in items:
            out.append({**target, "indicator": " ".join(p for p in (head, f"Chỉ số {item}", tail) if p),
                        "milestones": list(target.get("milestones") or [])})  # type: ignore[call-overload]
    return out
