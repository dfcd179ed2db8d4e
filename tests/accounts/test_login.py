"""Signing in: a wrong password or an empty form is refused in Vietnamese and signs nobody in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_wrong_password_is_refused_in_vietnamese(client: Client, officer_a: Any) -> None:
    response = client.post("/dang-nhap/", {"username": "officer_a", "password": PASSWORD + "x"})
    html = response.content.decode()
    assert response.status_code == 200 and "Tên đăng nhập hoặc mật khẩu không đúng" in html
    assert "_auth_user_id" not in client.session


def test_an_empty_form_names_the_missing_fields_in_vietnamese(client: Client, officer_a: Any) -> None:
    html = client.post("/dang-nhap/", {"username": "", "password": ""}).content.decode()
    assert 'id="err_username">Trường này là bắt buộc.' in html and 'id="err_password">Trường này là bắt buộc.' in html
    assert "_auth_user_id" not in client.session


def test_the_right_password_signs_in(client: Client, officer_a: Any) -> None:
    response = client.post("/dang-nhap/", {"username": "officer_a", "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(officer_a.pk)
