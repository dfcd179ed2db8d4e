from django.apps import AppConfig


class BenefitsConfig(AppConfig):
    name = "ansinh.benefits"
    label = "benefits"
    verbose_name = "Chính sách trợ cấp, trợ giúp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ansinh.benefits import guards, sources

        sources.register()
        guards.register()
