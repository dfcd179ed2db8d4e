"""The JSON API (django-ninja) at ``/api/``, OpenAPI at ``/api/docs``; routers come from ``reporting.api``."""

from django.urls import path
from ninja import NinjaAPI

from ansinh.reporting.api import install

api = NinjaAPI(title="ansinh API", version="1", description="API JSON của ansinh: đơn vị, chỉ tiêu, kế hoạch, kỳ báo cáo.")
install(api)

urlpatterns = [path("", api.urls)]
