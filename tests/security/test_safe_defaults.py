"""Safe defaults: debug only on request, weak production secrets refused, CSP without inline script, HSTS in
production, /api/docs from local files, and ``ansinh serve`` with its Vietnamese error pages by default."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from ansinh.conf import (
    MIN_SECRET_BITS,
    ConfigError,
    Env,
    debug_enabled,
    load_secret_key,
    secret_strength_bits,
)
from tests.core.test_server import free_port, wait_for_health
from tests.migrated import copy_into

ROOT = Path(__file__).resolve().parents[2]


def test_debug_is_off_unless_development_is_asked_for_explicitly() -> None:
    assert debug_enabled(Env({}), "embedded") is False
    assert debug_enabled(Env({}), "test") is False
    assert debug_enabled(Env({}), "development") is True
    assert debug_enabled(Env({"ANSINH_DEBUG": "false"}), "development") is False


@pytest.mark.parametrize("environment", ["embedded", "test", "production"])
def test_asking_for_debug_outside_development_stops_start_up(environment: str) -> None:
    with pytest.raises(ConfigError, match="ANSINH_DEBUG chỉ được bật khi ANSINH_ENV=development"):
        debug_enabled(Env({"ANSINH_DEBUG": "true"}), environment)


def test_the_default_environment_is_embedded_with_debug_off() -> None:
    assert Env({}).get_str("ANSINH_ENV") == "embedded"


@pytest.mark.parametrize(
    "secret", ["a" * 45, "abcdefghij" * 5, "0123456789" * 5, "ab" * 30, "matkhau" * 7]
)
def test_a_low_entropy_secret_is_refused_in_production(secret: str, tmp_path: Path) -> None:
    assert secret_strength_bits(secret) < MIN_SECRET_BITS or len(set(secret)) < 10
    with pytest.raises(ConfigError, match="quá dễ đoán"):
        load_secret_key(Env({"ANSINH_SECRET_KEY": secret}), tmp_path, production=True)


def test_a_random_secret_is_accepted_in_production(tmp_path: Path) -> None:
    for secret in (secrets.token_urlsafe(50), secrets.token_urlsafe(30), secrets.token_hex(20)):
        assert load_secret_key(Env({"ANSINH_SECRET_KEY": secret}), tmp_path, production=True) == secret


def test_a_weak_secret_still_works_outside_production(tmp_path: Path) -> None:
    assert load_secret_key(Env({"ANSINH_SECRET_KEY": "a" * 45}), tmp_path, production=False) == "a" * 45


def _settings_in(env: dict[str, str], code: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("ANSINH_")}
    full.update(env)
    full["DJANGO_SETTINGS_MODULE"] = "ansinh.settings"
    return subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], env=full,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_production_sends_hsts_and_requires_two_factor(tmp_path: Path) -> None:
    env = {"ANSINH_ENV": "production", "ANSINH_SECRET_KEY": secrets.token_urlsafe(50),
           "ANSINH_ALLOWED_HOSTS": "ansinh.gov.vn", "ANSINH_DATA_DIR": str(tmp_path)}
    out = _settings_in(env, "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.DEBUG, "
                            "s.TWO_FACTOR_REQUIRED, s.SESSION_COOKIE_SECURE)")
    assert out.stdout.split() == ["31536000", "False", "True", "True"], out.stderr
    header = _settings_in(env, "from django.test import Client; "
                               "r = Client(HTTP_HOST='ansinh.gov.vn').get('/dang-nhap/', HTTP_X_FORWARDED_PROTO='https'); "
                               "print(r.headers.get('Strict-Transport-Security'))")
    assert header.stdout.strip() == "max-age=31536000; includeSubDomains", header.stderr
    weak = _settings_in({**env, "ANSINH_SECRET_KEY": "a" * 45}, "pass")
    assert weak.returncode != 0 and "quá dễ đoán" in weak.stderr


@pytest.mark.django_db
def test_every_page_carries_a_csp_without_inline_script(client: Client, alice: Any) -> None:
    client.force_login(alice)
    response = client.get("/dang-nhap/")
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and "unsafe-inline" not in directives["script-src"]
    assert directives["style-src"] == "'self'" and directives["frame-ancestors"] == "'none'"


def test_no_template_holds_an_inline_script_style_element_or_event_handler() -> None:
    """The CSP would block them in the browser: scripts and style sheets belong in ansinh/static."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ansinh").rglob("*.html") if inline.search(p.read_text())]
    offenders += [str(p.relative_to(ROOT)) for p in (ROOT / "ansinh").rglob("*.html") if "<style" in p.read_text()]
    handlers = re.compile(r"\son[a-z]+=\"", re.I)
    offenders += [str(p.relative_to(ROOT)) for p in (ROOT / "ansinh").rglob("*.html") if handlers.search(p.read_text())]
    assert offenders == []


@pytest.mark.django_db
def test_the_api_documentation_loads_its_assets_from_this_site(client: Client, alice: Any) -> None:
    client.force_login(alice)
    html = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(s.endswith("swagger-ui-bundle.js") for s in sources)
    assert sources and all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    for source in sources:
        if source.startswith("/static/"):
            assert client.get(source).status_code == 200, source


def test_ansinh_serve_by_default_shows_vietnamese_error_pages_and_serves_static_files(
    tmp_path: Path, migrated_sqlite: Path
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANSINH_") and k != "DATABASE_URL"}
    env.update({"ANSINH_DATA_DIR": str(tmp_path), "ANSINH_PORT": str(port)})
    copy_into(migrated_sqlite, tmp_path)  # what `ansinh migrate` leaves, made once for the run
    proc = subprocess.Popen([sys.executable, "-m", "ansinh", "serve"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert wait_for_health(port) == 200
        base = f"http://127.0.0.1:{port}"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/khong-co-trang-nay/", timeout=30)
        page = missing.value.read().decode()
        assert missing.value.code == 404 and "Không tìm thấy trang" in page and "Traceback" not in page
        assert "DEBUG = True" not in page and "URLconf" not in page
        with urllib.request.urlopen(f"{base}/static/ansinh/site.css", timeout=10) as css:
            assert css.status == 200
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(f"{base}/api/cycles/?limit={'9' * 23}", timeout=10)
        assert bad.value.code in (401, 422) and "Traceback" not in bad.value.read().decode()
        with urllib.request.urlopen(f"{base}/suc-khoe/", timeout=10) as health:
            assert "content-security-policy" in {k.lower() for k in health.headers}
            json.loads(health.read() or b"{}") if health.headers.get_content_type() == "application/json" else None
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)  # bounds a hang; a loaded machine stops slowly


@pytest.mark.django_db
def test_a_server_error_on_a_web_page_shows_the_vietnamese_500_page_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ansinh.core import views

    class Broken:
        def cursor(self) -> Any:
            raise RuntimeError("/srv/ansinh/secret.py exploded")

    monkeypatch.setattr(views, "connection", Broken())
    client = Client(raise_request_exception=False)
    response = client.get("/suc-khoe/")
    html = response.content.decode()
    assert response.status_code == 500 and "Lỗi máy chủ" in html and "lỗi đã được ghi lại" in html
    assert "Traceback" not in html and "/srv/ansinh" not in html


@pytest.mark.django_db
def test_a_stale_form_without_its_csrf_token_is_refused_in_vietnamese(alice: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/dang-xuat/")
    html = response.content.decode()
    assert response.status_code == 403 and "Không gửi được biểu mẫu" in html and "CSRF" in html
    assert "Forbidden" not in html
