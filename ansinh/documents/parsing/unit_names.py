"""Names of the bodies a plan assigns work to: where one name ends and the next begins.

"Sở Văn hóa, Thể thao và Du lịch, các sở, ngành liên quan" is two names: a capitalised opener
("Sở", "Ủy ban", "Hội" ...) starts a name, and after a named body a generic opener ("các sở",
"các đoàn thể" ...) does too. Openers match without diacritics and with OCR confusions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ansinh.documents.parsing.clean import squeeze
from ansinh.documents.parsing.name_lists import (
    AND_SPACE,
    COMMA,
    INVESTORS,
    OWN_KIND,
    PUBLIC_PLURAL,
    bare_kind,
    level_list,
    opens_after_and,
    opens_after_closed_kind,
    opens_after_named,
    protect_compounds,
    run_together,
    shared_body_tail,
)
from ansinh.documents.parsing.name_trim import trim_name
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.documents.parsing.vocab import AGENCY_HEADS, ALWAYS_NEW_HEADS, GENERIC_HEADS, ocr_tolerant
from ansinh.lib.text import fold_key, strip_marks

# Words that open like a body's name once diacritics are ignored, or share its first word, but name an action or
# a thing ("Bố trí kinh phí", "Tổ chức thực hiện", "Ban hành kế hoạch", "Bộ máy", "Số lượng").
FALSE_HEADS = re.compile(
    r"^(?:b[ốổồỏ]\s|s[ốổ](?:\s|$)|(?:b[áảa]o\s+(?:c[áa]o|[đd][ảa]m|v[ệe]|qu[ảa]n|t[ồo]n|tr[ìi]|l[ưu]u|ch[íi]\s+v[àa]|hi[ểe]m\s+y)|ban\s+h[àa]nh|t[ổo]\s+ch[ứu]c|h[ộo]i\s+(?:ngh[ịi]|th[ảa]o|thi|di[ễe]n)|"
    r"tr[ưu][ờo]ng\s+h[ợo]p|qu[ỹy]\s+[đd][ấa]t|b[ộo]\s+(?:m[áa]y|ti[êe]u\s+ch[íi]|ch[ỉi]\s+s[ốo]|c[ôo]ng\s+c[ụu])|"
    # Whole words only: "Báo Quảng Ngãi" is a newspaper, not "bảo quản"; "Hội Thiện nguyện" is no "hội thi".
    r"ng[àa]nh\s+ngh[ềe]|[đd]o[àa]n\s+k[ếe]t|"
    # Verbs and nouns of a duty that fold like a head word ("Đôn đốc" like "Đồn", "Sơ kết" like "Sở", "Quy hoạch" and
    # "Quý IV" like "Quỹ", "Bản đồ" like "Ban", "Đơn giản hóa" like "Đơn vị"'s head): the words of the duty, not a body.
    r"[đd][ôo]n\s+[đd][ốo]c|s[ơo]\s+k[ếe]t|quy\s+(?:ho[ạa]ch|[đd][ịi]nh|tr[ìi]nh|ch[ếe])|qu[ýy]\s+(?:[IVX]{1,4}|\d)|"
    r"b[ảa]o\s+m[ậa]t|bản\s+đồ|[đd][ơo]n\s+gi[ảa]n|"
    # "Bàn giao tài liệu", "Bàn bạc, thống nhất", "Cục bộ địa phương": "Bàn" and "Cục bộ" fold like "Ban", "Cục Bộ …".
    r"b[àa]n\s+(?:giao|b[ạa]c)|c[ụu]c\s+b[ộo])(?![^\W\d_]))",
    re.IGNORECASE,
)


def _head_match(fragment: str, heads: tuple[str, ...]) -> bool:
    """Whether ``fragment`` opens with one of ``heads`` (case kept, diacritics ignored, so OCR text matches)."""
    return _head_match_start(fragment[:40], heads)


def opens_with_agency(text: str) -> bool:
    """Whether ``text`` opens with a body's name: a head word of ``AGENCY_HEADS`` ("Sở", "Các sở"), its first letter a
    capital, diacritics ignored (OCR and text without marks read the same)."""
    return _head_match(text, AGENCY_HEADS)


@text_cache(maxsize=16384)
def _head_match_start(fragment: str, heads: tuple[str, ...]) -> bool:
    if FALSE_HEADS.match(fragment):
        return False
    return opens_with_head(bare_text(fragment), heads)


def opens_with_head(bare: str, heads: tuple[str, ...]) -> bool:
    """Whether ``bare`` (without diacritics) opens with one of ``heads``, a word boundary after it."""
    # The first letter keeps its case (a capital opens a name); later words may be capitalised or not ("Nhà Đầu tư").
    lowered = bare[:1] + bare[1:].lower()
    # Both forms keep the fragment's first letter, so only the heads that open with it can match.
    for head, head_lowered in _bare_heads_lowered(heads).get(bare[:1], ()):
        if (bare.startswith(head) or lowered.startswith(head_lowered)) and (len(bare) == len(head) or not bare[len(head)].isalpha()):
            return True
    return False


@lru_cache(maxsize=8)
def _bare_heads_lowered(heads: tuple[str, ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each bare head with its later letters in lower case (a one-word head keeps its own case), by first letter."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for h in bare_heads(heads):
        by_first.setdefault(h[:1], []).append((h, h[:1] + h[1:].lower() if " " in h else h))
    return {first: tuple(pairs) for first, pairs in by_first.items()}


@text_cache()
def bare_text(text: str) -> str:
    return strip_marks(text)


@lru_cache(maxsize=8)
def _heads_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Lower-case heads as one OCR-tolerant pattern ("các đoàn thể" also matches "cdc doan the")."""
    return re.compile(r"^(?:" + "|".join(ocr_tolerant(h) for h in bare_heads(heads)) + r")(?![a-z])")


