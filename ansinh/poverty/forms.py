"""Forms of the review pages; the survey form is laid out for a phone (one column, big targets)."""

from __future__ import annotations

from typing import Any

from django import forms

from ansinh.lib.vnnumbers import parse_vn
from ansinh.poverty.models import Standard

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": f"Hãy nhập {label.lower()}.", "invalid": f"{label}: ngày không hợp lệ (ngày/tháng/năm)."},
    )


class SurveyForm(forms.Form):
    income = forms.CharField(
        label="Thu nhập bình quân (đồng/người/tháng)", max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "Hãy nhập thu nhập bình quân đầu người."},
    )
    surveyed_on = date_field("Ngày khảo sát")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, standard: Standard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = list(standard.indicators.all())
        for indicator in self.indicators:
            note = "" if indicator.verified else " (ngưỡng chưa xác minh)"
            self.fields[f"chi_so_{indicator.code}"] = forms.BooleanField(
                label=indicator.name, required=False, help_text=f"Thiếu hụt khi {indicator.deprived_if}{note}."
            )

    def clean_income(self) -> int:
        value = parse_vn(self.cleaned_data["income"], grouping=True)
        if value is None:
            raise forms.ValidationError("Thu nhập phải là một số (ví dụ 1.450.000).")
        if value < 0:
            raise forms.ValidationError("Thu nhập không được âm.")
        return int(-(-value // 1))

    def flags(self) -> list[str]:
        return [i.code for i in self.indicators if self.cleaned_data.get(f"chi_so_{i.code}")]

    def indicator_fields(self) -> list[forms.BoundField]:
        return [self[f"chi_so_{i.code}"] for i in self.indicators]


class StartForm(forms.Form):
    year = forms.IntegerField(label="Năm rà soát", min_value=2016, max_value=2030, error_messages={"required": "Hãy nhập năm rà soát."})


class ApplicantForm(forms.Form):
    code = forms.CharField(label="Mã hộ", max_length=40, error_messages={"required": "Hãy nhập mã hộ."})
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)


class MeetingForm(forms.Form):
    meeting_date = date_field("Ngày họp dân")
    minutes = forms.CharField(label="Tóm tắt biên bản họp dân", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": "Hãy tóm tắt biên bản họp dân."})


class PostingForm(forms.Form):
    start = date_field("Niêm yết từ ngày")
    end = date_field("Niêm yết đến ngày")
    place = forms.CharField(label="Nơi niêm yết", max_length=300, error_messages={"required": "Hãy ghi nơi niêm yết."})


class ComplaintForm(forms.Form):
    household = forms.CharField(label="Mã hộ (nếu khiếu nại về một hộ)", max_length=40, required=False)
    received_on = date_field("Ngày nhận")
    complainant = forms.CharField(label="Người khiếu nại", max_length=200, error_messages={"required": "Hãy ghi người khiếu nại."})
    content = forms.CharField(label="Nội dung", max_length=4000, widget=forms.Textarea(attrs={"rows": 2}),
                              error_messages={"required": "Hãy ghi nội dung khiếu nại."})


class ResolveForm(forms.Form):
    resolution = forms.CharField(label="Kết quả giải quyết", max_length=4000, error_messages={"required": "Hãy ghi kết quả giải quyết."})
    resolved_on = date_field("Ngày giải quyết")
    resolved_class = forms.ChoiceField(
        label="Phân loại sau giải quyết", required=False,
        choices=[("", "Giữ nguyên"), ("ngheo", "Hộ nghèo"), ("can_ngheo", "Hộ cận nghèo"), ("trung_binh", "Hộ có mức sống trung bình"), ("khong", "Không thuộc diện")],
    )


class RecogniseForm(forms.Form):
    decided_on = date_field("Ngày quyết định công nhận")
    decision_number = forms.CharField(label="Số quyết định", max_length=60, error_messages={"required": "Hãy ghi số quyết định."})
