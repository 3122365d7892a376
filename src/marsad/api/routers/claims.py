"""Claims: who says how many of what, and when."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=S.Page[S.Claim], summary="List claims with filters")
def list_claims(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE, description="Page number, from 1."),
                per_page: int = Query(50, ge=1, le=S.MAX_PER_PAGE, description="Items per page (at most 100)."),
                category: Optional[S.Category] = Query(None, description="What is counted."),
                source: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS,
                                              description="Source text contains this (spelling-insensitive)."),
                entity: Optional[str] = Query(None, max_length=100, description="Entity id (see role)."),
                role: Literal["any", "source"] = Query("any", description="With entity: 'source' keeps claims "
                                                       "attributed to it; 'any' also those whose sentence mentions it."),
                outlet: Optional[str] = Query(None, max_length=300, description="Only this outlet (exact)."),
                article: Optional[str] = Query(None, max_length=16, description="Only this article (id or prefix)."),
                date_from: Optional[dt.date] = Query(None, description="Claim date (else publication) on or after."),
                date_to: Optional[dt.date] = Query(None, description="Claim date (else publication) on or before.")):
    with open_db(request) as store:
        return service.claims_page(store, page=page, per_page=per_page, category=category, source=source,
                                   entity=entity, role=role, outlet=outlet, article=article,
                                   date_from=date_from, date_to=date_to)
