"""Page: the brief — the most central non-redundant sentences, cited, and the key figures."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Request

from marsad.api.corpus import corpus_view
from marsad.api.service import NotFound
from marsad.api.deps import open_db
from marsad.web.render import opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/brief", "الموجز", "brief")


@router.get("/brief")
def brief(request: Request, story: Optional[str] = None):
    from marsad.corpus.brief import make_brief

    with open_db(request) as store:
        try:
            view = corpus_view(store, opt_str(story, 40))
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None
    return render(request, "brief.html", {"brief": make_brief(view)}, active="brief")
