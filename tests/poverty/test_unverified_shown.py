"""Wherever a classification rests on an unverified value, the page says "chưa xác minh": the survey form,
the round's list (the classification result) and the certificate, on the page and in the DOCX."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import time_machine
from django.test import Client
from docx import Document

from ansinh.poverty import actions
from ansinh.poverty.models import HouseholdStatus, ReviewEntry, Standard
from ansinh.poverty.unverified import PREFIX, note, unverified_parts
from tests.poverty.test_review import run_to_posting
from tests.poverty.test_scoring import lowest

D = dt.date


def _docx(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_the_note_names_each_unverified_value_behind_a_class(standards: None) -> None:
    nd07 = Standard.objects.get(code="nd07-2021")
    assert unverified_parts(nd07, "thanh_thi") == ["ngưỡng thiếu hụt của 12/12 chỉ số"]
    assert unverified_parts(nd07, "nong_thon", scored=True)[-1] == "thu nhập ước tính theo bảng điểm (phiếu B)"
    assert "ngưỡng thu nhập và số chỉ số thiếu hụt của chuẩn" in unverified_parts(Standard.objects.get(code="nd351-2025"))
    assert unverified_parts(Standard.objects.get(code="tphcm-2025"))[0] == "chuẩn «tphcm-2025»"
    assert note([]) == "" and note(["a", "b"]) == f"{PREFIX}a; b."


@time_machine.travel("2025-11-05 09:00 +0700")
def test_the_survey_form_and_the_round_list_say_what_is_unverified(client: Client, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[0])
    client.force_login(officer_a)
    assert 'id="chua-xac-minh"' not in client.get(f"/ho-ngheo/phieu/{entry.pk}/").content.decode()  # nothing classified yet
    actions.do_record_survey(officer_a, ReviewEntry.objects.get(pk=entry.pk), 1_900_000, ["viec_lam", "bao_hiem_y_te", "nguon_nuoc_sinh_hoat"], D(2025, 10, 5))
    page = client.get(f"/ho-ngheo/phieu/{entry.pk}/").content.decode()
    assert "Phân loại theo chuẩn: Hộ nghèo. Phân loại dựa trên giá trị chưa xác minh: ngưỡng thiếu hụt của 12/12 chỉ số." in page
    listing = client.get(f"/ho-ngheo/dot/{round_.pk}/").content.decode()
    assert 'id="chua-xac-minh"' in listing and "ngưỡng thiếu hụt của 12/12 chỉ số" in listing


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_certificate_names_the_unverified_values_and_a_scored_income(
    client: Client, chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any], django_assert_max_num_queries: Any
) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    entry = ReviewEntry.objects.select_related("round", "household").get(household=households[1])
    ReviewEntry.objects.filter(pk=entry.pk).update(income_method="bang_diem", income_score=99, score_answers={"vung": "dnb", "tra_loi": lowest()})
    actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12/QĐ-UBND")
    poor = HouseholdStatus.objects.get(household=households[0])
    near = HouseholdStatus.objects.get(household=households[1])
    client.force_login(officer_a)
    page = client.get(f"/ho-ngheo/giay-chung-nhan/{poor.pk}/").content.decode()
    assert '<p id="chua-xac-minh">Phân loại dựa trên giá trị chưa xác minh: ngưỡng thiếu hụt của 12/12 chỉ số.</p>' in page
    scored = _docx(client.get(f"/ho-ngheo/giay-chung-nhan/{near.pk}/?dang=docx").content)
    assert "ngưỡng thiếu hụt của 12/12 chỉ số; thu nhập ước tính theo bảng điểm (phiếu B)." in scored
    with django_assert_max_num_queries(14):
        whole = _docx(client.get(f"/ho-ngheo/dot/{round_.pk}/giay-chung-nhan/").content)
    assert whole.count(PREFIX) == 2 and whole.count("bảng điểm (phiếu B)") == 1
