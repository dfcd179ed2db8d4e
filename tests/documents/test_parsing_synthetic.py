"""The extractor on small plans written for these tests: other levels, other numbering, non-plans."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "ansinh" / "documents" / "schema" / "plan-extract.schema.json").read_text("utf-8")
)

COMMUNE_PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ
Số: 15/KH-UBND
Tân Phú, ngày 03 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện công tác giảm nghèo bền vững năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao đời sống người dân trên địa bàn xã.

II. CHỈ TIÊU
- Giảm tỷ lệ hộ nghèo còn dưới 2% vào cuối năm 2025.
- Có ít nhất 120 lao động được giải quyết việc làm mới.
- Tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 95% trở lên.

III. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát hộ nghèo, hộ cận nghèo
- Chủ trì: Công chức Lao động - Thương binh và Xã hội.
- Phối hợp: Trưởng các thôn, Hội Nông dân xã.
- Thời gian thực hiện: Quý IV năm 2025.
2. Hỗ trợ sinh kế cho hộ nghèo
Hội Liên hiệp Phụ nữ xã chủ trì, phối hợp với Đoàn Thanh niên xã thực hiện.

IV. TỔ CHỨC THỰC HIỆN
Các ban, ngành báo cáo kết quả về UBND xã trước ngày 15/12 hằng năm.
"""

CENTRAL_PROGRAMME = """CHÍNH PHỦ
Số: 68/NQ-CP
Hà Nội, ngày 09 tháng 5 năm 2024

CHƯƠNG TRÌNH HÀNH ĐỘNG
của Chính phủ thực hiện Nghị quyết số 42-NQ/TW

A. MỤC TIÊU
I. Mục tiêu đến năm 2030
1. Tỷ lệ thất nghiệp chung dưới 3%; tuổi thọ trung bình khoảng 75 tuổi.
2. Phấn đấu 100% người dân được quản lý sức khỏe.

B. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
I. Hoàn thiện thể chế
a) Xây dựng Luật Bảo hiểm xã hội (sửa đổi)
Cơ quan chủ trì: Bộ Lao động - Thương binh và Xã hội; Cơ quan phối hợp: Bộ Tư pháp, Bộ Tài chính.
b) Sửa đổi chính sách trợ giúp xã hội
Cơ quan chủ trì: Bộ Lao động - Thương binh và Xã hội.

C. TỔ CHỨC THỰC HIỆN
Các bộ, ngành định kỳ 6 tháng, hằng năm báo cáo Thủ tướng Chính phủ.
"""

DECREE = """CHÍNH PHỦ
Số: 20/2021/NĐ-CP
Hà Nội, ngày 15 tháng 3 năm 2021

NGHỊ ĐỊNH
Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định mức chuẩn trợ giúp xã hội là 360.000 đồng/tháng.
Điều 2. Đối tượng áp dụng
Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng; người từ đủ 80 tuổi trở lên.
Điều 3. Mức hỗ trợ
Hỗ trợ 100% chi phí mai táng, tối đa 10 triệu đồng.
"""


def _extract(text: str) -> dict:
    result = extract_plan(normalize_text(text), "thu")
    jsonschema.validate(result, SCHEMA)
    return result


def test_a_commune_plan_yields_its_targets_tasks_and_reporting() -> None:
    result = _extract(COMMUNE_PLAN)
    meta = result["meta"]
    assert (meta["number"], meta["date"], meta["level"]) == ("15/KH-UBND", "2025-03-03", "commune")
    targets = {(t["comparator"], t["value"], t["unit"]) for t in result["targets"]}
    assert ("<", 2, "%") in targets
    assert (">=", 120, "lao động") in targets
    assert (">=", 95, "%") in targets
    assert all(t["year"] == 2025 for t in result["targets"])
    tasks = {t["number"]: t for t in result["tasks"]}
    assert set(tasks) == {"1", "2"}
    assert tasks["1"]["lead"] == ["Công chức Lao động - Thương binh và Xã hội"]
    assert tasks["1"]["coordinate"] == ["Trưởng các thôn", "Hội Nông dân xã"]
    assert tasks["1"]["timeline"] == "Quý IV năm 2025"
    assert tasks["2"]["lead"] == ["Hội Liên hiệp Phụ nữ xã"]
    assert tasks["2"]["coordinate"] == ["Đoàn Thanh niên xã"]
    duty = result["reporting"][0]
    assert (duty["frequency"], duty["deadline_day"], duty["deadline_month"]) == ("annual", 15, 12)


def test_a_central_programme_with_lettered_parts_is_read_too() -> None:
    result = _extract(CENTRAL_PROGRAMME)
    assert result["meta"]["level"] == "central"
    values = {(t["comparator"], t["value"], t["year"]) for t in result["targets"]}
    assert {("<", 3, 2030), ("approx", 75, 2030), ("=", 100, 2030)} <= values
    tasks = {t["number"]: t for t in result["tasks"]}
    assert {"I", "I.a", "I.b"} <= set(tasks) or {"a", "b"} <= {n.split(".")[-1] for n in tasks}
    lettered = next(t for t in result["tasks"] if t["title"].startswith("Xây dựng Luật"))
    assert lettered["lead"] == ["Bộ Lao động - Thương binh và Xã hội"]
    assert lettered["coordinate"] == ["Bộ Tư pháp", "Bộ Tài chính"]
    frequencies = sorted(r["frequency"] for r in result["reporting"])
    assert frequencies == ["annual", "semiannual"]


def test_a_decree_yields_no_targets() -> None:
    result = _extract(DECREE)
    assert result["targets"] == []
    assert result["tasks"] == []


def test_empty_and_junk_inputs_give_an_empty_valid_extraction() -> None:
    for text in ("", "   \n\n", "\x00\x01\x02", "%%%% 1,2,3 ---"):
        result = _extract(text)
        assert result["targets"] == [] and result["tasks"] == []
