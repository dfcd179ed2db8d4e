"""The duties of documents without a tasks part: directives, resolutions, letters and legal texts in articles.

A directive or letter lists its duties as numbered points after a lead-in ("Thủ tướng Chính phủ yêu cầu:");
a resolution or decree written in articles hands them out in its "Tổ chức thực hiện" article or chapter.
Those items are gathered under an unnumbered section of kind "tasks" so that :mod:`tasks` reads them.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.duty_lead_in import colon_before_points, reports_results
from ansinh.documents.parsing.part_kinds import is_report, sets_or_proposes
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.unit_names import _head_match
from ansinh.documents.parsing.vocab import AGENCY_HEADS


def mark_duties(doc: Doc, root: Node) -> None:
    """Gather the duties of a directive, letter or legal text under a section of kind "tasks" (in place)."""
    _mark_directive_duties(doc, root)
    _mark_legal_duties(doc, root)
    _mark_plan_body(doc, root)


# "KẾ HOẠCH" / "CHƯƠNG TRÌNH" alone on its line near the top: the document is a plan (Decree 30/2020, Annex I).
_OPENING_KINDS = frozenset({"purpose", "objectives", "viewpoint", "vision", "situation"})
_CLOSING_KINDS = frozenset({"organization", "funding", "reporting", "assignment"})


def _mark_plan_body(doc: Doc, root: Node) -> None:
    """A plan whose parts name their domains, not the work ("II. CÔNG TÁC TUYÊN TRUYỀN", "III. CÔNG TÁC KIỂM TRA"):
    Decree 30/2020 builds a plan, a directive or a conclusion notice as its opening parts (purpose, objectives, the
    situation), then the work, then its organisation, so the unnamed top parts between the opening parts and the
    closing ones are its tasks parts. With no opening part, the unnamed part right before the closing one is.
    A heading inside such a part that names work ("2.1. Giải pháp chung") does not make it a tasks part of its own."""
    if is_report(doc):
        return
    body: list[Node] = []
    # The parts of the text, and those of a lettered part holding roman ones ("B. ĐỊNH HƯỚNG …": I., II., III.);
    # a legal text's chapters are not parts of a plan (a decision's articles before the plan it approves are passed).
    for host in [root, *(c for c in root.children if c.style == "upper")]:
        parts = [c for c in host.children if c.style in ("roman", "upper")]
        if not any(_is_chapter(c) for c in parts):
            body += _body_parts(doc, parts)
    if not body:
        return
    inside = {id(n) for part in body for n in part.walk()}
    if any(n.kind == "tasks" and id(n) not in inside for n in root.walk()[1:] if _has_tasks_part([n])):
        return
    for part in body:
        part.kind = "tasks"
        for node in part.walk()[1:]:
            if node.kind == "tasks":
                node.kind = None


def _body_parts(doc: Doc, parts: list[Node]) -> list[Node]:
    """The unnamed parts between the opening parts and the closing ones (or the one right before the closing part)."""
    opened = False
    body: list[Node] = []
    last: Node | None = None
    for part in parts:
        if part.kind in _OPENING_KINDS:
            opened = True
        elif part.kind in _CLOSING_KINDS:
            if not opened and not body and last is not None:
                body.append(last)  # "II. …" right before "III. TỔ CHỨC THỰC HIỆN"
            break
        elif part.kind is None and part.title and any(c.numbered for c in part.children):
            if sets_or_proposes(_folded_title(doc, part)):
                last = None
            elif opened:
                body.append(part)
            else:
                last = part
    return body


# A directive, resolution or dispatch: its numbered duties are its tasks part ("Thủ tướng Chính phủ yêu cầu:").
# A letter (công văn) says what it is about on a "V/v …" line; its numbered points are duties too.
# A letter's "Kính gửi:" line says the same when its "V/v" line was lost (a header table read apart).
# A conclusion notice (thông báo kết luận) names its kind on the line after "THÔNG BÁO": "Kết luận của đồng chí …",
# "Ý kiến kết luận của Chủ tịch …", "Kết luận của Ban Thường vụ …".
_DIRECTIVE_TYPE = re.compile(
    r"(?m)^[ \t]*(?:(?:chi thi|nghi quyet|cong dien|ket luan|thong bao ket luan)[ \t]*$|v/v[ \t]|ve viec[ \t]|kinh gui[ \t]*:"
    r"|thong bao[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:y kien )?(?:ket luan|chi dao)(?![a-z]))"
)
# "… kết luận và chỉ đạo như sau:", "Sở Nội vụ hướng dẫn … như sau:": the sentence that opens a letter's or a
# conclusion's numbered points, whatever verb it uses ("như sau" closes it).
_DUTY_LEAD_IN = re.compile(
    r"(?m)(?:yeu cau|chi thi|de nghi|quyet nghi|giao|(?:nhiem vu|noi dung|giai phap|bien phap|viec|cong viec)"
    r"(?: [a-z]+){0,2} (?:sau|sau day|duoi day)|nhu sau)[ \t]*:[ \t]*$"
    # The enacting word of a resolution alone on its line, as Party resolutions write it without the colon
    # (Decree 30/2020 writes "QUYẾT NGHỊ:"): the points after it are what the body resolves.
    r"|^[ \t]*quyet nghi[ \t]*$"
)
_NOT_DUTIES = frozenset({"organization", "reporting", "funding", "assignment", "purpose", "situation"})


def _mark_directive_duties(doc: Doc, root: Node) -> None:
    """Read the numbered duties of a directive or resolution without a tasks part as its tasks.

    Only when no heading names a tasks part, the document's type line is a directive, resolution,
    dispatch or conclusion, and a lead-in sentence ("… yêu cầu:") opens the duties. The duties are
    gathered under an unnumbered section of kind "tasks"; a short heading such as "Tổ chức thực hiện"
    ends them.
    """
    nodes = root.walk()[1:]
    if _has_tasks_part(nodes) or not _DIRECTIVE_TYPE.search(doc.folded, 0, 4000) or is_report(doc):
        return  # a report's numbered points describe what was done ("Kính gửi:" heads it as it heads a letter)
    if any(n.style == "article" for n in root.children):
        # Written in articles: its duties are those of its "Tổ chức thực hiện" article (_mark_legal_duties), or the
        # numbered clauses before "Điều 2" when the heading of "Điều 1" was lost (a scan's OCR).
        _mark_headless_first_article(root)
        return
    # The earlier of a known lead-in and the colon before the first points: a lead-in found only inside a point
    # ("2. … thực hiện tốt một số nhiệm vụ sau:") must not hide the points before it.
    found = [m for m in (_DUTY_LEAD_IN.search(doc.folded), colon_before_points(doc, root)) if m is not None]
    lead_in = min(found, key=lambda m: m.start()) if found else None
    if lead_in is None:
        # No lead-in, but the numbered points each open with the body that acts ("1. Giao Sở Y tế …").
        if not names_its_doers(root):
            return
        lead_in = re.match(r"", doc.folded)
    if lead_in is None or reports_results(doc, lead_in.end()):
        return
    duties: list[Node] = []
    for node in root.children:
        if node.start < lead_in.end() or node.style in ("dash", "plus"):
            continue
        if (node.kind in _NOT_DUTIES and len(node.title.split()) <= 8 and not _opens_with_doer(node.title)) or node.style == "annex":
            # "Tổ chức thực hiện" ends the duties; so does a form annexed after the signature ("2. Bộ Tài chính bố trí
            # kinh phí" is a duty: it opens with the body that acts, not with the name of a part)
            break
        duties.append(node)
    if len(duties) < 2:
        return
    section = Node("duties", "", duties[0].start, duties[0].start, duties[0].start, "", depth=1, end=duties[-1].end,
                   kind="tasks", parent=root)
    at = root.children.index(duties[0])
    for node in duties:
        root.children.remove(node)
        node.parent = section
        if node.kind is not None:
            node.kind = None  # a duty's sentence, not a heading naming a part
    section.children = duties
    root.children.insert(at, section)


_ORGANIZING = re.compile(r"to chuc thuc hien(?![a-z])")
_NAMES_DUTIES = re.compile(r"(?<![a-z])(?:trach nhiem|nhiem vu)(?![a-z])")
# "Điều 5. Hội đồng nhân dân tỉnh giao", "Điều 3. Trách nhiệm tổ chức thực hiện": an article handing out the duties.
_DUTIES_ARTICLE = re.compile(r"(?:.* )?giao$|(?:trach nhiem|phan cong) (?:to chuc )?thuc hien$")


def _mark_legal_duties(doc: Doc, root: Node) -> None:
    """A resolution or decree written in articles, with no tasks part: the duties of its "Tổ chức thực hiện"
    article ("Điều 8. Tổ chức thực hiện: 1. Chính phủ …; 2. Bộ … là cơ quan đầu mối …") are its tasks.

    An article gives its numbered items; an item "4. Tổ chức thực hiện" inside an article is a task itself,
    its lettered duties under it.
    """
    nodes = root.walk()[1:]
    if _has_tasks_part(nodes) or not any(n.style == "article" for n in nodes):
        return
    if _mark_duties_chapter(doc, nodes) or _mark_duty_articles(doc, nodes):
        return
    candidates = [
        n for n in nodes if n.style in ("article", "num1") and n.children and (
            (n.kind == "organization" and _ORGANIZING.match(_folded_title(doc, n)))
            or (n.style == "article" and _DUTIES_ARTICLE.fullmatch(_folded_title(doc, n)))
        )
    ]
    # "4. Tổ chức thực hiện" inside "Điều 4. Tổ chức thực hiện và hiệu lực thi hành": the part named only that.
    exact = [n for n in candidates if len(n.title.split()) <= 4]
    # Failing those, an article whose items open with their doers, when its title names their duties ("Trách nhiệm
    # của các cơ quan") or each body is handed a lettered list ("1. Bộ Công an: a) …; b) …"). One sentence per body in
    # an article titled by its matter ("Xây dựng, vận hành Cơ sở dữ liệu …") regulates that matter, and a closing
    # "Trách nhiệm thi hành" names who applies the text: neither lists tasks.
    chosen = exact or candidates or [
        n for n in nodes if n.style == "article" and names_its_doers(n) and (
            any(g.numbered for c in n.children for g in c.children)
            or (_NAMES_DUTIES.search(_folded_title(doc, n)) is not None and "thi hanh" not in _folded_title(doc, n))
        )
    ]
    organizing = chosen[-1] if chosen else None
    if organizing is None:
        _mark_closing_duties(doc, nodes)
    if organizing is None or organizing.parent is None:
        return
    if organizing.style == "article":
        duties = [c for c in organizing.children if c.style not in ("dash", "plus")]
        host = organizing
    else:
        duties = [organizing]
        host = organizing.parent
    if not duties:
        return
    gather(host, duties, reset_kind=True)
    if organizing.style == "article":
        organizing.kind = None


# "4. Người sử dụng lao động có trách nhiệm rà soát …" in a closing "Hiệu lực và trách nhiệm thi hành" article: a duty
# given beside the formula "… chịu trách nhiệm thi hành Nghị định này" (which names who applies the text, no task).
# Only a duty stated as one ("có trách nhiệm"): "Bộ X chủ trì hướng dẫn, kiểm tra việc thực hiện Nghị định này" in that
# article is the text's guidance, read as part of the formula (fixture nghidinh-trogiup-2025).
_STATES_DUTY = re.compile(r"[^.;:\n]{0,160}?(?<![a-z])(?:co|chiu) trach nhiem(?! thi hanh)(?![a-z])")


def _mark_closing_duties(doc: Doc, nodes: list[Node]) -> None:
    """A legal text with no other duties: the clauses of its closing article on "trách nhiệm thi hành" that give a
    party a duty of its own are its tasks, each run of them gathered in its place."""
    closing = [n for n in nodes if n.style == "article" and n.children and "trach nhiem thi hanh" in _folded_title(doc, n)]
    if not closing:
        return
    runs: list[list[Node]] = []
    previous: Node | None = None
    for clause in closing[-1].children:
        if clause.style == "num1" and _STATES_DUTY.match(doc.folded, clause.head_start):
            if runs and previous is runs[-1][-1]:
                runs[-1].append(clause)
            else:
                runs.append([clause])
        previous = clause
    for run in runs:
        gather(closing[-1], run, reset_kind=True)


# The closing chapter of a decree that hands out the work: "TỔ CHỨC THI HÀNH", "THẨM QUYỀN VÀ TRÁCH NHIỆM",
# "TRÁCH NHIỆM QUẢN LÝ NHÀ NƯỚC" (not "QUYỀN, TRÁCH NHIỆM CỦA CÁC CƠ QUAN, TỔ CHỨC, CÁ NHÂN …": the parties' rights).
_DUTIES_CHAPTER = re.compile(
    r"(?:to chuc (?:thi hanh|thuc hien)|dieu khoan thi hanh|(?:(?:tham quyen|nhiem vu|quyen han),? (?:va )?)*trach nhiem)(?![a-z])"
)
# "Điều 24. Thẩm quyền và trách nhiệm của Bộ Nội vụ", "Điều 22. Trách nhiệm của Bộ Công an"; in that chapter also
# "Điều 19. Quyền và trách nhiệm của người sử dụng lao động" (its rights khoản gives no task: _mark_rights).
_DUTY_OF = re.compile(r"(?:(?:tham quyen|nhiem vu|quyen han),? (?:va )?)*trach nhiem cua (?=\S)")
_RIGHTS_AND_DUTY_OF = re.compile(r"quyen,? (?:va )?trach nhiem cua (?=\S)")
# "1. Người sử dụng lao động có các quyền sau đây:": a khoản that lists a party's rights, not its duties.
_RIGHTS_LEAD = re.compile(r"[^\n:]{0,120}(?<![a-z])co (?:cac |nhung )?quyen(?: sau(?: day)?)?[ \t]*:")


def _is_chapter(node: Node) -> bool:
    return node.style in ("roman", "upper") and any(c.style == "article" for c in node.children)


def _mark_duties_chapter(doc: Doc, nodes: list[Node]) -> bool:
    """The duties of a decree in chapters: in its closing chapter on who does what ("Chương IV. TỔ CHỨC THI HÀNH"),
    each article "Trách nhiệm của Bộ X" is a task (numbered by the article) and its clauses are X's duties ("22.1")."""
    for chapter in nodes:
        if not _is_chapter(chapter) or not _DUTIES_CHAPTER.match(_folded_title(doc, chapter)):
            continue
        duties = [c for c in chapter.children if c.style == "article" and c.title
                  and (_DUTY_OF.match(_folded_title(doc, c)) or _RIGHTS_AND_DUTY_OF.match(_folded_title(doc, c)))]
        if duties:
            for node in duties:
                if _RIGHTS_AND_DUTY_OF.match(_folded_title(doc, node)):
                    _mark_rights(doc, node)
            gather(chapter, duties)
            for node in duties:
                node.kind = None
            return True
    return False


