"""The ``vn`` template filters that write Vietnamese text."""

from __future__ import annotations

from django.template import Context, Template


def test_a_reports_name_inside_a_sentence_lowers_its_first_letter_only() -> None:
    from ansinh.core.templatetags.vn import lower_first_filter

    assert lower_first_filter("Báo cáo quý I năm 2026") == "báo cáo quý I năm 2026"  # Django's lower: "quý i"
    assert lower_first_filter("") == "" and lower_first_filter(None) == ""
    assert lower_first_filter("UBND cấp xã") == "UBND cấp xã"  # an abbreviation stays


def test_templates_call_it_lower_first() -> None:
    rendered = Template("{% load vn %}đến {{ label|lower_first }}").render(Context({"label": "Báo cáo tháng 3 năm 2026"}))
    assert rendered == "đến báo cáo tháng 3 năm 2026"
