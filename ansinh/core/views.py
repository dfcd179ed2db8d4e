from django.db import connection
from django.http import HttpRequest, JsonResponse


def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for monitoring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_number(request: HttpRequest) -> int:
    """The list page asked for by ``?trang=`` (1 when it is missing, not a number or below 1)."""
    try:
        return max(1, int(request.GET.get("trang", "1")))
    except ValueError:
        return 1
