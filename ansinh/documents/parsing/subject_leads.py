"""Items whose sentence opens with the bodies that act: "Bộ Chính trị, Ban Bí thư tổ chức hội nghị …".

Party plans often assign a duty by naming its doers as the subject, without "chủ trì". Only a subject
made wholly of body names (each opening with a body word: "Ban", "Sở", "Ủy ban" …) counts, and only
for an item nothing else has assigned.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.head_words import no_head_opens
from ansinh.documents.parsing.name_lists import BODY_KINDS, OFFICE_HOLDERS
from ansinh.documents.parsing.responsibilities import Apply
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import _head_match, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS, by_first_letter


class _Words:
    """A pattern written with diacritics, and its form without them for text that has none ("Trach nhiem cua Bo Noi vu",
    as a copy without marks gives it): the bare form only matches words that carry no marks, so "Giáo dục" is never
    read as "giao"."""

    def __init__(self, marked: str, bare: str) -> None:
        self.marked = re.compile(marked, re.IGNORECASE)
        self.bare = re.compile(bare, re.IGNORECASE)

    def match(self, text: str) -> re.Match[str] | None:
        m = self.marked.match(text)
        if m is not None:
            return m
        b = self.bare.match(text)
        return b if b is not None and text[: b.end()].isascii() else None


# Verbs that open the duty after its subject (folded).
# ("\s\s*" for "\s+": the same lengths tried in the same order, and a pattern that opens with a class is scanned for it.)
_ACTION = re.compile(  # one branch per first letter (vocab.by_first_letter): the same match, several times faster
    r"\s\s*" + by_first_letter(r"to chuc|chi dao|lanh dao|xay dung|ban hanh|huong dan|trien khai|thuc hien|tham muu|ra soat|"
    r"theo doi|kiem tra|giam sat|tuyen truyen|van dong|bo tri|nghien cuu|tong ket|so ket|"
    # More openings of a duty after its doer ("Bộ Công Thương tập trung …", "Bộ Tài chính khẩn trương …").
    r"tap trung|khan truong|day manh|day nhanh|tiep tuc|de xuat|chu dong|co trach nhiem|tang cuong|"
    r"som|uu tien|xem xet|cap nhat|bao dam|dam bao|phoi hop|chu tri|khan cap|nang cao|hoan thien|thuc day|"
    # A resolution's duties: "Bộ X là cơ quan đầu mối …", "… trong phạm vi nhiệm vụ, quyền hạn của mình giám sát …",
    # "Giao Bộ Chính trị căn cứ ý kiến thảo luận … để chỉ đạo …", "Các sở căn cứ chức năng, nhiệm vụ …".
    r"la co quan|chiu trach nhiem|de cao|trong pham vi|can cu|theo chuc nang|"
    # "Tổ kiểm phiếu tiến hành …", "Ban Thường trực trao đổi với …", "Sở Y tế lập danh sách …".
    r"tien hanh|trao doi|lap danh sach|lap ke hoach|chuan bi|giai quyet|xac minh|tiep nhan|cung cap|"
    r"kip thoi|tich cuc|thuong xuyen|phat huy|tiep thu|nghiem tuc|quan triet|quy hoach|"
    # "Ngân hàng Nhà nước Việt Nam ký với nhà tài trợ Hiệp định …": a body signing for the State (Law on Treaties).
    r"ky ket|ky voi|ky hiep dinh|ky thoa thuan") + r"(?![a-z])"
)
# "… được giao", "… được phân công" between a body and the role it was handed.
_GIVEN = re.compile(r"\s+(?:được|duoc)\s+(?:giao|phân\s+công|phan\s+cong)\s*$", re.IGNORECASE)
# Kinds of bodies named by the work they do, a standard name rather than a duty (folded): "các cơ quan (chuyên trách)
# tham mưu, giúp việc Tỉnh ủy" (Party committees' advisory bodies), "các đơn vị cung cấp dịch vụ viễn thông".
_KIND_NAMED_BY_WORK = re.compile(r"\s\s*(?:tham\s+muu\s*,?\s*giup\s+viec|cung\s+cap\s+dich\s+vu)(?![a-z])")
# The kind those words follow, as a plural or a name of its own in a list ("các cơ quan chuyên trách", ", đơn vị"), with at
# most two words of its own between ("cơ quan MTTQ xã"); after "nơi" ("nơi đơn vị cung cấp dịch vụ đặt trụ sở") the words
# open a clause about a place, not a name.
_KIND_BEFORE = re.compile(r"(?:^|,|(?<![a-z])(?:cac|nhung))\s*(?:co\s+quan|don\s+vi|doanh\s+nghiep|to\s+chuc|nha)(?:\s+\S+){0,2}\s*$")


def kind_named_by_work(folded: str, at: int) -> bool:
    """Whether the verb at ``at`` (its leading space) goes on the name of the kind of body before it (see
    :data:`_KIND_NAMED_BY_WORK`) rather than opening a duty."""
    if folded.find("tham", max(0, at - 12), at + 40) == -1 and folded.find("cung", max(0, at - 12), at + 40) == -1:
        return False  # neither word the pattern needs in the spans it is searched in: its scans are spared
    for back in (0, 12):  # the verb itself, or "giúp việc" within "tham mưu, giúp việc"
        work = _KIND_NAMED_BY_WORK.search(folded, max(0, at - back), at + 40)
        if work is not None and work.start() <= at < work.end() and _KIND_BEFORE.search(folded[max(0, work.start() - 40) : work.start()]):
            return True
    return False


# "Đề nghị Tổng Liên đoàn Lao động Việt Nam …", "Giao Sở Y tế …": the verb that addresses the doer.
_ADDRESS = _Words(r"^(?:đề\s+nghị|giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu\s+cầu)\s+", r"^(?:de\s+nghi|giao(?:\s+(?:nhiem\s+vu|trach\s+nhiem))?(?:\s+cho)?|yeu\s+cau)\s+")
# Members named beside bodies ("…, đại biểu Quốc hội, đại biểu Hội đồng nhân dân"), not bodies themselves.
_MEMBERS = _Words(
    r"^(?:các\s+)?(?:đại\s+biểu|thành\s+viên|cơ\s+quan|chính\s+quyền)\s", r"^(?:cac\s+)?(?:dai\s+bieu|thanh\s+vien|co\s+quan|chinh\s+quyen)\s"
)
# "tổ chức đảng", "tổ chức chính trị - xã hội", "tổ chức thành viên": kinds of body, not the verb "tổ chức" (folded).
_PARTY_KIND = re.compile(r"\s+to\s+chuc\s+(?:co\s+so\s+)?(?:dang|chinh\s+tri|thanh\s+vien)(?![a-z])")
_PARTS = re.compile(r"\s*,\s*|\s+và\s+")


# "Các Công ty Lâm nghiệp, Vườn quốc gia Bạch Mã": a capitalised word after a comma opens a body split_units does not
# know; a plural of kinds that opens the subject holds none ("Các cơ quan, đơn vị").
def _capital_after_comma(name: str) -> bool:
    return any(part.strip()[:1].isupper() for part in name.split(",")[1:])


def subject_leads(tasks: list[Task], apply: Apply) -> None:
    """Give the bodies that open an unassigned item's sentence as its lead."""
    for task in tasks:
        if task.node is None or task.lead or not task.title:
            continue
        address = _ADDRESS.match(task.title)
        title = task.title[address.end() :] if address else task.title
        if title[:1].isalpha() and no_head_opens(title) is not None:
            continue  # every subject opens with the title's first word, which opens no body's name (the first must)
        # The verb may also end a body's name ("Ban Tổ chức Tỉnh ủy tổ chức …"): try each in turn.
        folded = fold_same_length(title).lower()
        for verb in _ACTION.finditer(folded, 0, 320):
            if folded[: verb.start()].rstrip().endswith(("cac", "nhung")):  # (?:cac|nhung)\s*$, without a scan
                continue  # "… và các tổ chức thành viên": a noun after "các", not the verb
            if folded[: verb.start()].endswith(",") and _PARTY_KIND.match(folded, verb.start()):
                continue  # "…, các cấp uỷ, tổ chức đảng lãnh đạo …": a kind of body the list of doers goes on with
            if kind_named_by_work(folded, verb.start()):
                continue  # "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy": what the kind does is part of its name
            if title[verb.start() + 1 : verb.start() + 2].isupper():
                continue  # "Công ty Cổ phần Xây dựng …": a capitalised word goes on a name, it opens no duty
            subject = title[: verb.start()]
            if _head_match(subject, AGENCY_HEADS):
                subject = _GIVEN.sub("", subject)  # "Sở Nội vụ được giao chủ trì …" ("các cơ quan được giao …" is a kind)
            for names in (split_units(subject), [p.strip() for p in _PARTS.split(subject) if p.strip()]):
                # A plural of kinds may open the subject too ("Các cơ quan, đơn vị khẩn trương …"): the doers, named by kind.
                if names and all((_head_match(n, AGENCY_HEADS) or _MEMBERS.match(n) or (k > 0 and _GENERIC_START.match(n)) or (k == 0 and _generic_bodies(n)))
                                 and 2 <= len(n.split()) <= 16 for k, n in enumerate(names)) and (
                    _head_match(names[0], AGENCY_HEADS) or (_generic_bodies(names[0]) and not subject.rstrip().endswith(",")
                                                            and not _capital_after_comma(names[0]))
                ):
                    apply(task, "lead", names)
                    break
            if task.lead:
                break


