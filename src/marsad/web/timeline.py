"""Page: the timeline — events dated against each article's publication date, with a chart."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad.api.corpus import corpus_view
from marsad.api.deps import open_db
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
NAV = ("/timeline", "الخط الزمني", "timeline")


@router.get("/timeline")
def timeline(request: Request):
    from marsad.corpus.report import timeline_svg

    with open_db(request) as store:
        view = corpus_view(store)
    rows = view.timeline_rows()
    return render(request, "timeline.html", {"rows": rows, "svg": timeline_svg(rows)}, active="timeline")
