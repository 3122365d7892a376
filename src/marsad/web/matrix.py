"""Page: the comparison matrix — figures of the same thing by source, contradictions marked,
and a chart of each figure by source and date."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Request

from marsad.api.corpus import request_view
from marsad.api.deps import open_db
from marsad.web.render import CATEGORY, opt_choice, opt_str, render

router = APIRouter(include_in_schema=False)
NAV = ("/matrix", "مصفوفة الأرقام", "matrix")


@router.get("/matrix")
def matrix(request: Request, category: Optional[str] = None, all: Optional[str] = None,  # noqa: A002
           story: Optional[str] = None):
    from marsad.corpus.report import figure_svg

    cat = opt_choice(category, CATEGORY, "category")
    view = request_view(request, opt_str(story, 40))
    with open_db(request) as store:
        # the article page anchors each stored claim as "c<id>"; the view's claims are the same spans
        anchors = {(r["article_id"], r["start"]): f"c{r['id']}" for r in store.claims()}
    rows = [m for m in view.comparison.measures if m.category != "other" and (not cat or m.category == cat)
            and (all or len(m.cells) > 1)]
    sources = list(dict.fromkeys(c.source_id for m in rows for c in m.cells))
    labels = {c.source_id: c.source_label for m in rows for c in m.cells}
    table = []
    for m in rows:
        disputed = m.disputed
        by_src = {c.source_id: c for c in m.cells}
        cells = [[{"r": r, "disputed": id(r) in disputed, "anchor": anchors.get((r.article_id, r.claim.start), "")}
                  for r in (by_src[s].distinct if s in by_src else ())] for s in sources]
        table.append({"m": m, "cells": cells, "svg": figure_svg(m),
                      "notes": [f for f in m.findings if f.kind != "agreement"]})
    return render(request, "matrix.html", {"rows": table, "sources": [labels[s] for s in sources], "category": cat,
                                           "all": bool(all), "n_articles": len(view.analyses),
                                           "story": opt_str(story, 40)}, active="matrix")
