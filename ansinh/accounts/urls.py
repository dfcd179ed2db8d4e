from django.urls import URLPattern, path

from ansinh.accounts import views

app_name = "accounts"
urlpatterns: list[URLPattern] = [
    path("khoa-api/", views.api_tokens, name="api_tokens"),
    path("khoa-api/<int:token_id>/thu-hoi/", views.api_token_revoke, name="api_token_revoke"),
]
