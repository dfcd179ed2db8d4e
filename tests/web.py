"""Helpers of the web journeys run with Django's test client: a signed-in client, the page's messages."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client


def web(username: str) -> Client:
    """A test client signed in as ``username``."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def messages_of(response: Any) -> str:
    """The flash messages a page shows, joined."""
    return " ".join(re.findall(r'<li class="msg-\w+">([^<]*)', response.content.decode()))
