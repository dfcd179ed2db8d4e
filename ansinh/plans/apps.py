from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ansinh.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
