from django.urls import URLPattern, URLResolver, path

from ansinh.benefits import views_cashless, views_dossier, views_pages

app_name = "benefits"
urlpatterns: list[URLPattern | URLResolver] = [
    path("ho-so/", views_dossier.dossier_list, name="dossiers"),
    path("ho-so/<int:pk>/", views_dossier.dossier_detail, name="dossier"),
    path("ho-so/<int:pk>/tep/<int:attachment_id>/", views_dossier.attachment_download, name="attachment"),
    path("nguoi/<str:code>/", views_pages.person_benefits, name="person"),
    path("dung-han/", views_pages.on_time, name="on_time"),
    path("khong-tien-mat/", views_cashless.dashboard, name="cashless"),
]
