"""An official who never saw the demo: own data for a Quảng Ninh commune, everything through the web.

Accounts have the roles ``ansinh user create`` gives (as the README tells a new site); the registry file is the
commune's own, Windows-1258, headers slightly off (``Họ và tên``, ``So CCCD``, ``SĐT``), dates as
DD/MM/YYYY or a bare year, names and answers without diacritics. From there on only pages and forms:
import, search, a change request approved by a second officer, an export with its purpose, the
data-subject report, then the 2026 poverty review to its recognition by the commune chairman, the
certificates, the summary and the poor-household rate proposed to the commune's report of a plan
whose target the administrator linked on the linking page.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.conftest import _officer, _unit
from tests.web import messages_of, web

COMMUNE = "06838"  # Xã Bình Liêu, Quảng Ninh
HEADER = "Mã bản ghi,ma ho,Ma xa,Khu vuc,Dia chi,Họ và tên,Ngay sinh,Gioi tinh,So CCCD,Quan he voi chu ho,Dan toc,SĐT"
ROWS = [
    "BL-0001,BL001,06838,nong_thon,Thôn Khe Mạ,Hoàng Văn Sáng,15/03/1985,Nam,022085001234,Chủ hộ,Tày,0912345678",
    "BL-0002,BL001,06838,nong_thon,Thôn Khe Mạ,Lý Thị Hoa,02/11/1988,Nữ,022188004321,Vợ,Tày,",
    "BL-0003,BL001,06838,nong_thon,Thôn Khe Mạ,Hoang Van Binh,2010,Nam,,Con,Tay,",
    "BL-0004,BL002,06838,nong_thon,Thôn Nà Ếch,Dương Thị Lan,07/07/1960,Nu,022160009876,Chu ho,Dao,0987654321",
    "BL-0005,BL002,06838,nong_thon,Thôn Nà Ếch,Chìu A Sềnh,1992-05-20,Nam,022092005555,Con,Dao,",
    "BL-0006,BL003,06838,nong_thon,Thôn Bản Chuồng,Nguyễn Văn Ánh,01/01/1975,Nam,022075007777,Chủ hộ,Kinh,0203123456",
]
NOW = "2026-12-02 09:00 +0700"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a precomposed base letter, the tone as a combining mark."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        for i in range(1, len(parts)):
            try:
                out += unicodedata.normalize("NFC", parts[0] + parts[i]).encode("cp1258")
                out += (parts[1:i] + parts[i + 1:]).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += parts.encode("cp1258")
    return out


@pytest.fixture
def site(vn: Any, django_user_model: Any, standards: None) -> dict[str, Any]:
    """Quảng Ninh and Xã Bình Liêu; an administrator, two commune officers and the chairman (the roles
    ``ansinh user create --role … --unit 06838`` gives; the command itself is tested in tests/accounts)."""
    province = _unit("22", "Quảng Ninh", "province", vn, "tỉnh")
    commune = _unit(COMMUNE, "Xã Bình Liêu", "commune", province, "xã")
    for name, full_name, role, unit in [("qn_admin", "Quản Trị Quảng Ninh", "admin", None), ("qn_cb1", "Hoàng Văn Lục", "commune", commune),
                                        ("qn_cb2", "Lý Thị Mai", "commune", commune), ("qn_ct", "Vi Văn Chủ", "chairman", commune)]:
        _officer(django_user_model, name, full_name, role, unit)
    return {"commune": commune, **{name: web(name) for name in ("qn_admin", "qn_cb1", "qn_cb2", "qn_ct")}}


def import_own_file(officer: Client) -> None:
    upload = SimpleUploadedFile("binh-lieu.csv", cp1258("\r\n".join([HEADER, *ROWS]) + "\r\n"), content_type="text/csv")
    assert officer.post("/so-ho/nhap/", {"file": upload}).status_code == 302
    preview = officer.get("/so-ho/nhap/xem-truoc/").content.decode()
    assert "bảng mã cp1258" in preview and "6 nhân khẩu mới, 3 hộ mới" in preview
    mapping = dict(re.findall(r'<select id="(cot_\d+)".*?<option value="(\w+)" selected', preview, re.S))
    assert len(mapping) == 12  # every header recognised without help
    done = officer.post("/so-ho/nhap/xem-truoc/", {**mapping, "apply": "1"}, follow=True)
    assert "Đã nhập 6 dòng: 6 nhân khẩu mới, 3 hộ mới" in messages_of(done)


def person_code(officer: Client, query: str) -> str:
    found = re.findall(r'href="/so-ho/nhan-khau/([^/"]+)/"', officer.get("/so-ho/", {"q": query}).content.decode())
    assert len(found) == 1, query
    return found[0]


@time_machine.travel(NOW)
def test_a_stranger_imports_searches_changes_exports_and_reports_on_own_commune_data(site: dict[str, Any]) -> None:
    cb1, cb2 = site["qn_cb1"], site["qn_cb2"]
    assert 'href="/so-ho/"' in cb1.get("/ke-hoach/").content.decode()  # the registry is in the main navigation
    import_own_file(cb1)
    for query in ("sang hoang van", "SÁNG hoàng", "022188004321", "sềnh chìu"):
        person_code(cb1, query)
    assert "2 người" in cb1.get("/so-ho/", {"q": "BL002"}).content.decode()
    binh = person_code(cb1, "binh hoang")
    person = cb1.get(f"/so-ho/nhan-khau/{binh}/").content.decode()
    household = re.findall(r'href="/so-ho/ho/(\d+)/"', person)[0]
    assert "Lý Thị Hoa" in cb1.get(f"/so-ho/ho/{household}/").content.decode()
    filed = cb1.post(f"/so-ho/nhan-khau/{binh}/thay-doi/", {"kind": "correct_person", "full_name": "Hoàng Văn Bình",
                                                          "birth_date": "05/09/2010", "reason": "Theo giấy khai sinh"})
    change = filed["Location"]
    assert "/duyet/" not in cb1.get(change).content.decode()  # no approve button for the author
    assert "không được tự duyệt" in messages_of(cb1.post(f"{change}duyet/", {}, follow=True))
    assert change in cb2.get("/so-ho/thay-doi/").content.decode()
    version = re.findall(r'name="version" value="(\d+)"', cb2.get(change).content.decode())[0]
    assert "Đã duyệt và áp dụng" in messages_of(cb2.post(f"{change}duyet/", {"version": version, "note": "Đồng ý"}, follow=True))
    assert "Hoàng Văn Bình" in cb1.get(f"/so-ho/nhan-khau/{binh}/").content.decode()
    assert cb1.post("/so-ho/xuat/", {"purpose": ""}).status_code == 400
    exported = cb1.post("/so-ho/xuat/", {"purpose": "Rà soát hộ nghèo năm 2026"}).content.decode("utf-8-sig")
    assert "Hoàng Văn Bình,05/09/2010,Nam,,Tày," in exported and exported.count("\n") == 7
    report = json.loads(cb1.get(f"/so-ho/nhan-khau/{binh}/bao-cao/", {"muc_dich": "Ông Bình yêu cầu"}).content)
    assert report["person"]["full_name"] == "Hoàng Văn Bình"
    log = cb1.get("/so-ho/nhat-ky/").content.decode()
    assert "Rà soát hộ nghèo năm 2026" in log and "Ông Bình yêu cầu" in log


def run_round(site: dict[str, Any]) -> str:
    """The 2026 round of Xã Bình Liêu through its four steps; returns the round's URL."""
    cb1, chairman = site["qn_cb1"], site["qn_ct"]
    assert 'href="/ho-ngheo/"' in cb1.get("/so-ho/").content.decode()  # the review is reachable from the navigation
    opened = cb1.post("/ho-ngheo/", {"commune": site["commune"].pk, "year": "2026", "standard": ""}, follow=True)
    assert "Đã lập danh sách hộ cần rà soát" in messages_of(opened)
    url = opened.redirect_chain[-1][0]

    def version() -> str:
        return re.findall(r'name="version" value="(\d+)"', cb1.get(url).content.decode())[0]

    for code in ("BL001", "BL002", "BL003"):
        cb1.post(url, {"buoc": "them_ho", "them_ho-code": code, "them_ho-note": "Có giấy đề nghị", "version": version()})
    listing = cb1.get(url).content.decode()
    assert '<div class="table-scroll"><table>' in listing  # on a phone the list scrolls inside the page, not the page
    entries = dict((code, pk) for pk, code in re.findall(r'href="/ho-ngheo/phieu/(\d+)/"[^>]*>\s*(\w+)', listing))
    for code, income, flags in (("BL001", "1.400.000", 3), ("BL002", "1500000", 1), ("BL003", "3.000.000", 0)):
        form = cb1.get(f"/ho-ngheo/phieu/{entries[code]}/").content.decode()
        assert 'name="viewport"' in form and "phiếu B" in form
        data = {"method": "thu_nhap", "income": income, "surveyed_on": "15/10/2026",
                "version": re.findall(r'name="version" value="(\d+)"', form)[0]}
        data |= {f"chi_so_{c}": "on" for c in ("viec_lam", "bao_hiem_y_te", "dinh_duong")[:flags]}
        assert cb1.post(f"/ho-ngheo/phieu/{entries[code]}/", data).status_code == 302
    cb1.post(url, {"buoc": "hop_dan", "version": version(), "hop_dan-meeting_date": "20/10/2026", "hop_dan-minutes": "Họp thôn, nhất trí"})
    cb1.post(url, {"buoc": "niem_yet", "version": version(), "niem_yet-start": "20/11/2026", "niem_yet-end": "27/11/2026",
                   "niem_yet-place": "Nhà văn hóa thôn Khe Mạ"})
    cb1.post(url, {"buoc": "khieu_nai", "version": version(), "khieu_nai-household": "BL003", "khieu_nai-received_on": "22/11/2026",
                   "khieu_nai-complainant": "Nguyễn Văn Ánh", "khieu_nai-content": "Thu nhập của hộ tôi thấp hơn"})
    recognise = {"buoc": "cong_nhan", "cong_nhan-decided_on": "01/12/2026", "cong_nhan-decision_number": "123/QĐ-UBND"}
    refused = chairman.post(url, recognise | {"version": version()})
    assert refused.status_code == 400 and "khiếu nại chưa giải quyết" in refused.content.decode()
    complaint = re.findall(r'action="(/ho-ngheo/khieu-nai/\d+/giai-quyet/)"', cb1.get(url).content.decode())[0]
    cb1.post(complaint, {"giai_quyet-resolution": "Đã phúc tra, giữ nguyên", "giai_quyet-resolved_on": "26/11/2026"})
    assert "Công nhận kết quả" in chairman.get(url).content.decode()
    assert "Đã công nhận kết quả rà soát của 3 hộ" in messages_of(chairman.post(url, recognise | {"version": version()}, follow=True))
    return url


