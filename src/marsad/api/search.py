"""Search results with snippets cut from the articles' own text, the hits marked.

The index (``search`` of either store) holds normalised, clitic-light terms; the snippets are
found by tokenising the original text again and marking every token whose term the query
matched, so "بيونج يانج" marks "وبيونغ يانغ" exactly as the article writes it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from marsad.api.entities import entity_index
from marsad.api.service import BadRequest, _entity_articles, _entity_summary, get_article, match_entities
from marsad.store.base import SearchableStore
from marsad.store.searchterms import index_term

__all__ = ["search_page", "hit_spans", "snippets"]


def hit_spans(text: str, terms: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Spans of the tokens of ``text`` whose search term is in ``terms``."""
    return [(s, e) for s, e, t in _term_spans(text) if t in terms]


@lru_cache(maxsize=256)
def _term_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every token of ``text`` with its search term (texts are stored once and never change)."""
    from marsad.text.tokens import tokenize

    return tuple((t.start, t.end, term) for t in tokenize(text) if (term := index_term(t)))


def snippets(text: str, spans: list[tuple[int, int]], *, width: int = 90, max_snippets: int = 3) -> list[dict[str, Any]]:
    """Up to ``max_snippets`` windows of about ``2 * width`` characters around the hits, cut at
    spaces, overlapping windows merged; without hits, the opening of the text."""
    n = len(text)
    if not spans:
        end = _cut_right(text, min(n, 2 * width))
        return [{"start": 0, "end": end, "text": text[:end], "highlights": []}] if n else []
    windows: list[list[int]] = []
    for s, e in spans:
        ws, we = _cut_left(text, max(0, s - width), s), _cut_right(text, min(n, e + width))
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], we)
        else:
            windows.append([ws, we])
    out = []
    for ws, we in windows[:max_snippets]:
        out.append({"start": ws, "end": we, "text": text[ws:we],
                    "highlights": [(s - ws, e - ws) for s, e in spans if ws <= s and e <= we]})
    return out


def _cut_left(text: str, i: int, limit: int) -> int:
    if i == 0:
        return 0
    j = text.find(" ", i, limit)
    nl = text.rfind("\n", i, limit)
    if nl >= 0:
        return nl + 1
    return j + 1 if j >= 0 else i


def _cut_right(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    j = text.rfind(" ", 0, i)
    return j if j > 0 and i - j < 30 else i


def search_page(store: SearchableStore, q: str, *, page: int = 1, per_page: int = 20, outlet: str | None = None,
                entity: str | None = None, date_from: Any = None, date_to: Any = None) -> dict:
    idx = entity_index(store) if entity else None
    ids = _entity_articles(idx, entity) if idx else None
    try:
        res = store.search(q, outlet=outlet, date_from=date_from, date_to=date_to, article_ids=ids,
                           limit=per_page, offset=(page - 1) * per_page)
    except ValueError as exc:
        raise BadRequest(str(exc), "query.q") from None
    items = []
    for h in res.hits:
        a = get_article(store, h["id"])
        spans = hit_spans(a.text, res.terms)
        items.append({**h, "exact": bool(h["exact"]), "hits": len(spans), "snippets": snippets(a.text, spans),
                      "title_highlights": hit_spans(a.title, res.terms) if a.title else []})
    ents = match_entities(entity_index(store), q, limit=5) if page == 1 else []
    return {"total": res.total, "page": page, "per_page": per_page, "items": items, "query": q,
            "terms": sorted(res.terms), "entities": [_entity_summary(e, entity_index(store)) for e in ents]}
