"""The unit cells of a scanned assignment table: a colon OCR read for a semicolon between two bodies splits them,
a scan's marks before a name and a lower-case scope note after it are no part of the name (probe rows of my own)."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.table_unit_cells import clean_unit_names

_TEXT = (
    "BỘ TƯ PHÁP\nKẾ HOẠCH\nHành động về phổ biến pháp luật\n\nI. MỤC TIÊU\nNâng cao hiệu quả.\n\nPHỤ LỤC\n"
    "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\n"
    "1\tRà soát văn bản về tương trợ tư pháp\t__ Bộ Tư pháp; Bộ Quốc phòng: Bộ Tài chính (theo chức năng, nhiệm vụ được giao)\t"
    "| Các bộ, ngành liên quan theo chức năng, nhiệm vụ được giao\t12/2027\n"
    "2\tXây dựng cơ sở dữ liệu tình báo tài chính\tNgân hàng Nhà nước Việt Nam (Cục PCRT)\tBộ Công an\t6/2027\n"
)


def test_a_scanned_unit_cell_gives_the_bodies_without_marks_or_scope_notes() -> None:
    tasks = {t["title"]: (t["lead"], t["coordinate"]) for t in extract_plan(_TEXT, "kh")["tasks"]}
    assert tasks["Rà soát văn bản về tương trợ tư pháp"] == (
        ["Bộ Tư pháp", "Bộ Quốc phòng", "Bộ Tài chính"], ["Các bộ, ngành liên quan"])
    assert tasks["Xây dựng cơ sở dữ liệu tình báo tài chính"] == (["Ngân hàng Nhà nước Việt Nam (Cục PCRT)"], ["Bộ Công an"])


def test_a_colon_after_a_body_before_its_role_is_kept() -> None:
    assert clean_unit_names(["Sở Y tế: chủ trì"]) == ["Sở Y tế: chủ trì"]


def test_a_task_cell_that_leads_in_a_dashed_list_is_titled_by_its_lead_in() -> None:
    text = _TEXT.replace("Xây dựng cơ sở dữ liệu tình báo tài chính",
                         "Rà soát quy định về thanh tra tại Khuyến nghị 26, trong đó cần: - Đảm bảo đáp ứng các nguyên tắc."
                         " - Ban hành quy định giám sát")
    titles = [t["title"] for t in extract_plan(text, "kh")["tasks"]]
    assert "Rà soát quy định về thanh tra tại Khuyến nghị 26, trong đó cần" in titles


def test_a_scope_note_between_two_bodies_written_without_a_separator_separates_them() -> None:
    cell = "Ngân hàng Nhà nước Việt Nam (chủ trì nội dung về rửa tiền) Bộ Công an (chủ trì nội dung về khủng bố)"
    assert clean_unit_names([cell]) == ["Ngân hàng Nhà nước Việt Nam", "Bộ Công an"]
    assert clean_unit_names(["Ủy ban nhân dân (các) xã"]) == ["Ủy ban nhân dân xã"]
