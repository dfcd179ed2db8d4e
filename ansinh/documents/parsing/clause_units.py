"""Lead and partner units read from the sentence of a duty, whoever writes it.

Decree 30/2020 documents assign a duty in one clause whose subject is the body that acts:

- "Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh tổ chức …" (lead, partners);
- "Ủy ban nhân dân xã có trách nhiệm phối hợp với Hội Nông dân rà soát …" (lead, partners);
- "Đối với vụ việc ở nơi công tác thì cơ quan, đơn vị quản lý người đó có trách nhiệm xác minh …" (lead);
- "Ban Thường trực phối hợp với Ủy ban nhân dân xã tổ chức hội nghị …" (lead, partners);
- "- Chủ trì, phối hợp với các Bộ: Tài chính, Xây dựng rà soát …" under an item headed by its body (partners).

The clause is read where a duty opens: the item's heading (after a short label such as "Nội dung:") or its
first dash line. Only a subject made of body names counts (each opening with a body word, or a generic
"các …", "cơ quan …", "đơn vị …" after the cue "có trách nhiệm").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ansinh.documents.parsing import partner_clauses as pc
from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.head_words import no_head_opens
from ansinh.documents.parsing.subject_leads import _ACTION, kind_named_by_work
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.documents.parsing.unit_names import FALSE_HEADS, _head_match, bare_heads, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS, by_first_letter

# Bodies named generically, lower case ("các sở, ngành", "cơ quan, tổ chức, đơn vị giới thiệu người ứng cử").
_GENERIC_BODY = re.compile(
    r"^(?:c[áa]c|c[ơo]\s+quan|c[ơo]\s+s[ởo]|t[ổo]\s+ch[ứu]c|[đd][ơo]n\s+v[ịi]|ch[íi]nh\s+quy[ềe]n|[ủu]y\s+ban|đ[ạa]i\s+bi[ểe]u|"
    r"c[ấa]p\s+[ủu]y|l[ựu]c\s+l[ưu][ợo]ng|"
    # Investors a plan works with, named after public bodies ("phối hợp với các sở, ngành, nhà đầu tư thứ cấp").
    r"nh[àa]\s+[đd][ầa]u\s+t[ưu]|ch[ủu]\s+[đd][ầa]u\s+t[ưu]|"
    r"th[àa]nh\s+vi[êe]n|ng[ưu][ờo]i\s+[đd][ứu]ng\s+[đd][ầa]u|th[ủu]\s+tr[ưu][ởo]ng|to[àa]n\s+th[ểe]|m[ỗo]i|t[ừu]ng|"
    r"s[ởo]|ban|b[ộo]|ng[àa]nh|[đd][ịi]a\s+ph[ưu][ơo]ng|"
    # A district's office written in lower case before its name ("giao phòng Nội vụ tham mưu"), not "phòng, chống …".
    r"ph[òo]ng(?=\s+(?-i:[A-ZĐÀ-Ỹ])))(?![^\W\d_])",
    re.IGNORECASE,
)
# "có trách nhiệm", "chịu trách nhiệm": the cue that the subject is who acts.
# "Các Cục Thuế", "Các Sở": a plural of a named kind of body is a body name too.
_PLURAL = re.compile(r"^(?:[Cc][áa]c|[Nn]h[ữu]ng)\s+(?=[A-ZĐÀ-Ỹ])")
_MUST = re.compile(r"phai(?![a-z])")
_DUTY_CUE = re.compile(r"(?:co|chiu)\s+trach\s+nhiem(?![a-z])")
# "chủ trì, phối hợp với Y", "phối hợp chặt chẽ với Y", "phối hợp Y" after the subject or the duty cue.
PARTNERS = re.compile(
    r"\s*,?\s*(?:(?:chu\s+tri|la\s+co\s+quan\s+dau\s+moi)\s*,?\s*(?:va\s+)?)?(?:phoi\s+hop\s*(?:,\s*ho\s+tro\s+)?(?:(?:chat\s+che|tot)\s+)?(?:voi\s+)?|"
    r"(?<=chu tri )cung\s+voi\s+)"
)
# Verbs that open the action after the partners; read only where the clean text writes them in lower case, since a
# body's name holds the same words capitalised ("Sở Giáo dục và Đào tạo", "Ban Tổ chức").
_VERB = re.compile(  # one branch per first letter (vocab.by_first_letter): the same match, several times faster
    by_first_letter(r"de|nham|trong\s+viec|thuc\s+hien|trien\s+khai|to\s+chuc|xay\s+dung|tham\s+muu|huong\s+dan|ra\s+soat|theo\s+doi|"
    r"tong\s+hop|bao\s+dam|dam\s+bao|tang\s+cuong|nang\s+cao|kiem\s+tra|xac\s+minh|xac\s+dinh|danh\s+gia|nghien\s+cuu|"
    r"de\s+xuat|van\s+dong|tuyen\s+truyen|giai\s+quyet|xu\s+ly|cung\s+cap|bo\s+tri|ban\s+hanh|lap|chuan\s+bi|"
    r"giam\s+sat|hoan\s+thien|sua\s+doi|cap\s+nhat|thong\s+ke|khao\s+sat|tiep\s+nhan|trinh|bao\s+cao|"
    r"van\s+chuyen|trao|tham|gui|mo(?!\s+hinh)|chuyen(?!\s+(?:mon|trach|de|nganh|doi|gia))|dua|ho\s+tro|phat\s+dong|dao\s+tao|quan\s+ly|thong\s+tin|boi\s+duong|"
    r"tap\s+huan|phan\s+cong|bo\s+sung|dieu\s+chinh|thanh\s+lap|kiem\s+tra|thu\s+thap|cham\s+lo|chi\s+dao|"
    r"lanh\s+dao|don\s+doc|quan\s+triet|tiep\s+tuc|khan\s+truong|tap\s+trung|day\s+manh|day\s+nhanh|phoi\s+hop|tien\s+hanh|"
    r"trao\s+doi|thong\s+nhat|trieu\s+tap|moi|in|phat\s+hanh|niem\s+yet|cong\s+bo|thuc\s+day|tham\s+gia|giup|"
    # A modal before the action ("Nhà đầu tư phải nghiên cứu …", "… cần nâng cao …") and more openings of a duty.
    r"phai|can(?!\s+(?:bo|cu|su))|lam\s+viec|lam\s+ro|nop|hoan\s+tat|khac\s+phuc|phan\s+tich|"
    r"kip\s+thoi|tich\s+cuc|phat\s+huy|tiep\s+thu|"
    # "… đề nghị các bộ, ngành phản ánh về Bộ X": the duty a legal text's closing asks of those who apply it.
    r"phan\s+anh") + r"(?![a-z])"
)


# The same verbs after a subject ("Công an tỉnh hỗ trợ …"), leading space included as in ``_ACTION``.
_SUBJECT_VERB = re.compile(r"\s\s*(?=" + _VERB.pattern + r")(?!de\s|nham\s|trong\s)")


# "… và chủ trì cùng các bộ, ngành": the subject's own role again, which ends the partners named before it.
_AND_LEADS_WITH = re.compile(r"\s*,?\s*(?:va\s+)?chu\s+tri\s+(?:cung|voi)(?:\s+voi)?\s+")


_STOP_OR_WORD = re.compile(r"[.;(:]|(?<![a-z])(?=[a-z])")


def _stops(folded: str, start: int) -> Iterator[int]:
    """Where ``_STOP_OR_WORD`` matches in ``folded[start:]`` (offsets into ``folded``), without copying the rest of the
    text for each clause: read in place, only a letter at ``start`` after another one differs (a slice has nothing
    before its first letter), so it is given first."""
    if start > 0 and "a" <= folded[start : start + 1] <= "z" and "a" <= folded[start - 1] <= "z":
        yield start
    for m in _STOP_OR_WORD.finditer(folded, start):
        yield m.start()


def opens_with_verb(clean: str, folded: str, at: int) -> bool:
    """Whether the words at ``at`` open a duty (a verb in lower case), not a body's name: "phối hợp kiểm tra …"."""
    return clean[at : at + 1].islower() and _VERB.match(folded, at) is not None


