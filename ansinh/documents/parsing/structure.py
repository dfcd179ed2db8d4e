"""The outline of a plan: numbered headings and list items as a tree.

Decree 30/2020 documents number their parts ``I.``/``II.`` (sometimes ``I-``),
then ``1.``, ``1.1.``, ``a)``, ``-`` and ``+``. Styles are ranked by the
order in which they open inside one another, so a central programme that
uses ``A.``/``B.`` or ``Phần I`` above the roman numerals is read as well.
Lines of tab-separated tables are left to :mod:`tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing import outline_repairs as repairs
from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.outline_ocr_parts import misread_parts
from ansinh.documents.parsing.part_kinds import assign_kinds
from ansinh.lib.roman import roman_value, to_roman
from ansinh.lib.text import fold

_ROMAN = re.compile(r"^(?P<ind>[ \t]*)(?:(?:Ph[ầa]n|PH[ẦA]N|M[ụu]c|M[ỤU]C|Ch[ưu][ơo]ng|CH[ƯU][ƠO]NG)\s+)?(?P<m>[IVXl]{1,6}|1ll|Il1|H[Il1]|[Il1]H)\s*(?:[.\-–:)]|/(?=\s))\s*(?P<rest>\S.*)$")
# "Điều 8. Trách nhiệm thi hành": the articles of a legal document (Decree 30/2020, Annex I).
_ARTICLE = re.compile(r"^(?P<ind>[ \t]*[\u201c\"]?)(?:Điều|ĐIỀU|Dieu|DIEU)\s+(?P<m>\d{1,3})\s*[.:]\s*(?P<rest>\S.*)$")
# "Phần I" / "PHẦN THỨ HAI" / "Chương II" alone on its line, the part's title in capitals on the next line.
_PART_ALONE = re.compile(
    r"^[ \t]*(?:Ph[ầa]n|PH[ẦA]N|Ch[ưu][ơo]ng|CH[ƯU][ƠO]NG)\s+(?P<m>[IVX]{1,6}|\d{1,2}|(?i:th[ứu]\s+\w+))[ \t]*[.:]?[ \t]*$"
)
# "PHẦN THỨ HAI: NHIỆM VỤ, GIẢI PHÁP", "Chương 2. TỔ CHỨC THỰC HIỆN": a part numbered in words or digits, its title on the line.
_PART_INLINE = re.compile(
    r"^(?P<ind>[ \t]*)(?:Ph[ầa]n|PH[ẦA]N|Ch[ưu][ơo]ng|CH[ƯU][ƠO]NG)\s+(?P<m>\d{1,2}|(?i:th[ứu]\s+\w+))\s*[.:\-–]\s*(?P<rest>\S.*)$"
)
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_UPPER = re.compile(r"^(?P<ind>[ \t]*)(?P<m>[A-ZĐ])\s*[.)\-]\s+(?P<rest>\S.*)$")
# "1/ Các Cục Thuế …": letters (công văn) number their points with a slash.
_NUMBER = re.compile(r"^(?P<ind>[ \t]*)(?P<m>\d{1,2}(?:\.\d{1,2}){0,3})(?P<sep>\.?-(?=\s)|/(?=[ \t]+[^\W\d_])|[.)]?)(?P<sp>\s*)(?P<rest>\S.*)$")
# "Nhiệm vụ 1. …", "Chỉ tiêu 2: …", "Giải pháp 3 - …": items numbered after a word that names them.
_NAMED_ITEM = re.compile(
    r"^(?P<ind>[ \t]*)(?:Nhiệm vụ|NHIỆM VỤ|Nhiem vu|Giải pháp|GIẢI PHÁP|Giai phap|Chỉ tiêu|CHỈ TIÊU|Chi tieu|"
    r"Mục tiêu|Muc tieu|Hoạt động|Hoat dong|Nội dung|Noi dung)\s+(?P<m>\d{1,2})\s*[.:\-–)]\s*(?P<rest>\S.*)$"
)
# "Nhiệm vụ thứ nhất: …", "Giải pháp thứ hai. …" (also without diacritics, as OCR gives them).
_NAMED_ORDINAL = re.compile(
    r"^(?P<ind>[ \t]*)(?i:nhi[ệe]m\s+v[ụu]|gi[ảa]i\s+ph[áa]p|nh[óo]m\s+nhi[ệe]m\s+v[ụu])\s+(?i:th[ứu])\s+"
    r"(?P<m>(?i:nh[ấa]t|hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|t[áa]m|ch[íi]n|m[ưu][ờo]i))\s*[.:\-–)]\s*(?P<rest>\S.*)$"
)
# "Thứ nhất, các bộ, ngành …", "Thứ hai: …": a directive's points numbered in words. Not a weekday ("Thứ Hai, ngày 10/3"):
# the ordinal is written in lower case and no date follows.
_BARE_ORDINAL = re.compile(
    r"^(?P<ind>[ \t]*)(?:Thứ|THỨ|Thu|THU)\s+(?P<m>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|nhat|tu|nam|sau|bay|tam|chin|muoi)"
    r"\s*[,:.]\s*(?!(?:ngày|ngay)\b|\d)(?P<rest>\S.*)$"
)
# "(1) Lập …", and "(1). Lập …" with a full stop after the bracket (a segmenter's "( 1 ) ." cleaned to "(1)   .").
_PAREN = re.compile(r"^(?P<ind>[ \t]*)\((?P<m>\d{1,2}|[a-zđ])\)(?:[ \t]*\.(?=\s))?\s*(?P<rest>\S.*)$")
# "a/ …", "b/ …": local texts mark their points with a slash as they mark "1/" and "I/".
# "a)Cục Báo chí: …": a scan's OCR glues a bracket mark to the capital that opens its point.
_LOWER = re.compile(r"^(?P<ind>[ \t]*)(?P<m>[a-zđ])\s*(?:[.)/]\s+|\)(?=[A-ZĐỦƯ]))(?P<rest>\S.*)$")
# OCR reads some letters of "c)", "g)" as symbols: "©) Bộ Giao thông vận tải …", "¢) Tăng cường …", "ø) Chịu trách nhiệm …".
_OCR_LOWER = re.compile(r"^(?P<ind>[ \t]*)(?P<m>[©¢ø])\)\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
_OCR_LETTERS = {"©": "c", "¢": "c", "ø": "g"}
_DASH = re.compile(r"^(?P<ind>[ \t]*)(?P<m>[-–—•+])\s*(?P<rest>\S.*)$")
_END_OF_HEADING = re.compile(r"[.:!?]\s*$")
# A colon before a capital ends a heading, across a stamp mark OCR left between them ("1. C04: ® Chủ trì …").
_SENTENCE_END = re.compile(r"\.(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|!(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|\?(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|:(?=\s+(?:[®™°§¤@#]\s+)?[A-ZĐÀ-Ỹ])")


@dataclass
class Node:
    """A heading or list item and everything under it."""

    style: str
    label: str
    start: int
    head_start: int
    head_end: int
    title: str
    depth: int = 0
    end: int = 0
    kind: str | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def body_end(self) -> int:
        """End of the node's own text (before its first child)."""
        return self.children[0].start if self.children else self.end

    def ancestors(self) -> list[Node]:
        out: list[Node] = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def effective_kind(self) -> str | None:
        node: Node | None = self
        while node is not None:
            if node.kind is not None:
                return node.kind
            node = node.parent
        return None

    def walk(self) -> list[Node]:
        """This node and every node under it, in document order (pre-order), without recursion."""
        out: list[Node] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            if node.children:
                stack.extend(node.children[::-1])  # a reversed copy: faster than extending from reversed() (3x walk)
        return out

    @property
    def numbered(self) -> bool:
        return self.style not in ("dash", "plus", "root", "duties", "annex")


