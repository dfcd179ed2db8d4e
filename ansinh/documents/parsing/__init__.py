"""Extract the structured content of a Vietnamese plan (Kế hoạch, Chương trình hành động).

>>> result = extract_plan("KẾ HOẠCH\\nII. MỤC TIÊU\\n- Tỷ lệ hộ nghèo dưới 1%.", doc="vi-du")
>>> [(t["comparator"], t["value"], t["unit"]) for t in result["targets"]]
[('<', 1, '%')]

The result follows ``ansinh/documents/schema/plan-extract.schema.json``; every
item also carries ``"span": [start, end]``, offsets into the given text.
"""

from __future__ import annotations

from ansinh.documents.parsing.pipeline import empty_result, extract_plan
from ansinh.documents.parsing.summary import to_text_summary

__all__ = ["empty_result", "extract_plan", "to_text_summary"]
