"""What the REST API and the web pages show, as plain dicts (the shapes of :mod:`marsad.api.schemas`).

Routers and pages are thin: they parse the request, open the store and call these functions.
Errors a client can fix raise :class:`NotFound` or :class:`BadRequest`.
"""

from __future__ import annotations

from typing import Any, Iterable

from marsad.api.entities import EntityIndex, MentionRef, entity_index
from marsad.records import Article
from marsad.store.base import Store

__all__ = ["NotFound", "BadRequest", "articles_page", "article_detail", "entities_page", "entity_detail",
           "claims_page", "stats", "match_entities", "claim_record", "get_article"]


class NotFound(LookupError):
    pass


class BadRequest(ValueError):
    def __init__(self, message: str, where: str = "query"):
        super().__init__(message)
        self.where = where


def _offset(page: int, per_page: int) -> int:
    return (page - 1) * per_page


def get_article(store: Store, article_id: str) -> Article:
    """Article by id or unique prefix (4 to 16 hex characters)."""
    aid = article_id.strip().lower()
    if not (4 <= len(aid) <= 16) or any(c not in "0123456789abcdef" for c in aid):
        raise NotFound(f"no article with id {article_id!r} (an id is 4 to 16 hexadecimal characters)")
    try:
        return store.get_article(aid)
    except KeyError as exc:
        raise NotFound(exc.args[0]) from None


def _entity_articles(idx: EntityIndex, entity: str | None) -> list[str] | None:
    if not entity:
        return None
    if entity not in idx.by_id:
        raise BadRequest(f"no entity with id {entity!r}", "query.entity")
    return idx.articles.get(entity, [])


# ---------------------------------------------------------------- articles

def articles_page(store: Store, *, page: int = 1, per_page: int = 20, outlet: str | None = None,
                  date_from: Any = None, date_to: Any = None, entity: str | None = None) -> dict:
    ids = _entity_articles(entity_index(store), entity) if entity else None
    total, rows = store.article_page(outlet=outlet, date_from=date_from, date_to=date_to, ids=ids,
                                     limit=per_page, offset=_offset(page, per_page))
    return {"total": total, "page": page, "per_page": per_page, "items": rows}


def _mention_dict(m: MentionRef, idx: EntityIndex) -> dict:
    e = idx.by_id[m.entity_id]
    return {"start": m.start, "end": m.end, "raw_start": m.raw_start, "raw_end": m.raw_end, "text": m.text,
            "entity_id": m.entity_id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en, "via": m.via}


def _overlapping(mentions: Iterable[MentionRef], start: int | None, end: int | None) -> list[MentionRef]:
    if start is None or end is None:
        return []
    return [m for m in mentions if m.start is not None and m.start < end and start < m.end]


def claim_record(r: dict, idx: EntityIndex, text: str | None = None) -> dict:
    """A stored claim row (``claims``/``claim_page`` of a store) as the API returns it."""
    mentions = idx.mentions.get(r["article_id"], [])
    src = None
    if r["source_text"] is not None:
        eid = r["source_entity"] if r["source_entity"] in idx.by_id else None
        if eid is None:
            inside = [m for m in _overlapping(mentions, r["source_start"], r["source_end"]) if m.type in ("PER", "ORG")]
            eid = inside[0].entity_id if inside else None
        src = {"text": r["source_text"], "start": r["source_start"], "end": r["source_end"], "cue": r["source_cue"],
               "entity_id": eid, "entity_name": idx.by_id[eid].name_ar if eid else None}
    sent_ents: dict[str, None] = {}
    for m in _overlapping(mentions, r["sentence_start"], r["sentence_end"]):
        sent_ents.setdefault(m.entity_id)
    sentence = r.get("sentence")
    if sentence is None:
        sentence = text[r["sentence_start"]:r["sentence_end"]] if text is not None else ""
    out = {k: r.get(k) for k in ("id", "article_id", "start", "end", "raw_start", "raw_end", "text", "value_min",
                                 "value_max", "qualifier", "category", "noun", "predicate", "actor", "stance", "ref_date",
                                 "ref_date_from", "sentence_start", "outlet", "published", "title")}
    out.update(source=src, sentence=sentence, entities=list(sent_ents),
               article_head=text[:160] if text is not None else None)
    return out


