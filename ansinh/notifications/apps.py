from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "ansinh.notifications"
    label = "notifications"
    verbose_name = "Thông báo"
