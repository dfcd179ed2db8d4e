"""A plan and everything extracted from it; every item keeps its source span."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class Comparator(models.TextChoices):
    LT = "<", "dưới"
    LE = "<=", "không quá"
    GT = ">", "trên"
    GE = ">=", "từ … trở lên"
    EQ = "=", "đạt"
    RANGE = "range", "trong khoảng"
    APPROX = "approx", "khoảng"
    MAINTAIN = "maintain", "duy trì"


class Plan(models.Model):
    class Level(models.TextChoices):
        CENTRAL = "central", "Trung ương"
        PROVINCE = "province", "Tỉnh, thành phố"
        DISTRICT = "district", "Huyện (trước 1/7/2025)"
        COMMUNE = "commune", "Xã, phường, đặc khu"
        OTHER = "other", "Khác"

    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        ACTIVE = "active", "Đang thực hiện"

    number = models.CharField("số, ký hiệu", max_length=80, blank=True)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=300, blank=True)
    level = models.CharField("cấp", max_length=20, choices=Level.choices, default=Level.OTHER)
    title = models.TextField("trích yếu")
    period_start = models.PositiveSmallIntegerField("từ năm", null=True, blank=True)
    period_end = models.PositiveSmallIntegerField("đến năm", null=True, blank=True)
    status = models.CharField("trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT)
    implements = models.JSONField("thực hiện văn bản", default=list, blank=True)
    area = models.ForeignKey(
        "geo.AdministrativeUnit",
        verbose_name="địa bàn áp dụng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        help_text="Đơn vị hành chính mà kế hoạch áp dụng; để trống: không giới hạn (kế hoạch trung ương).",
    )
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        verbose_name="văn bản nguồn",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    parents = models.ManyToManyField(
        "self", verbose_name="kế hoạch cấp trên", symmetrical=False, through="PlanLink", related_name="children"
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    approved_at = models.DateTimeField("ngày phê duyệt", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người phê duyệt", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"

    def __str__(self) -> str:
        return f"{self.number} {self.title[:80]}".strip()

    def covers(self, unit: Any) -> bool:
        """Whether ``unit`` lies in the plan's area (a plan without an area covers every unit)."""
        return self.area is None or str(unit.path).startswith(self.area.path)

    def judges_unit_by_goals(self, unit: Any, aggregation: str) -> bool:
        """Whether the plan's goals judge ``unit``'s own figure of an indicator aggregated by ``aggregation``.

        A rate or an average holds for every unit of the area ("90% of households" in each commune too). A count
        summed over the area ("16,000 new jobs") is the whole area's: a commune's part of it is not held to it.
        """
        area = self.area
        if aggregation != "sum" or area is None:
            return True
        return str(unit.path) == area.path or not str(unit.path).startswith(area.path)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def display_title(self) -> str:
        """The title as a heading shows it: a subject line read after "KẾ HOẠCH" ("thực hiện …") starts upper-case."""
        title = self.title.strip()
        return title[:1].upper() + title[1:] if title else self.number or f"Kế hoạch #{self.pk}"


class PlanLink(models.Model):
    """A child plan implements a parent plan; confirmed by a person."""

    child = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="child_links")
    reference = models.CharField("trích dẫn", max_length=300, blank=True)
    confirmed = models.BooleanField("đã xác nhận", default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "parent"], name="plan_link_unique")]
        verbose_name = "liên kết kế hoạch"
        verbose_name_plural = "liên kết kế hoạch"

    def __str__(self) -> str:
        return f"{self.child_id} → {self.parent_id}"


class SourceSpan(models.Model):
    """Where an extracted item came from: character offsets into the source text."""

    source_start = models.PositiveIntegerField("vị trí bắt đầu", null=True, blank=True)
    source_end = models.PositiveIntegerField("vị trí kết thúc", null=True, blank=True)
    position = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    @property
    def has_span(self) -> bool:
        return self.source_start is not None and self.source_end is not None


class Target(SourceSpan):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField("nguyên văn")
    indicator_name = models.CharField("chỉ tiêu", max_length=500)
    comparator = models.CharField("so sánh", max_length=10, choices=Comparator.choices, blank=True)
    value = models.FloatField("giá trị", null=True, blank=True)
    value_max = models.FloatField("giá trị cận trên", null=True, blank=True)
    unit = models.CharField("đơn vị tính", max_length=60, blank=True)
    year = models.PositiveSmallIntegerField("năm đạt", null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField("năm gốc", null=True, blank=True)
    baseline_value = models.FloatField("giá trị năm gốc", null=True, blank=True)
    baseline_text = models.CharField("mô tả năm gốc", max_length=300, blank=True)

    class Meta(SourceSpan.Meta):
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self) -> str:
        return self.indicator_name


