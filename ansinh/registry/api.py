"""API: one person by registry code, and a search; masked by ``access.identity_for`` and logged."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ansinh.registry.access import identity_for, person_or_404
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
