"""How many web processes serve: ``ANSINH_WEB_WORKERS`` (auto = one per core, at least 2), as gunicorn options."""

from __future__ import annotations

import pytest

from ansinh.conf import ConfigError, Env
from ansinh.core.server import gunicorn_options, use_gunicorn


@pytest.mark.parametrize(("cpus", "expected"), [(None, 2), (1, 2), (2, 2), (8, 8), (64, 16)])
def test_auto_gives_one_process_per_core_and_at_least_two(cpus: int | None, expected: int) -> None:
    assert Env({}).get_workers("ANSINH_WEB_WORKERS", cpus) == expected


def test_an_explicit_count_is_used_and_a_bad_one_refused_in_vietnamese() -> None:
    assert Env({"ANSINH_WEB_WORKERS": "3"}).get_workers("ANSINH_WEB_WORKERS", 2) == 3
    for bad in ("nhiều", "0", "1000"):
        with pytest.raises(ConfigError, match="ANSINH_WEB_WORKERS"):
            Env({"ANSINH_WEB_WORKERS": bad}).get_workers("ANSINH_WEB_WORKERS", 2)


def test_gunicorn_runs_threaded_workers_on_the_configured_address() -> None:
    options = gunicorn_options("127.0.0.1", 8123, 3, 8)
    assert (options["bind"], options["workers"], options["threads"], options["worker_class"]) == ("127.0.0.1:8123", 3, 8, "gthread")
    assert gunicorn_options("::1", 8123, 2, 4)["bind"] == "[::1]:8123"
    assert use_gunicorn()  # Linux: fork exists and gunicorn is installed
