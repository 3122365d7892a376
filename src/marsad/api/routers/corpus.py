"""The view across articles: comparison matrix, timeline and brief of the whole store."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from marsad.api.corpus import request_view

router = APIRouter(tags=["corpus"])

StoryQuery = Query(None, max_length=40, description="Only this story (id, id prefix or rank in /api/stories).")


@router.get("/stories", summary="Stories: articles clustered as they arrive, with label, key entities, dates")
def stories(request: Request):
    view = request_view(request, None)
    return {"total": len(view.stories), "stories": view.story_rows()}


@router.get("/copies", summary="Reports that copy or re-translate each other, passage by passage")
def copies(request: Request, story: Optional[str] = StoryQuery, limit: int = Query(60, ge=1, le=500)):
    view = request_view(request, story)
    return {"pairs": [c.to_dict() for c in view.copies], "passages": view.copy_rows(limit)}


_CATEGORIES = ("troops", "casualties", "personnel", "munitions", "weapons", "containers", "visits", "money", "other")


@router.get("/matrix", summary="Comparison matrix: figures of the same thing by source, with contradictions")
def matrix(request: Request,
           category: Optional[str] = Query(None, pattern="^(" + "|".join(_CATEGORIES) + ")$"),
           all_rows: bool = Query(False, alias="all", description="Include rows given by a single source."),
           status: Optional[str] = Query(None, pattern="^(contradiction|change|agreement|single)$"),
           story: Optional[str] = StoryQuery):
    """Rows are what is measured (category, aspect, owner, new arrivals or total), columns the
    sources (resolved to entities), cells the figures with hedge, date and evidence span;
    ``findings`` classify every same-time pair of sources as agreement or contradiction, and a
    source's own figure moving over time as a change."""
    view = request_view(request, story)
    d = view.comparison.to_dict()
    d["measures"] = [m for m in d["measures"] if (not category or m["category"] == category)
                     and (all_rows or len(m["cells"]) > 1) and (not status or m["status"] == status)]
    return d


@router.get("/timeline", summary="Events with resolved dates, each citing its articles")
def timeline(request: Request, story: Optional[str] = StoryQuery):
    view = request_view(request, story)
    rows = view.timeline_rows()
    return {"total": len(rows), "entries": [{**r, **{"participants": list(t.participants), "place": t.place}}
                                            for r, t in zip(rows, view.timeline)]}


@router.get("/brief", summary="A short cited Arabic brief and the key figures")
def brief(request: Request, sentences: int = Query(6, ge=1, le=20), story: Optional[str] = StoryQuery):
    from marsad.corpus.brief import make_brief

    view = request_view(request, story)
    b = make_brief(view, k=sentences)
    return {**b.to_dict(), "text": b.to_text()}