def _mark_rights(doc: Doc, article: Node) -> None:
    """Mark the khoản listing a party's rights in its "Quyền và trách nhiệm của …" article (kind "rights"): only the
    khoản of its duties ("2. Người sử dụng lao động có trách nhiệm sau đây:") gives tasks."""
    for clause in article.children:
        if clause.style == "num1" and _RIGHTS_LEAD.match(doc.folded, clause.head_start):
            clause.kind = "rights"


# "Các cơ quan chủ quản cơ sở dữ liệu có trách nhiệm:" before an article's clauses: the clauses are that body's duties.
_DUTY_LEAD = re.compile(r"(?:co|chiu) (?:trach nhiem|nhiem vu)(?: [a-z ,]{0,40})?:\s*$")
_DUTY_VERB = re.compile(r"(?:co|chiu) trach nhiem|chu tri|co nhiem vu")


def _mark_duty_articles(doc: Doc, nodes: list[Node]) -> bool:
    """A resolution or decree whose duties sit in several articles: every article whose clauses are duties
    (after "X có trách nhiệm:", or clauses opening "Bộ X có trách nhiệm …") gives them as tasks "6.1", "7.1.a".
    One such article alone is left to the single-article reading below."""
    articles = [n for n in nodes if n.style == "article" and _duty_clauses(doc, n)]
    if len(articles) < 2:
        return False
    # Among them, an article one of whose clauses hands a body its duties ("1. Bộ Công an có trách nhiệm:") is one too,
    # whatever its other clauses say ("2. Nội dung phối hợp gồm: …").
    taken = {id(n) for n in articles}
    articles = [n for n in nodes if n.style == "article" and (id(n) in taken or _hands_duties(doc, n))]
    for article in articles:
        section = gather(article, [c for c in article.children if c.style not in ("dash", "plus")])
        section.label = article.label
    return True


