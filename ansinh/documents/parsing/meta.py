"""The header block (Decree 30/2020): number, place and date, title, issuer, level, basis."""

from __future__ import annotations

import re

from ansinh.documents.parsing import letter_subject, meta_ocr, meta_party
from ansinh.documents.parsing.clean import Doc, span_text
from ansinh.documents.parsing.meta_level import level_in_force, level_of
from ansinh.documents.parsing.structure import Node
from ansinh.lib.text import fold

# A PDF copy may break the symbol after a hyphen ("12/NQ- CP"): one space there is read through. The Government's
# special resolutions since 2025 carry a dotted number ("66.7/2025/NQ-CP").
_NUMBER = re.compile(
    r"(?<![a-z])s[o6]\s*:\s*(\d{1,6}(?:\.\d{1,3})?(?: \d{1,4})?)\s*[/-]\s*((?:(?:19|20)\d\d\s*/\s*)?[a-z0-9đ](?:[a-z0-9đ]| ?-(?: (?=[a-z]{2}))?){0,30}"
    r"(?:/[a-z0-9đ][a-z0-9đ\-]{0,20})?)"
)
# Party documents: "Số 38-CTr/TU" alone on its line, without a colon.
_NUMBER_LINE = re.compile(r"^\s*s[o6]\s+(\d{1,6})\s*([-/]\s*[a-z0-9đ][a-z0-9đ\-/]{1,30})\s*(?:$|\s{2,}|\t|\|)")
# What may stand before the place-and-date on its line: a layout cell, the document number.
_DATE_PREFIX = re.compile(r"^(?:[^\t]*\t)*(?:\s*s[o6]\s*:\s*\d{1,6}\s*/\s*[^\s,;]+\s*[,;]?)?")
_PLACE = re.compile(r"^\s*[^\d]{0,40}(?:(?<![a-z])(?:quan|phuong)\s+\d{1,2})?,?\s*$")  # also "Quận 1", "Phường 12"
# "ngày 20 tháng 01 năm 2026", also "ngày 20/01/2026" (or with "-" / ".").
_DATE = re.compile(
    r"ngay\s+(\d(?: ?\d)?)(?:\s+th[ad]ng\s+|\s*([/.-])\s*)(\d(?: ?\d)?)(?:\s+n[ad]m\s+|\s*(?(2)\2|[/.-])\s*)((?:19|20) ?\d ?\d)(?!\d)"
)
_TITLE_WORD = re.compile(r"^\s*(ke hoach|chuong trinh(?: hanh dong)?|de an|quyet dinh|nghi dinh|nghi quyet|chi thi|thong tu|cong van|huong dan|bao cao|thong bao|to trinh|ket luan)\s*$")
# The first part of the body ("I. …", "A. ĐÁNH GIÁ …" of an annual programme) ends the title.
_STOP_TITLE = re.compile(r"^\s*(?:can cu|s[o6]\s*:\s*\d|[ia][.\-]\s|[_\-–=*.]\s*(?:[_\-–=*.]\s*){2,}$)")
_REFERENCE = re.compile(
    r"(?:nghi quyet|chuong trinh(?: hanh dong)?|ke hoach|chi thi|ket luan|quyet dinh|nghi dinh|thong tu|de an|cong van|so)"
    r"(?:\s+(?:hoi nghi|dai hoi)[^;:]{0,60}?)?\s+(?:so\s+|s6\s+)?\d{1,6}(?:[-/][a-z0-9đ&]+)+"
    r"(?:,?\s+ngay\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?"
    r"(?:\s+(?:cua|giua)\s+[^;,.:“\"(]{3,80}?(?=\s+(?:ve|thuc hien|trien khai|ban hanh)\s|[;,.:“\"(]|$))?"
)
_ISSUER = re.compile(
    r"(?P<who>(?:ubnd|uy ban nhan dan|ban chap hanh|ban thuong vu|dang uy|thanh uy|tinh uy|huyen uy|bo|chinh phu|so)"
    r"[^.;,]{0,50}?)\s+(?:ban hanh|de ra|xay dung)\s+(?:ke hoach|chuong trinh)"
)
# A preamble sentence in sentence case after the title ("Thực hiện Nghị quyết số ...;", "Căn cứ ...").
_PREAMBLE_START = re.compile(r"^\s*(?:Thực hiện|Triển khai thực hiện|Căn cứ|Xét|Theo đề nghị|Thuc hien|Can cu)\s")
# The enacting body's own line before the "Căn cứ" clauses of a decision or resolution ("CHÍNH PHỦ").
_ENACTING_BODY = re.compile(
    r"^\s*(?:chinh phu|thu tuong chinh phu|(?:chu tich )?(?:uy ban nhan dan|hoi dong nhan dan)[a-z ]{0,40}|bo truong[a-z ]{0,60})\s*$"
)
_TITLE_PLACE = re.compile(r"(?<![a-z])(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\s+[a-z]+")
# The number a reference cites ("42-nq/tw"), to keep one entry per document.
_REF_NUMBER = re.compile(r"\d{1,6}(?:[-/][a-z0-9đ&]+)+")
_PLAN_WORDS = re.compile(r"(?<![a-z])(?:ke hoach|chuong trinh hanh dong|chuong trinh|de an|lo trinh)(?![a-z])")
_CENTRAL_NUMBER = re.compile(r"(?:[-/](?:cp|ttg|vpcp)|/tw|-bcdtw)$")
# "UBNĐ": OCR's reading of the People's Committee's symbol "UBND" (no symbol ends in "NĐ").
_UBND_OCR = re.compile(r"(?<=UB)NĐ(?![A-ZĐ])")
_NOT_PLAN = re.compile(r"^\s*(?:nghi dinh|thong tu|chi thi|luat|cong van|to trinh|bao cao|quyet dinh)\s*$")