def partners_end(clean: str, folded: str, start: int) -> int:
    """Where the partners named from ``start`` end: at a lower-case verb, a stop or the clause's end."""
    skip_to = start
    for at in _stops(folded, start):
        if at < skip_to or (folded[at] == "(" and at > start and (skip_to := pc.aside_end(folded, at) or skip_to) > at):
            continue  # in an aside after a partner's name: "Sở Y (cơ quan thường trực …), Sở Z"
        if folded[at] == ":" and re.search(r"cac\s+(?:bo|so|ban|nganh|xa|phuong|huyen|quan|tinh)\s*$", folded[start:at]):
            continue  # "các Bộ: Tài chính, Xây dựng", "UBND các xã: A, B": one head shared by the names after the colon
        if folded[at] in ".;(:":
            return at
        if at > start and _AND_LEADS_WITH.match(folded, at - 1 if folded[at - 1] == " " else at):
            return at - 1 if folded[at - 1] == " " else at
        if folded.startswith("to chuc", at) and (re.search(r"(?:co quan|don vi|ca nhan)\s*,\s*$", folded[start:at]) or re.match(r"to chuc\s*,", folded[at:])):
            continue  # "cơ quan, tổ chức, đơn vị …": the kinds of body, not the verb "tổ chức"
        if at > start and clean[at].islower() and (_VERB.match(folded, at) or pc.MATTER.match(folded, at)) and not re.search(r"(?:cac|nhung)\s+$", folded[start:at]):
            if kind_named_by_work(folded, at - 1):
                continue  # "các cơ quan tham mưu giúp việc của Đảng": what the kind does names it
            return at  # after "các" the same words name bodies ("các tổ chức chính trị - xã hội")
    return len(folded)


