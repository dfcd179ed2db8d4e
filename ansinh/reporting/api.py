"""JSON API for cycles, submissions and progress; every write goes through ``reporting.actions``.

Authentication is an API key (``Authorization: Bearer ansinh_…``, see ``accounts.tokens``) or
the Django session (``django_auth``, which also checks the CSRF token on writes). Errors are JSON objects with a Vietnamese ``detail``; validation errors add ``errors``,
one per bad field. :func:`install` registers the routers and the error handlers on the API.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import File, NinjaAPI, Router, Status, UploadedFile
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from ansinh.accounts.api_auth import API_AUTH
from ansinh.core.versioning import BadVersion, StaleVersion, etag, parse_version
from ansinh.reporting import (
    access,
    api_link,  # noqa: F401  (adds the linking and approval endpoints to plans_router)
)
from ansinh.reporting.actions import (
    ReportingError,
    ValidationFailed,
    do_approve,
    do_open_submission,
    do_return,
    do_save_task_progress,
    do_save_values,
    do_submit,
)
from ansinh.reporting.api_catalog import ERRORS, indicators_router, plans_router, units_router
from ansinh.reporting.api_progress import progress_router
from ansinh.reporting.api_schemas import (
    CycleOut,
    ErrorOut,
    OpenSubmissionIn,
    ReturnIn,
    SubmissionDetailOut,
    SubmissionOut,
    TaskProgressIn,
    ValidationErrorOut,
    ValueIn,
)
from ansinh.reporting.excel import XLSX_MEDIA_TYPE
from ansinh.reporting.excel_io import excel_bytes, import_excel
from ansinh.reporting.excel_upload import UploadRejected
from ansinh.reporting.forms import MAX_EXCEL_BYTES
from ansinh.reporting.models import Submission

cycles_router = Router(tags=["Kỳ báo cáo"])
submissions_router = Router(tags=["Báo cáo của đơn vị"])
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 409: ErrorOut, 422: ValidationErrorOut}
PYDANTIC_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "finite_number": "phải là số hữu hạn",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "string_type": "phải là chuỗi ký tự",
    "string_too_short": "quá ngắn",
    "string_too_long": "quá dài",
    "string_pattern_mismatch": "không thuộc các giá trị cho phép",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "less_than_equal": "quá lớn",
    "greater_than_equal": "quá nhỏ",
    "list_type": "phải là danh sách",
    "model_attributes_type": "phải là đối tượng JSON",
    "json_invalid": "không phải JSON hợp lệ",
}


def _expected(request: HttpRequest, version: str | None) -> int | None:
    """The version the client read: ``If-Match: "3"`` or ``?version=3`` (optional; checked when given)."""
    header = request.headers.get("If-Match")
    if header is not None and header.strip() == "*":
        header = None
    from_header = parse_version(header)
    from_query = parse_version(version)
    if from_header is not None and from_query is not None and from_header != from_query:
        raise BadVersion("Tiêu đề If-Match và tham số version ghi hai phiên bản khác nhau.")
    return from_header if from_header is not None else from_query


def _tagged(response: HttpResponse, submission: Submission) -> Submission:
    response["ETag"] = etag(submission.version)
    return submission


def _value_item(item: ValueIn) -> dict[str, Any]:
    data = item.model_dump()
    if data["status"] is None:
        del data["status"]
    return data


@cycles_router.get("/", response=list[CycleOut], summary="Kỳ báo cáo")
@paginate(LimitOffsetPagination)
def list_cycles(request: HttpRequest, plan_id: int | None = None, year: int | None = None) -> Any:
    cycles = access.access_cycles(request.user).order_by("plan_id", "period_end", "kind")
    if plan_id is not None:
        cycles = cycles.filter(plan_id=plan_id)
    if year is not None:
        cycles = cycles.filter(year=year)
    return cycles


@cycles_router.get("/{cycle_id}", response={200: CycleOut, **ERRORS}, summary="Một kỳ báo cáo")
def get_cycle(request: HttpRequest, cycle_id: int) -> Any:
    return access.access_cycle(request.user, cycle_id)


@submissions_router.get("/", response=list[SubmissionOut], summary="Báo cáo trong phạm vi được xem")
@paginate(LimitOffsetPagination)
def list_submissions(
    request: HttpRequest, cycle_id: int | None = None, unit_code: str | None = None, status: str | None = None
) -> Any:
    submissions = access.access_submissions(request.user).prefetch_related("cycle__deadlines").order_by("id")
    if cycle_id is not None:
        submissions = submissions.filter(cycle_id=cycle_id)
    if unit_code:
        submissions = submissions.filter(unit__code=unit_code)
    if status:
        submissions = submissions.filter(status=status)
    return submissions


@submissions_router.post("/", response={201: SubmissionDetailOut, **WRITE_ERRORS}, summary="Lập (hoặc mở) báo cáo")
def open_submission(request: HttpRequest, payload: OpenSubmissionIn) -> Any:
    cycle = access.access_cycle(request.user, payload.cycle_id)
    unit = access.access_units(request.user).filter(code=payload.unit_code).order_by("-valid_from").first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị hoặc bạn không có quyền nhập số liệu cho đơn vị này.")
    unit = access.access_unit_for_submission(request.user, cycle, unit.pk)
    submission = do_open_submission(request.user, cycle, unit)
    return Status(201, access.access_submission(request.user, submission.pk))


VERSION_NOTE = (
    "Gửi kèm phiên bản đã đọc (`version` của báo cáo, hoặc tiêu đề `If-Match` bằng ETag) để không ghi đè "
    "thay đổi của người khác: phiên bản cũ bị từ chối với mã 409 kèm danh sách thay đổi."
)


@submissions_router.get("/{submission_id}", response={200: SubmissionDetailOut, **ERRORS}, summary="Một báo cáo")
def get_submission(request: HttpRequest, submission_id: int, response: HttpResponse) -> Any:
    return _tagged(response, access.access_submission(request.user, submission_id))


@submissions_router.put(
    "/{submission_id}/values", response={200: SubmissionDetailOut, **WRITE_ERRORS}, summary="Lưu số liệu", description=VERSION_NOTE
)
def save_values(
    request: HttpRequest, submission_id: int, payload: list[ValueIn], response: HttpResponse, version: str | None = None
) -> Any:
    submission = access.access_submission(request.user, submission_id, for_write=True)
    expected = _expected(request, version)
    do_save_values(request.user, submission, [_value_item(item) for item in payload], expected_version=expected)
    return _tagged(response, access.access_submission(request.user, submission_id))


@submissions_router.put(
    "/{submission_id}/tasks", response={200: SubmissionDetailOut, **WRITE_ERRORS}, summary="Lưu tiến độ nhiệm vụ", description=VERSION_NOTE
)
def save_tasks(
    request: HttpRequest, submission_id: int, payload: list[TaskProgressIn], response: HttpResponse, version: str | None = None
) -> Any:
    submission = access.access_submission(request.user, submission_id, for_write=True)
    expected = _expected(request, version)
    items = [{"task": item.task_id, **item.model_dump(exclude={"task_id"})} for item in payload]
    do_save_task_progress(request.user, submission, items, expected_version=expected)
    return _tagged(response, access.access_submission(request.user, submission_id))


@submissions_router.post(
    "/{submission_id}/submit", response={200: SubmissionOut, **WRITE_ERRORS}, summary="Gửi báo cáo", description=VERSION_NOTE
)
def submit(request: HttpRequest, submission_id: int, response: HttpResponse, version: str | None = None) -> Any:
    submission = access.access_submission(request.user, submission_id, for_write=True)
    return _tagged(response, do_submit(request.user, submission, expected_version=_expected(request, version)))


@submissions_router.post(
    "/{submission_id}/approve", response={200: SubmissionOut, **WRITE_ERRORS}, summary="Phê duyệt", description=VERSION_NOTE
)
def approve(request: HttpRequest, submission_id: int, response: HttpResponse, version: str | None = None) -> Any:
    submission = access.access_submission_for_review(request.user, submission_id)
    return _tagged(response, do_approve(request.user, submission, expected_version=_expected(request, version)))


@submissions_router.post(
    "/{submission_id}/return", response={200: SubmissionOut, **WRITE_ERRORS}, summary="Trả lại", description=VERSION_NOTE
)
def return_submission(
    request: HttpRequest, submission_id: int, payload: ReturnIn, response: HttpResponse, version: str | None = None
) -> Any:
    submission = access.access_submission_for_review(request.user, submission_id)
    expected = _expected(request, version)
    return _tagged(response, do_return(request.user, submission, payload.reason.strip(), expected_version=expected))


@submissions_router.get("/{submission_id}/excel", response={200: None, **ERRORS}, summary="Tải mẫu Excel đã điền sẵn")
def download_excel(request: HttpRequest, submission_id: int) -> HttpResponse:
    data, filename = excel_bytes(access.access_submission(request.user, submission_id))
    response = HttpResponse(data, content_type=XLSX_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@submissions_router.post("/{submission_id}/excel", response={200: SubmissionDetailOut, **WRITE_ERRORS}, summary="Nhập mẫu Excel")
def upload_excel(request: HttpRequest, submission_id: int, file: UploadedFile = File(...)) -> Any:  # noqa: B008
    """All or nothing: any bad cell gives 422 with one message per cell and stores nothing."""
    submission = access.access_submission(request.user, submission_id, for_write=True)
    if file.size is not None and file.size > MAX_EXCEL_BYTES:
        raise UploadRejected([f"Tệp quá lớn: tối đa {MAX_EXCEL_BYTES // (1024 * 1024)} MB."])
    import_excel(request.user, submission, file.read(), file.name or "")
    return access.access_submission(request.user, submission_id)


SOURCES = ("body", "query", "path", "file", "form", "header", "cookie")


def _loc(loc: Any) -> str:
    """``("body", "payload", 0, "value")`` → ``"0.value"``: the parameter source and name are dropped."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in SOURCES:
        parts = parts[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts)


