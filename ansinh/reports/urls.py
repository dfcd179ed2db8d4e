from django.urls import URLPattern, URLResolver, path

from ansinh.reports import (
    views_alignment,
    views_dashboard,
    views_old_map,
    views_report,
    views_report_job,
)

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("bang-dieu-khien/", views_dashboard.dashboard_index, name="dashboard_index"),
    path("bang-dieu-khien/<int:plan_id>/", views_dashboard.dashboard, name="dashboard"),
    path("bang-dieu-khien/<int:plan_id>/dia-gioi-cu/", views_old_map.old_map, name="old_map"),
    path("ke-hoach/<int:plan_id>/bao-cao/<int:year>/", views_report.report_build, name="report_build"),
    path("ke-hoach/<int:plan_id>/bao-cao/<int:year>/nen/", views_report_job.report_build_background, name="report_build_background"),
    path("viec/<uuid:job_id>/", views_report_job.report_job, name="report_job"),
    path("viec/<uuid:job_id>/tai-ve/", views_report_job.report_job_file, name="report_job_file"),
    path("doi-chieu/<int:child_id>/", views_alignment.alignment, name="alignment"),
    path("doi-chieu/<int:child_id>/lien-ket/", views_alignment.alignment_link, name="alignment_link"),
    path("doi-chieu/<int:child_id>/xac-nhan/<int:link_id>/", views_alignment.alignment_confirm, name="alignment_confirm"),
]
