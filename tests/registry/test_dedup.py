"""De-duplication: the model settings, ``ansinh registry dedup``, its refusals, and the bench's scoring."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from io import StringIO
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.commands import Failure
from ansinh.registry.dedup import settings as model_settings
from ansinh.registry.dedup.bench import score
from ansinh.registry.dedup.models import DuplicatePair, PairStatus
from ansinh.registry.dedup.noisy import _swap_day_month, _typo, noisy_rows
from ansinh.registry.dedup.run import DedupRefused, model_path, run_dedup
from ansinh.registry.importer import import_table, iter_rows
from ansinh.registry.models import Person
from ansinh.registry.tabular import COLUMNS, Table
from tests.registry.conftest import FAMILY


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("registry", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args: str) -> str:
    err = StringIO()
    with pytest.raises(Failure):
        call_command("registry", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


def populate(households: int = 260, noise: float = 0.3) -> dict[str, str]:
    truth: dict[str, str] = {}
    rows = noisy_rows(households, ["26740", "26743"], 5, noise, truth, dup_rate=0.1, twin_rate=0.2)
    table = Table(headers=list(COLUMNS), columns={c: i for i, c in enumerate(COLUMNS)}, unmapped=[], encoding="mô phỏng", rows=iter_rows(rows))
    import_table(table, simulated=True, gate=False)
    return truth


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def test_the_settings_json_loads_for_duckdb_and_for_spark() -> None:
    duck, spark = model_settings.settings_dict("duckdb"), model_settings.settings_dict("spark")
    assert [c["output_column_name"] for c in duck["comparisons"]] == [c["output_column_name"] for c in spark["comparisons"]]
    name_levels = [lvl["sql_condition"] for lvl in duck["comparisons"][0]["comparison_levels"]]
    assert any("jaro_winkler_similarity" in sql for sql in name_levels)
    assert any("jaro_winkler(" in lvl["sql_condition"] for lvl in spark["comparisons"][0]["comparison_levels"])
    assert len(model_settings.training()["em_blocking_rules"]) >= 2
    with pytest.raises(ValueError):
        model_settings.settings_dict("oracle")


@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_splink_builds_and_validates_the_settings_for_each_backend_without_its_engine(dialect: str) -> None:
    """Splink's own ``Settings`` (what a Linker validates and uses) for DuckDB and for Spark, without pyspark:
    every level and blocking rule is SQL that the dialect parses, and the dict survives a JSON round trip."""
    import sqlglot

    built = model_settings.settings_creator().get_settings(dialect)
    assert [c.output_column_name for c in built.comparisons] == [c["name"] for c in model_settings.definition()["comparisons"]]
    for comparison in built.comparisons:
        for level in comparison.comparison_levels:
            if not level._is_else_level:
                sqlglot.parse_one(level.sql_condition, read=dialect)
    rules = [rule.blocking_rule_sql for rule in built._blocking_rules_to_generate_predictions]
    assert len(rules) == len(model_settings.definition()["blocking_rules_to_generate_predictions"])
    for rule in rules:
        sqlglot.parse_one(rule, read=dialect)
    as_dict = model_settings.settings_dict(dialect)
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert {r["sql_dialect"] for r in as_dict["blocking_rules_to_generate_predictions"]} == {dialect}
    assert model_settings.tf_columns() == ["name_folded"]


@pytest.mark.django_db
def test_a_dedup_run_on_an_empty_commune_is_refused_in_vietnamese_and_stores_nothing(ward_a: Any) -> None:
    assert "Không có nhân khẩu nào" in refused("dedup", "--commune", "26740")
    assert not DuplicatePair.objects.exists()


@pytest.mark.django_db
def test_an_empty_commune_code_is_refused(ward_a: Any) -> None:
    assert "không được để trống" in refused("dedup", "--commune", " ")


@pytest.mark.django_db
def test_a_dedup_run_on_a_commune_with_one_person_is_refused(ward_a: Any, write_csv: Any) -> None:
    run("import", str(write_csv(FAMILY[3:4])))
    with pytest.raises(DedupRefused, match="chỉ có một nhân khẩu"):
        run_dedup(commune="26740")
    assert not DuplicatePair.objects.exists()


@pytest.mark.django_db
def test_the_population_run_stores_pairs_writes_clusters_and_reuses_the_model(ward_a: Any, ward_b: Any, tmp_path: Path) -> None:
    truth = populate()
    out_file = tmp_path / "cum.csv"
    out, _ = run("dedup", "--json", "--out", str(out_file))
    figures = json.loads(out)
    assert figures["persons"] == Person.objects.count() and figures["trained"] is True
    assert set(figures) >= {"persons", "pairs_scored", "pairs_above_threshold", "clusters", "seconds", "peak_rss_mb"}
    assert model_path().exists()
    with out_file.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == figures["persons"] and set(rows[0]) == {"ma_ban_ghi", "cluster"}
    refs = dict(Person.objects.values_list("id", "ma_ban_ghi"))
    pairs = list(DuplicatePair.objects.values_list("person_a_id", "person_b_id"))
    assert pairs and all(p < q for p, q in pairs)
    right = sum(truth[refs[a]] == truth[refs[b]] for a, b in pairs)
    assert right / len(pairs) >= 0.9
    twins = {(refs[a], refs[b]) for a, b in pairs if refs[a].endswith("-T") or refs[b].endswith("-T")}
    wrong = [(x, y) for x, y in twins if truth[x] != truth[y]]
    assert not wrong, "a twin was proposed as a duplicate"
    pair = DuplicatePair.objects.first()
    assert pair is not None and set(pair.weights) == {c["name"] for c in model_settings.definition()["comparisons"]}
    DuplicatePair.objects.filter(pk=pair.pk).update(status=PairStatus.DIFFERENT)
    second = run_dedup()
    assert second.trained is False
    assert DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.DIFFERENT
    assert (pair.person_a_id, pair.person_b_id) not in second.edges


@pytest.mark.django_db
def test_a_corrupted_model_file_is_refused_and_nothing_is_stored(ward_a: Any, write_csv: Any) -> None:
    run("import", str(write_csv(FAMILY)))
    model_path().parent.mkdir(parents=True, exist_ok=True)
    model_path().write_text('{"comparisons": [', encoding="utf-8")
    assert "bị hỏng" in refused("dedup", "--commune", "26740")
    assert not DuplicatePair.objects.exists()


@pytest.mark.django_db
def test_a_full_duckdb_temp_directory_is_refused_in_vietnamese(ward_a: Any, ward_b: Any) -> None:
    import duckdb

    populate(120)
    full = duckdb.IOException('Could not write file "/tmp/duckdb_temp_storage-0.tmp": No space left on device')
    with mock.patch("ansinh.registry.dedup.run._edges", side_effect=full):
        assert "đã đầy" in refused("dedup")
    assert not DuplicatePair.objects.exists()


def test_the_bench_scores_pairs_clusters_and_the_exact_id_baseline() -> None:
    truth = {1: "a", 2: "a", 3: "b", 4: "b", 5: "c"}
    ids = {1: "079070000001", 2: "", 3: "079070000003", 4: "079070000003", 5: ""}
    figures = score([(1, 2), (3, 4), (4, 5)], [(1, 1), (2, 1), (3, 3), (4, 3), (5, 3)], truth, ids, {(4, 5)})
    assert figures["pair_precision"] == pytest.approx(2 / 3, abs=1e-3) and figures["pair_recall"] == 1.0
    assert figures["baseline_pair_f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["cluster_f1"] == 0.5 and figures["twins_merged"] == 1


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)), st.booleans())
def test_a_day_month_swap_is_a_valid_date_or_unchanged(day: dt.date, slashes: bool) -> None:
    text = f"{day:%d/%m/%Y}" if slashes else day.isoformat()
    swapped = _swap_day_month(text)
    if swapped == text:
        assert day.day > 12 or day.day == day.month
    else:
        parsed = dt.datetime.strptime(swapped, "%d/%m/%Y" if slashes else "%Y-%m-%d").date()
        assert (parsed.day, parsed.month, parsed.year) == (day.month, day.day, day.year)


@given(st.sampled_from(["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoa"]), st.integers(0, 10_000))
def test_a_typo_changes_at_most_one_letter_and_keeps_the_surname(name: str, seed: int) -> None:
    out = _typo(random.Random(seed), name)
    assert len(out) == len(name) and out.split()[0] == name.split()[0]
    assert sum(x != y for x, y in zip(out, name, strict=True)) <= 1


@pytest.mark.django_db
def test_an_output_file_that_cannot_be_written_is_refused_before_any_work(ward_a: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    assert "Không ghi được tệp kết quả" in refused("dedup", "--out", str(blocker / "cum.csv"))


@pytest.mark.django_db
def test_a_duckdb_temp_directory_that_cannot_be_written_is_refused_and_nothing_is_stored(
    ward_a: Any, write_csv: Any, settings: Any, tmp_path: Path,
) -> None:
    run("import", str(write_csv(FAMILY)))
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("x", encoding="utf-8")
    settings.DEDUP_TEMP_DIR = str(blocker / "tmp")  # ANSINH_DEDUP_TEMP_DIR pointing under a file
    message = refused("dedup", "--commune", "26740")
    assert "Không mở được thư mục tạm" in message and "Không có gì được gộp" in message
    assert not DuplicatePair.objects.exists()