def _header_end(doc: Doc, root: Node, begin: int = 0) -> int:
    first = next((n for n in root.children if n.style in ("roman", "upper", "num1") and n.start >= begin), None)
    end = first.start if first is not None else len(doc.text)
    return min(end, begin + 6000)


def _page_chrome_end(doc: Doc) -> int:
    """Where the document starts when a whole web page was pasted with it.

    The site's own lines ("Số hiệu: | … | Loại văn bản: | Kế hoạch | …") stand above the issuing body's
    block, which sits right above the national motto; 0 when the motto heads the text as usual.
    """
    lines = doc.lines()[:120]
    motto = next((k for k, (s, e) in enumerate(lines) if "cong hoa xa hoi" in doc.folded[s:e]), None)
    if not motto or motto < 8:
        return 0
    top = motto
    while top > 0:
        s, e = lines[top - 1]
        raw = doc.clean[s:e].strip(" |-\t")
        letters = [c for c in raw if c.isalpha()]
        if raw and (len(letters) < 2 or sum(c.isupper() for c in letters) < 0.8 * len(letters) or len(raw) > 60):
            break
        top -= 1
    return lines[top][0] if top < motto else 0


def looks_like_plan(doc: Doc) -> bool:
    """Whether the document calls itself a plan or programme rather than a decree, a letter ..."""
    head = doc.folded[:3000]
    for line in head.splitlines()[:40]:
        if _NOT_PLAN.match(line):
            return False
        if _TITLE_WORD.match(line):
            return True
    return bool(_PLAN_WORDS.search(head[:600]))