def _starts_with(lower: str, heads: tuple[str, ...]) -> bool:
    return _heads_pattern(heads).match(lower) is not None


@lru_cache(maxsize=8)
def bare_heads(heads: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(strip_marks(h) for h in heads))


def _split_outside_parens(text: str, sep: str) -> list[str]:
    if "(" not in text and "[" not in text:
        return text.split(sep)  # no bracket opens: every separator is outside one
    parts: list[str] = []
    depth = 0
    start = 0
    for m in _special(sep).finditer(text):  # only brackets and separators change anything: the rest is skipped
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


@lru_cache(maxsize=8)
def _special(sep: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("()[]" + sep) + "]")


# A body known by its acronym ("VTV", "TTXVN", "BHXH tỉnh"); not "TP"/"TX", which abbreviate a kind of place.
_ACRONYM = re.compile(r"^(?!(?:TP|TX|TT|TW|TƯ)\b)[A-ZĐ]{2,7}(?:\s|$)")


def split_units(value: str) -> list[str]:
    """Names of the bodies in a list: ``"Sở Y tế, các sở, ban, ngành liên quan"`` -> two names."""
    return list(_split_units(value))


@text_cache()
def _split_units(value: str) -> tuple[str, ...]:
    """``split_units`` remembered per text: a clause's names are read again by every rule that looks at it."""
    return tuple(_split_units_uncached(value))


_SLASH = re.compile(r"\s*/\s*(?=[A-ZĐÀ-Ỹ])")


def _slash_as_comma(value: str) -> str:
    """"Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh": a slash between two named bodies separates them
    (between places or levels, "UBND xã/phường", it does not)."""
    if "/" not in value:
        return value
    out: list[str] = []
    pos = 0
    for m in _SLASH.finditer(value):
        before = value[max(value.rfind(",", 0, m.start()) + 1, 0) : m.start()].strip()
        if _head_match(value[m.end() :], AGENCY_HEADS) and _head_match(before, AGENCY_HEADS) and len(before.split()) >= 2:
            out.append(value[pos : m.start()] + ", ")
            pos = m.end()
    out.append(value[pos:])
    return "".join(out)


_PLURAL_SO = re.compile(r"[Cc]ác\s+Sở")
# "các tỉnh, thành phố (trực thuộc Trung ương)": the provincial level named as two kinds of place, one name (folded).
_ENDS_PROVINCES = re.compile(r"(?<![a-z])(?:cac\s+)?tinh$")
_PROVINCES_THEN_CITIES = re.compile(r"thanh\s+pho(?:\s+truc\s+thuoc|$)")
_KIND_BAN = re.compile(r"Ban(?:\s+(?P<next>\S).*)?")


