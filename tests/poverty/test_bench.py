"""``ansinh bench poverty`` prints the measured figures under the documented keys (tiny size)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection

from tests.commands import run_command


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("premigrated_scratch")
def test_the_poverty_bench_prints_its_keys_as_json(settings: Any, tmp_path: Any) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("phép thử này dùng tệp SQLite tạm; trên PostgreSQL phép đo tạo cơ sở dữ liệu riêng")
    settings.DATA_DIR = tmp_path
    code, out, err = run_command("bench", "poverty", "--households", "2000", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert {"households", "classify_s", "rule_rate", "summary_s"} <= result.keys()
    assert result["households"] == 2000 and result["recognised"] == 2000
    assert sum(result["classes"].values()) == 2000
