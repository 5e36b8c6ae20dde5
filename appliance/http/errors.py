"""One error path: HTML pages for people (Vietnamese, with what to do next), JSON
`{"error": {"code", "message"}}` for /api/, never a stack trace."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from appliance.http.rendering import render_error_page

log = logging.getLogger(__name__)

_DEFAULT_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Bạn cần đăng nhập để tiếp tục.",
    403: "Bạn không có quyền truy cập chức năng này.",
    404: "Không tìm thấy trang hoặc dữ liệu được yêu cầu.",
    405: "Phương thức không được hỗ trợ.",
    409: "Dữ liệu đã thay đổi, vui lòng tải lại trang.",
    413: "Tệp hoặc nội dung quá lớn.",
    422: "Dữ liệu gửi lên không hợp lệ.",
    423: "Tài khoản tạm khóa do đăng nhập sai nhiều lần.",
    429: "Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.",
    500: "Hệ thống gặp lỗi ngoài ý muốn. Lỗi đã được ghi lại; vui lòng thử lại hoặc báo quản trị viên.",
    503: "Dịch vụ tạm thời không sẵn sàng.",
}
_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid",
          423: "locked", 429: "rate_limited", 500: "internal", 503: "unavailable"}


# The validation library's messages are English: people read these instead (the field's name stays,
# it is what the form or the API calls it).
_PROBLEMS = {
    "missing": "chưa được điền", "string_too_short": "ngắn quá (ít nhất {min_length} ký tự)",
    "string_too_long": "dài quá (tối đa {max_length} ký tự)", "too_long": "quá nhiều mục (tối đa {max_length})",
    "int_parsing": "phải là số nguyên", "int_type": "phải là số nguyên", "float_parsing": "phải là một số",
    "float_type": "phải là một số", "bool_parsing": "phải là có hoặc không", "bool_type": "phải là có hoặc không",
    "greater_than_equal": "phải từ {ge} trở lên", "less_than_equal": "phải từ {le} trở xuống",
    "greater_than": "phải lớn hơn {gt}", "less_than": "phải nhỏ hơn {lt}", "string_type": "phải là chữ",
    "list_type": "phải là một danh sách", "dict_type": "phải là một đối tượng", "model_type": "phải là một đối tượng",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD", "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "literal_error": "chỉ nhận một trong các giá trị: {expected}", "enum": "chỉ nhận một trong các giá trị: {expected}",
    "string_pattern_mismatch": "không đúng định dạng", "extra_forbidden": "không phải là trường được nhận",
    "value_error": "không hợp lệ",
}


# Form fields as pages name them (an API client reads the field's own name instead).
FIELD_NAMES = {
    "username": "tên đăng nhập", "password": "mật khẩu", "role": "vai trò", "full_name": "họ và tên", "unit": "đơn vị",
    "title": "tiêu đề", "question": "câu hỏi", "text": "nội dung", "content": "nội dung", "body": "nội dung",
    "reply": "trả lời", "status": "trạng thái", "category": "lĩnh vực", "department": "đơn vị xử lý",
    "sla_days": "số ngày làm việc", "days": "số ngày", "name": "họ tên", "audio": "tệp ghi âm", "file": "tệp",
    "files": "tệp", "kind": "loại dữ liệu", "q": "từ khóa", "note": "ghi chú", "assigned_to": "người được giao",
    "trich_yeu": "trích yếu", "noi_dung": "nội dung", "ngay": "ngày", "room": "phòng họp", "action": "thao tác",
}


def validation_problem(err: Mapping[str, object]) -> str:
    """One validation error in Vietnamese ("chưa được điền", "dài quá (tối đa 64 ký tự)")."""
    template = _PROBLEMS.get(str(err.get("type")), "không hợp lệ")
    context = err.get("ctx")
    values = {k: str(v).replace(" or ", " hoặc ") for k, v in context.items()} if isinstance(context, dict) else {}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return "không hợp lệ"


class AppError(Exception):
    """An error meant for people: status, a stable code for programs, a Vietnamese message."""

    def __init__(self, status: int, message: str | None = None, code: str | None = None,
                 headers: dict[str, str] | None = None, next_step: tuple[str, str] | None = None):
        super().__init__(message or _DEFAULT_MESSAGES.get(status, ""))
        self.status = status
        self.message = message or _DEFAULT_MESSAGES.get(status, "Có lỗi xảy ra.")
        self.code = code or _CODES.get(status, "error")
        self.headers = headers or {}
        self.next_step = next_step  # (href, label): the page's way out, e.g. the corrected date range


class LoginRequired(AppError):
    def __init__(self) -> None:
        super().__init__(401)


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.startswith("/v1/") or path == "/healthz":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, message: str | None = None, code: str | None = None,
                   headers: dict[str, str] | None = None, detail: object = None,
                   next_step: tuple[str, str] | None = None) -> Response:
    message = message or _DEFAULT_MESSAGES.get(status, "Có lỗi xảy ra.")
    code = code or _CODES.get(status, "error")
    if wants_json(request):
        body: dict[str, dict[str, object]] = {"error": {"code": code, "message": message}}
        if detail is not None:
            body["error"]["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    if status == 401 and request.method == "GET" and "token" in request.query_params:
        # The kiosk's /wall?token=…: swap the display token for a session (auth.routes).
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
        query = urlencode({"token": request.query_params["token"], "next": target})
        return RedirectResponse(f"/login/token?{query}", status_code=303)
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return render_error_page(request, status, message, headers, next_step=next_step)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> Response:
        return error_response(request, exc.status, exc.message, exc.code, exc.headers, next_step=exc.next_step)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else None
        if message and message.isascii():
            message = None  # framework messages are English; people get the Vietnamese default
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "form"))
            if err.get("type") == "json_invalid":
                problems.append("Nội dung JSON không đúng cú pháp")
            else:
                name = loc if wants_json(request) else FIELD_NAMES.get(loc, loc)
                problems.append(f"«{name or 'nội dung'}» {validation_problem(err)}")
        message = "Dữ liệu gửi lên không hợp lệ: " + "; ".join(problems) + "."
        return error_response(request, 422, message, "invalid")

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError) -> Response:
        # An integer past what SQLite stores (2^63) reaching a query: the input was wrong, not the app.
        return error_response(request, 422, "Giá trị số quá lớn.", "invalid")

    @app.exception_handler(RecursionError)
    async def _too_deep(request: Request, exc: RecursionError) -> Response:
        # JSON nested thousands deep exhausts the parser's recursion: refuse the input.
        return error_response(request, 400, "Nội dung gửi lên lồng nhau quá sâu.", "bad_request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500)
