"""Web forms of the reporting pages; they only parse input, the actions decide and store."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from ansinh.core.versioning import parse_version
from ansinh.lib.vnnumbers import format_vn, parse_entered
from ansinh.reporting.actions import MAX_ATTACHMENT_BYTES, FieldError
from ansinh.reporting.entry import IndicatorRow, TaskRow
from ansinh.reporting.entry_html import cell
from ansinh.reporting.excel_upload import MAX_COMMENT, MAX_FILE_BYTES
from ansinh.reporting.models import IndicatorValue, TaskProgress

NUMBER_FIELDS = {"value": "Giá trị", "numerator": "Tử số", "denominator": "Mẫu số"}
TASK_DATE_FIELDS = {"deadline": "Thời hạn", "completed_on": "Ngày hoàn thành"}
TASK_TEXT_FIELDS = {
    "result": "Kết quả",
    "difficulties": "Khó khăn, vướng mắc",
    "proposals": "Đề xuất, kiến nghị",
}
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
MAX_EXCEL_BYTES = MAX_FILE_BYTES  # the upload reader's own limit


class NumberField(forms.Field):
    """A number typed the Vietnamese or the English way; the error names the field."""

    widget = forms.TextInput

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        super().__init__(label=label, required=False, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": "40"})

    def to_python(self, value: Any) -> float | None:
        text = str(value or "").strip()
        if not text:
            return None
        number = parse_entered(text) if len(text) <= 40 else None
        if number is None:
            raise forms.ValidationError(f"{self.label} phải là số.", code="invalid")
        return number


def indicator_initial(i: int, row: IndicatorRow, default_status: str) -> dict[str, str]:
    """What the cells of indicator row ``i`` show before anything is typed (``row.proposal`` already set)."""
    current = row.current
    out: dict[str, str] = {}
    for name in NUMBER_FIELDS:
        if name != "value" and not row.indicator.is_ratio:
            continue
        proposed = None if row.indicator.is_ratio and name == "value" else getattr(row.proposal, name, None)
        number = getattr(current, name) if current else proposed
        out[f"ind-{i}-{name}"] = "" if number is None else format_vn(number)
    out[f"ind-{i}-status"] = current.status if current else default_status
    out[f"ind-{i}-comment"] = current.comment if current else ""
    return out


def indicator_fields(i: int, row: IndicatorRow, default_status: str) -> dict[str, forms.Field]:
    """The fields of indicator row ``i`` (its ``proposal`` already set), named ``ind-{i}-…``."""
    fields: dict[str, forms.Field] = {}
    initial = indicator_initial(i, row, default_status)
    for name, label in NUMBER_FIELDS.items():
        if f"ind-{i}-{name}" in initial:
            field = NumberField(label=label)
            field.initial = initial[f"ind-{i}-{name}"]
            fields[f"ind-{i}-{name}"] = field
    fields[f"ind-{i}-status"] = forms.ChoiceField(
        label="Tình trạng số liệu",
        required=False,
        choices=IndicatorValue.Status.choices,
        initial=initial[f"ind-{i}-status"],
    )
    fields[f"ind-{i}-comment"] = forms.CharField(
        label="Giải trình",
        required=False,
        max_length=MAX_COMMENT,
        initial=initial[f"ind-{i}-comment"],
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    return fields


def _posted(data: Any, name: str) -> str:
    value = data.get(name)
    return "" if value is None else str(value).strip()


def indicator_unchanged(data: Any, i: int, row: IndicatorRow, default_status: str) -> bool:
    """Whether the posted cells of row ``i`` are exactly what the form showed for the stored row.

    A row without a stored value counts as unchanged only when nothing is typed in it, and a row
    whose source proposal awaits the officer's decision never does (saving decides it).
    """
    if row.proposal is not None and not row.proposal.decision:
        return False
    for name, shown in indicator_initial(i, row, default_status).items():
        posted = _posted(data, name)
        if name.endswith("-status"):
            if posted not in ("", shown):
                return False
        elif posted != shown.strip() or (row.current is None and posted):
            return False
    return True


def task_initial(task_row: TaskRow) -> dict[str, str]:
    """What the cells of a task show before anything is typed."""
    key, progress = task_row.task.pk, task_row.current
    out = {f"task-{key}-status": progress.status if progress else TaskProgress.Status.NOT_STARTED}
    for name in TASK_DATE_FIELDS:
        day = getattr(progress, name) if progress else None
        out[f"task-{key}-{name}"] = day.isoformat() if day else ""
    for name in TASK_TEXT_FIELDS:
        out[f"task-{key}-{name}"] = getattr(progress, name) if progress else ""
    return out


def task_unchanged(data: Any, task_row: TaskRow) -> bool:
    """Whether the posted cells of a task are exactly what the form showed for its stored progress."""
    for name, shown in task_initial(task_row).items():
        posted = _posted(data, name)
        if name.endswith("-status") and not posted:
            posted = TaskProgress.Status.NOT_STARTED
        if posted != shown.strip():
            return False
    return True


def task_fields(task_row: TaskRow) -> dict[str, forms.Field]:
    """The fields of one task row, named ``task-{task id}-…``, showing ``task_initial`` (one source for
    what a row shows, so ``task_unchanged`` compares a post against exactly what was rendered)."""
    key = task_row.task.pk
    initial = task_initial(task_row)
    fields: dict[str, forms.Field] = {
        f"task-{key}-status": forms.ChoiceField(
            label="Tình trạng",
            required=False,
            choices=TaskProgress.Status.choices,
            initial=initial[f"task-{key}-status"],
        )
    }
    for name, label in TASK_DATE_FIELDS.items():
        fields[f"task-{key}-{name}"] = forms.DateField(
            label=label,
            required=False,
            input_formats=["%d/%m/%Y", "%Y-%m-%d"],
            initial=initial[f"task-{key}-{name}"] or None,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": f"{label}: ngày không hợp lệ (ngày/tháng/năm)."},
        )
    for name, label in TASK_TEXT_FIELDS.items():
        fields[f"task-{key}-{name}"] = forms.CharField(
            label=label,
            required=False,
            max_length=4000,
            initial=initial[f"task-{key}-{name}"],
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    return fields


class SubmissionForm(forms.Form):
    """Indicator values and task progress of one submission, one field per cell."""

    #: The measured cells (``ind-N-value|numerator|denominator``): read as decimals, bounded per indicator by
    #: reporting.bounds and answered per cell, so the view declares them to core.middleware.BadInputGuard.
    MEASURED_FIELDS = r"ind-\d+-(?:value|numerator|denominator)"

    def __init__(
        self,
        *args: Any,
        indicator_rows: Sequence[IndicatorRow],
        task_rows: Sequence[TaskRow],
        version: int = 1,
        default_status: str = IndicatorValue.Status.ESTIMATE,
        proposals: Mapping[int, Any] | None = None,
        only_changed: bool = False,
        **kwargs: Any,
    ):
        """``only_changed`` (a posted form): fields only for the rows whose posted cells differ from
        what the form showed; the other rows are neither parsed nor saved (a save from an older
        version is refused by the version check, so "showed" is the stored row)."""
        super().__init__(*args, **kwargs)
        sparse = only_changed and self.is_bound
        self.indicator_rows = list(indicator_rows)
        self.proposals = dict(proposals or {})  # reporting.sources: pre-filled where nothing is typed
        self.task_rows = list(task_rows)
        # The version the form was read at (core.versioning): a save from an older one is refused.
        self.fields["version"] = forms.CharField(
            required=False, initial=str(version), widget=forms.HiddenInput
        )
        for i, row in enumerate(self.indicator_rows):
            row.proposal = self.proposals.get(row.indicator.pk)
            if not (sparse and indicator_unchanged(self.data, i, row, default_status)):
                self.fields.update(indicator_fields(i, row, default_status))
        for task_row in self.task_rows:
            if not (sparse and task_unchanged(self.data, task_row)):
                self.fields.update(task_fields(task_row))

    def error_summary(self) -> list[tuple[str, str]]:
        """(field id, "row — field: message") for every field error, in page order, for the summary box."""
        rows = {f"ind-{i}-": row.indicator.name for i, row in enumerate(self.indicator_rows)}
        rows.update({f"task-{r.task.pk}-": f"Nhiệm vụ {r.task.number}".strip() for r in self.task_rows})
        out = []
        for name, field in self.fields.items():
            if name in self.errors and name != "version":
                where = next((label for prefix, label in rows.items() if name.startswith(prefix)), "")
                out.append((self[name].auto_id, f"{where} — {field.label}: {self.errors[name][0]}"))
        return out

    def indicator_cells(self) -> list[tuple[IndicatorRow, dict[str, str]]]:
        """Each indicator row with its cells' HTML (label, widget, error), written by ``entry_html``."""
        return [(row, self.indicator_row_cells(i, row)) for i, row in enumerate(self.indicator_rows)]

    def indicator_row_cells(self, i: int, row: IndicatorRow) -> dict[str, str]:
        about = row.indicator.name
        cells: dict[str, str] = {}
        if f"ind-{i}-numerator" in self.fields:
            cells["numerator"] = cell(self, f"ind-{i}-numerator", about)
            cells["denominator"] = cell(self, f"ind-{i}-denominator", about)
        else:
            cells["value"] = cell(self, f"ind-{i}-value", about, hide_label=True)
        cells["status"] = cell(self, f"ind-{i}-status", about, hide_label=True)
        cells["comment"] = cell(self, f"ind-{i}-comment", about, hide_label=True)
        return cells

    def task_cells(self) -> list[tuple[TaskRow, dict[str, Any]]]:
        """Each task with its cells' HTML and whether one has an error (its ``<details>`` opens)."""
        return [(row, self.task_row_cells(row)) for row in self.task_rows]

    def task_row_cells(self, row: TaskRow) -> dict[str, Any]:
        names = ("status", *TASK_DATE_FIELDS, *TASK_TEXT_FIELDS)
        errors = self.errors if self.is_bound else {}
        about = str(row.task.number or "")
        cells: dict[str, Any] = {n: cell(self, f"task-{row.task.pk}-{n}", about) for n in names}
        cells["has_errors"] = any(f"task-{row.task.pk}-{n}" in errors for n in names)
        return cells

    def read_version(self) -> int:
        """The version the person read (``BadVersion`` when missing or malformed)."""
        version = parse_version(self.cleaned_data.get("version"), required=True)
        assert version is not None
        return version

    def values(self) -> tuple[list[dict[str, Any]], list[int]]:
        """Rows for ``do_save_values`` and, for each, the index of its indicator row."""
        data, index = [], []
        for i, row in enumerate(self.indicator_rows):
            if f"ind-{i}-status" not in self.fields:  # unchanged, left out of a sparse form
                continue
            item: dict[str, Any] = {"indicator": row.code}
            for name in NUMBER_FIELDS:
                item[name] = self.cleaned_data.get(f"ind-{i}-{name}")
            item["status"] = self.cleaned_data[f"ind-{i}-status"] or self.fields[f"ind-{i}-status"].initial
            item["comment"] = self.cleaned_data[f"ind-{i}-comment"].strip()
            entered = any(item[n] is not None for n in NUMBER_FIELDS) or item["comment"]
            if entered or row.current is not None:
                data.append(item)
                index.append(i)
        return data, index

    def task_items(self) -> list[dict[str, Any]]:
        items = []
        for row in self.task_rows:
            key = row.task.pk
            if f"task-{key}-status" not in self.fields:  # unchanged, left out of a sparse form
                continue
            status = self.cleaned_data[f"task-{key}-status"] or TaskProgress.Status.NOT_STARTED
            item: dict[str, Any] = {"task": key, "status": status}
            for name in TASK_DATE_FIELDS:
                item[name] = self.cleaned_data[f"task-{key}-{name}"]
            for name in TASK_TEXT_FIELDS:
                item[name] = self.cleaned_data[f"task-{key}-{name}"].strip()
            touched = item["status"] != TaskProgress.Status.NOT_STARTED or any(
                item[n] for n in (*TASK_DATE_FIELDS, *TASK_TEXT_FIELDS)
            )
            if touched or row.current is not None:
                items.append(item)
        return items

    def add_value_errors(self, errors: Sequence[FieldError], index: Sequence[int]) -> None:
        """Put each error of ``do_save_values`` next to its field."""
        for error in errors:
            i = index[error.row] if 0 <= error.row < len(index) else None
            name = f"ind-{i}-{error.field}"
            if i is not None and name in self.fields:
                self.add_error(name, error.message)
            else:
                self.add_error(None, error.message)

    def add_task_errors(self, errors: Sequence[FieldError], items: Sequence[dict[str, Any]]) -> None:
        """Put each error of ``do_save_task_progress`` next to its field."""
        for error in errors:
            key = items[error.row]["task"] if 0 <= error.row < len(items) else None
            name = f"task-{key}-{error.field}"
            if key is not None and name in self.fields:
                self.add_error(name, error.message)
            else:
                self.add_error(None, error.message)


