"""The reusable optimistic-concurrency helper: reading versions, describing changes, tokens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.versioning import (
    BadVersion,
    Change,
    StaleVersion,
    check_token,
    check_version,
    diff,
    etag,
    parse_version,
    stamp,
    state_token,
)


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_a_version_reads_back_from_its_etag_a_weak_etag_a_form_field_and_a_cell(version: int) -> None:
    assert parse_version(etag(version)) == version
    assert parse_version(f"W/{etag(version)}") == version
    assert parse_version(str(version)) == version
    assert parse_version(float(version)) == version
    assert parse_version(version) == version


@given(st.text(max_size=40))
def test_anything_else_is_refused_in_vietnamese_or_read_as_absent(raw: str) -> None:
    try:
        parsed = parse_version(raw)
    except BadVersion as err:
        assert "Phiên bản dữ liệu" in err.message
        return
    stripped = raw.strip().removeprefix("W/").strip().strip('"').strip()
    assert (parsed is None and not raw.strip()) or parsed == int(stripped)


@pytest.mark.parametrize("raw", [True, 0, -3, 2.5, "1e3", "٣", "9" * 13])
def test_odd_versions_are_refused(raw: object) -> None:
    with pytest.raises(BadVersion):
        parse_version(raw)


def test_a_missing_version_is_refused_only_when_required() -> None:
    assert parse_version("") is None
    with pytest.raises(BadVersion, match="Thiếu phiên bản"):
        parse_version(None, required=True)


def test_an_older_version_is_refused_with_the_changes_and_the_current_one_passes() -> None:
    changes = [Change("Tỷ lệ hộ nghèo", "Giá trị", "trống", "100")]
    check_version(3, 3, "Báo cáo", lambda v: changes)
    check_version(3, None, "Báo cáo", lambda v: changes)
    with pytest.raises(StaleVersion) as refused:
        check_version(3, 2, "Báo cáo của Phường Sài Gòn", lambda v: changes)
    assert refused.value.message.startswith("Báo cáo của Phường Sài Gòn đã được người khác sửa sau khi bạn mở")
    assert "Giá trị — Tỷ lệ hộ nghèo: trống → 100" in refused.value.message
    assert (refused.value.read, refused.value.current) == (2, 3)


def test_a_long_list_of_changes_is_cut_short() -> None:
    changes = [Change(f"Chỉ tiêu {i}", "Giá trị", "1", "2") for i in range(20)]
    message = StaleVersion("Báo cáo", changes).message
    assert "và 8 thay đổi khác" in message and "Chỉ tiêu 19" not in message


states = st.dictionaries(st.sampled_from(["value", "unit", "year", "comment"]), st.one_of(st.none(), st.integers(), st.text(max_size=5)))


@given(states, states)
def test_diff_lists_exactly_the_fields_that_differ_and_ignores_the_version_stamp(before: dict, after: dict) -> None:
    found = {c.field for c in diff(stamp(before, 1), stamp(after, 2))}
    differ = {k for k in {*before, *after} if before.get(k) != after.get(k) and not (before.get(k) in (None, "") and after.get(k) in (None, ""))}
    assert found == differ


@given(states)
def test_a_token_is_stable_and_changes_with_any_value(state: dict) -> None:
    assert state_token(state) == state_token(dict(reversed(list(state.items()))))
    assert state_token({**state, "comment": "khác hẳn"}) != state_token({**state, "comment": "khác"})


def test_a_stale_token_names_what_changed_since_the_state_it_was_read_from() -> None:
    read = {"unit": "%", "value": 1}
    now = {"unit": "%", "value": 2}
    check_token(now, state_token(now), "Chỉ tiêu", lambda: [read])
    with pytest.raises(StaleVersion) as refused:
        check_token(now, state_token(read), "Chỉ tiêu «Tỷ lệ hộ nghèo»", lambda: [read], labels={"value": "giá trị"})
    assert "giá trị: 1 → 2" in refused.value.message
