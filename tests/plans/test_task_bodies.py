"""A task's own words are kept with it on import: "1.1. Các sở, ban, ngành, địa phương" names only its lead, and
what it must do is in the dash items under it, which the officer reporting on it reads in the report form."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.plans.actions import BODY_LIMIT, task_bodies

TEXT = (
    "II. NHIỆM VỤ\n"
    "1.1. Các sở, ban, ngành, địa phương\n"
    "- Chỉ đạo rà soát hộ nghèo.\n- Báo cáo kết quả.\n"
    "1.2. Sở Y tế\n"
    "Hướng dẫn cấp thẻ bảo hiểm y tế.\n"
    "III. TỔ CHỨC THỰC HIỆN\nCác đơn vị báo cáo hằng năm.\n"
)


def spans(*headings: str) -> list[dict[str, object]]:
    out = []
    for heading in headings:
        start = TEXT.index(heading)
        out.append({"number": heading.split(".")[0], "title": heading, "span": [start, start + len(heading)]})
    return out


def test_the_dash_items_under_a_heading_are_its_body_up_to_the_next_task() -> None:
    first, second = task_bodies(TEXT, spans("1.1. Các sở, ban, ngành, địa phương", "1.2. Sở Y tế"))
    assert first == "- Chỉ đạo rà soát hộ nghèo.\n- Báo cáo kết quả."
    assert second == "Hướng dẫn cấp thẻ bảo hiểm y tế."  # the closing part is not the last task's


def test_a_body_the_extraction_gives_is_kept_and_a_task_without_a_place_in_the_text_has_none() -> None:
    given_body = [{"title": "x", "body": "Nội dung đã có", "span": [0, 3]}, {"title": "y"}]
    assert task_bodies(TEXT, given_body) == ["Nội dung đã có", ""]


def test_a_body_stops_at_the_signature_and_at_its_limit() -> None:
    text = "1. Sở Nội vụ\n" + "Rà soát. " * 400 + "\nNơi nhận:\n- Như trên;"
    body = task_bodies(text, [{"title": "Sở Nội vụ", "span": [0, 12]}])[0]
    assert len(body) <= BODY_LIMIT and "Nơi nhận" not in body
    assert task_bodies("1. A\nB\nNơi nhận:\n- C", [{"span": [0, 4]}]) == ["B"]


@given(st.lists(st.text(alphabet="abc \n-.", max_size=40), min_size=1, max_size=6))
def test_a_body_never_runs_into_the_next_task(pieces: list[str]) -> None:
    text, items = "", []
    for i, piece in enumerate(pieces):
        heading = f"{i + 1}. Sở {i}\n"
        items.append({"span": [len(text), len(text) + len(heading)]})
        text += heading + piece
    for i, body in enumerate(task_bodies(text, items)):
        assert f"{i + 2}. Sở" not in body and len(body) <= BODY_LIMIT
