"""The noise bench's perturbations, and the parser reading noisy text as it reads clean text (issue 10)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ansinh.documents.formats.html_text import html_to_text, looks_like_html
from ansinh.documents.noise import ALL, KINDS, perturb
from ansinh.documents.noise_bench import noisy_text
from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.structure import parse_outline
from ansinh.lib.text import fold, normalize_text

PLAN = """KẾ HOẠCH
Thực hiện chính sách xã hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Triển khai kịp thời, đồng bộ các chính sách an sinh xã hội trên địa bàn tỉnh, bảo đảm mọi người dân được hưởng đầy đủ.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao thu nhập cho người lao động
a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát chính sách hỗ trợ việc làm.
b) Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh mở rộng bao phủ bảo hiểm y tế.
c) Ủy ban nhân dân các xã, phường tổ chức đối thoại với người lao động.
2. Hỗ trợ người có hoàn cảnh khó khăn
- Sở Y tế rà soát đối tượng bảo trợ xã hội hằng quý.
- Ủy ban nhân dân các xã chi trả trợ cấp đúng hạn.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.
"""

# (style, label) of every heading the clean plan has: what the noisy plan must keep.
_WORDS = st.sampled_from(["phát", "triển", "hệ", "thống", "an", "sinh", "xã", "hội", "chính", "sách", "Sở", "Y", "tế"])


def _outline(text: str) -> list[tuple[str, str]]:
    return [(n.style, n.label) for n in parse_outline(prepare(text)).walk()[1:]]


CLEAN_OUTLINE = _outline(PLAN)


def test_every_kind_is_the_same_for_the_same_seed_and_changes_the_text() -> None:
    tabled = PLAN + "PHỤ LỤC\nTT\tNhiệm vụ\tCơ quan chủ trì\n1\tRà soát hộ nghèo\tSở Y tế\n"
    for kind in (*KINDS, ALL):
        assert perturb(tabled, kind, 3) == perturb(tabled, kind, 3)
        assert perturb(tabled, kind, 3) != tabled, kind


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="không có loại nhiễu"):
        perturb(PLAN, "mực-nhòe")


@pytest.mark.parametrize("kind", ["emphasis", "segment", "ocr", "html", "headers", "nodiacritics"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_outline_of_a_noisy_plan_is_the_outline_of_the_clean_plan(kind: str, seed: int) -> None:
    assert _outline(noisy_text(PLAN, kind, seed)) == CLEAN_OUTLINE


@pytest.mark.parametrize("kind", ["emphasis", "segment", "ocr", "html"])
def test_a_noisy_plans_tasks_and_units_come_out_clean(kind: str) -> None:
    clean = extract_plan(normalize_text(PLAN), "p")
    noisy = extract_plan(noisy_text(PLAN, kind, 0), "p")

    def tasks(result: dict[str, object]) -> list[tuple[object, ...]]:
        items = result["tasks"]
        assert isinstance(items, list)
        return [(t["number"], tuple(fold(u) for u in t["lead"]), tuple(fold(u) for u in t["coordinate"])) for t in items]

    assert tasks(noisy) == tasks(clean)
    for task in noisy["tasks"]:  # type: ignore[attr-defined]
        assert not any(mark in unit for unit in task["lead"] + task["coordinate"] for mark in "_*\\")


def test_a_web_page_renamed_txt_reads_as_its_text_with_tables_as_tab_rows() -> None:
    page = ('<html><head><title>x</title><style>p{}</style></head><body><p class="MsoNormal"><b>II. NHI&#7878;M V&#7908;</b></p>'
            "<p>Ti&#x1ebf;p t&#7909;c&nbsp;tri&#7875;n khai<br>c&aacute;c ch&#237;nh s&#225;ch</p>"
            "<table><tr><td><p>1</p></td><td><p>Rà soát</p><p>hộ nghèo</p></td><td>Sở Y tế</td></tr></table></body></html>")
    assert looks_like_html(page)
    assert html_to_text(page) == "II. NHIỆM VỤ\nTiếp tục triển khai\ncác chính sách\n1\tRà soát hộ nghèo\tSở Y tế"


def test_a_text_that_mentions_a_tag_is_not_a_web_page() -> None:
    assert not looks_like_html("Ghi chú: thẻ <p> dùng cho đoạn văn.\nDòng hai.\nDòng ba.")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(st.tuples(st.sampled_from(["I.", "II.", "III.", "1.", "2.", "a)", "b)", "c)", "-"]),
                             st.lists(_WORDS, min_size=2, max_size=12).map(" ".join)), min_size=1, max_size=12),
    kind=st.sampled_from([*KINDS, ALL]),
    seed=st.integers(0, 10_000),
)
def test_perturbing_then_cleaning_never_fails_and_keeps_the_length(items: list[tuple[str, str]], kind: str, seed: int) -> None:
    text = "\n".join(f"{mark} {body}" for mark, body in items)
    noisy = noisy_text(text, kind, seed)
    doc = prepare(noisy)
    assert len(doc.clean) == len(doc.text) == len(doc.folded)
    extract_plan(noisy, "p")


@settings(max_examples=25, deadline=None)
@given(
    items=st.lists(st.tuples(st.sampled_from(["II.", "III.", "1.", "2.", "a)", "c)"]),
                             st.lists(_WORDS, min_size=2, max_size=8).map(" ".join)), min_size=1, max_size=10),
    kind=st.sampled_from(["emphasis", "segment", "ocr"]),
    seed=st.integers(0, 10_000),
)
def test_perturbing_then_cleaning_keeps_the_structure_lines(items: list[tuple[str, str]], kind: str, seed: int) -> None:
    romans = [mark for mark, _ in items if mark.startswith("I")]
    assume(romans == sorted(set(romans), key=len))  # headings numbered in order, as documents number them
    text = "\n".join(f"{mark} {body}" for mark, body in items)
    assert _outline(noisy_text(text, kind, seed)) == _outline(text)


def test_the_noise_bench_scores_every_kind_next_to_the_clean_text(tmp_path: Path) -> None:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "p.txt").write_text(PLAN, encoding="utf-8")
    (gold / "p.json").write_text(json.dumps(extract_plan(normalize_text(PLAN), "p"), ensure_ascii=False), "utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["p"], "test": ["q"]}), "utf-8")
    (docs / "q.txt").write_bytes(b"\xff\xfe\x00\x00 not read")  # a test-part document and its gold are never opened
    (gold / "q.json").write_text("{không phải JSON", "utf-8")
    out = StringIO()
    call_command("bench", "noise", "--gold", str(gold), "--docs", str(docs), "--noise", "emphasis,segment", "--seed", "1",
                 stdout=out)
    lines = out.getvalue().splitlines()
    assert "phần phát triển (dev)" in lines[0]
    assert [line.split()[0] for line in lines[2:]] == ["sạch", "emphasis", "segment"]
    assert "1.000" in lines[2]


def test_the_noise_bench_refuses_an_unknown_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises((CommandError, SystemExit)):
        call_command("bench", "noise", "--gold", str(tmp_path), "--docs", str(tmp_path), "--noise", "mực")
    assert "loại nhiễu không hợp lệ: mực" in capsys.readouterr().err


# --- probes of the repairs (parsing/denoise.py, clean.py, layout_tables.py) ---------------------------------


def test_ocr_and_converter_marks_are_read_back_in_the_clean_view_without_changing_its_length() -> None:
    text = "1I. MỤC TIÊU\n©) Sở Y tế\nC0NG BÁO\nnăm 2 025, ngày 1 5 tháng 1 2 năm 2026\n__1.__ Nội dung\n2\\. Rà soát\n"
    doc = prepare(text)
    assert len(doc.clean) == len(text)
    lines = [line.strip() for line in doc.clean.split("\n")]
    assert lines[:3] == ["II. MỤC TIÊU", "c) Sở Y tế", "CONG BÁO"]
    assert lines[3].split() == ["năm", "2025,", "ngày", "15", "tháng", "12", "năm", "2026"]
    assert lines[4].split() == ["1.", "Nội", "dung"] and lines[5].split() == ["2.", "Rà", "soát"]


def test_numbers_that_only_look_split_are_left_alone() -> None:
    for text in ("có 2 025,5 tỷ đồng", "12 025 người", "B0 và c0n", "có 1 2 tháng"):
        assert prepare(text).clean == text


def test_a_doubtful_roman_mark_after_the_same_value_is_left_to_the_outline_and_numbered_by_sequence() -> None:
    assert [line.strip() for line in prepare("II. A\nIl. B\n1V. C\nll. D").clean.split("\n")] == ["II. A", "Il. B", "IV. C", "ll. D"]
    assert _outline("II. NHIỆM VỤ\nIl. TỔ CHỨC THỰC HIỆN") == [("roman", "II"), ("roman", "III")]


def test_a_sentence_a_page_break_cut_is_one_line_again_but_a_heading_and_a_list_mark_are_not_joined() -> None:
    text = ("1. Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan rà soát toàn bộ\nTrang 3/14\n"
            "chính sách hỗ trợ.\na) Việc này\nđược làm ngay\nII. TỔ CHỨC THỰC HIỆN\n"
            "Các sở, ngành liên quan tổ chức thực hiện kế hoạch này theo đúng\nb) Báo cáo\n")
    lines = [" ".join(line.split()) for line in prepare(text).clean.split("\n") if line.strip()]
    assert lines[0].endswith("rà soát toàn bộ chính sách hỗ trợ.")
    assert lines[1:] == ["a) Việc này", "được làm ngay", "II. TỔ CHỨC THỰC HIỆN",
                         "Các sở, ngành liên quan tổ chức thực hiện kế hoạch này theo đúng", "b) Báo cáo"]


def test_a_bar_table_row_a_page_broke_inside_a_cell_is_one_task_with_its_units() -> None:
    text = """II. NHIỆM VỤ CỤ THỂ
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1. | Rà soát chính sách hỗ trợ người cao tuổi | Sở Y tế | Sở Tài chính | 2026 |
| 2. | Nghiên cứu, rà soát, đề xuất sửa đổi quy định về cơ sở dữ liệu an sinh xã hội, kết nối,
Trang 12/22
chia sẻ thông tin giữa các ngành | Sở Khoa học và Công nghệ | Công an tỉnh | 2026 |
| 3. | Tổ chức đối thoại chính sách | Sở Nội vụ | Ủy ban nhân dân các xã | 2027 |
"""
    tasks = {t["number"]: t for t in extract_plan(normalize_text(text), "p")["tasks"]}  # type: ignore[attr-defined]
    assert [tasks[n]["lead"] for n in ("1", "2", "3")] == [["Sở Y tế"], ["Sở Khoa học và Công nghệ"], ["Sở Nội vụ"]]
    assert tasks["2"]["coordinate"] == ["Công an tỉnh"]


def test_a_laid_out_table_whose_unit_column_is_named_responsibility_gives_its_leads() -> None:
    text = """II. NHIỆM VỤ
