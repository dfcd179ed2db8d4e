"""One reading of words that fold like a cue (helper ptargets5): "đặt", "đất" fold like "đạt", "cơ" like "có",
"tử" like "từ". The rules' cue test, the learned judge's cue features and the name trimmer share it. Every snippet
is written for the test."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.target_mentions import _has_cue
from ansinh.documents.parsing.target_words import cue_folded, false_cue


def test_a_word_folding_like_a_cue_is_that_cue_only_as_written_or_without_marks() -> None:
    assert [false_cue(w) for w in ("đạt", "Đạt", "dat", "DAT", "có", "co", "từ", "tu")] == [False] * 8
    assert [false_cue(w) for w in ("đặt", "Đất", "đắt", "cơ", "cô", "cỏ", "tử", "tứ")] == [True] * 8
    assert [false_cue(w) for w in ("tăng", "giảm", "phấn")] == [False] * 3


def test_the_rules_find_no_cue_in_a_clause_that_only_places_land_or_names_a_facility() -> None:
    for text, cued in (("Giao đất cho 12 hộ", False), ("Lắp đặt camera tại các cơ sở", False),
                       ("Tỷ lệ hộ có nhà ở kiên cố", True), ("Phấn đấu tỷ lệ trẻ em đi học", True),
                       ("Ty le ho ngheo dat", True)):
        doc = prepare(text)
        assert _has_cue(doc, 0, len(doc.folded)) is cued, text


def test_the_learned_judge_reads_the_same_clause_with_the_false_cues_blanked() -> None:
    doc = prepare("Giao đất, lắp đặt tại cơ sở; đạt 90% và có 3 mô hình")
    blanked = cue_folded(doc, 0, len(doc.folded))
    assert len(blanked) == len(doc.folded)
    assert blanked.split() == ["giao", ",", "lap", "tai", "so;", "dat", "90%", "va", "co", "3", "mo", "hinh"]


@settings(max_examples=30, deadline=None)
@given(false=st.sampled_from(["đặt", "đất", "đắt", "cơ", "cô"]), real=st.sampled_from(["đạt", "có"]),
       lead=st.sampled_from(["Tỷ lệ xã", "Số hộ được giao", "Các đơn vị"]))
def test_the_cue_test_and_the_blanked_text_agree_on_every_word(false: str, real: str, lead: str) -> None:
    wrong = prepare(f"{lead} {false} 50 ha")
    right = prepare(f"{lead} {real} 50 ha")
    assert not _has_cue(wrong, 0, len(wrong.folded))
    assert _has_cue(right, 0, len(right.folded))
    at = len(lead) + 1
    assert cue_folded(wrong, 0, len(wrong.folded)) == wrong.folded[:at] + " " * len(false) + wrong.folded[at + len(false) :]
    assert cue_folded(right, 0, len(right.folded)) == right.folded


def test_gas_and_stated_are_no_condition_in_the_learned_judges_clause() -> None:
    # "khí" (gas) folds like "khi" (when), "nêu" (state) like "nếu" (if): a target about emissions or one
    # "đã nêu" is not a conditional clause; the real words, and text without marks, still are.
    doc = prepare("Giảm 20% khí thải như đã nêu; khi có dịch, nếu cần thì bổ sung")
    blanked = cue_folded(doc, 0, len(doc.folded))
    assert len(blanked) == len(doc.folded)
    assert blanked.split() == ["giam", "20%", "thai", "nhu", "da", ";", "khi", "co", "dich,", "neu", "can", "thi", "bo", "sung"]
    plain = prepare("khi co dich, neu can")
    assert cue_folded(plain, 0, len(plain.folded)) == plain.folded


@settings(max_examples=30, deadline=None)
@given(gas=st.sampled_from(["khí thải", "khí hậu", "khí nhà kính", "đã nêu", "nêu trên"]),
       lead=st.sampled_from(["Giảm 30% lượng", "Tỷ lệ xử lý", "Các mục tiêu"]))
def test_no_gas_or_stated_word_lights_the_condition_cue(gas: str, lead: str) -> None:
    doc = prepare(f"{lead} {gas} đến năm 2030")
    clause = cue_folded(doc, 0, len(doc.folded))
    assert not re.search(r"(?:^|\s)(?:khi|neu)(?:\s|$)", clause)
