"""Reporting domain: indicator catalogue, cycles, submissions, values, roll-up aggregates.

Business rules live in ``catalogue.py`` (indicators, target links), ``cycles.py`` (cut-off
windows and due dates), ``actions.py`` (submissions), ``rollup.py`` (aggregates) and
``progress.py`` (statuses and forecasts).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

SIMULATED_LABEL = "Số liệu mô phỏng"


class Indicator(models.Model):
    """A catalogue indicator: how it is measured and how it adds up across units and time."""

    class Direction(models.TextChoices):
        HIGHER = "higher", "Càng cao càng tốt"
        LOWER = "lower", "Càng thấp càng tốt"

    class ValueType(models.TextChoices):
        NUMBER = "number", "Số"
        PERCENT = "percent", "Tỷ lệ phần trăm"
        COUNT = "count", "Số đếm"
        RATIO = "ratio", "Tỷ số"
        MONEY = "money", "Số tiền"

    class Aggregation(models.TextChoices):
        SUM = "sum", "Cộng"
        RATIO = "ratio", "Tổng tử số / tổng mẫu số"
        MEAN = "mean", "Bình quân"
        MIN = "min", "Nhỏ nhất"
        MAX = "max", "Lớn nhất"

    class TimeAggregation(models.TextChoices):
        SUM = "sum", "Cộng dồn"
        LAST = "last", "Số cuối kỳ"

    code = models.CharField("mã", max_length=40, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=60, blank=True)
    direction = models.CharField(
        "chiều tốt", max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    value_type = models.CharField(
        "kiểu giá trị", max_length=10, choices=ValueType.choices, default=ValueType.NUMBER
    )
    aggregation = models.CharField(
        "tổng hợp theo đơn vị", max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    time_aggregation = models.CharField(
        "tổng hợp theo thời gian",
        max_length=10,
        choices=TimeAggregation.choices,
        default=TimeAggregation.LAST,
    )
    scale = models.FloatField("hệ số (tỷ số × hệ số)", default=1.0)
    decimals = models.PositiveSmallIntegerField("số chữ số thập phân", default=0)
    numerator_label = models.CharField("tử số", max_length=300, blank=True)
    denominator_label = models.CharField("mẫu số", max_length=300, blank=True)
    # A part of a whole (households in poverty of all households): the numerator never exceeds it.
    numerator_within_denominator = models.BooleanField("tử số không vượt mẫu số", default=False)
    aliases = models.JSONField("tên gọi khác", default=list, blank=True)
    description = models.TextField("mô tả", blank=True)
    source_key = models.CharField("nguồn số liệu từ cơ sở dữ liệu (reporting.sources)", max_length=60, blank=True, default="")

    class Meta:
        ordering = ("code",)
        verbose_name = "chỉ tiêu danh mục"
        verbose_name_plural = "danh mục chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == self.Aggregation.RATIO


class TargetIndicatorLink(models.Model):
    """A plan target linked to a catalogue indicator: suggested automatically, confirmed by a person."""

    target = models.OneToOneField("plans.Target", on_delete=models.CASCADE, related_name="indicator_link")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="target_links")
    confirmed = models.BooleanField("đã xác nhận", default=False)
    suggested_score = models.FloatField("điểm gợi ý", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    confirmed_at = models.DateTimeField("ngày xác nhận", null=True, blank=True)

    class Meta:
        verbose_name = "liên kết chỉ tiêu"
        verbose_name_plural = "liên kết chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.target_id} → {self.indicator_id}"


class ReportingCycle(models.Model):
    """One reporting round of a plan with its data cut-off window (Decree 09/2019 Art. 12)."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", "Hằng năm"
        SEMIANNUAL = "semiannual", "6 tháng"
        QUARTERLY = "quarterly", "Hằng quý"
        MONTHLY = "monthly", "Hằng tháng"
        MIDTERM = "midterm", "Sơ kết"
        FINAL = "final", "Tổng kết"
        ADHOC = "adhoc", "Đột xuất"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="cycles")
    duty = models.ForeignKey(
        "plans.ReportingDuty", null=True, blank=True, on_delete=models.SET_NULL, related_name="cycles"
    )
    kind = models.CharField("loại kỳ", max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField("năm")
    period_start = models.DateField("chốt số liệu từ ngày")
    period_end = models.DateField("chốt số liệu đến ngày")
    label = models.CharField("tên kỳ báo cáo", max_length=200)

    class Meta:
        ordering = (
            "plan",
            "period_end",
            "kind",
        )
        constraints = (
            models.UniqueConstraint(
                fields=["plan", "kind", "period_start", "period_end"], name="cycle_unique_window"
            ),
        )
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self) -> str:
        return self.label

    def units_in_force_q(self) -> models.Q:
        """Units in force at some time in the window: the ones that may report for this cycle."""
        return models.Q(valid_from__lte=self.period_end) & (
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=self.period_start)
        )

    def has_in_force(self, unit: Any) -> bool:
        """``units_in_force_q`` for one unit already loaded."""
        return bool(unit.valid_from <= self.period_end and (unit.valid_to is None or unit.valid_to > self.period_start))