# "Điều 7. Quy trình công nhận …", "Điều 18. Hồ sơ, trình tự, thủ tục cấp lại Giấy phép": an article laying down a
# procedure, each clause a step naming who takes it ("Cá nhân lập bản khai …", "Sở X trong thời hạn 10 ngày … có trách
# nhiệm …"); the steps regulate, they hand out no work (that is the closing "Tổ chức thực hiện" article's).
_PROCEDURE = re.compile(r"(?:(?:ho so|thanh phan ho so),? )?(?:quy trinh|trinh tu|thu tuc)(?![a-z])")


def _hands_duties(doc: Doc, article: Node) -> bool:
    return not _PROCEDURE.match(_folded_title(doc, article)) and any(
        c.style == "num1" and c.title and _opens_with_doer(c.title)
        and _DUTY_LEAD.search(doc.folded, c.head_start, _line_end(doc, c.head_end, c.body_end)) is not None for c in article.children)


def _line_end(doc: Doc, at: int, limit: int) -> int:
    end = doc.folded.find("\n", at, limit)
    return limit if end < 0 else end


def _duty_clauses(doc: Doc, article: Node) -> bool:
    clauses = [c for c in article.children if c.style == "num1" and c.title]
    if not clauses or _PROCEDURE.match(_folded_title(doc, article)):
        return False
    if _DUTY_LEAD.search(doc.folded, article.head_end, clauses[0].start):
        return True
    doers = sum(1 for c in clauses if _opens_with_doer(c.title) and _DUTY_VERB.search(doc.folded, c.head_start, c.head_start + 160))
    return len(clauses) >= 2 and doers * 5 >= len(clauses) * 3