def _kind_ban(fragment: str) -> bool:
    """"Ban" alone or before a word in lower case ("Ban, ngành", "Ban ngành"), not a named board ("Ban Dân tộc")."""
    m = _KIND_BAN.fullmatch(fragment)
    return m is not None and (m.group("next") is None or m.group("next").islower())


def _split_units_uncached(value: str) -> list[str]:
    value = _slash_as_comma(squeeze(value).strip(" .;,-–"))
    shared = _SHARED_HEAD.match(value) or (_SHARED_HEAD_BARE.match(value) if "," in value else None)
    if shared:
        return _expand_shared_head(shared.group("head"), value[shared.end() :])
    level = level_list(value)
    if level is not None:
        # "…, UBND các xã: Đức Trọng, Hiệp Thạnh và đơn vị tư vấn": the bodies before, each named commune, the rest.
        start, end, body, kind = level
        return [*_split_units_uncached(value[:start]), *_expand_level_list(body, kind, value[end:])]
    shared_tail = shared_body_tail(value)
    if shared_tail is not None:
        return shared_tail
    units: list[str] = []
    for part in _split_outside_parens(value, ";"):
        current: list[str] = []
        named = party_name = False  # party_name: the name was opened by a kind of party after a named body
        for fragment in _split_outside_parens(part, ","):
            frag = fragment.strip()
            if not frag:
                continue
            lower = bare_text(frag[:40].lower())
            head = _head_match(frag, AGENCY_HEADS)  # read once: it opens a name, and says whether that name is a body's
            new = not current or head
            if not new and _starts_with(lower, ALWAYS_NEW_HEADS):
                new = True
            if not new and named and _ACRONYM.match(frag):
                new = True  # "VTV, VOV, TTXVN", "Sở Y tế, BHXH tỉnh": after a named body each acronym names one of its own
            if not new and (named or party_name) and _starts_with(lower, GENERIC_HEADS):
                new = True  # "…, doanh nghiệp, các cơ quan liên quan": "các …" after a party opens a name too
            party = not new and named and opens_after_named(current, frag)
            if party:
                new = True  # "Ủy ban nhân dân tỉnh, chủ rừng, cơ quan liên quan": a party of another kind after a named body
            if not new and current and lower.startswith("cac ") and len(frag.split()) >= 3 and (len(current[-1].split()) > 2 or len(current) >= 3):
                # "các tổ chức chính trị - xã hội, các cơ sở giáo dục": whole kinds, not "các bộ, ngành"; and after a list of
                # three kinds or more ("Các sở, ban, ngành, các đảng ủy trực thuộc Tỉnh ủy") a second "các" opens a plural of
                # its own (after two, "các cơ quan, đơn vị, các công chức, cán bộ có liên quan", it may go on the list).
                new = True
            if not new and current and INVESTORS.match(lower) and len(frag.split()) >= 3 and PUBLIC_PLURAL.match(bare_text(current[0][:40].lower())):
                new = True  # "các Sở, ban ngành, nhà đầu tư thứ cấp": investors or enterprises after a plural of public bodies
            if not new and current and _repeats_kind(current[0], frag):
                new = True  # "Các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp": the same kind of body again
            if not new and not named and opens_after_closed_kind(current, frag):
                new = True  # "Các Đại sứ quán, tổ chức quốc tế, các tỉnh, thành phố": a kind with words of its own ends a list
            if new and len(current) == 1 and _PLURAL_SO.fullmatch(current[0]) and _kind_ban(frag):
                new = False  # "Các Sở, Ban, ngành tỉnh": the plural of kinds, "Ban" capitalised as the list's second kind
            if new and current and _PROVINCES_THEN_CITIES.match(lower) and _ENDS_PROVINCES.search(bare_text(current[-1].lower())):
                new = False  # "… và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương": one level of places
            if new and current:
                units.append(", ".join(current))
                current = []
            if not current:
                # A plural of a kind ("Các Sở, ngành Thành phố") counts as named too: the kinds after it share its head
                # without a head of their own, while a body or a kind with words of its own ("một số Đại sứ quán …",
                # "CSDL chuyên ngành") starts a new name. (Leaving "các …" out, as this line once meant to, joined
                # those names on two dev documents of different issuers, lead and partners lower.)
                # A party of a kind with words of its own ("chủ rừng", "tổ chức xã hội") ends as a named body does: the
                # next kind of party opens a name again; a bare kind ("doanh nghiệp, hợp tác xã") lists kinds.
                named, party_name = bool(head) or bool(_ACRONYM.match(frag)) or (party and not bare_kind(frag)), party
            current.append(frag)
        if current:
            units.append(", ".join(current))
    return [name for name in (trim_name(n) for u in units for a in _split_at_and(u) for n in run_together(a)) if name]


