"""The scored income-estimation form: data with its source, every score marked unverified, scored on the web and from Excel."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.core.errors import UserError
from ansinh.poverty.rules import Band, Rule, classify_one
from ansinh.poverty.scoring import form_for, forms, representative_income, score
from tests.sizes import size

FORM = forms()[0]
RULE = Rule("nd07-2021", {
    "nong_thon": (Band(1_500_000, 3, "ngheo", "can_ngheo"), Band(2_250_000, None, "trung_binh", "trung_binh")),
    "thanh_thi": (Band(2_000_000, 3, "ngheo", "can_ngheo"), Band(3_000_000, None, "trung_binh", "trung_binh")),
})


def points(item_code: str, option_code: str, region: str) -> int:
    option = next(i for i in FORM.items if i.code == item_code).option(option_code)
    assert option is not None
    return option.points(region)


def lowest() -> dict[str, str]:
    return {i.code: min(i.options, key=lambda o: o.points("dnb")).code for i in FORM.items}


def highest() -> dict[str, str]:
    return {i.code: max(i.options, key=lambda o: o.points("dnb")).code for i in FORM.items}


def test_the_form_names_its_circulars_and_marks_every_score_unverified() -> None:
    assert "07/2021/TT-BLĐTBXH" in FORM.source and "02/2022/TT-BLĐTBXH" in FORM.source
    assert not FORM.verified and all(not item.verified for item in FORM.items) and "chưa xác minh" in FORM.note
    assert form_for("nd07-2021") is FORM and form_for("nd351-2025") is None
    for region in FORM.regions:
        for area in ("nong_thon", "thanh_thi"):
            cut = FORM.cutoffs[region][area]
            assert cut["line"] < cut["middle"] and area in FORM.base[region]
    for item in FORM.items:
        codes = [o.code for o in item.options]
        assert len(codes) >= 2 and len(set(codes)) == len(codes)
    assert FORM.region_of("79") == "dnb" and FORM.region_of("01") == "dbsh"


@settings(max_examples=size(40, 200), deadline=None)
@given(
    st.sampled_from(sorted(FORM.regions)), st.sampled_from(["nong_thon", "thanh_thi"]),
    st.fixed_dictionaries({i.code: st.sampled_from([o.code for o in i.options]) for i in FORM.items}),
    st.integers(min_value=0, max_value=12),
)
def test_the_total_is_base_plus_points_and_the_band_decides_the_class(region: str, area: str, answers: dict[str, str], deprived: int) -> None:
    scored = score(FORM, region, area, answers)
    expected = FORM.base[region][area] + sum(points(i.code, answers[i.code], region) for i in FORM.items)
    assert scored.total == expected
    cut = FORM.cutoffs[region][area]
    assert (scored.band == "line") == (expected <= cut["line"])
    assert (scored.band == "middle") == (cut["line"] < expected <= cut["middle"])
    klass = classify_one(RULE, representative_income(RULE, area, scored.band), deprived, area)
    assert klass == {"line": "ngheo" if deprived >= 3 else "can_ngheo", "middle": "trung_binh", "above": "khong"}[scored.band]


def test_a_missing_or_unknown_answer_and_an_unknown_region_are_refused_in_vietnamese() -> None:
    answers = lowest() | {"loai_nha": "lau_dai"}
    del answers["o_to"]
    with pytest.raises(UserError) as err:
        score(FORM, "sao_hoa", "nong_thon", answers)
    message = err.value.message
    assert "vùng «sao_hoa» không có trong bảng điểm" in message and "«lau_dai» không phải phương án" in message
    assert "câu «Có ô tô»: chưa trả lời" in message


def test_an_officer_scores_a_household_on_the_phone_form(client: Client, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.poverty import actions
    from ansinh.poverty.models import ReviewEntry

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    entry = actions.do_add_applicant(officer_a, round_, households[2])  # rural
    client.force_login(officer_a)
    page = client.get(f"/ho-ngheo/phieu/{entry.pk}/").content.decode()
    assert "Bảng điểm chưa xác minh" in page and "Có ô tô" in page and "điểm, chưa xác minh" in page
    data = {"method": "bang_diem", "region": "dnb", "surveyed_on": "2025-10-05", "version": entry.version}
    data |= {f"diem_{k}": v for k, v in lowest().items()}
    data |= {f"chi_so_{c}": "on" for c in ("viec_lam", "bao_hiem_y_te", "nguon_nuoc_sinh_hoat")}
    assert client.post(f"/ho-ngheo/phieu/{entry.pk}/", data).status_code == 302
    entry.refresh_from_db()
    assert (entry.income_method, entry.proposed_class, entry.income) == ("bang_diem", "ngheo", 1_500_000)
    assert entry.income_score == FORM.base["dnb"]["nong_thon"] + sum(points(k, v, "dnb") for k, v in lowest().items())
    assert "theo bảng điểm" in client.get(f"/ho-ngheo/dot/{round_.pk}/").content.decode()
    bad = client.post(f"/ho-ngheo/phieu/{entry.pk}/", data | {"diem_loai_nha": "", "region": "", "version": entry.version})
    html = bad.content.decode()
    assert bad.status_code == 400 and "Câu «Loại nhà ở»: chưa trả lời." in html and "Vùng chưa chọn" in html
    assert ReviewEntry.objects.get(pk=entry.pk).version == entry.version


def test_an_excel_survey_with_the_scored_answers_is_imported_and_a_bad_cell_refuses_the_file(
    officer_a: Any, ward_a: Any, households: list[Any], tmp_path: Any
) -> None:
    from openpyxl import Workbook

    from ansinh.poverty import actions
    from ansinh.poverty.models import ReviewEntry
    from ansinh.poverty.survey_file import SurveyRefused

    round_ = actions.do_start_round(officer_a, ward_a, 2025)
    for hh in households[:2]:
        actions.do_add_applicant(officer_a, round_, hh)
    codes = [i.code for i in FORM.items]

    def book(rows: list[list[Any]]) -> Any:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["ma_ho", "khu_vuc", "so_chi_so_thieu_hut", *codes])
        for row in rows:
            sheet.append(row)
        path = tmp_path / "diem.xlsx"
        workbook.save(path)
        return path

    bad = book([["H1", "thanh_thi", 0, *lowest().values()], ["H2", "thanh_thi", 0, *(highest() | {"o_to": "may_bay"}).values()]])
    with pytest.raises(SurveyRefused) as err:
        actions.do_import_survey(officer_a, round_, bad)
    assert err.value.errors == ["Dòng 3, cột o_to: câu «Có ô tô»: «may_bay» không phải phương án (co, khong)."]
    assert not ReviewEntry.objects.filter(income__isnull=False).exists()
    good = book([["H1", "thanh_thi", 3, *lowest().values()], ["H2", "thanh_thi", 0, *highest().values()]])
    assert actions.do_import_survey(officer_a, round_, good) == 2  # region from the commune's province (79 → Đông Nam Bộ)
    got = dict(ReviewEntry.objects.values_list("household__code", "proposed_class"))
    assert got == {"H1": "ngheo", "H2": "khong"}
    assert ReviewEntry.objects.get(household__code="H1").score_answers["vung"] == "dnb"
