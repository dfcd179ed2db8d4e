from django.urls import URLPattern, URLResolver, path

from ansinh.reporting import views, views_files, views_progress, views_queue

app_name = "reporting"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("den-han/", views_progress.due, name="due"),
    path("cho-duyet/", views_queue.approval_queue, name="queue"),
    path("cho-duyet/<int:submission_id>/phe-duyet/", views_queue.queue_approve, name="queue_approve"),
    path("cho-duyet/<int:submission_id>/tra-lai/", views_queue.queue_return, name="queue_return"),
    path("viec-can-lam/", views_queue.unit_todo, name="todo"),
    path("tien-do/<int:plan_id>/", views_progress.plan_progress, name="progress"),
    path("ky/<int:cycle_id>/", views.cycle_detail, name="cycle"),
    path("ky/<int:cycle_id>/lap-bao-cao/", views.open_submission, name="open"),
    path("<int:submission_id>/", views.submission_detail, name="submission"),
    path("<int:submission_id>/phe-duyet/", views.submission_approve, name="approve"),
    path("<int:submission_id>/tra-lai/", views.submission_return, name="return"),
    path("<int:submission_id>/excel/", views_files.excel_download, name="excel"),
    path("<int:submission_id>/excel/tai-len/", views_files.excel_upload, name="excel_upload"),
    path("<int:submission_id>/dinh-kem/", views_files.attachment_upload, name="attachment_upload"),
    path("<int:submission_id>/dinh-kem/<int:attachment_id>/", views_files.attachment_download, name="attachment"),
]
