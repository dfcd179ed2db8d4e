"""Names of the bodies a plan assigns work to: where one name ends and the next begins.

"Sở Văn hóa, Thể thao và Du lịch, các sở, ngành liên quan" is two names: a capitalised opener
("Sở", "Ủy ban", "Hội" ...) starts a name, and after a named body a generic opener ("các sở",
"các đoàn thể" ...) does too. Openers match without diacritics and with OCR confusions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ansinh.documents.parsing.clean import squeeze
from ansinh.documents.parsing.vocab import AGENCY_HEADS, ALWAYS_NEW_HEADS, GENERIC_HEADS, ocr_tolerant
from ansinh.lib.text import fold, strip_marks

# Words that open like a body's name once diacritics are ignored, or share its first word, but name an action or
# a thing ("Bố trí kinh phí", "Tổ chức thực hiện", "Ban hành kế hoạch", "Bộ máy", "Số lượng").
_FALSE_HEADS = re.compile(
    r"^(?:b[ốổồỏ]\s|s[ốổ]\s|b[áảa]o\s+(?:c[áa]o|[đd][ảa]m|v[ệe]|qu[ảa]n|t[ồo]n|tr[ìi]|l[ưu]u|ch[íi]\s+v[àa]|hi[ểe]m\s+y)|ban\s+h[àa]nh|t[ổo]\s+ch[ứu]c|h[ộo]i\s+(?:ngh[ịi]|th[ảa]o|thi|di[ễe]n)|"
    r"tr[ưu][ờo]ng\s+h[ợo]p|qu[ỹy]\s+[đd][ấa]t|b[ộo]\s+(?:m[áa]y|ti[êe]u\s+ch[íi]|ch[ỉi]\s+s[ốo]|c[ôo]ng\s+c[ụu])|"
    r"ng[àa]nh\s+ngh[ềe]|[đd]o[àa]n\s+k[ếe]t)",
    re.IGNORECASE,
)


def _head_match(fragment: str, heads: tuple[str, ...]) -> bool:
    """Whether ``fragment`` opens with one of ``heads`` (case kept, diacritics ignored, so OCR text matches)."""
    if _FALSE_HEADS.match(fragment):
        return False
    bare = _bare(fragment[:40])
    for head in _bare_heads(heads):
        if bare.startswith(head) and (len(bare) == len(head) or not bare[len(head)].isalpha()):
            return True
    return False


@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    return strip_marks(text)


@lru_cache(maxsize=8)
def _heads_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Lower-case heads as one OCR-tolerant pattern ("các đoàn thể" also matches "cdc doan the")."""
    return re.compile(r"^(?:" + "|".join(ocr_tolerant(h) for h in _bare_heads(heads)) + r")(?![a-z])")


def _starts_with(lower: str, heads: tuple[str, ...]) -> bool:
    return _heads_pattern(heads).match(lower) is not None


@lru_cache(maxsize=8)
def _bare_heads(heads: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(strip_marks(h) for h in heads))


def _split_outside_parens(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def split_units(value: str) -> list[str]:
    """Names of the bodies in a list: ``"Sở Y tế, các sở, ban, ngành liên quan"`` -> two names."""
    value = squeeze(value).strip(" .;,-–")
    shared = _SHARED_HEAD.match(value)
    if shared:
        return _expand_shared_head(shared.group("head"), value[shared.end() :])
    units: list[str] = []
    for part in _split_outside_parens(value, ";"):
        current: list[str] = []
        named = False
        for fragment in _split_outside_parens(part, ","):
            frag = fragment.strip()
            if not frag:
                continue
            lower = _bare(frag[:40].lower())
            new = not current or _head_match(frag, AGENCY_HEADS)
            if not new and _starts_with(lower, ALWAYS_NEW_HEADS):
                new = True
            if not new and named and _starts_with(lower, GENERIC_HEADS):
                new = True
            if new and current:
                units.append(", ".join(current))
                current = []
            if not current:
                named = _head_match(frag, AGENCY_HEADS) and not lower.startswith("các")
            current.append(frag)
        if current:
            units.append(", ".join(current))
    return [name for name in (_trim_name(u) for u in units) if name]


# "các Bộ: Quốc phòng, Xây dựng và các cơ quan liên quan": one head word shared by the names after the colon.
_SHARED_HEAD = re.compile(r"^(?:[Cc]ác\s+)(?P<head>Bộ|Sở|Ban|Phòng|Ủy ban|Uỷ ban|Tỉnh|Huyện|Xã|Phường)\s*:\s*")
_AND_OTHERS = re.compile(r"\s+(?:và|cùng)\s+(?=các\s)")


# Names of ministries and departments that hold a comma or "và" themselves (Decree 30/2020 lists, 2007-2025 names).
_COMPOUND_NAMES = re.compile(
    r"van hoa, the thao va du lich|lao dong\s*-\s*thuong binh va xa hoi|giao duc va dao tao|ke hoach va dau tu|"
    r"nong nghiep va phat trien nong thon|nong nghiep va moi truong|tai nguyen va moi truong|khoa hoc va cong nghe|"
    r"thong tin va truyen thong|dan toc va ton giao|van hoa va the thao|noi vu va lao dong"
)
_COMMA, _AND = "\x00", "\x01"


def _protect_compounds(text: str) -> str:
    """``text`` with the commas and "và" inside a compound ministry name masked (matched without diacritics, as OCR gives them)."""
    chars = list(text)
    for m in _COMPOUND_NAMES.finditer(fold(text).lower()) if len(fold(text)) == len(text) else ():
        for i in range(m.start(), m.end()):
            if chars[i] == ",":
                chars[i] = _COMMA
            elif text[i : i + 3] == " và" and i + 3 <= m.end():
                chars[i] = _AND
                chars[i + 1] = chars[i + 2] = ""
    return "".join(chars)


def _expand_shared_head(head: str, rest: str) -> list[str]:
    """``"Bộ"`` and ``"Quốc phòng, Xây dựng và các cơ quan liên quan"`` -> Bộ Quốc phòng, Bộ Xây dựng và … ."""
    others = _AND_OTHERS.search(rest)
    names_part, tail = (rest[: others.start()], rest[others.start() :]) if others else (rest, "")
    parts = [p.strip(" .;,") for p in re.split(r",|\s+và\s+", _protect_compounds(names_part)) if p.strip(" .;,")]
    parts = [p.replace(_COMMA, ",").replace(_AND, " và") for p in parts]
    names = [f"{head} {p}" for p in parts]
    if names and tail:
        names[-1] += tail.rstrip(" .;,")
    return [_trim_name(n) for n in names if _trim_name(n)]


def _trim_name(name: str) -> str:
    """A name without list punctuation around it, nor a bracket it does not open ("Hội Nông dân xã)")."""
    name = name.strip(" .;,-–")
    while name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1].rstrip(" .;,-–")
    while name.startswith("(") and name.count("(") > name.count(")"):
        name = name[1:].lstrip(" .;,-–")
    return name