def gather(host: Node, duties: list[Node], reset_kind: bool = False, style: str | None = None) -> Node:
    """Put ``duties`` (consecutive children of ``host``) under a new unnumbered section of kind "tasks" in their
    place; ``reset_kind`` lets each take the section's kind, ``style`` re-reads each as that outline level."""
    section = Node("duties", "", duties[0].start, duties[0].start, duties[0].start, "", depth=host.depth + 1,
                   end=duties[-1].end, kind="tasks", parent=host)
    at = host.children.index(duties[0])
    for node in duties:
        host.children.remove(node)
        node.parent = section
        if reset_kind:
            node.kind = None
        if style is not None:
            node.style = style
    section.children = duties
    host.children.insert(at, section)
    return section


def _opens_with_doer(title: str) -> bool:
    folded = fold_same_length(title).lower()
    address = re.match(r"(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+", folded)
    rest = title[address.end() :] if address else title
    return bool(_head_match(rest, AGENCY_HEADS) or _head_match(re.sub(r"^(?:C[áa]c|Nh[ữu]ng)\s+", "", rest), AGENCY_HEADS))


def names_its_doers(node: Node) -> bool:
    """Whether most of ``node``'s numbered items (two or more) open with the body that acts: "Bộ Công an",
    "Giao Sở Y tế …", "Ủy ban nhân dân các cấp có trách nhiệm" (the duties article of a decree, the points of a letter)."""
    items = [c for c in node.children if c.style == "num1" and c.title]
    if len(items) < 2:
        return False
    doers = sum(1 for item in items if _opens_with_doer(item.title))
    return doers * 5 >= len(items) * 3


