"""A reviewer pastes the plan's assignment table from Word or Excel instead of re-typing rows the parser missed.

The cast: ``alice`` may review plans; ``bob`` may only read them. The sample plan already holds tasks "1" and "1.1".
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.core.models import AuditEvent
from ansinh.plans.actions import do_approve_plan
from ansinh.plans.models import Plan, Task
from ansinh.plans.pasted_tasks import NOTHING_READ, read_pasted_tasks

pytestmark = pytest.mark.django_db

TABLE = (
    "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
    "I\tNhiệm vụ cần làm ngay trong năm 2026\t\t\t\n"
    "1\tTổ chức quán triệt Nghị quyết đến cán bộ, đảng viên\tBan Tuyên giáo và Dân vận Tỉnh ủy\t"
    "Các cấp ủy, tổ chức đảng\tQuý I/2026\n"
    "2\tXây dựng kế hoạch giảm nghèo đa chiều giai đoạn 2026-2030\tSở Nông nghiệp và Môi trường\t"
    "Sở Tài chính; UBND các xã, phường\tTháng 6/2026\n"
    "II\tNhiệm vụ thường xuyên\t\t\t\n"
    "1\tRà soát hộ nghèo, hộ cận nghèo hằng năm\tUBND các xã, phường\tSở Nông nghiệp và Môi trường\tHằng năm\n"
)
PASTE = "ra-soat/dan-bang-nhiem-vu/"


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def paste(user: Any, plan: Plan, text: str, parent: str = "") -> tuple[int, str]:
    response = signed_in(user).post(f"/ke-hoach/{plan.pk}/{PASTE}", {"bang": text, "parent": parent}, follow=True)
    return response.status_code, response.content.decode()


def test_a_pasted_excel_table_becomes_tasks_under_their_group_rows_with_units_and_deadlines(alice: Any, plan: Plan) -> None:
    before = AuditEvent.objects.count()
    status, html = paste(alice, plan, TABLE)
    assert status == 200 and "Đã thêm 5 nhiệm vụ từ bảng đã dán (3 nhiệm vụ có cơ quan chủ trì)" in html
    added = {t.number: t for t in Task.objects.filter(plan=plan).exclude(number__in=["1", "1.1"])}
    assert sorted(added) == ["I", "I.1", "I.2", "II", "II.1"]
    assert added["I.2"].parent == added["I"] and added["II.1"].parent == added["II"] and added["II.1"].depth == 1
    assert added["I.2"].lead_names == ["Sở Nông nghiệp và Môi trường"]
    assert added["I.2"].coordinate_names == ["Sở Tài chính", "UBND các xã, phường"] and added["I.2"].timeline == "Tháng 6/2026"
    assert AuditEvent.objects.count() == before + 5  # one row per task, as a task added by hand
    gold = json.loads(signed_in(alice).get(f"/ke-hoach/{plan.pk}/gold.json").content)
    assert {"I.1", "II.1"} <= {t["number"] for t in gold["tasks"]}  # the corrected plan grows the corpus


def test_rows_pasted_under_a_chosen_task_take_its_number_and_sit_after_its_sub_tasks(alice: Any, plan: Plan) -> None:
    parent = Task.objects.get(plan=plan, number="1.1")
    status, _ = paste(alice, plan, "1. Sở Y tế chủ trì tiêm chủng mở rộng.\n2. Sở Tài chính bố trí kinh phí.", str(parent.pk))
    assert status == 200
    order = list(Task.objects.filter(plan=plan).order_by("position").values_list("number", flat=True))
    assert order == ["1", "1.1", "1.1.1", "1.1.2"]
    pasted = Task.objects.get(plan=plan, number="1.1.2")
    assert pasted.parent == parent and pasted.depth == 2 and pasted.lead_names == ["Sở Tài chính"]


def test_rows_whose_numbers_the_chosen_task_already_holds_are_refused_whole(alice: Any, plan: Plan) -> None:
    parent = Task.objects.get(plan=plan, number="1")
    _, html = paste(alice, plan, "1. Sở Y tế chủ trì tiêm chủng mở rộng.\n2. Sở Tài chính bố trí kinh phí.", str(parent.pk))
    assert "Số thứ tự «1.1» đã có trong kế hoạch; không có gì được thêm" in html
    assert Task.objects.filter(plan=plan).count() == 2


@pytest.mark.parametrize(("text", "message"), [
    ("", "Chưa dán bảng nhiệm vụ nào"),
    ("xin chào, đây không phải là bảng", NOTHING_READ),
    ("STT\tNhiệm vụ\tCơ quan chủ trì\n1\tMột nhiệm vụ trùng số thứ tự với kế hoạch\tUBND xã\n",
     "Số thứ tự «1» đã có trong kế hoạch"),
    ("x" * 200_001, "dài quá"),
])
def test_bad_pasted_input_is_refused_in_vietnamese_and_nothing_is_stored(
    alice: Any, plan: Plan, text: str, message: str
) -> None:
    count, events = Task.objects.filter(plan=plan).count(), AuditEvent.objects.count()
    status, html = paste(alice, plan, text)
    assert status == 200 and message.split(";")[0] in html
    assert Task.objects.filter(plan=plan).count() == count and AuditEvent.objects.count() == events


def test_a_reader_cannot_paste_and_an_approved_plan_refuses_it(alice: Any, bob: Any, plan: Plan) -> None:
    count = Task.objects.filter(plan=plan).count()
    assert signed_in(bob).post(f"/ke-hoach/{plan.pk}/{PASTE}", {"bang": TABLE}).status_code == 403
    do_approve_plan(plan, alice)
    _, html = paste(alice, plan, TABLE)
    assert "đã được phê duyệt" in html and Task.objects.filter(plan=plan).count() == count


def test_the_review_page_offers_the_paste_form_at_the_top_level(alice: Any, plan: Plan) -> None:
    html = signed_in(alice).get(f"/ke-hoach/{plan.pk}/ra-soat/?them-con=goc").content.decode()
    assert "Dán bảng phân công nhiệm vụ" in html and 'name="bang"' in html and f'action="/ke-hoach/{plan.pk}/{PASTE}"' in html


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["I", "II", "A", "1", "2", "3", "a", ""]),
                          st.text(alphabet="abcđêơ SởYtếchủtrì,;", max_size=40)), max_size=8))
def test_reading_any_pasted_rows_never_fails_and_numbers_sit_under_their_group(rows: list[tuple[str, str]]) -> None:
    text = "STT\tNhiệm vụ\tCơ quan chủ trì\n" + "".join(f"{n}\t{t}\tSở Y tế\n" for n, t in rows)
    group = ""
    for task in read_pasted_tasks(text):
        number = task["number"]
        if number in ("I", "II", "A"):
            group = number
        elif number and "." in number and group:
            assert number.startswith(f"{group}.") or not number.split(".")[0].isalpha()


def test_a_group_row_labelled_with_a_capital_letter_numbers_the_rows_under_it(alice: Any, plan: Plan) -> None:
    """The reader leaves "A<tab>Nhiệm vụ bổ sung" unnumbered; its own first cell still names the group."""
    table = ("STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
             "A\tNhiệm vụ bổ sung từ phụ lục\t\t\t\n"
             "1\tRà soát danh sách hộ nghèo trên địa bàn\tUBND các xã, phường\tSở Y tế\tQuý IV/2026\n"
             "2\tChi trả trợ cấp không dùng tiền mặt\tSở Tài chính\tBảo hiểm xã hội tỉnh\tNăm 2027\n")
    assert [r["number"] for r in read_pasted_tasks(table)] == ["A", "A.1", "A.2"]
    status, html = paste(alice, plan, table)
    assert status == 200 and "Đã thêm 3 nhiệm vụ" in html
    assert Task.objects.get(plan=plan, number="A.2").parent == Task.objects.get(plan=plan, number="A")
