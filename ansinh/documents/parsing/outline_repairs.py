"""Repairs of a plan's outline once it is read (`structure.parse_outline` calls them): letters that text without
diacritics or OCR marks wrongly ("d)" twice for "d)", "đ)"; "b)", "e)", "d)" for "b)", "c)", "d)"; "2.1." again after
"2.6." for "2.7."), and annexes that are forms to fill (report outlines, templates, lists of names) set aside from the
plan's items. Before the tree is built, the markers read off its lines are mended too: parts that lost their number,
"5," that OCR read for "5." ("34," for "3.4." after "3.3."), and the number of a hard-wrapped sentence going on, which
opens no item.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.legal_annexes import legal_annex_kind
from ansinh.lib.roman import roman_value, to_roman

if TYPE_CHECKING:
    from ansinh.documents.parsing.structure import Node


def restore_d_bar(root: Node) -> None:
    """Vietnamese letters run a, b, c, d, đ, e: two lettered siblings in a row marked alike with "d" or "đ" (text without
    diacritics, OCR) are "d)" then "đ)"."""
    for node in root.walk():
        previous: Node | None = None
        for child in node.children:
            if child.style != "lower":
                continue
            if previous is not None and child.label == previous.label and child.label in ("d", "đ"):
                previous.label, child.label = "d", "đ"
            previous = child


_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"


def restore_skipped_letters(root: Node) -> None:
    """A lettered item OCR misread between two that fix its place ("b)", "e)", "d)": the "c" read as "e") takes the
    letter its place gives: the one after its elder sibling, when the next sibling's letter comes right after that."""
    for node in root.walk():
        lettered = [c for c in node.children if c.style == "lower"]
        for before, child, after in zip(lettered, lettered[1:], lettered[2:], strict=False):
            if len(before.label) != 1 or len(after.label) != 1 or before.label not in _VI_LETTERS[:-2] or after.label not in _VI_LETTERS:
                continue
            at = _VI_LETTERS.index(before.label)
            if _VI_LETTERS.index(after.label) == at + 2 and child.label != _VI_LETTERS[at + 1]:
                child.label = _VI_LETTERS[at + 1]


def restore_repeated_numbers(root: Node) -> None:
    """Sub-items of item N run "N.1.", "N.2.", …: one that repeats the number of an elder sibling right after the last
    of the run ("2.1." after "2.6." under "2.": OCR's "1" for "7") takes the next number, when its parent's number is
    its prefix (the same list, not a new one) and the number is free."""
    for node in root.walk():
        if not node.style.startswith("num") or not node.label.isdigit():
            continue
        subs = [c for c in node.children if c.style == "num2" and c.label.startswith(node.label + ".")]
        seen: set[str] = set()
        for previous, child in zip([None, *subs], subs, strict=False):
            tail = child.label.split(".")[-1]
            if previous is not None and child.label in seen and tail.isdigit():
                last = previous.label.split(".")[-1]
                candidate = f"{node.label}.{int(last) + 1}" if last.isdigit() else ""
                later = subs[subs.index(child) + 1 :]
                if candidate and candidate not in seen and all(c.label != candidate for c in later):
                    child.label = candidate
            seen.add(child.label)


def restore_sub_prefixes(root: Node) -> None:
    """Sub-items of item N run "N.1.", "N.2.", …: one whose first number OCR misread ("3.2." right after "5.1." under
    "5.": a "5" read as "3") takes its parent's number, when its own number goes on from its elder sibling's and the
    label it takes is free."""
    for node in root.walk():
        if node.style != "num1" or not node.label.isdigit():
            continue
        subs = [c for c in node.children if c.style == "num2"]
        labels = {c.label for c in subs}
        for previous, child in pairwise(subs):
            head, _, tail = child.label.partition(".")
            p_head, _, p_tail = previous.label.partition(".")
            if head == node.label or p_head != node.label or not (tail.isdigit() and p_tail.isdigit()):
                continue
            candidate = f"{node.label}.{tail}"
            if int(tail) == int(p_tail) + 1 and candidate not in labels:
                labels.add(candidate)
                child.label = candidate