TT    Nội dung                                   Trách nhiệm thực      Thời gian
                                                 hiện
1     Giải đáp vướng mắc về cải cách hành        Sở Công Thương        Tháng 1
      chính thuộc thẩm quyền của ngành
2     Giải đáp vướng mắc về giáo dục nghề         Sở Giáo dục và        Tháng 3
      nghiệp                                     Đào tạo
"""
    tasks = extract_plan(normalize_text(text), "p")["tasks"]
    assert [(t["number"], t["lead"]) for t in tasks] == [("1", ["Sở Công Thương"]), ("2", ["Sở Giáo dục và Đào tạo"])]  # type: ignore[attr-defined]


def test_an_uploaded_text_file_holding_a_web_page_is_read_as_its_text_and_an_empty_page_is_refused() -> None:
    from ansinh.documents.formats._common import DocumentError
    from ansinh.documents.formats.plaintext import decode_text

    page = "<!DOCTYPE html><html><body><p><b>I. M&#7908;C TI&Ecirc;U</b></p><p>Gi&#7843;m ngh&egrave;o</p></body></html>"
    assert decode_text(page.encode("utf-8"))[0] == "I. MỤC TIÊU\nGiảm nghèo"
    with pytest.raises(DocumentError, match="không có nội dung"):
        decode_text(b"<html><head><title>x</title></head><body><p> </p></body></html>")


def test_a_table_written_one_cell_per_line_keeps_its_rows_when_a_page_break_falls_between_two_cells() -> None:
    text = """Điều 2. Tổ chức thực hiện
