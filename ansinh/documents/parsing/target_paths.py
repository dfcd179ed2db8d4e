"""Yearly paths written in prose ("năm 2024 còn 5%, năm 2025 còn 4%, năm 2030 còn 2%"): one target, its milestones."""

from __future__ import annotations

import re
from collections import Counter

from ansinh.documents.parsing.clean import fold_same_length
from ansinh.documents.parsing.target_words import drop_year_phrases

Target = dict[str, object]

# Words a value's own clause may hold when it only continues a yearly path ("…, năm 2025 còn 4%", "…, trong đó năm
# 2027 đạt 80%").
_PATH_WORDS = re.compile(r"(?:trong do|rieng|con|dat|giam|tang|xuong|len|khoang|duoi|tren|va|muc|la|o|ty le|so|[\d.,%‰\-–]+|\s|,|:)+")


def _nameless(target: Target) -> bool:
    folded = fold_same_length(str(target.get("indicator") or "")).lower()
    folded = drop_year_phrases(folded)
    unit = fold_same_length(str(target.get("unit") or "")).lower().strip()
    if unit:
        folded = folded.replace(unit, " ")
    folded = re.sub(r"^\s*so\s", " ", folded)  # "Số %/năm": a name made from the unit alone
    # "trên 2% GDP vào năm 2020": "Tỷ lệ GDP" was made from the one word after the value, not a name.
    rest = re.findall(r"[a-z0-9]+", re.sub(r"^\s*ty le\s", " ", folded))
    return not folded.strip() or _PATH_WORDS.fullmatch(folded) is not None or (
        folded.strip().startswith("ty le") and len(rest) <= 1)


def same_path(a: Target, b: Target) -> bool:
    """Whether two values of one sentence are steps of one yearly path (same unit, other years, one nameless or
    both named alike): when the model keeps one step, the others go with it."""
    ya, yb = a.get("year"), b.get("year")
    return (a.get("unit") == b.get("unit") and isinstance(ya, int) and isinstance(yb, int) and ya != yb
            and (a.get("indicator") == b.get("indicator") or _nameless(a) or _nameless(b)))


def _name_words(target: Target) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold_same_length(str(target.get("indicator") or "")).lower()))


def drop_repeats(
    targets: list[Target], sentence_of: list[int], in_objectives: list[bool], outside: list[bool] | None = None,
) -> tuple[list[Target], list[int]]:
    """Without the values the tasks part only repeats from the objectives part: the same value, unit and year (both
    written) under nearly the same name (Dice >= 0.8) — "Tỷ lệ xã … không có ma túy" read again under a task. Values
    that only share words ("100% hồ sơ …", "100% thủ tục …") are different targets and stay. A value read
    ``outside`` the parts that state targets (an indicator table or annex row left under "Tổ chức thực hiện") that
    repeats an objective's value and unit is that objective restated, whatever words name it there."""
    stated = [(t, _name_words(t)) for t, obj in zip(targets, in_objectives, strict=True) if obj and t.get("year") is not None]
    kept: list[Target] = []
    kept_sentences: list[int] = []
    for i, (target, sentence, obj) in enumerate(zip(targets, sentence_of, in_objectives, strict=True)):
        year = target.get("year")
        # Outside the parts that state targets, a count, or a share other than 100% (every plan's value), repeats
        # the objective whatever words name it there, with the objective's year or none of its own.
        loose = outside is not None and outside[i] and (
            target.get("unit") not in (None, "%", "‰") or target.get("value") not in (0, 100))
        if not obj and target.get("value") is not None and (year is not None or loose):
            words = _name_words(target)
            if any(o.get("value") == target.get("value") and o.get("value_max") == target.get("value_max")
                   and o.get("unit") == target.get("unit") and (o.get("year") == year or (loose and year is None))
                   and (loose or (words and 2 * len(words & ow) >= 0.8 * (len(words) + len(ow)))) for o, ow in stated):
                continue
        kept.append(target)
        kept_sentences.append(sentence)
    return kept, kept_sentences


def _step(target: Target) -> dict[str, object]:
    return {"year": target["year"], "comparator": target["comparator"], "value": target["value"],
            "value_max": target["value_max"]}


