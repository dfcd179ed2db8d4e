from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "ansinh.registry"
    label = "registry"
    verbose_name = "Cơ sở dữ liệu hộ gia đình và nhân khẩu"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ansinh.registry import sources

        sources.register()
