"""Page: search with filters; snippets show the article's own words with the hits marked."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db
from marsad.api.search import search_page
from marsad.web.render import opt_date, opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/search", "البحث", "search")


@router.get("/search")
def search(request: Request, q: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS),
           page: int = Query(1, ge=1, le=S.MAX_PAGE), outlet: Optional[str] = None, entity: Optional[str] = None,
           date_from: Optional[str] = None, date_to: Optional[str] = None):
    f = {"outlet": opt_str(outlet), "entity": opt_str(entity, 100), "date_from": opt_date(date_from, "date_from"),
         "date_to": opt_date(date_to, "date_to")}
    q = opt_str(q, S.MAX_QUERY_CHARS)
    error = None
    with open_db(request) as store:
        data = None
        if q:
            try:
                data = search_page(store, q, page=page, per_page=20, **f)
            except service.BadRequest as exc:
                error = str(exc)
        outlets = store.outlets()
        from marsad.api.entities import entity_index

        ent = entity_index(store).by_id.get(f["entity"]) if f["entity"] else None
    return render(request, "search.html", {"data": data, "q": q, "f": f, "outlets": outlets, "error": error,
                                           "entity": ent}, active="search", status=422 if error else 200)