# "… và Ủy ban nhân dân các tỉnh", "… và các sở, ban, ngành, địa phương", "… và các tổ chức thành viên": "và" before
# another body, a generic list ("các" and a comma) or a kind of body starts a name. The catch-all "và các cơ quan
# (đơn vị, bộ phận) liên quan" after a named body is a name of its own too ("Sở Tư pháp và các đơn vị liên quan" names
# two parties, as "Sở Tư pháp, các đơn vị liên quan" does); after a plural ("các sở, ngành và các đơn vị liên quan") it
# goes on the list. ("vả" is how OCR often reads "và".)
_AND_BODY = re.compile(
    r"\s+v[àảa]\s+(?=(?P<generic>c[áa]c\s+[^,]{2,30},|c[áa]c\s+(?:s[ởo]|b[ộo]|ban|ng[àa]nh|t[ổôo]\s+ch[ứu]c|[đd][ịi]a\s+ph[ưu][ơo]ng|[đd]o[àa]n\s+th[ểe]|h[ộo]i|"
    r"tr[ưu][ờo]ng|doanh\s+nghi[ệe]p|[ủu]y\s+ban|u[ỷy]\s+ban|ph[òo]ng|x[ãa]|ph[ưu][ờo]ng)(?![^\W\d_]))?"
    r"(?P<catchall>c[áa]c\s+(?:c[ơo]\s+quan|[đd][ơo]n\s+v[ịi]|b[ộo]\s+ph[ậa]n)(?![^\W\d_]))?)",
    re.IGNORECASE,
)


_LOCALITIES = re.compile(r"c[áa]c\s+[đd][ịi]a\s+ph[ưu][ơo]ng(?![^\W\d_])", re.IGNORECASE)


def _split_at_and(name: str) -> list[str]:
    """``name`` cut where "và" opens another body; the "và" inside a ministry's compound name is kept."""
    if " và " not in name and " va " not in name and " vả " not in name:
        return [name]
    masked = protect_compounds(name)
    out: list[str] = []
    start = 0
    for m in _AND_BODY.finditer(masked):
        rest = masked[m.end() :]
        # Two single bodies joined by "và" may be one office ("Văn phòng HĐND và UBND phường"): a named body splits off
        # only beside a plural one ("các bộ, cơ quan liên quan và Ngân hàng …", "Bộ X và Ủy ban nhân dân các tỉnh").
        before = masked[start : m.start()]
        plural = re.match(r"(?i)c[áa]c\s", before.strip()) or re.match(r"\S+(?:\s+\S+){0,3}\s+c[áa]c\s", re.split(r",|\s+v[àa]\s", rest)[0] + " ")
        catchall = m.group("catchall") is not None and not plural and _head_match(before.strip(), AGENCY_HEADS)
        if not (m.group("generic") or catchall or (rest[:1].isupper() and _head_match(rest, AGENCY_HEADS) and plural)) and not opens_after_and(
            before, rest, _head_match(before.strip(), AGENCY_HEADS), _head_match(rest, AGENCY_HEADS)
        ):
            continue
        if not masked[start : m.start()].strip():
            continue
        if _LOCALITIES.match(masked, m.end()) and re.match(r"(?i)c[áa]c\s", before.strip()):
            continue  # "các bộ, ngành liên quan và các địa phương": one generic phrase; after a named body it is a name
        out.append(masked[start : m.start()])
        start = m.end()
    out.append(masked[start:])
    return [piece.replace(COMMA, ",").replace(AND_SPACE, " ") for piece in out]


