"""Small pieces of a duty clause around its partners, read by :mod:`clause_units`.

- an adverb between the doer and its role: "Sở X chủ động phối hợp Sở Y …", "Sở X tích cực phối hợp với …";
  the adverb is not part of the doer's name;
- a second verb after "phối hợp": "Công an tỉnh phối hợp, hỗ trợ chính quyền địa phương …" (the partners follow it);
- an aside after a partner's name: "phối hợp Sở Y (cơ quan thường trực của Ban Chỉ huy), Sở Z …"; the aside names the
  partner's standing, not a new partner, and the list goes on after it.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import fold_same_length

# "chủ động", "tích cực", "kịp thời", "thường xuyên" ending the subject before its role cue.
# A run of them, commas between ("… tích cực, chủ động phối hợp với …"), is one qualifier.
_ADVERB = re.compile(r"(?:\s*,?\s+(?:chu\s+dong|tich\s+cuc|kip\s+thoi|thuong\s+xuyen))+\s*,?\s*$")
_ADVERB_ENDS = ("dong", "cuc", "thoi", "xuyen")  # the last syllables of _ADVERB's words


def _may_end_with_adverb(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` may end as _ADVERB needs (an adverb's last syllable, blanks and one comma after it):
    a plain look at the end, where the pattern (anchored at the end, opening with blanks) is tried at every offset."""
    tail = folded[start:end].rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    return tail.endswith(_ADVERB_ENDS)


# What an aside after a name never holds: a role, a stop or another clause.
_NOT_ASIDE = re.compile(r"[;:]|chu\s+tri|phoi\s+hop|trach\s+nhiem")
_TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,120}\)\s*$")


_DURING = re.compile(r"\s(?:trong\s+qua\s+trinh|trong\s+thoi\s+gian|sau\s+khi|truoc\s+khi|khi)\s")


def during_start(folded: str, start: int, end: int) -> int:
    """Where an adverbial of time opens after the doer's name in ``folded[start:end]`` ("… trong quá trình …"), else end."""
    if folded.find("khi", start, end) == -1 and folded.find("trong", start, end) == -1:
        return end  # each adverbial holds "khi" or "trong": none in the span, no scan
    during = _DURING.search(folded, start, end)
    return during.start() if during is not None and during.start() > start else end


def subject_end(folded: str, start: int, end: int) -> int:
    """Where the doer's name ends in ``folded[start:end]``: before an adverb that qualifies its role."""
    # "6. Ban Quản lý Khu kinh tế tỉnh: Tuyên truyền, hướng dẫn …": a long label names the doer before its colon,
    # unless the colon lists the names of a shared head ("các Bộ: Tài chính, Xây dựng").
    colon = folded.find(":", start, end)
    if colon > start and not re.search(r"(?:cac|nhung)\s+\S+\s*$", folded[start:colon]):
        end = colon
    # "Các đoàn kiểm tra trong quá trình kiểm tra tại doanh nghiệp phải …": when the duty applies, not a word of the name.
    end = during_start(folded, start, end)
    m = _ADVERB.search(folded, start, end) if _may_end_with_adverb(folded, start, end) else None
    return m.start() if m is not None and m.start() > start else end


def aside_end(folded: str, at: int) -> int | None:
    """The end of an aside "( … )" opening at ``at`` after a partner's name, or None when it is not one."""
    close = folded.find(")", at, at + 122)
    if close == -1 or "(" in folded[at + 1 : close] or _NOT_ASIDE.search(folded, at, close):
        return None
    return close + 1


def drop_asides(names: list[str]) -> list[str]:
    """Partners without the aside after their name ("Sở Y (cơ quan thường trực)" is "Sở Y")."""
    return [bare(name) for name in names]


def bare(name: str) -> str:
    """``name`` without the aside after it, to measure the name itself."""
    if not name.rstrip().endswith(")"):
        return name  # no aside closes it (a plain look: the pattern's scan of every name costs more)
    return _TRAILING_ASIDE.sub("", name) or name


# "… Sở Y trong công tác phân luồng", "… Sở Y trong việc …", "… Sở Y về việc …": the matter after the partners.
MATTER = re.compile(r"(?:trong|ve)\s+(?:cong\s+tac|viec|qua\s+trinh)(?![a-z])")
# A line a scan (or a heading's label "Sở X, Báo Y:" above its paragraph) or a page break leaves open: it ends on a joining word or a comma, so the sentence goes on after the gap.
_OPEN_END = re.compile(r"(?:[,:]|(?<![a-z])(?:va|voi|cua|cac|phoi\s+hop|chu\s+tri|giao|cho))\s*$")


def open_gap(folded: str, at: int) -> bool:
    """Whether the blank line at ``at`` falls inside a sentence (the text before it ends on a joining word)."""
    return _OPEN_END.search(folded, max(0, at - 40), at) is not None


# "… có trách nhiệm phối hợp với Y", "…; đồng thời, phối hợp với Y", "X tổ chức …; phối hợp với Y …" in the duty of an
# item headed by its doer: after a semicolon, a clause without a subject of its own goes on with the doer's.
# The doer's next duty may open with an inline enumerator and its own role: "Giao Bộ X: (i) Nghiên cứu …; (ii) Chủ trì, phối
# hợp với Y …".
_OWN_WITH = re.compile(
    r"(?:(?<![a-z])(?:(?:co|chiu)\s+trach\s+nhiem|dong\s+thoi\s*,?)\s+|;\s*(?:\((?:[ivx]{1,4}|\d{1,2})\)\s*)?(?:chu\s+tri\s*,?\s*)?)"
    r"phoi\s+hop\s+(?:chat\s+che\s+)?voi\s+"
)


def own_partners_at(clean: str, folded: str) -> int | None:
    """Where the partners of the item's own doer begin, when its duty says it works with them and names no other
    subject before the cue ("Sở X: Theo chức năng … có trách nhiệm phối hợp với Y …", "Sở X: Chỉ đạo …; phối hợp với Y
    …"), else None."""
    m = _OWN_WITH.search(folded)
    if m is None:
        return None
    if folded[m.start()] == ";":
        return m.end()  # "X tổ chức …; phối hợp với Y …": a new clause of the doer's sentence, no subject of its own
    head = clean[max(folded.rfind(":", 0, m.start()), folded.rfind(";", 0, m.start())) + 1 : m.start()]
    return None if any(word[:1].isupper() for word in head.split()[1:]) else m.end()


# "Sở X chủ trì, phối hợp thực hiện" over its points: "phối hợp thực hiện" names the role, not a partner.
_VERB_ONLY = re.compile(r"^(?:thuc\s+hien|trien\s+khai)(?![a-z])")


def real_partners(names: list[str]) -> list[str]:
    """``names`` without a verb read as a partner ("thực hiện" after "phối hợp")."""
    return [name for name in names if not _VERB_ONLY.match(fold_same_length(name).lower())]
