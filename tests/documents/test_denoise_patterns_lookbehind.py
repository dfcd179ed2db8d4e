"""Two segmenter repairs look behind after their first character (so the engine skips to it): they find what the
patterns written with the look-behind first find, on made-up lines."""

import re

from ansinh.documents.parsing.denoise import _INLINE_SPLIT_MARK, _SPACED_BRACKET

_BRACKET_FIRST = re.compile(r"(?<![^ \t\n])\( [^()\t\n]{1,80}? \)(?: [,;:.](?=[ \n]|$))? ?")
_MARK_FIRST = re.compile(r"(?<=\S) +(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])( )([.)])(?= +[A-ZĐÀ-Ỹ])")
_LINES = [
    "( Năm 2026 ) Thời gian ( chủ trì ) , Sở Y tế(  x ) và\n( a ) Bộ", "a( b ) c", "( đầu dòng )", "x\t( y ) .",
    "quy định sau : 1 . Nghị quyết số 1 . Tuân thủ", "thực hiện :  a ) Bộ Tài chính", " 2 . Hai", "x 3.1 . Ba b ) Cc",
]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_a_spaced_bracket_is_found_as_before() -> None:
    for line in _LINES:
        assert _found(_SPACED_BRACKET, line) == _found(_BRACKET_FIRST, line), line


def test_an_inline_split_mark_is_found_as_before() -> None:
    for line in _LINES:
        assert _found(_INLINE_SPLIT_MARK, line) == _found(_MARK_FIRST, line), line
    assert _found(_INLINE_SPLIT_MARK, "sau : 1 . Nghị quyết")