# What may stand between the doer and its role: its remit ("theo chức năng, nhiệm vụ (được giao)") and adverbs of
# manner ("Sở X theo chức năng, nhiệm vụ chủ động phối hợp với …", "X kịp thời, chủ động phối hợp với …").
_MANNER = re.compile(
    r"(?:\s*,?\s*(?:(?:theo|can\s+cu(?:\s+theo)?)\s+chuc\s+nang\s*,?\s*(?:va\s+)?nhiem\s+vu(?:\s+duoc\s+giao)?|"
    r"chu\s+dong|tich\s+cuc|kip\s+thoi|khan\s+truong|thuong\s+xuyen)(?![a-z]))+\s*,?\s*"
)
_GIVEN = re.compile(r"\s+duoc\s+(?:giao|phan\s+cong)\s*$")
_ROLE_CUE = re.compile(r"(?:chu\s+tri|phoi\s+hop|(?:co|chiu)\s+trach\s+nhiem|la\s+(?:co\s+quan|don\s+vi))(?![a-z])")
# A condition before the subject: "Đối với …, thì", "Trường hợp … thì", "Nếu … thì".
_CONDITION = re.compile(r"(?:doi\s+voi|truong\s+hop|neu|khi)\s[^.;]{0,200}?(?:,\s*)?\bthi\s+")
# A purpose before the subject: "Để …, Bộ Y tế …".
_PURPOSE = re.compile(r"(?:de|nham)\s(?!nghi(?![a-z])|xuat(?![a-z]))")  # not "Đề nghị", "Đề xuất"
# The basis a clause opens with: "Trên cơ sở …, đề nghị …", "Căn cứ …, Sở Y tế …" ("Thực hiện …" opens a duty as often).
_BASIS = re.compile(r"(?:tren\s+co\s+so|can\s+cu)\s")
# The time or occasion a clause opens with, before its doer: "Định kỳ hằng năm và khi có yêu cầu, Bộ X có trách
# nhiệm: …", "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các bộ … phản ánh về …", "Khi có sự cố, Sở Y …".
_OCCASION = re.compile(r"(?:dinh\s+ky|h[ad]ng\s+(?:nam|quy|thang|tuan)|trong\s+(?:qua\s+trinh|thoi\s+gian)|(?:sau|truoc)\s+khi|khi)\s")
# A short label before the clause ("Nội dung:", "Trách nhiệm:").
_SHORT_LABEL = re.compile(r"^[^:.;]{2,30}:\s*")
_ADDRESS = re.compile(r"(?:giao(?:\s+(?:nhiem\s+vu|trach\s+nhiem))?(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+")
# "4. Chỉ đạo Sở Nội vụ thực hiện …", "b) Chỉ đạo Công an các tỉnh … chủ trì, phối hợp …" under a body's duties: the body
# named after "chỉ đạo" carries the item out (its superior directs it), not the body whose duties list the item.
_DIRECTS = re.compile(r"chi\s+dao\s+(?=\S)")
# A topic label of any length before a clause that addresses its doer ("Việc điều chỉnh …: Đề nghị Nhà đầu tư …").
_LONG_LABEL = re.compile(r"^[^:.;]{2,160}:\s*(?=(?:giao(?:\s+(?:nhiem\s+vu|trach\s+nhiem))?(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s)")
# "Đối với Sở Xây dựng:", "Đối với Nhà đầu tư dự án X:": the bodies a part of a conclusion addresses.
_TOWARDS_LABEL = re.compile(r"(?P<towards>doi\s+voi\s+)(?P<who>[^:.;]{3,120}?)\s*:")
_NOT_SUBJECT = re.compile(by_first_letter(r"duoc\s+giao|cua|tai|trong|theo|ve|voi|neu", "[a-z]") + "(?![a-z])")


