"""A source document as received, and the text every extracted item points into."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SourceDocument(models.Model):
    """One uploaded or imported file; ``text`` is the normalised text spans refer to.

    Only documents that were read and extracted are stored: a failed import stores nothing.
    """

    slug = models.SlugField("mã văn bản", max_length=120)
    filename = models.CharField("tên tệp", max_length=255)
    media_type = models.CharField("định dạng", max_length=100)
    sha256 = models.CharField("mã băm SHA-256", max_length=64, db_index=True)
    # The same document in another format (.txt, .docx) has other bytes but the same words.
    text_key = models.CharField("mã băm nội dung chữ", max_length=64, blank=True, db_index=True)
    size_bytes = models.PositiveBigIntegerField("dung lượng (byte)")
    text = models.TextField("văn bản gốc")
    restored_text = models.TextField("văn bản đã khôi phục dấu", blank=True)
    ocr_used = models.BooleanField("đã nhận dạng ký tự (OCR)", default=False)
    # What the reader said of pages it could not read or read again ("Trang 3: không đọc được chữ."), shown to the
    # reviewer beside the source so that a missing page is not taken for a plan without that part.
    read_warnings = models.JSONField("cảnh báo khi đọc tệp", default=list, blank=True)
    extraction = models.JSONField("kết quả trích xuất", default=dict)
    uploaded_at = models.DateTimeField("thời điểm nhập", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhập", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "văn bản nguồn"
        verbose_name_plural = "văn bản nguồn"

    def __str__(self) -> str:
        return self.filename

    def excerpt(self, start: int | None, end: int | None, context: int = 200) -> tuple[str, str, str]:
        """The text before, inside and after a span, for highlighting it in context."""
        if start is None or end is None or not (0 <= start <= end <= len(self.text)):
            return "", "", ""
        lo = max(0, start - context)
        hi = min(len(self.text), end + context)
        return self.text[lo:start], self.text[start:end], self.text[end:hi]


class ImportJob(models.Model):
    """One upload being read in the background (OCR can take minutes); the page polls it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ"
        RUNNING = "running", "Đang xử lý"
        DONE = "done", "Đã xong"
        FAILED = "failed", "Không nhập được"

    filename = models.CharField("tên tệp", max_length=255)
    status = models.CharField("trạng thái", max_length=20, choices=Status.choices, default=Status.PENDING)
    done = models.PositiveIntegerField("đã xử lý (trang)", default=0)
    total = models.PositiveIntegerField("tổng số (trang)", default=0)
    message = models.TextField("thông báo", blank=True)
    plan = models.ForeignKey(
        "plans.Plan", verbose_name="kế hoạch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = "lượt nhập văn bản"
        verbose_name_plural = "lượt nhập văn bản"

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0
