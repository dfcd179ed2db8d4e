"""Review forms: validate one extracted item with Vietnamese messages next to each field.

Forms only validate; saving goes through the audited actions in ``plans.review``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from ansinh.plans.models import Comparator, Plan, ReportingDuty

YEAR_MIN, YEAR_MAX = 1990, 2100
YEAR_MESSAGE = f"Năm phải nằm trong khoảng {YEAR_MIN}–{YEAR_MAX}."
NUMBER_MESSAGE = "Hãy nhập một số, dùng dấu phẩy cho phần thập phân (ví dụ 1,5)."
INT_MESSAGE = "Hãy nhập một số nguyên."
COMPARATOR_MESSAGE = "Cách so sánh «%(value)s» không có trong danh sách; hãy chọn một mục trong danh sách."
CHOICE_MESSAGE = "Giá trị «%(value)s» không có trong danh sách; hãy chọn một mục trong danh sách."


def year_field(label: str, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        validators=[MinValueValidator(YEAR_MIN, YEAR_MESSAGE), MaxValueValidator(YEAR_MAX, YEAR_MESSAGE)],
        error_messages={"invalid": "Năm phải là số có bốn chữ số, ví dụ 2025.", "required": "Hãy nhập năm."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )


def number_field(label: str, help_text: str = "") -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=False,
        localize=True,
        help_text=help_text,
        error_messages={"invalid": NUMBER_MESSAGE},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 10}),
    )


def text_field(label: str, max_length: int, required: bool = False, message: str = "", rows: int = 0) -> forms.CharField:
    widget: forms.Widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        max_length=max_length or None,
        required=required,
        widget=widget,
        error_messages={
            "required": message or f"Hãy nhập {label.lower()}.",
            "max_length": f"{label} dài quá, tối đa %(limit_value)d ký tự (hiện có %(show_value)d).",
        },
    )


def lines_field(label: str, help_text: str = "Mỗi dòng một đơn vị.") -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs={"rows": 2}))


def split_lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def comparator_field(label: str = "So sánh") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", "—"), *Comparator.choices],
        error_messages={"invalid_choice": COMPARATOR_MESSAGE},
    )


def span_field(label: str) -> forms.IntegerField:
    """An optional character offset into the source text."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        error_messages={"invalid": INT_MESSAGE, "min_value": "Vị trí không được âm."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )


class ReviewForm(forms.Form):
    """Base: optional source span checked against the source text's length."""

    source_start = span_field("Vị trí bắt đầu trong văn bản")
    source_end = span_field("Vị trí kết thúc trong văn bản")
    line_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, text_length: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text_length = text_length
        self.order_fields([name for name in self.fields if not name.startswith("source_")])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("source_start"), data.get("source_end")
        if (start is None) != (end is None):
            self.add_error("source_end", "Hãy nhập cả vị trí bắt đầu và vị trí kết thúc, hoặc để trống cả hai.")
        elif start is not None and end is not None:
            if end <= start:
                self.add_error("source_end", "Vị trí kết thúc phải lớn hơn vị trí bắt đầu.")
            elif end > self.text_length:
                self.add_error("source_end", f"Vị trí vượt quá độ dài văn bản nguồn ({self.text_length} ký tự).")
        return data

    def fields_for_action(self) -> dict[str, Any]:
        """Cleaned values for model fields (line lists are handed over separately)."""
        skip = {*self.line_fields, "milestones"}
        return {k: ("" if v is None and isinstance(self.fields[k], forms.CharField) else v) for k, v in self.cleaned_data.items() if k not in skip}

    def lines(self, name: str) -> list[str]:
        return split_lines(self.cleaned_data.get(name, ""))


def _check_range(form: forms.Form, data: dict[str, Any], prefix: str = "") -> None:
    value, value_max, comparator = data.get("value"), data.get("value_max"), data.get("comparator")
    if value is not None and value_max is not None and value_max < value:
        form.add_error("value_max", "Giá trị cận trên phải lớn hơn hoặc bằng giá trị.")
    if comparator == Comparator.RANGE and value_max is None and "value_max" not in form.errors:
        form.add_error("value_max", "So sánh «trong khoảng» cần giá trị cận trên.")
    if comparator and comparator != Comparator.MAINTAIN and value is None and "value" not in form.errors:
        form.add_error("value", "Hãy nhập giá trị cho cách so sánh đã chọn.")


