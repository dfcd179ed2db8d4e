"""The learned filter's named cues, written as lists of plain words, are looked for one branch per first letter:
whether a clause holds a cue does not change."""

import re

from ansinh.documents.parsing.target_learned import _CUE_RES, _CUES


def test_grouped_cues_find_a_cue_where_the_written_list_does() -> None:
    clauses = ["phan dau den nam 2030 ty le ho ngheo giam con duoi 1%", "nam 2024 da dat 95% so voi cung ky",
               "muc ho tro toi da 2 trieu dong", "thu nhap binh quan dau nguoi dat 90 trieu dong", "tai khoan 2 dieu 3",
               "khong qua 5 ngay", "it nhat 10 cu tri tham du", "binh thuong", ""]
    plain = {name: re.compile(pattern) for name, pattern in _CUES}
    for clause in clauses:
        for name, grouped in _CUE_RES:
            assert bool(grouped.search(clause)) == bool(plain[name].search(clause)), (name, clause)
