"""The corpus view of a store (comparison matrix, timeline, brief, stories), behind one function.

:func:`corpus_view` runs the per-article stages over the store's articles (each analysis cached
by article id: ids are content hashes, an article never changes) and the corpus stages over
them, cached by the store's stamp like :func:`marsad.api.entities.entity_index`, so an upload
invalidates it and only new articles are analysed again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from marsad.api.entities import _stamp, _store_key

__all__ = ["corpus_view", "request_view", "clear_cache"]

_lock = threading.Lock()
_views: "OrderedDict[str, tuple[tuple, Any]]" = OrderedDict()
_analyses: "OrderedDict[str, Any]" = OrderedDict()
_MAX_VIEWS = 4
_MAX_ANALYSES = 20_000


def clear_cache() -> None:
    with _lock:
        _views.clear()
        _analyses.clear()


def _analysis(a: Any) -> Any:
    from marsad.pipeline import analyse

    got = _analyses.get(a.id)
    if got is None:
        got = analyse(a)
        _analyses[a.id] = got
        if len(_analyses) > _MAX_ANALYSES:
            _analyses.popitem(last=False)
    return got


def corpus_view(store: Any, story: str | None = None) -> Any:
    """The :class:`~marsad.corpus.view.CorpusView` of every article in ``store`` (cached), or of
    one story of it (``story``: id, id prefix or 1-based rank; ``KeyError`` when unknown)."""
    from marsad.corpus.view import build_view, story_articles

    if story:
        full = corpus_view(store)
        keep = set(story_articles(full.stories, story))
        key = ("story", _store_key(store), tuple(sorted(keep)))
        hit = _views.get(str(key))
        if hit:
            return hit[1]
        view = build_view([an for an in full.analyses if an.article.id in keep])
        with _lock:
            _views[str(key)] = ((), view)
            while len(_views) > _MAX_VIEWS * 4:
                _views.popitem(last=False)
        return view
    key, stamp = _store_key(store), _stamp(store)
    hit = _views.get(key)
    if hit and hit[0] == stamp:
        return hit[1]
    with _lock:
        hit = _views.get(key)
        if hit and hit[0] == stamp:
            return hit[1]
        view = build_view([_analysis(a) for a in store.iter_articles()])
        _views[key] = (stamp, view)
        _views.move_to_end(key)
        while len(_views) > _MAX_VIEWS:
            _views.popitem(last=False)
        return view


def request_view(request: Any, story: str | None = None) -> Any:
    """:func:`corpus_view` of the request's store; an unknown story is a 404 (``NotFound``)."""
    from marsad.api.deps import open_db
    from marsad.api.service import NotFound

    with open_db(request) as store:
        try:
            return corpus_view(store, story)
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None
