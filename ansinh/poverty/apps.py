from django.apps import AppConfig


class PovertyConfig(AppConfig):
    name = "ansinh.poverty"
    label = "poverty"
    verbose_name = "Rà soát hộ nghèo, hộ cận nghèo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ansinh.poverty import sources

        sources.register()
