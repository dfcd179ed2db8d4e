"""Round 18 noise rules (pnoise18): what the parser reads from a clean text it also reads from a noisy copy."""

from __future__ import annotations

from ansinh.documents.formats.html_text import html_to_text
from ansinh.documents.noise_bench import noisy_text
from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.broken_tables import find_laid_broken_tables
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_tables import find_layout_tables
from ansinh.lib.text import normalize_text

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


def test_a_laid_out_header_whose_lines_a_web_copy_trimmed_still_stands_over_its_broken_rows() -> None:
    trimmed = "\n".join(line.lstrip() for line in _LAID_HEADER_TABLE.split("\n"))
    tables = find_laid_broken_tables(prepare(trimmed))
    assert [(t.number, t.lead) for t in tables[0].tasks] == [
        ("I", []), ("I.1", ["Sở Văn hóa"]), ("I.2", ["Sở Văn hóa"]), ("I.3", ["Sở Văn hóa"]), ("I.4", ["Sở Nội vụ"]),
    ]


def test_a_laid_out_header_without_a_lead_column_is_no_assignment_table() -> None:
    text = _LAID_HEADER_TABLE.replace("Cơ quan                              Thời gian", "Đơn vị").replace("chủ trì", "tính   ")
    assert find_laid_broken_tables(prepare(text)) == []


def test_an_empty_paragraph_word_wrote_as_a_non_breaking_space_is_an_empty_line_of_the_text() -> None:
    page = ('<html><body><p class="MsoNormal">Tổ chức tập huấn</p><p class="MsoNormal">&nbsp;</p>'
            '<p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Sở Y tế</p><p> </p><p>Quý II</p></body></html>')
    assert html_to_text(page) == "Tổ chức tập huấn\n\nSở Y tế\nQuý II"


def test_the_web_page_noise_keeps_an_empty_line_as_word_keeps_an_empty_paragraph() -> None:
    assert noisy_text("Tổ chức tập huấn\n\nSở Y tế\nQuý II", "html", 0) == "Tổ chức tập huấn\n\nSở Y tế\nQuý II"


# An invented table a PDF's text layer wrote one cell to a paragraph, an empty line between cells (the rows' cells
# wrapped over lines): a Word page of it reads the same.
_STACKED = """KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026

I. MỤC ĐÍCH
Bảo đảm người cao tuổi được chăm sóc.

II. NHIỆM VỤ
TT

Nhiệm vụ cụ thể

Cơ quan chủ trì

Thời hạn

1

Tổ chức khám sức khỏe định kỳ cho người
cao tuổi tại các trạm y tế xã, phường

Sở Y tế

Quý II năm
2026

2

Rà soát danh sách người cao tuổi thuộc hộ
nghèo để hỗ trợ kịp thời

Sở Nội vụ

Tháng 6
năm 2026

3

Tuyên truyền chính sách đối với người cao
tuổi trên báo, đài địa phương

Sở Văn hóa

Hằng năm

III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.
"""


def test_a_table_written_one_cell_to_a_paragraph_keeps_its_rows_and_leads_on_a_word_page() -> None:
    def rows(text: str) -> list[tuple[object, object]]:
        return [(t["number"], t["lead"]) for t in extract_plan(text)["tasks"]]  # type: ignore[index,union-attr]

    clean = rows(normalize_text(_STACKED))
    assert [lead for _n, lead in clean][:3] == [["Sở Y tế"], ["Sở Nội vụ"], ["Sở Văn hóa"]]
    assert rows(noisy_text(normalize_text(_STACKED), "html", 0)) == clean


# An invented assignment table as a PDF's text layer lays it out, the lead label's second line wider than its column
# (a word segmenter's "quan_chủ_trì" cannot break), the last column a reference to a higher plan's task ("NV theo KH").
_REFERENCE_COLUMN = """KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026
II. NHIỆM VỤ
STT   Nhiệm vụ                       Cơ           Cơ quan        Thời hạn   NV theo
                                     quan chủ trì  phối hợp                 KH
1     Rà soát hộ nghèo trên địa bàn  Sở Y tế      Sở Tài chính   Quý II     NV 2
      tỉnh
2     Tổ chức khám sức khỏe cho      Sở Nội vụ    Công an tỉnh   Năm 2026   NV 3
      người cao tuổi
III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.
"""


def test_a_laid_out_header_with_a_column_no_role_names_after_the_units_is_read() -> None:
    tables = find_layout_tables(prepare(_REFERENCE_COLUMN))
    assert [(t.number, t.lead, t.coordinate) for t in tables[0].tasks] == [
        ("1", ["Sở Y tế"], ["Sở Tài chính"]), ("2", ["Sở Nội vụ"], ["Công an tỉnh"]),
    ]


def test_a_laid_out_header_with_an_unnamed_column_before_the_units_is_no_header() -> None:
    text = _REFERENCE_COLUMN.replace("Nhiệm vụ   ", "Mã số     ")
    assert find_layout_tables(prepare(text)) == []


