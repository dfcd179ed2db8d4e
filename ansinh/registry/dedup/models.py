"""Candidate duplicate pairs, the decisions on them, and person merges (kept, undoable).

``DuplicatePair`` holds one pair (``person_a.id < person_b.id``) with Splink's match probability and
each comparison's match weight; ``status`` is open, same (merged) or different (never proposed
again). ``PersonMerge`` records a merge: the surviving and the absorbed person are both kept; the
absorbed one is marked deleted with the survivor in the reason, and undoing restores it. A gate
override (``GateOverride``) records a manager letting a likely duplicate in, with the reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PairStatus(models.TextChoices):
    OPEN = "open", "Chờ xem xét"
    SAME = "same", "Cùng một người (đã gộp)"
    DIFFERENT = "different", "Hai người khác nhau"


class DuplicatePair(models.Model):
    person_a = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+", verbose_name="nhân khẩu A")
    person_b = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="+", verbose_name="nhân khẩu B", db_index=False
    )
    province_code = models.CharField("mã tỉnh", max_length=4)
    commune = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name="xã, phường (của A)", on_delete=models.PROTECT, related_name="+",
        db_index=False,
    )
    match_probability = models.FloatField("xác suất trùng")
    match_weight = models.FloatField("trọng số khớp")
    weights = models.JSONField("trọng số từng phép so sánh", default=dict)
    status = models.CharField("trạng thái", max_length=10, choices=PairStatus.choices, default=PairStatus.OPEN)
    found_at = models.DateTimeField("lần tìm thấy gần nhất")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="người quyết định",
    )
    decided_at = models.DateTimeField("ngày quyết định", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("-match_probability", "id")
        verbose_name = "cặp nghi trùng"
        verbose_name_plural = "cặp nghi trùng"
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="registry_dup_pair_uniq"),
            models.CheckConstraint(condition=models.Q(person_a__lt=models.F("person_b")), name="registry_dup_pair_order_ck"),
        ]
        indexes = [models.Index(fields=["commune", "status"], name="registry_dup_queue_idx")]

    def __str__(self) -> str:
        return f"{self.person_a_id} ~ {self.person_b_id} ({self.match_probability:.3f})"


class PersonMerge(models.Model):
    pair = models.ForeignKey(DuplicatePair, on_delete=models.PROTECT, related_name="merges", verbose_name="cặp")
    survivor = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", verbose_name="bản ghi giữ lại")
    absorbed = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", verbose_name="bản ghi gộp vào")
    absorbed_before = models.JSONField("trạng thái trước khi gộp", default=dict)
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField("ngày gộp", auto_now_add=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    undone_at = models.DateTimeField("ngày hoàn tác", null=True, blank=True)

    class Meta:
        ordering = ("-merged_at", "-id")
        verbose_name = "lần gộp nhân khẩu"
        verbose_name_plural = "lần gộp nhân khẩu"

    def __str__(self) -> str:
        return f"{self.absorbed_id} → {self.survivor_id}"


class GateOverride(models.Model):
    """A manager let a person in although the gate found a likely duplicate (reason kept)."""

    person = models.ForeignKey("registry.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    candidate = models.ForeignKey("registry.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    match_probability = models.FloatField("xác suất trùng")
    reason = models.CharField("lý do", max_length=500)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cho phép nhập dù nghi trùng"
        verbose_name_plural = "cho phép nhập dù nghi trùng"
        permissions = [("override_gate", "Cho phép thêm nhân khẩu dù hệ thống nghi là trùng (ghi lý do)")]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.reason[:40]})"
