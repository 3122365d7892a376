"""Page: the brief — the most central non-redundant sentences, cited, and the key figures."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad.api.corpus import corpus_view
from marsad.api.deps import open_db
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
NAV = ("/brief", "الموجز", "brief")


@router.get("/brief")
def brief(request: Request):
    from marsad.corpus.brief import make_brief

    with open_db(request) as store:
        view = corpus_view(store)
    return render(request, "brief.html", {"brief": make_brief(view)}, active="brief")
