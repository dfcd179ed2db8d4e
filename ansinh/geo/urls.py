from django.urls import URLPattern, URLResolver, path

from ansinh.geo import views

app_name = "geo"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.unit_list, name="list"),
    path("<int:unit_id>/", views.unit_detail, name="detail"),
]