class TargetForm(ReviewForm):
    indicator_name = text_field("Tên chỉ tiêu", 500, required=True, message="Hãy nhập tên chỉ tiêu.")
    text = text_field("Nguyên văn", 0, rows=2)
    comparator = comparator_field()
    value = number_field("Giá trị")
    value_max = number_field("Giá trị cận trên", "Chỉ dùng khi so sánh «trong khoảng».")
    unit = text_field("Đơn vị tính", 60)
    year = year_field("Năm đạt")
    baseline_year = year_field("Năm gốc")
    baseline_value = number_field("Giá trị năm gốc")
    baseline_text = text_field("Mô tả năm gốc", 300)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _check_range(self, data)
        return data


class MilestoneForm(forms.Form):
    year = year_field("Năm", required=True)
    comparator = comparator_field()
    value = number_field("Giá trị")
    value_max = number_field("Giá trị cận trên")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_range(self, data)
        return data


if TYPE_CHECKING:
    _FormSetBase = forms.BaseFormSet[MilestoneForm]
else:
    _FormSetBase = forms.BaseFormSet


class BaseMilestoneFormSet(_FormSetBase):
    def clean(self) -> None:
        if any(self.errors):
            return
        years: set[object] = set()
        for form in self.forms:
            if not form.has_changed() or form.cleaned_data.get("DELETE"):
                continue
            year = form.cleaned_data.get("year")
            if year in years:
                form.add_error("year", f"Năm {year} đã có mốc khác; mỗi năm chỉ một mốc.")
            years.add(year)

    def milestones(self) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in self.forms
            if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


MilestoneFormSet = forms.formset_factory(MilestoneForm, formset=BaseMilestoneFormSet, extra=1, can_delete=True)


class TaskForm(ReviewForm):
    number = text_field("Số thứ tự", 40)
    title = text_field("Tên nhiệm vụ", 0, required=True, message="Hãy nhập tên nhiệm vụ.", rows=2)
    body = text_field("Nội dung", 0, rows=3)
    timeline = text_field("Thời gian thực hiện", 300)
    lead = lines_field("Đơn vị chủ trì")
    coordinate = lines_field("Đơn vị phối hợp")
    line_fields = ("lead", "coordinate")


class DutyForm(ReviewForm):
    text = text_field("Nguyên văn", 0, required=True, message="Hãy nhập nguyên văn chế độ báo cáo.", rows=2)
    frequency = forms.ChoiceField(
        label="Tần suất", choices=ReportingDuty.Frequency.choices, error_messages={"invalid_choice": CHOICE_MESSAGE, "required": "Hãy chọn tần suất."}
    )
    deadline_day = forms.IntegerField(
        label="Hạn: ngày", required=False, min_value=1, max_value=31,
        error_messages={"invalid": INT_MESSAGE, "min_value": "Ngày phải từ 1 đến 31.", "max_value": "Ngày phải từ 1 đến 31."},
    )
    deadline_month = forms.IntegerField(
        label="Hạn: tháng", required=False, min_value=1, max_value=12,
        error_messages={"invalid": INT_MESSAGE, "min_value": "Tháng phải từ 1 đến 12.", "max_value": "Tháng phải từ 1 đến 12."},
    )
    year = year_field("Năm (báo cáo một lần)")
    recipient = text_field("Nơi nhận báo cáo", 300)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, month = data.get("deadline_day"), data.get("deadline_month")
        if (day is None) != (month is None) and not {"deadline_day", "deadline_month"} & set(self.errors):
            self.add_error("deadline_month", "Hãy nhập cả ngày và tháng của hạn báo cáo, hoặc để trống cả hai.")
        elif day and month:
            try:
                dt.date(2024, month, day)  # a leap year, so 29/02 is accepted
            except ValueError:
                self.add_error("deadline_day", f"Ngày {day}/{month} không có trong lịch.")
        return data


