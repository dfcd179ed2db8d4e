"""Stored entitlements, arrears, payment lists and lines, and the accounts payments go to.

- ``Basis``: one explained way of computing an amount (programme, category, coefficient, base level,
  legal sources, verified), shared by every month computed the same way; kept when the programme data
  is reloaded, so an old amount stays explainable.
- ``EntitlementMonth``: what one decision pays one person for one month (``rules.py``, "only the
  highest" applied across the person's decisions); recomputed when a base level changes.
- ``Adjustment``: the difference found when a month already on an approved list is recomputed —
  arrears (truy lĩnh, paid with the next list) or an overpayment (thu hồi, listed for recovery).
- ``BankAccount``: how a person receives money (bank account, e-wallet, post office); every change is
  requested by one officer and approved by another; payments use only the approved one.
- ``PaymentList`` / ``PaymentLine``: a commune's list for a month and channel, approved by a second
  person, exported to a bank file, reconciled from the provider's result file.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Channel(models.TextChoices):
    BANK = "tai_khoan", "Tài khoản ngân hàng"
    WALLET = "vi_dien_tu", "Ví điện tử"
    POST = "buu_dien", "Bưu điện"
    CASH = "tien_mat", "Tiền mặt tại xã"


CASHLESS = (Channel.BANK, Channel.WALLET)


class Basis(models.Model):
    programme = models.ForeignKey("benefits.Programme", on_delete=models.PROTECT, related_name="+")
    category_code = models.CharField("mã đối tượng", max_length=40)
    category_name = models.CharField("đối tượng", max_length=400)
    coefficient = models.DecimalField("hệ số", max_digits=6, decimal_places=2, null=True, blank=True)
    base_level = models.BigIntegerField("mức chuẩn", null=True, blank=True)
    base_source = models.CharField("căn cứ mức chuẩn", max_length=300, blank=True)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)
    amount = models.BigIntegerField("số tiền")
    text = models.TextField("giải thích")
    key = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "cách tính mức hưởng"
        verbose_name_plural = "cách tính mức hưởng"

    def __str__(self) -> str:
        return self.text


class EntitlementMonth(models.Model):
    class Status(models.TextChoices):
        PAID = "huong", "Được hưởng"
        ASIDE = "khong_cong", "Không cộng (chỉ hưởng mức cao nhất)"
        NONE = "khong_huong", "Không hưởng trong tháng"

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    decision = models.ForeignKey("benefits.Decision", on_delete=models.PROTECT, related_name="months", db_index=False)
    programme = models.ForeignKey("benefits.Programme", on_delete=models.PROTECT, related_name="+", db_index=False)
    month = models.DateField("tháng")
    amount = models.BigIntegerField("số tiền (đồng)", default=0)
    status = models.CharField("tình trạng", max_length=12, choices=Status.choices, default=Status.PAID)
    basis = models.ForeignKey(Basis, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False)
    note = models.CharField("ghi chú", max_length=400, blank=True)
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    computed_at = models.DateTimeField("thời điểm tính")

    class Meta:
        ordering = ("month", "id")
        verbose_name = "mức hưởng theo tháng"
        verbose_name_plural = "mức hưởng theo tháng"
        constraints = [models.UniqueConstraint(fields=["decision", "month"], name="benefits_entitlement_month_uniq")]
        indexes = [
            models.Index(fields=["commune", "month"], name="benefits_ent_commune_idx"),
            models.Index(fields=["person", "month"], name="benefits_ent_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%m/%Y}: {self.amount}"


class Adjustment(models.Model):
    class Kind(models.TextChoices):
        ARREARS = "truy_linh", "Truy lĩnh (chi bổ sung)"
        OVERPAYMENT = "thu_hoi", "Chi thừa (thu hồi)"

    class Status(models.TextChoices):
        OPEN = "mo", "Chưa xử lý"
        LISTED = "da_dua_vao_ds", "Đã đưa vào danh sách chi trả"
        SETTLED = "da_xu_ly", "Đã xử lý"

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    decision = models.ForeignKey("benefits.Decision", on_delete=models.PROTECT, related_name="adjustments")
    month = models.DateField("tháng được tính lại")
    previous_amount = models.BigIntegerField("số tiền trước")
    new_amount = models.BigIntegerField("số tiền sau khi tính lại")
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    status = models.CharField("tình trạng", max_length=16, choices=Status.choices, default=Status.OPEN)
    reason = models.CharField("lý do", max_length=400)
    payment_line = models.ForeignKey("benefits.PaymentLine", null=True, blank=True, on_delete=models.SET_NULL, related_name="adjustments")
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        ordering = ("month", "id")
        verbose_name = "truy lĩnh / chi thừa"
        verbose_name_plural = "truy lĩnh / chi thừa"
        indexes = [models.Index(fields=["commune", "status"], name="benefits_adj_commune_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.month:%m/%Y}: {self.difference}"

    @property
    def difference(self) -> int:
        return self.new_amount - self.previous_amount


class BankAccount(models.Model):
    class Status(models.TextChoices):
        PENDING = "cho_duyet", "Chờ duyệt"
        APPROVED = "da_duyet", "Đang dùng"
        REJECTED = "tu_choi", "Không duyệt"
        REPLACED = "da_thay", "Đã thay bằng tài khoản khác"

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    channel = models.CharField("hình thức nhận", max_length=12, choices=Channel.choices)
    provider = models.CharField("ngân hàng / ví / bưu cục", max_length=120, blank=True)
    account_number = models.CharField("số tài khoản", max_length=40, blank=True)
    holder_name = models.CharField("chủ tài khoản", max_length=200, blank=True)
    status = models.CharField("tình trạng", max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField("lý do thay đổi", max_length=300, blank=True)
    decision_note = models.CharField("ý kiến người duyệt", max_length=300, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField("ngày đề nghị", auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField("ngày duyệt", null=True, blank=True)
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("-requested_at", "-id")
        verbose_name = "tài khoản nhận trợ cấp"
        verbose_name_plural = "tài khoản nhận trợ cấp"
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=Q(status="da_duyet"), name="benefits_one_approved_account_uniq"),
            models.UniqueConstraint(fields=["person"], condition=Q(status="cho_duyet"), name="benefits_one_pending_account_uniq"),
        ]
        indexes = [models.Index(fields=["commune", "status"], name="benefits_account_commune_idx")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.provider} {self.masked()}".strip()

    @property
    def cashless(self) -> bool:
        return self.channel in CASHLESS

    def masked(self) -> str:
        number = self.account_number
        return ("•" * max(len(number) - 4, 0) + number[-4:]) if number else ""


class PaymentList(models.Model):
    class Status(models.TextChoices):
        DRAFT = "nhap", "Đang lập"
        APPROVED = "da_duyet", "Đã duyệt"
        EXPORTED = "da_xuat", "Đã xuất tệp chi trả"
        RECONCILED = "da_doi_soat", "Đã đối soát"

    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    province_code = models.CharField("mã tỉnh", max_length=4)
    month = models.DateField("tháng chi trả")
    channel = models.CharField("hình thức chi trả", max_length=12, choices=Channel.choices)
    sequence = models.PositiveSmallIntegerField("đợt", default=1)
    status = models.CharField("trạng thái", max_length=12, choices=Status.choices, default=Status.DRAFT)
    total = models.BigIntegerField("tổng tiền (đồng)", default=0)
    lines_count = models.PositiveIntegerField("số người", default=0)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    prepared_at = models.DateTimeField("ngày lập")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField("ngày duyệt", null=True, blank=True)
    exported_at = models.DateTimeField("ngày xuất tệp", null=True, blank=True)
    reconciled_at = models.DateTimeField("ngày đối soát", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        ordering = ("-month", "channel", "sequence")
        verbose_name = "danh sách chi trả"
        verbose_name_plural = "danh sách chi trả"
        constraints = [
            models.UniqueConstraint(fields=["commune", "month", "channel", "sequence"], name="benefits_payment_list_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.month:%m/%Y} (đợt {self.sequence})"

    @property
    def cashless(self) -> bool:
        return self.channel in CASHLESS


class PaymentLine(models.Model):
    class Status(models.TextChoices):
        PENDING = "cho_chi", "Chờ chi trả"
        EXPORTED = "da_xuat", "Đã gửi đơn vị chi trả"
        PAID = "da_chi", "Đã chi trả"
        FAILED = "that_bai", "Chi trả không thành công"
        RETRIED = "chi_lai", "Đã đưa vào đợt chi lại"
        TO_CASH = "chuyen_tien_mat", "Đã chuyển sang chi tiền mặt"
        SKIPPED = "khong_chi", "Không chi trả"

    payment_list = models.ForeignKey(PaymentList, on_delete=models.CASCADE, related_name="lines", db_index=False)
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    month = models.DateField("tháng chi trả")
    commune = models.ForeignKey("geo.AdministrativeUnit", on_delete=models.PROTECT, related_name="+", db_index=False)
    channel = models.CharField("hình thức chi trả", max_length=12, choices=Channel.choices)
    reference = models.CharField("mã tham chiếu", max_length=24, unique=True)
    regular = models.BigIntegerField("trợ cấp tháng (đồng)", default=0)
    arrears = models.BigIntegerField("truy lĩnh (đồng)", default=0)
    amount = models.BigIntegerField("số tiền chi (đồng)")
    bank_account = models.ForeignKey(BankAccount, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False)
    account_number = models.CharField("số tài khoản", max_length=40, blank=True)
    account_name = models.CharField("tên người nhận", max_length=200)
    provider = models.CharField("ngân hàng / ví / bưu cục", max_length=120, blank=True)
    status = models.CharField("trạng thái", max_length=16, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField("lý do", max_length=300, blank=True)
    paid_on = models.DateField("ngày chi", null=True, blank=True)
    retry_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False)

    class Meta:
        ordering = ("payment_list_id", "id")
        verbose_name = "dòng chi trả"
        verbose_name_plural = "dòng chi trả"
        indexes = [
            models.Index(fields=["payment_list", "id"], name="benefits_line_list_idx"),
            models.Index(fields=["commune", "month"], name="benefits_line_commune_idx"),
            models.Index(fields=["person", "month"], name="benefits_line_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount}"

    @property
    def cashless(self) -> bool:
        return self.channel in CASHLESS
