"""``ansinh bench rollup`` at a tiny size: it measures every figure and its SQL and pandas results agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ansinh.reporting.bench import run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("premigrated_scratch")
def test_the_rollup_benchmark_reports_every_figure_and_agrees_with_pandas(settings: Any, tmp_path: Path) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("phép thử này dùng tệp SQLite tạm; trên PostgreSQL phép đo tạo cơ sở dữ liệu riêng")
    settings.DATA_DIR = tmp_path
    lines: list[str] = []
    result = run({"units": 60, "indicators": 6, "cycles": 2, "json": True}, lines.append)
    assert result["values"] == 60 * 6 * 2
    assert result["approve_visible_check"] is True
    assert result["check_max_abs_diff"] < 1e-9
    for key in ("load_s", "recompute_s", "query_p95_ms", "approve_to_visible_ms", "pandas_recompute_s",
                "sql_scan_floor_s", "sql_group_floor_s"):
        assert result[key] >= 0, key
    assert not list(tmp_path.glob("bench-rollup.sqlite3*"))  # the scratch database is removed
