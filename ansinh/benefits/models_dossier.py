"""Who decides and how long it may take (data with effective dates), dossiers and decisions.

``Authority`` and ``ProcessingTime`` ship in ``data/programmes.json`` like base levels. A ``Dossier``
is an application of a person for a programme, due a number of working days after it was received
(``reporting/data/holidays.csv``); ``DocumentRequirement`` (data, per programme) is its checklist and
``DossierAttachment`` the files handed in; a ``Decision`` grants or refuses it. Pages: ``views_dossier``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from ansinh.core.models import LegalDatum


class Authority(LegalDatum):
    programme = models.ForeignKey("benefits.Programme", on_delete=models.CASCADE, related_name="authorities")
    role = models.CharField("người có thẩm quyền quyết định", max_length=200)
    decider_role = models.CharField(
        "vai trò ký quyết định trong hệ thống", max_length=20, blank=True,
        help_text="trống: cán bộ xã ghi lại quyết định giấy; «chairman»: Chủ tịch UBND xã, phường tự quyết định trên hệ thống",
    )

    class Meta:
        ordering = ("programme_id", "valid_from")
        verbose_name = "thẩm quyền quyết định"
        verbose_name_plural = "thẩm quyền quyết định"

    def __str__(self) -> str:
        return self.role


class ProcessingTime(LegalDatum):
    programme = models.ForeignKey("benefits.Programme", on_delete=models.CASCADE, related_name="processing_times")
    working_days = models.PositiveSmallIntegerField("thời hạn giải quyết (ngày làm việc)")

    class Meta:
        ordering = ("programme_id", "valid_from")
        verbose_name = "thời hạn giải quyết hồ sơ"
        verbose_name_plural = "thời hạn giải quyết hồ sơ"

    def __str__(self) -> str:
        return f"{self.programme_id}: {self.working_days} ngày làm việc"


class Dossier(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "da_nhan", "Đã tiếp nhận"
        SUBMITTED = "da_trinh", "Đã trình người có thẩm quyền"
        DECIDED = "da_quyet_dinh", "Đã quyết định hưởng"
        REFUSED = "tu_choi", "Không đủ điều kiện"

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    programme = models.ForeignKey("benefits.Programme", on_delete=models.PROTECT, related_name="dossiers")
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    received_on = models.DateField("ngày tiếp nhận")
    due_on = models.DateField("hạn giải quyết", null=True, blank=True)
    processing_time = models.ForeignKey(ProcessingTime, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField("trạng thái", max_length=16, choices=Status.choices, default=Status.RECEIVED)
    version = models.PositiveIntegerField("phiên bản", default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        ordering = ("-received_on", "-id")
        verbose_name = "hồ sơ đề nghị hưởng trợ cấp"
        verbose_name_plural = "hồ sơ đề nghị hưởng trợ cấp"
        indexes = [models.Index(fields=["commune", "status", "due_on"], name="benefits_dossier_queue_idx")]

    def __str__(self) -> str:
        return f"{self.programme_id} / {self.person_id} ({self.received_on})"


class Decision(models.Model):
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="decision")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    programme = models.ForeignKey("benefits.Programme", on_delete=models.PROTECT, related_name="decisions")
    granted = models.BooleanField("cho hưởng")
    category_code = models.CharField("mã đối tượng", max_length=40, blank=True)
    conditions = models.JSONField("điều kiện đã xác nhận", default=list, blank=True)
    number = models.CharField("số quyết định", max_length=60)
    signed_on = models.DateField("ngày ký")
    effective_from = models.DateField("hưởng từ tháng", null=True, blank=True)
    ends_on = models.DateField("thôi hưởng từ tháng", null=True, blank=True)
    authority = models.ForeignKey(Authority, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("lý do (khi không cho hưởng)", max_length=400, blank=True)
    province_code = models.CharField("mã tỉnh", max_length=4)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        ordering = ("-signed_on", "-id")
        verbose_name = "quyết định"
        verbose_name_plural = "quyết định"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "programme", "category_code"], condition=Q(granted=True, ends_on__isnull=True),
                name="benefits_one_active_decision_uniq",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on})"


class DocumentRequirement(models.Model):
    """One line of a programme's document checklist (``documents`` in ``data/programmes.json``)."""

    programme = models.ForeignKey("benefits.Programme", on_delete=models.CASCADE, related_name="documents")
    code = models.CharField("mã giấy tờ", max_length=40)
    name = models.CharField("giấy tờ", max_length=300)
    required = models.BooleanField("bắt buộc", default=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)

    class Meta:
        ordering = ("programme_id", "position")
        verbose_name = "giấy tờ trong hồ sơ"
        verbose_name_plural = "giấy tờ trong hồ sơ"
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="benefits_document_uniq")]

    def __str__(self) -> str:
        return self.name


def attachment_path(instance: DossierAttachment, filename: str) -> str:
    return f"benefits/{instance.dossier.province_code}/{instance.dossier_id}/{filename}"


class DossierAttachment(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    document_code = models.CharField("mã giấy tờ", max_length=40)
    file = models.FileField("tệp", upload_to=attachment_path, max_length=300)
    name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField("ngày tải lên", auto_now_add=True)

    class Meta:
        ordering = ("uploaded_at", "id")
        verbose_name = "tệp đính kèm hồ sơ"
        verbose_name_plural = "tệp đính kèm hồ sơ"

    def __str__(self) -> str:
        return self.name
