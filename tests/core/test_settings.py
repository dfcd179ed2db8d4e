"""Settings come from declared environment variables and refuse unsafe production values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ansinh.conf import SETTINGS, ConfigError, Env, check_production, database_from_url, load_secret_key

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert missing == []


def test_the_docs_mention_no_setting_that_does_not_exist() -> None:
    documented = set(re.findall(r"^\| `([A-Z_]+)`", DOCS.read_text(encoding="utf-8"), flags=re.M))
    assert documented == {s.name for s in SETTINGS}


def test_it_reads_integers_strictly() -> None:
    assert Env({"ANSINH_PORT": "8080"}).get_int("ANSINH_PORT") == 8080
    with pytest.raises(ConfigError, match="ANSINH_PORT phải là số nguyên"):
        Env({"ANSINH_PORT": "tám nghìn"}).get_int("ANSINH_PORT")
    with pytest.raises(ConfigError, match="ngoài khoảng"):
        Env({"ANSINH_PORT": "70000"}).get_int("ANSINH_PORT", minimum=1, maximum=65535)


def test_it_rejects_a_boolean_it_cannot_read() -> None:
    with pytest.raises(ConfigError, match="true/false"):
        Env({"ANSINH_DEBUG": "có lẽ"}).get_bool("ANSINH_DEBUG", default=False)


def test_it_refuses_an_undeclared_variable() -> None:
    with pytest.raises(KeyError):
        Env({}).raw("ANSINH_NOT_A_SETTING")


def test_production_refuses_debug() -> None:
    with pytest.raises(ConfigError, match="DEBUG"):
        check_production(True, ["ansinh.gov.vn"])


@pytest.mark.parametrize("hosts", [[], ["*"], ["*.gov.vn"]])
def test_production_refuses_an_open_host_list(hosts: list[str]) -> None:
    with pytest.raises(ConfigError, match="ALLOWED_HOSTS"):
        check_production(False, hosts)


def test_production_requires_an_explicit_secret(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ANSINH_SECRET_KEY"):
        load_secret_key(Env({}), tmp_path, production=True)
    assert not (tmp_path / "secret_key").exists()


def test_development_generates_a_secret_once_and_keeps_it(tmp_path: Path) -> None:
    first = load_secret_key(Env({}), tmp_path, production=False)
    assert load_secret_key(Env({}), tmp_path, production=False) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_it_reads_a_postgres_url() -> None:
    db = database_from_url("postgres://an:m%40t@db.local:5433/ansinh")
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "ansinh",
        "an",
        "m@t",
        "db.local",
        "5433",
    )


def test_postgres_prepares_repeated_statements_unless_turned_off() -> None:
    prepared = database_from_url("postgres://an@db.local/ansinh")["OPTIONS"]
    plain = database_from_url("postgres://an@db.local/ansinh", prepared=False)["OPTIONS"]
    assert isinstance(prepared, dict) and isinstance(plain, dict)
    assert prepared["server_side_binding"] is True and prepared["prepare_threshold"] == 2
    assert "server_side_binding" not in plain and "jit=off" in plain["options"]


def test_it_rejects_an_unknown_database_scheme() -> None:
    with pytest.raises(ConfigError, match="không hỗ trợ"):
        database_from_url("mysql://x@y/z")


def test_the_process_refuses_to_start_in_production_with_an_open_host_list(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ANSINH_ENV": "production", "ANSINH_ALLOWED_HOSTS": "*", "ANSINH_DATA_DIR": str(tmp_path)}
    env["ANSINH_SECRET_KEY"] = "x" * 50
    proc = subprocess.run([sys.executable, "-m", "ansinh", "check"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "ANSINH_ALLOWED_HOSTS" in proc.stderr
    assert "Traceback" not in proc.stderr
