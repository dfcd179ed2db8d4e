"""Word .docx files: body paragraphs and tables in order, list numbers, headers and footers."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ansinh.lib.roman import to_roman
from ansinh.lib.text import normalize_text

from ._common import (
    DOCX_RATIO_MIN_SIZE,
    MAX_DOCX_ENTRIES,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED,
    MAX_FILE_BYTES,
    MEDIA_DOCX,
    DocumentError,
    ReadResult,
    check_file,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NS + "}"


def _corrupt(path: Path) -> DocumentError:
    return DocumentError(
        f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Word (.docx) hợp lệ; "
        "hãy mở bằng Word và lưu lại dưới dạng .docx."
    )


def check_docx_zip(path: Path) -> None:
    """Zip-bomb and sanity guard, run before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _corrupt(path) from None
    if len(infos) > MAX_DOCX_ENTRIES:
        raise DocumentError(f"Tệp “{path.name}” chứa quá nhiều thành phần; nghi là tệp độc hại.")
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        total += info.file_size
        if info.file_size >= DOCX_RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_DOCX_RATIO:
                raise DocumentError(
                    f"Tệp “{path.name}” có tỉ lệ nén bất thường (gấp {ratio:.0f} lần); "
                    "nghi là “bom nén”, không xử lý."
                )
    if total > MAX_DOCX_UNCOMPRESSED:
        raise DocumentError(
            f"Tệp “{path.name}” khi giải nén quá lớn "
            f"(trên {MAX_DOCX_UNCOMPRESSED // (1024 * 1024)} MB); nghi là “bom nén”, không xử lý."
        )
    if "word/document.xml" not in names:
        if any(name.startswith("xl/") for name in names) or any(name.startswith("ppt/") for name in names):
            raise DocumentError(
                f"Tệp “{path.name}” là bảng tính hoặc trình chiếu, không phải văn bản Word (.docx)."
            )
        raise _corrupt(path)


