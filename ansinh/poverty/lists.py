"""The recognised lists of a round (step 4): each household's class, last year's class and its movement, as XLSX.

Movements: entering poverty or near-poverty (phát sinh), leaving them (thoát nghèo, thoát cận nghèo),
or staying. Sheets: *Danh sach* (every recognised household of the round), in household-code order.
"""

from __future__ import annotations

import io

from openpyxl import Workbook

from ansinh.poverty.models import HouseholdStatus, ReviewRound
from ansinh.poverty.rules import CLASS_LABELS

MEDIA_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["Mã hộ", "Chủ hộ", "Địa chỉ", "Số nhân khẩu", "Phân loại năm nay", "Phân loại năm trước", "Biến động"]


def movement(previous: str, klass: str) -> str:
    if previous == klass and klass in ("ngheo", "can_ngheo"):
        return "tiếp tục là hộ nghèo" if klass == "ngheo" else "tiếp tục là hộ cận nghèo"
    if previous == "ngheo":
        return "thoát nghèo, thành hộ cận nghèo" if klass == "can_ngheo" else "thoát nghèo"
    if previous == "can_ngheo":
        return "phát sinh hộ nghèo (từ cận nghèo)" if klass == "ngheo" else "thoát cận nghèo"
    if klass == "ngheo":
        return "phát sinh hộ nghèo"
    if klass == "can_ngheo":
        return "phát sinh hộ cận nghèo"
    return ""


def round_xlsx(round_: ReviewRound) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sach"
    sheet.append([f"Danh sách công nhận kết quả rà soát năm {round_.year} — {round_.commune.name}"])
    authority = round_.authority
    sheet.append([
        f"Quyết định {round_.decision_number} ngày {round_.recognised_on:%d/%m/%Y}" if round_.recognised_on else "Chưa công nhận",
        f"{authority.role}{'' if authority.verified else ' (chưa xác minh)'}" if authority else "",
        round_.standard.name + ("" if round_.standard.verified else " (chưa xác minh)"),
    ])
    sheet.append(HEADERS)
    statuses = (
        HouseholdStatus.objects.filter(round=round_).select_related("household__head").order_by("household__code")
        .only("klass", "previous", "persons", "household__code", "household__address", "household__head__full_name")
    )
    for s in statuses:
        head = s.household.head.full_name if s.household.head else ""
        sheet.append([s.household.code, head, s.household.address, s.persons, CLASS_LABELS[s.klass],
                      CLASS_LABELS.get(s.previous, ""), movement(s.previous, s.klass)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
