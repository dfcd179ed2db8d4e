"""A PDF's text layer pads justified prose with tabs; such a paragraph is running text, not a table, while a
table's rows (two or more filled cells) keep their tabs (probe texts of my own)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text

_PADDED_NOTICE = (
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc\n"
    "Số: 565/TB-UBND Quảng Ngãi, ngày 15 tháng 11 năm 2024\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n"
    "I. Đánh giá chung\nKết quả giải ngân vốn các Chương trình mục tiêu quốc gia còn thấp so với\t\t\n"
    "kế hoạch vốn được giao.\t\t\n"
    "II. Nhiệm vụ cụ thể trong thời gian đến\n"
    "Để đẩy nhanh tiến độ triển khai thực hiện các Chương trình mục tiêu quốc gia\t\t\n"
    "trên địa bàn tỉnh, tập trung các nhiệm vụ cụ thể:\t\t\n"
    "1. Sở Lao động - Thương binh và Xã hội chủ trì rà soát hộ nghèo, hộ cận nghèo\t\t\t\n"
    "trên địa bàn tỉnh, báo cáo UBND tỉnh trước ngày 30 tháng 11 năm 2024.\t\t\n"
    "\t2.\tGiao Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí vốn\n"
    "đối ứng cho các chương trình.\t\t\n"
    "3. UBND các huyện, thị xã, thành phố khẩn trương giải ngân vốn được giao,\t\t\t\n"
    "hoàn thành trong tháng 12 năm 2024.\t\t\n"
)


def test_a_notice_whose_pdf_padded_its_prose_with_tabs_gives_its_numbered_tasks() -> None:
    tasks = extract_plan(_PADDED_NOTICE, "tb")["tasks"]
    assert isinstance(tasks, list)
    titles = [str(t["title"]) for t in tasks]
    assert len(titles) == 3, titles
    assert titles[1].startswith("Giao Sở Tài chính")


def test_a_tab_table_after_prose_keeps_its_cells() -> None:
    text = ("Kết quả thực hiện các chỉ tiêu chủ yếu của tỉnh trong năm 2024 như sau đây:\t\t\n"
            "STT\tChỉ tiêu\tĐơn vị\tNăm 2025\n"
            "Nhóm chỉ tiêu xã hội\t\t\t\n"
            "1\tTỷ lệ hộ nghèo\t%\t2,5\n"
            "2\tSố lao động có việc làm mới\tNgười\t12.000\n")
    clean = prepare(normalize_text(text)).clean.splitlines()
    assert "\t" not in clean[0]
    assert [line.count("\t") for line in clean[1:]] == [3, 3, 3, 3]


@given(st.lists(st.text(alphabet="abcdeghiklmnoqstuvxyàáâãèéêìíòóôõùúýăđơư", min_size=4, max_size=8),
                min_size=12, max_size=16), st.integers(1, 5))
def test_a_full_width_line_padded_only_with_tabs_is_read_as_prose(words: list[str], pad: int) -> None:
    line = " ".join(words)
    doc = prepare(f"{line}" + "\t" * pad + f"\n{line}\n")
    assert "\t" not in doc.clean
    assert len(doc.clean) == len(doc.text)


@settings(max_examples=40)
@given(st.lists(st.lists(st.text(alphabet="abcdeghiklmnoqstuvxy0123456789 ", min_size=1, max_size=40)
                         .filter(lambda c: c.strip() != ""), min_size=2, max_size=5), min_size=1, max_size=6))
def test_rows_with_two_filled_cells_keep_every_tab(rows: list[list[str]]) -> None:
    text = "Bảng tổng hợp kết quả thực hiện các nhiệm vụ trọng tâm của các sở, ngành\n" + "\n".join(
        "\t".join(cell.strip() for cell in row) for row in rows)
    doc = prepare(text)
    assert doc.clean.count("\t") >= text.count("\t") - sum(1 for row in rows if len(row) == 1)
