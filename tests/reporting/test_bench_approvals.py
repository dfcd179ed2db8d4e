"""``ansinh bench approvals`` at a tiny national size: one approver and several at once, roll-up still right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ansinh.reporting.bench_approvals import run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("premigrated_scratch")
def test_the_approvals_benchmark_approves_sequentially_and_concurrently_and_stays_consistent(
    settings: Any, tmp_path: Path
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("phép thử này dùng tệp SQLite tạm; trên PostgreSQL phép đo tạo cơ sở dữ liệu riêng")
    settings.DATA_DIR = tmp_path
    lines: list[str] = []
    options = {"units": 60, "indicators": 6, "cycles": 1, "approvals": 4, "approvers": 3, "seed": 1,
               "keep": False, "json": True}
    result = run(options, lines.append)
    assert result["approved"] == 8 and result["errors"] == 0
    assert result["sequential_per_s"] > 0 and result["concurrent_per_s"] > 0
    assert result["consistent"] is True
    assert not list(tmp_path.glob("bench-rollup.sqlite3*"))
