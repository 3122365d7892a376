"""What the store holds (counts, outlets, categories) and whether writes need a token."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad.api import schemas as S
from marsad.api import service
from marsad.api.deps import open_db, settings

router = APIRouter(prefix="/stats", tags=["meta"])


@router.get("", response_model=S.Stats, summary="Store statistics")
def stats(request: Request):
    with open_db(request) as store:
        return service.stats(store, write_requires_token=bool(settings(request).token), with_entities=True)
