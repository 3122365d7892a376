"""Page: the brief — the most central non-redundant sentences, cited, and the key figures."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Request

from marsad.api.corpus import request_view
from marsad.web.render import opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/brief", "الموجز", "brief")


@router.get("/brief")
def brief(request: Request, story: Optional[str] = None):
    from marsad.corpus.brief import make_brief

    view = request_view(request, opt_str(story, 40))
    return render(request, "brief.html", {"brief": make_brief(view)}, active="brief")
