"""Plain-text reading: encodings, limits and rejection of non-text."""

from __future__ import annotations

import codecs
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ansinh.documents.formats import MAX_TEXT_BYTES, DocumentError, ReadResult, read_document
from ansinh.documents.formats.plaintext import decode_text, encode_cp1258
from ansinh.lib.text import normalize_text
from tests.sizes import size

SAMPLE = (
    "KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW về chính sách xã hội;\n"
    "Đảm bảo 100% người có công được chăm sóc — ưu tiên hộ nghèo, ấy, ỹ, Ặ.\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    res = read_document(_write(tmp_path, data))
    assert isinstance(res, ReadResult)
    assert res.text == SAMPLE
    assert res.encoding == encoding
    assert res.media_type == "text/plain"
    assert res.pages == 1 and not res.ocr_used


def test_cp1258_is_decoded_and_composed(tmp_path: Path) -> None:
    text = SAMPLE.replace("—", "-")
    data = encode_cp1258(text)
    assert "ấ".encode() not in data  # really single-byte with combining marks
    res = read_document(_write(tmp_path, data))
    assert res.encoding == "cp1258"
    assert res.text == text
    assert "Thực" in res.text  # NFC: one code point per letter


def test_crlf_and_nfd_are_normalised(tmp_path: Path) -> None:
    import unicodedata

    raw = unicodedata.normalize("NFD", "Kế hoạch\r\nnăm 2025\r\n")
    res = read_document(_write(tmp_path, raw.encode("utf-8")))
    assert res.text == "Kế hoạch\nnăm 2025\n"


def test_binary_garbage_is_rejected(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(DocumentError) as info:
        read_document(_write(tmp_path, data))
    assert info.value.message.startswith("Tệp không phải văn bản")
    assert str(info.value) == info.value.message


def test_random_bytes_rejected(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        read_document(_write(tmp_path, os.urandom(4096)))


def test_empty_and_blank_files(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="rỗng"):
        read_document(_write(tmp_path, b""))
    with pytest.raises(DocumentError, match="không có nội dung"):
        read_document(_write(tmp_path, b"  \n\t\n", "blank.txt"))


def test_directory_and_missing(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match="thư mục"):
        read_document(folder)
    with pytest.raises(DocumentError, match="Không tìm thấy"):
        read_document(tmp_path / "missing.txt")


def test_huge_sparse_file_rejected_without_reading(tmp_path: Path) -> None:
    import time

    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: no disk used
    assert os.path.getsize(path) > MAX_TEXT_BYTES
    started = time.perf_counter()
    with pytest.raises(DocumentError, match="quá lớn"):
        read_document(path)
    assert time.perf_counter() - started < 1.0


# --- property tests -------------------------------------------------------------

VI_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
VI_ALPHABET = VI_LETTERS + VI_LETTERS.upper() + string.digits + " .,;:!?()-/%\n"
SAFE_ALPHABET = VI_ALPHABET + "“”–…"

vi_text = st.text(alphabet=SAFE_ALPHABET, min_size=1, max_size=200).filter(
    lambda s: any(ch.isalpha() for ch in s)
)
cp1258_text = st.text(alphabet=VI_ALPHABET, min_size=1, max_size=200).filter(
    lambda s: any(ch.isalpha() for ch in s)
)


@settings(max_examples=size(40, 150), deadline=None)
@given(text=vi_text, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"]))
def test_roundtrip_unicode(text: str, codec: str) -> None:
    if codec == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(codec)
    decoded, _ = decode_text(data)
    assert decoded == normalize_text(text)


@settings(max_examples=size(40, 150), deadline=None)
@given(text=cp1258_text)
def test_roundtrip_cp1258(text: str) -> None:
    decoded, encoding = decode_text(encode_cp1258(text))
    assert decoded == normalize_text(text)
    if any(ord(ch) > 127 for ch in text):
        assert encoding == "cp1258"


_ascii_char = st.sampled_from(string.ascii_letters + " .,\n")
_vi_char = st.sampled_from(VI_LETTERS + VI_LETTERS.upper())
mostly_latin = st.lists(
    st.one_of(_ascii_char, _ascii_char, _ascii_char, _vi_char), min_size=8, max_size=200
).map("".join)


@settings(max_examples=size(40, 80), deadline=None)
@given(text=mostly_latin)
def test_roundtrip_utf16_without_bom_when_mostly_latin(text: str) -> None:
    assume(sum(ord(ch) < 128 for ch in text) >= 0.6 * len(text) and text.strip())
    decoded, _ = decode_text(text.encode("utf-16-le"))
    assert decoded == normalize_text(text)


@settings(max_examples=size(40, 300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_only_raise_document_error(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except DocumentError as err:
        assert err.message
    else:
        assert isinstance(text, str) and text.strip()
        assert encoding
