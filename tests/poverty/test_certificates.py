"""Certificates of recognised poor and near-poor households: a printable page and DOCX, per household and per round."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import time_machine
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from ansinh.poverty import actions
from ansinh.poverty.models import HouseholdStatus, ReviewRound
from tests.poverty.test_review import run_to_posting


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@time_machine.travel("2025-11-05 09:00 +0700")
def test_each_recognised_household_gets_a_certificate_naming_standard_year_and_authority(
    client: Client, chairman_a: Any, officer_a: Any, officer_b: Any, ward_a: Any, households: list[Any]
) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    actions.do_recognise(chairman_a, round_, dt.date(2025, 10, 30), "QĐ 12/QĐ-UBND")
    poor = HouseholdStatus.objects.get(household=households[0])
    client.force_login(officer_a)
    page = client.get(f"/ho-ngheo/giay-chung-nhan/{poor.pk}/").content.decode()
    assert "GIẤY CHỨNG NHẬN HỘ NGHÈO NĂM 2025" in page and f"Số: 2025/26740/{poor.pk}" in page and "Tải bản Word" in page
    one = client.get(f"/ho-ngheo/giay-chung-nhan/{poor.pk}/?dang=docx")
    assert one["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    text = _text(one.content)
    assert "GIẤY CHỨNG NHẬN HỘ NGHÈO NĂM 2025" in text and "chủ hộ Người 0" in text
    assert "Chuẩn nghèo đa chiều" in text or "Nghị định" in text or "07/2021" in text
    assert "QĐ 12/QĐ-UBND ngày 30/10/2025 của Chủ tịch Ủy ban nhân dân cấp xã (thẩm quyền chưa xác minh)" in text
    whole = _text(client.get(f"/ho-ngheo/dot/{round_.pk}/giay-chung-nhan/").content)
    assert whole.count("GIẤY CHỨNG NHẬN") == 2 and "HỘ CẬN NGHÈO NĂM 2025" in whole  # H1 poor, H2 near-poor; H3 middle-income has none
    book = load_workbook(io.BytesIO(client.get(f"/ho-ngheo/dot/{round_.pk}/danh-sach-cong-nhan/").content))
    rows = list(book["Danh sach"].iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[4], r[6]) for r in rows] == [
        ("H1", "Hộ nghèo", "phát sinh hộ nghèo"), ("H2", "Hộ cận nghèo", "phát sinh hộ cận nghèo"), ("H3", "Hộ có mức sống trung bình", None),
    ]
    client.force_login(officer_b)
    assert client.get(f"/ho-ngheo/dot/{round_.pk}/danh-sach-cong-nhan/").status_code == 404
    assert client.get(f"/ho-ngheo/giay-chung-nhan/{poor.pk}/?dang=docx").status_code == 404
    assert client.get(f"/ho-ngheo/dot/{round_.pk}/giay-chung-nhan/").status_code == 404


def test_a_round_not_yet_recognised_has_no_certificates(client: Client, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    client.force_login(officer_a)
    assert client.get(f"/ho-ngheo/dot/{round_.pk}/giay-chung-nhan/").status_code == 403
    assert ReviewRound.objects.get().recognised_on is None


def test_each_movement_between_two_years_has_its_words() -> None:
    from ansinh.poverty.lists import movement

    assert movement("ngheo", "ngheo") == "tiếp tục là hộ nghèo" and movement("ngheo", "can_ngheo") == "thoát nghèo, thành hộ cận nghèo"
    assert movement("ngheo", "khong") == "thoát nghèo" and movement("can_ngheo", "trung_binh") == "thoát cận nghèo"
    assert movement("can_ngheo", "ngheo") == "phát sinh hộ nghèo (từ cận nghèo)" and movement("", "can_ngheo") == "phát sinh hộ cận nghèo"
    assert movement("khong", "khong") == ""
