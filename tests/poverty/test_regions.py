"""A commune's score-form region: 63 former provinces in six regions, found through the 2025 crosswalk,
and left to the officer (with a Vietnamese reason) when a merged province straddles two regions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.poverty.regions import region_for_commune, region_for_province_2025, regions
from ansinh.poverty.scoring import forms
from tests.conftest import _officer, _unit

OLD = dt.date(1976, 7, 2)
REFORM = dt.date(2025, 7, 1)
DATA = regions()


def test_the_63_former_provinces_fall_in_the_six_regions_of_the_score_form_and_the_34_new_ones_partition_them() -> None:
    assert len(DATA.of_province) == 63 and set(DATA.of_province.values()) == set(forms()[0].regions)
    assert set(DATA.names) == set(forms()[0].regions)
    former = [p for olds in DATA.former.values() for p in olds]
    assert len(DATA.former) == 34 and sorted(former) == sorted(DATA.of_province)
    assert DATA.of_province["22"] == "dbsh" and DATA.of_province["60"] == "btb_dhmt" and DATA.of_province["80"] == "dbscl"
    assert not DATA.verified and "Tổng cục Thống kê" in DATA.source


@given(st.sampled_from(sorted(regions().former)))
def test_a_2025_province_has_one_region_exactly_when_its_former_provinces_share_it(code: str) -> None:
    choice = region_for_province_2025(code)
    found = {DATA.of_province[p] for p in DATA.former[code]}
    assert choice.ambiguous == (len(found) > 1)
    assert set(choice.candidates) == found and (choice.region in found or choice.ambiguous)
    assert (choice.message == "") == (not choice.ambiguous)


def test_straddling_merged_provinces_are_ambiguous_and_single_region_ones_are_not() -> None:
    assert region_for_province_2025("68").candidates == ("btb_dhmt", "tn")  # Lâm Đồng + Đắk Nông + Bình Thuận
    assert region_for_province_2025("80").candidates == ("dnb", "dbscl")  # Tây Ninh + Long An
    assert region_for_province_2025("25").candidates == ("tdmnpb", "dbsh")  # Phú Thọ + Vĩnh Phúc + Hòa Bình
    assert region_for_province_2025("79").region == "dnb" and region_for_province_2025("92").region == "dbscl"
    unknown = region_for_province_2025("")
    assert unknown.ambiguous and len(unknown.candidates) == 6 and "Không xác định được tỉnh cũ" in unknown.message


@pytest.fixture
def lam_dong(vn: Any) -> dict[str, Any]:
    """The 2025 Lâm Đồng (68) and, before the reform, Lâm Đồng (68), Đắk Nông (67) and Bình Thuận (60)."""
    from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk

    new = _unit("68", "Tỉnh Lâm Đồng", "province", vn, "tỉnh")
    olds = {code: _unit(code, name, "province", vn, "tỉnh", valid_from=OLD) for code, name in
            (("68", "Tỉnh Lâm Đồng"), ("67", "Tỉnh Đắk Nông"), ("60", "Tỉnh Bình Thuận"))}
    AdministrativeUnit.objects.filter(pk__in=[u.pk for u in olds.values()]).update(valid_to=REFORM)
    old_communes = {code: _unit(f"9{code}01", f"Xã cũ {code}", "commune", olds[code], "xã", valid_from=OLD) for code in olds}
    border = _unit("99901", "Xã Giáp Ranh", "commune", new, "xã")  # from a Lâm Đồng and a Bình Thuận commune
    highland = _unit("99902", "Xã Cao Nguyên", "commune", new, "xã")  # from a Đắk Nông commune only
    plain = _unit("99903", "Xã Không Có Bảng", "commune", new, "xã")  # no crosswalk row
    for old, successor in ((old_communes["68"], border), (old_communes["60"], border), (old_communes["67"], highland)):
        UnitCrosswalk.objects.create(predecessor=old, successor=successor, weight=1, effective=REFORM)
    return {"border": border, "highland": highland, "plain": plain}


def test_a_communes_region_is_read_from_its_former_communes_through_the_crosswalk(
    lam_dong: dict[str, Any], ward_a: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(1):
        border = region_for_commune(lam_dong["border"])
    assert border.ambiguous and border.basis == "crosswalk" and border.candidates == ("btb_dhmt", "tn")
    assert border.message.startswith("Xã, phường này được hình thành từ địa bàn của các tỉnh cũ thuộc nhiều vùng")
    assert "Bình Thuận (Bắc Trung Bộ và duyên hải miền Trung)" in border.message and "cán bộ chọn vùng" in border.message
    highland = region_for_commune(lam_dong["highland"])
    assert (highland.region, highland.basis, highland.former_provinces) == ("tn", "crosswalk", ("67",))
    plain = region_for_commune(lam_dong["plain"])  # no crosswalk: the merger list, which straddles two regions
    assert plain.ambiguous and plain.basis == "merger" and "theo danh sách tỉnh hợp nhất năm 2025" in plain.message
    assert region_for_commune(ward_a).region == "dnb"  # HCMC 2025 = HCMC + Bình Dương + Bà Rịa - Vũng Tàu


@pytest.fixture
def border_round(lam_dong: dict[str, Any], django_user_model: Any, standards: None) -> tuple[Any, Any, Any]:
    from ansinh.poverty import actions
    from ansinh.registry.models import Household

    officer = _officer(django_user_model, "officer_border", "Đinh Văn Giáp", "commune", lam_dong["border"])
    household = Household.objects.create(code="GR1", commune=lam_dong["border"], province_code="68", area="nong_thon")
    round_ = actions.do_start_round(officer, lam_dong["border"], 2025)
    entry = actions.do_add_applicant(officer, round_, household)
    return officer, round_, entry


def test_the_phone_form_asks_the_officer_to_pick_the_region_of_a_straddling_commune(
    client: Client, border_round: tuple[Any, Any, Any]
) -> None:
    officer, _, entry = border_round
    client.force_login(officer)
    page = client.get(f"/ho-ngheo/phieu/{entry.pk}/").content.decode()
    assert 'id="vung-can-chon"' in page and "cán bộ chọn vùng của bảng điểm cho hộ" in page
    assert '<option value="" selected>' in page


def test_an_import_for_a_straddling_commune_needs_the_region_column_and_says_why(
    border_round: tuple[Any, Any, Any], tmp_path: Any
) -> None:
    from ansinh.poverty import actions
    from ansinh.poverty.models import ReviewEntry
    from ansinh.poverty.survey_file import SurveyRefused

    officer, round_, _ = border_round
    form = forms()[0]
    answers = [min(i.options, key=lambda o: o.points("tn")).code for i in form.items]
    header = ["ma_ho", "khu_vuc", "so_chi_so_thieu_hut", *[i.code for i in form.items]]
    path = tmp_path / "phieu.csv"
    path.write_text(",".join(header) + "\n" + ",".join(["GR1", "nong_thon", "3", *answers]) + "\n", encoding="utf-8")
    with pytest.raises(SurveyRefused) as err:
        actions.do_import_survey(officer, round_, path)
    assert len(err.value.errors) == 1 and err.value.errors[0].startswith("Dòng 2, cột vung: xã, phường này được hình thành")
    assert "(điền mã vùng: tdmnpb, dbsh, btb_dhmt, tn, dnb, dbscl)" in err.value.errors[0]
    assert not ReviewEntry.objects.filter(income__isnull=False).exists()
    path.write_text(",".join([*header, "vung"]) + "\n" + ",".join(["GR1", "nong_thon", "3", *answers, "tn"]) + "\n", encoding="utf-8")
    assert actions.do_import_survey(officer, round_, path) == 1
    assert ReviewEntry.objects.get(round=round_).score_answers["vung"] == "tn"


def test_a_region_outside_the_communes_former_provinces_is_refused_on_the_form_and_in_the_import(
    border_round: tuple[Any, Any, Any], officer_a: Any, ward_a: Any, households: list[Any], tmp_path: Any
) -> None:
    from ansinh.core.errors import UserError
    from ansinh.poverty import actions
    from ansinh.poverty.models import ReviewEntry
    from ansinh.poverty.survey_file import SurveyRefused

    form = forms()[0]
    answers = {i.code: i.options[0].code for i in form.items}
    round_a = actions.do_start_round(officer_a, ward_a, 2025)
    entry_a = actions.do_add_applicant(officer_a, round_a, households[0])
    with pytest.raises(UserError) as err:  # HCMC's wards lie wholly in Đông Nam Bộ
        actions.do_record_survey(officer_a, entry_a, None, [], dt.date(2025, 10, 5), scored_answers=answers, region="tn")
    assert err.value.message == ("Vùng «Tây Nguyên» không phải vùng của xã, phường này theo tỉnh cũ (trước 1/7/2025); "
                                 "chọn: Đông Nam Bộ (dnb).")
    assert ReviewEntry.objects.get(pk=entry_a.pk).income is None
    officer, round_, _ = border_round
    header = ["ma_ho", "khu_vuc", "so_chi_so_thieu_hut", *answers, "vung"]
    path = tmp_path / "phieu.csv"
    path.write_text(",".join(header) + "\n" + ",".join(["GR1", "nong_thon", "0", *answers.values(), "dbsh"]) + "\n", encoding="utf-8")
    with pytest.raises(SurveyRefused) as refused:
        actions.do_import_survey(officer, round_, path)
    assert refused.value.errors == [
        "Dòng 2, cột vung: vùng «Đồng bằng sông Hồng» không phải vùng của xã, phường này theo tỉnh cũ (trước 1/7/2025); "
        "chọn: Bắc Trung Bộ và duyên hải miền Trung (btb_dhmt), Tây Nguyên (tn)."
    ]