def _roman_value(token: str) -> int | None:
    """A part numeral's value, OCR's "l" and "1" read as "I" ("Il." is II)."""
    return roman_value(token.replace("l", "I").replace("1", "I"))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text[:80] if c.isalpha()]
    if len(letters) < 3:
        return False
    return sum(1 for c in letters if c.isupper()) / len(letters) >= 0.7


def _marker(line: str) -> tuple[str, str, int] | None:
    """(style, label, offset of the heading text) when ``line`` opens an item."""
    # Each pattern is tried only on a line whose first character (after spaces and tabs) can open it.
    first = line.lstrip(" \t")[:1]
    m = _ROMAN.match(line) if first in "PMCIVXl1H" else None
    # OCR reads the two strokes of "II" as "H" ("HI-" for "III-"; never "H." alone, a lettered part): before a capitalised heading.
    numeral = m.group("m").replace("H", "II") if m else ""
    # A part in sentence case, "II. Nhiệm vụ và giải pháp", "II- Nhiệm vụ …" as Party texts write it, or "II/ Nhiệm vụ …".
    sentence_case = "H" not in m.group("m") and "l" not in m.group("m") and m.group("rest")[0].isupper() if m else False
    if m and _roman_value(numeral) and (
        _mostly_upper(m.group("rest")) or (sentence_case and line.lstrip()[len(m.group("m"))] in ".-–/")
    ):
        return "roman", numeral.replace("l", "I").replace("1", "I"), m.start("rest")
    m = _PART_INLINE.match(line) if first in "PC" else None
    if m and _mostly_upper(m.group("rest")):
        words = fold(m.group("m")).split()
        value = _ORDINALS.get(words[1]) if len(words) == 2 else int(words[0]) if words[0].isdigit() else None
        if value:
            return "roman", to_roman(value), m.start("rest")
    m = _ARTICLE.match(line) if first in "\u201c\"ĐD" else None
    if m:
        return "article", m.group("m"), m.start("rest")
    m = _UPPER.match(line) if first.isupper() else None
    if m and _mostly_upper(m.group("rest")):
        return "upper", m.group("m"), m.start("rest")
    m = _NAMED_ITEM.match(line) if first in "NGCMH" else None
    if m:
        return "num1", m.group("m"), m.start("rest")
    m = (_NAMED_ORDINAL.match(line) if first in "NnGg" else None) or (_BARE_ORDINAL.match(line) if first == "T" else None)
    if m and (value := _ORDINALS.get(fold(m.group("m")))):
        return "num1", str(value), m.start("rest")
    m = _NUMBER.match(line) if first.isdigit() else None
    if m:
        label, sep, sp, rest = m.group("m"), m.group("sep"), m.group("sp"), m.group("rest")
        ok = bool(sep) or ("." in label and sp)
        if rest[0].isdigit():
            ok = ok and bool(sep) and bool(sp) and "." not in label
        elif not rest[0].isalpha() and rest[0] not in "\"“(":
            ok = False
        if ok and all(int(p) <= 60 for p in label.split(".")):
            return f"num{label.count('.') + 1}", label, m.start("rest")
    m = _PAREN.match(line) if first == "(" else None
    if m:
        return ("paren" if m.group("m").isdigit() else "paren-lower"), m.group("m"), m.start("rest")
    m = _LOWER.match(line) if first.islower() else None
    if m:
        return "lower", m.group("m"), m.start("rest")
    m = _OCR_LOWER.match(line) if first in "©¢ø" else None
    if m:
        return "lower", _OCR_LETTERS[m.group("m")], m.start("rest")
    m = _DASH.match(line) if first in "-–—•+" else None
    if m and not m.group("rest")[0].isdigit():
        inner = _PAREN.match(m.group("rest"))
        if inner and inner.group("m").isdigit():
            return "paren", inner.group("m"), m.start("rest") + inner.start("rest")
        return ("plus" if m.group("m") == "+" else "dash"), "", m.start("rest")
    return None