# An invented table written one cell to a line, the long title cell of row 2 wrapped where a PDF's page ends its lines
# (its next line opens with a capital: a law's name).
_STACKED_WRAPPED = """Điều 2. Tổ chức thực hiện
Phân công cơ quan chủ trì soạn thảo các đề án như sau:
STT
Tên đề án
Cơ quan chủ trì
Cơ quan phối hợp
Thời hạn
1.
Đề án phát triển thư viện số
Sở Văn hóa
Sở Tài chính
Quý II/2026
2.
Đề án tổ chức thi hành Luật Di sản văn hóa, Luật Điện ảnh và Luật
Thư viện trên địa bàn tỉnh
Sở Văn hóa
Sở Xây dựng
Quý III/2026
3.
Đề án hỗ trợ nghệ nhân
Sở Nội vụ
Sở Văn hóa
Quý IV/2026
Điều 3. Hiệu lực thi hành
"""


def test_a_stacked_tables_cell_a_pdf_wrapped_at_the_page_width_stays_one_cell() -> None:
    tasks = extract_plan(_STACKED_WRAPPED)["tasks"]
    assert [(t["lead"], t["coordinate"]) for t in tasks] == [  # type: ignore[union-attr]
        (["Sở Văn hóa"], ["Sở Tài chính"]), (["Sở Văn hóa"], ["Sở Xây dựng"]), (["Sở Nội vụ"], ["Sở Văn hóa"]),
    ]


# An invented table typed with bars, its rows wrapped like prose by a PDF's text layer: the last cell of row 1 ends on a
# line of its own ("2026"), so the line of row 2's number follows a line without a bar, and row 2's work cell wraps
# over a line without a bar too.
_WRAPPED_BARS = """KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026
II. NHIỆM VỤ
STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
1 | Tổ chức khám sức khỏe định kỳ cho người cao tuổi tại các trạm y tế | Sở Nội vụ | Công an tỉnh | Năm
2026
2 | Tuyên truyền chính sách đối với người cao tuổi trên báo, đài địa
phương và cổng thông tin điện tử của tỉnh, các huyện, thị xã, thành phố
và các xã | Sở Văn hóa | Sở Y tế | Hằng năm
III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.
"""


def test_a_bar_tables_row_after_a_cells_wrapped_line_without_a_bar_is_read_as_a_row() -> None:
    tasks = extract_plan(_WRAPPED_BARS)["tasks"]
    assert [(t["number"], t["lead"], t["coordinate"]) for t in tasks][:2] == [  # type: ignore[union-attr]
        ("1", ["Sở Nội vụ"], ["Công an tỉnh"]), ("2", ["Sở Văn hóa"], ["Sở Y tế"]),
    ]


# An invented schedule laid out by columns from a scan (OCR read the first row's number as "Ị"), each row's work and time
# cells wrapped: the time cell's date stands on the row's second line under "Trước ngày" or after a dash between dates.
_SCHEDULE = """4. Tiến độ thực hiện
TT    Nội dung công việc                                       Thời gian thực     Đơn vị chủ trì/phối hợp
                                                               hiện
Ị     Ban hành kế hoạch; rà soát danh sách học viên của các    Trước ngày         Phòng Đào tạo; Trung tâm Khảo thí
      lớp được chọn                                            20/5/2026
2     Tổ chức khảo sát trực tuyến; theo dõi, nhắc học viên     25/5/2026-         Trung tâm Khảo thí; các khoa
      thực hiện                                                05/6/2026
5. Tổ chức thực hiện
Các đơn vị báo cáo kết quả về Trung tâm Khảo thí trước ngày 30/6/2026.
"""


def test_a_laid_out_rows_second_line_holding_the_date_its_time_cell_wrapped_goes_on_the_row() -> None:
    tasks = extract_plan(_SCHEDULE)["tasks"]
    assert [t["title"] for t in tasks] == [  # type: ignore[index]
        "Ban hành kế hoạch; rà soát danh sách học viên của các lớp được chọn",
        "Tổ chức khảo sát trực tuyến; theo dõi, nhắc học viên thực hiện",
    ]
    assert tasks[0]["timeline"] == "Trước ngày 20/5/2026"  # type: ignore[index]


def test_a_date_range_a_laid_out_cell_wrapped_after_its_dash_keeps_the_dash() -> None:
    tasks = extract_plan(_SCHEDULE.replace("Ị     Ban hành", "1     Ban hành"))["tasks"]
    assert [t["timeline"] for t in tasks] == ["Trước ngày 20/5/2026", "25/5/2026- 05/6/2026"]  # type: ignore[index]


# An invented table laid out by columns, then copied to a web page that trimmed each line: "II/2026" stands alone at
# the line start, under no column, after a row whose lead cell and whose time cell ("Quý") both end short of their width.
_TRIMMED_DATE = """KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026
II. NHIỆM VỤ
STT   Nội dung công việc                        Cơ quan chủ trì  Cơ quan phối hợp                     Thời gian
1     Tuyên truyền chính sách                   Sở Nội vụ        Sở Văn hóa, Thể thao và Du lịch,     Năm 2026
Sở Xây dựng
2     Rà soát danh sách hộ nghèo, hộ cận        Sở Y tế          Sở Tài chính                         Quý
II/2026
3     Tổ chức khám sức khỏe cho người cao tuổi  Công an tỉnh     Sở Y tế                              Hằng năm
III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.
"""


def test_a_date_alone_on_a_trimmed_line_goes_on_the_time_cell_a_wrap_cut_before_it() -> None:
    tasks = find_layout_tables(prepare(_TRIMMED_DATE))[0].tasks
    assert [(t.lead, t.timeline) for t in tasks] == [
        (["Sở Nội vụ"], "Năm 2026"), (["Sở Y tế"], "Quý II/2026"), (["Công an tỉnh"], "Hằng năm"),
    ]
