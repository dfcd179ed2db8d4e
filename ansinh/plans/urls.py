from django.urls import URLPattern, URLResolver, path

from ansinh.plans import views

app_name = "plans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.plan_list, name="list"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/phe-duyet/", views.plan_approve, name="approve"),
    path("<int:plan_id>/nguon/<slug:kind>/<int:item_id>/", views.item_source, name="source"),
    path("<int:plan_id>/ra-soat/", views.plan_review, name="review"),
    path("<int:plan_id>/ra-soat/thong-tin/", views.review_meta, name="review_meta"),
    path("<int:plan_id>/ra-soat/<slug:kind>/them/", views.review_save, name="review_add"),
    path("<int:plan_id>/ra-soat/<slug:kind>/<int:item_id>/sua/", views.review_save, name="review_edit"),
    path("<int:plan_id>/ra-soat/<slug:kind>/<int:item_id>/xoa/", views.review_delete, name="review_delete"),
    path("<int:plan_id>/gold.json", views.plan_gold, name="gold"),
]