def _heading_extent(doc: Doc, lines: list[tuple[int, int]], index: int, head_start: int, markers: list[bool]) -> int:
    """End offset of a heading that may wrap over several lines."""
    end = lines[index][1]
    j = index + 1
    while j < len(lines):
        s, e = lines[j]
        text = doc.clean[s:e]
        if not text.strip():
            j += 1
            continue
        if markers[j] or "\t" in text or _END_OF_HEADING.search(doc.clean[head_start:end]):
            break
        first = text.strip()[0]
        # A line a PDF wrapped after a comma goes on the heading ("… thông báo cho các Bộ trưởng,\nChủ tịch Ủy ban …").
        wrapped = doc.clean[head_start:end].rstrip().endswith(",")
        if (first.isalpha() and first.islower()) or first.isdigit() or first in ",;(" or wrapped:
            end = e
            j += 1
            continue
        break
    return end


def heading_title(doc: Doc, head_start: int, head_end: int) -> tuple[str, int]:
    """The title of a heading (its first sentence) and the offset where it ends."""
    raw = doc.clean[head_start:head_end]
    m = _SENTENCE_END.search(raw)
    cut = m.start() if m else len(raw.rstrip())
    title = squeeze(raw[:cut]).rstrip(" .:;,")
    return title, head_start + cut


