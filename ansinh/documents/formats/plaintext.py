"""Plain-text files: encoding detection (UTF-8, UTF-16, Windows-1258) and sanity checks."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ansinh.lib.text import nfc, normalize_text

from ._common import MAX_TEXT_BYTES, MEDIA_TXT, DocumentError, ReadResult, check_file
from .html_text import html_to_text, looks_like_html

# Share of characters that may be control characters (other than tab, new
# line, carriage return, form feed) before a file is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
# Share of "odd" characters (symbols outside Vietnamese text, private use,
# unassigned) tolerated in a single-byte decoding before rejecting it.
_MAX_ODD_SHARE_SINGLE_BYTE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

NOT_TEXT = "Tệp không phải văn bản (có vẻ là dữ liệu nhị phân hoặc bảng mã không nhận ra được)."

# Letters of the Windows-1258 repertoire that occur in Vietnamese text; a
# cp1258 decoding dominated by other non-ASCII letters is probably wrong.
_VI_EXTRA = frozenset(
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
    "\u0300\u0301\u0303\u0309\u0323"
)


def read_text_file(path: Path) -> ReadResult:
    """Read a plain-text file whatever its (Vietnamese-compatible) encoding."""
    check_file(path, MAX_TEXT_BYTES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"Không đọc được tệp “{path.name}” ({exc.strerror}).") from None
    text, encoding = decode_text(data)
    return ReadResult(
        text=text, media_type=MEDIA_TXT, pages=1, ocr_used=False, warnings=[], encoding=encoding
    )


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` into normalised text; return it with the encoding used.

    Raises :class:`DocumentError` for empty or binary data.
    """
    if not data:
        raise DocumentError("Tệp rỗng, không có nội dung.")
    text, encoding = _decode(data)
    if looks_like_html(text):  # a web page or a Word document saved as HTML, renamed .txt
        text = html_to_text(text)
    text = normalize_text(text)
    if not text.strip():
        raise DocumentError("Tệp không có nội dung (chỉ có khoảng trắng).")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    boms: tuple[tuple[bytes, str, str], ...] = (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    )
    for bom, codec, label in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError:
                # A UTF-32 LE BOM starts like a UTF-16 LE one: try the next.
                continue
            _ensure_textual(text)
            return text, label

    utf16 = _guess_utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if _control_share(text) <= _MAX_CONTROL_SHARE:
                return text, utf16

    if b"\x00" in data:
        raise DocumentError(NOT_TEXT)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _ensure_textual(text)
        return text, "utf-8"

    # Legacy single-byte encodings: Vietnamese Windows first, then Western.
    for codec in ("cp1258", "cp1252"):
        try:
            text = nfc(data.decode(codec))
        except UnicodeDecodeError:
            continue
        if _plausible_single_byte(text, vietnamese=codec == "cp1258"):
            return text, codec
    raise DocumentError(NOT_TEXT)


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NUL bytes on every other position."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul >= 0.3 and even_nul <= 0.02:
        return "utf-16-le"
    if even_nul >= 0.3 and odd_nul <= 0.02:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _ALLOWED_CONTROLS)
    return bad / len(text)


def _ensure_textual(text: str) -> None:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DocumentError(NOT_TEXT)


def _plausible_single_byte(text: str, *, vietnamese: bool) -> bool:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return False
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    odd = 0
    for ch in non_ascii:
        if vietnamese and ch in _VI_EXTRA:
            continue
        cat = unicodedata.category(ch)
        if not vietnamese and cat[0] == "L":
            continue
        if ch in "“”‘’–—…•€°±§©®«»·×÷\u00a0":
            continue
        odd += 1
    return odd / len(text) <= _MAX_ODD_SHARE_SINGLE_BYTE


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese ``text`` in Windows-1258 (base letter + combining tone mark).

    Characters the code page cannot hold raise ``UnicodeEncodeError``. Used by
    tests and by anyone who needs to produce legacy files.
    """
    out = bytearray()
    for ch in nfc(text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [m for m in decomposed[1:] if m in _TONE_MARKS]
        shapes = [m for m in decomposed[1:] if m not in _TONE_MARKS]
        base = unicodedata.normalize("NFC", decomposed[0] + "".join(shapes))
        if tones:
            with_tone = unicodedata.normalize("NFC", base + "".join(tones))
            if len(with_tone) == 1 and _encodable(with_tone):
                base, tones = with_tone, []
        out += base.encode("cp1258")
        for mark in tones:
            out += mark.encode("cp1258")
    return bytes(out)


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True
