"""Two-level assignment tables (a group cell merged down beside specific actions) and the marks a page break leaves
in a scan's table; the tables are invented."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.table_breaks import page_mark

_PREAMBLE = (
    "ỦY BAN NHÂN DÂN TỈNH NAM SƠN\n\nKẾ HOẠCH\nHành động phòng, chống buôn lậu năm 2027\n\n"
    "Phụ lục\nDANH MỤC HÀNH ĐỘNG\n(Kèm theo Kế hoạch số 45/KH-UBND)\n\n"
)
_HEADER = ["STT", "Nội dung hành động", "Hành động cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
_ROWS = [
    ["1.", "Hoàn thiện quy định về kiểm soát hàng hóa", "Rà soát danh mục hàng hóa cấm nhập khẩu", "Sở Công Thương",
     "Sở Tư pháp", "6/2027"],
    ["", "", "Sửa đổi quy chế phối hợp giữa các lực lượng chức năng", "Công an tỉnh", "Sở Tài chính", "12/2027"],
    ["2.", "Nâng cao năng lực kiểm tra tại cửa khẩu", "Trang bị máy soi hàng hóa tại cửa khẩu chính", "Sở Tài chính",
     "", "Năm 2027"],
]
_SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text(rows: list[list[str]], bars: bool) -> str:
    sep = " | " if bars else "\t"
    return _PREAMBLE + "\n".join(sep.join(r) for r in [_HEADER, *rows]) + "\n"


def _read(text: str) -> list[tuple[object, object, object, object]]:
    return [(t["number"], t["title"], t["lead"], t["coordinate"]) for t in extract_plan(text)["tasks"]]  # type: ignore[index]


@_SETTINGS
@given(st.booleans())
def test_a_group_over_several_actions_is_a_task_and_each_action_a_task_with_its_own_row_units(bars: bool) -> None:
    # The group gathers its actions' bodies, as any group of the outline does (assignments._propagate).
    assert _read(_text(_ROWS, bars)) == [
        ("1", "Hoàn thiện quy định về kiểm soát hàng hóa", ["Sở Công Thương", "Công an tỉnh"], ["Sở Tư pháp", "Sở Tài chính"]),
        (None, "Rà soát danh mục hàng hóa cấm nhập khẩu", ["Sở Công Thương"], ["Sở Tư pháp"]),
        (None, "Sửa đổi quy chế phối hợp giữa các lực lượng chức năng", ["Công an tỉnh"], ["Sở Tài chính"]),
        ("2", "Nâng cao năng lực kiểm tra tại cửa khẩu", ["Sở Tài chính"], []),
    ]


def test_a_group_over_one_action_is_that_row_task_with_the_row_deadline() -> None:
    tasks = extract_plan(_text(_ROWS[2:], bars=False))["tasks"]
    assert [(t["number"], t["title"], t["lead"], t["timeline"]) for t in tasks] == [  # type: ignore[index]
        ("2", "Nâng cao năng lực kiểm tra tại cửa khẩu", ["Sở Tài chính"], "Năm 2027"),
    ]


def test_a_number_cell_that_reads_as_no_number_gives_the_group_no_number() -> None:
    rows = [["1L —", *_ROWS[0][1:]], _ROWS[1]]
    assert [t[0] for t in _read(_text(rows, bars=False))] == [None, None, None]


def test_a_table_with_a_column_of_details_not_actions_is_read_a_row_a_task() -> None:
    header = ["STT", "Nội dung", "Cơ quan chủ trì", "Nội dung cụ thể"]
    rows = [["1", "Xây dựng bến thuyền du lịch", "Sở Xây dựng", "Bến, bãi đỗ xe, nhà chờ"]]
    text = _PREAMBLE + "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    assert _read(text) == [("1", "Xây dựng bến thuyền du lịch", ["Sở Xây dựng"], [])]


@_SETTINGS
@given(st.sampled_from(["|", "§", "li", "—"]))
def test_a_stray_mark_where_a_page_broke_a_scanned_table_neither_ends_the_table_nor_fills_a_cell(mark: str) -> None:
    lines = ["\t".join(r) for r in [_HEADER, *_ROWS[:2]]]
    broken = _PREAMBLE + "\n".join([*lines, "", mark, "\t".join(_ROWS[2])]) + "\n"
    assert _read(broken) == _read(_text(_ROWS, bars=False))


def test_a_page_mark_is_three_characters_at_most_without_cells_and_letters_only_after_a_page_break() -> None:
    assert page_mark(" | ", after_break=False) and page_mark("§", after_break=False)
    assert page_mark("li", after_break=True) and not page_mark("li", after_break=False)
    assert not page_mark("", after_break=True) and not page_mark("Sở Y tế", after_break=True)
    assert not page_mark("1\t2", after_break=True)


def test_a_short_word_right_under_a_row_is_the_rest_of_its_last_cell_not_a_page_mark() -> None:
    header = ["TT", "Nội dung công việc", "Cơ quan chủ trì"]
    lines = ["\t".join(header), "1\tKiểm tra cơ sở kinh doanh\tSở Y tế, Công", "an", "2\tRà soát giấy phép\tSở Tư pháp"]
    tasks = extract_plan(_PREAMBLE + "\n".join(lines) + "\n")["tasks"]
    assert [(t["number"], t["lead"]) for t in tasks] == [  # type: ignore[index]
        ("1", ["Sở Y tế", "Công an"]),
        ("2", ["Sở Tư pháp"]),
    ]


def test_a_long_task_table_still_counts_as_text_when_the_reports_of_a_plan_annexed_to_a_decision_are_read() -> None:
    # The decision's signature block ("Nơi nhận:") ends the body only past the first quarter of the text; the
    # annexed plan's table, blanked while the outline is read, counts toward that quarter as the text it is.
    decision = (
        "THỦ TƯỚNG CHÍNH PHỦ\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động phòng, chống buôn lậu\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động phòng, chống buôn lậu.\n\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
    )
    plan = (
        "KẾ HOẠCH HÀNH ĐỘNG\nphòng, chống buôn lậu\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Các sở, ngành xây dựng báo cáo kết quả thực hiện gửi Sở Công Thương trước ngày 15 tháng 12 hằng năm.\n\n"
    )
    rows = [[f"{k}.", f"Nhóm hành động số {k} về kiểm soát hàng hóa qua biên giới", "Rà soát quy trình kiểm tra hàng hóa",
             "Sở Công Thương", "Sở Tài chính", "12/2027"] for k in range(1, 40)]
    table = "\n".join("\t".join(r) for r in [_HEADER, *rows]) + "\n"
    reporting = extract_plan(decision + plan + "Phụ lục\n" + table)["reporting"]
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in reporting] == [  # type: ignore[index]
        ("annual", 15, 12)
    ]


def test_the_task_column_of_a_header_ocr_left_unreadable_is_the_column_of_long_text_left_of_the_lead() -> None:
    header = ["TT", "Ñ ` ni cố đ*€ ÍÈV ội dung", "Cơ quan chủ trì", "Đơn vị phối hợp", "Thời gian"]
    rows = [
        ["1", "Xây dựng chuyên mục hỏi đáp trực tuyến về thủ tục hành chính trên cổng thông tin", "Sở Tư pháp",
         "Sở Nội vụ", "2027"],
        ["2", "Tổ chức tập huấn kỹ năng giao dịch điện tử cho doanh nghiệp trong toàn tỉnh", "Sở Công Thương",
         "Hiệp hội Doanh nghiệp tỉnh", "2028"],
    ]
    tasks = _read(_PREAMBLE + "\n".join("\t".join(r) for r in [header, *rows]) + "\n")
    assert tasks == [
        ("1", rows[0][1], ["Sở Tư pháp"], ["Sở Nội vụ"]),
        ("2", rows[1][1], ["Sở Công Thương"], ["Hiệp hội Doanh nghiệp tỉnh"]),
    ]


def test_a_table_of_short_cells_under_an_unreadable_header_gives_no_task() -> None:
    header = ["TT", "Ñ ` ni cố", "Cơ quan chủ trì", "Thời gian"]
    rows = [["1", "Đợt 1", "Sở Tư pháp", "2027"], ["2", "Đợt 2", "Sở Nội vụ", "2028"]]
    assert _read(_PREAMBLE + "\n".join("\t".join(r) for r in [header, *rows]) + "\n") == []


@_SETTINGS
@given(st.sampled_from(["Nhóm hoạt động|Hoạt động", "Nhóm nhiệm vụ|Nhiệm vụ", "Nhóm các hoạt động|Hoạt động"]))
def test_a_column_named_by_a_group_column_with_nhom_holds_the_actions_of_each_group(heads: str) -> None:
    group, action = heads.split("|")
    header = ["TT", group, action, "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    rows = [
        ["-", "Phát triển rừng trồng gỗ lớn", "+ Chọn tạo giống cây lâm nghiệp mới", "Sở Nông nghiệp", "Sở Tài chính", "2027"],
        ["", "", "+ Hỗ trợ chủ rừng liên kết theo chuỗi giá trị", "Sở Tài chính", "Sở Công Thương, Ngân hàng Nhà nước", "2028"],
    ]
    tasks = _read(_PREAMBLE + "\n".join(" | ".join(r) for r in [header, *rows]) + "\n")
    assert tasks[1:] == [
        (None, "Chọn tạo giống cây lâm nghiệp mới", ["Sở Nông nghiệp"], ["Sở Tài chính"]),
        (None, "Hỗ trợ chủ rừng liên kết theo chuỗi giá trị", ["Sở Tài chính"], ["Sở Công Thương", "Ngân hàng Nhà nước"]),
    ]
    assert tasks[0][1] == "Phát triển rừng trồng gỗ lớn"
