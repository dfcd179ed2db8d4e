from django.urls import URLPattern, path

from ansinh.accounts import views, views_two_factor

app_name = "accounts"
urlpatterns: list[URLPattern] = [
    path("khoa-api/", views.api_tokens, name="api_tokens"),
    path("khoa-api/<int:token_id>/thu-hoi/", views.api_token_revoke, name="api_token_revoke"),
    path("xac-thuc-hai-buoc/", views_two_factor.setup, name="two_factor_setup"),
    path("xac-thuc-hai-buoc/nhap-ma/", views_two_factor.verify, name="two_factor_verify"),
]