def _expand_level_list(body: str, level: str, rest: str) -> list[str]:
    """"UBND", "xã", "Đức Trọng, Hiệp Thạnh và đơn vị tư vấn" -> UBND xã Đức Trọng, UBND xã Hiệp Thạnh, đơn vị tư vấn."""
    names: list[str] = []
    parts = [p.strip(" .;,") for p in re.split(r",|;|\s+v[àa]\s+", rest) if p.strip(" .;,")]
    for k, part in enumerate(parts):
        if not part[:1].isupper() or _head_match(part, AGENCY_HEADS):
            # The places end where a lower-case or a named body begins: the rest is a list of its own.
            names.extend(split_units(", ".join(parts[k:])))
            break
        names.append(f"{body} {level.split(',')[0]} {part}")
    return names


def _repeats_kind(first: str, fragment: str) -> bool:
    """Whether ``fragment`` opens with the two-word kind that opens ``first`` ("cơ sở", "tổ chức"), after "các"."""
    words = _PLURAL_WORD.sub("", first.lower()).split()
    if len(words) < 3:
        return False
    frag_words = _PLURAL_WORD.sub("", fragment.lower()).split()
    return len(frag_words) >= 3 and words[:2] == frag_words[:2]


_PLURAL_WORD = re.compile(r"^(?:các|những)\s+")


# "các Bộ: Quốc phòng, Xây dựng và các cơ quan liên quan": one head word shared by the names after the colon.
_SHARED_HEAD = re.compile(r"^(?:[Cc][áa]c\s+)(?P<head>B[ộo]|S[ởo]|Ban|Ph[òo]ng|[ỦU]y ban|U[ỷy] ban|T[ỉi]nh|Huy[ệe]n|X[ãa]|Ph[ưu][ờo]ng)\s*:\s*")
# The same without the colon, the first name straight after the head: "các Bộ Tài chính, Tư pháp, Công Thương".
_SHARED_HEAD_BARE = re.compile(r"^(?:[Cc][áa]c\s+)(?P<head>B[ộo]|S[ởo])\s+(?=[A-ZĐ])")
_AND_OTHERS = re.compile(r"\s+(?:v[àa]|c[ùu]ng)\s+(?=c[áa]c\s)")


def _expand_shared_head(head: str, rest: str) -> list[str]:
    """``"Bộ"`` and ``"Quốc phòng, Xây dựng và các cơ quan liên quan"`` -> Bộ Quốc phòng, Bộ Xây dựng và … ."""
    others = _AND_OTHERS.search(rest)
    names_part, tail = (rest[: others.start()], rest[others.start() :]) if others else (rest, "")
    parts = [p.strip(" .;,") for p in re.split(r",|\s+v[àa]\s+", protect_compounds(names_part)) if p.strip(" .;,")]
    parts = [p.replace(COMMA, ",").replace(AND_SPACE, " ") for p in parts]
    names: list[str] = []
    for part in parts:
        if OWN_KIND.match(part) and (at := rest.find(part)) != -1:
            # A body of another kind named after them ("…, Công ty TNHH …, Ban Dân tộc tỉnh"): the shared head stops
            # there; the rest of the list is read as any list of bodies is.
            return [trim_name(n) for n in names if trim_name(n)] + split_units(rest[at:])
        names.append(f"{head} {part}")
    if names and tail:
        names[-1] += tail.rstrip(" .;,")
    return [trim_name(n) for n in names if trim_name(n)]


# Abbreviations a plan uses for the same bodies (folded, lower case): "UBND tỉnh" is "Ủy ban nhân dân tỉnh".
_ABBREVIATIONS = (
    (re.compile(r"\bubmttq\b"), "uy ban mat tran to quoc"),
    (re.compile(r"\bmttq\b"), "mat tran to quoc"),
    (re.compile(r"\bubnd\b"), "uy ban nhan dan"),
    (re.compile(r"\bhdnd\b"), "hoi dong nhan dan"),
    (re.compile(r"\bbhxh\b"), "bao hiem xa hoi"),
    (re.compile(r"\bbch\b"), "ban chap hanh"),
    (re.compile(r"\btp\b"), "thanh pho"),
    (re.compile(r"\bviet nam\b"), "vn"),
)


@text_cache()
def name_key(name: str) -> str:
    """A key under which one body's name reads the same in every form: "UBND tỉnh", "Ủy ban nhân dân tỉnh",
    "Uỷ ban nhân dân tỉnh", "Uy ban nhan dan tinh" (diacritics, case, punctuation and the usual abbreviations)."""
    key = fold_key(name)
    for pattern, full in _ABBREVIATIONS:
        key = pattern.sub(full, key)
    return key
