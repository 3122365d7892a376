"""Entities of a store, behind one function: :func:`entity_index`.

Entities are not stored yet: they are computed over the whole store (mentions per article,
then cross-document resolution, see :mod:`marsad.extract.entities`) and cached. The cache is
keyed by the database (file or URL) and a stamp of its articles (count and last rowid; on
PostgreSQL, count and latest ingest time: articles are never deleted), so an upload
invalidates it; mentions are cached per article id (ids are content hashes, an article never
changes), so after an upload only the new articles are read again and resolution re-runs.
When entities are stored at ingest, only :func:`entity_index` needs to change.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Any

from marsad.records import Article
from marsad.store.base import Store
from marsad.store.sqlite import SQLiteStore

__all__ = ["EntityIndex", "MentionRef", "entity_index", "clean_span", "clear_cache"]


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention with its entity. ``raw_*`` index the article's raw text; ``start``/``end`` its
    cleaned text, ``None`` for mentions in lines cleaning removed (datelines, bylines)."""

    article_id: str
    raw_start: int
    raw_end: int
    start: int | None
    end: int | None
    text: str
    surface: str
    type: str
    via: str
    entity_id: str


@dataclass(slots=True)
class EntityIndex:
    entities: list[Any]                                    # marsad.extract.entities.Entity, most mentioned first
    by_id: dict[str, Any]
    mentions: dict[str, list[MentionRef]]                  # article id -> mentions in text order
    articles: dict[str, list[str]]                         # entity id -> article ids (store order)
    spelling_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # entity id -> spelling -> count
    _names: list | None = None

    def name_forms(self) -> list[tuple[Any, list[str], list[tuple[str, ...]]]]:
        """``(entity, normalised names, phonetic word keys of the names)`` for name look-ups (computed once)."""
        if self._names is None:
            from marsad.extract.translit import token_keys
            from marsad.text.normalize import norm

            out = []
            for e in self.entities:
                names = list(dict.fromkeys([*e.spellings, e.name_ar, e.name_en]))
                out.append((e, [norm(n) for n in names], [token_keys(n) for n in names]))
            self._names = out
        return self._names

    def article_entities(self, article_id: str) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions.get(article_id, ()):
            seen.setdefault(m.entity_id)
        return list(seen)


_lock = threading.Lock()
_indexes: "OrderedDict[str, tuple[tuple, EntityIndex]]" = OrderedDict()   # a few stores at most
_MAX_INDEXES = 4
_mention_cache: "OrderedDict[str, list]" = OrderedDict()
_MENTION_CACHE_SIZE = 20_000


def clear_cache() -> None:
    with _lock:
        _indexes.clear()
        _mention_cache.clear()


def _stamp(store: Store) -> tuple:
    if isinstance(store, SQLiteStore):
        return tuple(store.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM articles").fetchone())
    row = store.conn.execute("SELECT count(*) AS n, coalesce(max(ingested_at), '') AS t FROM articles").fetchone()
    return row["n"], row["t"]


def _store_key(store: Store) -> str:
    if not isinstance(store, SQLiteStore):
        return f"url:{store.path}"   # a PostgreSQL URL (without its password)
    p = str(store.path)
    return f"memory:{id(store.conn)}" if p == ":memory:" else str(store.path.resolve())


def _mentions(a: Article) -> list:
    from marsad.pipeline import article_mentions

    got = _mention_cache.get(a.id)
    if got is None:
        got = article_mentions(a)
        _mention_cache[a.id] = got
        if len(_mention_cache) > _MENTION_CACHE_SIZE:
            _mention_cache.popitem(last=False)
    else:
        _mention_cache.move_to_end(a.id)
    return got


def entity_index(store: Store) -> EntityIndex:
    """The entities of every article in ``store``, with their mentions (cached, see module doc)."""
    key, stamp = _store_key(store), _stamp(store)
    hit = _indexes.get(key)
    if hit and hit[0] == stamp:
        return hit[1]
    with _lock:
        hit = _indexes.get(key)
        if hit and hit[0] == stamp:
            return hit[1]
        idx = _build(store)
        _indexes[key] = (stamp, idx)
        _indexes.move_to_end(key)
        while len(_indexes) > _MAX_INDEXES:
            _indexes.popitem(last=False)
        return idx


def _build(store: Store) -> EntityIndex:
    from marsad.extract.entities import resolve

    arts = list(store.iter_articles())
    triples = [(a.id, a.raw_text, _mentions(a)) for a in arts]
    ents, assigned = resolve(triples)
    by_art = {a.id: a for a in arts}
    inverse = {a.id: _Inverse(a) for a in arts}
    mentions: dict[str, list[MentionRef]] = defaultdict(list)
    articles: dict[str, dict[str, None]] = defaultdict(dict)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for aid, m, eid in assigned:
        a = by_art[aid]
        span = inverse[aid].span(m.start, m.end)
        mentions[aid].append(MentionRef(aid, m.start, m.end, span[0] if span else None, span[1] if span else None,
                                        a.raw_text[m.start:m.end], m.surface, m.type, m.via, eid))
        articles[eid].setdefault(aid)
        counts[eid][m.surface] += 1
    for lst in mentions.values():
        lst.sort(key=lambda r: r.raw_start)
    return EntityIndex(ents, {e.id: e for e in ents}, dict(mentions), {k: list(v) for k, v in articles.items()},
                       {k: dict(v) for k, v in counts.items()})


class _Inverse:
    """Raw-text positions back to cleaned-text positions. Cleaning only deletes characters, so
    runs longer than one character never overlap in the raw text; a one-character run (a
    paragraph break mapped back onto an earlier newline) is used only where no longer run is."""

    def __init__(self, a: Article):
        self.long = sorted((b for b in a.offsets.blocks if b[2] > 1), key=lambda b: b[1])
        self.srcs = [b[1] for b in self.long]
        self.single: dict[int, int] = {}
        for d, s, n in a.offsets.blocks:
            if n == 1:
                self.single.setdefault(s, d)

    def pos(self, p: int) -> int | None:
        i = bisect_right(self.srcs, p) - 1
        if i >= 0:
            d, s, n = self.long[i]
            if p < s + n:
                return d + (p - s)
        return self.single.get(p)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if end <= start:
            return None
        s, e = self.pos(start), self.pos(end - 1)
        if s is None or e is None or e - s != end - 1 - start:
            return None
        return s, e + 1


def clean_span(a: Article, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The cleaned-text span of a raw-text span, or ``None`` if cleaning removed or split it."""
    return _Inverse(a).span(raw_start, raw_end)
