"""The page a list view shows: ``?trang=`` read the same way by every paged list."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from ansinh.core.views import page_number


@pytest.mark.parametrize(("query", "page"), [("", 1), ("?trang=3", 3), ("?trang=0", 1), ("?trang=-2", 1),
                                             ("?trang=hai", 1)])
def test_a_list_shows_the_page_asked_for_or_the_first(query: str, page: int) -> None:
    assert page_number(RequestFactory().get(f"/danh-sach/{query}")) == page
