"""Entities: one per real person, organisation or place, with all its spellings."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=S.Page[S.EntitySummary], summary="List entities, most mentioned first")
def list_entities(request: Request, page: int = Query(1, ge=1, le=S.MAX_PAGE, description="Page number, from 1."),
                  per_page: int = Query(50, ge=1, le=S.MAX_PER_PAGE, description="Items per page (at most 100)."),
                  type: Optional[S.EntityType] = Query(None, description="PER, ORG or LOC."),
                  q: Optional[str] = Query(None, max_length=S.MAX_QUERY_CHARS,
                                           description="Name or spelling; spelling variants match (شويجو finds شويغو)."),
                  article: Optional[str] = Query(None, max_length=16, description="Only entities of this article.")):
    with open_db(request) as store:
        return service.entities_page(store, page=page, per_page=per_page, type=type, q=q, article=article)


@router.get("/{entity_id}", response_model=S.EntityDetail, summary="One entity: spellings, articles, mentions",
            responses={404: {"model": S.Error}})
def get_entity(request: Request, entity_id: str):
    with open_db(request) as store:
        return service.entity_detail(store, entity_id)
