"""A table laid out with spaces that lost each line's indentation (a web copy of a PDF's text) is read as when indented."""

from __future__ import annotations

from typing import cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.documents.formats.plaintext import decode_text
from ansinh.documents.noise import perturb
from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_tables import find_layout_tables

_HEAD = "KẾ HOẠCH\nChăm sóc người cao tuổi năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm người cao tuổi được chăm sóc.\nII. NHIỆM VỤ\n"
_TAIL = "III. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.\n"

# An invented table as pdftotext -layout prints it, then every line stripped of its leading spaces: the header's
# "Cơ quan chủ" / "trì" and the cells' next lines no longer stand under their columns.
_UNINDENTED = _HEAD + """STT   Nhiệm vụ                                   Cơ quan chủ   Cơ quan phối hợp          Thời gian
trì
1     Khám sức khỏe định kỳ cho người cao tuổi   Sở Y tế       Ủy ban nhân dân các xã;   Quý II năm
tại các trạm y tế xã                                       Hội Người cao tuổi tỉnh   2026
2     Rà soát danh sách người cao tuổi thuộc     Sở Nội vụ     Sở Tài chính              Tháng 6
hộ nghèo để hỗ trợ kịp thời
""" + _TAIL


def _rows(text: str) -> list[tuple[str | None, list[str], list[str], str | None]]:
    tables = find_layout_tables(prepare(text))
    return [(t.number, t.lead, t.coordinate, t.timeline) for table in tables for t in table.tasks]


def test_a_wrapped_header_and_cells_that_lost_their_indentation_are_read_under_their_columns() -> None:
    assert _rows(_UNINDENTED) == [
        ("1", ["Sở Y tế"], ["Ủy ban nhân dân các xã", "Hội Người cao tuổi tỉnh"], "Quý II năm 2026"),
        ("2", ["Sở Nội vụ"], ["Sở Tài chính"], "Tháng 6"),
    ]


def test_a_heading_after_an_unindented_table_ends_it() -> None:
    tasks = find_layout_tables(prepare(_UNINDENTED))[0].tasks
    assert "TỔ CHỨC" not in tasks[-1].title and tasks[-1].title.endswith("hỗ trợ kịp thời")


def test_a_comma_the_cleaner_moved_before_two_spaces_stays_inside_its_cell() -> None:
    text = _HEAD + (
        "STT   Nhiệm vụ                    Cơ quan,  đơn vị chủ trì   Cơ quan phối hợp   Thời gian\n"
        "1     Rà soát hộ nghèo            Sở Y tế                    Sở Tài chính       Năm 2026\n"
        "2     Chi trả trợ cấp             Sở Nội vụ                  Công an tỉnh       Hằng tháng\n"
    ) + _TAIL
    assert [(n, lead) for n, lead, _c, _t in _rows(text)] == [("1", ["Sở Y tế"]), ("2", ["Sở Nội vụ"])]


def test_a_word_segmenter_sets_one_space_around_a_mark_inside_a_tables_cells() -> None:
    assert "  " not in perturb("STT\tCơ quan, đơn vị chủ trì\tThời gian\n1\tSở Y tế, Sở Nội vụ\tNăm 2026", "segment", 0)


_AGENCIES = ["Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Sở Xây dựng", "Bảo hiểm xã hội tỉnh"]
_TITLES = ["Rà soát danh sách hộ nghèo, hộ cận nghèo trên địa bàn tỉnh", "Tổ chức khám sức khỏe cho người cao tuổi",
           "Chi trả trợ cấp xã hội hằng tháng qua tài khoản cá nhân của người hưởng", "Tuyên truyền chính sách"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(st.sampled_from(_TITLES), st.sampled_from(_AGENCIES), st.sampled_from(_AGENCIES)),
                  min_size=2, max_size=5),
    seed=st.integers(0, 50),
)
def test_a_tab_table_laid_out_then_copied_to_a_web_page_keeps_its_rows_and_leads(rows: list[tuple[str, str, str]], seed: int) -> None:
    table = "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n" + "".join(
        f"{k}\t{title}\t{lead}\t{partner}\tNăm 2026\n" for k, (title, lead, partner) in enumerate(rows, 1)
    )
    clean = extract_plan(_HEAD + table + _TAIL)
    web = perturb(perturb(_HEAD + table + _TAIL, "pdf", seed), "html", seed)
    noisy = extract_plan(decode_text(web.encode("utf-8"))[0])
    # A one-word line ("tỉnh") may go on either of two cells the widths both allow; the rows and their leads stay.
    got = [" ".join(t.get("lead") or []) for t in cast("list[dict[str, list[str]]]", noisy["tasks"])]
    want = [" ".join(t.get("lead") or []) for t in cast("list[dict[str, list[str]]]", clean["tasks"])]
    assert len(got) == len(want)
    assert all(a.startswith(b) or b.startswith(a) for a, b in zip(got, want, strict=True))


def test_a_header_word_a_web_copy_set_under_stt_belongs_to_another_column() -> None:
    # "phối hợp" (the partner label's second line) lost its indentation and now stands under "STT".
    text = _HEAD + (
        "STT   Nhiệm vụ                                         Cơ quan chủ trì   Cơ quan       Thời gian hoàn\n"
        "phối hợp      thành\n"
        "1     Rà soát danh sách hộ nghèo, hộ cận nghèo trên    Sở Y tế           Sở Nội vụ     Năm 2026\n"
        "địa bàn tỉnh\n"
        "2     Chi trả trợ cấp xã hội hằng tháng qua tài khoản  Bảo hiểm xã hội   Sở Y tế       Năm 2026\n"
        "cá nhân của người hưởng                                tỉnh\n"
    ) + "III. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm\n2026.\n"
    tasks = cast("list[dict[str, object]]", extract_plan(text)["tasks"])
    assert [t["number"] for t in tasks] == ["1", "2"]
    assert [t["lead"] for t in tasks] == [["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"]]
