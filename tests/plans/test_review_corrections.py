"""Quick corrections in plan review (issue 10): a task under a chosen parent with units from a list,
split and merge targets, a target made another's milestone; each audited, version-checked, exportable as gold.

The cast: ``alice`` may review plans; ``bob`` may only read them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.models import AuditEvent
from ansinh.plans.actions import do_approve_plan
from ansinh.plans.corrections import (
    CorrectionError,
    do_add_subtask,
    do_merge_targets,
    do_split_target,
    do_target_to_milestone,
    next_child_number,
    unit_lines,
)
from ansinh.plans.models import Plan, Target, Task
from ansinh.plans.review import item_token

pytestmark = pytest.mark.django_db


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def targets(plan: Plan) -> list[Target]:
    first = Target.objects.get(plan=plan)
    second = Target.objects.create(plan=plan, position=first.position + 1, indicator_name="Tỷ lệ hộ nghèo năm 2026",
                                   comparator="<=", value=0.8, unit="%", year=2026, text="năm 2026 còn 0,8%")
    return [first, second]


def _review(client: Client, plan: Plan, query: str) -> str:
    response = client.get(f"/ke-hoach/{plan.pk}/ra-soat/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_task_added_under_a_parent_takes_the_next_number_and_sits_after_its_siblings(plan: Plan, alice: Any) -> None:
    parent = Task.objects.get(plan=plan, number="1")
    task = do_add_subtask(plan, parent, {"title": "Hỗ trợ nhà ở", "timeline": "Quý IV/2025"}, alice,
                          lead=["Phòng Văn hóa - Xã hội"], coordinate=["Công an xã", "công an xã", " "])
    assert (task.number, task.parent_id, task.depth) == ("1.2", parent.pk, 1)
    assert task.lead_names == ["Phòng Văn hóa - Xã hội"] and task.coordinate_names == ["Công an xã"]
    order = list(Task.objects.filter(plan=plan).order_by("position").values_list("number", flat=True))
    assert order.index("1.2") == order.index("1.1") + 1
    after = AuditEvent.objects.get(action="plan.review.add_task").after
    assert after is not None and after["lead"] == ["Phòng Văn hóa - Xã hội"]


def test_a_task_with_no_title_or_a_taken_number_is_refused_and_nothing_is_stored(plan: Plan, alice: Any) -> None:
    count = Task.objects.filter(plan=plan).count()
    with pytest.raises(CorrectionError, match="Chưa nhập tên"):
        do_add_subtask(plan, None, {"title": "  "}, alice)
    with pytest.raises(CorrectionError, match="đã có trong kế hoạch"):
        do_add_subtask(plan, None, {"title": "Trùng số", "number": "1.1"}, alice)
    assert Task.objects.filter(plan=plan).count() == count and not AuditEvent.objects.filter(action="plan.review.add_task")


@given(st.lists(st.sampled_from(["1", "2", "1.1", "a", "b", "đ", "II", "x"]), max_size=5))
def test_the_next_number_never_fails_and_follows_the_parent(numbers: list[str]) -> None:
    parent = Task(number="II.1")
    siblings = [Task(number=f"II.1.{n}") for n in numbers]
    assert next_child_number(parent, siblings).startswith("II.1.")
    assert next_child_number(None, [Task(number=n) for n in numbers])


def test_unit_lines_split_on_lines_and_semicolons_without_duplicates() -> None:
    assert unit_lines("Sở Y tế; Sở Tài chính\nsở y tế\n\n") == ["Sở Y tế", "Sở Tài chính"]


def test_a_target_is_split_into_two_each_with_its_value(plan: Plan, alice: Any, targets: list[Target]) -> None:
    first = targets[0]
    made = do_split_target(first, [{"indicator_name": "Xếp hạng (Đông Nam Á)", "value": 3},
                                   {"indicator_name": "Xếp hạng (Thế giới)", "value": 50}], alice,
                           expected_token=item_token(first))
    assert [(t.indicator_name, t.value) for t in made] == [("Xếp hạng (Đông Nam Á)", 3), ("Xếp hạng (Thế giới)", 50)]
    assert made[1].position == first.position + 1 and Target.objects.get(pk=targets[1].pk).position == first.position + 2
    assert AuditEvent.objects.filter(action="plan.review.add_target").count() == 1


def test_a_split_with_one_part_or_a_part_without_value_is_refused(plan: Plan, alice: Any, targets: list[Target]) -> None:
    with pytest.raises(CorrectionError, match="ít nhất hai phần"):
        do_split_target(targets[0], [{"indicator_name": "A", "value": 1}], alice)
    with pytest.raises(CorrectionError, match="tên chỉ tiêu và giá trị"):
        do_split_target(targets[0], [{"indicator_name": "A", "value": 1}, {"indicator_name": "B", "value": None}], alice)
    assert Target.objects.filter(plan=plan).count() == 2


def test_merging_targets_keeps_every_year_as_a_milestone_and_removes_the_others(plan: Plan, alice: Any, targets: list[Target]) -> None:
    first, second = targets
    kept = do_merge_targets(first, [second], alice, expected_token=item_token(first))
    years = [m.year for m in kept.milestones.all()]
    assert 2026 in years and len(years) == len(set(years)) >= 2
    assert kept.year == max(years) and not Target.objects.filter(pk=second.pk).exists()
    assert AuditEvent.objects.filter(action="plan.review.delete_target", object_id=str(second.pk)).exists()


def test_a_target_becomes_another_targets_milestone(plan: Plan, alice: Any, targets: list[Target]) -> None:
    first, second = targets
    into = do_target_to_milestone(second, first, alice, expected_token=item_token(second))
    assert 2026 in [m.year for m in into.milestones.all()]
    assert not Target.objects.filter(pk=second.pk).exists()


def test_a_target_without_a_year_or_onto_itself_cannot_become_a_milestone(plan: Plan, alice: Any, targets: list[Target]) -> None:
    first, second = targets
    with pytest.raises(CorrectionError, match="chính nó"):
        do_target_to_milestone(second, second, alice)
    Target.objects.filter(pk=second.pk).update(year=None)
    second.refresh_from_db()
    with pytest.raises(CorrectionError, match="chưa có năm"):
        do_target_to_milestone(second, first, alice)
    assert Target.objects.filter(plan=plan).count() == 2


def test_a_correction_from_an_older_form_is_refused(plan: Plan, alice: Any, targets: list[Target]) -> None:
    first, second = targets
    old = item_token(second)
    Target.objects.filter(pk=second.pk).update(value=0.7)
    second.refresh_from_db()
    with pytest.raises(CorrectionError.__mro__[1]):  # PlanError, as every review refusal
        do_target_to_milestone(second, first, alice, expected_token=old)
    assert Target.objects.filter(pk=second.pk).exists()


def test_an_approved_plan_refuses_quick_corrections(plan: Plan, alice: Any, targets: list[Target]) -> None:
    do_approve_plan(plan, alice)
    with pytest.raises(CorrectionError.__mro__[1], match="khóa"):
        do_add_subtask(plan, None, {"title": "Mới"}, alice)


def test_the_review_page_opens_the_subtask_form_with_a_searchable_list_of_units(client: Client, alice: Any, plan: Plan) -> None:
    parent = Task.objects.get(plan=plan, number="1")
    html = _review(signed_in(alice), plan, f"?them-con={parent.pk}&co-quan-q=van hoa")
    assert 'id="them-con"' in html and 'list="co-quan-goi-y"' in html
    assert "Thêm nhiệm vụ con của «1" in html


def test_a_reviewer_adds_a_subtask_through_the_form_and_it_is_exported_as_gold(client: Client, alice: Any, plan: Plan) -> None:
    parent = Task.objects.get(plan=plan, number="1")
    c = signed_in(alice)
    response = c.post(f"/ke-hoach/{plan.pk}/ra-soat/nhiem-vu-con/",
                      {"parent": parent.pk, "title": "Rà soát hộ cận nghèo", "lead": ["Công an xã", ""], "coordinate": ["Hội Phụ nữ xã"]})
    assert response.status_code == 302
    gold = json.loads(c.get(f"/ke-hoach/{plan.pk}/gold.json").content)
    added = next(t for t in gold["tasks"] if t["title"] == "Rà soát hộ cận nghèo")
    assert added["number"] == "1.2" and added["lead"] == ["Công an xã"] and added["coordinate"] == ["Hội Phụ nữ xã"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"parent": "", "title": ""}, "Chưa nhập tên nhiệm vụ"),
        ({"parent": "abc", "title": "X"}, "Nhiệm vụ cha không hợp lệ"),
        ({"parent": "", "title": "x" * 2001}, "dài quá"),
    ],
)
def test_bad_subtask_input_is_refused_with_a_vietnamese_message(client: Client, alice: Any, plan: Plan, data: dict[str, str], message: str) -> None:
    count = Task.objects.filter(plan=plan).count()
    response = signed_in(alice).post(f"/ke-hoach/{plan.pk}/ra-soat/nhiem-vu-con/", data, follow=True)
    assert message in response.content.decode()
    assert Task.objects.filter(plan=plan).count() == count


def test_a_split_with_a_value_that_is_no_number_is_refused(client: Client, alice: Any, plan: Plan, targets: list[Target]) -> None:
    first = targets[0]
    c = signed_in(alice)
    html = _review(c, plan, f"?sua-nhanh=target-{first.pk}")
    token = re.search(r'name="version" value="([0-9a-f]+)"', html.split('id="sua-nhanh-target-')[1])
    assert token is not None
    response = c.post(f"/ke-hoach/{plan.pk}/ra-soat/chi-tieu/{first.pk}/tach/",
                      {"indicator_name_1": "A", "value_1": "ba", "indicator_name_2": "B", "value_2": "4", "version": token.group(1)},
                      follow=True)
    assert "không phải là số" in response.content.decode()
    assert Target.objects.filter(plan=plan).count() == 2


def test_merging_with_a_target_of_another_plan_is_refused(client: Client, alice: Any, plan: Plan, targets: list[Target]) -> None:
    response = signed_in(alice).post(f"/ke-hoach/{plan.pk}/ra-soat/chi-tieu/{targets[0].pk}/gop/", {"others": ["999999"]}, follow=True)
    assert "không thuộc kế hoạch này" in response.content.decode()
    assert Target.objects.filter(plan=plan).count() == 2


def test_a_reader_cannot_make_quick_corrections(client: Client, bob: Any, plan: Plan, targets: list[Target]) -> None:
    from django.contrib.auth.models import Permission

    bob.user_permissions.add(Permission.objects.get(codename="view_plan"))
    c = signed_in(bob)
    assert c.post(f"/ke-hoach/{plan.pk}/ra-soat/nhiem-vu-con/", {"title": "X"}).status_code == 403
    assert c.post(f"/ke-hoach/{plan.pk}/ra-soat/chi-tieu/{targets[1].pk}/thanh-moc/", {"into": targets[0].pk}).status_code == 403
    assert Target.objects.filter(plan=plan).count() == 2


def test_the_agency_list_has_the_plans_own_units_and_agencies_found_without_diacritics(alice: Any, plan: Plan, hcm: Any) -> None:
    import datetime as dt

    from ansinh.geo.models import Agency
    from ansinh.plans.corrections import agency_choices

    Agency.objects.create(code="79-SYT", name="Sở Y tế", kind="department", unit=hcm, valid_from=dt.date(2025, 7, 1))
    do_add_subtask(plan, None, {"title": "Tuyên truyền"}, alice, lead=["Phòng Văn hóa - Xã hội"])
    assert "Phòng Văn hóa - Xã hội" in agency_choices(alice, plan, "van hoa")
    assert agency_choices(alice, plan, "so y te") == ["Sở Y tế"]
    assert agency_choices(alice, plan, "so\x00 y te" + " " * 200) == ["Sở Y tế"]


def test_the_subtask_form_asks_the_one_geo_search_for_agencies_and_the_old_address_is_gone(alice: Any, plan: Plan) -> None:
    parent = Task.objects.get(plan=plan, number="1")
    c = signed_in(alice)
    html = _review(c, plan, f"?them-con={parent.pk}")
    assert 'data-unit-search="/don-vi/tim/?pham-vi=co-quan"' in html and "ansinh/unit-picker" in html
    assert c.get(f"/ke-hoach/{plan.pk}/ra-soat/co-quan/?q=van hoa").status_code == 404
