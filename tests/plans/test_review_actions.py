"""Review actions: every correction is audited with before/after; active plans are locked."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.core.models import AuditEvent
from ansinh.plans.actions import PlanError, do_approve_plan
from ansinh.plans.models import Milestone, Plan, Target, Task
from ansinh.plans.review import (
    LOCKED,
    do_add_item,
    do_delete_item,
    do_update_item,
    do_update_plan_meta,
)

pytestmark = pytest.mark.django_db



def test_correcting_a_target_records_the_values_before_and_after(plan: Plan, alice: Any) -> None:
    target = Target.objects.get(plan=plan)
    do_update_item(target, {"value": 0.8, "unit": "%"}, alice, milestones=[{"year": 2024, "comparator": "<", "value": 1.2}])
    target.refresh_from_db()
    assert target.value == 0.8 and [(m.year, m.value) for m in target.milestones.all()] == [(2024, 1.2)]
    event = AuditEvent.objects.get(action="plan.review.update_target")
    assert event.actor == alice and event.object_id == str(target.pk)
    assert event.before["value"] == 1 and event.after["value"] == 0.8
    assert event.before["milestones"][0]["value"] == 1.5 and event.after["milestones"][0]["value"] == 1.2


def test_a_new_task_numbered_under_another_is_nested_and_keeps_its_units(plan: Plan, alice: Any) -> None:
    task = do_add_item(plan, "task", {"number": "1.2", "title": "Hỗ trợ nhà ở"}, alice, lead=["Phòng Văn hóa - Xã hội"])
    assert isinstance(task, Task)
    assert task.parent is not None and task.parent.number == "1" and task.depth == 1
    assert task.lead_names == ["Phòng Văn hóa - Xã hội"] and task.position == 2
    event = AuditEvent.objects.get(action="plan.review.add_task")
    assert event.before is None and event.after["title"] == "Hỗ trợ nhà ở"


def test_renumbering_a_task_moves_it_to_its_new_parent(plan: Plan, alice: Any) -> None:
    child = Task.objects.get(plan=plan, number="1.1")
    do_update_item(child, {"number": "2"}, alice, lead=["UBND xã"], coordinate=[])
    child.refresh_from_db()
    assert child.parent is None and child.depth == 0 and child.coordinate_names == []


def test_deleting_a_task_keeps_its_sub_tasks_one_level_up(plan: Plan, alice: Any) -> None:
    do_delete_item(Task.objects.get(plan=plan, number="1"), alice)
    child = Task.objects.get(plan=plan, number="1.1")
    assert child.parent is None and child.depth == 0
    event = AuditEvent.objects.get(action="plan.review.delete_task")
    assert event.before["title"] == "Nhiệm vụ chung" and event.after is None


def test_correcting_the_plan_meta_is_audited(plan: Plan, alice: Any) -> None:
    do_update_plan_meta(plan, {"number": "13/KH-UBND", "implements": ["Nghị quyết số 42-NQ/TW"]}, alice)
    plan.refresh_from_db()
    assert plan.number == "13/KH-UBND" and plan.implements == ["Nghị quyết số 42-NQ/TW"]
    event = AuditEvent.objects.get(action="plan.review.update_meta")
    assert (event.before["number"], event.after["number"]) == ("12/KH-UBND", "13/KH-UBND")


def test_an_active_plan_is_locked_against_every_correction(plan: Plan, alice: Any) -> None:
    do_approve_plan(plan, alice)
    target = Target.objects.get(plan=plan)
    duty = plan.reporting_duties.get()
    attempts = [
        lambda: do_update_item(target, {"value": 5}, alice, milestones=[]),
        lambda: do_update_item(duty, {"recipient": "UBND huyện"}, alice),
        lambda: do_add_item(plan, "funding", {"text": "Xã hội hóa"}, alice),
        lambda: do_delete_item(target, alice),
        lambda: do_update_plan_meta(plan, {"number": "X"}, alice),
    ]
    for attempt in attempts:
        with pytest.raises(PlanError) as err:
            attempt()
        assert err.value.message == LOCKED
    target.refresh_from_db()
    assert target.value == 1 and Milestone.objects.filter(target=target).count() == 1
    assert plan.funding_sources.count() == 1
    assert not AuditEvent.objects.filter(action__startswith="plan.review.").exists()


def test_deleting_a_task_renests_grandchildren_too(plan: Plan, alice: Any) -> None:
    do_add_item(plan, "task", {"number": "1.1.1", "title": "Lập danh sách"}, alice)
    do_delete_item(Task.objects.get(plan=plan, number="1"), alice)
    grandchild = Task.objects.get(plan=plan, number="1.1.1")
    assert grandchild.depth == 1 and grandchild.parent is not None and grandchild.parent.number == "1.1"