def restore_repeated_parts(root: Node) -> None:
    """Parts run I, II, III …: a part that repeats the numeral of the part right before it ("I." again after "I.": a
    stroke OCR lost from "II.") takes the next one, and the parts after it that repeat in turn follow ("II." for "III.")."""
    for node in root.walk():
        previous = 0
        for child in node.children:
            if child.style != "roman" or not child.label:
                continue
            value = roman_value(child.label) or 0
            if previous and value == previous and set(child.label) == {"I"}:
                value = previous + 1
                child.label = to_roman(value)
            previous = value


def restore_roman_order(root: Node) -> None:
    """Parts numbered I, II, III … in order: when the first of three or more sibling parts reads "I" and the last
    reads the count of them, the numerals between that break the run (OCR's "II." for "III.", "IH." for "II.") take
    the place the order gives them."""
    for node in root.walk():
        parts = [c for c in node.children if c.style == "roman" and c.label]
        values = [roman_value(c.label) for c in parts]
        if len(parts) < 3 or values[0] != 1 or values[-1] != len(parts) or values == list(range(1, len(parts) + 1)):
            continue
        for place, part in enumerate(parts, start=1):
            part.label = to_roman(place)


# "Phụ lục II" / "PHỤ LỤC" alone on its line (or followed by its title): an annex after the signature.
_ANNEX = re.compile(r"^[ \t]*(?:PHỤ LỤC|Phụ lục|Phụ Lục|PHU LUC|Phu luc|Phu Luc)(?:[ \t]+(?:(?:s[ốo]|S[ỐO])[ \t]*)?[IVX\d]{1,5}[a-z]?)?[ \t]*[.:\-–]?[ \t]*(?P<rest>.*)$")
# An annex that is a form to fill, not work: "ĐỀ CƯƠNG BÁO CÁO", "Mẫu số 01", "BIỂU MẪU", "DANH SÁCH ĐẦU MỐI …".
# "MỘT SỐ MẪU VĂN BẢN …", "CÁC BIỂU MẪU …": a set of forms too.
_FORM_TITLE = re.compile(r"(?:(?:mot so|cac|nhung) )?(?:de cuong|mau(?: so)?|bieu mau|bieu so|danh sach|phieu)(?![a-z])")


# An annex that lists the plan's work: "DANH MỤC NHIỆM VỤ …", "NHIỆM VỤ TRỌNG TÂM …", "PHÂN CÔNG NHIỆM VỤ …",
# "KẾ HOẠCH TRIỂN KHAI …" (its numbered items are the plan's tasks, whatever part the signature closed).
_WORK_TITLE = re.compile(
    r"(?:danh muc |bang )?(?:cac )?(?:nhiem vu|phan cong (?:thuc hien|nhiem vu)|ke hoach (?:thuc hien|trien khai)|"
    r"chuong trinh (?:hanh dong|cong tac)|danh muc (?:cac )?(?:de an|hoat dong))(?![a-z])"
)


def set_aside_forms(doc: Doc, root: Node) -> None:
    """Move the items of an annex that is a form (a report outline, a template, a list of names) out of the part
    above them into one node of kind "form": numbered lines of a form are not the plan's items. The items of an annex
    that lists work go into one node of kind "tasks" the same way."""
    lines = doc.lines()
    annexes: list[tuple[int, str | None]] = []
    for i, (s, e) in enumerate(lines):
        m = _ANNEX.match(doc.clean[s:e])
        if m is None or "\t" in doc.clean[s:e]:
            continue
        title = " ".join(doc.folded[s + m.start("rest") : e].split())
        for s2, e2 in lines[i + 1 : i + 4]:
            if title and not title.startswith("("):
                break
            title = " ".join(doc.folded[s2:e2].split())
        kind = "form" if _FORM_TITLE.match(title) else "tasks" if _WORK_TITLE.match(title) else None
        annexes.append((s, kind or legal_annex_kind(root, s, title)))  # a legal text's annex: the papers it prescribes
    annexes = sorted(annexes + _titled_annexes(doc, lines) + _forms_after_signature(doc, lines, annexes))
    for k, (start, kind) in enumerate(annexes):
        end = annexes[k + 1][0] if k + 1 < len(annexes) else len(doc.text)
        inside = [n for n in root.walk()[1:] if start <= n.start < end and not (n.parent is not None and start <= n.parent.start)]
        if kind is None or not inside:
            continue
        for node in root.walk():
            if node.start < start < node.end:
                node.end = start
        from ansinh.documents.parsing.structure import Node  # the tree's own module imports this one

        annex = Node("annex", "", start, start, start, "", depth=1, end=end, kind=kind, parent=root)
        for node in inside:
            if node.parent is not None:
                node.parent.children.remove(node)
            node.parent = annex
        annex.children = inside
        _redepth(annex)
        at = next((i for i, c in enumerate(root.children) if c.start > start), len(root.children))
        root.children.insert(at, annex)


