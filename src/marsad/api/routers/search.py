"""Full-text search, Arabic-aware (clitics, normalisation, transliteration variants)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api.deps import open_db
from marsad.api.search import search_page

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=S.SearchPage, summary="Search articles", responses={422: {"model": S.Error}})
def search(request: Request,
           q: str = Query(..., min_length=1, max_length=S.MAX_QUERY_CHARS,
                          description='Words (all must occur, in any inflection or spelling variant) and '
                                      '"quoted phrases".'),
           page: int = Query(1, ge=1, le=S.MAX_PAGE, description="Page number, from 1."), per_page: int = Query(20, ge=1, le=S.MAX_PER_PAGE, description="Items per page (at most 100)."),
           outlet: Optional[str] = Query(None, max_length=300, description="Only this outlet (exact)."),
           entity: Optional[str] = Query(None, max_length=100, description="Only articles mentioning this entity."),
           date_from: Optional[dt.date] = Query(None, description="Published on or after."),
           date_to: Optional[dt.date] = Query(None, description="Published on or before.")):
    """Ranked by BM25 (title weighs more), articles with the words as typed before those found
    only through spelling variants. Snippets are the article's own text with the hits as offsets."""
    with open_db(request) as store:
        return search_page(store, q, page=page, per_page=per_page, outlet=outlet, entity=entity,
                           date_from=date_from, date_to=date_to)
