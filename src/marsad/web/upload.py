"""Page: the upload form (files or pasted text) and its result."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from marsad.api.deps import open_db, settings
from marsad.api.security import check_token
from marsad.api.uploads import ALLOWED_SUFFIXES, UploadRejected, ingest_files, ingest_json
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
NAV = ("/upload", "رفع مقالات", "upload")


def _ctx(request: Request, **kw):
    lim = settings(request).limits
    return {"accept": ",".join(ALLOWED_SUFFIXES), "suffixes": ALLOWED_SUFFIXES, "max_files": lim.max_files,
            "max_mb": lim.max_file_bytes / 1024 / 1024, **kw}


@router.get("/upload")
def upload_form(request: Request):
    return render(request, "upload.html", _ctx(request), active="upload")


@router.post("/upload")
async def upload(request: Request):
    cfg = settings(request)
    async with request.form(max_files=cfg.limits.max_files + 1, max_fields=20) as form:
        token = form.get("token")
        check_token(cfg.token, request.headers.get("authorization"), token if isinstance(token, str) else None)
        files = [(f.filename, await f.read(cfg.limits.max_file_bytes + 1)) for f in form.getlist("files")
                 if hasattr(f, "read") and f.filename]
        fields = {k: (form.get(k) if isinstance(form.get(k), str) else "") for k in ("text", "title", "outlet", "published")}
    text = (fields["text"] or "").strip()
    outlet = (fields["outlet"] or "").strip()[:300] or None

    def work():
        with open_db(request) as store:
            if files:
                return ingest_files(store, files, outlet=outlet, limits=cfg.limits)
            if text:
                return ingest_json(store, [{"text": text, "title": (fields["title"] or "").strip()[:1000] or None,
                                            "outlet": outlet, "published": (fields["published"] or "").strip()[:64] or None}],
                                   limits=cfg.limits)
            raise UploadRejected(422, "اختر ملفًا أو الصق نص مقال", [("files", "missing")])

    try:
        report = await run_in_threadpool(work)
    except UploadRejected as exc:
        return render(request, "upload.html", _ctx(request, error=exc.message, problems=exc.problems, fields=fields),
                      active="upload", status=exc.status)
    return render(request, "upload.html", _ctx(request, report=report), active="upload")
