"""Assignment tables become tasks with their lead, partners and deadline, whatever the table's encoding.

The tables are invented. Each is written in the encodings plan texts arrive in: tab-separated rows (a .docx
table as our reader writes it), bar-separated rows (a Markdown or web copy), HTML markup, and columns of
spaces (a PDF viewer's copy); hypothesis varies the column order, the header's wording and the noise
(a page break with its page number, the header repeated on the next page).
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

PREAMBLE = (
    "ỦY BAN NHÂN DÂN TỈNH NAM SƠN\n\nKẾ HOẠCH\nTriển khai số hóa hồ sơ hành chính năm 2027\n\n"
    "Phụ lục\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 45/KH-UBND)\n\n"
)

HEADS = {
    "number": ["TT", "STT", "Stt", "Số TT"],
    "title": ["Nhiệm vụ", "Nội dung", "Nội dung nhiệm vụ", "Tên nhiệm vụ", "Nhiệm vụ, giải pháp", "Nội dung công việc"],
    "lead": ["Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "Cơ quan, đơn vị chủ trì", "Đơn vị thực hiện"],
    "coordinate": ["Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp", "Cơ quan, đơn vị phối hợp"],
    "product": ["Sản phẩm", "Kết quả", "Sản phẩm đầu ra", "Kết quả, sản phẩm"],
    "timeline": ["Thời gian hoàn thành", "Thời hạn", "Tiến độ", "Thời gian thực hiện", "Thời hạn hoàn thành"],
    "note": ["Ghi chú", "Kinh phí", "Nguồn kinh phí"],
}
TITLES = [
    "Rà soát quy trình tiếp nhận hồ sơ trực tuyến",
    "Chuẩn hóa danh mục dữ liệu dùng chung",
    "Tập huấn kỹ năng số cho công chức cấp xã",
    "Nâng cấp cổng thông tin điện tử tỉnh",
    "Kiểm tra việc lưu trữ hồ sơ điện tử",
]
UNITS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính", "Công an tỉnh", "Sở Nội vụ", "Văn phòng UBND tỉnh"]
PRODUCTS = ["Báo cáo rà soát", "Bộ danh mục", "Lớp tập huấn", "Cổng thông tin", "Biên bản kiểm tra"]
DEADLINES = ["Quý II/2027", "Năm 2027", "Tháng 9/2027", "Hằng năm", "Quý IV/2027"]


@dataclass
class Row:
    title: str
    lead: str
    partner: str
    product: str
    deadline: str


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[str], list[Row]]:
    """(roles in column order, header words, rows): the number column first, the others in any order."""
    extra = ["note"] if draw(st.booleans()) else []
    others = draw(st.permutations(["title", "lead", "coordinate", "product", "timeline", *extra]))
    roles = [draw(st.sampled_from(["number", "number."])), *others]  # rows numbered "1" or "1."
    heads = [draw(st.sampled_from(HEADS[r.rstrip(".")])) for r in roles]
    count = draw(st.integers(min_value=2, max_value=4))
    titles = draw(st.permutations(TITLES))[:count]
    rows = []
    for title in titles:
        lead, partner = draw(st.lists(st.sampled_from(UNITS), min_size=2, max_size=2, unique=True))
        rows.append(Row(title, lead, partner, draw(st.sampled_from(PRODUCTS)), draw(st.sampled_from(DEADLINES))))
    return roles, heads, rows


def _cells(roles: list[str], row: Row, number: int) -> list[str]:
    values = {"number": str(number), "number.": f"{number}.", "title": row.title, "lead": row.lead, "coordinate": row.partner,
              "product": row.product, "timeline": row.deadline, "note": "Ngân sách tỉnh"}
    return [values[r] for r in roles]


def _tabbed(heads: list[str], body: list[list[str]], page_break: int | None) -> str:
    lines = ["\t".join(heads)]
    for k, cells in enumerate(body):
        if k == page_break:
            lines += ["", "7", "", "\t".join(heads)]  # the page number, the header repeated on the next page
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _barred(heads: list[str], body: list[list[str]], rule: bool) -> str:
    lines = ["| " + " | ".join(heads) + " |"] + (["|" + "---|" * len(heads)] if rule else [])
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines) + "\n"


def _html(heads: list[str], body: list[list[str]], cell_per_line: bool) -> str:
    sep = "\n" if cell_per_line else ""
    rows = ["<tr>" + sep + sep.join(f"<th>{h}</th>" for h in heads) + sep + "</tr>"]
    rows += ["<tr>" + sep + sep.join(f"<td>{c}</td>" for c in cells) + sep + "</tr>" for cells in body]
    return "<table>\n" + "\n".join(rows) + "\n</table>\n"


def _spaced(heads: list[str], body: list[list[str]], page_break: int | None) -> str:
    widths = [max(len(x) for x in [h, *(cells[k] for cells in body)]) + 4 for k, h in enumerate(heads)]

    def line(cells: list[str]) -> str:
        return "".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    lines = [line(heads)]
    for k, cells in enumerate(body):
        if k == page_break:
            lines += ["", " " * 30 + "7", ""]  # a page number between two rows
        lines.append(line(cells))
    return "\n".join(lines) + "\n"


def _wrapped(roles: list[str], row: Row, number: int, second: str) -> list[list[str]]:
    """A row whose title and list of partners go on over a second line, the other cells empty there."""
    words = row.title.split()
    first = _cells(roles, Row(" ".join(words[:3]), row.lead, row.partner, row.product, row.deadline), number)
    rest = {"title": " ".join(words[3:]), "coordinate": second}
    return [first, [rest.get(r, "") for r in roles]]


def _check(text: str, rows: list[Row], second: str | None = None) -> None:
    tasks = extract_plan(text)["tasks"]
    assert [t["title"] for t in tasks] == [r.title for r in rows]  # type: ignore[index]
    for task, row in zip(tasks, rows, strict=True):  # type: ignore[arg-type]
        assert task["number"] == str(rows.index(row) + 1)
        assert task["lead"] == [row.lead]
        assert task["coordinate"] == [row.partner] + ([second] if second else [])
        assert task["timeline"] == row.deadline


_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(tables(), st.one_of(st.none(), st.integers(min_value=1, max_value=3)))
def test_a_tab_separated_assignment_table_gives_a_task_per_row_even_across_a_page_break(
    table: tuple[list[str], list[str], list[Row]], page_break: int | None
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    _check(PREAMBLE + _tabbed(heads, body, page_break if page_break and page_break < len(rows) else None), rows)


@_SETTINGS
@given(tables(), st.booleans())
def test_a_bar_separated_assignment_table_gives_a_task_per_row(
    table: tuple[list[str], list[str], list[Row]], rule: bool
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    _check(PREAMBLE + _barred(heads, body, rule), rows)


@_SETTINGS
@given(tables(), st.booleans())
def test_an_html_assignment_table_gives_a_task_per_row(
    table: tuple[list[str], list[str], list[Row]], cell_per_line: bool
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    _check(PREAMBLE + _html(heads, body, cell_per_line), rows)


@_SETTINGS
@given(tables(), st.one_of(st.none(), st.integers(min_value=1, max_value=3)))
def test_an_assignment_table_laid_out_in_columns_of_spaces_gives_a_task_per_row_even_across_a_page_break(
    table: tuple[list[str], list[str], list[Row]], page_break: int | None
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    _check(PREAMBLE + _spaced(heads, body, page_break if page_break and page_break < len(rows) else None), rows)


_SECOND_PARTNERS = ["Bộ Kế hoạch và Đầu tư", "Ủy ban nhân dân cấp huyện", "Liên đoàn Lao động tỉnh", "Các sở, ngành liên quan"]


@_SETTINGS
@given(tables(), st.sampled_from(["tab", "bar", "space"]), st.sampled_from(_SECOND_PARTNERS))
def test_a_row_whose_title_and_partners_wrap_onto_a_second_line_stays_one_task_with_each_partner(
    table: tuple[list[str], list[str], list[Row]], encoding: str, second: str
) -> None:
    roles, heads, rows = table
    body = [line for k, r in enumerate(rows) for line in _wrapped(roles, r, k + 1, second)]
    if encoding == "tab":
        text = _tabbed(heads, [[c or "" for c in cells] for cells in body], None)
    elif encoding == "bar":
        text = _barred(heads, body, rule=True)
    else:
        text = _spaced(heads, body, None)
    _check(PREAMBLE + text, rows, second)


def test_a_lead_cell_merged_down_leads_every_row_under_it_until_the_next_group() -> None:
    text = PREAMBLE + (
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
        "I\tNhóm nhiệm vụ về dữ liệu\t\t\t\n"
        "1\tLập danh mục dữ liệu mở\tSở Khoa học và Công nghệ\tSở Tư pháp\tQuý I/2027\n"
        "2\tCông bố dữ liệu mở đợt đầu\t\tSở Tài chính\tQuý III/2027\n"
        "II\tNhóm nhiệm vụ về con người\t\t\t\n"
        "1\tBồi dưỡng kỹ năng phân tích dữ liệu\t\tSở Nội vụ\tNăm 2027\n"
    )
    tasks = {t["title"]: t for t in extract_plan(text)["tasks"]}  # type: ignore[union-attr]
    assert tasks["Công bố dữ liệu mở đợt đầu"]["lead"] == ["Sở Khoa học và Công nghệ"]
    # The row under a new group has no lead above it in its group: it is left without one.
    assert tasks["Bồi dưỡng kỹ năng phân tích dữ liệu"]["lead"] == []
    assert tasks["Nhóm nhiệm vụ về con người"]["lead"] == []


def test_a_body_name_broken_after_and_stays_one_name_in_a_partners_cell() -> None:
    from ansinh.documents.parsing.tables import join_cell_lines

    assert join_cell_lines("co quan phoi hop", "Sở Tài chính", "Sở Y tế") == "Sở Tài chính, Sở Y tế"
    assert join_cell_lines("co quan phoi hop", "Bộ Kế hoạch và", "Đầu tư") == "Bộ Kế hoạch và Đầu tư"
    assert join_cell_lines("co quan phoi hop", "Ủy ban nhân dân", "Tỉnh Nam Sơn") == "Ủy ban nhân dân Tỉnh Nam Sơn"
    # A title column joins its lines as they are, whatever they open with.
    assert join_cell_lines("nhiem vu", "Phối hợp với", "Sở Y tế rà soát") == "Phối hợp với Sở Y tế rà soát"


@_SETTINGS
@given(tables(), st.integers(min_value=0, max_value=3), st.sampled_from(["KẾ HOẠCH SỐ 45/KH-UBND", "Phụ lục (tiếp theo)"]))
def test_a_running_header_where_a_page_breaks_a_row_of_a_column_laid_table_goes_into_no_cell(
    table: tuple[list[str], list[str], list[Row]], at: int, running: str
) -> None:
    roles, heads, rows = table
    second = "Liên đoàn Lao động tỉnh"
    body = [line for k, r in enumerate(rows) for line in _wrapped(roles, r, k + 1, second)]
    text = _spaced(heads, body, None).splitlines()
    cut = 2 + 2 * min(at, len(rows) - 1)  # after the header and the first line of a row: the row goes on past the break
    text[cut:cut] = ["", " " * 20 + running, ""]
    _check(PREAMBLE + "\n".join(text) + "\n", rows, second)


@_SETTINGS
@given(tables())
def test_a_markdown_assignment_table_a_web_copy_ran_onto_one_line_gives_a_task_per_row(
    table: tuple[list[str], list[str], list[Row]]
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    flat = _barred(heads, body, rule=True).replace("\n", " ")
    text = PREAMBLE + "Các nhiệm vụ cụ thể như sau: " + flat + "Kế hoạch này được triển khai từ năm 2027.\n"
    _check(text, rows)


@_SETTINGS
@given(tables(), st.booleans(), st.sampled_from(_SECOND_PARTNERS), st.sampled_from(["<br>", "<br/>", "<br />"]))
def test_a_web_table_cell_broken_by_line_break_tags_reads_like_a_wrapped_cell(
    table: tuple[list[str], list[str], list[Row]], html: bool, second: str, tag: str
) -> None:
    roles, heads, rows = table
    body = []
    for k, r in enumerate(rows):
        cells = _cells(roles, r, k + 1)
        words = r.title.split()
        cells[roles.index("title")] = " ".join(words[:3]) + tag + " ".join(words[3:])
        cells[roles.index("coordinate")] = r.partner + tag + second
        body.append(cells)
    _check(PREAMBLE + (_html(heads, body, False) if html else _barred(heads, body, rule=True)), rows, second)


@_SETTINGS
@given(tables())
def test_an_assignment_table_whose_cells_stand_one_per_line_gives_a_task_per_row(
    table: tuple[list[str], list[str], list[Row]]
) -> None:
    roles, heads, rows = table
    body = [_cells(roles, r, k + 1) for k, r in enumerate(rows)]
    stacked = "\n".join([*heads, *(c for cells in body for c in cells)]) + "\n"
    _check(PREAMBLE + stacked, rows)


def test_an_html_lead_cell_spanning_rows_leads_each_and_a_group_row_spanning_the_table_shifts_no_column() -> None:
    text = PREAMBLE + (
        "<table><tr><th>STT</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời hạn</th></tr>"
        '<tr><td colspan="5">I. Nhóm nhiệm vụ về dữ liệu</td></tr>'
        '<tr><td>1</td><td>Lập danh mục dữ liệu mở</td><td rowspan="2">Sở Khoa học và Công nghệ</td>'
        "<td>Sở Tư pháp</td><td>Quý I/2027</td></tr>"
        "<tr><td>2</td><td>Công bố dữ liệu mở đợt đầu</td><td>Sở Tài chính</td><td>Quý III/2027</td></tr>"
        "</table>\n"
    )
    tasks = {t["title"]: t for t in extract_plan(text)["tasks"]}  # type: ignore[union-attr]
    second = tasks["Công bố dữ liệu mở đợt đầu"]
    assert second["lead"] == ["Sở Khoa học và Công nghệ"]
    assert second["coordinate"] == ["Sở Tài chính"]
    assert second["timeline"] == "Quý III/2027"
    assert tasks["Lập danh mục dữ liệu mở"]["coordinate"] == ["Sở Tư pháp"]


@_SETTINGS
@given(tables(), st.booleans(), st.integers(min_value=0, max_value=3),
       st.sampled_from(["KẾ HOẠCH SỐ 45/KH-UBND", "Phụ lục (tiếp theo)", "CÔNG BÁO/Số 12"]))
def test_a_running_header_where_a_page_breaks_a_row_of_a_tab_or_bar_table_goes_into_no_cell(
    table: tuple[list[str], list[str], list[Row]], bars: bool, at: int, running: str
) -> None:
    roles, heads, rows = table
    second = "Liên đoàn Lao động tỉnh"
    body = [line for k, r in enumerate(rows) for line in _wrapped(roles, r, k + 1, second)]
    text = (_barred(heads, body, rule=True) if bars else _tabbed(heads, body, None)).splitlines()
    cut = (3 if bars else 2) + 2 * min(at, len(rows) - 1)  # inside a row: between its two lines
    text[cut:cut] = ["", running, ""]
    _check(PREAMBLE + "\n".join(text) + "\n", rows, second)