# A body numbered in its name ("Ban Quản lý dự án … số 1", "UBND Phường 2", "Tổ 5"); other digits are quantities.
_NUMBERED_BODY = re.compile(  # with or without diacritics ("Ban Quan ly du an so 1")
    r"(?:[Ss][ốo]|[Pp]h[ưu][ờo]ng|[Qq]u[ậa]n|[Kk]hu\s+v[ựu]c|[Tt][ổo]|[ĐđDd][ộo]i|[Kk]hu\s+ph[ốo]|[ẤấAa]p|[Tt]h[ôo]n)\s+\d{1,3}(?![\d.,/%])"
)


_DIGIT = re.compile(r"\d")


# "… và các cơ quan (có) liên quan" closing a name: a catch-all that does not make the name longer.
_CATCH_ALL = re.compile(r"\s+(?:và|cùng)\s+các\s+(?:cơ\s+quan|đơn\s+vị|địa\s+phương|tổ\s+chức|bộ|sở|ngành)(?:,\s*[^,\s]+)*\s+(?:có\s+)?liên\s+quan$", re.IGNORECASE)


# Those a decree binds beside bodies, named as the subject of "có trách nhiệm" ("Khách hàng vay vốn có trách nhiệm …",
# "Người lao động, cơ sở sản xuất kinh doanh có trách nhiệm:"): read only before that cue.
_BOUND_PARTY = re.compile(
    r"^(?:c[áa]c\s+|nh[ữu]ng\s+)?(?:kh[áa]ch\s+h[àa]ng|ng[ưu][ờo]i\s+(?:lao\s+[đd][ộo]ng|s[ửu]\s+d[ụu]ng\s+lao\s+[đd][ộo]ng|n[ộo]p\s+thu[ếe]|h[ọo]c)|"
    r"doanh\s+nghi[ệe]p|c[ơo]\s+s[ởo]\s+(?:s[ảa]n\s+xu[ấa]t|kinh\s+doanh|gi[áa]o\s+d[ụu]c|y\s+t[ếe]|tr[ợo]\s+gi[úu]p)|nh[àa]\s+tr[ưu][ờo]ng|ch[ủu]\s+h[ộo])(?![^\W\d_])",
    re.IGNORECASE,
)


