"""The view across articles: comparison matrix, timeline and brief of the whole store."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api.corpus import corpus_view
from marsad.api.deps import open_db

router = APIRouter(tags=["corpus"])

_CATEGORIES = ("troops", "casualties", "personnel", "munitions", "weapons", "containers", "visits", "money", "other")


@router.get("/matrix", summary="Comparison matrix: figures of the same thing by source, with contradictions")
def matrix(request: Request,
           category: Optional[str] = Query(None, pattern="^(" + "|".join(_CATEGORIES) + ")$"),
           all_rows: bool = Query(False, alias="all", description="Include rows given by a single source."),
           status: Optional[str] = Query(None, pattern="^(contradiction|change|agreement|single)$")):
    """Rows are what is measured (category, aspect, owner, new arrivals or total), columns the
    sources (resolved to entities), cells the figures with hedge, date and evidence span;
    ``findings`` classify every same-time pair of sources as agreement or contradiction, and a
    source's own figure moving over time as a change."""
    with open_db(request) as store:
        view = corpus_view(store)
    d = view.comparison.to_dict()
    d["measures"] = [m for m in d["measures"] if (not category or m["category"] == category)
                     and (all_rows or len(m["cells"]) > 1) and (not status or m["status"] == status)]
    return d


@router.get("/timeline", summary="Events with resolved dates, each citing its articles")
def timeline(request: Request):
    with open_db(request) as store:
        view = corpus_view(store)
    rows = view.timeline_rows()
    return {"total": len(rows), "entries": [{**r, **{"participants": list(t.participants), "place": t.place}}
                                            for r, t in zip(rows, view.timeline)]}


@router.get("/brief", summary="A short cited Arabic brief and the key figures")
def brief(request: Request, sentences: int = Query(6, ge=1, le=20)):
    from marsad.corpus.brief import make_brief

    with open_db(request) as store:
        view = corpus_view(store)
    b = make_brief(view, k=sentences)
    return {**b.to_dict(), "text": b.to_text()}
