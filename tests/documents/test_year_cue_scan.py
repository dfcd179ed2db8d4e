"""Year cues before a value found from one scan of the block (target_years._cues_before): the same matches as a scan of
the block up to the value, on a made-up objectives paragraph."""

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.target_years import _DEADLINE, _cues_before, year_of
from ansinh.documents.parsing.vocab import YEAR_CUE
from ansinh.lib.text import fold

_TEXT = (
    "Đến năm 2027, tỷ lệ hộ dùng nước sạch đạt 95%; đến hết năm 2028 đạt 98%. Giai đoạn 2026-2030, hoàn thành "
    "trước ngày 30/6/2029 việc cấp nước cho 12 xã, chậm nhất tháng 9/2030 đạt 100% (năm 2030)."
)


def _doc() -> Doc:
    return Doc(text=_TEXT, clean=_TEXT, folded=fold(_TEXT))


def test_cues_before_each_value_are_those_a_scan_up_to_it_finds() -> None:
    doc = _doc()
    for pos in range(len(_TEXT) + 1):
        for pattern in (YEAR_CUE, _DEADLINE):
            found = [m.span() for m in _cues_before(doc, pattern, 0, pos, len(_TEXT))]
            assert found == [m.span() for m in pattern.finditer(doc.folded, 0, pos)]


def test_a_value_takes_the_year_of_the_last_cue_before_it() -> None:
    doc = _doc()
    value = _TEXT.index("98%")
    assert year_of(doc, 0, value, _TEXT.index("."), None, len(_TEXT)) == year_of(doc, 0, value, _TEXT.index("."), None) == 2028