class FundingForm(ReviewForm):
    text = text_field("Nguồn kinh phí", 0, required=True, message="Hãy nhập nguồn kinh phí.", rows=2)


class ProjectForm(ReviewForm):
    name = text_field("Tên dự án", 0, required=True, message="Hãy nhập tên dự án.", rows=2)
    group = text_field("Nhóm", 200)
    amount_million_vnd = forms.DecimalField(
        label="Tổng mức đầu tư (triệu đồng)", required=False, localize=True, min_value=0, max_digits=18, decimal_places=3,
        error_messages={"invalid": NUMBER_MESSAGE, "min_value": "Tổng mức đầu tư không được âm.",
                        "max_decimal_places": "Tối đa 3 chữ số thập phân.", "max_digits": "Số quá lớn."},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    period = text_field("Thời gian thực hiện", 100)


class DocumentForm(ReviewForm):
    title = text_field("Tên văn bản", 0, required=True, message="Hãy nhập tên văn bản cần ban hành.", rows=2)
    issuer = text_field("Cấp ban hành", 300)
    lead = text_field("Cơ quan chủ trì", 300)
    coordinate = lines_field("Cơ quan phối hợp")
    due = text_field("Thời hạn", 100)

    def fields_for_action(self) -> dict[str, Any]:
        return {**super().fields_for_action(), "coordinate": self.lines("coordinate")}

    line_fields = ("coordinate",)


class PlanMetaForm(forms.Form):
    number = text_field("Số, ký hiệu", 80)
    date = forms.DateField(
        label="Ngày ban hành", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text="Dạng ngày/tháng/năm, ví dụ 02/05/2024.",
        error_messages={"invalid": "Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 02/05/2024."},
        widget=forms.DateInput(format="%d/%m/%Y"),
    )
    issuer = text_field("Cơ quan ban hành", 300)
    level = forms.ChoiceField(label="Cấp", choices=Plan.Level.choices, error_messages={"invalid_choice": CHOICE_MESSAGE})
    title = text_field("Trích yếu", 0, required=True, message="Hãy nhập trích yếu của kế hoạch.", rows=3)
    period_start = year_field("Từ năm")
    period_end = year_field("Đến năm")
    implements = lines_field("Thực hiện văn bản", "Mỗi dòng một văn bản cấp trên mà kế hoạch này thực hiện.")
    # Filled by the unit picker (geo/_unit_picker.html) with the unit's code, never typed: see review.html.
    area = forms.CharField(label="Địa bàn áp dụng", required=False, max_length=16, widget=forms.HiddenInput)

    def clean_area(self) -> Any:

        from ansinh.geo.models import AdministrativeUnit

        code = (self.cleaned_data.get("area") or "").strip()
        if not code:
            return None
        unit = AdministrativeUnit.objects.in_force(code)
        if unit is None:
            raise forms.ValidationError(f"Không có đơn vị hành chính đang có hiệu lực mã «{code}».")
        return unit

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "Năm kết thúc phải bằng hoặc sau năm bắt đầu.")
        date = data.get("date")
        if date and not YEAR_MIN <= date.year <= YEAR_MAX:
            self.add_error("date", YEAR_MESSAGE)
        return data

    def fields_for_action(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["implements"] = split_lines(data.get("implements", ""))
        return data


FORMS: dict[str, type[ReviewForm]] = {
    "target": TargetForm,
    "task": TaskForm,
    "duty": DutyForm,
    "funding": FundingForm,
    "project": ProjectForm,
    "document": DocumentForm,
}


def _plain_number(value: Any) -> Any:
    """Whole floats shown without a decimal part (``3`` rather than ``3,0``)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def initial_for(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Form initial values from an item snapshot (lists become one line per entry)."""
    data = {k: _plain_number(v) for k, v in values.items()}
    if isinstance(data.get("milestones"), list):
        data["milestones"] = [{k: _plain_number(v) for k, v in m.items()} for m in data["milestones"]]
    for name in ("lead", "coordinate"):
        if isinstance(data.get(name), list):
            data[name] = "\n".join(data[name])
    return data
