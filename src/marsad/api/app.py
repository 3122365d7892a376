"""The FastAPI application: the REST API under ``/api`` and the web pages, one process.

    >>> from marsad.api import create_app
    >>> app = create_app("news.db")                       # doctest: +SKIP
    >>> # uvicorn.run(app, host="127.0.0.1", port=8000)

OpenAPI: ``/api/openapi.json`` (a readable reference is the page ``/api``; no Swagger UI,
which would load scripts from a CDN).
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from marsad.api.deps import LOOPBACK_HOSTS, Settings
from marsad.api.errors import install_error_handlers
from marsad.api.security import GuardMiddleware, HeadersMiddleware
from marsad.api.uploads import UploadLimits
from marsad.store import is_postgres_url, open_store

__all__ = ["create_app"]

log = logging.getLogger("marsad.api")

API_DESCRIPTION = """Follow one developing story across many Arabic outlets: articles, who is
mentioned (one entity per real person/organisation/place, whatever the spelling), who claims
how many of what, and Arabic-aware full-text search.

Offsets (`start`/`end`) index the article's cleaned `text` as returned by
`GET /api/articles/{id}`. Lists are paginated (`page`, `per_page` ≤ 100) and answer
`{total, page, per_page, items}`. Errors answer `{error, details}` with a 4xx status.
Writes need `Authorization: Bearer <MARSAD_API_TOKEN>` when the server was started with a token."""


def create_app(db: str | Path, *, token: str | None = None,
               allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS,
               limits: UploadLimits = UploadLimits(), warm: bool = False) -> FastAPI:
    """The app over the store at ``db``, a SQLite file or a ``postgresql://`` URL (created and
    migrated if needed).

    Args:
        token: when set, write endpoints require it as a bearer token.
        allowed_hosts: accepted ``Host`` headers (DNS-rebinding guard); ``None`` accepts any.
        limits: upload limits (files, bytes per file, bytes per request).
        warm: compute the entity index in the background at start-up (``marsad serve``).
    """
    from marsad.api.routers import ROUTERS
    from marsad.web import include_web

    cfg = Settings(db if is_postgres_url(db) else Path(db), token or None, allowed_hosts, limits)
    with open_store(cfg.db) as store:              # fail early on a bad store; index older stores
        n = store.ensure_search_index()
    if n:
        log.info("search index: %d articles indexed", n)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            import threading

            threading.Thread(target=_warm, args=(cfg.db,), daemon=True, name="marsad-warm").start()
        yield

    app = FastAPI(title="Marsad API", version=_version(), description=API_DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = cfg
    api = APIRouter(prefix="/api")
    for mod in ROUTERS:
        api.include_router(mod.router)
    app.include_router(api)
    include_web(app)
    install_error_handlers(app)
    app.add_middleware(GuardMiddleware, max_body=limits.max_request_bytes)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(HeadersMiddleware)
    return app


def _warm(db: Path | str) -> None:
    from marsad.api.entities import entity_index

    try:
        with open_store(db) as store:
            entity_index(store)
    except Exception:                              # a warm-up failure must not stop the server
        log.exception("entity index warm-up failed")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("marsad")
    except Exception:
        return "0"