STT
Tên dự án
Cơ quan trình
Cơ quan chủ trì thẩm tra
Thời gian
1
Luật Dân số
Chính phủ
- 2 -
Ủy ban Văn hóa và Xã hội
Tháng 9/2026
2
Luật Thủ đô (sửa đổi)
Trang 3/14
Chính phủ
Ủy ban Pháp luật và Tư pháp
Tháng 10/2026
"""
    tasks = {t["number"]: t for t in extract_plan(normalize_text(text), "p")["tasks"]}  # type: ignore[attr-defined]
    assert [tasks[n]["lead"] for n in ("1", "2")] == [["Chính phủ"], ["Chính phủ"]]
    assert [tasks[n]["coordinate"] for n in ("1", "2")] == [["Ủy ban Văn hóa và Xã hội"], ["Ủy ban Pháp luật và Tư pháp"]]


def test_a_word_segmenters_marks_around_emphasis_quotes_and_a_lone_mark_are_read_back() -> None:
    text = "**II . PHÂN CÔNG NHIỆM VỤ**\n**1 . Tuyên truyền**\n2 .\nỦy ban nhân dân tỉnh thực hiện\n “ Điều 12 . Chế độ báo cáo\n( Sở Y tế ) chủ trì\n"
    lines = [" ".join(line.split()) for line in prepare(text).clean.split("\n")]
    assert lines[:2] == ["II. PHÂN CÔNG NHIỆM VỤ", "1. Tuyên truyền"]
    assert lines[2] == "2. Ủy ban nhân dân tỉnh thực hiện"
    # the split mark inside the line is joined too ("Điều 12 . Chế độ" reads as the unsegmented "Điều 12. Chế độ")
    assert lines[3:5] == ["“Điều 12. Chế độ báo cáo", "(Sở Y tế) chủ trì"]


@settings(max_examples=20, deadline=None)
@given(long_word=st.text(alphabet="abcdeghiklmnopqrstuvxy_", min_size=45, max_size=60), seed=st.integers(0, 50))
def test_pdf_noise_never_glues_two_columns_text_together(long_word: str, seed: int) -> None:
    # wide columns squeezed into a page: the task column is narrower than its one long (segmented) token
    wide = " ".join(["nội dung"] * 30)
    row = f"1\t{long_word} {wide}\tSở Y tế {wide}\tCác sở, ngành {wide}"
    text = "STT\tNhiệm vụ\tChủ trì\tPhối hợp\n" + "\n".join([row] * 3)
    laid = perturb(text, "pdf", seed)
    assert "\t" not in laid
    for line in laid.splitlines():
        # the lead column's text always stands apart from whatever is laid to its left
        if "Sở" in line:
            assert line[line.index("Sở") - 2 : line.index("Sở")] == "  "