def _earlier_step(alone: Target, previous: Target, first: Target, same_sentence: bool) -> bool:
    """Whether ``alone`` is an earlier year's value of the target just read (same sentence, unit and name, or a
    clause opening "riêng năm …" / without a name of its own)."""
    if not same_sentence or alone.get("unit") != previous.get("unit") or alone.get("value") is None:
        return False
    year, last = alone.get("year"), previous.get("year")
    if not isinstance(year, int) or not isinstance(last, int) or year >= last:
        return False
    text = fold_same_length(str(alone.get("text") or "")).lower()
    return (alone.get("indicator") in (previous.get("indicator"), first.get("indicator")) or _nameless(alone)
            or re.match(r"\s*rieng\s+(?:trong\s+)?nam\s", text) is not None)


def merge_yearly_paths(targets: list[Target], sentence_of: list[int]) -> list[Target]:
    """One target per yearly path written in prose: "năm 2024 còn 5%, năm 2025 còn 4%, năm 2030 còn 2%" becomes the
    2030 target with every year as a milestone. Later values of a path have no name of their own (or the
    first one's, copied), the same unit and later years, in the same sentence."""
    out: list[Target] = []
    groups: list[list[int]] = []
    for i, t in enumerate(targets):
        if groups:
            prev = targets[groups[-1][-1]]
            same = (sentence_of[i] == sentence_of[groups[-1][-1]] and t.get("unit") == prev.get("unit")
                    and isinstance(t.get("year"), int) and isinstance(prev.get("year"), int)
                    and int(t["year"]) > int(prev["year"])  # type: ignore[call-overload]
                    and (_nameless(t) or t.get("indicator") == targets[groups[-1][0]].get("indicator")
                         or all(_nameless(targets[k]) for k in groups[-1])))
            if same:
                groups[-1].append(i)
                continue
        groups.append([i])
    for n, group in enumerate(groups):
        if len(group) == 1 and n and out and _earlier_step(targets[group[0]], out[-1], targets[groups[n - 1][0]],
                                                           sentence_of[group[0]] == sentence_of[groups[n - 1][-1]]):
            # "đến năm 2030 đạt ít nhất 50% …, riêng năm 2025 … ít nhất 20% …": an earlier step of the same path.
            alone, whole = targets[group[0]], out[-1]
            steps = list(whole.get("milestones") or []) or [_step(whole)]  # type: ignore[call-overload]
            whole["milestones"] = sorted([*steps, _step(alone)], key=lambda m: int(m["year"]))
            continue
        if len(group) == 1:
            alone = targets[group[0]]
            before = targets[groups[n - 1][0]] if n else None
            same_kind = before is not None and str(alone.get("unit") or "")[:1] == str(before.get("unit") or "")[:1] == "%"
            if before is not None and same_kind and sentence_of[group[0]] == sentence_of[groups[n - 1][0]] and _nameless(alone):
                # "…; giai đoạn 2026-2030 tăng 7,0 - 7,5%/năm": a later stage of the previous indicator.
                alone = dict(alone)
                alone["indicator"] = before["indicator"]
            out.append(alone)
            continue
        first, last = targets[group[0]], dict(targets[group[-1]])
        # The path's name: the first value's, unless only the last one names it ("năm 2026 đạt 40%, … 50% số hộ …").
        named = next((targets[k] for k in group if not _nameless(targets[k])), first)
        last["indicator"] = named["indicator"]
        span_first, span_last = first.get("span"), last.get("span")
        if isinstance(span_first, list) and isinstance(span_last, list):
            last["span"] = [span_first[0], span_last[1]]
        last["text"] = " ".join(str(targets[k]["text"]) for k in group) if len(group) <= 6 else last["text"]
        last["milestones"] = [
            {"year": targets[k]["year"], "comparator": targets[k]["comparator"], "value": targets[k]["value"],
             "value_max": targets[k]["value_max"]} for k in group
        ]
        if last.get("baseline") is None and first.get("baseline") is not None:
            last["baseline"] = first["baseline"]  # "từ 1.200 ha lên 1.800 ha vào năm 2025 và 2.500 ha vào năm 2030"
        if last.get("comparator") == "=" and first.get("comparator") in ("<=", ">=", "<", ">"):
            last["comparator"] = first["comparator"]  # "giảm còn 5%, …, năm 2030 còn 2%": the path's direction
        out.append(last)
    return out


