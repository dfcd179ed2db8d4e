"""Root URL configuration: each app mounts its own ``urls`` module."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from ansinh.accounts.forms import LoginForm
from ansinh.core import views as core_views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="plans:list", permanent=False), name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="core/login.html", authentication_form=LoginForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("suc-khoe/", core_views.health, name="health"),
    path("quan-tri/nhat-ky/", include("ansinh.core.urls_audit")),
    path("quan-tri/", admin.site.urls),
    path("ke-hoach/", include("ansinh.plans.urls")),
    path("van-ban/", include("ansinh.documents.urls")),
    path("don-vi/", include("ansinh.geo.urls")),
    path("bao-cao-dinh-ky/", include("ansinh.reporting.urls")),
    path("bao-cao/", include("ansinh.reports.urls")),
    path("api/", include("ansinh.api_urls")),
    path("tai-khoan/", include("ansinh.accounts.urls")),
    path("thong-bao/", include("ansinh.notifications.urls")),
    path("so-ho/", include("ansinh.registry.urls")),
    path("ho-ngheo/", include("ansinh.poverty.urls")),
    path("tro-cap/", include("ansinh.benefits.urls")),
    path("chi-tra/", include("ansinh.benefits.urls_payments")),
]
