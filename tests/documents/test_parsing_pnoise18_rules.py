"""Round 18 noise rules (pnoise18): what the parser reads from a clean text it also reads from a noisy copy."""

from __future__ import annotations

from ansinh.documents.parsing.broken_tables import find_laid_broken_tables
from ansinh.documents.parsing.clean import prepare

# An invented annex as a PDF's text layer prints a table whose rows came out broken: the header laid out by columns,
# "Cơ quan" / "chủ trì" wrapped around the line of "STT"; rows as loose lines, a cell's pieces around its number.
_LAID_HEADER_TABLE = """PHỤ LỤC
Danh mục nhiệm vụ phát triển thư viện cơ sở năm 2026
                      Cơ quan                              Thời gian
STT   Nội dung                    Cơ quan phối hợp
                      chủ trì                              thực hiện
I Phát triển mạng lưới thư viện cơ sở trên địa bàn toàn tỉnh, ưu tiên các xã vùng sâu, vùng xa
Rà soát, sắp xếp lại mạng lưới        Ủy ban nhân dân
1         Sở Văn hóa                                   2026
thư viện xã, phường                  các xã, phường

2 Bổ sung sách, báo cho thư viện vùng khó khăn  Sở Văn hóa  Sở Tài chính  Quý III

Xây dựng thư viện số dùng chung                   Sở Thông tin
3         Sở Văn hóa    và Truyền thông   2026
4 Tập huấn kỹ năng cho người làm thư viện  Sở Nội vụ  Sở Văn hóa  Hằng năm
"""


def test_a_table_whose_header_a_pdf_laid_out_by_columns_over_broken_rows_is_read_row_by_row() -> None:
    tables = find_laid_broken_tables(prepare(_LAID_HEADER_TABLE))
    assert [(t.number, t.title, t.lead) for t in tables[0].tasks] == [
        ("I", "Phát triển mạng lưới thư viện cơ sở trên địa bàn toàn tỉnh, ưu tiên các xã vùng sâu, vùng xa", []),
        ("I.1", "Rà soát, sắp xếp lại mạng lưới thư viện xã, phường", ["Sở Văn hóa"]),
        ("I.2", "Bổ sung sách, báo cho thư viện vùng khó khăn", ["Sở Văn hóa"]),
        ("I.3", "Xây dựng thư viện số dùng chung", ["Sở Văn hóa"]),
        ("I.4", "Tập huấn kỹ năng cho người làm thư viện", ["Sở Nội vụ"]),
    ]
    assert tables[0].tasks[2].coordinate == ["Sở Tài chính"]


def test_a_laid_out_header_without_a_lead_column_is_no_assignment_table() -> None:
    text = _LAID_HEADER_TABLE.replace("Cơ quan                              Thời gian", "Đơn vị").replace("chủ trì", "tính   ")
    assert find_laid_broken_tables(prepare(text)) == []