# "(Kèm theo Nghị quyết số 60-NQ/TW …)", "(Ban hành kèm theo Quyết định số …)": the line under an annex's title.
_ATTACHED = re.compile(r"[ \t*_]*\((?:ban hanh )?kem theo ")


_LISTS_WORK = re.compile(r"(?<![a-z])(?:nhiem vu|de an|du an|hoat dong|giai phap|cong viec)(?![a-z])")


def _titled_annexes(doc: Doc, lines: list[tuple[int, int]]) -> list[tuple[int, str | None]]:
    """Annexes with no "PHỤ LỤC" line (Decree 30/2020, Annex I: a title in capitals over "(Kèm theo … số …)"):
    "DANH SÁCH DỰ KIẾN TÊN GỌI CÁC TỈNH …" over "(Kèm theo Nghị quyết số …)" is an annex that lists names."""
    out: list[tuple[int, str | None]] = []
    for i, (s, e) in enumerate(lines):
        if not _ATTACHED.match(doc.folded, s, e):
            continue
        block: list[int] = []
        for k in range(i - 1, max(i - 6, -1), -1):
            text = doc.clean[lines[k][0] : lines[k][1]].strip()
            if not text:
                if block:
                    break
                continue
            block.insert(0, k)
            if len(block) == 3:
                break
        # The title opens with a line in capitals ("DANH SÁCH" over "Tuyến nội tỉnh trọng điểm …").
        block = block[next((n for n, k in enumerate(block) if _capitals(doc.clean[lines[k][0] : lines[k][1]])), len(block)) :]
        if not block or any(_ANNEX.match(doc.clean[lines[k][0] : lines[k][1]]) for k in range(max(block[0] - 3, 0), i)):
            continue
        if "\t" in doc.clean[lines[block[0]][0] : lines[block[0]][1]]:
            continue
        title = " ".join(" ".join(doc.folded[lines[k][0] : lines[k][1]].split()) for k in block)
        kind = "form" if _FORM_TITLE.match(title) else "tasks" if _WORK_TITLE.match(title) else None
        # A list of names or a form; a title that lists work ("DANH SÁCH CÁC NHIỆM VỤ …") stays where the tables read it.
        if kind == "form" and not _LISTS_WORK.search(title):
            out.append((lines[block[0]][0], kind))
    return out


# "Nơi nhận:" at a line's start (marks of emphasis allowed) closes the body of a text (Decree 30/2020, Annex I).
RECIPIENTS = re.compile(r"[ \t*_]*noi nhan[ \t]*:")


