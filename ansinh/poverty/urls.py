from django.urls import URLPattern, URLResolver, path

from ansinh.poverty import views, views_summary

app_name = "poverty"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("chuan/", views.standards, name="standards"),
    path("dot/<int:pk>/", views.round_detail, name="round"),
    path("phieu/<int:pk>/", views.survey, name="survey"),
    path("khieu-nai/<int:pk>/giai-quyet/", views.resolve, name="resolve"),
    path("dot/<int:pk>/nhap-phieu/", views.upload_survey, name="upload_survey"),
    path("ho/<int:pk>/", views.household_history, name="history"),
    path("giay-chung-nhan/<int:pk>/", views.certificate, name="certificate"),
    path("dot/<int:pk>/giay-chung-nhan/", views.round_certificates, name="round_certificates"),
    path("dot/<int:pk>/danh-sach-cong-nhan/", views.round_list, name="round_list"),
    path("tong-hop/", views_summary.summary, name="summary"),
]
