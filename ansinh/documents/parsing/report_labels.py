"""A reporting regime written as labelled lines (the template of Decree 09/2019, art. 7 and 12).

Regime texts and the "Chế độ báo cáo" part of plans state one report as a list of labels: "Tần suất thực hiện
báo cáo: Định kỳ 06 tháng và hằng năm." … "Thời hạn gửi báo cáo: Báo cáo 06 tháng gửi trước ngày 20 tháng 6;
báo cáo năm gửi trước ngày 20 tháng 12." (or "Kỳ báo cáo: 6 tháng, năm." … "Thời hạn gửi báo cáo: trước ngày
15/6 và 15/12."). The two lines are one duty per period, with the dates of the deadline line: the frequency line
is not a second set of duties, and a deadline line that names no period takes the periods of its frequency line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_cues import periods

_NUMBERED = r"^[\s\-–+•*]*(?:(?:\d{1,2}|[a-zđ])\s*[.)]\s*)?"
# "Tần suất thực hiện báo cáo:", "Tần suất báo cáo:", "Kỳ báo cáo:"
FREQUENCY_LABEL = re.compile(_NUMBERED + r"(?:tan\s+suat(?:\s+thuc\s+hien)?|ky)\s+b[ad]o\s+c[ad]o\s*:")
# "Thời hạn gửi báo cáo:", "Thời hạn báo cáo:", "Thời gian gửi báo cáo:"
DEADLINE_LABEL = re.compile(_NUMBERED + r"thoi\s+(?:han|gian)\s+(?:gui\s+|nop\s+)?b[ad]o\s+c[ad]o\s*:")
# How far after its frequency line a deadline line still belongs to the same report.
_REACH = 2500

Deadlines = list[tuple[int, int, int | None]]
DeadlinesOf = Callable[[str], Deadlines]
DeadlineFor = Callable[[Deadlines, dict[str, int], str], tuple[int | None, int | None]]
_PERIODIC = ("monthly", "quarterly", "semiannual", "annual")


def _start(duty: dict[str, object]) -> int:
    span = duty["span"]
    return int(span[0]) if isinstance(span, list) else 0


def merge_labelled(out: list[dict[str, object]], deadlines_of: DeadlinesOf, deadline_for: DeadlineFor) -> list[dict[str, object]]:
    """``out`` with each labelled frequency line folded into the deadline line that follows it."""
    folded = {id(d): fold(str(d["text"])) for d in out}
    freq_lines = sorted({_start(d) for d in out if FREQUENCY_LABEL.match(folded[id(d)])})
    deadline_lines = sorted({_start(d) for d in out if DEADLINE_LABEL.match(folded[id(d)])})
    if not freq_lines or not deadline_lines:
        return out
    drop: set[int] = set()
    rebuilt: dict[int, list[dict[str, object]]] = {}
    for at in deadline_lines:
        before = [f for f in freq_lines if f < at and at - f <= _REACH]
        if not before:
            continue
        label_at = before[-1]
        label = next(d for d in out if _start(d) == label_at)
        label_periods = [f for f, _ in periods(folded[id(label)]) if f in _PERIODIC]
        line = [d for d in out if _start(d) == at]
        text = folded[id(line[0])]
        if not periods(text) and label_periods:
            # "Thời hạn gửi báo cáo: trước ngày 15/6 và 15/12": the periods of the frequency line, in its order
            cue_at = {f: -len(label_periods) + i for i, f in enumerate(label_periods)}
            deadlines = deadlines_of(text)
            new: list[dict[str, object]] = []
            for frequency in label_periods:
                day, month = deadline_for(deadlines, cue_at, frequency)
                new.append({**line[0], "frequency": frequency, "deadline_day": day, "deadline_month": month, "year": None})
            rebuilt[at] = new
            dated = set(label_periods)
        else:
            dated = {str(d["frequency"]) for d in line if d.get("deadline_month") is not None or d.get("deadline_day") is not None}
        drop.update(id(d) for d in out if _start(d) == label_at and d["frequency"] in dated)
    result: list[dict[str, object]] = []
    done: set[int] = set()
    for d in out:
        at = _start(d)
        if id(d) in drop:
            continue
        if at in rebuilt:
            if at not in done:
                result.extend(rebuilt[at])
                done.add(at)
            continue
        result.append(d)
    return result


# "Báo cáo tháng: Phản ánh những vấn đề …" (what the report holds) and "Báo cáo tháng: Gửi trước ngày 22 …" (when it is
# sent): a regime that states each report's contents and its schedule in separate labelled lines.
_LABELLED = re.compile(r"^[\s\-–+•*]*(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?bao\s+cao\s[^:]{1,100}?:\s*")
_CONTENTS = re.compile(r"(?:phan\s+anh|danh\s+gia|tom\s+tat|neu\s+ro|bao\s+cao\s+tom\s+tat)(?![a-z])")
_SCHEDULE = re.compile(r"(?:gui|nop)(?![a-z])")


def drop_contents(out: list[dict[str, object]]) -> list[dict[str, object]]:
    """``out`` without the lines that say what a report holds, where labelled lines of the same regime say when each
    report is sent: those are the duties."""
    labelled = [(d, m, f) for d in out if (m := _LABELLED.match(f := fold(str(d["text"])))) is not None]
    if not any(_SCHEDULE.match(f, m.end()) for _, m, f in labelled):
        return out
    contents = {id(d) for d, m, f in labelled if _CONTENTS.match(f, m.end())}
    return [d for d in out if id(d) not in contents]


# "Báo cáo định kỳ gồm: báo cáo tháng, báo cáo quý, …", "Các loại báo cáo bao gồm: …": the kinds of reports listed.
_KINDS_LIST = re.compile(r"^[\s\-–+•*]*(?:\d{1,2}(?:\.\d{1,2})*\.?\s*|[a-zđ]\)\s*)?(?:cac\s+)?(?:loai\s+)?bao\s+cao(?:\s+dinh\s+ky)?\s+(?:bao\s+)?gom\s*:")


def drop_kinds_list(out: list[dict[str, object]]) -> list[dict[str, object]]:
    """``out`` without the duties of a list of the kinds of reports ("Báo cáo định kỳ gồm: báo cáo tháng, …") whose every
    period another line of the regime states with its schedule: those lines are the duties, the list only names them."""
    listed = {id(d) for d in out if _KINDS_LIST.match(fold(str(d["text"])))}
    if not listed:
        return out
    stated = {str(d["frequency"]) for d in out if id(d) not in listed}
    kept = [d for d in out if id(d) not in listed or str(d["frequency"]) not in stated]
    return kept
