from django.urls import URLPattern, URLResolver, path

from ansinh.geo import views, views_search

app_name = "geo"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.unit_list, name="list"),
    path("<int:unit_id>/", views.unit_detail, name="detail"),
    path("tim/", views_search.unit_search, name="unit_search"),
]