def _header_body(doc: Doc, head_lines: list[tuple[int, int]]) -> str | None:
    """The issuing body printed in capitals at the top left ("ỦY BAN NHÂN DÂN / XÃ TÂN PHÚ")."""
    parts: list[str] = []
    blanks = 0
    head_lines = head_lines[meta_ocr.motto_row(doc, head_lines) :]
    for index, (s, e) in enumerate(head_lines[:12]):
        # Only the left cell of a two-column header ("BỘ NỘI VỤ<tab>CỘNG HÒA XÃ HỘI ...").
        cell_end = doc.clean.find("\t", s, e)
        e = cell_end if cell_end >= 0 else e
        bar = doc.clean.find(" | ", s, e)  # a web copy's layout table: "CHÍNH PHỦ | CỘNG HÒA XÃ HỘI …"
        e = bar if bar >= 0 else e
        # A .docx cell flattened into one line: "ỦY BAN NHÂN DÂN TỈNH X Số: /KH-UBND" — the body ends before "Số:".
        if number_field := re.search(r"\S\s+s[o6]\s*:", doc.folded[s:e]):
            e = s + number_field.start() + 1
        line = doc.folded[s:e].strip()
        # A web copy keeps the layout table's cell bars ("ỦY BAN NHÂN DÂN |").
        raw = span_text(doc, s, e).strip(" |")
        line = line.strip(" |")
        # An OCR'd header read across both columns ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI …", a Party body's
        # "TỈNH UỶ X   ĐẢNG CỘNG SẢN VIỆT NAM"): the left part, then the left column of the lines under it.
        motto = meta_ocr.MOTTO.search(line)
        motto_at = motto.start() if motto else -1
        if motto_at > 3 and not parts:
            parts.extend(_left_of_merged_row(doc, s, e, motto_at, head_lines[index + 1 : index + 8]))
            break
        if not line:
            # A .docx copy puts an empty paragraph between the header's lines ("ỦY BAN MTTQ VIỆT NAM", "XÃ …").
            blanks += 1
            if parts and (blanks > 2 or not _caps_line_follows(doc, head_lines[index + 1 : index + 3])):
                break
            continue
        blanks = 0
        if not parts and ("cong hoa" in line or "doc lap" in line or not line.strip(" -_=*")):
            continue  # the national motto printed above the body's name
        if not parts and _PARTY_MOTTO.fullmatch(line):
            continue  # the Party's motto line above a Party body's name
        if parts and (at := line.find("doc lap")) > 3:
            # The name's next line merged with the motto's second line ("TỔNG CỤC THUẾ Độc lập - …") under a first
            # row whose columns a bar or a tab kept apart: the left part, then the left column below it.
            parts.extend(_left_of_merged_row(doc, s, e, at, head_lines[index + 1 : index + 8]))
            break
        if _ends_body(line) or "cong hoa" in line or "doc lap" in line:
            break
        raw = meta_ocr.body_line(raw)
        if not meta_ocr.mostly_capitals(raw) or len(raw) > 80:
            break
        parts.append(raw)
    return " ".join(meta_party.committee_of(parts)) or None


def _left_of_merged_row(doc: Doc, s: int, e: int, at: int, below: list[tuple[int, int]]) -> list[str]:
    """A header row read across both columns: the body's name left of the motto (at ``at`` in the stripped folded
    line ``s:e``), then the left column of the lines ``below``; nothing when the left part is no name in capitals."""
    lead = len(doc.folded[s:e]) - len(doc.folded[s:e].lstrip())
    left = meta_ocr.body_line(span_text(doc, s, s + lead + at))
    if not meta_ocr.mostly_capitals(left) or len(left) > 80:
        return []
    return [left, *meta_ocr.left_column_below(doc, below, _ends_body)]


# A number slot left blank for the hand that signs ("Số -KH/ĐU", "Số /KH-UBND"), and the Party's motto line
# ("ĐẢNG CỘNG SẢN VIỆT NAM", top right in Party documents, read after the name in a copy's line order).
_BLANK_NUMBER = re.compile(r"\s*s[o6]\s*[:;]?\s*[-/]\s*[a-z]")
_PARTY_MOTTO = re.compile(r"[\s#*]*(?:" + meta_ocr.PARTY_MOTTO.pattern + r")[\s*]*")


def _ends_body(line: str) -> bool:
    """Whether a folded header line is past the body's name: the number (or its blank slot), the date, the type
    word, or the Party's motto."""
    return bool(re.match(r"\s*s[o6]\s*[:;]", line) or _NUMBER.search(line) or _NUMBER_LINE.match(line)
                or _BLANK_NUMBER.match(line) or _PARTY_MOTTO.fullmatch(line)
                or _TITLE_WORD.match(line) or _DATE.search(line))