def install(api: NinjaAPI) -> None:
    """Add the routers (all behind an API key or the session) and the Vietnamese error handlers."""
    for prefix, router in (
        ("units/", units_router),
        ("indicators/", indicators_router),
        ("plans/", plans_router),
        ("cycles/", cycles_router),
        ("submissions/", submissions_router),
        ("progress/", progress_router),
    ):
        api.add_router(prefix, router, auth=API_AUTH)

    def detail(request: HttpRequest, message: str, status: int, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"detail": message, **extra}, status=status)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        message = str(exc) if exc.args else "Không tìm thấy."
        return detail(request, message, 404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return detail(request, str(exc) or "Bạn không có quyền thực hiện thao tác này.", 403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return detail(
            request,
            "Bạn cần đăng nhập (và gửi kèm mã CSRF khi ghi dữ liệu), hoặc gửi khóa API hợp lệ trong "
            "tiêu đề «Authorization: Bearer …». Khóa sai, đã thu hồi hoặc của tài khoản bị khóa không dùng được.",
            401,
        )

    @api.exception_handler(AuthorizationError)
    def unauthorized(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return detail(request, "Bạn không có quyền thực hiện thao tác này.", 403)

    @api.exception_handler(ValidationFailed)
    def invalid_values(request: HttpRequest, exc: ValidationFailed) -> HttpResponse:
        errors = [{"row": e.row, "indicator": e.indicator, "field": e.field, "message": e.message} for e in exc.errors]
        return detail(request, "Số liệu chưa hợp lệ; không có gì được lưu.", 422, errors=errors)

    @api.exception_handler(UploadRejected)
    def bad_upload(request: HttpRequest, exc: UploadRejected) -> HttpResponse:
        errors = [{"row": None, "indicator": "", "field": "file", "message": m} for m in exc.errors]
        return detail(request, "Tệp Excel chưa được nhập; không có gì được lưu.", 422, errors=errors)

    @api.exception_handler(ReportingError)
    def refused(request: HttpRequest, exc: ReportingError) -> HttpResponse:
        if isinstance(exc, StaleVersion):
            changes = [{"where": c.where, "field": c.field, "old": c.old, "new": c.new} for c in exc.changes]
            return detail(request, exc.message, 409, changes=changes, current_version=exc.current)
        return detail(request, exc.message, 409)

    @api.exception_handler(BadVersion)
    def bad_version(request: HttpRequest, exc: BadVersion) -> HttpResponse:
        return detail(request, exc.message, 422)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = []
        for e in exc.errors:
            where = _loc(e.get("loc", ()))
            message = PYDANTIC_MESSAGES.get(str(e.get("type")), "không hợp lệ")
            errors.append({"row": None, "indicator": "", "field": where, "message": f"{where or 'dữ liệu'}: {message}"})
        return detail(request, "Dữ liệu gửi lên không hợp lệ; không có gì được lưu.", 422, errors=errors)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return detail(request, str(exc.message), exc.status_code)