_DUTY_OF = _Words(
    r"^(?:(?:thẩm\s+quyền|quyền\s+hạn)\s+và\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+và\s+quyền\s+hạn)?\s+của\s+",
    r"^(?:(?:tham\s+quyen|quyen\s+han)\s+va\s+)?(?:trach\s+nhiem|nhiem\s+vu)(?:\s+va\s+quyen\s+han)?\s+cua\s+",
)
# "Các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp": a kind of body after the first name, in lower case.
# A decree binds suppliers, investors and contractors beside bodies ("Trách nhiệm của Nhà cung cấp eContract").
_BODY_NOUN = _Words(
    r"^(?:cơ\s+sở|cơ\s+quan|tổ\s+chức|đơn\s+vị|doanh\s+nghiệp|trường|hội|đoàn\s+thể|nhà\s+(?:cung\s+cấp|đầu\s+tư|thầu))\s",
    r"^(?:co\s+so|co\s+quan|to\s+chuc|don\s+vi|doanh\s+nghiep|truong|hoi|doan\s+the|nha\s+(?:cung\s+cap|dau\s+tu|thau))\s",
)
# A law binds persons too: an article "Trách nhiệm của người sử dụng lao động" (of a decree or circular) names the
# party that bears its duties, whatever kind of party ("người …", "chủ …", "bên …", "cá nhân …", "hộ gia đình …").
_PARTY = _Words(
    r"^(?:người|chủ|bên|cá\s+nhân|hộ\s+gia\s+đình)\s",
    r"^(?:nguoi|chu|ben|ca\s+nhan|ho\s+gia\s+dinh)\s",
)
_GENERIC_START = re.compile(r"^(?:c[áa]c|to[àa]n\s+th[ểe])\s", re.IGNORECASE)  # "cac", "toan the" without marks too
# What "các …" / "toàn thể …" must name to be bodies: "2. Các hoạt động chính" names work, not doers.
_GENERIC_BODY = re.compile(r"^(?:cac|toan\s+the)\s+(?:" + BODY_KINDS + "|" + OFFICE_HOLDERS + r")(?![a-z])")


