"""Pages: the article list (home) and one article with its claims and entities highlighted."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db
from marsad.web.render import annotate, opt_date, opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/", "المقالات", "articles")


@router.get("/")
def home(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE), outlet: Optional[str] = None,
         entity: Optional[str] = None, date_from: Optional[str] = None, date_to: Optional[str] = None):
    f = {"outlet": opt_str(outlet), "entity": opt_str(entity, 100), "date_from": opt_date(date_from, "date_from"),
         "date_to": opt_date(date_to, "date_to")}
    with open_db(request) as store:
        data = service.articles_page(store, page=page, per_page=25, **f)
        st = service.stats(store, write_requires_token=False)
        ent = None
        if f["entity"]:
            from marsad.api.entities import entity_index

            ent = entity_index(store).by_id.get(f["entity"])
    return render(request, "articles.html", {"data": data, "stats": st, "f": f, "entity": ent}, active="articles")


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, q: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS)):
    with open_db(request) as store:
        a = service.article_detail(store, article_id)
        hits: list = []
        if q and q.strip():
            from marsad.api.search import hit_spans
            from marsad.store.sqlite import compile_query

            try:
                hits = hit_spans(a["text"], compile_query(q, store.term_variants).terms)
            except ValueError:
                hits = []
    segments = annotate(a["text"], a["claims"], a["entities"], hits)
    ents: dict[str, dict] = {}
    for m in a["entities"]:
        e = ents.setdefault(m["entity_id"], {**m, "count": 0, "spellings": {}})
        e["count"] += 1
        e["spellings"][m["text"]] = None
    return render(request, "article.html", {"a": a, "segments": segments, "ents": list(ents.values()), "q": q,
                                            "hits": len(hits)}, active="articles")
