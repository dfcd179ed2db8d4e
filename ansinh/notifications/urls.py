from django.urls import URLPattern, URLResolver, path

from ansinh.notifications import views

app_name = "notifications"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.inbox, name="list"),
    path("<int:notification_id>/da-doc/", views.read_one, name="read"),
    path("da-doc-het/", views.read_all, name="read_all"),
    path("cai-dat/", views.preferences, name="preferences"),
]