def mark_invalid(form: forms.Form) -> None:
    """``aria-invalid`` and ``aria-describedby`` (the error's id) on every field that has an error."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": f"{form[name].auto_id}-loi"}
            )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Lý do trả lại",
        min_length=5,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Hãy ghi lý do trả lại báo cáo.",
            "min_length": "Lý do trả lại quá ngắn; hãy ghi rõ cần sửa gì.",
        },
    )


def _check_upload(
    upload: UploadedFile, allowed: dict[str, tuple[bytes, ...]], max_bytes: int
) -> UploadedFile:
    name = upload.name or ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in allowed:
        kinds = ", ".join(sorted(allowed))
        raise forms.ValidationError(f"Không nhận loại tệp “{suffix or name}”; chỉ nhận {kinds}.")
    if upload.size is None or upload.size > max_bytes:
        raise forms.ValidationError(f"Tệp quá lớn: tối đa {max_bytes // (1024 * 1024)} MB.")
    if upload.size == 0:
        raise forms.ValidationError("Tệp rỗng.")
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(allowed[suffix]):
        raise forms.ValidationError(f"Nội dung tệp không đúng định dạng {suffix}.")
    return upload


class AttachmentForm(forms.Form):
    prefix = "tep"
    file = forms.FileField(
        label="Tệp đính kèm", error_messages={"required": "Hãy chọn tệp để tải lên.", "empty": "Tệp rỗng."}
    )

    def clean_file(self) -> UploadedFile:
        return _check_upload(self.cleaned_data["file"], ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES)


class ExcelUploadForm(forms.Form):
    prefix = "excel"
    file = forms.FileField(
        label="Tệp Excel đã điền",
        error_messages={"required": "Hãy chọn tệp Excel để tải lên.", "empty": "Tệp rỗng."},
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_EXCEL_BYTES:
            raise forms.ValidationError(f"Tệp quá lớn: tối đa {MAX_EXCEL_BYTES // (1024 * 1024)} MB.")
        return upload
