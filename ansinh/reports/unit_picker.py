"""A unit picker over every unit the user may read (all 3,356 for a national officer), searchable
by name without diacritics ("sai gon" finds "Phường Sài Gòn") or by code.

The page carries a text field with a ``<datalist>`` that ``static/ansinh/unit-picker.js`` fills
from :func:`unit_search` as the user types; without JavaScript the typed name is resolved on the
server (:func:`resolve_unit`). Nothing is truncated to a fixed list of the first N units.

Note for the merge: ``geo/unit_search`` (built in parallel) serves the same purpose; the two
should become one endpoint and one include.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse

from ansinh.geo.models import AdministrativeUnit
from ansinh.lib.text import fold_key
from ansinh.reporting.access import access_unit, access_units

SEARCH_LIMIT = 20
MIN_QUERY = 2
_CODE_IN_LABEL = re.compile(r"\(([0-9A-Za-z]{1,16})\)\s*$")


def unit_label(unit: AdministrativeUnit) -> str:
    """What the field shows and sends back: "Phường Sài Gòn (26740)"."""
    return f"{unit.name} ({unit.code})"


def search_units(user: Any, text: str, limit: int = SEARCH_LIMIT) -> list[AdministrativeUnit]:
    """Units in force the user may read whose folded name contains the folded text (or whose code is it)."""
    if len(fold_key(text)) < MIN_QUERY and not text.strip().isdigit():
        return []
    current = access_units(user).filter(valid_to__isnull=True)
    return list(current.search(text).order_by("path")[:limit])  # type: ignore[attr-defined]


def resolve_unit(user: Any, text: str) -> AdministrativeUnit:
    """The unit a picker's text names: a code, "Name (code)", or a name that only one unit in scope has.

    Raises ``Http404`` with a Vietnamese message when nothing (or more than one unit) matches.
    """
    text = text.strip()
    match = _CODE_IN_LABEL.search(text)
    code = match.group(1) if match else (text if re.fullmatch(r"[0-9A-Za-z]{1,16}", text) else "")
    if code and access_units(user).filter(code=code).exists():
        return access_unit(user, code)
    key = fold_key(text)
    exact = list(access_units(user).filter(valid_to__isnull=True, name_key=key)[:2]) if key else []
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise Http404(f"Có nhiều đơn vị tên «{text}»; hãy chọn trong danh sách gợi ý (có kèm mã đơn vị).")
    if code:
        raise Http404(f"Không có đơn vị mã «{code}» trong phạm vi bạn được xem.")
    raise Http404(f"Không tìm thấy đơn vị «{text}» trong phạm vi bạn được xem; hãy gõ tên rồi chọn trong danh sách gợi ý.")


@login_required
def unit_search(request: HttpRequest) -> JsonResponse:
    """``?q=sai gon`` → up to 20 units in scope: code, name, level and the label the field takes."""
    text = request.GET.get("q", "")[:100]
    units = search_units(request.user, text)
    return JsonResponse(
        {
            "results": [
                {"code": u.code, "name": u.name, "level": u.get_level_display(), "label": unit_label(u)}
                for u in units
            ]
        }
    )
