"""A stored daily snapshot of the data-quality figures per commune (the board's trends)."""

from __future__ import annotations

from django.db import models


class QualitySnapshot(models.Model):
    day = models.DateField("ngày")
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    persons = models.PositiveIntegerField("nhân khẩu")
    wrong = models.PositiveIntegerField("sai số định danh hoặc ngày sinh")
    incomplete = models.PositiveIntegerField("thiếu thông tin")
    open_pairs = models.PositiveIntegerField("cặp nghi trùng chờ xem xét")
    stale = models.PositiveIntegerField("lâu chưa cập nhật")
    deaths = models.PositiveIntegerField("đã mất")
    dead_paid = models.PositiveIntegerField("đã mất còn hưởng")
    aged75_unpaid = models.PositiveIntegerField("từ 75 tuổi chưa hưởng hưu trí xã hội", null=True)
    poor_uninsured = models.PositiveIntegerField("thành viên hộ nghèo thiếu hụt BHYT", null=True)

    class Meta:
        ordering = ("day", "commune_id")
        verbose_name = "số liệu chất lượng dữ liệu theo ngày"
        verbose_name_plural = "số liệu chất lượng dữ liệu theo ngày"
        constraints = [models.UniqueConstraint(fields=["commune", "day"], name="registry_quality_snapshot_uniq")]
        indexes = [models.Index(fields=["province_code", "day"], name="registry_quality_prov_day_idx")]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.day}"