def _mark_headless_first_article(root: Node) -> None:
    """"QUYẾT NGHỊ:" then "1. Đồng ý …", "2. Giao Bộ … chủ trì …", "3. Giao Ủy ban nhân dân …: a) …", then "Điều 2.":
    the clauses of a first article whose heading OCR lost, read as its duties when most open with their doer and one
    hands a body a list of its own (the test ``_mark_legal_duties`` applies to an article)."""
    first = next(i for i, n in enumerate(root.children) if n.style == "article")
    run: list[Node] = []
    for node in reversed(root.children[:first]):
        if node.style != "num1":
            break
        run.insert(0, node)
    if len(run) < 2:
        return
    doers = sum(1 for item in run if item.title and _opens_with_doer(item.title))
    if doers * 5 >= len(run) * 3 and any(g.numbered for c in run for g in c.children):
        gather(root, run, reset_kind=True)


def _has_tasks_part(nodes: list[Node]) -> bool:
    """Whether a heading names a tasks part (a lettered "a) Nội dung: …" of a spending article does not, unless it holds items)."""
    return any(n.kind == "tasks" and (n.style not in ("lower", "paren-lower") or any(c.numbered for c in n.children))
               for n in nodes)


def _folded_title(doc: Doc, node: Node) -> str:
    return " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split())