def parse_outline(doc: Doc) -> Node:
    """The outline tree of ``doc``; the root spans the whole text."""
    lines = doc.lines()
    root = Node("root", "", 0, 0, 0, "", depth=0, end=len(doc.text))
    infos: list[tuple[str, str, int] | None] = []
    for s, e in lines:
        text = doc.clean[s:e]
        # A tab inside the line separates table cells; a tab before the text only indents it ("\t4. Tổ chức …").
        infos.append(None if "\t" in text.lstrip() or not text.strip() else _marker(text))
    title_line: dict[int, int] = {}
    for i, info in enumerate(infos):
        if info is not None or "\t" in doc.clean[lines[i][0] : lines[i][1]]:
            continue
        part = _PART_ALONE.match(doc.clean[lines[i][0] : lines[i][1]])
        if part is None:
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if doc.clean[lines[k][0] : lines[k][1]].strip()), None)
        if j is None or infos[j] is not None or not _mostly_upper(doc.clean[lines[j][0] : lines[j][1]].strip()):
            continue
        numeral = part.group("m")
        ordinal = doc.folded[lines[i][0] + part.start("m") : lines[i][0] + part.end("m")].split()
        if len(ordinal) == 2:
            value: int | None = _ORDINALS.get(ordinal[1])
        else:
            value = _roman_value(numeral) if not numeral.isdigit() else int(numeral)
        if value:
            infos[i] = ("roman", to_roman(value), 0)
            title_line[i] = j
    misread_parts(doc, lines, infos)
    repairs.comma_numbers(doc, lines, infos)  # before the wrapped numbers: "11; …" read, "12." after it is no wrap
    repairs.lost_sub_numbers(infos)
    repairs.drop_wrapped_numbers(doc, lines, infos)
    repairs.wrapped_dashed_names(doc, lines, infos)
    repairs.unnumbered_parts(doc, lines, infos)
    repairs.run_in_task_lists(doc, lines, infos)
    markers = [info is not None for info in infos]
    stack: list[Node] = [root]
    last_roman = 0
    quoted: Node | None = None  # an article quoted by an amending text ("“Điều 12. Chế độ báo cáo … .”")
    quote_closed = False
    for i, info in enumerate(infos):
        closes = quoted is not None and not quote_closed and _QUOTE_END.search(doc.clean[lines[i][0] : lines[i][1]])
        if info is None:
            quote_closed = quote_closed or bool(closes)
            continue
        if quoted is not None and quote_closed:
            # The quotation ended: the amending text's own items go on beside the article that held it.
            if quoted in stack:
                del stack[stack.index(quoted) :]
            quoted = None
        style, label, offset = info
        s, e = lines[i]
        if style == "roman" and i not in title_line:
            # OCR reads "III." as "Il." or "1ll.": a numeral read with l/1 that does not go on from the last one.
            token = doc.clean[s : s + offset].strip().split()[-1] if doc.clean[s : s + offset].strip() else ""
            value = _roman_value(label) or 0
            if last_roman and value <= last_roman and re.search(r"[l1H]", token):
                label = to_roman(last_roman + 1)
            last_roman = _roman_value(label) or last_roman
        head_start = s + offset
        head_end = _heading_extent(doc, lines, i, head_start, markers)
        if i in title_line:
            t_s, t_e = lines[title_line[i]]
            head_start = t_s + len(doc.clean[t_s:t_e]) - len(doc.clean[t_s:t_e].lstrip())
            head_end = _heading_extent(doc, lines, title_line[i], head_start, markers)
        title, _ = heading_title(doc, head_start, head_end)
        # Close deeper items: pop to the level of the same style if it is open.
        # Inside an article, the article's own items start afresh ("5. Sửa đổi Điều 12: “Điều 12. … 1. …").
        scope = max((k for k, n in enumerate(stack) if n.style == "article"), default=0) if style != "article" else 0
        if style.startswith("num"):
            # Decree 30/2020 puts "-" and "+" below the numbered levels: a numbered item after a dash item is not inside it.
            while len(stack) > 1 and stack[-1].style in ("dash", "plus"):
                stack.pop()
        elif style == "lower" and _after_named_dashes(doc, stack):
            # "2. Các sở …: - Sở A …; - Sở B …. Có trách nhiệm: a) …": the points go on the item the dashes name.
            while len(stack) > 1 and stack[-1].style in ("dash", "plus"):
                stack.pop()
        elif style.startswith("paren") and len(stack) == 2 and stack[-1].style in ("dash", "plus"):
            # "(1) …" after the dashes of "Kính gửi: - Sở …; - UBND …": a dash outside every numbered item holds no point.
            stack.pop()
        styles = [n.style for n in stack[scope:]]
        if style in styles:
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
        elif style.startswith("num"):
            level = int(style[3:])
            while len(stack) > 1 and stack[-1].style.startswith("num") and int(stack[-1].style[3:]) >= level:
                stack.pop()
        if style == "article" and not doc.clean[s:head_start].strip().startswith(("\u201c", '"')):
            # An article is a top part of its chapter: a list item or note above it does not hold it.
            while len(stack) > 1 and stack[-1].style not in ("roman", "upper"):
                stack.pop()
            del stack[_parts_of_article(stack, label) :]
        if style == "roman":
            while len(stack) > 1 and stack[-1].style != "upper":
                stack.pop()
        elif style == "upper":
            del stack[1:]
        parent = stack[-1]
        node = Node(style, label, s, head_start, head_end, title, depth=parent.depth + 1, parent=parent)
        parent.children.append(node)
        stack.append(node)
        if style == "article" and doc.clean[s:head_start].strip().startswith(("\u201c", '"')):
            quoted, quote_closed = node, bool(_QUOTE_END.search(doc.clean[s:e]))
        elif closes:
            quote_closed = True
    _close(root, len(doc.text))
    repairs.restore_d_bar(root)
    repairs.restore_skipped_letters(root)
    repairs.restore_repeated_numbers(root)
    repairs.restore_sub_prefixes(root)
    repairs.restore_repeated_parts(root)
    repairs.restore_roman_order(root)
    repairs.set_aside_forms(doc, root)
    assign_kinds(doc, root)
    return root