def _forms_after_signature(doc: Doc, lines: list[tuple[int, int]], annexes: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """A form sent with a letter after its signature block (Decree 30/2020: "Nơi nhận:" closes the body), titled
    in capitals on its own line with no "PHỤ LỤC" or "(Kèm theo …)" line: "ĐỀ CƯƠNG" over "Nội dung báo cáo định kỳ …",
    "MẪU BÁO CÁO …". Its numbered lines are the outline of a report to send, not the letter's duties."""
    signed = next((i for i, (s, e) in enumerate(lines) if RECIPIENTS.match(doc.folded, s, e)), None)
    if signed is None:
        return []
    out: list[tuple[int, str | None]] = []
    for s, e in lines[signed + 1 :]:
        text = doc.clean[s:e].strip()
        if not text or "\t" in text or len(text.split()) > 12 or not _capitals(text):
            continue
        title = " ".join(doc.folded[s:e].split())
        if _FORM_TITLE.match(title) and not _LISTS_WORK.search(title) and not any(abs(a - s) < 400 for a, _ in annexes):
            out.append((s, "form"))
    return out


def _redepth(node: Node) -> None:
    for child in node.children:
        child.depth = node.depth + 1
        _redepth(child)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(1 for c in letters if c.isupper()) >= 0.9 * len(letters)


def unnumbered_parts(doc: Doc, lines: list[tuple[int, int]], infos: list[tuple[str, str, int] | None]) -> None:
    """A text whose parts lost their numerals (a converter dropping Word's list numbers, or a text that never had
    them): a line in capitals naming a part ("NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN") right above an item "1."
    opens an unnumbered part, read as a roman part without a label. Only in a text with no roman, lettered or
    article heading at all."""
    from ansinh.documents.parsing.part_kinds import classify  # part_kinds reads nodes this module builds

    if any(info is not None and info[0] in ("roman", "upper", "article") for info in infos):
        return
    for i, info in enumerate(infos):
        s, e = lines[i]
        text = doc.clean[s:e].strip()
        if info is not None or not text or "\t" in text or text[-1] in ".;,:" or not 2 <= len(text.split()) <= 14:
            continue
        after = next((k for k in range(i + 1, min(i + 4, len(lines))) if doc.clean[lines[k][0] : lines[k][1]].strip()), None)
        following = infos[after] if after is not None else None
        if following is None or following[:2] != ("num1", "1") or not _capitals(text):
            continue
        if classify(" ".join(doc.folded[s:e].split()), False) is not None:
            infos[i] = ("roman", "", len(doc.clean[s:e]) - len(doc.clean[s:e].lstrip()))


def run_in_task_lists(doc: Doc, lines: list[tuple[int, int]], infos: list[tuple[str, str, int] | None]) -> None:
    """A resolution that lists its work under a run-in line, no numeral of its own: "Nhiệm vụ trọng tâm trong nhiệm kỳ:"
    then "(1) …", "(2) …". The line naming the work opens a part, read as a roman part without a label, so the list is
    the tasks part; a run-in line naming anything else (directions, a vision) leaves its list where it is."""
    from ansinh.documents.parsing.part_kinds import classify  # part_kinds reads nodes this module builds

    if any(info is not None and info[0] in ("upper", "article") for info in infos):
        return
    for i, info in enumerate(infos):
        s, e = lines[i]
        text = doc.clean[s:e].strip()
        if info is not None or not text.endswith(":") or "\t" in text or not 2 <= len(text.split()) <= 14:
            continue
        after = next((k for k in range(i + 1, min(i + 4, len(lines))) if doc.clean[lines[k][0] : lines[k][1]].strip()), None)
        following = infos[after] if after is not None else None
        if following is None or following[:2] != ("paren", "1"):
            continue
        if classify(" ".join(doc.folded[s:e].split()).rstrip(" :"), True) == "tasks":
            infos[i] = ("roman", "", len(doc.clean[s:e]) - len(doc.clean[s:e].lstrip()))


# A line that stops mid-sentence (a hard wrap goes on after it).
_UNFINISHED = re.compile(r"[a-zà-ỹđ0-9,]\s*$")


# OCR reads the dot of "5." as a comma ("5, Đối với các dự án …"). Such a line opens an item only where an item is
# awaited: after a blank line or a finished sentence, with the number next after the last numbered item.
# A segmenter's space before the comma too ("5 , Đối với …").
_COMMA_NUMBER = re.compile(r"^[ \t]*(?P<m>\d{1,2})[ \t]?[,;][ \t]+(?P<rest>[A-ZĐÀ-Ỹ])")


def comma_numbers(doc: Doc, lines: list[tuple[int, int]], infos: list[tuple[str, str, int] | None]) -> None:
    """Read "N, Capital …" as item N when the last numbered item is N-1 and the line before ends a sentence; and
    "34, Capital …" as sub-item "3.4." when the last sub-item is "3.3." (OCR lost the dot between the numbers and
    read the closing one as a comma)."""
    last = 0
    sub: tuple[int, int] | None = None  # the last sub-item "N.M" of item N
    for i, info in enumerate(infos):
        if info is not None:
            if info[0] == "num1" and info[1].isdigit():
                last, sub = int(info[1]), None
            elif info[0] == "num2" and all(p.isdigit() for p in info[1].split(".")):
                head, tail = info[1].split(".")
                sub = (int(head), int(tail))
            continue
        s, e = lines[i]
        m = _COMMA_NUMBER.match(doc.clean[s:e])
        if m is None:
            continue
        number = m.group("m")
        if last and int(number) == last + 1:
            infos_entry = ("num1", number, m.start("rest"))
        elif sub is not None and len(number) == 2 and (int(number[0]), int(number[1])) == (sub[0], sub[1] + 1):
            infos_entry = ("num2", f"{number[0]}.{number[1]}", m.start("rest"))
        else:
            continue
        before = next((doc.clean[ps:pe].strip() for ps, pe in reversed(lines[:i]) if doc.clean[ps:pe].strip()), "")
        if not before or before[-1] in ".:;!?":
            infos[i] = infos_entry
            if infos_entry[0] == "num1":
                last, sub = last + 1, None
            else:
                sub = (sub[0], sub[1] + 1) if sub is not None else None


def lost_sub_numbers(infos: list[tuple[str, str, int] | None]) -> None:
    """Read "N." between sub-items "N.k." and "N.(k+2)." of point N as "N.(k+1).": OCR lost the second number of the
    sub-item ("2." between "2.1." and "2.3." under point 2), which would otherwise open point N a second time."""
    point = ""
    sub: tuple[str, int] | None = None  # the last sub-item of the current point
    for i, info in enumerate(infos):
        if info is None:
            continue
        style, label = info[0], info[1]
        if style == "num1" and label == point and sub is not None:
            after = next((x for x in infos[i + 1 :] if x is not None and x[0] in ("num1", "num2", "roman", "upper")), None)
            if after is not None and after[:2] == ("num2", f"{point}.{sub[1] + 2}"):
                infos[i] = ("num2", f"{point}.{sub[1] + 1}", info[2])
                sub = (point, sub[1] + 1)
                continue
        if style == "num1":
            point, sub = label, None
        elif style == "num2" and label.startswith(point + ".") and label[len(point) + 1 :].isdigit():
            sub = (point, int(label[len(point) + 1 :]))
        elif style in ("roman", "upper"):
            point, sub = "", None


def drop_wrapped_numbers(doc: Doc, lines: list[tuple[int, int]], infos: list[tuple[str, str, int] | None]) -> None:
    """Forget "items" that are a hard-wrapped sentence going on ("… trước ngày 15 tháng" / "12) tổng hợp …").

    A line opening with a number continues the line above when that line stops mid-sentence and the
    number is not the next one of its list (nor 1).
    """
    last = 0
    previous = ""
    for i, info in enumerate(infos):
        text = doc.clean[lines[i][0] : lines[i][1]]
        if info is not None and info[0] == "num1" and info[1].isdigit():
            number = int(info[1])
            if number not in (1, last + 1) and _UNFINISHED.search(previous):
                infos[i] = None
            else:
                last = number
        elif info is not None and info[0] in ("roman", "upper"):
            last = 0
        if text.strip():
            previous = text


# A body's name joined by a dash, broken at the dash by the line's end ("… của Bộ Lao động" / "– Thương binh và Xã hội, đề
# nghị …", "Ban Văn hóa" / "- Xã hội"): the second line goes on the name, it opens no dash item.
_DASHED_FIRST = re.compile(
    r"(?:Lao động|Văn h[óo]a|Kinh tế|Tài chính|Tài nguyên|Nông nghiệp|Tư pháp|Giáo dục|Y tế|Quốc phòng|Kế hoạch|Địa chính)\s*$"
)
_DASHED_SECOND = re.compile(
    r"\s*[-–]\s*(?:Thương binh|Xã hội(?! h[óo]a)|Hạ tầng|Kỹ thuật|Kế hoạch|Môi trường|Hộ tịch|Thông tin|Thể thao|Đào tạo|Dân số|"
    r"An ninh|Đầu tư|Xây dựng)(?![^\W\d_])"
)


def wrapped_dashed_names(doc: Doc, lines: list[tuple[int, int]], infos: list[tuple[str, str, int] | None]) -> None:
    """Forget dash "items" that carry on a dashed name the line above broke (see :data:`_DASHED_FIRST`)."""
    previous = ""
    for i, info in enumerate(infos):
        text = doc.clean[lines[i][0] : lines[i][1]]
        if info is not None and info[0] == "dash" and _DASHED_FIRST.search(previous) and _DASHED_SECOND.match(text):
            infos[i] = None
        if text.strip():
            previous = text.rstrip()
