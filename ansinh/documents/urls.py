from django.urls import URLPattern, URLResolver, path

from ansinh.documents import views

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tai-len/", views.upload, name="upload"),
]
