"""A reporting regime written as labelled lines (Decree 09/2019's template): one duty per period, with its date.

Probe texts written for this rule; none is copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

CIRCULAR = """BỘ Y TẾ
Số: 07/2026/TT-BYT
Hà Nội, ngày 05 tháng 01 năm 2026
THÔNG TƯ
Quy định chế độ báo cáo về chăm sóc sức khỏe người cao tuổi
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chế độ báo cáo định kỳ về chăm sóc sức khỏe người cao tuổi.
Điều 2. Báo cáo tình hình chăm sóc sức khỏe người cao tuổi
1. Tên báo cáo: Báo cáo tình hình chăm sóc sức khỏe người cao tuổi.
2. Đối tượng thực hiện báo cáo: Sở Y tế các tỉnh, thành phố.
3. Cơ quan nhận báo cáo: Bộ Y tế.
4. Tần suất thực hiện báo cáo: {periods}.
5. Thời gian chốt số liệu báo cáo: từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 của kỳ báo cáo.
6. Thời hạn gửi báo cáo: {deadlines}.
7. Mẫu đề cương báo cáo: Mẫu số 01 Phụ lục kèm theo Thông tư này.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2026.
"""

PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 15/KH-UBND
Tân Lập, ngày 02 tháng 02 năm 2026
KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026
I. NỘI DUNG
1. Thăm hỏi người cao tuổi có hoàn cảnh khó khăn.
II. TỔ CHỨC THỰC HIỆN
1. Công chức Văn hóa - Xã hội theo dõi việc thực hiện.
2. Chế độ báo cáo
- Đơn vị gửi báo cáo: các thôn, tổ dân phố.
- Đơn vị nhận báo cáo: Ủy ban nhân dân xã.
- Kỳ báo cáo: {periods}.
- Thời hạn gửi báo cáo: {deadlines}.
"""

ORDER = {"monthly": 0, "quarterly": 1, "semiannual": 2, "annual": 3, "adhoc": 4, "once": 5}


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    rows = [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]
    return sorted(rows, key=lambda r: (ORDER[r[0]], str(r[1:])))


def test_the_frequency_line_and_the_deadline_line_are_one_duty_per_period() -> None:
    text = CIRCULAR.format(
        periods="Định kỳ 06 tháng và hằng năm",
        deadlines="Báo cáo 06 tháng gửi trước ngày 20 tháng 6; báo cáo năm gửi trước ngày 20 tháng 12 hằng năm",
    )
    assert _reports(text) == [("semiannual", 20, 6, None), ("annual", 20, 12, None)]


def test_a_deadline_line_without_periods_takes_those_of_the_frequency_line() -> None:
    assert _reports(PLAN.format(periods="6 tháng, năm", deadlines="trước ngày 15/6 và 15/12")) == [
        ("semiannual", 15, 6, None), ("annual", 15, 12, None),
    ]
    assert _reports(PLAN.format(periods="hằng năm", deadlines="trước ngày 10 tháng 12")) == [("annual", 10, 12, None)]


def test_without_diacritics_the_labels_are_still_read() -> None:
    text = PLAN.format(periods="6 thang, nam", deadlines="truoc ngay 15/6 va 15/12")
    text = text.replace("Kỳ báo cáo", "Ky bao cao").replace("Thời hạn gửi báo cáo", "Thoi han gui bao cao")
    assert _reports(text) == [("semiannual", 15, 6, None), ("annual", 15, 12, None)]


def test_a_frequency_line_without_a_deadline_line_keeps_its_duties() -> None:
    text = PLAN.format(periods="Định kỳ 06 tháng và hằng năm", deadlines="x").replace("- Thời hạn gửi báo cáo: x.\n", "")
    assert _reports(text) == [("semiannual", None, None, None), ("annual", None, None, None)]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 28), st.integers(1, 28), st.sampled_from(["6 tháng, năm", "06 tháng và hằng năm", "sáu tháng, hằng năm"]))
def test_two_dates_go_to_the_two_periods_in_the_order_of_the_year(first: int, second: int, listed: str) -> None:
    text = PLAN.format(periods=listed, deadlines=f"trước ngày {first:02d}/6 và {second:02d}/12")
    assert _reports(text) == [("semiannual", first, 6, None), ("annual", second, 12, None)]