_STOP = {"cua", "va", "cac", "nhung", "tren", "trong", "tai", "o", "ve", "duoc", "dat", "the", "nam"}


def _name_key(target: Target) -> set[str]:
    words = re.findall(r"[a-z0-9]+", drop_year_phrases(fold_same_length(str(target.get("indicator") or "")).lower()))
    return {w for w in words if w not in _STOP and not w.isdigit()}


def _alike(a: set[str], b: set[str]) -> bool:
    """Names of one indicator written twice: the shorter one's words all in the longer one (an abbreviation in
    brackets counts: "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)" ~ "Tốc độ tăng trưởng GRDP")."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= big


def _base(target: Target) -> str | None:
    """The base year a value is measured against ("giảm 30% so với năm 2020"): values against two bases are two targets."""
    m = re.search(r"so voi (?:nam |muc nam )?((?:19|20)\d\d)", fold_same_length(str(target.get("text") or "")).lower())
    return m.group(1) if m else None


def merge_period_paths(targets: list[Target]) -> list[Target]:
    """One target per indicator whose yearly values stand in separate sentences or paragraphs of the objectives
    ("Giai đoạn 2026 - 2030: … quy mô GRDP đạt 44 tỉ USD …", "Giai đoạn 2031 - 2035: … quy mô GRDP đạt 70 tỉ USD"):
    the last year's value, every year a milestone (the gold's yearly-path rule). Only named values with the same
    unit, one value per year, at least three years (two periods alone may be two targets, as our own fixtures
    read them, unless other indicators run through those periods and more); a name that two different indicators
    could share stays apart."""
    keys = [_name_key(t) for t in targets]
    bases = [_base(t) for t in targets]  # once per target, not once per comparison
    groups: list[list[int]] = []
    for i, t in enumerate(targets):
        if not isinstance(t.get("year"), int) or t.get("value") is None or _nameless(t):
            continue
        for group in groups:
            first = targets[group[0]]
            if (first.get("unit") == t.get("unit") and _alike(keys[group[0]], keys[i]) and bases[group[0]] == bases[i]
                    and all(targets[k].get("year") != t.get("year") for k in group)):
                group.append(i)
                break
        else:
            groups.append([i])
    merged: dict[int, Target] = {}
    dropped: set[int] = set()
    # Two periods of one indicator go together when the plan gives others for three periods or more in the same
    # paragraphs ("Đến năm 2030, … kinh tế số … 30%", "Đến năm 2035, … 40%", the GRDP through 2045 and 2065).
    path_years = {targets[k]["year"] for group in groups if len(group) >= 3 for k in group}
    # A strategy that writes its objectives twice, "Đến năm 2030: …" and "Đến năm 2050: …", the same indicators in
    # both (three at least): each indicator's two values are one path.
    pairs = Counter(tuple(sorted(int(targets[k]["year"]) for k in group)) for group in groups if len(group) == 2)  # type: ignore[call-overload]
    path_years.update(year for pair, count in pairs.items() if count >= 3 for year in pair)
    for group in groups:
        if len(group) < 3 and not (len(group) == 2 and all(targets[k]["year"] in path_years for k in group)):
            continue
        ordered = sorted(group, key=lambda k: int(targets[k]["year"]))  # type: ignore[call-overload]
        last = dict(targets[ordered[-1]])
        steps: dict[int, dict[str, object]] = {}
        for k in ordered:
            for step in list(targets[k].get("milestones") or []) or [_step(targets[k])]:  # type: ignore[call-overload]
                steps.setdefault(int(step["year"]), step)
        last["milestones"] = [steps[y] for y in sorted(steps)]
        last["indicator"] = max((targets[k] for k in group), key=lambda t: len(str(t.get("indicator") or "")))["indicator"]
        merged[ordered[-1]] = last
        dropped.update(k for k in group if k != ordered[-1])
    return [merged.get(i, t) for i, t in enumerate(targets) if i not in dropped]
