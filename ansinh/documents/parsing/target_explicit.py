"""Values a sentence names as its target in so many words, which the rules keep whatever the learned judge says.

Three ways an official writes a commitment outside the objectives part: naming the value the target ("bảo đảm mục
tiêu 16 triệu ha rừng", "hoàn thành mục tiêu giải ngân 100% kế hoạch vốn", "mục tiêu tăng trưởng đạt từ 8% trở
lên"); finishing all of something ("hoàn thành đúng hạn 100% nhiệm vụ được giao", "giải quyết đúng hạn 100% hồ
sơ"); and cutting a share of the time or cost of a procedure ("cắt giảm 20 - 30% thời gian giải quyết thủ tục").
A value already reached ("đã hoàn thành mục tiêu …") or read in a part that reports a situation or funding is not one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.target_words import CUT_BY

if TYPE_CHECKING:
    from ansinh.documents.parsing.targets import Candidate, Target

# "mục tiêu" a few words before the value, with no other number between.
_NAMED = re.compile(r"(?<![a-z])muc\s+tieu\s+(?:[^\d;.:]{0,50}?\s)?(?:dat\s+)?(?:(?:tu|tren|it\s+nhat|toi\s+thieu|khoang)\s+)?$")
# "hoàn thành (đúng thời hạn) 100% …", "giải quyết đúng hạn 100% …".
_ALL_DONE = re.compile(
    r"(?<![a-z])(?:hoan\s+thanh|giai\s+quyet|xu\s+ly)(?:\s+(?:dung|truoc))?(?:\s+(?:thoi\s+han|han|tien\s+do|ke\s+hoach))?\s+$"
)
# … of a procedure's time or cost ("cắt giảm 20 - 30% thời gian", "rút ngắn ít nhất 30% thời gian"): CUT_BY before it.
_CUT_OF = re.compile(r"\s*(?:thoi\s+gian|chi\s+phi|so\s+luong\s+thu\s+tuc|thu\s+tuc)(?![a-z])")
_PAST = re.compile(r"(?<![a-z])(?:da|dat\s+duoc|ket\s+qua)(?![a-z])")
_NOT_COMMITTING = ("situation", "funding")
_DIGIT = re.compile(r"\d")


def explicit_target(masked: Doc, target: Target, cand: Candidate) -> bool:
    """Whether the value's own sentence names it as a target, an "all done" or a cut of a procedure's time or cost."""
    mention = cand.mention
    if mention is None or target.get("value") is None or cand.node.effective_kind() in _NOT_COMMITTING:
        return False
    folded = masked.folded
    if not _DIGIT.search(folded, mention.start, mention.end):
        return False  # "xóa nhà tạm" read as zero: no value written, the learned judge decides
    before = folded[cand.cs : mention.start]
    if _PAST.search(before):
        return False
    if _NAMED.search(before):
        return True
    unit = target.get("unit")
    if unit == "%" and target.get("value") == 100 and _ALL_DONE.search(before):
        return True
    return unit == "%" and bool(CUT_BY.search(before)) and _CUT_OF.match(folded, mention.end) is not None
