"""Page: the claims table with filters (what, who says it, outlet, entity, dates)."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db
from marsad.web.render import CATEGORY, opt_choice, opt_date, opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/claims", "الأرقام", "claims")


@router.get("/claims")
def claims(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE), category: Optional[str] = None,
           source: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS), outlet: Optional[str] = None,
           entity: Optional[str] = None, role: Optional[str] = None, article: Optional[str] = None,
           date_from: Optional[str] = None, date_to: Optional[str] = None):
    f = {"category": opt_choice(category, CATEGORY, "category"), "source": opt_str(source, S.MAX_QUERY_CHARS),
         "outlet": opt_str(outlet), "entity": opt_str(entity, 100), "role": opt_choice(role, ("any", "source"), "role") or "any",
         "article": opt_str(article, 16), "date_from": opt_date(date_from, "date_from"),
         "date_to": opt_date(date_to, "date_to")}
    with open_db(request) as store:
        data = service.claims_page(store, page=page, per_page=50, **f)
        st = service.stats(store, write_requires_token=False)
        from marsad.api.entities import entity_index

        idx = entity_index(store)
        ent = idx.by_id.get(f["entity"]) if f["entity"] else None
        sources = [e for e in idx.entities if e.type in ("PER", "ORG")][:60]
    return render(request, "claims.html", {"data": data, "stats": st, "f": f, "entity": ent, "sources": sources},
                  active="claims")
