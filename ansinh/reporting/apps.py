from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "ansinh.reporting"
    label = "reporting"
    verbose_name = "Báo cáo định kỳ"

    def ready(self) -> None:
        from ansinh.geo.signals import crosswalk_changed
        from ansinh.reporting.rollup import rebuild_after_crosswalk

        crosswalk_changed.connect(rebuild_after_crosswalk, dispatch_uid="reporting.rebuild_after_crosswalk")