class Milestone(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField("năm")
    comparator = models.CharField("so sánh", max_length=10, choices=Comparator.choices, blank=True)
    value = models.FloatField("giá trị", null=True, blank=True)
    value_max = models.FloatField("giá trị cận trên", null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="milestone_target_year_unique")]
        verbose_name = "mốc theo năm"
        verbose_name_plural = "mốc theo năm"

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"


class Task(SourceSpan):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    number = models.CharField("số thứ tự", max_length=40, blank=True)
    title = models.TextField("nhiệm vụ")
    body = models.TextField("nội dung", blank=True)
    timeline = models.CharField("thời gian thực hiện", max_length=300, blank=True)
    depth = models.PositiveSmallIntegerField("cấp", default=0)

    class Meta(SourceSpan.Meta):
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.number} {self.title[:80]}".strip()

    def unit_names(self, role: str) -> list[str]:
        return [a.name for a in self.assignments.all() if a.role == role]

    @property
    def lead_names(self) -> list[str]:
        return self.unit_names(TaskAssignment.Role.LEAD)

    @property
    def coordinate_names(self) -> list[str]:
        return self.unit_names(TaskAssignment.Role.COORDINATE)


class TaskAssignment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Chủ trì"
        COORDINATE = "coordinate", "Phối hợp"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)
    name = models.CharField("đơn vị", max_length=300)

    class Meta:
        ordering = ["role", "id"]
        verbose_name = "phân công"
        verbose_name_plural = "phân công"

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class ReportingDuty(SourceSpan):
    class Frequency(models.TextChoices):
        ANNUAL = "annual", "Hằng năm"
        SEMIANNUAL = "semiannual", "6 tháng"
        QUARTERLY = "quarterly", "Hằng quý"
        MONTHLY = "monthly", "Hằng tháng"
        ADHOC = "adhoc", "Đột xuất"
        ONCE = "once", "Một lần (sơ kết, tổng kết)"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_duties")
    text = models.TextField("nguyên văn")
    frequency = models.CharField("tần suất", max_length=20, choices=Frequency.choices)
    deadline_day = models.PositiveSmallIntegerField("hạn (ngày)", null=True, blank=True)
    deadline_month = models.PositiveSmallIntegerField("hạn (tháng)", null=True, blank=True)
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    recipient = models.CharField("nơi nhận báo cáo", max_length=300, blank=True)

    class Meta(SourceSpan.Meta):
        verbose_name = "chế độ báo cáo"
        verbose_name_plural = "chế độ báo cáo"

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} {self.deadline_label}".strip()

    @property
    def deadline_label(self) -> str:
        if self.deadline_day and self.deadline_month:
            return f"trước ngày {self.deadline_day:02d}/{self.deadline_month:02d}"
        return ""


class FundingSource(SourceSpan):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="funding_sources")
    text = models.TextField("nguồn kinh phí")

    class Meta(SourceSpan.Meta):
        verbose_name = "nguồn kinh phí"
        verbose_name_plural = "nguồn kinh phí"

    def __str__(self) -> str:
        return self.text[:80]


class InvestmentProject(SourceSpan):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects")
    name = models.TextField("tên dự án")
    group = models.CharField("nhóm", max_length=200, blank=True)
    amount_million_vnd = models.DecimalField("tổng mức đầu tư (triệu đồng)", max_digits=18, decimal_places=3, null=True, blank=True)
    period = models.CharField("thời gian thực hiện", max_length=100, blank=True)

    class Meta(SourceSpan.Meta):
        verbose_name = "dự án đầu tư"
        verbose_name_plural = "dự án đầu tư"

    def __str__(self) -> str:
        return self.name[:80]


class DocumentToIssue(SourceSpan):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents_to_issue")
    title = models.TextField("tên văn bản")
    issuer = models.CharField("cấp ban hành", max_length=300, blank=True)
    lead = models.CharField("cơ quan chủ trì", max_length=300, blank=True)
    coordinate = models.JSONField("cơ quan phối hợp", default=list, blank=True)
    due = models.CharField("thời hạn", max_length=100, blank=True)

    class Meta(SourceSpan.Meta):
        verbose_name = "văn bản cần ban hành"
        verbose_name_plural = "văn bản cần ban hành"

    def __str__(self) -> str:
        return self.title[:80]
