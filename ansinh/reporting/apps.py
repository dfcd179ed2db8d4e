from django.apps import AppConfig

# Models whose rows the cached pages show; an edit of any of them bumps ``core.generation``.
DEFINITIONS = (
    "plans.Plan", "plans.Target", "plans.Milestone", "plans.Task", "plans.TaskAssignment",
    "reporting.Indicator", "reporting.TargetIndicatorLink", "reporting.ReportingCycle", "reporting.CycleDeadline",
    "geo.AdministrativeUnit", "geo.UnitCrosswalk",
)


class ReportingConfig(AppConfig):
    name = "ansinh.reporting"
    label = "reporting"
    verbose_name = "Báo cáo định kỳ"

    def ready(self) -> None:
        from ansinh.geo.signals import crosswalk_changed
        from ansinh.reporting.rollup import rebuild_after_crosswalk

        crosswalk_changed.connect(rebuild_after_crosswalk, dispatch_uid="reporting.rebuild_after_crosswalk")
        self._watch_definitions()

    def _watch_definitions(self) -> None:
        """Edits of what cached dashboards show bump ``core.generation`` (in place edits included)."""
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from ansinh.core.generation import on_definition_change

        for label in DEFINITIONS:
            model = apps.get_model(label)
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(on_definition_change, sender=model, dispatch_uid=f"generation.{name}.{label}")
