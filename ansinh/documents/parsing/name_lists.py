"""Where a plural list of kinds of bodies ends and the next name begins.

Decree 30/2020 plans name the partners of a task as lists of kinds: "các sở, ngành, phường, xã thuộc Thành phố" is
one name, its bare kind words sharing the tail that closes it. A kind with words of its own ("tổ chức quốc tế",
"ngành Thành phố"), or a name that is no kind at all ("các Đại sứ quán"), closes the list: what follows in lower case
("…, tổ chức quốc tế, các tỉnh, thành phố", "các Sở, ngành Thành phố, đơn vị liên quan") is the next name. Read by
:mod:`unit_names`; words match without diacritics (OCR and text without marks read the same).
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.text_caches import text_cache
from ansinh.lib.text import fold

# Kinds of bodies (and of parties bound beside them) that plans name generically, folded, lower case: the one list
# for every reader. A list of kinds shares the tail that closes it ("các sở, ngành, phường, xã thuộc Thành phố" is one
# name), and "các …" over any of them names doers ("1. Các sở, ban, ngành:", :mod:`subject_leads`).
BODY_KINDS = (
    r"so|ban|nganh|bo|co\s+quan|don\s+vi|dia\s+phuong|doan\s+the|to\s+chuc|hoi|doanh\s+nghiep|ca\s+nhan|tap\s+the|"
    r"tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|dac\s+khu|cap|cap\s+uy|luc\s+luong|truong|nha\s+truong|"
    r"co\s+so|hoc\s+vien|vien|benh\s+vien|bao|bao\s+chi|dai|co\s+quan\s+(?:thong\s+tan|bao\s+chi)|hop\s+tac\s+xa|tap\s+doan|"
    r"tong\s+cong\s+ty|cong\s+ty|ngan\s+hang|quy|phong|trung\s+tam|cuc|chi\s+cuc|vu|van\s+phong|uy\s+ban|hoi\s+dong|"
    r"ban\s+chi\s+dao|doan|to|nhom|chi\s+bo|dang\s+bo|thon|ap|khu\s+pho|to\s+dan\s+pho|ho\s+gia\s+dinh|gia\s+dinh|"
    r"chu\s+dau\s+tu|nha\s+dau\s+tu|"
    # Kinds named by the government's own structure: "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" is one name.
    r"co\s+quan\s+ngang\s+bo|co\s+quan\s+thuoc\s+chinh\s+phu"
)
# People named by office or membership: "các đồng chí", "các đại biểu", "các thành viên" address doers, but are no
# kind of body a list of kinds goes on with.
OFFICE_HOLDERS = (
    r"can\s+bo|cong\s+chuc|dang\s+vien|dong\s+chi|dai\s+bieu|thanh\s+vien|thu\s+truong|giam\s+doc|chu\s+tich|lanh\s+dao"
)
# Kinds a plural list names bare, one after another: the kinds above and their usual pairs ("ban ngành", "sở ngành").
_KINDS = BODY_KINDS + r"|hoi\s+doan\s+the|ban\s+nganh|so\s+nganh|bo\s+nganh|bo\s+ban\s+nganh"
_BARE_KIND = re.compile(r"^(?:(?:cac|nhung|moi)\s+)?(?:" + _KINDS + r")$")
_PLURAL = re.compile(r"^(?:cac|nhung)\s")
# A fragment that opens with a kind ("tổ chức quốc tế", "đơn vị liên quan", "các tỉnh"): only such a one opens a name.
_KIND_FIRST = re.compile(r"^(?:(?:cac|nhung)\s+\S+|(?:" + _KINDS + r")(?![a-z]))")


@text_cache()
def _folded(fragment: str) -> str:
    """``fragment`` folded, lower case, single-spaced (remembered within one document: text_caches)."""
    return " ".join(fold(fragment).lower().split())


def bare_kind(fragment: str) -> bool:
    """Whether ``fragment`` is a kind of body alone ("sở", "các tỉnh", "thành phố"), open to the next kind."""
    return _BARE_KIND.match(_folded(fragment)) is not None


def opens_after_closed_kind(current: list[str], fragment: str) -> bool:
    """Whether ``fragment`` opens a new name after the fragments ``current`` of a list of kinds (no named body first):
    it does when it opens with a kind in lower case (or with "các") and the fragment before it is no bare kind."""
    if not current or not fragment:
        return False
    folded = _folded(fragment)
    if not (fragment[:1].islower() or _PLURAL.match(folded)) or not _KIND_FIRST.match(folded):
        return False  # "…, phụ trách lĩnh vực …": words that describe the name before, not another body
    if not (_PLURAL.match(_folded(current[0])) or _KIND_FIRST.match(_folded(current[0]))):
        return False  # "Đồng chí Phó Chủ tịch, …": a person's office, not a list of kinds
    # "…, thành phố và các sở, ngành": the list "và" opens goes on, so only what follows the last "và" is looked at.
    pieces = re.split(r"\s+(?:và|va)\s+", current[-1])
    last = pieces[-1]
    if len(pieces) > 1 and last[:1].isupper() and bare_kind(fragment) and not _PLURAL.match(_folded(fragment)):
        return False  # "các đơn vị … và UBND các huyện, thành phố": a bare kind goes on the named body's list of places
    return not bare_kind(last)


# Kinds of parties that are no place or level of government ("cơ quan liên quan", "tổ chức phi chính phủ", "doanh
# nghiệp", "chủ rừng", "nhà tài trợ"): after a named body such a kind in lower case is a party of its own, while a kind
# of place goes on the body's list of places ("Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương").
_PARTY_KIND = re.compile(
    r"^(?:co\s+quan|don\s+vi|to\s+chuc|doanh\s+nghiep|hiep\s+hoi|hoi(?!\s+(?:nghi|thao|thi|dien|cho|vien))|nha\s+tai\s+tro|"
    r"chu\s+rung|chu\s+dau\s+tu|nha\s+dau\s+tu|nha\s+thau|co\s+so|luc\s+luong|ca\s+nhan|tap\s+doan|tong\s+cong\s+ty|"
    r"cong\s+ty|ngan\s+hang|chinh\s+quyen|hop\s+tac\s+xa|bo\s+phan)(?![a-z])"
)


# An office named before the bodies it heads ("Thủ trưởng cơ quan, đơn vị", "Giám đốc sở, ngành").
_OFFICE_HOLDER = re.compile(r"^(?:thu\s+truong|bo\s+truong|(?:pho\s+)?chu\s+tich|(?:pho\s+|tong\s+)?giam\s+doc|nguoi\s+dung\s+dau|(?:pho\s+)?truong|lanh\s+dao)(?![a-z])")


def opens_after_named(current: list[str], fragment: str) -> bool:
    """Whether ``fragment``, after the fragments ``current`` of one named body (not a plural "các …"), opens a new name:
    it does when it opens in lower case with a kind of party that is no place ("Ủy ban nhân dân tỉnh, chủ rừng, cơ quan
    liên quan" is three names; "Ủy ban nhân dân các huyện, thị xã" is one)."""
    if not current or not fragment[:1].islower() or _PLURAL.match(_folded(current[0])):
        return False
    if _PLURAL.match(_folded(re.split(r"\s+(?:và|va|vả)\s+", current[-1])[-1])):
        return False  # "Ban Dân tộc tỉnh và các cơ quan, đơn vị liên quan": the plural "và" opens goes on
    if _OFFICE_HOLDER.match(_folded(current[0])):
        return False  # "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ": the office's bodies, listed
    return _PARTY_KIND.match(_folded(fragment)) is not None


# Kinds of bodies that name one with words of their own after "và": "… và cơ quan liên quan", "… và chính quyền địa
# phương" (a kind alone, "… và địa phương", goes on the list before it: "các bộ, cơ quan trung ương và địa phương").
_KIND_WITH_WORDS = re.compile(
    r"^(?:co\s+quan|don\s+vi|dia\s+phuong|to\s+chuc|doanh\s+nghiep|chinh\s+quyen|co\s+so|luc\s+luong)\s+"
    r"(?!(?:thuc\s+hien|trien\s+khai|tuyen\s+truyen|kiem\s+tra|hop|ra\s+soat)(?![a-z]))\S"
)
# A part of one body written before a joint name ("Văn phòng HĐND và UBND xã", "Thường trực HĐND và UBND"), or a
# person named by office ("Công an phường và Công chức Văn hóa - Xã hội" share one duty): not two bodies side by side.
_OFFICE_OF = re.compile(
    r"^(?:van\s+phong|thuong\s+truc|lanh\s+dao|(?:pho\s+)?chu\s+tich|(?:pho\s+)?giam\s+doc|thu\s+truong|(?:pho\s+|hieu\s+)?truong|"
    r"cong\s+chuc|can\s+bo|chuyen\s+vien|nguoi\s+dung\s+dau)(?![a-z])"
)
# Capitalised words after "và" that go on a name rather than open one ("Chi cục Thủy lợi và Phòng, chống thiên tai").
_NAME_GOES_ON = re.compile(r"^(?:phong\s*,?\s*(?:chong|ngua|chay)|hoi\s+nhap|dao\s+tao|phat\s+trien)(?![a-z])")


def opens_after_and(before: str, rest: str, named_before: bool, named_rest: bool) -> bool:
    """Whether what follows "và" opens a new name after ``before`` (one name so far, not plural):

    - a named body after a named body, "Sở Tài chính và Kho bạc Nhà nước tỉnh" (not the joint office "Văn phòng HĐND
      và UBND xã", where the first words name a part of the body after "và");
    - a kind with words of its own in lower case after a named body or a kind with words of its own, "Nhà đầu tư và
      địa phương có liên quan", "cơ sở giáo dục nghề nghiệp và cơ quan liên quan".
    """
    folded_before, folded_rest = _folded(before), _folded(rest)
    if not folded_before or not folded_rest:
        return False
    plural = _PLURAL.match(folded_before) is not None
    if named_rest and rest[:1].isupper():
        return named_before and not plural and len(folded_before.split()) >= 2 and len(folded_rest.split()) >= 2 and not (
            _OFFICE_OF.match(folded_before) or _OFFICE_OF.match(folded_rest) or _NAME_GOES_ON.match(folded_rest)
        )
    if not rest[:1].islower() or not _KIND_WITH_WORDS.match(folded_rest):
        return False
    last = re.split(r"\s*,\s*", folded_before)[-1]
    return (named_before and not plural) or (_KIND_FIRST.match(last) is not None and not bare_kind(last))


# Names of ministries and departments that hold a comma or "và" themselves (Decree 30/2020 lists, 2007-2025 names).
_COMPOUND_NAMES = re.compile(
    r"van hoa, the thao va du lich|lao dong\s*-\s*thuong binh va xa hoi|giao duc va dao tao|ke hoach va dau tu|"
    r"nong nghiep va phat trien nong thon|nong nghiep va moi truong|tai nguyen va moi truong|khoa hoc va cong nghe|"
    r"thong tin va truyen thong|dan toc va ton giao|van hoa va the thao|noi vu va lao dong"
)
# What stands for a comma, and for the space before "và", inside a compound name while a list is split.
COMMA, AND_SPACE = "\x00", "\x01"


def protect_compounds(text: str) -> str:
    """``text`` with the commas and the space before "và" inside a compound ministry name masked (matched without
    diacritics, as OCR and copies without marks give them)."""
    chars = list(text)
    folded = fold(text)
    for m in _COMPOUND_NAMES.finditer(folded.lower()) if len(folded) == len(text) else ():
        for i in range(m.start(), m.end()):
            if chars[i] == ",":
                chars[i] = COMMA
            elif text[i : i + 3] in (" và", " va") and i + 3 <= m.end():
                chars[i] = AND_SPACE
    return "".join(chars)


# "Thường trực, các ban, các tổ đại biểu Hội đồng nhân dân tỉnh": parts of one body, its name written once at the end.
_BODY_PART = r"(?:Thường trực|Ban Thường trực|Thường vụ|Ban Thường vụ|[Cc]ác ban|[Cc]ác tổ đại biểu|[Cc]ác đại biểu|[Cc]ác Ủy ban|[Cc]ác Uỷ ban|Lãnh đạo)"
_PARTS_THEN_BODY = re.compile(
    r"^(?P<parts>" + _BODY_PART + r"(?:\s*,\s*" + _BODY_PART + r")*)\s*(?:,|\s+và)\s+(?P<last>" + _BODY_PART + r")\s+"
    r"(?P<body>(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ủy ban Mặt trận Tổ quốc Việt Nam|Ủy ban MTTQ|UBMTTQ)[^,;]*)$"
)


# The same without diacritics ("Thuong truc, cac ban va cac to dai bieu Hoi dong nhan dan tinh"), for text without marks.
_BODY_PART_BARE = r"(?:Thuong truc|Ban Thuong truc|Thuong vu|Ban Thuong vu|[Cc]ac ban|[Cc]ac to dai bieu|[Cc]ac dai bieu|[Cc]ac Uy ban|Lanh dao)"
_PARTS_THEN_BODY_BARE = re.compile(
    r"^(?P<parts>" + _BODY_PART_BARE + r"(?:\s*,\s*" + _BODY_PART_BARE + r")*)\s*(?:,|\s+va)\s+(?P<last>" + _BODY_PART_BARE + r")\s+"
    r"(?P<body>(?:Hoi dong nhan dan|HDND|Uy ban nhan dan|UBND|Uy ban Mat tran To quoc Viet Nam|Uy ban MTTQ|UBMTTQ)[^,;]*)$"
)


def shared_body_tail(value: str) -> list[str] | None:
    """"Thường trực, các ban và các tổ đại biểu HĐND tỉnh" -> each part with the body's name, or None."""
    m = _PARTS_THEN_BODY.match(value) or (_PARTS_THEN_BODY_BARE.match(value) if value.isascii() else None)
    if m is None:
        return None
    parts = [p.strip() for p in m.group("parts").split(",") if p.strip()] + [m.group("last")]
    return [f"{part} {m.group('body').strip()}" for part in parts]


# "UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà": one body named for each place after the colon (read on the
# folded text, so "UBND cac xa: Duc Trong, …" without marks is read the same; the body and the place open in capitals).
_LEVEL_LIST = re.compile(
    r"(?:^|(?<=[,;]\s)|(?<=\sva\s))(?P<body>uy ban nhan dan|ubnd|cong an|hoi dong nhan dan|hdnd)\s+cac\s+"
    r"(?P<level>xa|phuong|huyen|quan|tinh|thanh pho|thi xa|xa, phuong)\s*:\s*"
)


def level_list(value: str) -> tuple[int, int, str, str] | None:
    """(start, end, body, level) of "UBND các xã:" in ``value`` when places in capitals follow it, else None."""
    if ":" not in value:
        return None  # no colon, no such list (a fold keeps every colon): most names are read without folding them
    folded = fold(value).lower()
    if len(folded) != len(value):
        return None
    for m in _LEVEL_LIST.finditer(folded):
        if value[m.start("body")].isupper() and m.end() < len(value) and value[m.end()].isupper():
            return m.start(), m.end(), value[m.start("body") : m.end("body")], value[m.start("level") : m.end("level")]
    return None


# Two ministries (or two departments) run together where a table cell's lines were joined: "Bộ Thông tin và Truyền thông
# Bộ Khoa học và Công nghệ". A ministry holds no other ministry, a department no other department, so the second head
# in capitals opens a second name ("Bộ Chỉ huy Bộ đội Biên phòng" goes on: "đội" is in lower case).
_RUN_TOGETHER = re.compile(r"(?<=\S)\s+(?=(?:Bộ|Sở)\s+(?!Đội\b)(?P<next>\w))")
_SAME_HEAD = re.compile(r"^(?P<head>Bộ|Sở)\s+(?!Chỉ\s+huy|Tư\s+lệnh)(?P<next>\w)")


def run_together(name: str) -> list[str]:
    """``name`` cut where a second ministry or department of the same head begins (see :data:`_RUN_TOGETHER`)."""
    first = _SAME_HEAD.match(name)
    if first is None or not first.group("next").isupper():
        return [name]
    head = first.group("head")
    out: list[str] = []
    start = 0
    for m in _RUN_TOGETHER.finditer(name):
        if name.startswith(head, m.end()) and m.group("next").isupper() and len(name[start : m.start()].split()) >= 2:
            out.append(re.sub(r"[\s:;,.\-–—_|'`ˆ~\"]+$", "", name[start : m.start()]))  # a scan's mark before the break goes
            start = m.end()
    out.append(name[start:])
    return out


# A body of another kind after the names that share the head ("các Sở: Nội vụ, Tài chính, Ban Dân tộc tỉnh, Công an tỉnh"):
# no ministry nor department is named with these words ("Bộ Công an" is read under "các Bộ:", where "Công an" goes on).
OWN_KIND = re.compile(
    r"(?:c[ôo]ng\s+ty|t[ổo]ng\s+c[ôo]ng\s+ty|t[ậa]p\s+[đd]o[àa]n|ng[âa]n\s+h[àa]ng|[ủu]y\s+ban|u[ỷy]\s+ban|ubnd|trung\s+t[âa]m|ban|"
    r"c[ụu]c|chi\s+c[ụu]c|v[ăa]n\s+ph[òo]ng|b[áa]o|[đd][àa]i|kho\s+b[ạa]c|b[ảa]o\s+hi[ểe]m\s+x[ãa]\s+h[ộo]i|vi[ệe]n|tr[ưu][ờo]ng|"
    r"b[ệe]nh\s+vi[ệe]n|li[êe]n\s+[đd]o[àa]n|b[ộo]\s+ch[ỉi]\s+huy|c[ôo]ng\s+an\s+(?:t[ỉi]nh|th[àa]nh\s+ph[ốo]|huy[ệe]n|x[ãa]))(?![^\W\d_])",
    re.IGNORECASE,
)


# Parties that are no public body, named with words of their own after a plural list of public bodies.
INVESTORS = re.compile(r"(?:nha\s+dau\s+tu|chu\s+dau\s+tu|doanh\s+nghiep)\s")
PUBLIC_PLURAL = re.compile(r"cac\s+(?:so|bo|ban|nganh|co\s+quan|dia\s+phuong)(?![a-z])")