# --- numbering ---------------------------------------------------------------


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Numbering definitions and running counters of one document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> _Numbering:
        result = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            return result
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(_W + "abstractNum"):
            abstract[an.get(_W + "abstractNumId", "")] = _read_levels(an)
        for num in root.findall(_W + "num"):
            num_id = num.get(_W + "numId", "")
            ref = num.find(_W + "abstractNumId")
            base = abstract.get(ref.get(_W + "val", "") if ref is not None else "", {})
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in base.items()}
            for override in num.findall(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                lvl_el = override.find(_W + "lvl")
                if lvl_el is not None:
                    levels[ilvl] = _read_level(lvl_el)
                start = override.find(_W + "startOverride")
                if start is not None:
                    levels.setdefault(ilvl, _Level()).start = _int(start.get(_W + "val"), 1)
            result.levels[num_id] = levels
        return result

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            lvl = levels.get(len(counters))
            counters.append((lvl.start if lvl else 1) - 1)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            lvl = levels.get(deeper)
            counters[deeper] = (lvl.start if lvl else 1) - 1
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return level.text.strip() if "%" not in level.text else ""
        out = level.text
        for n in range(9, 0, -1):
            token = f"%{n}"
            if token in out:
                idx = n - 1
                lvl = levels.get(idx, _Level())
                value = counters[idx] if idx < len(counters) else lvl.start
                out = out.replace(token, _format_number(value if value > 0 else lvl.start, lvl.fmt))
        return out.strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read_levels(abstract_num: Any) -> dict[int, _Level]:
    return {_int(lvl.get(_W + "ilvl"), 0): _read_level(lvl) for lvl in abstract_num.findall(_W + "lvl")}


def _read_level(lvl: Any) -> _Level:
    level = _Level()
    fmt = lvl.find(_W + "numFmt")
    if fmt is not None:
        level.fmt = fmt.get(_W + "val", "decimal")
    text = lvl.find(_W + "lvlText")
    if text is not None:
        level.text = text.get(_W + "val", "")
    start = lvl.find(_W + "start")
    if start is not None:
        level.start = _int(start.get(_W + "val"), 1)
    return level


def _letters(n: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# --- body walk ---------------------------------------------------------------


def _paragraph_numpr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph, looking at its style chain when needed."""
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None and ppr.numPr is not None:
        num_id = ppr.numPr.numId
        ilvl = ppr.numPr.ilvl
        if num_id is not None:
            return str(num_id.val), int(ilvl.val) if ilvl is not None else 0
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        style = None
    depth = 0
    while style is not None and depth < 10:
        sppr = style.element.pPr
        if sppr is not None and sppr.numPr is not None and sppr.numPr.numId is not None:
            ilvl = sppr.numPr.ilvl
            return str(sppr.numPr.numId.val), int(ilvl.val) if ilvl is not None else 0
        style = style.base_style
        depth += 1
    return None


def _paragraph_text(paragraph: Any, numbering: _Numbering) -> str:
    text: str = paragraph.text
    numpr = _paragraph_numpr(paragraph)
    if numpr is None or not text.strip():
        return text
    label = numbering.label(*numpr)
    return f"{label} {text}" if label else text


def _table_text(table: Any, numbering: _Numbering) -> str:
    from docx.table import _Cell

    rows: list[str] = []
    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                cells.extend([""] * max(1, int(tc.grid_span or 1)))
                continue
            cell = _Cell(tc, table)
            parts = [" ".join(line.split()) for line in _iter_blocks(cell, numbering)]
            cells.append(" ".join(p for p in parts if p))
            # A cell merged across columns keeps the grid: its text, then empty cells, as converters write it.
            cells.extend([""] * (max(1, int(tc.grid_span or 1)) - 1))
        if any(c.strip() for c in cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _iter_blocks(container: Any, numbering: _Numbering) -> Iterator[str]:
    """Text of each paragraph / table of a body, cell, header or footer, in order."""
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if isinstance(container, Document):
        container = container._body
    element = container._element
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            yield _paragraph_text(Paragraph(child, container), numbering)
        elif tag == _W + "tbl":
            yield _table_text(Table(child, container), numbering)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                for sub in content.iterchildren():
                    if sub.tag == _W + "p":
                        yield _paragraph_text(Paragraph(sub, container), numbering)
                    elif sub.tag == _W + "tbl":
                        yield _table_text(Table(sub, container), numbering)


def _header_footer_texts(document: Any, numbering: _Numbering) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for kind, out in (("header", headers), ("footer", footers)):
            for attr in (kind, f"first_page_{kind}", f"even_page_{kind}"):
                try:
                    part = getattr(section, attr)
                    if part.is_linked_to_previous:
                        continue
                    text = "\n".join(t for t in _iter_blocks(part, numbering) if t.strip())
                except (KeyError, ValueError, AttributeError):
                    continue
                key = " ".join(text.split())
                if key and key not in seen:
                    seen.add(key)
                    out.append(text)
    return headers, footers


def _estimate_pages(document: Any) -> int:
    """Pages as last laid out by Word (rendered page breaks), or explicit page breaks."""
    body = document.element.body
    rendered = len(body.findall(".//" + _W + "lastRenderedPageBreak"))
    explicit = sum(1 for br in body.iter(_W + "br") if br.get(_W + "type") == "page")
    return 1 + max(rendered, explicit)


def read_docx_file(path: Path) -> ReadResult:
    """Read a .docx file into text (guarded against zip bombs first)."""
    check_file(path, MAX_FILE_BYTES)
    check_docx_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise _corrupt(path) from None
    except Exception as exc:  # lxml, zipfile and KeyError failures of a broken package
        raise DocumentError(
            f"Tệp “{path.name}” bị hỏng, không đọc được nội dung Word ({type(exc).__name__})."
        ) from None
    warnings_out: list[str] = []
    try:
        numbering = _Numbering.from_document(document)
        body = list(_iter_blocks(document, numbering))
        headers, footers = _header_footer_texts(document, _Numbering())
    except Exception as exc:  # defensive: malformed XML inside a valid package
        raise DocumentError(
            f"Tệp “{path.name}” có cấu trúc Word không hợp lệ ({type(exc).__name__})."
        ) from None
    parts = [*headers, *body, *footers]
    text = normalize_text("\n".join(parts)).strip("\n")
    if not text.strip():
        raise DocumentError(f"Tệp “{path.name}” không có nội dung chữ.")
    return ReadResult(
        text=text + "\n",
        media_type=MEDIA_DOCX,
        pages=_estimate_pages(document),
        ocr_used=False,
        warnings=warnings_out,
        encoding=None,
    )
