"""Yearly values of one indicator in separate period paragraphs (probe texts of my own): one target and its path."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

PERIODS = """KẾ HOẠCH
Phát triển kinh tế - xã hội
I. MỤC TIÊU
Giai đoạn 2026 - 2030: Đến năm 2030, quy mô GRDP đạt 44 tỉ USD; tỉ lệ đô thị hóa đạt 65%.
Giai đoạn 2031 - 2035: Đến năm 2035, quy mô GRDP đạt 70 tỉ USD.
Giai đoạn 2036 - 2045: Đến năm 2045, quy mô GRDP đạt 150 tỉ USD.
II. NHIỆM VỤ
1. Phát triển hạ tầng.
"""


def test_an_indicator_given_for_three_periods_in_separate_paragraphs_is_one_target_with_its_path() -> None:
    targets = extract_plan(PERIODS, "giai-doan")["targets"]
    assert isinstance(targets, list)
    grdp = [t for t in targets if "GRDP" in t["indicator"]]
    assert len(grdp) == 1
    assert (grdp[0]["year"], grdp[0]["value"]) == (2045, 150)
    assert [(m["year"], m["value"]) for m in grdp[0]["milestones"]] == [(2030, 44), (2035, 70), (2045, 150)]
    assert any(t["year"] == 2030 and t["value"] == 65 for t in targets)


def test_two_periods_alone_stay_two_targets() -> None:
    text = PERIODS.replace("Giai đoạn 2036 - 2045: Đến năm 2045, quy mô GRDP đạt 150 tỉ USD.\n", "")
    targets = extract_plan(text, "hai-giai-doan")["targets"]
    assert isinstance(targets, list)
    assert sorted(t["year"] for t in targets if "GRDP" in t["indicator"]) == [2030, 2035]
