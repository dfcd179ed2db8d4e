"""Certificates (giấy chứng nhận hộ nghèo, hộ cận nghèo) of recognised households, as DOCX.

One page per poor or near-poor household recognised in step 4: the household, its head and address,
the class, year and standard (with "chưa xác minh" where the standard is not verified), the decision,
its date and the competent authority (and whether that authority is verified), and every unverified
value the class rests on (``unverified.py``: indicator thresholds, bands, a scored income). The official model of
the certificate is not in the reference notes, so each page says it is a printed summary of the
recognition. A round's certificates come as one document (``round_docx``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from ansinh.poverty.models import HouseholdStatus
from ansinh.poverty.unverified import note as unverified_note
from ansinh.poverty.unverified import unverified_parts

MEDIA_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CERTIFIED = ("ngheo", "can_ngheo")
UNOFFICIAL = "Mẫu giấy chứng nhận chính thức chưa có trong dữ liệu đã xác minh; bản này là bản in tóm tắt kết quả công nhận."


def certificate_number(status: HouseholdStatus) -> str:
    return f"{status.year}/{status.commune.code}/{status.pk}"


def bases(statuses: Iterable[HouseholdStatus]) -> dict[int, str]:
    """Per status, the "chưa xác minh" note of its classification (a fixed number of queries)."""
    from ansinh.poverty.models import ReviewEntry, Standard

    statuses = list(statuses)
    scored = set(
        ReviewEntry.objects.filter(round_id__in={s.round_id for s in statuses if s.round_id}, income_method="bang_diem")
        .values_list("round_id", "household_id")
    )
    standards = {s.pk: s for s in Standard.objects.filter(pk__in={s.standard_id for s in statuses}).prefetch_related("bands", "indicators")}
    out: dict[int, str] = {}
    for status in statuses:
        area = status.household.area
        out[status.pk] = unverified_note(
            unverified_parts(standards[status.standard_id], area, (status.round_id, status.household_id) in scored)
        )
    return out


def certificate_lines(status: HouseholdStatus, basis: str | None = None) -> dict[str, str]:
    """The certificate's wording (shared by the HTML page and the DOCX); ``basis`` from ``bases``."""
    if basis is None:
        basis = bases([status])[status.pk]
    household = status.household
    head = household.head.full_name if household.head_id and household.head else ""
    kind = "HỘ NGHÈO" if status.klass == "ngheo" else "HỘ CẬN NGHÈO"
    standard = status.standard.name + ("" if status.standard.verified else " (chưa xác minh)")
    round_ = status.round
    authority = round_.authority if round_ is not None else None
    by = ""
    if authority is not None:
        by = f" của {authority.role}" + ("" if authority.verified else " (thẩm quyền chưa xác minh)")
    decision = round_.decision_number if round_ is not None and round_.decision_number else "—"
    address = household.address
    return {
        "unit": status.commune.name.upper(),
        "title": f"GIẤY CHỨNG NHẬN {kind} NĂM {status.year}",
        "number": f"Số: {certificate_number(status)}",
        "body": (
            f"Hộ {household.code}" + (f", chủ hộ {head}" if head else "") + (f", địa chỉ {address}" if address else "")
            + f", được công nhận là {status.get_klass_display().lower()} năm {status.year} theo {standard},"
            + f" theo quyết định {decision} ngày {status.valid_from:%d/%m/%Y}{by}."
        ),
        "persons": f"Số nhân khẩu: {status.persons}.",
        "simulated": "Dữ liệu mô phỏng — không có giá trị pháp lý." if household.simulated else "",
        "basis": basis,
        "note": UNOFFICIAL,
    }


def _page(doc: Any, lines: dict[str, str], first: bool) -> None:
    if not first:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for key, size, bold in (("unit", 12, True), ("title", 16, True), ("number", 11, False)):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(lines[key])
        run.bold, run.font.size = bold, Pt(size)
    if lines["simulated"]:
        doc.add_paragraph(lines["simulated"])
    doc.add_paragraph(lines["body"])
    doc.add_paragraph(lines["persons"])
    if lines["basis"]:
        doc.add_paragraph(lines["basis"])
    note = doc.add_paragraph().add_run(lines["note"])
    note.italic, note.font.size = True, Pt(9)


def statuses_docx(statuses: Iterable[HouseholdStatus]) -> bytes:
    """One DOCX, one page per poor or near-poor status (others are skipped)."""
    document = Document()
    first = True
    wanted = [s for s in statuses if s.klass in CERTIFIED]
    notes = bases(wanted)
    for status in wanted:
        _page(document, certificate_lines(status, notes[status.pk]), first)
        first = False
    if first:
        document.add_paragraph("Không có hộ nghèo, hộ cận nghèo nào được công nhận trong đợt này.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def round_statuses(round_id: int) -> Iterable[HouseholdStatus]:
    return (
        HouseholdStatus.objects.filter(round_id=round_id, klass__in=CERTIFIED)
        .select_related("household__head", "commune", "standard", "round__authority")
        .order_by("household__code")
    )