def bodies_only(text: str, generic_first: bool, bound: bool = False) -> list[str]:
    """The names in ``text`` when it is only a list of bodies, else []."""
    return list(_bodies_remembered(text, generic_first, bound))  # a copy: callers may extend it


@text_cache()
def _bodies_remembered(text: str, generic_first: bool, bound: bool) -> tuple[str, ...]:
    """``bodies_only`` remembered within one document: a clause's subject is tried again by the rules that read it."""
    return tuple(_bodies_uncached(text, generic_first, bound))


def _bodies_uncached(text: str, generic_first: bool, bound: bool) -> list[str]:
    if (v := no_head_opens(text)) is not None and not (generic_first and (_GENERIC_BODY.match(v) or (bound and _BOUND_PARTY.match(v)))):
        return []  # its first name opens with no body's word, so would be refused below: split_units is spared
    names = split_units(text)
    if not names or len(names) > 14:
        return []
    for i, name in enumerate(names):
        words = len(_CATCH_ALL.sub("", pc.bare(name)).split())
        if words > 16 or (_DIGIT.search(name) and _DIGIT.search(_NUMBERED_BODY.sub("", name))):  # a name without digits keeps none
            return []
        agency = _head_match(name, AGENCY_HEADS) or _head_match(_PLURAL.sub("", name), AGENCY_HEADS)
        if not agency and FALSE_HEADS.match(name):
            return []  # "Ban hành Quy chế phối hợp …": the duty's verb, not a board ("ban") that cooperates
        if not agency and not _GENERIC_BODY.match(name) and not (bound and _BOUND_PARTY.match(name)):
            return []
        if i == 0 and not agency and not generic_first:
            return []
    return names


def _lower_action(clean: str, folded: str, start: int, end: int) -> bool:
    """Whether a duty's verb is written in lower case between ``start`` and ``end`` (capitalised, it is part of a name)."""
    return any(clean[m.start() + 1 : m.start() + 2].islower() for m in _ACTION.finditer(folded, start, end))


def before_verb(name: str) -> str:
    """``name`` up to the first verb of a duty written in lower case ("Sở Nội vụ tiếp thu các ý kiến …, chủ trì" is
    "Sở Nội vụ"); a verb's words after "các" or in a kind named by its work stay ("các tổ chức", "cơ quan tham mưu")."""
    folded = fold_same_length(name).lower()
    for verb in sorted([*_ACTION.finditer(folded), *_SUBJECT_VERB.finditer(folded)], key=lambda v: v.start()):
        if (name[verb.start() + 1 : verb.start() + 2].islower() and not folded[: verb.start()].endswith((" cac", " nhung"))
                and not kind_named_by_work(folded, verb.start())):
            return name[: verb.start()].rstrip(" ,")
    return name


_TOWARDS = re.compile(r"doi\s+voi\s+")


def _addressed_alone(clean: str, folded: str, pos: int) -> list[str]:
    """The bodies a clause addresses when it names nothing else: "Giao Sở Văn hóa, Thể thao và Du lịch, Báo Đắk Nông",
    "Yêu cầu đối với các tổ chức, cá nhân được cấp giấy phép khai thác" (no verb of a duty in lower case after them)."""
    towards = _TOWARDS.match(folded, pos)
    if towards is not None:
        pos = towards.end()
    end = len(folded.rstrip(" .;"))
    if end <= pos or len(folded[pos:end].split()) > 24:
        return []
    verbs = [*_ACTION.finditer(folded, pos, end), *_SUBJECT_VERB.finditer(folded, pos, end)]
    # After "các" the same words name bodies ("các tổ chức, cá nhân …").
    if any(clean[v.start() + 1 : v.start() + 2].islower() and not folded[: v.start()].endswith((" cac", " nhung")) for v in verbs):
        return []
    return bodies_only(clean[pos:end], generic_first=True)


