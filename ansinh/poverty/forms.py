"""Forms of the review pages; the survey form is laid out for a phone (one column, big targets)."""

from __future__ import annotations

from typing import Any

from django import forms

from ansinh.lib.vnnumbers import parse_vn
from ansinh.poverty.models import Standard
from ansinh.poverty.scoring import ScoreForm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": f"Hãy nhập {label.lower()}.", "invalid": f"{label}: ngày không hợp lệ (ngày/tháng/năm)."},
    )


class SurveyForm(forms.Form):
    """Income typed, or estimated by the scored form (``scoring``), and the deprivation questions."""

    method = forms.ChoiceField(
        label="Cách xác định thu nhập", widget=forms.RadioSelect, initial="thu_nhap", required=False,
        choices=[("thu_nhap", "Nhập thu nhập bình quân đã tính")],
    )
    income = forms.CharField(
        label="Thu nhập bình quân (đồng/người/tháng)", max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    surveyed_on = date_field("Ngày khảo sát")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, standard: Standard, score_form: ScoreForm | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.score_form = score_form
        self.indicators = list(standard.indicators.all())
        for indicator in self.indicators:
            note = "" if indicator.verified else " (ngưỡng chưa xác minh)"
            self.fields[f"chi_so_{indicator.code}"] = forms.BooleanField(
                label=indicator.name, required=False, help_text=f"Thiếu hụt khi {indicator.deprived_if}{note}."
            )
        if score_form is not None:
            unverified = "" if score_form.verified else " — điểm chưa xác minh"
            method = self.fields["method"]
            assert isinstance(method, forms.ChoiceField)
            method.choices = [("thu_nhap", "Nhập thu nhập bình quân đã tính"), ("bang_diem", f"Chấm điểm theo {score_form.name[:1].lower()}{score_form.name[1:]}{unverified}")]
            self.fields["region"] = forms.ChoiceField(label="Vùng (bảng điểm)", required=False, choices=[("", "—"), *score_form.regions.items()])
            for item in score_form.items:
                note = "" if item.verified and score_form.verified else ", chưa xác minh"
                self.fields[f"diem_{item.code}"] = forms.ChoiceField(
                    label=item.question, required=False,
                    choices=[("", "— chọn —"), *((o.code, f"{o.label} ({_points(o.score)} điểm{note})") for o in item.options)],
                )

    def clean_income(self) -> int | None:
        text = self.cleaned_data["income"].strip()
        if not text:
            return None
        value = parse_vn(text, grouping=True)
        if value is None:
            raise forms.ValidationError("Thu nhập phải là một số (ví dụ 1.450.000).")
        if value < 0:
            raise forms.ValidationError("Thu nhập không được âm.")
        return int(-(-value // 1))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["method"] = data.get("method") or "thu_nhap"
        if data.get("method") == "thu_nhap" and data.get("income") is None and "income" not in self.errors:
            self.add_error("income", "Hãy nhập thu nhập bình quân đầu người.")
        if data.get("method") == "bang_diem" and self.score_form is not None:
            from ansinh.poverty.scoring import check_answers

            for _, message in check_answers(self.score_form, data.get("region", ""), self.answers()):
                self.add_error(None, message[0].upper() + message[1:] + ".")
        return data

    def scored(self) -> bool:
        return self.cleaned_data.get("method") == "bang_diem"

    def answers(self) -> dict[str, str]:
        if self.score_form is None:
            return {}
        return {i.code: self.cleaned_data.get(f"diem_{i.code}", "") or "" for i in self.score_form.items}

    def flags(self) -> list[str]:
        return [i.code for i in self.indicators if self.cleaned_data.get(f"chi_so_{i.code}")]

    def indicator_fields(self) -> list[forms.BoundField]:
        return [self[f"chi_so_{i.code}"] for i in self.indicators]

    def score_fields(self) -> list[forms.BoundField]:
        return [self[f"diem_{i.code}"] for i in self.score_form.items] if self.score_form is not None else []


def _points(score: int | dict[str, int]) -> str:
    if isinstance(score, int):
        return f"{score:+d}".replace("+0", "0")
    low, high = min(score.values()), max(score.values())
    return f"{low:+d}…{high:+d}"


class StartForm(forms.Form):
    year = forms.IntegerField(label="Năm rà soát", min_value=2016, max_value=2030, error_messages={"required": "Hãy nhập năm rà soát."})


class ApplicantForm(forms.Form):
    code = forms.CharField(label="Mã hộ", max_length=40, error_messages={"required": "Hãy nhập mã hộ."})
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)


MEETING_CLASSES = {
    "ngheo": "ngheo", "ho ngheo": "ngheo", "can_ngheo": "can_ngheo", "ho can ngheo": "can_ngheo", "can ngheo": "can_ngheo",
    "trung_binh": "trung_binh", "ho co muc song trung binh": "trung_binh", "muc song trung binh": "trung_binh",
    "khong": "khong", "khong thuoc dien": "khong",
}


class MeetingForm(forms.Form):
    meeting_date = date_field("Ngày họp dân")
    minutes = forms.CharField(label="Tóm tắt biên bản họp dân", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": "Hãy tóm tắt biên bản họp dân."})
    changes = forms.CharField(
        label="Hộ có kết quả họp dân khác phân loại theo chuẩn (mỗi dòng: mã hộ: phân loại)", required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "H12: cận nghèo"}),
        help_text="Phân loại: nghèo, cận nghèo, trung bình, không thuộc diện. Để trống nếu họp dân nhất trí toàn bộ.",
    )

    def clean_changes(self) -> dict[str, str]:
        """``{household code: class}``; one Vietnamese message per bad line."""
        from ansinh.lib.text import fold_key

        out: dict[str, str] = {}
        errors = []
        for number, line in enumerate(self.cleaned_data["changes"].splitlines(), start=1):
            if not line.strip():
                continue
            code, sep, klass = line.partition(":")
            found = MEETING_CLASSES.get(fold_key(klass).replace("_", " ")) or MEETING_CLASSES.get(klass.strip())
            if not sep or not code.strip():
                errors.append(f"Dòng {number}: hãy viết «mã hộ: phân loại».")
            elif found is None:
                errors.append(f"Dòng {number}: «{klass.strip()}» không phải phân loại (nghèo, cận nghèo, trung bình, không thuộc diện).")
            else:
                out[code.strip()] = found
        if errors:
            raise forms.ValidationError(errors)
        return out


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
