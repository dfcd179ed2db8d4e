from django.urls import URLPattern, path

from ansinh.core import views_audit

app_name = "audit"
urlpatterns: list[URLPattern] = [
    path("", views_audit.audit_list, name="list"),
    path("csv", views_audit.audit_csv, name="csv"),
]
