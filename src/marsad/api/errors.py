"""Errors as clear 4xx answers: JSON under ``/api``, a page elsewhere; never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.api.security import AuthError, BodyTooLarge
from marsad.api.service import BadRequest, NotFound
from marsad.api.uploads import UploadRejected
from marsad.store.sqlite import StoreError

log = logging.getLogger("marsad.api")

__all__ = ["install_error_handlers"]

_TITLES = {400: "طلب غير صالح", 401: "يلزم رمز الدخول", 403: "مرفوض", 404: "غير موجود", 405: "طريقة غير مسموحة",
           413: "الحجم أكبر من المسموح", 415: "نوع ملف غير مدعوم", 422: "طلب غير صالح", 500: "خطأ في الخادم",
           503: "قاعدة البيانات غير متاحة"}


def _respond(request: Request, status: int, message: str, details: list[dict] | None = None,
             headers: dict | None = None):
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": message, "details": details or []}, status_code=status, headers=headers)
    from marsad.web.render import render

    return render(request, "error.html", {"status": status, "title": _TITLES.get(status, "خطأ"), "message": message,
                                          "details": details or []}, status=status, headers=headers)


def _where(loc) -> str:
    return ".".join(str(p) for p in loc) if loc else "request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError):
        details = [{"where": _where(e.get("loc")), "message": e.get("msg", "invalid")} for e in exc.errors()]
        msg = "invalid request: " + "; ".join(f"{d['where']}: {d['message']}" for d in details)
        return _respond(request, 422, msg, details)

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return _respond(request, 422, str(exc), [{"where": exc.where, "message": str(exc)}])

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return _respond(request, 404, str(exc))

    @app.exception_handler(UploadRejected)
    async def rejected(request: Request, exc: UploadRejected):
        return _respond(request, exc.status, exc.message, [{"where": w, "message": m} for w, m in exc.problems])

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge):
        return _respond(request, 413, str(exc))

    @app.exception_handler(AuthError)
    async def auth(request: Request, exc: AuthError):
        return _respond(request, 401, str(exc), headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error: %s", exc)
        return _respond(request, 503, "the database cannot be opened; see the server log")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such page: {request.url.path}"
        return _respond(request, exc.status_code, msg, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal error; the server log has the details")
