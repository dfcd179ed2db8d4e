"""Every page names its icon, so a browser does not ask for a missing /favicon.ico on each first visit."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.test import Client


@pytest.mark.django_db
def test_every_page_names_an_icon_that_the_static_files_hold(client: Client) -> None:
    page = client.get("/dang-nhap/").content.decode()
    assert 'rel="icon"' in page and "ansinh/favicon.svg" in page
    assert finders.find("ansinh/favicon.svg")
