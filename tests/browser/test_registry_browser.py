"""The registry in a real browser: a ward officer imports a file, searches, files a change that a
second officer approves, and cannot see another ward's persons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ansinh.registry.models import Person, PersonAccess
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD, _officer
from tests.registry.conftest import FAMILY, HEADER, csv_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_ward_officer_imports_searches_and_files_a_change_a_second_officer_approves(
    page: Any, live_server: Any, tmp_path: Path, ward_a: Any, ward_b: Any, officer_a: Any, officer_b: Any,
    django_user_model: Any,
) -> None:
    _officer(django_user_model, "officer_a2", "Hồ Thị Duyệt", "commune", ward_a)
    path = tmp_path / "ho-sai-gon.csv"
    header = ["Mã bản ghi", "Mã hộ", "Mã xã", "Khu vực", "Địa chỉ", "Tên người", *HEADER[6:]]
    path.write_bytes(csv_bytes(FAMILY, header=header, encoding="cp1258"))
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/so-ho/nhap/")
    page.set_input_files("#file", str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    assert "thiếu cột bắt buộc" in page.locator("#loi-nhap").inner_text()
    page.select_option("#cot_5", "ho_ten")
    page.get_by_role("button", name="Kiểm tra lại với cách ghép này").click()
    assert "4 nhân khẩu mới" in page.locator("#ket-qua").inner_text()
    assert Person.objects.count() == 0
    page.get_by_role("button", name="Lưu vào cơ sở dữ liệu").click()
    assert "Đã nhập 4 dòng" in page.locator(".messages").inner_text()

    page.fill("#q", "an nguyen van")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name=Person.objects.get(ma_ban_ghi="R1").registry_code).click()
    assert page.locator("h1").inner_text().startswith("Nguyễn Văn An")
    page.get_by_role("link", name="Lập yêu cầu thay đổi cho người này").click()
    page.fill("#full_name", "Nguyễn Văn Ân")
    page.fill("#reason", "Theo giấy khai sinh")
    page.get_by_role("button", name="Lập và gửi duyệt").click()
    assert page.locator("#trang-thai").inner_text() == "Chờ duyệt"
    change_url = page.url
    page.get_by_role("button", name="Đăng xuất").click()

    log_in(page, live_server, "officer_a2", PASSWORD)
    page.goto(change_url)
    page.get_by_role("button", name="Duyệt và áp dụng").click()
    assert page.locator("#trang-thai").inner_text() == "Đã duyệt và áp dụng"
    assert Person.objects.get(ma_ban_ghi="R1").full_name == "Nguyễn Văn Ân"
    page.get_by_role("button", name="Đăng xuất").click()

    log_in(page, live_server, "officer_b", PASSWORD)
    page.goto(f"{live_server.url}/so-ho/?q=nguyen")
    assert "Không có ai khớp" in page.content()
    response = page.goto(f"{live_server.url}/so-ho/nhan-khau/{Person.objects.get(ma_ban_ghi='R1').registry_code}/")
    assert response is not None and response.status == 404
    assert PersonAccess.objects.filter(user=officer_b).count() == 0
    assert PersonAccess.objects.filter(user=officer_a, kind="view").count() == 1
