"""A Markdown table a web copy ran onto one line, read back as tab-separated rows.

A page copied without its line breaks leaves a table as one line::

    … như sau: | TT | Nhiệm vụ | Chủ trì | |---|---|---| | 1 | Rà soát hồ sơ | Sở Tư pháp | | 2 | …

The rule under the header (``|---|---|---|``) gives the number of columns; the header is the bars just
before it, and each row after it as many bars again. In the clean view, keeping its length, the space between
two rows becomes a line break, the bars inside a row tabs, those at its ends spaces and the rule blanks,
so :mod:`tables` reads the rows like a converter's table.
"""

from __future__ import annotations

import re

# The rule under a Markdown header, three columns or more: "|---|:---:|---|".
_RULE = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|){3,}")


def flat_bar_tables(text: str, chars: list[str]) -> None:
    """Write line breaks and tabs into ``chars`` for every Markdown table run onto one line of ``text``."""
    if "---|" not in text:
        return
    for rule in _RULE.finditer(text):
        line_start = text.rfind("\n", 0, rule.start()) + 1
        line_end = text.find("\n", rule.end())
        line_end = len(text) if line_end < 0 else line_end
        width = rule.group(0).count("|") - 1
        before = [m.start() for m in re.finditer(r"\|", text[line_start : rule.start()])]
        after = [rule.end() - 1 + m.start() for m in re.finditer(r"\|", text[rule.end() - 1 : line_end])]
        if len(before) < width + 1 or len(after) < width + 2:
            continue  # the header or a first row is not on this line: an ordinary table the bar reader takes
        header = [line_start + b for b in before[-(width + 1) :]]
        if text[header[-1] + 1 : rule.start()].strip() or chars[header[1]] == "\t":
            continue
        rows = [header]
        k = 1  # ``after[0]`` is the rule's last bar
        while k + width < len(after):
            group = after[k : k + width + 1]
            if text[rows[-1][-1] + 1 if len(rows) > 1 else rule.end() : group[0]].strip():
                break
            rows.append(group)
            k += width + 1
        if len(rows) < 2:
            continue
        for i in range(rule.start(), rule.end()):
            chars[i] = " "
        for bars in rows:
            if bars[0] > line_start and chars[bars[0] - 1] == " ":
                chars[bars[0] - 1] = "\n"  # the row opens a line
            chars[bars[0]] = chars[bars[-1]] = " "
            for b in bars[1:-1]:
                chars[b] = "\t"
        last = rows[-1][-1]
        if last + 1 < line_end and chars[last + 1] == " ":
            chars[last + 1] = "\n"  # what follows the table goes on on its own line
