"""The corpus view: per-article analyses brought together.

:func:`build_view` takes the :class:`~marsad.pipeline.Analysis` of every article (computed
locally or on a cluster) and runs the corpus stages on them: entity resolution across
articles, claims placed with resolved sources, and the cross-source comparison. It is a
pure function of its input, so two engines that produce the same analyses produce the same
view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from marsad.corpus.compare import ClaimRef, Comparison, claim_refs, compare
from marsad.corpus.copies import find_copies
from marsad.corpus.stories import cluster_stories
from marsad.corpus.timeline import build_timeline
from marsad.extract.entities import Entity, resolve

__all__ = ["CorpusView", "build_view", "doc_name", "ranked_stories", "story_articles"]


def doc_name(article: Any) -> str:
    """How an article is named to users: its file name (with the line for JSONL), else its id."""
    name = (article.source_path or article.id).rsplit("/", 1)[-1]
    return f"{name}:{article.source_line}" if article.source_line and article.format in ("jsonl", "json", "feed") \
        else name


@dataclass(slots=True)
class CorpusView:
    analyses: list[Any]                                  # Analysis, in input order
    entities: list[Entity]
    mentions: dict[str, list[tuple[Any, str]]]           # article id -> (mention, entity id), raw coordinates
    refs: list[ClaimRef]
    comparison: Comparison
    timeline: list[Any] = field(default_factory=list)      # TimelineEntry, by date
    copies: list[Any] = field(default_factory=list)        # CopyPair: copies and re-translations, with passages
    stories: list[Any] = field(default_factory=list)       # Story, largest first
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def articles(self) -> list[Any]:
        return [a.article for a in self.analyses]

    def entity(self, entity_id: str) -> Entity | None:
        if self.extras.get("_n") != len(self.entities):
            self.extras["_by_id"] = {e.id: e for e in self.entities}
            self.extras["_n"] = len(self.entities)
        return self.extras["_by_id"].get(entity_id)

    def timeline_rows(self) -> list[dict[str, Any]]:
        """Timeline entries as plain rows for pages and reports, each citing its articles."""
        docs = {an.article.id: doc_name(an.article) for an in self.analyses}
        return [{"label": t.label, "kind": t.kind, "date_min": t.date_min, "date_max": t.date_max,
                 "dated_by": t.dated_by, "cites": [{"article_id": a, "doc": docs.get(a, a)} for a in t.articles],
                 # what the text says when no date could be resolved ("في يونيو" with no year known)
                 "when_text": next((e.date.text for e in t.events if e.date is not None), None)}
                for t in self.timeline]

    def copy_rows(self, limit: int = 60) -> list[dict[str, Any]]:
        """Linked passages (article A's passage repeats article B's) as plain rows, strongest first."""
        by_id = {an.article.id: an.article for an in self.analyses}
        rows = []
        for c in self.copies:
            for p in c.passages:
                a, b = by_id.get(p.a), by_id.get(p.b)
                if a is None or b is None:
                    continue
                rows.append({"kind": p.kind if c.kind != "exact" else "exact", "pair_kind": c.kind, "score": p.score,
                             "a_id": a.id, "a_doc": doc_name(a), "a_text": " ".join(a.text[p.a_start:p.a_end].split()),
                             "b_id": b.id, "b_doc": doc_name(b), "b_text": " ".join(b.text[p.b_start:p.b_end].split()),
                             "a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end})
        rows.sort(key=lambda r: -r["score"])
        return rows[:limit]

    def story_rows(self) -> list[dict[str, Any]]:
        docs = {an.article.id: doc_name(an.article) for an in self.analyses}
        return [{"id": s.id, "label": s.label, "articles": len(s.articles), "docs": [docs.get(a, a) for a in s.articles],
                 "article_ids": list(s.articles), "entities": [e.name for e in s.entities],
                 "date_min": s.start, "date_max": s.end} for s in self.stories]

    def to_dict(self) -> dict[str, Any]:
        """Everything in the view as plain JSON-ready data (what ``marsad analyze --out`` writes)."""
        arts = []
        for an in self.analyses:
            a = an.article
            arts.append({"id": a.id, "doc": doc_name(a), "title": a.title, "outlet": a.outlet,
                         "published": a.published, "chars": len(a.text),
                         "mentions": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type,
                                       "entity_id": eid} for m, eid in self.mentions.get(a.id, [])],
                         "quotes": [_quote_dict(a, q) for q in an.quotes]})
        return {"articles": arts,
                "entities": [{"id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en,
                              "wikidata": e.wikidata, "spellings": list(e.spellings), "mentions": e.mentions}
                             for e in self.entities],
                "claims": [r.to_dict() for r in self.refs],
                "comparison": self.comparison.to_dict(),
                "timeline": [t.to_dict() for t in self.timeline],
                "copies": [c.to_dict() for c in self.copies],
                "stories": [s.to_dict() for s in self.stories],
                "quality": {an.article.id: an.quality.to_dict() for an in self.analyses if an.quality is not None},
                **{k: v for k, v in self.extras.items() if not k.startswith("_")}}


def _quote_dict(a: Any, q: Any) -> dict[str, Any]:
    s, e = a.raw_span(q.start, q.end)
    sp = q.speaker
    return {"start": s, "end": e, "text": a.raw_text[s:e], "kind": q.kind,
            "speaker": None if sp is None else sp.text}


def build_view(analyses: Sequence[Any]) -> CorpusView:
    """Resolve entities across ``analyses`` and compare their claims."""
    analyses = sorted(analyses, key=lambda an: (an.article.published or "", doc_name(an.article), an.article.id))
    triples = [(an.article.id, an.article.raw_text, list(an.mentions)) for an in analyses]
    entities, assigned = resolve(triples)
    mentions: dict[str, list[tuple[Any, str]]] = {an.article.id: [] for an in analyses}
    for doc_id, m, eid in assigned:
        mentions[doc_id].append((m, eid))
    names = {e.id: e.name_ar for e in entities}
    refs: list[ClaimRef] = []
    for an in analyses:
        refs.extend(claim_refs(an.article, an.claims, mentions[an.article.id], names, doc=doc_name(an.article)))
    owner_names = {e.id: (e.name_ar, e.name_en) for e in entities}
    arts = [an.article for an in analyses]
    timeline = build_timeline(arts, [e for an in analyses for e in an.events])
    # copies (translation anchors) and stories both read gazetteer and rule mentions: found once
    from marsad.extract.entities import find_mentions

    rule_mentions = {a.id: find_mentions(a.text, use_ner=False) for a in arts}
    copies = find_copies(arts, mentions=rule_mentions) if len(arts) > 1 else []
    stories = ranked_stories(arts, rule_mentions)
    return CorpusView(list(analyses), entities, mentions, refs, compare(refs, owner_names=owner_names), timeline,
                      copies, stories)


def ranked_stories(articles: Sequence[Any], mentions: dict[str, Sequence] | None = None) -> list[Any]:
    """The stories of ``articles``, largest first (the order ``--story N`` counts in);
    ``mentions``: article id -> ``find_mentions(text, use_ner=False)``, found when not given."""
    return sorted(cluster_stories(articles, mentions), key=lambda s: (-len(s.articles), s.start or "", s.id))


def story_articles(stories: Sequence[Any], story: str) -> list[str]:
    """Article ids of the story ``story`` (an id, an id prefix, or its 1-based rank in
    ``stories``); KeyError if none or several."""
    hits = [s for s in stories if s.id == story or s.id.startswith(story)]
    if not hits and story.isdigit() and 0 < int(story) <= len(stories):
        hits = [stories[int(story) - 1]]
    if len(hits) != 1:
        known = ", ".join(f"{i}:{s.id}" for i, s in enumerate(stories, 1))
        raise KeyError(f"story {story!r} {'is ambiguous' if hits else 'not found'}; stories: {known}")
    return list(hits[0].articles)
