"""Small middleware: the JSON API answers a wrong HTTP method with a Vietnamese JSON 405; input that no view
can use (oversized integers, NUL characters, unreadable JSON) is refused in Vietnamese before any view runs."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

API_PREFIX = "/api/"


class ApiMethodNotAllowed:
    """django-ninja answers a method a path does not take with a plain-text 405; make it JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith(API_PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            allowed = response.get("Allow", "")
            methods = ", ".join(m.strip() for m in allowed.split(",") if m.strip())
            replacement = JsonResponse(
                {"detail": f"Điểm truy cập này không nhận phương thức {request.method}; dùng: {methods or 'không có'}."},
                status=405,
            )
            if allowed:
                replacement["Allow"] = allowed
            return replacement
        return response


#: The largest integer a database column holds (64-bit signed); any larger number in a request is refused.
MAX_INT = 2**63 - 1
_INTEGER = re.compile(r"[+-]?\d+")
BAD_NUMBER = "Số «{value}» của tham số «{name}» quá lớn (tối đa {max} chữ số)."
NUL_CHARACTER = "Tham số «{name}» chứa ký tự rỗng (NUL), không hợp lệ."
#: The attribute :func:`validates_own_fields` sets on a view: a pattern of the POST fields it checks itself.
OWN_FIELDS_ATTR = "bad_input_own_fields"
_V = TypeVar("_V", bound=Callable[..., Any])


def validates_own_fields(pattern: str) -> Callable[[_V], _V]:
    """Declare on a view that it validates the POST fields whose names fully match ``pattern`` itself (and answers
    a bad one on its own form, per field), so :class:`BadInputGuard` leaves them to it.

    Works above or below ``login_required`` and the like (``functools.wraps`` copies the attribute)."""
    compiled = re.compile(pattern)

    def mark(view: _V) -> _V:
        setattr(view, OWN_FIELDS_ATTR, compiled)
        return view

    return mark


class BadInputGuard:
    """Refuse, before any view runs, what no view can store or look up: integers beyond 64 bits in the query
    string and in form fields (and NUL characters in the API's), and (for the JSON API) a body that is not valid
    JSON or holds such values. Form fields a view declared with :func:`validates_own_fields` are left to it.

    Web pages get the Vietnamese 400 page; the API gets JSON (400 for an unreadable body, 422 otherwise).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith(API_PREFIX)
        problems = [message for name, values in request.GET.lists() for value in values
                    if (message := _bad_value(name, value, nul=api))]
        if problems:
            return _refuse(request, problems, 422)
        if request.path.startswith(API_PREFIX) and _is_json(request) and request.method in {"POST", "PUT", "PATCH"}:
            answer = _check_json_body(request)
            if answer is not None:
                return answer
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> HttpResponse | None:
        """A form POST's fields, once the view is known: those it declared it validates itself are left to it."""
        if request.method != "POST" or _is_json(request):
            return None
        own: re.Pattern[str] | None = getattr(view, OWN_FIELDS_ATTR, None)
        api = request.path.startswith(API_PREFIX)
        problems = [message for name, values in _form_lists(request) for value in values
                    if isinstance(value, str) and not (own is not None and own.fullmatch(name))
                    and (message := _bad_value(name, value, nul=api))]
        return _refuse(request, problems, 422) if problems else None


def _bad_value(name: str, value: str, *, nul: bool) -> str:
    """Web pages treat a NUL in a filter as a bad filter and fall back to defaults; the API refuses it."""
    shown = name[:40]
    if nul and ("\x00" in value or "\x00" in name):
        return NUL_CHARACTER.format(name=shown.replace("\x00", ""))
    stripped = value.strip()
    if _INTEGER.fullmatch(stripped) and abs(int(stripped)) > MAX_INT:
        return BAD_NUMBER.format(value=stripped[:12] + "…", name=shown, max=len(str(MAX_INT)))
    return ""


def _form_lists(request: HttpRequest) -> list[tuple[str, list[Any]]]:
    """The form fields of a POST (parsed once; Django keeps them for the view). Too large or broken bodies
    raise here as they would in CsrfViewMiddleware, and Django answers them with its 400."""
    try:
        return list(request.POST.lists())
    except OSError:  # the client went away; as CsrfViewMiddleware does, treat it as an empty form
        return []


def _is_json(request: HttpRequest) -> bool:
    content_type = request.content_type or ""
    return content_type in {"application/json", "text/json"} or content_type.endswith("+json")


def _check_json_body(request: HttpRequest) -> HttpResponse | None:
    try:
        raw = request.body
    except Exception:  # RequestDataTooBig and the like: Django answers those itself later
        return None
    if not raw.strip():
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _refuse(request, ["Nội dung gửi lên không phải văn bản UTF-8."], 400)
    except RecursionError:
        return _refuse(request, ["Nội dung JSON lồng nhau quá sâu."], 400)
    except json.JSONDecodeError as err:
        return _refuse(
            request, [f"Nội dung gửi lên không phải JSON hợp lệ (dòng {err.lineno}, cột {err.colno})."], 400
        )
    problems = list(_walk(data, "dữ liệu"))
    return _refuse(request, problems[:20], 422) if problems else None


def _walk(root: Any, root_where: str) -> Iterator[str]:
    """Every bad leaf of a parsed JSON document (iterative: a deeply nested body cannot exhaust the stack)."""
    stack: list[tuple[Any, str]] = [(root, root_where)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, bool):
            continue
        if isinstance(value, int) and abs(value) > MAX_INT:
            yield f"{where}: số quá lớn (tối đa {len(str(MAX_INT))} chữ số)."
        elif isinstance(value, float) and not math.isfinite(value):
            yield f"{where}: phải là số hữu hạn."
        elif isinstance(value, str) and "\x00" in value:
            yield f"{where}: chứa ký tự rỗng (NUL), không hợp lệ."
        elif isinstance(value, dict):
            stack.extend((item, str(key)[:40]) for key, item in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{index}]") for index, item in reversed(list(enumerate(value))))


def _refuse(request: HttpRequest, problems: list[str], status: int) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        detail = "Yêu cầu không hợp lệ; không có gì được lưu." if status == 400 else (
            "Dữ liệu gửi lên không hợp lệ; không có gì được lưu.")
        errors = [{"row": None, "indicator": "", "field": "", "message": p} for p in problems]
        return JsonResponse({"detail": detail, "errors": errors}, status=status)
    return render(request, "400.html", {"problems": problems}, status=400)
