"""Reading back what a unit picker field holds, over the units the user may read.

The field (``reports/_unit_picker.html``) is a text box with a ``<datalist>`` that ``static/ansinh/unit-picker.js``
fills from ``geo:unit_search`` (scope ``duoc-xem``) as the user types, with labels from
``geo.search.unit_label`` ("Phường Sài Gòn, Thành phố Hồ Chí Minh (26740)"); without JavaScript the typed
name or code is resolved on the server by :func:`resolve_unit`.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404

from ansinh.geo.models import AdministrativeUnit
from ansinh.geo.search import unit_label
from ansinh.lib.text import fold_key
from ansinh.reporting.access import access_units

_CODE_IN_LABEL = re.compile(r"\(([0-9A-Za-z]{1,16})\)\s*$")


def resolve_unit(user: Any, text: str) -> AdministrativeUnit:
    """The unit a picker's text names: a code, "Name (code)", or a name that only one unit in scope has.

    Raises ``Http404`` with a Vietnamese message when nothing (or more than one unit) matches.
    """
    text = text.strip()
    match = _CODE_IN_LABEL.search(text)
    code = match.group(1) if match else (text if re.fullmatch(r"[0-9A-Za-z]{1,16}", text) else "")
    readable = access_units(user).select_related("parent")
    by_code = readable.filter(code=code).order_by("-valid_from").first() if code else None
    if by_code is not None:
        return by_code
    key = fold_key(text)
    exact = list(readable.filter(valid_to__isnull=True, name_key=key)[:2]) if key else []
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise Http404(f"Có nhiều đơn vị tên «{text}»; hãy chọn trong danh sách gợi ý (có kèm mã đơn vị).")
    if code:
        raise Http404(f"Không có đơn vị mã «{code}» trong phạm vi bạn được xem.")
    raise Http404(f"Không tìm thấy đơn vị «{text}» trong phạm vi bạn được xem; hãy gõ tên rồi chọn trong danh sách gợi ý.")


__all__ = ["resolve_unit", "unit_label"]
