"""Items given their lead and partners from the clauses of their duty text (read by :mod:`clause_units`).

Where a duty opens — the item's heading, its first paragraph, its first dash line — a clause names who acts and with
whom ("Sở Y tế chủ trì, phối hợp với Sở Tài chính …"); later sentences of the item may name more partners of the same
doer ("… Khẩn trương phối hợp với Bộ Xây dựng …") or address more doers ("Giao Sở X có trách nhiệm …").
"""

from __future__ import annotations

import re

from ansinh.documents.parsing import partner_clauses as pc
from ansinh.documents.parsing.clause_units import (
    PARTNERS,
    bodies_only,
    first_sentence,
    partners_end,
    read_clause,
)
from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.responsibilities import Apply
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import _head_match, name_key, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS

# "… và phối hợp (chặt chẽ) với Y …" later in the sentence that named the doer.
_AND_WITH = re.compile(r"(?:,\s*|\s)va\s+phoi\s+hop\s+(?:chat\s+che\s+)?voi\s+")


def _openings(doc: Doc, node: Node) -> list[tuple[str, str]]:
    """Where a duty opens in ``node``: its heading, then its first dash line."""
    body_end = node.children[0].start if node.children else node.end
    out = [first_sentence(doc, node.head_start, body_end)]
    # "2. Trao quà" then a paragraph "Đối với … thì Đoàn Thanh niên có trách nhiệm …": the body's first sentence too.
    if node.head_end < body_end and doc.clean[node.head_end : body_end].strip():
        out.append(first_sentence(doc, node.head_end, body_end))
    for child in node.children:
        if child.style not in ("dash", "plus"):
            break
        out.append(first_sentence(doc, child.head_start, child.children[0].start if child.children else child.end))
    return [(squeeze(c), " ".join(f.split())) for c, f in out]


def _dash_lines(node: Node) -> int:
    """How many dash (or plus) lines open ``node``'s sub-items, those :func:`_openings` reads last."""
    count = 0
    for child in node.children:
        if child.style not in ("dash", "plus"):
            break
        count += 1
    return count


def _dash_doers(task: Task, openings: list[tuple[str, str]], dashes: int, apply: Apply) -> None:
    """When the item's first dash line names one of its doers, each dash line after it may name another ("- Ban Quản lý
    Khu kinh tế chủ trì …", "- Ủy ban nhân dân cấp xã: …", "- Sở Công Thương chủ trì …"): the item's work shared among
    its doers, each of whom leads it."""
    if dashes < 2 or not task.lead:
        return
    first = len(openings) - dashes
    readings = [read_clause(c, f) if len(c) == len(f) else None for c, f in openings[first:]]
    if readings[0] is None or not _same(readings[0][0], task.lead):
        return
    stated = bool(task.coordinate)  # partners the item already has (a label, a table, its first line): none added
    for (clean, folded), found in zip(openings[first + 1 :], readings[1:], strict=True):
        if found is not None:
            apply(task, "lead", found[0])
            if stated:
                continue
            # "- Ủy ban nhân dân cấp xã: đầu tư …; Chủ trì, phối hợp với các sở, ngành …": that doer's partners.
            own = pc.own_partners_at(clean, folded) if not found[1] else None
            partners = found[1] or (bodies_only(clean[own : partners_end(clean, folded, own)], generic_first=True) if own else [])
            apply(task, "coordinate", pc.drop_asides(partners))


