"""The filter form of the approval queue: every field optional, each bad value named in Vietnamese."""

from __future__ import annotations

from typing import Any

from django import forms

from ansinh.reporting.models import Submission

ALL = "tat-ca"
STATUS_CHOICES = [("", "Chờ phê duyệt (đã gửi)"), (ALL, "Mọi trạng thái"), *Submission.Status.choices]


class QueueFilterForm(forms.Form):
    """GET filters: plan, cycle, status (default: sent, waiting), unit code, late only, free text."""

    ke_hoach = forms.TypedChoiceField(
        label="Kế hoạch",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Kế hoạch đã chọn không có trong danh sách."},
    )
    ky = forms.TypedChoiceField(
        label="Kỳ báo cáo",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Kỳ báo cáo đã chọn không có trong danh sách."},
    )
    trang_thai = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=STATUS_CHOICES,
        error_messages={"invalid_choice": "Trạng thái «%(value)s» không có; hãy chọn trong danh sách."},
    )
    don_vi = forms.RegexField(
        label="Mã đơn vị",
        required=False,
        regex=r"^\s*[0-9A-Za-z]{1,16}\s*$",
        error_messages={"invalid": "Mã đơn vị chỉ gồm chữ số hoặc chữ cái (tối đa 16 ký tự), ví dụ 26740."},
    )
    tre_han = forms.BooleanField(label="Chỉ báo cáo nộp muộn hoặc quá hạn", required=False)
    q = forms.CharField(
        label="Tìm theo tên đơn vị hoặc kế hoạch (gõ có dấu hay không dấu đều được)",
        required=False,
        max_length=100,
        error_messages={"max_length": "Từ khóa tìm kiếm dài quá %(limit_value)d ký tự."},
    )

    def __init__(
        self, *args: Any, plans: list[tuple[int, str]], cycles: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, first, choices in (("ke_hoach", "Mọi kế hoạch", plans), ("ky", "Mọi kỳ báo cáo", cycles)):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = [("", first), *choices]

    def status(self) -> str | None:
        """The status asked for; by default the reports sent and waiting for approval."""
        value = self.cleaned_data.get("trang_thai") or Submission.Status.SUBMITTED
        return None if value == ALL else str(value)