def _wrapped_date(doc: Doc, head_lines: list[tuple[int, int]]) -> tuple[str | None, list[int] | None]:
    """Place and date broken over lines by a web or PDF copy ("Khánh\nHòa, ngày 22 tháng 7 năm\n2022").

    Read only above the type word ("KẾ HOẠCH"), where no cited document's date can stand, and only
    right after the comma that ends the place name.
    """
    top = next((s for s, e in head_lines[:30] if _TITLE_WORD.match(doc.folded[s:e])), None)
    if top is None:
        return None, None
    for d in _DATE.finditer(doc.folded, 0, top):
        if not re.search(r"[a-z],\s*$", doc.folded[max(0, d.start() - 4) : d.start()]):
            continue
        day, month, year = (int(d.group(i).replace(" ", "")) for i in (1, 3, 4))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{day:02d}", [d.start(), d.end()]
    return None, None


def _issuing(text: str, m: re.Match[str]) -> bool:
    """Whether an "X ban hành kế hoạch" match names the body issuing this plan, not a cited one."""
    who = m.group("who")
    cited = re.search(r"(?<![a-z])cua\s*$", text[max(0, m.start("who") - 5) : m.start("who")])
    return not (re.search(r"(?<![a-z])ve$", who) or "(" in who or cited)


