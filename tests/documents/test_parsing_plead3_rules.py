"""Issue 10, helper plead3 (lead and partner recall): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents name and assign bodies (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.unit_names import opens_with_agency, split_units
from ansinh.lib.text import normalize_text, strip_marks


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


# --- shared readers --------------------------------------------------------------------------------------------


@given(st.sampled_from(["Sở Y tế", "Các sở, ngành", "Công an tỉnh", "Ủy ban nhân dân xã", "Bảo hiểm xã hội tỉnh", "Trung tâm Y tế"]),
       st.booleans())
def test_a_table_cell_line_opens_a_new_body_with_the_same_heads_as_every_name_reader(name: str, marks: bool) -> None:
    text = name if marks else strip_marks(name)  # OCR and copies without marks read the same
    assert opens_with_agency(text)
    assert not opens_with_agency(text.lower())  # a name opens with a capital
    assert not opens_with_agency("Tổ chức thực hiện")


def test_short_kinds_of_body_keep_a_plural_list_of_kinds_as_one_name() -> None:
    # "vụ", "tổ", "báo", "đài" are kinds a list shares ("các bộ, ngành, vụ, cục liên quan"); measured on the dev part,
    # taking them out changes no extraction, and keeping them keeps these lists whole.
    assert split_units("các bộ, ngành, vụ, cục liên quan") == ["các bộ, ngành, vụ, cục liên quan"]
    assert split_units("các đơn vị, tổ, nhóm liên quan") == ["các đơn vị, tổ, nhóm liên quan"]
    assert split_units("các sở, ngành, bảo đảm an toàn") == ["các sở, ngành, bảo đảm an toàn"]