# "Sở Y tế là cơ quan (chủ trì)": the role noun after the name is not part of it.
_ROLE_NOUN = re.compile(r"\s+(?:l[àa]\s+)?(?:c[ơo]\s+quan|đ[ơo]n\s+v[ịi])(?:\s+th[ưu][ờo]ng\s+tr[ựu]c)?\s*$", re.IGNORECASE)
_LEAD_WORDS = r"ch[uủ]\s+tr[iì]"
_PARTNER_WORDS = r"ph[oố]i\s+h[oợ]p"
_ROLE_TAIL = re.compile(r"\s*\((?P<role>" + _LEAD_WORDS + "|" + _PARTNER_WORDS + r")\)\s*$", re.IGNORECASE)
_LEAD_THEN_PARTNERS = re.compile(
    r"^(?P<who>.+?)\s+" + _LEAD_WORDS + r"\s*,?\s*" + _PARTNER_WORDS + r"(?:\s+v[oớ]i)?\s+(?P<with>.+)$", re.IGNORECASE
)


def units_by_role(value: str) -> tuple[list[str], list[str]]:
    """(lead, partners) of one cell that may state the roles: "Sở Y tế (chủ trì); Công an tỉnh, Sở Tài chính (phối hợp)",
    "Bưu điện tỉnh chủ trì, phối hợp Sở Y tế"; without roles every name leads."""
    value = squeeze(value)
    m = _LEAD_THEN_PARTNERS.match(value)
    if m:
        return split_units(m.group("who")), split_units(m.group("with"))
    lead: list[str] = []
    partners: list[str] = []
    for part in _split_outside_parens(value, ";"):
        part = part.strip(" .,")
        tail = _ROLE_TAIL.search(part)
        names = split_units(part[: tail.start()] if tail else part)
        if tail is not None and not re.match(r"ch", tail.group("role"), re.IGNORECASE):
            partners.extend(names)
            continue
        if tail is not None:
            lead.extend(names)
            continue
        for name in names:
            own = _ROLE_TAIL.search(name)
            if own is None:
                lead.append(name)
            else:
                (lead if re.match(r"ch", own.group("role"), re.IGNORECASE) else partners).append(name[: own.start()].strip())
    return lead, partners


_ASSIGNING_VERB = re.compile(r"^\s*(?:[Gg]iao(?:\s+cho)?|[ĐđDd][ềe]\s+ngh[ịi]|[Yy][êe]u\s+c[ầa]u)\s+")


# A list mark or an item number before the name ("- Sở Y tế", "1) Phòng Bảo trợ xã hội").
ITEM_MARK = re.compile(r"^[ \t]*(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*\)|[IVX]{1,5}\s*[.)])[ \t]*")


def _wrapped_name(text: str) -> str | None:
    """The body named before "chủ trì", which a hard-wrapped line may carry on, or whose line may open it."""
    starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    for k in starts:
        name = _ROLE_NOUN.sub("", squeeze(_ASSIGNING_VERB.sub("", ITEM_MARK.sub("", text[k:]))))
        if _head_match(name, AGENCY_HEADS):
            return name
    return None
