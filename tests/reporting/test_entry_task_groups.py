"""A commune's report lists first the tasks the plan gives to communes, and folds the plan's other tasks."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from ansinh.reporting.entry import TaskRow, concerns_communes, split_for_unit


def task(*units: str) -> Any:
    assignments = [SimpleNamespace(name=name, role="lead") for name in units]
    return SimpleNamespace(assignments=SimpleNamespace(all=lambda: assignments))


@pytest.mark.parametrize("name", ["UBND các xã, phường", "Ủy ban nhân dân cấp xã", "các địa phương",
                                  "UBND phường Lào Cai", "Chủ tịch UBND đặc khu Phú Quốc", "cơ sở"])
def test_a_task_given_to_communes_or_localities_concerns_a_commune(name: str) -> None:
    assert concerns_communes(task("Sở Nội vụ", name))


@pytest.mark.parametrize("name", ["Sở Lao động - Thương binh và Xã hội", "Bộ Tài chính", "Ban Quản lý Khu kinh tế"])
def test_a_task_of_the_departments_alone_does_not(name: str) -> None:
    assert not concerns_communes(task(name))  # "Xã hội" in a ministry's name is not a commune


def rows(*tasks: Any) -> list[TaskRow]:
    return [TaskRow(t, None) for t in tasks]


def test_a_commune_answers_first_for_its_own_tasks_and_sees_the_others_folded() -> None:
    own, other = task("UBND cấp xã"), task("Sở Công Thương")
    commune = SimpleNamespace(level="commune")
    assert [[r.task for r in group] for group in split_for_unit(commune, rows(other, own))] == [[own], [other]]


def test_a_province_or_a_plan_that_gives_no_task_to_communes_lists_every_task() -> None:
    first, second = task("Sở Y tế"), task("UBND các xã")
    assert split_for_unit(SimpleNamespace(level="province"), rows(first, second))[1] == []
    assert split_for_unit(SimpleNamespace(level="commune"), rows(first, task()))[1] == []


def child(parent_pk: int, pk: int, title: str = "", *units: str) -> Any:
    node = task(*units)
    node.pk, node.parent_id, node.title, node.body = pk, parent_pk, title, ""
    return node


def test_a_lettered_point_without_units_answers_with_its_parents_units() -> None:
    parent, point = child(None, 1, "3. Công tác ở cơ sở", "UBND các xã, phường"), child(1, 2, "a) Rà soát hộ nghèo")
    departments = child(None, 3, "4. Thẩm định", "Sở Tài chính")
    own, others = split_for_unit(SimpleNamespace(level="commune"), rows(parent, point, departments))
    assert [r.task for r in own] == [parent, point] and [r.task for r in others] == [departments]


@pytest.mark.parametrize("words", ["UBND các xã, phường chủ động rà soát", "Ủy ban nhân dân cấp xã lập danh sách",
                                   "Các xã, phường tổ chức tuyên truyền"])
def test_a_task_without_units_whose_own_words_give_it_to_communes_is_theirs(words: str) -> None:
    duty, departments = child(None, 1, words), child(None, 2, "Thẩm định hồ sơ", "Sở Tài chính")
    assert [r.task for r in split_for_unit(SimpleNamespace(level="commune"), rows(departments, duty))[0]] == [duty]


def test_a_departments_task_that_mentions_communes_in_its_words_stays_the_departments() -> None:
    guide = child(None, 1, "Hướng dẫn UBND các xã, phường rà soát", "Sở Nội vụ")
    own = child(None, 2, "Rà soát", "UBND cấp xã")
    assert [r.task for r in split_for_unit(SimpleNamespace(level="commune"), rows(guide, own))[0]] == [own]


def test_in_a_communes_own_plan_the_commune_answers_for_every_task_of_its_bodies() -> None:
    """A commune's Party plan gives its tasks to "Văn phòng Đảng uỷ", "Uỷ ban kiểm tra": all are the commune's."""
    office, front = task("Văn phòng Đảng uỷ"), task("Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    commune = SimpleNamespace(level="commune", pk=7)
    own, others = split_for_unit(commune, rows(office, front), plan_area_id=7)
    assert [r.task for r in own] == [office, front] and others == []
    assert split_for_unit(commune, rows(office, front), plan_area_id=3)[1] != []  # another area's plan: folded