def read_clause(clean: str, folded: str) -> tuple[list[str], list[str]] | None:
    """(lead, partners) stated by one clause (``clean`` and its same-length ``folded`` view), or None."""
    found = _clause_remembered(clean, folded)
    return None if found is None else (list(found[0]), list(found[1]))  # copies: callers may extend them


@text_cache()
def _clause_remembered(clean: str, folded: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``read_clause`` remembered within one document: an item's opening clause is read again by later rules."""
    found = _read_clause(clean, folded)
    return None if found is None else (tuple(found[0]), tuple(found[1]))


# What may name a doer: every reading below returns the names ``bodies_only`` gives, whose first name opens with a head
# of AGENCY_HEADS (its first letter a capital, diacritics and later case ignored) unless a cue lets a generic body lead:
# an address (``_ADDRESS``), a role or duty cue, "phải" (the verb's ``cue`` and ``role``) or "đối với" (``_TOWARDS``).
# Each name is a piece of the clause (a shared head copied from it), so a clause holding no such cue and no capital that
# opens a head names no doer; most clauses an item opens with do not, and are spared the scans (tests/documents).
_ANY_CUE = re.compile("|".join(f"(?:{p.pattern})" for p in (_ADDRESS, _ROLE_CUE, _DUTY_CUE, _MUST, _TOWARDS)))
_CAPITAL = re.compile("[" + "".join(re.escape(ch) for ch in map(chr, range(0x3000)) if ch.isupper()) + "]")
_HEADS_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _head in bare_heads(AGENCY_HEADS):  # folded (lower case, no diacritics), by first letter
    _HEADS_BY_LETTER[_head[0].lower()] = (*_HEADS_BY_LETTER.get(_head[0].lower(), ()), _head.lower())


def may_name_doer(clean: str, folded: str) -> bool:
    """False only where ``_read_clause`` surely finds no doer: no cue, and no capital opening a head (in ``folded``)."""
    if len(clean) != len(folded) or not unicodedata.is_normalized("NFC", clean):
        return True  # (offsets are shared, and a head's letters are one character each, only so)
    opens_head = any(folded.startswith(_HEADS_BY_LETTER.get(folded[m.start()], ()), m.start()) for m in _CAPITAL.finditer(clean))
    return opens_head or _ANY_CUE.search(folded) is not None  # the heads first: the cheaper look


def _read_clause(clean: str, folded: str) -> tuple[list[str], list[str]] | None:
    if not may_name_doer(clean, folded):
        return None
    pos = 0
    label = _SHORT_LABEL.match(folded)
    if label is not None and not _lower_action(clean, folded, 0, label.end()) and not _ADDRESS.match(folded):
        pos = label.end()
        # "e) Sở Xây dựng: Tiếp tục duy trì …", "Đối với Nhà đầu tư dự án X: Khẩn trương …": the label names who acts.
        named = bodies_only(clean[: label.end()].rstrip(": "), generic_first=False)
        if named:
            return named, []
    towards = _TOWARDS_LABEL.match(folded)
    if towards is not None and pos == 0:
        named = bodies_only(clean[towards.end("towards") : towards.end("who")], generic_first=True)
        if named:
            return named, []
    long_label = _LONG_LABEL.match(folded)
    if long_label is not None and pos == 0:
        # "c) Điều chỉnh tiến độ cấp vốn: Giao Ban Quản lý dự án chủ trì, …": the clause after a topic label.
        pos = long_label.end()
    cond = _CONDITION.match(folded, pos)
    if cond is not None:
        pos = cond.end()
    elif _PURPOSE.match(folded, pos) or _BASIS.match(folded, pos) or _OCCASION.match(folded, pos):
        # "Để thể chế hóa …, Đảng đoàn Quốc hội xác định …": the purpose ends at the comma after which a body is named;
        # "Trên cơ sở Kế hoạch số …, đề nghị Ủy ban nhân dân các huyện …": the basis, at the comma before the address.
        for comma in re.finditer(r",\s*", folded[pos : pos + 260]):
            at = pos + comma.end()
            addressed = _ADDRESS.match(folded, at)
            # (the addressed bodies as a plural of their kind too: "…, đề nghị các Bộ, ngành …")
            if _head_match(clean[at:], AGENCY_HEADS) or (addressed is not None and _head_match(_PLURAL.sub("", clean[addressed.end() :], count=1), AGENCY_HEADS)):
                pos = at
                break
    address = _ADDRESS.match(folded, pos)
    directed = _DIRECTS.match(folded, pos) if address is None else None
    if directed is not None and _head_match(clean[directed.end() :], AGENCY_HEADS):
        pos = directed.end()  # "Chỉ đạo Sở Nội vụ thực hiện …": the body directed does the work
    if address is not None:
        pos = address.end()
        # "Giao Sở Nội vụ:" above the duties it hands out: the bodies alone.
        colon = folded.find(":", pos)
        # Not where a verb comes before the colon ("Giao Bộ Chính trị chỉ đạo Đảng uỷ Chính phủ: …"): the clause goes on.
        named = bodies_only(clean[pos:colon], generic_first=True) if colon != -1 and not _lower_action(clean, folded, pos, colon) else []
        # The colon after the addressee opens its duties ("Giao Bộ Công Thương: (i) Nghiên cứu …; (ii) Chủ trì …"),
        # unless it lists the places or ministries of a shared head ("Giao UBND các xã: Đức Trọng, Hiệp Thạnh:").
        if named and (not folded[colon + 1 :].strip() or not re.search(r"(?:cac|nhung)\s+\S+\s*$", folded[pos:colon])):
            return named, []
    # "Named address: the bodies before its colon": "Giao UBND các xã: Đức Trọng, Hiệp Thạnh:" above its duties.
    if address is not None and folded.rstrip().endswith(":"):
        named = bodies_only(clean[pos : len(folded.rstrip()) - 1], generic_first=True)
        if named:
            return named, []
    if address is not None and ":" not in folded[pos:]:
        # "2. Giao Sở Y tế" / "2. Đề nghị UBND các xã, phường" as the whole heading, its duties in the lines below.
        named = _addressed_alone(clean, folded, pos)
        if named:
            return named, []
    limit = min(len(folded), pos + 260)
    verbs = sorted([*_ACTION.finditer(folded, pos, limit), *_SUBJECT_VERB.finditer(folded, pos, limit)], key=lambda m: m.start())
    # A role cue ("chủ trì", "có trách nhiệm", "phối hợp") ends the subject before any verb a body's name holds in lower
    # case ("Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì, …"): tried first.
    # Only where no verb before it opens a clause of its own ("Sở Y tế tổ chức tập huấn, phối hợp …" is not a name).
    roles = [v for v in verbs if _ROLE_CUE.match(folded, v.start() + 1)]
    # The commas of a run of adverbs before the role ("tích cực, chủ động phối hợp") open no clause, nor does a verb's
    # word capitalised in a name ("Sở Thông tin và Truyền thông, …").
    role_at = pc.subject_end(folded, pos, roles[0].start()) if roles else 0
    if roles and any(v.start() < role_at and "," in folded[v.start() : role_at] and clean[v.start() + 1 : v.start() + 2].islower() for v in verbs):
        roles = []
    verbs = roles[:1] + [v for v in verbs if v not in roles[:1]]
    for verb in verbs:
        if not clean[verb.start() + 1 : verb.start() + 2].islower():
            continue  # "Ban Tổ chức …": the verb's words capitalised belong to a name (looked at first: the cheapest)
        # "Sở Nội vụ được giao chủ trì …": the body, then that the role was handed to it.
        # (a kind of body "được giao chủ trì" is named by it: "các cơ quan được giao chủ trì nhiệm vụ")
        given = _GIVEN.search(folded, pos, verb.start()) if _ROLE_CUE.match(folded, verb.start() + 1) and _head_match(clean[pos:], AGENCY_HEADS) else None
        stop = given.start() if given is not None else verb.start()
        subject_folded = folded[pos : pc.during_start(folded, pos, stop)]
        # A preposition in lower case ends no body's name ("tại", "của"); capitalised it is a name's word ("Sở Tài chính").
        if not subject_folded.strip() or ("," not in subject_folded and any(
                clean[pos + w.start()].islower() for w in _NOT_SUBJECT.finditer(subject_folded))):
            continue
        if folded[pos:stop].rstrip().endswith((" cac", " nhung")):
            continue  # "… và các tổ chức chính trị - xã hội": after "các" the same words name bodies
        if kind_named_by_work(folded, verb.start()):
            continue  # "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy": the kind's name, not its duty
        # "phải" binds the subject as "có trách nhiệm" does ("Các đoàn kiểm tra phải ghi nhận đầy đủ …").
        cue = _DUTY_CUE.match(folded, verb.start() + 1) is not None or _MUST.match(folded, verb.start() + 1) is not None
        # After "Giao", "Đề nghị" the subject may be a kind of body in lower case ("Giao ban thường vụ các tỉnh uỷ …").
        # Before a role ("Các cơ quan tham mưu, giúp việc Đảng ủy phối hợp tham mưu") a plural of kinds is the doer too.
        role = _ROLE_CUE.match(folded, verb.start() + 1) is not None
        lead = bodies_only(clean[pos : pc.subject_end(folded, pos, stop)], generic_first=cue or role or address is not None, bound=cue)
        if not lead:
            continue
        rest_at = verb.start()
        duty = _DUTY_CUE.match(folded, rest_at + 1)
        if duty is not None:
            rest_at = duty.end()
        # "X chủ động phối hợp với Y", "X kịp thời, chủ động phối hợp …": an adverb of manner before the role.
        manner = _MANNER.match(folded, rest_at)
        if manner is not None and folded.startswith("phoi hop", manner.end()):
            rest_at = manner.end()
        partners: list[str] = []
        after = folded[rest_at:]
        if not after.lstrip(" ,").startswith(("chu tri", "phoi hop", "la co quan dau moi", "cung voi")):
            return lead, partners
        m = PARTNERS.match(folded, rest_at)
        if m is not None:
            end = partners_end(clean, folded, m.end())
            partners = pc.drop_asides(bodies_only(clean[m.end() : end], generic_first=True))
            # "X phối hợp với Y và chủ trì cùng Z": Z works with X too.
            more = _AND_LEADS_WITH.match(folded, end)
            if partners and more is not None:
                partners += bodies_only(clean[more.end() : partners_end(clean, folded, more.end())], generic_first=True)
        return lead, partners
    return None


def first_sentence(doc: Doc, start: int, end: int) -> tuple[str, str]:
    """The clean and folded text of the sentence that opens at ``start`` (not past ``end``)."""
    # A blank line between a heading and its paragraph is not the paragraph's end.
    while start < end and doc.folded[start] in " \t\n":
        start += 1
    cut = end
    for stop in (". ", ".\n", "\n\n"):
        limit = min(end, cut + 1)  # only a stop that opens before the cut found so far can move it
        at = doc.folded.find(stop, start, limit)
        while stop == "\n\n" and at != -1 and pc.open_gap(doc.folded, at):
            at = doc.folded.find(stop, at + 2, limit)  # a scan's blank line after "… và": the sentence goes on
        if at != -1:
            cut = min(cut, at)
    return doc.clean[start:cut], doc.folded[start:cut]
