"""The JSON API (django-ninja); routers are added by each app's ``api`` module."""

from django.urls import path
from ninja import NinjaAPI

api = NinjaAPI(title="ansinh API", version="1", description="API JSON của ansinh: đơn vị, chỉ tiêu, kế hoạch, kỳ báo cáo.")

urlpatterns = [path("", api.urls)]