def article_detail(store: Store, article_id: str) -> dict:
    from marsad.extract.quotes import extract_quotes

    a = get_article(store, article_id)
    idx = entity_index(store)
    mentions = idx.mentions.get(a.id, [])
    rows = sorted(store.claims(article=a.id), key=lambda r: r["start"])
    quotes = []
    for q in extract_quotes(a.text):
        sp = q.speaker
        eid = None
        if sp is not None:
            hits = [m for m in _overlapping(mentions, sp.start, sp.end) if m.type in ("PER", "ORG")]
            eid = hits[0].entity_id if hits else None
        quotes.append({"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                       "speaker": (idx.by_id[eid].name_ar if eid else sp.text) if sp else None, "speaker_entity": eid})
    d = {k: getattr(a, k) for k in ("id", "title", "outlet", "url", "author", "published", "published_from", "dateline",
                                    "format", "encoding", "source_path", "text")}
    d.update(sightings=store.sightings(a.id), claims=[claim_record(r, idx, a.text) for r in rows],
             entities=[_mention_dict(m, idx) for m in mentions], quotes=quotes)
    return d


# ---------------------------------------------------------------- entities

def _entity_summary(e, idx: EntityIndex) -> dict:
    return {"id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en, "wikidata": e.wikidata,
            "spellings": list(e.spellings), "mentions": e.mentions, "articles": len(idx.articles.get(e.id, ()))}


def match_entities(idx: EntityIndex, q: str, limit: int | None = None) -> list:
    """Entities one of whose spellings (or English name) contains ``q`` once normalised, or
    sounds like it word for word ("شويجو" finds سيرغي شويغو); exact-looking matches first."""
    from marsad.extract.translit import token_keys
    from marsad.text.normalize import norm

    nq = " ".join(norm(q).split())
    qk = token_keys(q)
    if not nq:
        return []
    by_sound = bool(qk) and all(len(k) >= 2 for k in qk)
    scored = []
    for e, names, keys in idx.name_forms():
        if any(nq in n for n in names):
            scored.append((0, -e.mentions, e))
        elif by_sound and any(sk[i:i + len(qk)] == qk for sk in keys for i in range(len(sk) - len(qk) + 1)):
            scored.append((1, -e.mentions, e))
    scored.sort(key=lambda t: t[:2])
    out = [e for *_, e in scored]
    return out[:limit] if limit else out


def entities_page(store: Store, *, page: int = 1, per_page: int = 50, type: str | None = None,
                  q: str | None = None, article: str | None = None) -> dict:
    idx = entity_index(store)
    ents = match_entities(idx, q) if q else list(idx.entities)
    if type:
        ents = [e for e in ents if e.type == type]
    if article:
        a = get_article(store, article)
        keep = set(idx.article_entities(a.id))
        ents = [e for e in ents if e.id in keep]
    start = _offset(page, per_page)
    return {"total": len(ents), "page": page, "per_page": per_page,
            "items": [_entity_summary(e, idx) for e in ents[start:start + per_page]]}


def entity_detail(store: Store, entity_id: str, *, context: int = 60, max_mentions: int = 200) -> dict:
    idx = entity_index(store)
    e = idx.by_id.get(entity_id)
    if e is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    d = _entity_summary(e, idx)
    counts = idx.spelling_counts.get(e.id, {})
    d["spelling_counts"] = [{"text": s, "count": n} for s, n in sorted(counts.items(), key=lambda t: (-t[1], t[0]))]
    art_ids = idx.articles.get(e.id, [])
    meta = {r["id"]: r for r in store.article_page(ids=art_ids, limit=len(art_ids) or 1)[1]} if art_ids else {}
    mentions_out = []
    per_article: dict[str, int] = {}
    for aid in art_ids:
        a = store.get_article(aid)
        for m in idx.mentions.get(aid, []):
            if m.entity_id != e.id:
                continue
            per_article[aid] = per_article.get(aid, 0) + 1
            if len(mentions_out) >= max_mentions:
                continue
            if m.start is not None:
                text, s, t = a.text, m.start, m.end
            else:
                text, s, t = a.raw_text, m.raw_start, m.raw_end
            mentions_out.append({"article_id": aid, "start": m.start, "end": m.end, "text": text[s:t],
                                 "before": _context(text, max(0, s - context), s, left=True),
                                 "after": _context(text, t, min(len(text), t + context), left=False)})
    d["article_list"] = [{"id": aid, "title": meta[aid]["title"] if aid in meta else None,
                          "head": meta.get(aid, {}).get("head", ""),
                          "outlet": meta.get(aid, {}).get("outlet"), "published": meta.get(aid, {}).get("published"),
                          "mentions": per_article.get(aid, 0)} for aid in art_ids]
    d["mention_list"] = mentions_out
    d["claims_as_source"] = len(claim_ids_for_entity(store, idx, e.id, role="source"))
    return d


def _context(text: str, s: int, t: int, *, left: bool) -> str:
    piece = text[s:t].replace("\n", " ")
    if left and s > 0 and " " in piece:
        piece = piece[piece.index(" ") + 1:]
    if not left and t < len(text) and " " in piece:
        piece = piece[:piece.rindex(" ")]
    return piece


# ---------------------------------------------------------------- claims

def claim_ids_for_entity(store: Store, idx: EntityIndex, entity: str, *, role: str = "any") -> list[int]:
    """Claims whose source is ``entity`` (``role="source"``), or also those whose sentence
    mentions it (``role="any"``)."""
    arts = set(idx.articles.get(entity, []))
    rows = store.claim_spans(arts, source_entity=entity)
    out = []
    for r in rows:
        mentions = idx.mentions.get(r["article_id"], [])
        if r["source_entity"] == entity:
            out.append(r["id"])
            continue
        src = [m for m in _overlapping(mentions, r["source_start"], r["source_end"]) if m.type in ("PER", "ORG")]
        if src and src[0].entity_id == entity:
            out.append(r["id"])
            continue
        if role == "any" and any(m.entity_id == entity
                                 for m in _overlapping(mentions, r["sentence_start"], r["sentence_end"])):
            out.append(r["id"])
    return out


def claims_page(store: Store, *, page: int = 1, per_page: int = 50, category: str | None = None,
                source: str | None = None, outlet: str | None = None, entity: str | None = None, role: str = "any",
                article: str | None = None, date_from: Any = None, date_to: Any = None) -> dict:
    idx = entity_index(store)
    ids = None
    if entity:
        _entity_articles(idx, entity)
        ids = claim_ids_for_entity(store, idx, entity, role=role)
    if article:
        article = get_article(store, article).id
    total, rows = store.claim_page(category=category, source=source, outlet=outlet, article=article,
                                   date_from=date_from, date_to=date_to, ids=ids, limit=per_page,
                                   offset=_offset(page, per_page))
    texts: dict[str, str] = {}
    items = []
    for r in rows:
        if r["article_id"] not in texts:
            texts[r["article_id"]] = store.get_article(r["article_id"]).text
        items.append(claim_record(r, idx, texts[r["article_id"]]))
    return {"total": total, "page": page, "per_page": per_page, "items": items}


def stats(store: Store, *, write_requires_token: bool, with_entities: bool = False) -> dict:
    cats = store.claim_categories()
    return {"articles": store.count(), "claims": sum(cats.values()),
            "entities": len(entity_index(store).entities) if with_entities else None,
            "outlets": store.outlets(), "categories": cats, "write_requires_token": write_requires_token}
