"""API-wide error answers: an unreadable body and any unexpected error, in Vietnamese JSON, never a traceback."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ConfigError as NinjaConfigError
from ninja.errors import HttpError

logger = logging.getLogger("ansinh.api")
SERVER_ERROR = (
    "Máy chủ gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại để quản trị viên xem xét. "
    "Không có gì được lưu nếu yêu cầu chưa báo thành công."
)


UNREADABLE = "Không đọc được nội dung gửi lên: cần JSON hợp lệ (UTF-8) hoặc biểu mẫu đúng dạng."
#: django-ninja's own English messages, said in Vietnamese.
NINJA_MESSAGES = {"Cannot parse request body": UNREADABLE}


def install_error_handlers(api: NinjaAPI) -> None:
    """Register after the routers' handlers: this ``HttpError`` handler replaces any earlier one."""

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc.message)
        english = message.split(" (")[0]
        return api.create_response(request, {"detail": NINJA_MESSAGES.get(english, message)}, status=exc.status_code)

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        if isinstance(exc, NinjaConfigError):
            raise exc
        logger.exception("API error on %s %s", request.method, request.path)
        return api.create_response(request, {"detail": SERVER_ERROR}, status=500)
