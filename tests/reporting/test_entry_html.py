"""The submission page's compact cell renderer writes what Django's widgets and ``_field.html`` write."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.plans.models import Task
from ansinh.reporting.actions import do_link_target, do_save_task_progress, do_save_values
from ansinh.reporting.entry_html import cell
from ansinh.reporting.forms import SubmissionForm, mark_invalid
from ansinh.reporting.views import _form
from tests.api.fixtures import World, make_world
from tests.reporting.factories import make_target

pytestmark = pytest.mark.django_db
SPACES = re.compile(r"\n\s*\n")


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any) -> World:
    return make_world()


def _django(form: SubmissionForm, name: str, about: str, hide_label: bool) -> str:
    html = render_to_string(
        "reporting/_field.html", {"bf": form[name], "about": about, "hide_label": hide_label}
    )
    return SPACES.sub("\n", html)


def _every_cell_matches(form: SubmissionForm) -> int:
    mark_invalid(form)
    compared = 0
    for name in form.fields:
        if name == "version":
            continue
        for about, hide in (("", False), ('Tỷ lệ <hộ> "nghèo" & cận nghèo', True)):
            assert SPACES.sub("\n", cell(form, name, about, hide)) == _django(form, name, about, hide), name
            compared += 1
    return compared


def test_an_unbound_form_renders_the_same_cells_as_django(world: World) -> None:
    do_save_values(None, world.sub_a, [
        {"indicator": "POOR_RATE", "numerator": 217, "denominator": 32739, "comment": 'Số <b>"mới"</b> & cũ'},
        {"indicator": "SOCIAL_HOUSING", "value": 1234567, "status": "estimate"},
    ])
    world.sub_a.refresh_from_db()
    do_save_task_progress(None, world.sub_a, [
        {"task": world.task.pk, "status": "in_progress", "deadline": None, "completed_on": None,
         "result": "Đã <rà> soát", "difficulties": "", "proposals": ""},
    ])
    world.sub_a.refresh_from_db()
    assert _every_cell_matches(_form(world.sub_a)) > 10


def test_a_bound_form_with_errors_renders_the_same_cells_as_django(world: World) -> None:
    key = world.task.pk
    posted = {
        "version": "1", "ind-0-numerator": "abc", "ind-0-denominator": "", "ind-0-status": "zzz",
        "ind-0-comment": "<script>x</script>", "ind-1-value": "1e400", "ind-1-status": "final",
        "ind-1-comment": "", f"task-{key}-status": "completed", f"task-{key}-deadline": "31/02/2025",
        f"task-{key}-completed_on": "2025-11-20", f"task-{key}-result": "x" * 4001,
    }
    form = _form(world.sub_a, posted)
    assert not form.is_valid()
    assert _every_cell_matches(form) > 10
    assert 'aria-invalid="true"' in cell(form, "ind-0-numerator")


def test_the_submission_page_costs_the_same_queries_with_more_indicators_and_tasks(
    world: World, client: Client, officer_a: Any
) -> None:
    from tests.reporting.factories import catalogue

    client.force_login(officer_a)
    url = f"/bao-cao-dinh-ky/{world.sub_a.pk}/"

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    indicators = catalogue()
    for code in ("JOBS_SUPPORTED", "NEW_JOBS", "TEMP_HOUSES"):
        do_link_target(None, make_target(world.plan, f"Chỉ tiêu {code}", 100, unit=""), indicators[code])
    for n in range(2, 8):
        Task.objects.create(plan=world.plan, number=str(n), title=f"Nhiệm vụ {n}", timeline="Năm 2025")
    html = client.get(url).content.decode()
    assert 'name="ind-4-value"' in html and html.count('<details class="task"') == 7
    assert queries() == before


def _open(client: Client, world: World) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/bao-cao-dinh-ky/{world.sub_a.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<h2 id="chi-tieu">'):html.index('<h2 id="excel">')], len(captured)


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rows rendered (not taken from the store): "ind" or "task" per row written."""
    from ansinh.reporting import entry_cache

    built: list[str] = []
    ind, task = entry_cache.render_indicator_row, entry_cache.render_task_row

    def count_ind(*args: Any) -> Any:
        built.append("ind")
        return ind(*args)

    def count_task(*args: Any) -> Any:
        built.append("task")
        return task(*args)

    monkeypatch.setattr(entry_cache, "render_indicator_row", count_ind)
    monkeypatch.setattr(entry_cache, "render_task_row", count_task)
    return built


