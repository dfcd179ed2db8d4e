"""Preparing a dossier: its attachments, its assigned officer, submission to the competent authority.

Each ``do_*`` is atomic, scope-checked (the commune officer), version-checked and audited. A file is
checked by the upload form (``forms.AttachmentForm``: the reporting app's extension, size and
content-signature rules) before it reaches here; here the size is checked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.files import File
from django.db import transaction

from ansinh.accounts.access import units_with_roles
from ansinh.accounts.models import RoleAssignment
from ansinh.benefits.models import DocumentRequirement, Dossier, DossierAttachment
from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry.access import can_write_commune

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
PENDING = (Dossier.Status.RECEIVED, Dossier.Status.SUBMITTED)


@dataclass(frozen=True)
class ChecklistLine:
    requirement: DocumentRequirement
    files: list[DossierAttachment]

    @property
    def missing(self) -> bool:
        return self.requirement.required and not self.files


def checklist(dossier: Dossier) -> list[ChecklistLine]:
    """The programme's checklist with the files handed in for each line (two queries)."""
    files: dict[str, list[DossierAttachment]] = {}
    for a in DossierAttachment.objects.filter(dossier=dossier).select_related("uploaded_by"):
        files.setdefault(a.document_code, []).append(a)
    return [ChecklistLine(r, files.get(r.code, [])) for r in DocumentRequirement.objects.filter(programme_id=dossier.programme_id)]


def require_officer(officer: Any, commune_id: int) -> None:
    if not units_with_roles(officer, (RoleAssignment.Role.COMMUNE,)).filter(pk=commune_id).exists():
        raise UserError(f"{officer} không phải cán bộ của xã, phường này; không giao hồ sơ được.")


def _lock(user: Any, dossier: Dossier, version: int) -> Dossier:
    locked = Dossier.objects.select_for_update().select_related("programme", "person").get(pk=dossier.pk)
    if user is not None and not can_write_commune(user, locked.commune_id):
        raise UserError("Bạn không có quyền lập hoặc giải quyết hồ sơ trợ cấp của xã, phường này.")
    if locked.version != version:
        raise UserError("Hồ sơ vừa được người khác thay đổi; hãy tải lại trang.")
    if locked.status not in PENDING:
        raise UserError("Hồ sơ này đã có quyết định; không sửa được nữa.")
    return locked


def _bump(dossier: Dossier, *fields: str) -> None:
    dossier.version += 1
    dossier.save(update_fields=[*fields, "version"])


@transaction.atomic
def do_attach(user: Any, dossier: Dossier, version: int, document_code: str, file: File[Any], name: str = "") -> DossierAttachment:
    locked = _lock(user, dossier, version)
    requirement = DocumentRequirement.objects.filter(programme_id=locked.programme_id, code=document_code).first()
    if requirement is None:
        raise UserError(f"Giấy tờ «{document_code}» không có trong danh mục hồ sơ của chương trình này.")
    if file.size is None or file.size > MAX_ATTACHMENT_BYTES:
        raise UserError("Tệp đính kèm quá lớn (tối đa 20 MB).")
    name = (name or getattr(file, "name", "") or "tep-dinh-kem").rsplit("/", 1)[-1][:255]
    attachment = DossierAttachment(
        dossier=locked, document_code=requirement.code, name=name,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    attachment.file.save(name, file, save=False)
    attachment.save()
    _bump(locked)
    audit(user, "benefits.dossier.attach", attachment, summary=f"{requirement.name}: {name}", after={"file": attachment.file.name})
    return attachment


@transaction.atomic
def do_assign(user: Any, dossier: Dossier, version: int, officer: Any) -> Dossier:
    locked = _lock(user, dossier, version)
    require_officer(officer, locked.commune_id)
    before = locked.officer_id
    locked.officer = officer
    _bump(locked, "officer")
    audit(user, "benefits.dossier.assign", locked, summary=f"Giao hồ sơ cho {officer}", before={"officer": before},
          after={"officer": officer.pk})
    return locked


@transaction.atomic
def do_submit(user: Any, dossier: Dossier, version: int) -> Dossier:
    """Hand the dossier to the competent authority: every required document must be attached."""
    locked = _lock(user, dossier, version)
    if locked.status == Dossier.Status.SUBMITTED:
        raise UserError("Hồ sơ đã được trình.")
    missing = [line.requirement.name for line in checklist(locked) if line.missing]
    if missing:
        raise UserError("Hồ sơ còn thiếu giấy tờ bắt buộc: " + "; ".join(missing) + ".")
    locked.status = Dossier.Status.SUBMITTED
    _bump(locked, "status")
    audit(user, "benefits.dossier.submit", locked, summary="Trình hồ sơ lên người có thẩm quyền quyết định")
    return locked
