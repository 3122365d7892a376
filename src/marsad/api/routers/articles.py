"""Articles: list, one article with its claim, entity and quote spans, upload."""

from __future__ import annotations

import datetime as dt
import json
from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db, settings
from marsad.api.security import check_token
from marsad.api.uploads import ALLOWED_SUFFIXES, UploadRejected, ingest_files, ingest_json

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=S.Page[S.ArticleSummary], summary="List articles, newest first")
def list_articles(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE, description="Page number, from 1."),
                  per_page: int = Query(20, ge=1, le=S.MAX_PER_PAGE, description="Items per page (at most 100)."),
                  outlet: Optional[str] = Query(None, max_length=300, description="Only this outlet (exact)."),
                  entity: Optional[str] = Query(None, max_length=100, description="Only articles mentioning this entity id."),
                  date_from: Optional[dt.date] = Query(None, description="Published on or after (YYYY-MM-DD)."),
                  date_to: Optional[dt.date] = Query(None, description="Published on or before (YYYY-MM-DD).")):
    with open_db(request) as store:
        return service.articles_page(store, page=page, per_page=per_page, outlet=outlet, entity=entity,
                                     date_from=date_from, date_to=date_to)


@router.get("/{article_id}", response_model=S.ArticleDetail, summary="One article with its spans",
            responses={404: {"model": S.Error}})
def get_article(request: Request, article_id: str):
    """The cleaned text with every claim (value, hedge, category, source), entity mention and
    quote as offsets into it. `article_id` may be a unique prefix of at least 4 characters."""
    with open_db(request) as store:
        return service.article_detail(store, article_id)


_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["files"],
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                         "description": "Article files: " + " ".join(ALLOWED_SUFFIXES)},
                               "outlet": {"type": "string", "description": "Outlet for articles that name none."}}}},
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticlesIn"}},
        },
    }
}


@router.post("", status_code=201, response_model=S.UploadReport, summary="Upload articles (files or JSON)",
             openapi_extra=_UPLOAD_DOC,
             responses={401: {"model": S.Error}, 413: {"model": S.Error}, 415: {"model": S.Error},
                        422: {"model": S.Error}})
async def upload(request: Request):
    """Files (multipart field `files`, any format `marsad ingest` reads, any Arabic
    encoding) or JSON `{"articles": [{"text": ..., "title": ..., "outlet": ..., "published": ...}]}`.

    All or nothing: if any file, line or entry cannot be read, nothing is stored and the answer
    (422) lists every problem. Articles already stored count as duplicates.
    """
    cfg = settings(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        check_token(cfg.token, request.headers.get("authorization"))
        try:
            payload = json.loads(await request.body())
            body = S.ArticlesIn.model_validate(payload)
        except (ValueError, ValidationError) as exc:
            raise UploadRejected(422, "invalid JSON body: " + _json_problem(exc), [("body", _json_problem(exc))])
        docs = [a.model_dump() for a in body.articles]

        def work():
            with open_db(request) as store:
                return ingest_json(store, docs, limits=cfg.limits)
    elif ctype == "multipart/form-data":
        auth = request.headers.get("authorization")
        if auth:
            check_token(cfg.token, auth)
        async with request.form(max_files=cfg.limits.max_files + 1, max_fields=20) as form:
            if not auth:
                check_token(cfg.token, None, _str(form.get("token")))
            files = [(f.filename, await f.read(cfg.limits.max_file_bytes + 1)) for f in form.getlist("files")
                     if hasattr(f, "read")]
            outlet = (_str(form.get("outlet")) or "").strip()[:300] or None

        def work():
            with open_db(request) as store:
                return ingest_files(store, files, outlet=outlet, limits=cfg.limits)
    else:
        raise UploadRejected(415, "send multipart/form-data (field 'files') or application/json")
    return await run_in_threadpool(work)


def _str(v) -> str | None:
    return v if isinstance(v, str) else None


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()[:10])
    return f"not JSON ({exc})"
