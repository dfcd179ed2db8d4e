"""The SVG chart builder and status styles: accessible, escaped, distinguishable without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ansinh.reports.charts import IndicatorCard, fmt, indicator_chart, legend_svg
from ansinh.reports.dashboard_status import STATUS_STYLES, status_style, task_status_style

SVG = "{http://www.w3.org/2000/svg}"


def _card(**kw: object) -> IndicatorCard:
    base: dict[str, object] = {
        "key": "7",
        "name": "Tỷ lệ hộ nghèo",
        "unit": "%",
        "direction": "down",
        "actuals": {2024: 0.9, 2025: 0.6},
        "milestones": {2024: 1.0, 2025: 0.5},
        "target_value": 0.3,
        "target_year": 2027,
        "forecast": {2026: 0.35, 2027: 0.1},
        "status": "off_track",
    }
    base.update(kw)
    return IndicatorCard(**base)  # type: ignore[arg-type]


def test_a_chart_is_well_formed_svg_with_a_title_and_a_description() -> None:
    root = ET.fromstring(str(indicator_chart(_card(), "c1")))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Tỷ lệ hộ nghèo"  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]
    assert "năm 2025: 0,6 %" in desc and "Mốc kế hoạch" in desc and "Dự báo (nét đứt)" in desc
    assert "Trạng thái: Chậm tiến độ." in desc


def test_the_forecast_is_dashed_and_starts_at_the_last_actual() -> None:
    root = ET.fromstring(str(indicator_chart(_card(), "c1")))
    lines = root.findall(f"{SVG}polyline")
    dashed = [p for p in lines if p.get("stroke-dasharray") == "6 4"]
    solid = [p for p in lines if p.get("stroke-dasharray") is None]
    assert len(dashed) == 1 and len(solid) == 1
    assert dashed[0].get("points", "").split()[0] == solid[0].get("points", "").split()[-1]


def test_user_text_in_a_chart_is_escaped() -> None:
    svg = str(indicator_chart(_card(name='<script>alert("x")</script> & co'), "c2"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)


def test_a_card_without_any_figure_still_draws_a_placeholder() -> None:
    card = IndicatorCard(key="1", name="Chỉ tiêu mới")
    svg = str(indicator_chart(card, "c3"))
    ET.fromstring(svg)
    assert "Chưa có số liệu" in svg and card.label == "Chưa có số liệu"


def test_a_single_year_with_equal_values_does_not_divide_by_zero() -> None:
    card = IndicatorCard(key="1", name="Duy trì", actuals={2025: 100.0}, milestones={2025: 100.0}, target_value=100.0, target_year=2025)
    ET.fromstring(str(indicator_chart(card, "c4")))


def test_each_status_has_its_own_colour_shape_and_label() -> None:
    styles = list(STATUS_STYLES.values())
    assert len({s.colour for s in styles}) == len({s.shape for s in styles}) == len({s.label for s in styles}) == len(styles)
    assert all(s.svg.startswith("<svg") and 'aria-hidden="true"' in s.svg for s in styles)


def test_unknown_statuses_read_as_no_data_and_aliases_are_understood() -> None:
    assert status_style("???").key == "no_data" and status_style(None).key == "no_data"
    assert status_style("on-track").key == "on_track" and status_style("OFF_TRACK").key == "off_track"
    assert task_status_style("completed_late").label == "Hoàn thành quá hạn"


def test_numbers_are_written_the_vietnamese_way() -> None:
    assert fmt(1234567.5) == "1.234.567,5" and fmt(0.25) == "0,25" and fmt(95.0) == "95" and fmt(None) == ""
    assert fmt(float("nan")) == ""


def test_the_data_table_has_one_row_per_year_with_the_target_in_its_year() -> None:
    rows = _card().table_rows()
    assert [r["year"] for r in rows] == ["2024", "2025", "2026", "2027"]
    assert rows[-1]["target"] == "0,3" and rows[0]["target"] == "" and rows[1]["actual"] == "0,6"


def test_the_legend_names_every_line() -> None:
    legend = str(legend_svg())
    assert all(word in legend for word in ("Thực hiện", "Dự báo", "Mốc kế hoạch", "Mục tiêu cuối kỳ"))


def test_a_percentage_axis_stops_at_100() -> None:
    card = _card(unit="%", actuals={2024: 76.0, 2025: 79.4}, milestones={}, target_value=100.0, target_year=2025, forecast={})
    svg = str(indicator_chart(card, "c5"))
    assert ">100</text>" in svg and ">110</text>" not in svg
