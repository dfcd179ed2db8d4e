"""A target's goal reads as an official writes it ("từ 90% trở lên"), on the review cards and in reports."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.templatetags.vn import muc_tieu
from ansinh.lib.vnnumbers import goal_text


def test_at_least_reads_from_value_upward() -> None:
    assert goal_text(">=", 90, None, "%") == "từ 90% trở lên"


def test_other_comparators_read_in_words_with_the_unit_after_a_space() -> None:
    assert goal_text("<=", 15, None, "") == "không quá 15"
    assert goal_text("<", 1.5, None, "%") == "dưới 1,5%"
    assert goal_text(">", 85, None, "hộ") == "trên 85 hộ"
    assert goal_text("range", 95, 98, "%") == "95 – 98%"
    assert goal_text("", 30, None, "người") == "30 người"


def test_maintain_without_a_value_still_says_maintain_and_nothing_says_nothing() -> None:
    assert goal_text("maintain", None) == "duy trì"
    assert goal_text("", None) == ""


@given(st.sampled_from(["<", "<=", ">", ">=", "=", "approx", "maintain", "range", ""]),
       st.floats(0, 1e6, allow_nan=False), st.sampled_from(["", "%", "hộ"]))
def test_every_goal_text_holds_its_number_and_no_placeholder(comparator: str, value: float, unit: str) -> None:
    text = goal_text(comparator, value, None, unit)
    assert "…" not in text and text


def test_the_template_filter_shows_a_dash_for_a_target_without_a_value() -> None:
    assert muc_tieu(SimpleNamespace(comparator=">=", value=90.0, value_max=None, unit="%")) == "từ 90% trở lên"
    assert muc_tieu(SimpleNamespace(comparator="", value=None, value_max=None, unit="%")) == "—"
    assert muc_tieu(SimpleNamespace(comparator="<", value=2.0, value_max=None)) == "dưới 2"
