"""The Excel template of one submission: build it, and import a filled one through ``do_save_values``.

Shared by the web pages and the API. An upload is read completely before anything is stored; a
bad cell, a foreign template or a refusal by the action raises :class:`UploadRejected` with
Vietnamese messages that name the cell ("Ô E7: …"), and nothing is stored.
"""

from __future__ import annotations

from typing import Any

from ansinh.core.versioning import StaleVersion
from ansinh.reporting.actions import ReportingError, ValidationFailed, do_save_values
from ansinh.reporting.entry import submission_indicator_rows
from ansinh.reporting.excel import TemplateMeta, build_template, template_filename
from ansinh.reporting.excel_upload import UploadRejected, UploadRow, cell_of, read_upload
from ansinh.reporting.models import Submission


def template_meta(submission: Submission) -> TemplateMeta:
    return TemplateMeta(
        cycle_id=submission.cycle_id,
        unit_code=submission.unit.code,
        cycle_label=f"{submission.cycle.label} — {submission.cycle.plan.display_title[:120]}",
        unit_name=submission.unit.name,
        agency_code=submission.agency.code if submission.agency else "",
        submission_version=submission.version,
    )


def excel_bytes(submission: Submission) -> tuple[bytes, str]:
    meta = template_meta(submission)
    return build_template(meta, submission_indicator_rows(submission)), template_filename(meta)


def import_excel(actor: Any, submission: Submission, data: bytes, filename: str) -> int:
    """Read an uploaded template and save its values; raises :class:`UploadRejected` with cell errors."""
    rows = submission_indicator_rows(submission)
    stored = {r.code for r in rows if r.current is not None}
    uploaded, version = read_upload(data, filename, template_meta(submission), {r.code for r in rows})
    kept: list[UploadRow] = [
        r
        for r in uploaded
        if r.code in stored or r.comment or any(x is not None for x in (r.value, r.numerator, r.denominator))
    ]
    try:
        do_save_values(actor, submission, [r.as_values() for r in kept], expected_version=version)
    except ValidationFailed as err:
        problems = []
        names = {r.code: r.indicator.name for r in rows}
        for e in err.errors:
            if not 0 <= e.row < len(kept):
                problems.append(e.message)
                continue
            text = e.message.removeprefix(f"{names.get(e.indicator, '')}: ")
            problems.append(f"Ô {cell_of(kept[e.row], e.field)}: {text[:1].lower()}{text[1:]}")
        raise UploadRejected(problems) from err
    except StaleVersion as err:
        raise UploadRejected(
            [err.message.replace("Hãy tải lại trang", "Hãy tải mẫu Excel mới")]
        ) from err
    except ReportingError as err:
        raise UploadRejected([err.message]) from err
    return len(kept)
