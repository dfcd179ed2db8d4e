"""/api/docs renders offline: Swagger UI's files come from this site (every other request is aborted by the
``page`` fixture) and run under the Content-Security-Policy without inline script."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_documentation_renders_from_local_files_under_the_csp(page: Any, live_server: Any) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".info .title").inner_text().startswith("ansinh API")
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert errors == []