class CycleDeadline(models.Model):
    """The due date of one reporting level in a cycle: communes before provinces before the standing agency."""

    class Level(models.TextChoices):
        COMMUNE = "commune", "Cấp xã"
        DISTRICT = "district", "Cấp huyện (trước 1/7/2025)"
        PROVINCE = "province", "Cấp tỉnh, sở, ngành"
        STANDING = "standing", "Cơ quan thường trực"

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="deadlines")
    level = models.CharField("cấp báo cáo", max_length=12, choices=Level.choices)
    due = models.DateField("hạn gửi báo cáo")

    class Meta:
        ordering = ("due",)
        constraints = (
            models.UniqueConstraint(fields=["cycle", "level"], name="cycle_deadline_unique_level"),
        )
        verbose_name = "hạn báo cáo"
        verbose_name_plural = "hạn báo cáo"

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.due:%d/%m/%Y}"


class Submission(models.Model):
    """One unit's report for one cycle."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Đang soạn"
        SUBMITTED = "submitted", "Đã gửi"
        APPROVED = "approved", "Đã phê duyệt"
        RETURNED = "returned", "Trả lại"

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="submissions")
    agency = models.ForeignKey(
        "geo.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField("trạng thái", max_length=12, choices=Status.choices, default=Status.DRAFT)
    simulated = models.BooleanField(SIMULATED_LABEL, default=False)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField("ngày gửi", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField("ngày phê duyệt", null=True, blank=True)
    return_reason = models.TextField("lý do trả lại", blank=True)
    # Optimistic concurrency: bumped by every write (reporting.versions); saves carry the version read.
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = (
            "cycle",
            "unit",
        )
        constraints = (
            models.UniqueConstraint(
                fields=["cycle", "unit"],
                condition=models.Q(agency__isnull=True),
                name="submission_unique_unit",
            ),
            models.UniqueConstraint(
                fields=["cycle", "unit", "agency"],
                condition=models.Q(agency__isnull=False),
                name="submission_unique_agency",
            ),
        )
        indexes = (models.Index(fields=["cycle", "status"], name="submission_cycle_status_idx"),)
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"

    def __str__(self) -> str:
        return f"{self.cycle} — {self.unit}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class IndicatorValue(models.Model):
    """A reported value; ratio indicators carry numerator and denominator."""

    class Status(models.TextChoices):
        ESTIMATE = "estimate", "Ước thực hiện"
        FINAL = "final", "Số chính thức"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.FloatField("giá trị", null=True, blank=True)
    numerator = models.FloatField("tử số", null=True, blank=True)
    denominator = models.FloatField("mẫu số", null=True, blank=True)
    status = models.CharField(
        "tình trạng số liệu", max_length=10, choices=Status.choices, default=Status.FINAL
    )
    comment = models.TextField("giải trình", blank=True)
    flags = models.JSONField("cảnh báo", default=list, blank=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        ordering = ("indicator__code",)
        constraints = (
            models.UniqueConstraint(fields=["submission", "indicator"], name="value_unique_indicator"),
        )
        verbose_name = "số liệu chỉ tiêu"
        verbose_name_plural = "số liệu chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class IndicatorValueRevision(models.Model):
    """Every change of a value, with the fields before and after."""

    value = models.ForeignKey(IndicatorValue, on_delete=models.CASCADE, related_name="revisions")
    at = models.DateTimeField("thời điểm", auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)

    class Meta:
        ordering = (
            "-at",
            "-id",
        )
        verbose_name = "lịch sử sửa số liệu"
        verbose_name_plural = "lịch sử sửa số liệu"

    def __str__(self) -> str:
        return f"{self.value_id} @ {self.at}"


class TaskProgress(models.Model):
    """What a unit reports about one plan task in a cycle."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Chưa triển khai"
        IN_PROGRESS = "in_progress", "Đang thực hiện"
        COMPLETED = "completed", "Đã hoàn thành"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="task_progress")
    task = models.ForeignKey("plans.Task", on_delete=models.CASCADE, related_name="progress")
    status = models.CharField("tình trạng", max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    deadline = models.DateField("thời hạn", null=True, blank=True)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    result = models.TextField("kết quả", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)

    class Meta:
        ordering = (
            "task__position",
            "task_id",
        )
        constraints = (
            models.UniqueConstraint(fields=["submission", "task"], name="task_progress_unique_task"),
        )
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.task_id}: {self.get_status_display()}"


def attachment_path(instance: SubmissionAttachment, filename: str) -> str:
    return f"reporting/{instance.submission.cycle_id}/{instance.submission_id}/{filename}"


class SubmissionAttachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp", upload_to=attachment_path, max_length=300)
    name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField("ngày tải lên", auto_now_add=True)

    class Meta:
        ordering = (
            "uploaded_at",
            "id",
        )
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self) -> str:
        return self.name


class AggregateValue(models.Model):
    """The roll-up of approved commune values for a unit above the communes (or a commune fed by a crosswalk).

    ``numerator``/``denominator`` hold the sums for ratio indicators and Σw·v / Σw for means.
    """

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="aggregates")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="aggregates")
    unit = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.CASCADE, related_name="aggregates")
    value = models.FloatField("giá trị", null=True, blank=True)
    numerator = models.FloatField("tử số", null=True, blank=True)
    denominator = models.FloatField("mẫu số", null=True, blank=True)
    n_units_reporting = models.PositiveIntegerField("số đơn vị có số liệu", default=0)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["cycle", "indicator", "unit"], name="aggregate_unique_cell"),
        )
        indexes = (models.Index(fields=["indicator", "unit"], name="aggregate_indicator_unit_idx"),)
        verbose_name = "số liệu tổng hợp"
        verbose_name_plural = "số liệu tổng hợp"

    def __str__(self) -> str:
        return f"{self.cycle_id}/{self.indicator_id}/{self.unit_id}: {self.value}"


from ansinh.reporting.models_sources import SourceProposal  # noqa: E402, F401
