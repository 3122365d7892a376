"""Page: the timeline — events dated against each article's publication date, with a chart."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Request

from marsad.api.corpus import request_view
from marsad.web.render import opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/timeline", "الخط الزمني", "timeline")


@router.get("/timeline")
def timeline(request: Request, story: Optional[str] = None):
    from marsad.corpus.report import timeline_svg

    view = request_view(request, opt_str(story, 40))
    rows = view.timeline_rows()
    return render(request, "timeline.html", {"rows": rows, "svg": timeline_svg(rows)}, active="timeline")