@time_machine.travel(NOW)
def test_a_stranger_runs_the_poverty_review_and_its_rate_reaches_the_plans_report(site: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    from tests.reporting.link_fixtures import draft_plan

    import_own_file(site["qn_cb1"])
    url = run_round(site)
    chairman, cb1, admin = site["qn_ct"], site["qn_cb1"], site["qn_admin"]
    listed = load_workbook(io.BytesIO(chairman.get(f"{url}danh-sach-cong-nhan/").content)).active
    assert listed is not None
    rows = {r[0]: r for r in listed.iter_rows(min_row=4, values_only=True)}
    assert rows["BL001"][4] == "Hộ nghèo" and rows["BL002"][4] == "Hộ cận nghèo" and rows["BL001"][6] == "phát sinh hộ nghèo"
    assert chairman.get(f"{url}giay-chung-nhan/")["Content-Type"].startswith("application/vnd.openxmlformats")
    summary = cb1.get("/ho-ngheo/tong-hop/").content.decode()  # opens on the year just recognised, not the demo's
    assert "Xã Bình Liêu" in summary and "Chưa có kết quả" not in summary
    book = load_workbook(io.BytesIO(cb1.get("/ho-ngheo/tong-hop/", {"tinh": "22", "nam": "2026", "dang": "xlsx"}).content))
    total = list(book["Tong hop"].iter_rows(values_only=True))[-1]
    assert total[2:5] == (3, 1, round(100 / 3, 2))
    # A plan of the commune: the administrator links its poverty target on the linking page and approves it
    plan = draft_plan()
    plan.area = site["commune"]
    plan.issuer = "Ủy ban nhân dân xã Bình Liêu"
    plan.save()
    target = plan.targets.get(position=0)
    linked = admin.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/", {"indicator": "POOR_RATE", "was": ""}, follow=True)
    assert "Đã liên kết" in messages_of(linked)
    admin.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": site["commune"].pk, "xac_nhan": "1"})
    cycles = re.findall(r'href="/bao-cao-dinh-ky/ky/(\d+)/"', cb1.get("/bao-cao-dinh-ky/").content.decode())
    cycle = next(c for c in cycles if "năm 2026" in cb1.get(f"/bao-cao-dinh-ky/ky/{c}/").content.decode())
    opened = cb1.post(f"/bao-cao-dinh-ky/ky/{cycle}/lap-bao-cao/", {"unit": site["commune"].pk}, follow=True)
    page = opened.content.decode()
    assert "Đề xuất từ cơ sở dữ liệu" in page
    assert 'name="ind-0-numerator" value="1"' in page and 'name="ind-0-denominator" value="3"' in page
    assert dt.date.today() == dt.date(2026, 12, 2)


def test_a_provinces_own_standard_is_offered_only_to_that_provinces_officers(site: dict[str, Any], officer_a: Any) -> None:
    assert 'value="tphcm-2025"' not in site["qn_cb1"].get("/ho-ngheo/").content.decode()
    assert 'value="nd07-2021"' in site["qn_cb1"].get("/ho-ngheo/").content.decode()
    assert 'value="tphcm-2025"' in web("officer_a").get("/ho-ngheo/").content.decode()


def test_a_household_size_counts_only_living_members(households: list[Any]) -> None:
    """Found on the walk: the recognised list gave 1 person to a household whose only member had died."""
    from ansinh.poverty.actions import _household_facts
    from ansinh.registry.models import Membership, Person

    household = households[0]
    late = Person.objects.create(registry_code="TX", full_name="Người Đã Mất", name_folded="nguoi da mat", sex="nu",
                                 commune=household.commune, province_code="79", alive=False, death_date=dt.date(2026, 3, 1))
    Membership.objects.create(person=late, household=household, relation="vo", valid_from=dt.date(2020, 1, 1), province_code="79")
    assert _household_facts([household.pk])[household.pk][0] == 1


@time_machine.travel(NOW)
def test_a_refused_change_form_keeps_the_chosen_sex(site: dict[str, Any]) -> None:
    """Found on the walk: after a refusal the sex list fell back to empty and had to be chosen again."""
    cb1 = site["qn_cb1"]
    import_own_file(cb1)
    household = re.findall(r'href="/so-ho/ho/(\d+)/"', cb1.get(f"/so-ho/nhan-khau/{person_code(cb1, 'hoang van sang')}/").content.decode())[0]
    refused = cb1.post(f"/so-ho/ho/{household}/thay-doi/", {"kind": "add_member", "full_name": "Hoàng Thị Mới", "sex": "Nữ",
                                                             "personal_id": "123", "reason": "Khai sinh"})
    assert refused.status_code == 400 and '<option value="Nữ" selected>' in refused.content.decode()


@time_machine.travel(NOW)
def test_an_excel_file_whose_codes_and_numbers_lost_their_zeros_imports_as_typed_on_paper(site: dict[str, Any]) -> None:
    """Found on the walk: an XLSX with the commune code, ID numbers and phones in number cells was refused row by row."""
    from openpyxl import Workbook

    from ansinh.registry.models import Person

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Mã bản ghi", "Mã hộ", "Mã xã", "Khu vực", "Địa chỉ", "Họ tên", "Ngày sinh", "Giới tính", "Số định danh",
                  "Quan hệ với chủ hộ", "Dân tộc", "Số điện thoại"])
    sheet.append([1, "BL-0101", "BL101", 6838, "Nông thôn", "Thôn Khe Mạ", "Triệu Văn Phúc", dt.datetime(1980, 4, 3), "Nam",
                  22080001122, "Chủ hộ", "Dao", 912000111])
    sheet.append([2, "BL-0102", "BL101", 6838, "Nông thôn", "Thôn Khe Mạ", "Bàn Thị Xuân", 1983, "Nữ", 1183002233, "Vợ", "Dao", 2033123456])
    raw = io.BytesIO()
    book.save(raw)
    cb1 = site["qn_cb1"]
    cb1.post("/so-ho/nhap/", {"file": SimpleUploadedFile("binh-lieu.xlsx", raw.getvalue())})
    preview = cb1.get("/so-ho/nhap/xem-truoc/").content.decode()
    assert "2 nhân khẩu mới, 1 hộ mới" in preview and "Cột «STT» không thuộc mẫu" in preview
    mapping = {f"cot_{i}": c for i, c in enumerate(["", "ma_ban_ghi", "ma_ho", "ma_xa", "khu_vuc", "dia_chi", "ho_ten", "ngay_sinh",
                                                    "gioi_tinh", "so_dinh_danh", "quan_he", "dan_toc", "so_dien_thoai"])}
    assert cb1.post("/so-ho/nhap/xem-truoc/", {**mapping, "apply": "1"}).status_code == 302
    stored = {p.full_name: (p.personal_id, p.phone, p.commune.code) for p in Person.objects.select_related("commune")}
    assert stored == {"Triệu Văn Phúc": ("022080001122", "0912000111", COMMUNE), "Bàn Thị Xuân": ("001183002233", "02033123456", COMMUNE)}


def test_the_summary_offers_national_standards_and_the_provinces_own_by_name(site: dict[str, Any]) -> None:
    page = site["qn_cb1"].get("/ho-ngheo/tong-hop/").content.decode()
    assert ">Chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP, Điều 3)</option>" in page
    assert 'value="tphcm-2025"' not in page
