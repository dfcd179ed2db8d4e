"""``ansinh bench pages`` at a tiny national size: every page answers and every figure is printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ansinh.reports.bench_pages import run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("premigrated_scratch")
def test_the_pages_benchmark_measures_every_hot_page(settings: Any, tmp_path: Path) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("phép thử này dùng tệp SQLite tạm; trên PostgreSQL phép đo tạo cơ sở dữ liệu riêng")
    settings.DATA_DIR = tmp_path
    lines: list[str] = []
    options = {"data": "national", "units": 40, "indicators": 4, "cycles": 2, "repeat": 2, "approvals": 3,
               "seed": 1, "keep": False, "skip_pages": False, "json": True}
    result = run(options, lines.append)
    for page in ("progress_page", "progress_api", "dashboard", "dashboard_communes", "cycle_page", "submission_page"):
        assert result[page]["status"] == 200, page
        assert result[page]["queries"] > 0 and result[page]["p95_ms"] >= result[page]["p50_ms"] > 0
    assert result["approvals_per_s"] > 0 and result["report_build"]["s"] >= 0
    assert not list(tmp_path.glob("bench-rollup.sqlite3*"))
