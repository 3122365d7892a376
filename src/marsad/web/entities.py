"""Pages: entities (filter by type and name) and one entity with its spellings and mentions."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db
from marsad.web.render import TYPE, opt_choice, opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/entities", "الكيانات", "entities")


@router.get("/entities")
def entities(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE), type: Optional[str] = None,
             q: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS)):
    f = {"type": opt_choice(type, TYPE, "type"), "q": opt_str(q, S.MAX_QUERY_CHARS)}
    with open_db(request) as store:
        data = service.entities_page(store, page=page, per_page=50, **f)
    return render(request, "entities.html", {"data": data, "f": f}, active="entities")


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str):
    with open_db(request) as store:
        e = service.entity_detail(store, entity_id)
        claims = service.claims_page(store, per_page=S.MAX_PER_PAGE, entity=entity_id, role="source")
    return render(request, "entity.html", {"e": e, "claims": claims}, active="entities")
