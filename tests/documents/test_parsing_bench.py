"""The parse benchmark measures throughput and, given gold files, scores the extraction."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

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
    lines: list[str] = []
    bench.run(
        _options("--json", "--repeat", "1", "--gold", str(SHARED / "gold"), "--docs", str(SHARED / "seeds")),
        lines.append,
    )
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["scores"]["targets"]["f1"] >= 0.95
