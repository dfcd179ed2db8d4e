"""De-duplication review in a real browser: a ward officer opens a candidate pair, sees each
comparison's weight, merges it ("same person"), then undoes the merge."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from ansinh.registry.dedup.models import DuplicatePair, PairStatus
from ansinh.registry.models import Person
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.registry.conftest import FAMILY, csv_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_ward_officer_reviews_merges_and_undoes_a_pair(page: Any, live_server: Any, ward_a: Any, officer_a: Any, tmp_path: Any) -> None:
    rows = [*FAMILY, ["R9", "H9", "26740", "thanh_thi", "1 Pasteur", "Nguyen Van An", "1970-04-03", "Nam", "", "Chủ hộ", "Kinh", ""]]
    path = tmp_path / "ho.csv"
    path.write_bytes(csv_bytes(rows))
    call_command("registry", "import", str(path))
    a, b = Person.objects.get(ma_ban_ghi="R1"), Person.objects.get(ma_ban_ghi="R9")
    pair = DuplicatePair.objects.create(
        person_a=a, person_b=b, commune=ward_a, province_code=a.province_code, match_probability=0.991, match_weight=6.8,
        weights={"ho_ten": 5.1, "ngay_sinh": 3.0, "gioi_tinh": 0.9, "so_dinh_danh": 0.0, "noi_o": 0.6, "dien_thoai": 0.0},
        found_at=timezone.now(),
    )
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/so-ho/trung-lap/")
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("link", name="Xem xét").click()
    assert "Họ tên" in page.content() and "5,1" in page.content()
    page.get_by_role("button", name="Cùng một người (gộp)").click()
    assert "Cùng một người (đã gộp)" in page.locator("h1").inner_text()
    assert Person.objects.get(pk=b.pk).deleted_at is not None
    page.get_by_role("button", name="Hoàn tác lần gộp").click()
    assert "Chờ xem xét" in page.locator("h1").inner_text()
    assert Person.objects.get(pk=b.pk).deleted_at is None
    assert DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.OPEN
