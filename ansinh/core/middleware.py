"""Small middleware: the JSON API answers a wrong HTTP method with a Vietnamese JSON 405."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

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
