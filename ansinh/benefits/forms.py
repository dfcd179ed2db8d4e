"""Forms of the dossier pages; every message Vietnamese. Files go through the reporting app's upload check."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from ansinh.benefits.actions_dossier import MAX_ATTACHMENT_BYTES
from ansinh.reporting.forms import ATTACHMENT_TYPES, _check_upload

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": f"Hãy nhập {label.lower()}.", "invalid": f"{label}: ngày không hợp lệ (ngày/tháng/năm)."},
    )


def _set_choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class FileDossierForm(forms.Form):
    person = forms.CharField(label="Mã số an sinh của người đề nghị", max_length=40,
                             error_messages={"required": "Hãy nhập mã số an sinh của người đề nghị."})
    programme = forms.ChoiceField(label="Chương trình", error_messages={
        "required": "Hãy chọn chương trình.", "invalid_choice": "Chương trình không hợp lệ."})
    received_on = date_field("Ngày tiếp nhận")

    def __init__(self, *args: Any, programmes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "programme", [("", "— chọn —"), *programmes])


class AttachmentForm(forms.Form):
    document = forms.ChoiceField(label="Giấy tờ", error_messages={
        "required": "Hãy chọn giấy tờ.", "invalid_choice": "Giấy tờ không có trong danh mục hồ sơ."})
    file = forms.FileField(label="Tệp (PDF, ảnh chụp, Word, Excel)", error_messages={
        "required": "Hãy chọn tệp để tải lên.", "empty": "Tệp rỗng.", "invalid": "Không nhận được tệp; hãy chọn lại tệp."})
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, documents: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "document", documents)

    def clean_file(self) -> UploadedFile:
        return _check_upload(self.cleaned_data["file"], ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES)


class AssignForm(forms.Form):
    officer = forms.ChoiceField(label="Cán bộ thụ lý", error_messages={
        "required": "Hãy chọn cán bộ thụ lý.", "invalid_choice": "Cán bộ này không thuộc xã, phường của hồ sơ."})
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, officers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "officer", [("", "— chọn —"), *officers])


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": "Thiếu phiên bản hồ sơ; hãy tải lại trang."})


class DecisionForm(forms.Form):
    granted = forms.TypedChoiceField(
        label="Quyết định", choices=[("1", "Cho hưởng"), ("0", "Không cho hưởng")], coerce=lambda v: v == "1",
        widget=forms.RadioSelect, error_messages={"required": "Hãy chọn cho hưởng hoặc không.", "invalid_choice": "Lựa chọn không hợp lệ."},
    )
    category = forms.ChoiceField(label="Đối tượng hưởng", required=False, error_messages={
        "invalid_choice": "Đối tượng không thuộc chương trình này."})
    number = forms.CharField(label="Số quyết định", max_length=60, error_messages={"required": "Hãy ghi số quyết định."})
    signed_on = date_field("Ngày ký")
    reason = forms.CharField(label="Lý do (khi không cho hưởng)", max_length=400, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, categories: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "category", [("", "— chọn —"), *categories])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("granted") and not data.get("category"):
            self.add_error("category", "Hãy chọn đối tượng hưởng.")
        return data
