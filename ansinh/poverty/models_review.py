"""Annual review rounds (QĐ 24/2021/QĐ-TTg, four steps) and the recognised history per household.

1. list (``ReviewEntry`` rows with ``listed_because``); 2. survey (income and deprivation flags per
household, classified by the standard's rule), village meeting result per household; 3. public
posting (dates on the round) and complaints; 4. recognition by the competent authority
(``RecognisingAuthority`` on the decision day), which writes ``HouseholdStatus`` rows: the history of
who was poor or near-poor in which year, under which standard.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ansinh.poverty.rules import CLASSES

CLASS_CHOICES = [
    ("ngheo", "Hộ nghèo"), ("can_ngheo", "Hộ cận nghèo"), ("trung_binh", "Hộ có mức sống trung bình"),
    ("khong", "Không thuộc diện"),
]
assert tuple(c for c, _ in CLASS_CHOICES) == CLASSES


class ReviewRound(models.Model):
    class Step(models.TextChoices):
        LIST = "lap_danh_sach", "Bước 1: lập danh sách hộ cần rà soát"
        SURVEY = "khao_sat", "Bước 2: rà soát, phân loại, họp dân"
        POSTING = "niem_yet", "Bước 3: niêm yết công khai"
        RECOGNITION = "cong_nhan", "Bước 4: công nhận"
        DONE = "hoan_thanh", "Đã công nhận"

    commune = models.ForeignKey("geo.AdministrativeUnit", verbose_name="xã, phường", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("năm rà soát")
    standard = models.ForeignKey("poverty.Standard", verbose_name="chuẩn nghèo", on_delete=models.PROTECT, related_name="rounds")
    step = models.CharField("bước", max_length=14, choices=Step.choices, default=Step.LIST)
    meeting_date = models.DateField("ngày họp dân", null=True, blank=True)
    meeting_minutes = models.TextField("biên bản họp dân (tóm tắt)", blank=True)
    posting_start = models.DateField("niêm yết từ ngày", null=True, blank=True)
    posting_end = models.DateField("niêm yết đến ngày", null=True, blank=True)
    posting_place = models.CharField("nơi niêm yết", max_length=300, blank=True)
    recognised_on = models.DateField("ngày công nhận", null=True, blank=True)
    decision_number = models.CharField("số quyết định công nhận", max_length=60, blank=True)
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người công nhận", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    authority = models.ForeignKey(
        "poverty.RecognisingAuthority", verbose_name="thẩm quyền công nhận", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    simulated = models.BooleanField("dữ liệu mô phỏng", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("-year", "commune_id")
        verbose_name = "đợt rà soát hộ nghèo"
        verbose_name_plural = "đợt rà soát hộ nghèo"
        constraints = [models.UniqueConstraint(fields=["commune", "year", "standard"], name="poverty_round_uniq")]

    def __str__(self) -> str:
        return f"Rà soát {self.year} — {self.commune_id}"


class ReviewEntry(models.Model):
    class Listed(models.TextChoices):
        POOR = "dang_ngheo", "Đang là hộ nghèo"
        NEAR_POOR = "dang_can_ngheo", "Đang là hộ cận nghèo"
        APPLIED = "dang_ky", "Hộ có giấy đề nghị rà soát"
        FLAGGED = "du_lieu", "Dữ liệu thay đổi (người mất, thêm thành viên, thôi hưởng trợ cấp)"

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="entries", db_index=False)
    household = models.ForeignKey("registry.Household", on_delete=models.PROTECT, related_name="+", db_index=False)
    listed_because = models.CharField("lý do đưa vào danh sách", max_length=16, choices=Listed.choices)
    listed_note = models.CharField("ghi chú", max_length=300, blank=True)
    area = models.CharField("khu vực", max_length=12)
    persons = models.PositiveSmallIntegerField("số nhân khẩu", default=0)
    ethnic_group = models.CharField("dân tộc của chủ hộ", max_length=60, blank=True)
    income = models.BigIntegerField("thu nhập bình quân (đồng/người/tháng)", null=True, blank=True)
    deprivation_mask = models.PositiveIntegerField("chỉ số thiếu hụt (bit theo thứ tự chỉ số)", default=0)
    deprivations = models.PositiveSmallIntegerField("số chỉ số thiếu hụt", null=True, blank=True)
    surveyed_on = models.DateField("ngày khảo sát", null=True, blank=True)
    surveyed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    income_method = models.CharField("cách xác định thu nhập", max_length=12, blank=True,
                                     help_text="thu_nhap: nhập thu nhập đã tính; bang_diem: ước tính theo bảng điểm")
    income_score = models.IntegerField("điểm thu nhập ước tính", null=True, blank=True)
    score_answers = models.JSONField("trả lời phiếu chấm điểm", default=dict, blank=True)
    proposed_class = models.CharField("phân loại theo chuẩn", max_length=12, choices=CLASS_CHOICES, blank=True)
    meeting_class = models.CharField("kết quả họp dân", max_length=12, choices=CLASS_CHOICES, blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("round_id", "id")
        verbose_name = "hộ trong đợt rà soát"
        verbose_name_plural = "hộ trong đợt rà soát"
        constraints = [models.UniqueConstraint(fields=["round", "household"], name="poverty_entry_uniq")]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.household_id}"

    @property
    def result(self) -> str:
        return self.meeting_class or self.proposed_class


class Complaint(models.Model):
    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="complaints")
    entry = models.ForeignKey(ReviewEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints")
    received_on = models.DateField("ngày nhận")
    complainant = models.CharField("người khiếu nại", max_length=200)
    content = models.TextField("nội dung")
    resolution = models.TextField("kết quả giải quyết", blank=True)
    resolved_on = models.DateField("ngày giải quyết", null=True, blank=True)
    resolved_class = models.CharField("phân loại sau giải quyết", max_length=12, choices=CLASS_CHOICES, blank=True)

    class Meta:
        ordering = ("round_id", "received_on", "id")
        verbose_name = "khiếu nại"
        verbose_name_plural = "khiếu nại"

    def __str__(self) -> str:
        return f"Khiếu nại {self.pk}"


class HouseholdStatus(models.Model):
    """A recognised class for a household in a year under a standard (the history; never overwritten)."""

    household = models.ForeignKey("registry.Household", on_delete=models.PROTECT, related_name="+", db_index=False)
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    year = models.PositiveSmallIntegerField("năm")
    standard = models.ForeignKey("poverty.Standard", on_delete=models.PROTECT, related_name="+")
    klass = models.CharField("phân loại", max_length=12, choices=CLASS_CHOICES)
    previous = models.CharField("phân loại năm trước", max_length=12, choices=CLASS_CHOICES, blank=True)
    persons = models.PositiveSmallIntegerField("số nhân khẩu", default=0)
    ethnic_group = models.CharField("dân tộc của chủ hộ", max_length=60, blank=True)
    deprivation_mask = models.PositiveIntegerField("chỉ số thiếu hụt", default=0)
    valid_from = models.DateField("hiệu lực từ")
    round = models.ForeignKey(ReviewRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="statuses", db_index=False)

    class Meta:
        ordering = ("household_id", "year")
        verbose_name = "kết quả công nhận"
        verbose_name_plural = "kết quả công nhận"
        constraints = [models.UniqueConstraint(fields=["household", "year", "standard"], name="poverty_status_uniq")]
        indexes = [models.Index(fields=["province_code", "year", "standard", "commune"], name="poverty_status_sum_idx")]

    def __str__(self) -> str:
        return f"{self.household_id} {self.year} {self.klass}"


class CommuneSummary(models.Model):
    """A commune's summary for a year and standard, written when its lists are recognised (step 4).

    The province's tables add these rows up (one row per commune), so they cost the same whatever the
    number of households; ``summary.summarise`` computes the same figures from ``HouseholdStatus``.
    """

    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    year = models.PositiveSmallIntegerField("năm")
    standard = models.ForeignKey("poverty.Standard", on_delete=models.PROTECT, related_name="+")
    figures = models.JSONField("số liệu (hộ, nhân khẩu, nghèo, cận nghèo, phát sinh, thoát)")
    deprivation = models.JSONField("số hộ thiếu hụt theo vị trí chỉ số", default=dict)
    ethnic = models.JSONField("theo dân tộc của chủ hộ", default=dict)
    computed_at = models.DateTimeField("thời điểm tính", auto_now=True)

    class Meta:
        verbose_name = "tổng hợp kết quả rà soát của xã"
        verbose_name_plural = "tổng hợp kết quả rà soát của xã"
        constraints = [models.UniqueConstraint(fields=["province_code", "year", "standard", "commune"], name="poverty_commune_summary_uniq")]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.year}"
