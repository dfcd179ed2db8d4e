from django.urls import URLPattern, URLResolver, path

from ansinh.benefits import views_payments as views

app_name = "payments"
urlpatterns: list[URLPattern | URLResolver] = [
    path("xa/<str:commune>/<str:month>/", views.run, name="run"),
    path("xa/<str:commune>/<str:month>/lap/", views.run_prepare, name="run_prepare"),
    path("xa/<str:commune>/<str:month>/chua-co-tai-khoan/", views.outreach, name="outreach"),
    path("danh-sach/<int:pk>/", views.list_detail, name="list"),
    path("danh-sach/<int:pk>/xuat/", views.list_export, name="export"),
    path("danh-sach/<int:pk>/doi-soat/", views.list_reconcile, name="reconcile"),
    path("danh-sach/<int:pk>/ky-nhan/", views.cash_sheet, name="cash_sheet"),
    path("danh-sach/<int:pk>/<str:action>/", views.list_action, name="list_action"),
    path("tai-khoan/", views.accounts, name="accounts"),
    path("tai-khoan/de-nghi/<str:code>/", views.account_request, name="account_request"),
    path("tai-khoan/<int:pk>/<str:action>/", views.account_decide, name="account_decide"),
]