def _after_named_dashes(doc: Doc, stack: list[Node]) -> bool:
    """Whether a fresh lettered list ("a)") follows a run of dash items none of which holds points and the last of
    which does not announce them with a colon: Decree 30/2020 ranks "a)" above "-", so such dashes only name who or
    what the item above covers, and the points belong to that item."""
    last = stack[-1]
    if last.style != "dash" or last.parent is None or last.children:
        return False
    dashes = [c for c in last.parent.children if c.style == "dash"]
    if len(dashes) < 2 or any(d.children for d in dashes):
        return False
    return not doc.clean[last.head_start : last.head_end].rstrip().endswith(":")


def _parts_of_article(stack: list[Node], label: str) -> int:
    """Where the open parts end for article ``label``: "Điều 1. Phê duyệt Chiến lược … với các nội dung sau: I. …
    II. …" holds the parts of the text it approves, and "Điều 2. Tổ chức thực hiện" that follows them goes on beside
    Điều 1, not inside its last part. A chapter ("Chương II") that holds articles of its own stays open."""
    k = len(stack) - 1
    while k > 0 and stack[k].style in ("roman", "upper"):
        k -= 1
    holder = stack[k]
    articles = [c for c in holder.children if c.style == "article"]
    if k == len(stack) - 1 or not articles or not label.isdigit() or not articles[-1].label.isdigit():
        return len(stack)
    after = holder.children[holder.children.index(articles[-1]) + 1 :]
    if int(articles[-1].label) + 1 != int(label) or any(n.style == "article" for part in after for n in part.walk()[1:]):
        return len(stack)
    return k + 1


_QUOTE_END = re.compile(r"[\u201d\"][.;]?\s*$")


def _close(node: Node, end: int) -> None:
    node.end = end
    for i, child in enumerate(node.children):
        child_end = node.children[i + 1].start if i + 1 < len(node.children) else end
        _close(child, child_end)
