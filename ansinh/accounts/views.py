"""The user's own API keys: list, create (shown once), revoke. Writes go through the audited actions."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.accounts.access_tokens import access_own_token, access_own_tokens
from ansinh.accounts.actions import AccountError, do_create_api_token, do_revoke_api_token
from ansinh.accounts.forms import ApiTokenForm
from ansinh.accounts.models import User


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_key = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                owner = cast(User, request.user)  # login_required: a real, signed-in user
                _, new_key = do_create_api_token(owner, owner, form.cleaned_data["name"])
            except AccountError as err:
                form.add_error("name", err.message)
                status = 400
            else:
                form = ApiTokenForm()
        else:
            status = 400
    context = {"tokens": access_own_tokens(request.user), "form": form, "new_key": new_key}
    response = render(request, "accounts/api_tokens.html", context, status=status)
    if new_key:
        response["Cache-Control"] = "no-store"  # the key is shown once; no copy in a cache
    return response


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_own_token(request.user, token_id)
    try:
        do_revoke_api_token(request.user, token)
    except AccountError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã thu hồi khóa {token.prefix}… ({token.name}).")
    return redirect("accounts:api_tokens")
