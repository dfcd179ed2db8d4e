"""The parse benchmark measures throughput and, given gold files, scores the extraction."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ansinh.documents import bench

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _options(*args: str) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    return vars(parser.parse_args(list(args)))


def test_the_benchmark_reports_throughput_on_the_bundled_samples() -> None:
    lines: list[str] = []
    result = bench.run(_options("--repeat", "1"), lines.append)
    assert result["documents"] == 4
    assert float(result["mb_per_s"]) > 0  # type: ignore[arg-type]
    assert any("MB/s" in line for line in lines)


def test_the_benchmark_prints_one_json_object_with_scores() -> None:
    if not (SHARED / "gold").exists():
        return
    out = io.StringIO()
    call_command("bench", "parse", "--json", "--repeat", "1", "--gold", str(SHARED / "gold"),
                 "--docs", str(SHARED / "seeds"), stdout=out)
    data = json.loads(out.getvalue())  # exactly one JSON object: json.loads refuses anything after it
    assert data["scores"]["targets"]["f1"] >= 0.95


def test_with_json_the_benchmark_leaves_the_printing_to_the_command() -> None:
    lines: list[str] = []
    result = bench.run(_options("--json", "--repeat", "1"), lines.append)
    assert lines == [] and result["documents"] == 4


def test_a_missing_documents_folder_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có thư mục văn bản"):
        call_command("bench", "parse", "--docs", str(tmp_path / "khong-co"), stdout=io.StringIO())


def test_a_missing_or_broken_gold_folder_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có thư mục gold"):
        call_command("bench", "parse", "--gold", str(tmp_path / "khong-co"), "--repeat", "1", stdout=io.StringIO())
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "hcmc-plan-53.json").write_text("{ hỏng", encoding="utf-8")
    with pytest.raises(CommandError, match=r"tệp gold hcmc-plan-53\.json không phải JSON hợp lệ"):
        call_command("bench", "parse", "--gold", str(gold), "--repeat", "1", stdout=io.StringIO())
