"""API: one person by registry code, and a search (masked by ``access.identity_for`` and logged);
a new member of a household as a submitted change request, through the duplicate gate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from ansinh.core.errors import UserError
from ansinh.registry.access import household_or_404, identity_for, person_or_404
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access
from ansinh.registry.search import search_persons

router = Router(tags=["Hộ và nhân khẩu"])


class ErrorOut(Schema):
    detail: str


class PersonOut(Schema):
    registry_code: str
    full_name: str
    birth: str
    sex: str
    personal_id: str
    phone: str
    masked: bool
    alive: bool
    commune_code: str
    simulated: bool


def _out(user: Any, person: Any) -> dict[str, Any]:
    ident = identity_for(user, person)
    return {
        "registry_code": person.registry_code, "full_name": person.full_name, "birth": person.birth_display(),
        "sex": person.get_sex_display(), "personal_id": ident["personal_id"], "phone": ident["phone"],
        "masked": ident["masked"], "alive": person.alive, "commune_code": person.commune.code, "simulated": person.simulated,
    }


@router.get("/persons/{code}", response={200: PersonOut, 401: ErrorOut, 404: ErrorOut}, summary="Một nhân khẩu theo mã số an sinh")
def get_person(request: HttpRequest, code: str, purpose: str = "") -> Any:
    person = person_or_404(request.user, code)
    log_access(request.user, AccessKind.VIEW, [person.pk], purpose=purpose or "API")
    return _out(request.user, person)


@router.get("/persons", response={200: list[PersonOut], 401: ErrorOut}, summary="Tìm nhân khẩu (họ tên không dấu, số định danh, mã)")
def find_persons(request: HttpRequest, q: str, page: int = 1) -> Any:
    result = search_persons(request.user, q, page)
    if result.persons:
        log_access(request.user, AccessKind.SEARCH, [p.pk for p in result.persons], query=q, purpose="API")
    return [_out(request.user, p) for p in result.persons]


class MemberIn(Schema):
    full_name: str
    birth_date: str = ""
    sex: str = ""
    personal_id: str = ""
    ethnicity: str = ""
    phone: str = ""
    relation: str
    reason: str
    effective_date: dt.date | None = None
    override_reason: str = ""


class ChangeOut(Schema):
    change_id: int
    status: str


class RefusedOut(Schema):
    detail: str
    duplicate_of: str = ""
    match_probability: float | None = None


@router.post(
    "/households/{household_id}/members",
    response={201: ChangeOut, 401: ErrorOut, 404: ErrorOut, 409: RefusedOut, 422: RefusedOut},
    summary="Thêm nhân khẩu vào hộ (lập yêu cầu thay đổi, qua bước chặn trùng)",
)
def add_member(request: HttpRequest, household_id: int, body: MemberIn) -> Any:
    """The same path as the web form: an ID already in the registry is refused (409); a likely
    duplicate is refused (409, with the candidate's code) unless a manager sends ``override_reason``."""
    from ansinh.registry.changes import do_file_change
    from ansinh.registry.dedup.gate import DuplicateBlocked, LikelyDuplicate

    household = household_or_404(request.user, household_id)
    fields = ("full_name", "birth_date", "sex", "personal_id", "ethnicity", "phone", "relation")
    payload = {f: getattr(body, f).strip() for f in fields if getattr(body, f).strip()}
    try:
        change = do_file_change(
            request.user, "add_member", household=household, payload=payload, effective_date=body.effective_date,
            reason=body.reason, submit=True, override_reason=body.override_reason,
        )
    except LikelyDuplicate as err:
        return Status(409, {"detail": err.message, "duplicate_of": err.candidate.registry_code, "match_probability": round(err.probability, 4)})
    except DuplicateBlocked as err:
        return Status(409, {"detail": err.message})
    except UserError as err:
        return Status(422, {"detail": err.message})
    return Status(201, {"change_id": change.pk, "status": change.status})
