"""Change requests: the only way identity fields and memberships change.

draft → submitted → approved (and applied in the same transaction) or rejected, by a second
person. ``before``/``after`` keep the values; ``effective_date`` dates the new membership rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ChangeKind(models.TextChoices):
    ADD_MEMBER = "add_member", "Thêm thành viên vào hộ"
    REMOVE_MEMBER = "remove_member", "Xóa thành viên khỏi hộ"
    MOVE_PERSON = "move_person", "Chuyển nhân khẩu sang hộ khác"
    MOVE_HOUSEHOLD = "move_household", "Chuyển hộ (địa chỉ, xã phường)"
    SPLIT_HOUSEHOLD = "split_household", "Tách hộ"
    MERGE_HOUSEHOLDS = "merge_households", "Nhập hộ"
    CORRECT_PERSON = "correct_person", "Đính chính thông tin nhân khẩu"
    RECORD_DEATH = "record_death", "Ghi nhận người đã mất"


class ChangeStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    SUBMITTED = "submitted", "Chờ duyệt"
    APPLIED = "applied", "Đã duyệt và áp dụng"
    REJECTED = "rejected", "Bị từ chối"


class ChangeRequest(models.Model):
    """One requested change to the registry, with its values before and after."""

    kind = models.CharField("loại thay đổi", max_length=20, choices=ChangeKind.choices)
    status = models.CharField("trạng thái", max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.DRAFT)
    commune = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name="xã, phường", on_delete=models.PROTECT, related_name="registry_changes"
    )
    province_code = models.CharField("mã tỉnh", max_length=4, db_index=True)
    person = models.ForeignKey(
        "registry.Person", verbose_name="nhân khẩu", null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    household = models.ForeignKey(
        "registry.Household", verbose_name="hộ gia đình", null=True, blank=True, on_delete=models.CASCADE,
        related_name="changes",
    )
    target_household = models.ForeignKey(
        "registry.Household", verbose_name="hộ nhận", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    payload = models.JSONField("nội dung thay đổi", default=dict, blank=True)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)
    effective_date = models.DateField("ngày có hiệu lực")
    reason = models.CharField("lý do", max_length=500, blank=True)
    source = models.CharField("nguồn", max_length=40, blank=True, help_text="«import» khi do nhập tệp tạo ra")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày lập", auto_now_add=True)
    submitted_at = models.DateTimeField("ngày gửi", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người duyệt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("ngày duyệt", null=True, blank=True)
    decision_note = models.CharField("ghi chú khi duyệt", max_length=500, blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = "yêu cầu thay đổi"
        verbose_name_plural = "yêu cầu thay đổi"
        indexes = [models.Index(fields=["commune", "status"], name="registry_change_queue_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
