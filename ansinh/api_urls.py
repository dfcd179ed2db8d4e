"""The JSON API (django-ninja) at ``/api/``, OpenAPI at ``/api/docs``; routers come from ``reporting.api``."""

from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from ninja import NinjaAPI

from ansinh.accounts.api_auth import API_AUTH
from ansinh.registry.api import router as registry_router
from ansinh.reporting.api import install

api = NinjaAPI(title="ansinh API", version="1", description="API JSON của ansinh: đơn vị, chỉ tiêu, kế hoạch, kỳ báo cáo.")
install(api)
api.add_router("registry/", registry_router, auth=API_AUTH)


def unknown_endpoint(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": "Không có điểm truy cập API này; xem danh sách tại /api/docs."}, status=404)


urlpatterns = [path("", api.urls), re_path(r"", unknown_endpoint)]
