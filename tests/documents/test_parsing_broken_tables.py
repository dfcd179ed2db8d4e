"""Assignment tables whose markdown header a PDF-to-markdown converter kept while it broke the rows into loose lines
(cells two spaces apart), markdown fragments and wrapped cell pieces: the rows are read from their row numbers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.broken_tables import find_broken_tables
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\nSố: 41/KH-UBND\nAn Phú, ngày 2 tháng 4 năm 2026\n\nKẾ HOẠCH\n"
    "Phát triển nông nghiệp sạch giai đoạn 2026-2030\n\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao giá trị nông sản.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\nPHỤ LỤC\n"
    "Danh mục nhiệm vụ ưu tiên\n"
    "|     |          | Cơ quan |                  | Thời gian  |\n"
    "| --- | -------- | ------- | ---------------- | ---------- |\n"
    "| STT | Nội dung | chủ trì | Cơ quan phối hợp | thực hiện  |\n"
)
BODY = (
    "I Hoàn thiện cơ chế hỗ trợ\n"
    "1 Chính sách về đất đai cho vùng nguyên liệu\n"
    "1.1 Hỗ trợ thuê đất cho hợp tác xã  Sở Nông nghiệp và Môi trường  2026-2027\n"
    "trồng rau an toàn\n"
    "| 1.2 Ưu đãi tín dụng cho hộ trồng lúa hữu cơ |     | Sở Tài chính | Ngân hàng Chính sách xã hội tỉnh | 2026 |\n"
    "| --- | --- | --- | --- | --- |\n"
    "3\n"
    "II Phát triển thị trường tiêu thụ\n"
    "1 Xây dựng sàn giao dịch nông sản trực tuyến  Sở Công Thương các xã, phường liên quan  x 2027\n"
    "2 Tổ chức hội chợ nông sản an toàn hằng năm  Sở Công Thương  UBND các xã, phường  Hằng năm\n"
)


def _tasks(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    return [(t["number"], t["title"], tuple(t["lead"]), tuple(t["coordinate"])) for t in got]


def test_rows_a_converter_broke_out_of_a_markdown_table_are_read_from_their_row_numbers() -> None:
    numbers = [n for n, *_ in _tasks(HEAD + BODY)]
    assert numbers[-7:] == ["I", "I.1", "I.1.1", "I.1.2", "II", "II.1", "II.2"]


def test_a_loose_line_gives_its_title_then_the_lead_the_next_run_names() -> None:
    rows = {n: (title, lead) for n, title, lead, _ in _tasks(HEAD + BODY)}
    assert rows["I.1.1"] == ("Hỗ trợ thuê đất cho hợp tác xã", ("Sở Nông nghiệp và Môi trường",))


def test_a_markdown_row_that_keeps_the_header_columns_gives_its_lead_and_partner_by_column() -> None:
    rows = {n: (lead, partners) for n, _, lead, partners in _tasks(HEAD + BODY)}
    assert rows["I.1.2"] == (("Sở Tài chính",), ("Ngân hàng Chính sách xã hội tỉnh",))


def test_the_bodies_of_the_next_cell_are_not_taken_into_the_lead() -> None:
    rows = {n: lead for n, _, lead, _ in _tasks(HEAD + BODY)}
    assert rows["II.1"] == ("Sở Công Thương",)


def test_a_name_the_next_cell_holds_whole_is_a_partner() -> None:
    rows = {n: (lead, partners) for n, _, lead, partners in _tasks(HEAD + BODY)}
    assert rows["II.2"] == (("Sở Công Thương",), ("UBND các xã, phường",))


def test_a_group_row_is_a_task_without_units() -> None:
    rows = {n: (title, lead) for n, title, lead, _ in _tasks(HEAD + BODY)}
    assert rows["I.1"] == ("Chính sách về đất đai cho vùng nguyên liệu", ())


def test_a_number_alone_on_a_line_is_a_page_number_and_no_row() -> None:
    assert "I.3" not in [n for n, *_ in _tasks(HEAD + BODY)]


def test_a_number_out_of_order_opens_a_wrapped_piece_not_a_row() -> None:
    body = BODY.replace("trồng rau an toàn\n", "1 Cùng các thôn rà soát diện tích\n")
    tables = find_broken_tables(prepare(normalize_text(HEAD + body)))
    assert [t.number for t in tables[0].tasks] == ["I", "I.1", "I.1.1", "I.1.2", "II", "II.1", "II.2"]


def test_a_header_over_rows_the_markdown_table_keeps_is_left_to_the_markdown_reader() -> None:
    whole = HEAD + "| 1 | Hỗ trợ thuê đất | Sở Tài chính | Sở Nội vụ | 2026 |\n| 2 | Mở hội chợ | Sở Công Thương | | 2027 |\n"
    assert find_broken_tables(prepare(normalize_text(whole + BODY))) == []


WRAPPED = (
    "I Hoàn thiện cơ chế hỗ trợ\n"
    "Rà soát quỹ đất công để cho thuê  Lập danh mục  2026\n"
    "| 1 |     | Sở Tài chính |     | 2026 |\n"
    "| --- | --- | --- | --- | --- |\n"
    "làm vùng trồng dược liệu tập trung  các khu đất\n"
    "\n"
    "2 Lập bản đồ số vùng trồng  Sở Nông nghiệp và Môi trường Các hợp tác xã nông nghiệp  2027\n"
    "3 Mở lớp tập huấn kỹ thuật canh tác  Sở Khoa học và Công nghệ  2026\n"
)


def test_a_row_whose_number_line_holds_no_title_takes_the_work_column_pieces_wrapped_around_it() -> None:
    rows = {n: (title, lead) for n, title, lead, _ in _tasks(HEAD + WRAPPED)}
    assert rows["I.1"] == ("Rà soát quỹ đất công để cho thuê làm vùng trồng dược liệu tập trung", ("Sở Tài chính",))


def test_a_capitalised_plural_after_a_whole_name_opens_the_next_name() -> None:
    rows = {n: (lead, partners) for n, _, lead, partners in _tasks(HEAD + WRAPPED)}
    assert rows["I.2"] == (("Sở Nông nghiệp và Môi trường",), ("Các hợp tác xã nông nghiệp",))


def test_a_dotted_row_number_alone_on_its_line_is_a_row_whose_title_wraps_around_it() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "1 Chính sách về đất đai cho vùng nguyên liệu\n"
        "Xây dựng kho lạnh bảo quản nông sản  Sở Công Thương  2026\n"
        "1.1\n"
        "| tại các vùng chuyên canh |     |     |     |     |\n"
        "1.2 Hỗ trợ thuê đất cho hợp tác xã  Sở Tài chính  2026-2027\n"
    )
    rows = {n: title for n, title, *_ in _tasks(HEAD + body)}
    assert rows["I.1.1"] == "Xây dựng kho lạnh bảo quản nông sản tại các vùng chuyên canh"


def test_the_work_cell_wrapped_above_and_below_a_numbered_line_joins_its_title() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "Rà soát, bổ sung danh mục  Lập danh mục  Ghi chú\n"
        "1 cây trồng chủ lực của tỉnh  Sở Nông nghiệp và Môi trường  2026\n"
        "theo hướng sản xuất hàng hóa  các vùng\n"
        "2 Mở lớp tập huấn kỹ thuật canh tác  Sở Khoa học và Công nghệ  2026\n"
        "3 Xây dựng chuỗi liên kết tiêu thụ  Sở Công Thương  2027\n"
    )
    rows = {n: title for n, title, *_ in _tasks(HEAD + body)}
    assert rows["I.1"] == "Rà soát, bổ sung danh mục cây trồng chủ lực của tỉnh theo hướng sản xuất hàng hóa"


def test_a_fragment_that_sets_its_own_columns_gives_its_names_in_order_not_by_the_header_index() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "| 1 Xây dựng cổng thông tin nông sản |     |     |     | Sở Khoa học và Công nghệ |     |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "2 Mở lớp tập huấn kỹ thuật canh tác  Sở Nông nghiệp và Môi trường  2026\n"
        "3 Xây dựng chuỗi liên kết tiêu thụ  Sở Công Thương  2027\n"
    )
    rows = {n: lead for n, _, lead, _ in _tasks(HEAD + body)}
    assert rows["I.1"] == ("Sở Khoa học và Công nghệ",)


def test_businesses_a_cell_of_their_own_names_lead_the_row() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "1 Mở điểm bán nông sản sạch  Doanh nghiệp  2026\n"
        "2 Mở lớp tập huấn kỹ thuật canh tác  Sở Nông nghiệp và Môi trường  2026\n"
        "3 Doanh nghiệp tự công bố chất lượng  Sở Công Thương  2027\n"
    )
    rows = {n: (title, lead) for n, title, lead, _ in _tasks(HEAD + body)}
    assert rows["I.1"] == ("Mở điểm bán nông sản sạch", ("Doanh nghiệp",))
    assert rows["I.3"] == ("Doanh nghiệp tự công bố chất lượng", ("Sở Công Thương",))


def test_a_header_whose_rows_go_on_as_a_markdown_table_after_a_break_is_left_to_the_markdown_reader() -> None:
    rows = (
        "\n| 1 | Hỗ trợ thuê đất | Sở Tài chính | Sở Nội vụ | 2026 |\n| --- | --- | --- | --- | --- |\n"
        "| 2 | Mở hội chợ nông sản | Sở Công Thương | | 2027 |\n| 3 | Tập huấn kỹ thuật | Sở Khoa học và Công nghệ | | 2027 |\n"
    )
    assert find_broken_tables(prepare(normalize_text(HEAD + rows))) == []


def test_a_table_without_roman_sections_numbers_its_rows_as_written() -> None:
    body = "\n".join(line for line in BODY.splitlines() if not line.startswith(("I ", "II "))) + "\n"
    tables = find_broken_tables(prepare(normalize_text(HEAD + body)))
    assert [t.number for t in tables[0].tasks] == ["1", "1.1", "1.2", "2"]  # the second "1" is out of order


def test_a_name_its_cell_wrapped_after_a_plural_is_not_read() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "1 Mở điểm bán nông sản sạch  UBND các  2026\n"
        "2 Mở lớp tập huấn kỹ thuật canh tác  Sở Nông nghiệp và Môi trường  2026\n"
        "3 Xây dựng chuỗi liên kết tiêu thụ  Sở Công Thương  2027\n"
    )
    rows = {n: lead for n, _, lead, _ in _tasks(HEAD + body)}
    assert rows["I.1"] == ()


def test_a_number_line_opening_with_a_word_then_names_holds_another_columns_piece_not_the_lead() -> None:
    body = (
        "I Hoàn thiện cơ chế hỗ trợ\n"
        "1 nghiệp; UBND các huyện  x 2026\n"
        "2 Mở lớp tập huấn kỹ thuật canh tác  Sở Nông nghiệp và Môi trường  2026\n"
        "3 Xây dựng chuỗi liên kết tiêu thụ  Sở Công Thương  2027\n"
    )
    rows = {n: lead for n, _, lead, _ in _tasks(HEAD + body)}
    assert "I.1" not in rows and rows["I.2"] == ("Sở Nông nghiệp và Môi trường",)


def test_a_broken_table_without_its_diacritics_gives_the_same_rows_and_units() -> None:
    from ansinh.lib.text import strip_marks

    def folded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [(n, strip_marks(t), tuple(strip_marks(u) for u in lead), tuple(strip_marks(u) for u in co))
                for n, t, lead, co in rows]

    plain = _tasks(strip_marks(HEAD + BODY))
    assert [n for n, *_ in plain][-7:] == ["I", "I.1", "I.1.1", "I.1.2", "II", "II.1", "II.2"]
    assert folded(plain)[-7:] == folded(_tasks(HEAD + BODY))[-7:]


_PIECES = [
    "I Hoàn thiện cơ chế", "1 Chính sách đất đai", "1.1 Hỗ trợ thuê đất  Sở Tài chính  2026", "trồng rau an toàn",
    "| 1.2 Ưu đãi tín dụng |     | Sở Tài chính | Ngân hàng | 2026 |", "| --- | --- | --- | --- | --- |", "3", "",
    "II Phát triển thị trường", "2 Hội chợ  Sở Công Thương  UBND các xã  Hằng năm", "| | Sở Y tế | |", "Nơi nhận:",
    "2.1", "x x 2025-2026", "UBND các", "Sở Du lịch Các đối tác", "| 2.7 | | Sở Tài chính |", "PHỤ LỤC II", "|",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.booleans())
def test_any_run_of_broken_rows_under_the_header_is_read_without_failing(pieces: list[str], unmarked: bool) -> None:
    from ansinh.lib.text import strip_marks

    text = HEAD + "\n".join(pieces) + "\n"
    _tasks(strip_marks(text) if unmarked else text)
