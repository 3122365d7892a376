"""Page: the stories of the store, each with its articles, key entities, dates and the reports
that copy or re-translate each other; links to each story's matrix, timeline and brief."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad.api.corpus import request_view
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
NAV = ("/stories", "القصص", "stories")


@router.get("/stories")
def stories(request: Request):
    view = request_view(request)
    return render(request, "stories.html", {"stories": view.story_rows(), "copies": view.copy_rows(40),
                                            "n_articles": len(view.analyses)}, active="stories")
