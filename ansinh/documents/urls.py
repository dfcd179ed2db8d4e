from django.urls import URLPattern, URLResolver, path

from ansinh.documents import views

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tai-len/", views.upload, name="upload"),
    path("tai-len/<int:job_id>/", views.job_page, name="job"),
    path("tai-len/<int:job_id>/trang-thai/", views.job_state, name="job_state"),
]
