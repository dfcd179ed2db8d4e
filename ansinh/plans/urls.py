from django.urls import URLPattern, URLResolver, path

from ansinh.plans import views, views_corrections
from ansinh.reporting import views_cycles, views_link

app_name = "plans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.plan_list, name="list"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/phe-duyet/", views_link.plan_approve, name="approve"),
    path("<int:plan_id>/chi-tieu-theo-doi/", views_link.link_page, name="link"),
    path("<int:plan_id>/chi-tieu-theo-doi/xac-nhan-goi-y/", views_link.accept_suggestions, name="link_accept"),
    path("<int:plan_id>/chi-tieu-theo-doi/<int:target_id>/lien-ket/", views_link.link_target, name="link_target"),
    path("<int:plan_id>/chi-tieu-theo-doi/<int:target_id>/bo-lien-ket/", views_link.unlink_target, name="link_remove"),
    path("<int:plan_id>/chi-tieu-theo-doi/<int:target_id>/tao-chi-tieu/", views_link.create_indicator, name="link_create"),
    path("<int:plan_id>/ky-bao-cao/", views_cycles.plan_cycles, name="cycles"),
    path("<int:plan_id>/ky-bao-cao/them/", views_cycles.cycle_add, name="cycle_add"),
    path("<int:plan_id>/ky-bao-cao/<int:cycle_id>/xoa/", views_cycles.cycle_remove, name="cycle_remove"),
    path("<int:plan_id>/ky-bao-cao/han/<int:deadline_id>/", views_cycles.deadline_move, name="deadline_move"),
    path("<int:plan_id>/nguon/<slug:kind>/<int:item_id>/", views.item_source, name="source"),
    path("<int:plan_id>/ra-soat/", views.plan_review, name="review"),
    path("<int:plan_id>/ra-soat/thong-tin/", views.review_meta, name="review_meta"),
    path("<int:plan_id>/ra-soat/<slug:kind>/them/", views.review_save, name="review_add"),
    path("<int:plan_id>/ra-soat/<slug:kind>/<int:item_id>/sua/", views.review_save, name="review_edit"),
    path("<int:plan_id>/ra-soat/<slug:kind>/<int:item_id>/xoa/", views.review_delete, name="review_delete"),
    path("<int:plan_id>/gold.json", views.plan_gold, name="gold"),
    # Quick corrections (issue 10): a task under a chosen parent, split / merge targets, a target as a milestone.
    path("<int:plan_id>/ra-soat/nhiem-vu-con/", views_corrections.review_add_subtask, name="review_add_subtask"),
    path("<int:plan_id>/ra-soat/dan-bang-nhiem-vu/", views_corrections.review_paste_tasks, name="review_paste_tasks"),
    path("<int:plan_id>/ra-soat/chi-tieu/<int:item_id>/tach/", views_corrections.review_split_target, name="review_split"),
    path("<int:plan_id>/ra-soat/chi-tieu/<int:item_id>/gop/", views_corrections.review_merge_targets, name="review_merge"),
    path("<int:plan_id>/ra-soat/chi-tieu/<int:item_id>/thanh-moc/", views_corrections.review_target_to_milestone,
         name="review_to_milestone"),
]
