from django.urls import URLPattern, URLResolver, path

from ansinh.registry import views, views_changes, views_files, views_quality
from ansinh.registry.dedup import views as dedup_views

app_name = "registry"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("nhan-khau/<str:code>/", views.person_detail, name="person"),
    path("nhan-khau/<str:code>/bao-cao/", views_files.subject_report_view, name="subject_report"),
    path("nhan-khau/<str:code>/thay-doi/", views_changes.change_new_person, name="change_new_person"),
    path("ho/<int:pk>/", views.household_detail, name="household"),
    path("ho/<int:pk>/thay-doi/", views_changes.change_new_household, name="change_new_household"),
    path("thay-doi/", views_changes.change_list, name="changes"),
    path("thay-doi/<int:pk>/", views_changes.change_detail, name="change"),
    path("thay-doi/<int:pk>/<str:action>/", views_changes.change_action, name="change_action"),
    path("nhap/", views_files.import_upload, name="import"),
    path("nhap/xem-truoc/", views_files.import_preview, name="import_preview"),
    path("xuat/", views_files.export, name="export"),
    path("nhat-ky/", views.access_log, name="access_log"),
    path("trung-lap/", dedup_views.pair_list, name="dedup"),
    path("chat-luong/", views_quality.board, name="quality"),
    path("chat-luong/danh-sach/<str:key>/", views_quality.to_fix, name="quality_list"),
    path("trung-lap/<int:pk>/", dedup_views.pair_detail, name="dedup_pair"),
    path("trung-lap/<int:pk>/quyet-dinh/", dedup_views.pair_decide, name="dedup_decide"),
]