def clause_leads(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Fill the lead (and partners) of items nothing else assigned, from the clause that opens their duty;
    give partners to an item whose lead is known when its opening clause names them ("chủ trì, phối hợp với …")."""
    for task in tasks:
        node = task.node
        if node is None:
            continue
        openings = _openings(doc, node)
        stated = bool(task.coordinate)  # partners a label or a table gave: no clause adds to them
        for index, (clean, folded) in enumerate(openings):
            if len(clean) != len(folded):
                continue
            # The doer may be known only from the heading above ("2. Bộ Tài chính:" over "b) …, chủ trì, phối hợp với …").
            doer_known = bool(task.lead) or (task.parent is not None and bool(task.parent.lead))
            # Each dash line of the item may open with its own "Chủ trì, phối hợp với …": the partners of every one of
            # the item's duties ("- Chủ trì, phối hợp với Bộ Tài chính …" / "- Chủ trì phối hợp với các bộ, ngành …").
            if doer_known and (not task.coordinate or (not stated and index > 0)):
                # "- Chủ trì, phối hợp với …" under an item headed by its body, or "…; chủ trì, phối hợp với …" in its sentence.
                # "…, chủ trì, phối hợp với …" anywhere in the sentence: "chủ trì" says the item's own doer acts with them.
                for clause in re.finditer(r"(?:^|;\s*|:\s*|(?<![a-z])(?=chu\s+tri\s*,?\s*(?:va\s+)?phoi\s+hop))(?=(?:chu\s+tri\s*,?\s*(?:va\s+)?)?phoi\s+hop)", folded):
                    m = PARTNERS.match(folded, clause.end())
                    # After a colon the doer's duty begins ("X chỉ đạo lực lượng Y: Phối hợp với Z …").
                    if m is None or (clause.start() > 0 and folded[clause.start()] != ":" and not folded.startswith("chu", clause.end())):
                        continue
                    if task.coordinate and not folded.startswith("chu", clause.end()):
                        continue  # a later line's bare "Phối hợp với …" is read by ``own_partners``, not here
                    partners = pc.drop_asides(bodies_only(clean[m.end() : partners_end(clean, folded, m.end())], generic_first=True))
                    if partners:
                        apply(task, "coordinate", partners)
                        break
                own = pc.own_partners_at(clean, folded) if not task.coordinate else None
                if own is not None and (partners := bodies_only(clean[own : partners_end(clean, folded, own)], generic_first=True)):
                    apply(task, "coordinate", pc.drop_asides(partners))
            if task.lead:
                if index > 2:
                    continue  # only the heading, its paragraph and the first dash line say who leads
                found = read_clause(clean, folded) if not task.coordinate else None  # read only to give partners
                if found is not None and not task.coordinate and _same(found[0], task.lead):
                    apply(task, "coordinate", found[1] or _also_with(clean, folded))
                if index == 0 and not task.coordinate:
                    apply(task, "coordinate", _subject_with(clean, folded, task.lead))
                continue
            found = read_clause(clean, folded) if index <= 2 else None
            if found is None:
                continue
            lead, partners = found
            apply(task, "lead", lead)
            if partners and not task.coordinate:
                apply(task, "coordinate", partners)
            elif lead and not task.coordinate:
                apply(task, "coordinate", _also_with(clean, folded))
            break
        if not task.lead:
            _closing_aside(doc, task, apply)
        _dash_doers(task, openings, _dash_lines(node), apply)
        if not task.coordinate and (task.lead or (task.parent is not None and task.parent.lead)):
            apply(task, "coordinate", _later_sentence_partners(doc, node))
        _addressed_paragraphs(doc, task, apply)


# A sentence with no subject of its own that opens with the doer's partners: "Khẩn trương phối hợp với Bộ Xây dựng …",
# "Chủ trì, phối hợp với các sở, ngành …" (adverbs of manner may come first: "Chủ động, tích cực, phối hợp …").
_SUBJECTLESS_WITH = re.compile(
    r"(?:(?:khan\s+truong|chu\s+dong|tich\s+cuc|kip\s+thoi|dong\s+thoi)\s*,?\s+)*(?:chu\s+tri\s*,?\s*(?:va\s+)?)?"
    r"phoi\s+hop\s+(?:chat\s+che\s+)?voi\s+"
)


# An aside that closes an item's own paragraph and hands the item over: "1. Kiểm tra việc … . (Giao Ban Xây dựng Đảng
# chủ trì, tham mưu trong quý II/2026).", "(Ủy ban Kiểm tra chủ trì, phối hợp với Văn phòng)". A programme of
# inspections or a list of works names each item's doer so, after its content.
_CLOSING_ASIDE = re.compile(r"\(([^()]{6,400})\)[ \t.;,]*(?:\n|$)")
_ASIDE_ROLE = re.compile(r"(?<![a-z])(?:chu\s+tri|phu\s+trach|thuc\s+hien|tham\s+muu)(?![a-z])")


def _closing_aside(doc: Doc, task: Task, apply: Apply) -> None:
    """Lead and partners of an item nothing else assigned, from the aside that closes its own paragraph."""
    node = task.node
    if node is None:
        return
    end = node.children[0].start if node.children else node.end
    # The first aside that ends a line and names a role: lines after it may be a heading the outline did not mark.
    m = next((a for a in _CLOSING_ASIDE.finditer(doc.folded, node.head_start, end) if _ASIDE_ROLE.search(a.group(1))), None)
    if m is None:
        return
    clean, folded = squeeze(doc.clean[m.start(1) : m.end(1)]), " ".join(m.group(1).split())
    found = read_clause(clean, folded) if len(clean) == len(folded) else None
    if found is None or not found[0]:
        return
    apply(task, "lead", found[0])
    if found[1] and not task.coordinate:
        apply(task, "coordinate", found[1])


# The same sentence with the bodies straight after "phối hợp" (no "với"): "Phối hợp các lực lượng Công an, Hải quan …".
_SUBJECTLESS_BARE_WITH = re.compile(r"(?:(?:khan\s+truong|chu\s+dong|tich\s+cuc|kip\s+thoi|dong\s+thoi)\s*,?\s+)*phoi\s+hop\s+(?!voi)")


def _later_sentence_partners(doc: Doc, node: Node) -> list[str]:
    """The partners a later sentence of the item's own paragraph names when it has no subject of its own: the sentence
    goes on with the item's doer ("3. Sở X: Chỉ đạo …. Chủ trì, phối hợp với Y rà soát …")."""
    end = node.children[0].start if node.children else node.end
    for stop in re.finditer(r"\.[ \t]+(?=[A-ZĐÀ-Ỹ])", doc.clean[node.head_start : end]):
        at = node.head_start + stop.end()
        m = _SUBJECTLESS_WITH.match(doc.folded, at, end)
        if m is None:
            m = _SUBJECTLESS_BARE_WITH.match(doc.folded, at, end)  # "Phối hợp các lực lượng Công an, Hải quan …"
            if m is None or not (doc.clean[m.end() : m.end() + 1].isupper() or doc.folded.startswith("cac ", m.end())):
                continue
        clean, folded = doc.clean[m.end() : end], doc.folded[m.end() : end]
        partners = pc.drop_asides(bodies_only(squeeze(clean[: partners_end(clean, folded, 0)]), generic_first=True))
        if partners:
            return partners
    return []


def _also_with(clean: str, folded: str) -> list[str]:
    """"Giao X theo dõi, đôn đốc … và phối hợp với Y tổng hợp …": in the sentence that names the doer, X works with Y."""
    with_also = _AND_WITH.search(folded)
    if with_also is None:
        own = pc.own_partners_at(clean, folded)  # "…; đồng thời, phối hợp với Y …"
        return [] if own is None else bodies_only(clean[own : partners_end(clean, folded, own)], generic_first=True)
    return bodies_only(clean[with_also.end() : partners_end(clean, folded, with_also.end())], generic_first=False)


# "Sở Tài chính phối hợp với Sở Xây dựng, … tham mưu …": the item's doer, then the bodies it works with.
_SUBJECT_WITH = re.compile(r"\s+phoi\s+hop\s+(?:chat\s+che\s+)?voi\s+")


def _subject_with(clean: str, folded: str, lead: list[str]) -> list[str]:
    """The partners named right after the item's lead when its sentence opens with that lead and "phối hợp với"."""
    m = _SUBJECT_WITH.search(folded, 0, 240)
    if m is None:
        return []
    address = re.match(r"(?:de\s+nghi|giao|yeu\s+cau)\s+", folded)  # "Đề nghị Sở X phối hợp với …"
    # "Các Bộ, …, căn cứ chức năng, nhiệm vụ, phối hợp với …": the aside on the doer's remit is no name.
    aside = re.search(r"(?:,\s*|\s)(?:can\s+cu|theo\s+chuc\s+nang|trong\s+pham\s+vi)", folded[: m.start()])
    subject = split_units(clean[address.end() if address else 0 : aside.start() if aside else m.start()])
    keys = {name_key(x) for x in lead}
    if not subject or any(name_key(x) not in keys for x in subject):
        return []  # another body opens the sentence, or words that are no name
    end = partners_end(clean, folded, m.end())
    adverb = _ADVERB_AFTER.search(folded, m.end(), end)  # "… Ban Dân tộc tỉnh kịp thời tham mưu …"
    return pc.drop_asides(bodies_only(clean[m.end() : adverb.start() if adverb else end], generic_first=True))


_ADVERB_AFTER = re.compile(r"\s(?:kip\s+thoi|chu\s+dong|tich\s+cuc|thuong\s+xuyen|khan\s+truong)(?![a-z])")


# A paragraph of an item that hands a duty to a body: "Đề nghị Nhà đầu tư …", "Giao Sở X có trách nhiệm …".
_ITEM_REF = re.compile(r"(?:diem|muc|tiet|khoan|noi\s+dung|nhiem\s+vu)\s+(?:[a-zđ]|\d+(?:\.\d+)*)(?![a-z0-9])")
_ANOTHER_DOER = re.compile(r"(?<=[.;])\s+(?=\S)")
_ADDRESSED_LINE = re.compile(r"^[ \t]*(?:giao(?:\s+(?:nhiem\s+vu|trach\s+nhiem))?(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+", re.MULTILINE)
# The same address opening a later sentence of the paragraph ("II- Thông qua Báo cáo …. Giao Ban Chấp hành … hoàn chỉnh
# …"): a resolution or a conclusion adopts a text, then hands the work on it to a body in the same paragraph.
_ADDRESSED_SENTENCE = re.compile(r"(?:^[ \t]*|(?<=\.)[ \t]+)(?:giao(?:\s+(?:nhiem\s+vu|trach\s+nhiem))?(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+", re.MULTILINE)
# The letter's closing charge, read into its last item: "Yêu cầu các sở, ngành … tổ chức thực hiện tốt các nội dung trên",
# "… triển khai thực hiện Công văn này": it points back at the whole text, it assigns no item.
_WHOLE_TEXT = re.compile(r"(?:cac\s+)?noi\s+dung\s+(?:neu\s+)?tren(?![a-z])|(?:van\s+ban|cong\s+van|ke\s+hoach|chi\s+thi|thong\s+bao)\s+nay(?![a-z])")


def _addressed_paragraphs(doc: Doc, task: Task, apply: Apply) -> None:
    """Each body a later paragraph of the item addresses leads it too (a conclusion's point: "Đề nghị Nhà đầu tư …",
    then "Giao Sở Nông nghiệp và Môi trường có trách nhiệm thẩm định …")."""
    node = task.node
    if node is None:
        return
    if not task.lead:
        # An item nothing has assigned yet, whose own paragraph hands it over ("1. Thông qua các dự thảo …:", its list,
        # then "Giao Bộ Chính trị căn cứ ý kiến thảo luận … để chỉ đạo …"): the bodies it addresses lead it.
        inside = [(c.node.start, c.node.end) for c in task.children if c.node is not None]
        for m in _ADDRESSED_SENTENCE.finditer(doc.folded, node.head_start, node.end):
            if any(a <= m.start() < b for a, b in inside) or (m.start() < node.head_end and not doc.folded.startswith(".", m.start() - 1)):
                continue  # the heading's own opening is read by clause_leads
            _sentence_roles(doc, task, m.start(), node.end, apply)
        if not task.lead:
            _later_subject(doc, task, inside, apply)
        return
    # Only a point with no sub-items: above sub-items such a paragraph hands out the sub-items ("Giao Sở X:").
    if not task.lead or task.children or node.children:
        return
    # "…; Sở Tài chính chịu trách nhiệm thẩm định dự toán …" later in the point: another doer of its duty.
    for m in _ANOTHER_DOER.finditer(doc.folded, node.head_start, node.end):
        clean, folded = first_sentence(doc, m.end(), node.end)
        cut = re.search(r";", folded)
        clean, folded = (clean[: cut.start()], folded[: cut.start()]) if cut else (clean, folded)
        clean, folded = squeeze(clean), " ".join(folded.split())
        if len(clean) != len(folded) or not re.search(r"(?:chiu|co)\s+trach\s+nhiem", folded):
            continue
        found = read_clause(clean, folded)
        if found is not None and found[0] and all(name[:1].isupper() for name in found[0]):
            apply(task, "lead", found[0])
    for m in _ADDRESSED_LINE.finditer(doc.folded, node.head_end, node.end):
        clean, folded = first_sentence(doc, m.start(), node.end)
        clean, folded = squeeze(clean), " ".join(folded.split())
        # "Giao X chủ trì nội dung tại điểm a": a closing paragraph that assigns the items by reference.
        if len(clean) != len(folded) or _ITEM_REF.search(folded) or _WHOLE_TEXT.search(folded):
            continue
        found = read_clause(clean, folded)
        if found is not None:
            apply(task, "lead", found[0])


# A later sentence of the item's own text: after a stop, before a capitalised word.
_SENTENCE_START = re.compile(r"(?<=\.)[ \t\n]+(?=[A-ZĐÀ-Ỹ])")


def _later_subject(doc: Doc, task: Task, inside: list[tuple[int, int]], apply: Apply) -> None:
    """An unassigned item whose later sentence opens with the bodies that act ("1. Về trung tâm dữ liệu: Thống nhất chủ
    trương …. Sở X hoàn thiện hồ sơ, trình …"): a conclusion adopts, then names who carries the work on."""
    node = task.node
    if node is None:
        return
    for m in _SENTENCE_START.finditer(doc.clean, node.head_start, node.end):
        at = m.end()
        if any(a <= at < b for a, b in inside) or not _head_match(doc.clean[at : at + 40], AGENCY_HEADS):
            continue
        if _sentence_roles(doc, task, at, node.end, apply):
            return


def _same(a: list[str], b: list[str]) -> bool:
    key = {name_key(x) for x in a}
    return any(name_key(y) in key for y in b)


def _sentence_roles(doc: Doc, task: Task, at: int, end: int, apply: Apply) -> bool:
    """Read the sentence opening at ``at`` as "X chủ trì, phối hợp với Y …" and put its doers on ``task`` (its partners
    only when the task has none); whether it named a doer. A sentence citing items or the whole text names none."""
    clean, folded = first_sentence(doc, at, end)
    clean, folded = squeeze(clean), " ".join(folded.split())
    if len(clean) != len(folded) or _ITEM_REF.search(folded) or _WHOLE_TEXT.search(folded):
        return False
    found = read_clause(clean, folded)
    if found is None or not found[0]:
        return False
    apply(task, "lead", found[0])
    if found[1] and not task.coordinate:
        apply(task, "coordinate", found[1])
    return True
