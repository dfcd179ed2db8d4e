"""API keys: made once and stored hashed, acting with the user's scope, refused once revoked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from ansinh.accounts.actions import AccountError, do_create_api_token, do_revoke_api_token
from ansinh.accounts.models import ApiToken
from ansinh.accounts.tokens import digest_of, user_for_key
from ansinh.core.models import AuditEvent
from ansinh.reporting.models import IndicatorValue
from tests.api.fixtures import World, make_world
from tests.commands import run_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def run(*args: str) -> tuple[int, str, str]:
    return run_command("user", *args)


def test_a_new_key_is_stored_only_as_a_digest_and_audited(officer_a: Any) -> None:
    token, key = do_create_api_token(None, officer_a, "Hệ thống của phường")
    assert key.startswith("ansinh_") and len(key) > 40
    assert token.digest == digest_of(key) and key not in (token.prefix, token.digest)
    assert key.startswith(token.prefix)
    assert AuditEvent.objects.filter(action="accounts.create_api_token", object_id=str(token.pk)).exists()
    assert user_for_key(key) == officer_a


def test_a_key_reads_with_its_users_scope_and_no_further(client: Client, world: World, officer_a: Any) -> None:
    _, key = do_create_api_token(None, officer_a, "Hệ thống của phường")
    items = client.get("/api/submissions/", **bearer(key)).json()["items"]
    assert [s["unit_code"] for s in items] == ["26740"]
    response = client.get(f"/api/submissions/{world.sub_b.pk}", **bearer(key))
    assert response.status_code == 404


def test_a_key_writes_without_a_csrf_token_through_the_same_actions(world: World, officer_a: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    _, key = do_create_api_token(None, officer_a, "Hệ thống của phường")
    body = json.dumps([{"indicator": "SOCIAL_HOUSING", "value": 45}])
    url = f"/api/submissions/{world.sub_a.pk}/values"
    response = client.put(url, body, content_type="application/json", **bearer(key))
    assert response.status_code == 200, response.content
    assert IndicatorValue.objects.get(submission=world.sub_a).value == 45
    other = client.put(f"/api/submissions/{world.sub_b.pk}/values", body, content_type="application/json", **bearer(key))
    assert other.status_code == 404
    assert not IndicatorValue.objects.filter(submission=world.sub_b).exists()


@pytest.mark.parametrize("header", ["Bearer ansinh_khong-dung", "Bearer ", "Token abc", "Bearer " + "x" * 500])
def test_a_wrong_key_gets_a_vietnamese_401(client: Client, world: World, header: str) -> None:
    response = client.get("/api/units/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "khóa API hợp lệ" in response.json()["detail"]


def test_a_revoked_key_or_a_locked_account_stops_working(client: Client, world: World, officer_a: Any) -> None:
    token, key = do_create_api_token(None, officer_a, "Hệ thống của phường")
    assert client.get("/api/units/", **bearer(key)).status_code == 200
    do_revoke_api_token(None, token)
    assert client.get("/api/units/", **bearer(key)).status_code == 401
    with pytest.raises(AccountError, match="đã bị thu hồi"):
        do_revoke_api_token(None, token)
    _, second = do_create_api_token(None, officer_a, "Khóa thứ hai")
    officer_a.is_active = False
    officer_a.save()
    assert client.get("/api/units/", **bearer(second)).status_code == 401


def test_a_key_needs_a_name(officer_a: Any) -> None:
    with pytest.raises(AccountError, match="tên gợi nhớ"):
        do_create_api_token(None, officer_a, "   ")
    assert not ApiToken.objects.exists()


def test_the_command_prints_the_key_once_lists_prefixes_and_revokes(officer_a: Any) -> None:
    code, out, err = run("token", "create", officer_a.username, "--name", "Hệ thống của phường")
    assert code == 0, err
    key = out.strip().splitlines()[-1]
    assert user_for_key(key) == officer_a
    code, listing, _ = run("token", "list", officer_a.username)
    assert key not in listing and key[:12] + "…" in listing and "đang dùng" in listing
    code, out, err = run("token", "revoke", key[:12])
    assert code == 0, err
    assert user_for_key(key) is None
    assert "đã thu hồi" in run("token", "list", officer_a.username)[1]


def test_the_command_refuses_bad_input_in_vietnamese_and_stores_nothing(officer_a: Any) -> None:
    code, _, err = run("token", "create", "khong-co-ai", "--name", "x")
    assert code == 1 and "không có tài khoản «khong-co-ai»" in err
    code, _, err = run("token", "create", officer_a.username, "--name", " ")
    assert code == 1 and "tên gợi nhớ" in err and "Chưa tạo khóa nào" in err
    code, _, err = run("token", "revoke", "ansinh_zzzzz")
    assert code == 1 and "không có khóa API nào" in err
    assert not ApiToken.objects.exists()


def test_a_user_creates_a_key_on_the_web_sees_it_once_and_can_revoke_it(client: Client, officer_a: Any) -> None:
    client.force_login(officer_a)
    response = client.post("/tai-khoan/khoa-api/", {"name": "Hệ thống của phường"})
    page = response.content.decode()
    token = ApiToken.objects.get(user=officer_a)
    key = page.split('<code class="api-key">')[1].split("</code>")[0]
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert user_for_key(key) == officer_a and key.startswith(token.prefix)
    again = client.get("/tai-khoan/khoa-api/").content.decode()
    assert key not in again and f"{token.prefix}…" in again  # shown once, then only its prefix
    assert client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/").status_code == 302
    assert user_for_key(key) is None


def test_the_web_refuses_a_nameless_key_and_another_users_key(client: Client, officer_a: Any, officer_b: Any) -> None:
    client.force_login(officer_a)
    response = client.post("/tai-khoan/khoa-api/", {"name": ""})
    assert response.status_code == 400 and "Hãy đặt tên gợi nhớ cho khóa." in response.content.decode()
    assert not ApiToken.objects.exists()
    theirs, key = do_create_api_token(None, officer_b, "Khóa của người khác")
    assert client.post(f"/tai-khoan/khoa-api/{theirs.pk}/thu-hoi/").status_code == 404
    assert user_for_key(key) == officer_b
    assert f"{theirs.prefix}" not in client.get("/tai-khoan/khoa-api/").content.decode()


def test_the_key_page_needs_a_signed_in_user(client: Client) -> None:
    assert client.get("/tai-khoan/khoa-api/").status_code == 302


def test_revoking_a_key_twice_on_the_web_says_so_and_changes_nothing(client: Client, officer_a: Any) -> None:
    token, _ = do_create_api_token(None, officer_a, "Hệ thống của phường")
    client.force_login(officer_a)
    client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/")
    token.refresh_from_db()
    revoked_at = token.revoked_at
    page = client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/", follow=True).content.decode()
    assert "đã bị thu hồi từ trước" in page
    token.refresh_from_db()
    assert token.revoked_at == revoked_at
    assert AuditEvent.objects.filter(action="accounts.revoke_api_token").count() == 1
