from django.urls import URLPattern, URLResolver, path

from ansinh.plans import views

app_name = "plans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.plan_list, name="list"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/phe-duyet/", views.plan_approve, name="approve"),
    path("<int:plan_id>/nguon/<slug:kind>/<int:item_id>/", views.item_source, name="source"),
]