def _capitals_after(doc: Doc, head_lines: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """A web copy that lost the type word ("KẾ HOẠCH"): the capital lines right after the place and date."""
    lines: list[tuple[int, int]] = []
    for s, e in head_lines:
        if e <= at:
            continue
        raw = doc.clean[s:e].strip(" |\t")
        if not raw or s < at:
            if lines:
                break
            continue
        letters = [c for c in raw if c.isalpha()]
        if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.9 * len(letters) or _NUMBER.search(doc.folded[s:e]):
            break
        lines.append((s, e))
    return lines[:6]


def _caps_line_follows(doc: Doc, lines: list[tuple[int, int]]) -> bool:
    """Whether the next non-empty line is a short line in capitals that is not the motto, a number or a date."""
    for s, e in lines:
        raw = doc.clean[s:e].strip(" |")
        if not raw:
            continue
        line = doc.folded[s:e]
        return meta_ocr.mostly_capitals(raw) and len(raw) <= 60 and not (
            "cong hoa" in line or "doc lap" in line or _TITLE_WORD.match(line) or _NUMBER.search(line) or _DATE.search(line)
        )
    return False


# "Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 06 tháng 02 năm 2026": a resolution dated at its end.
_ADOPTED = re.compile(r"thong qua\s+(?:ngay|vao ngay)\s+(\d{1,2})\s+th[ad]ng\s+(\d{1,2})\s+n[ad]m\s+((?:19|20)\d\d)(?!\d)")


def extract_meta(doc: Doc, root: Node) -> dict[str, object]:
    """The ``meta`` object of the schema, with ``spans`` of number, date and title."""
    begin = _page_chrome_end(doc)
    end = _header_end(doc, root, begin)
    folded = doc.folded
    spans: dict[str, list[int] | None] = {"number": None, "date": None, "title": None}
    number = date = title = None
    head_lines = [(s, e) for s, e in doc.lines() if begin <= s < end]
    for k, (s, e) in enumerate(head_lines[:30]):
        # A web copy wraps "Số:" and the number onto two lines ("Số:\n99/2025/NQ-HĐND").
        reach = head_lines[k + 1][1] if re.fullmatch(r"\s*s[o6]\s*:\s*", folded[s:e]) and k + 1 < len(head_lines) else e
        m = _NUMBER.search(folded, s, reach) or _NUMBER_LINE.match(folded[s:e])
        if m and m.re is _NUMBER_LINE and number is None:
            number = re.sub(r"\s+", "", doc.clean[s + m.start(1) : s + m.end(2)])
            spans["number"] = [s + m.start(), s + m.end()]
        elif m and number is None:
            number = re.sub(r"\s*/\s*", "/", span_text(doc, m.start(1), m.end(2)))
            number = re.sub(r"^(\d+) (\d+)", r"\1\2", number)  # "Số: 12 5/KH-UBND": a stray space in the number
            number = meta_ocr.spaced_symbol(number)
            spans["number"] = [m.start(), m.end()]
        d = _DATE.search(folded, s, e)
        before = folded[s : d.start()] if d else ""
        cut = _DATE_PREFIX.match(before)
        before = before[cut.end() :] if cut else before
        if d and date is None and _PLACE.match(before) and folded[d.end() : e].split("\t")[0].strip(" |") == "":
            day, month, year = (int(d.group(i).replace(" ", "")) for i in (1, 3, 4))
            if 1 <= day <= 31 and 1 <= month <= 12:
                date = f"{year:04d}-{month:02d}-{day:02d}"
                spans["date"] = [d.start(), d.end()]
    if number is None:
        # A scan: the number read through OCR look-alikes and pen marks, on the header's first lines only.
        read = next((r for r in (meta_ocr.ocr_number(doc, s, e) for s, e in head_lines[:30]) if r is not None), None)
        if read is not None:
            number, spans["number"] = read
    if number is not None:
        number = _UBND_OCR.sub("ND", number)
    if date is None:
        date, spans["date"] = meta_ocr.ocr_date(doc, head_lines[:30])
    if date is None:
        date, spans["date"] = _wrapped_date(doc, head_lines)
    if date is None:
        tail = max(0, len(folded) - 3000)
        adopted = next(reversed(list(_ADOPTED.finditer(folded, tail))), None)
        if adopted is not None and 1 <= int(adopted.group(1)) <= 31 and 1 <= int(adopted.group(2)) <= 12:
            date = f"{int(adopted.group(3)):04d}-{int(adopted.group(2)):02d}-{int(adopted.group(1)):02d}"
            spans["date"] = [adopted.start(1), adopted.end(3)]
    # Title: the subject lines after "KẾ HOẠCH" (or the type word).
    title_lines: list[tuple[int, int]] = []
    for idx, (s, e) in enumerate(head_lines):
        if _TITLE_WORD.match(folded[s:e]):
            blank_after_title = False
            for s2, e2 in head_lines[idx + 1 :]:
                line = folded[s2:e2]
                if not line.strip():
                    blank_after_title = bool(title_lines)
                    continue
                if _STOP_TITLE.match(line) or len(title_lines) >= 8:
                    break
                # After an empty line, a sentence in running case is the preamble, not more title
                # ("Trong thời gian qua, …", "Ban Thường vụ Tỉnh ủy yêu cầu …:").
                raw_line = doc.clean[s2:e2].strip()
                if blank_after_title and raw_line.endswith((".", ":", ";")) and not meta_ocr.mostly_capitals(raw_line):
                    break
                if title_lines and _PREAMBLE_START.match(doc.clean[s2:e2]):
                    break
                if title_lines and _ENACTING_BODY.match(line):
                    nxt = next((x for x in head_lines if x[0] > e2 and folded[x[0]:x[1]].strip()), None)
                    if nxt is not None and folded[nxt[0]:nxt[1]].lstrip().startswith("can cu"):
                        break
                if title_lines and re.match(r"^\s*(?:thuc hien|trien khai|nham|de)\s", line) and folded[title_lines[-1][1] - 2 : title_lines[-1][1]].strip()[-1:] in ("”", '"', ")", ";", "."):
                    break
                if title_lines and re.match(r"^\s*(?:thuc hien|can cu)\s", line) and doc.clean[title_lines[-1][0]:title_lines[-1][1]].rstrip().endswith(("”", '"', ";")):
                    break
                title_lines.append((s2, e2))
                if doc.clean[s2:e2].rstrip().endswith(("”", '"')) and len(title_lines) >= 1 and e2 - s2 > 0 and idx + 1 < len(head_lines):
                    nxt = next((x for x in head_lines if x[0] > e2 and folded[x[0]:x[1]].strip()), None)
                    if nxt is None or not folded[nxt[0]:nxt[1]].strip()[:1].islower():
                        break
            break
    if not title_lines and spans["date"] is not None:
        title_lines = _capitals_after(doc, head_lines, spans["date"][1])
    if title_lines:
        s, e = title_lines[0][0], title_lines[-1][1]
        title = span_text(doc, s, e) or None
        spans["title"] = [s, e]
    elif pieces := letter_subject.subject_pieces(doc, head_lines):
        title = letter_subject.subject_text(doc, pieces)  # a letter: its "V/v …" subject
        spans["title"] = [pieces[0][0], pieces[-1][1]]
    # Offsets stay those of the text; a pasted web page's own lines above the header are not read.
    preamble = " " * begin + folded[begin:end]
    implements: list[str] = []
    keys: set[str] = set()
    own = spans["number"]
    for m in _REFERENCE.finditer(preamble):
        if own is not None and m.start() < own[1] and own[0] < m.end():
            continue  # the plan's own number is not a document it implements
        text = span_text(doc, m.start(), m.end(), " ,;")
        cited = _REF_NUMBER.search(m.group(0))
        key = cited.group(0) if cited else re.sub(r"\W+", "", m.group(0))[:40]
        if number is not None and key == fold(number).lower():
            continue
        if key not in keys and re.search(r"\d", text):
            keys.add(key)
            implements.append(text)
    issuer = _header_body(doc, head_lines)
    if issuer is None:
        # A whole web page pasted: the site's own lines stand above the header; start at the body's block.
        motto = next((k for k, (s, e) in enumerate(head_lines[:40]) if "cong hoa xa hoi" in folded[s:e]), None)
        if motto:
            top = motto
            while top > 0 and (not folded[head_lines[top - 1][0] : head_lines[top - 1][1]].strip(" |-\t")
                               or _header_body(doc, head_lines[top - 1 : motto])):
                top -= 1
            issuer = _header_body(doc, head_lines[top:motto])
    im = None if issuer else next((m for m in _ISSUER.finditer(preamble) if _issuing(preamble, m)), None)
    if im:
        issuer = span_text(doc, im.start("who"), im.end("who"))
    elif not issuer:
        sig = re.search(r"(?:tm|t/m|kt)\.?\s+(uy ban nhan dan|ubnd|ban thuong vu|thanh uy|tinh uy|dang uy|chinh phu|thu tuong|bo truong)[^\n|]*", folded)
        if sig:
            issuer = span_text(doc, sig.start(1), sig.end())
    level = level_of(doc, issuer)
    if level == "other":
        # A header body without its place ("ỦY BAN NHÂN DÂN"): the sentence that issues the plan names it.
        body = re.sub(r"\bubnd\b", "uy ban nhan dan", fold(issuer or "").lower()).strip()
        named = next((m for m in _ISSUER.finditer(preamble)
                      if re.sub(r"\bubnd\b", "uy ban nhan dan", m.group("who")).startswith(body)), None)
        if named is not None:
            level = level_of(doc, span_text(doc, named.start("who"), named.end("who")))
        place = _TITLE_PLACE.search(fold(title or "").lower())
        if level == "other" and place is not None:
            # Else the first place the title names ("… TRÊN ĐỊA BÀN TỈNH X", "… THÀNH PHỐ HÀ NỘI …").
            level = level_of(doc, f"{issuer} {place.group(0)}")
    if level is None:
        # No body read at all (a copy without its header): whose proposal the enacting formula cites tells
        # the level ("Xét đề nghị của Bộ trưởng Bộ Tài chính": a decision of the Prime Minister or Government).
        level = meta_ocr.level_from_proposer(preamble)
    if number and _CENTRAL_NUMBER.search(fold(number).lower()):
        level = "central"  # "12/NQ-CP", "08/CT-TTg", "15-NQ/TW": the Government, the Prime Minister, the Party centre
    level = level_in_force(doc, level, date, issuer)
    # A Party document names its issuing organ under the type word ("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ"); the level
    # stays the one its header's committee gives.
    issuer = meta_party.with_organ(issuer, meta_party.party_organ(doc, head_lines))
    return {
        "number": number,
        "date": date,
        "issuer": issuer,
        "level": level,
        "title": title,
        "implements": implements,
        "spans": spans,
    }