def test_reopening_an_unchanged_report_reuses_its_rows_and_a_save_renders_only_its_row(
    world: World, client: Client, officer_a: Any, rendered: list[str]
) -> None:
    client.force_login(officer_a)
    first, built = _open(client, world)
    assert rendered.count("ind") == 2 and rendered.count("task") == 1
    rendered.clear()
    again, stored = _open(client, world)
    assert again == first and stored < built and rendered == []
    do_save_values(None, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 4321}])
    saved, _ = _open(client, world)
    assert rendered == ["ind"]
    assert 'name="ind-1-value" value="4.321"' in saved
    assert 'name="version" value="2" id="id_version"' in client.get(f"/bao-cao-dinh-ky/{world.sub_a.pk}/").content.decode()


def test_another_report_showing_the_same_rows_renders_none_of_them_again(
    world: World, client: Client, officer_a: Any, officer_b: Any, rendered: list[str]
) -> None:
    client.force_login(officer_a)
    _open(client, world)
    rendered.clear()
    client.force_login(officer_b)
    assert client.get(f"/bao-cao-dinh-ky/{world.sub_b.pk}/").status_code == 200
    assert rendered == []


def test_a_renamed_indicator_and_a_retyped_milestone_show_at_once(
    world: World, client: Client, officer_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from ansinh.reporting.models import Indicator

    client.force_login(officer_a)
    before, _ = _open(client, world)
    indicator = Indicator.objects.get(code="SOCIAL_HOUSING")
    indicator.name = "Nhà ở xã hội đã bàn giao"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():  # bumped at commit
        indicator.save()  # in place: no count or highest id changes
    renamed, _ = _open(client, world)
    assert "Nhà ở xã hội đã bàn giao" not in before and "Nhà ở xã hội đã bàn giao" in renamed
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for milestone in world.housing.milestones.all():
            milestone.value = 123456
            milestone.save()
        world.housing.value = 123456
        world.housing.save()
    assert "123.456" in _open(client, world)[0]


def test_a_recomputed_source_proposal_shows_at_once(world: World, client: Client, officer_a: Any) -> None:
    import datetime as dt

    from ansinh.reporting.models import Indicator, SourceProposal

    client.force_login(officer_a)
    indicator = Indicator.objects.get(code="SOCIAL_HOUSING")
    proposal = SourceProposal.objects.create(
        submission=world.sub_a, indicator=indicator, source_key="registry", source_version="1",
        cutoff=dt.date(2025, 12, 31), value=77,
    )
    first, _ = _open(client, world)
    proposal.value = 88  # as ``sources.propose_values`` rewrites it (update_or_create)
    proposal.save()
    second, _ = _open(client, world)
    assert 'name="ind-1-value" value="77"' in first and 'name="ind-1-value" value="88"' in second


def test_last_years_approval_shows_in_the_previous_column_at_once(
    world: World, client: Client, officer_a: Any, ward_a: Any
) -> None:
    from tests.reporting.factories import annual_cycle, approved

    ward_a.valid_from = dt.date(2020, 1, 1)  # in force last year too
    ward_a.save()
    client.force_login(officer_a)
    before, _ = _open(client, world)
    approved(annual_cycle(world.plan, 2024), ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 777}])
    after, _ = _open(client, world)
    assert "777" not in before and '<td class="num">777</td>' in after


def test_a_reader_and_a_writer_never_share_the_rows(world: World, client: Client, officer_a: Any, supervisor: Any) -> None:
    client.force_login(officer_a)
    writable, _ = _open(client, world)
    client.force_login(supervisor)
    readonly, _ = _open(client, world)
    assert 'name="ind-1-value"' in writable and 'name="ind-1-value"' not in readonly


def test_saving_one_figure_costs_the_same_queries_with_more_indicators_and_tasks(
    world: World, client: Client, officer_a: Any
) -> None:
    from ansinh.core.bench_http import form_fields
    from tests.reporting.factories import catalogue

    client.force_login(officer_a)
    url = f"/bao-cao-dinh-ky/{world.sub_a.pk}/"

    def save(value: str) -> int:
        posted = dict(form_fields(client.get(url).content.decode(), form_index=0))
        posted["ind-1-value"] = value
        with CaptureQueriesContext(connection) as captured:
            assert client.post(url, posted).status_code == 302
        return len(captured)

    save("41")
    before = save("42")
    indicators = catalogue()
    for code in ("JOBS_SUPPORTED", "NEW_JOBS", "TEMP_HOUSES"):
        do_link_target(None, make_target(world.plan, f"Chỉ tiêu {code}", 100, unit=""), indicators[code])
    for n in range(2, 8):
        Task.objects.create(plan=world.plan, number=str(n), title=f"Nhiệm vụ {n}", timeline="Năm 2025")
    save("43")
    assert save("44") == before <= 30