def _generic_bodies(name: str) -> bool:
    return bool(_GENERIC_START.match(name)) and bool(_GENERIC_BODY.match(fold_same_length(name).lower()))


def addressee_leads(tasks: list[Task], apply: Apply, doc: Doc | None = None) -> None:
    """An item whose heading is only the bodies it addresses ("2. Bảo hiểm xã hội tỉnh", "1. Các sở, ban, ngành:")
    and that lists their duties below: those bodies lead it (the duties below take them too)."""
    for task in tasks:
        if task.node is None or task.lead or not task.title:
            continue
        node = task.node
        addressed = task.title.strip().endswith(":") or (
            doc is not None and doc.clean[node.head_start : node.head_end].rstrip(" *_").endswith(":")
        )
        title = task.title.strip().rstrip(":").strip()
        # "7. Trách nhiệm của các sở, ban, ngành, UBND các xã", "Điều 24. Thẩm quyền và trách nhiệm của Bộ Nội vụ".
        duty_of = _DUTY_OF.match(title)
        title = title[duty_of.end() :].strip(" ,") if duty_of else title
        if len(title.split()) > 32 or re.search(r"[.;!?]", title):
            continue
        names = split_units(title)
        # After "Trách nhiệm của" the heading can only name bodies, however long their description
        # ("… các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến …").
        most = 20 if duty_of else 12
        # "6. Cơ quan chủ quản Chương trình:", "Trách nhiệm của cơ quan Trung ương …": a kind of body opens the heading
        # only where the heading says it addresses it (a colon, or "trách nhiệm của").
        # … or where the heading stands alone over its own duties among the duties of the text ("6. Cơ sở giáo dục có
        # học sinh hưởng chính sách" then "a) Chịu trách nhiệm lập …" in a "Tổ chức thực hiện" article).
        heads_duties = node.parent is not None and node.parent.style == "duties" and any(c.numbered for c in node.children)
        kind_first = addressed or duty_of is not None or heads_duties
        party = duty_of is not None and node.style == "article"
        if names and all((_head_match(n, AGENCY_HEADS) or _generic_bodies(n) or ((k > 0 or kind_first) and _BODY_NOUN.match(n))
                          or (party and _PARTY.match(n)))
                         and len(n.split()) <= most for k, n in enumerate(names)):
            # A verb in lower case makes it a duty ("Sở Y tế tổ chức …"); capitalised, it is a name ("Sở Xây dựng").
            folded = fold_same_length(title).lower()
            if duty_of is None and any(title[m.start() + 1 : m.start() + 2].islower() and not re.search(r"(?:cac|nhung)\s*$", folded[: m.start()])
                                       for m in _ACTION.finditer(folded)):
                continue
            apply(task, "lead", names)
