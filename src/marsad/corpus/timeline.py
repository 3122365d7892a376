"""Timeline of a story: the events its articles report, merged across articles and dated.

:func:`build_timeline` groups the :class:`~marsad.extract.events.Event` records of many
articles into :class:`TimelineEntry` records, one per real-world event, each citing every
report (article id and span) and dated by the intersection of what the reports say.

Two reports are the same event when (greedy clustering, best-dated and narrowest first):

* their kinds agree, or both are a visit, meeting or talks (a visit is the occasion of the
  summit held during it) or both an agreement or ceasefire;
* their participants agree: for visits, meetings and talks naming persons on both sides,
  they share one and neither adds someone the other lacks (Kim-Shoigu is not Kim-Lavrov);
  otherwise they share a participant or the place. Without that, two reports still merge
  when their text dates overlap within nine days and nothing conflicts (one story, the same
  kind of event on the same days), or when they come from one article and overlap within a
  month;
* their dates are compatible: the ranges overlap (the entry keeps the intersection), or
  both are unresolved (no publication date) with the same symbolic value ("XXXX-06"; a
  relative "-1W" only within one article) or none (only within one article). A resolved
  and an unresolved report never merge: nothing says they are the same time. A report
  placed only by its publication date (the week before it) joins a text-dated event only if
  that event reaches the last three days before publication.

Dates from the text (and dates inherited within the article) take precedence: an entry's
range is the intersection of its reports' text dates; only when none has one does it fall
back on the weaker bounds (the week before a report or before publication). Entries are
sorted by date, undated ones last.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from marsad.extract.events import Event, extract_events, kind_label

__all__ = ["TimelineEntry", "build_timeline", "format_timeline"]

_ENCOUNTER = frozenset({"meeting", "visit", "talks"})
_STRONG = frozenset({"text", "coref"})
_KIND_ORDER = ("visit", "meeting", "talks", "ceasefire", "agreement", "deployment", "attack", "launch",
               "casualty_report", "exercise")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the story, as reported by one or more articles.

    ``date_min``/``date_max``: inclusive ISO range (``None`` when no report could be dated);
    ``dated_by``: ``text`` when a report's text dates it, else ``report``/``publication``
    (bounded by the report or publication date) or ``none``. ``events`` are the reports,
    in article order, each with its article id and span.
    """

    kind: str
    date_min: str | None
    date_max: str | None
    granularity: str | None
    dated_by: str
    label: str
    participants: tuple[str, ...]
    place: str | None
    events: tuple[Event, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.article_id for e in self.events if e.article_id))

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__ if k != "events"}
        d["participants"] = list(self.participants)
        d["articles"] = list(self.articles)
        d["events"] = [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text,
                        "date": e.date.text if e.date else None, "date_min": e.date_min, "date_max": e.date_max,
                        "date_source": e.date_source} for e in self.events]
        return d


@dataclass(slots=True)
class _Cluster:
    kind: str
    events: list[Event] = field(default_factory=list)
    strong: tuple[str, str] | None = None       # intersection of text dates
    weak: tuple[str, str] | None = None         # intersection of report/publication bounds
    values: set[str] = field(default_factory=set)

    @property
    def range(self) -> tuple[str, str] | None:
        return self.strong or self.weak

    @property
    def resolved(self) -> bool:
        return self.strong is not None or self.weak is not None

    def keys(self) -> set[str]:
        return {p for e in self.events for p in e.participants} | {e.place for e in self.events if e.place}

    def persons(self) -> set[str]:
        return {p for e in self.events for p in _persons(e)}


def _persons(e: Event) -> set[str]:
    return set(e.persons)


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _width(e: Event) -> int:
    import datetime as dt
    if e.date_min is None:
        return 10 ** 6
    return (dt.date.fromisoformat(e.date_max) - dt.date.fromisoformat(e.date_min)).days


def _group(kind: str) -> str:
    from marsad.extract.events import GROUPS
    return GROUPS.get(kind, kind)


def _days(r: tuple[str, str]) -> int:
    import datetime as dt
    return (dt.date.fromisoformat(r[1]) - dt.date.fromisoformat(r[0])).days


def _fits(c: _Cluster, e: Event, canon: dict[str, str]) -> int | None:
    """How well report ``e`` fits cluster ``c`` (higher is better), or ``None`` when it does not."""
    same_kind = c.kind == e.kind
    cross = not same_kind and _group(c.kind) == _group(e.kind) and _group(e.kind) in ("encounter", "accord")
    if not (same_kind or cross):
        return None
    same_article = any(o.article_id == e.article_id for o in c.events)
    keys = {canon.get(k, k) for k in e.participants} | ({e.place} if e.place else set())
    ckeys = {canon.get(k, k) for k in c.keys()}
    pe, pc = _persons(e), c.persons()
    if pe and pc and _group(e.kind) == "encounter":
        shared = len(pe & pc)
        conflict = shared == 0 or bool(pe - pc and pc - pe)     # Kim-Shoigu is not Kim-Lavrov
        if conflict:
            return None
    else:
        shared = len(keys & ckeys)
        conflict = shared == 0 and bool(keys) and bool(ckeys) and not (cross or e.kind in _ENCOUNTER)
    if e.date_min is not None:
        if not c.resolved:
            return None
        if _overlap((e.date_min, e.date_max), c.range) is None:   # type: ignore[arg-type]
            return None
        if e.date_source == "publication" and c.strong and _days((c.strong[1], e.date_max)) > 3:
            return None       # an undated report is about the last days before it, not an older dated event
        narrow = (e.date_source in _STRONG and c.strong is not None
                  and _days((e.date_min, e.date_max)) <= 9 and _days(c.strong) <= 9)   # type: ignore[arg-type]
        if shared == 0 and narrow and not conflict and (not keys or not ckeys or same_article or not cross):
            shared = 1        # one story, the same kind of event on the same days: the same event
        if (shared == 0 and same_article and same_kind and not conflict
                and _days((e.date_min, e.date_max)) <= 31 and _days(c.range) <= 31):   # type: ignore[arg-type]
            shared = 1        # one article, the same kind of event in the same weeks
    else:
        if c.resolved:
            return None
        v = e.date.value if e.date else None
        if v is None:         # nothing dates it: only its own article's undated events
            if c.values or not same_article:
                return None
        elif v not in c.values or (not _comparable(v) and not same_article):
            return None
        if shared == 0 and same_article and not conflict:
            shared = 1        # one article, the same unresolved date (or none)
    if shared == 0:
        return None
    return shared * 10 + (5 if same_article else 0) + (2 if same_kind else 0)


def _canonical(events: Sequence[Event]) -> dict[str, str]:
    """Names the entity rules wrote longer in some reports ("قوات الجبهة الشرقية" and
    "الجبهة الشرقية"): a key of two or more words that contains a shorter such key, word
    for word, is that key."""
    from marsad.extract.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    keys = {p for e in events for p in e.participants if gaz.get(p) is None}
    split = {k: tuple(k.split()) for k in keys}
    out = {}
    for k, w in split.items():
        subs = [o for o, v in split.items() if 2 <= len(v) < len(w)
                and any(w[i:i + len(v)] == v for i in range(len(w) - len(v) + 1))]
        if subs:
            out[k] = min(subs, key=lambda o: (len(split[o]), o))
    return out


def _comparable(value: str) -> bool:
    """Unresolved values that mean the same across articles ("XXXX-06"), unlike "-1W"."""
    return value.startswith("XXXX") and "past" not in value and "next" not in value and "current" not in value


def _add(c: _Cluster, e: Event) -> None:
    c.events.append(e)
    if e.date is not None and e.date_min is None:
        c.values.add(e.date.value)
    if e.date_min is None:
        return
    r = (e.date_min, e.date_max)
    if e.date_source in _STRONG:
        c.strong = r if c.strong is None else (_overlap(c.strong, r) or c.strong)
    else:
        c.weak = r if c.weak is None else (_overlap(c.weak, r) or c.weak)


def build_timeline(articles: Iterable[Any] = (), events: Iterable[Event] | None = None, *,
                   statuses: Sequence[str] = ("reported",), published: dict[str, str] | None = None
                   ) -> list[TimelineEntry]:
    """Merge the events of ``articles`` into a dated timeline.

    Args:
        articles: :class:`~marsad.records.Article` records; their events are extracted when
            ``events`` is not given, and they fix the order in which reports are cited.
        events: events already extracted (from any number of articles).
        statuses: event statuses kept (planned, possible and negated events are left out by
            default: they did not happen, or not yet).
        published: publication dates by article id, for articles that lack one.

    Returns:
        Timeline entries sorted by date (undated last), then by kind.
    """
    articles = list(articles)
    order = {a.id: i for i, a in enumerate(articles)}
    if events is None:
        published = published or {}
        events = [e for a in articles for e in extract_events(a, published=published.get(a.id))]
    evs = [e for e in events if e.status in statuses]
    rank = {"text": 0, "coref": 0, "report": 2, "publication": 3, "none": 4}
    evs.sort(key=lambda e: (rank.get(e.date_source, 4), _width(e), order.get(e.article_id, len(order)), e.start))
    canon = _canonical(evs)
    clusters: list[_Cluster] = []
    for e in evs:
        scored = [(s, -i) for i, c in enumerate(clusters) if (s := _fits(c, e, canon)) is not None]
        if scored:
            _, neg = max(scored)
            _add(clusters[-neg], e)
        else:
            c = _Cluster(e.kind)
            _add(c, e)
            clusters.append(c)
    entries = [_entry(c, order) for c in clusters]
    kind_rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    entries.sort(key=lambda t: (t.date_min is None, t.date_min or "", t.date_max or "", kind_rank.get(t.kind, 99),
                                -len(t.events)))
    return entries


def _entry(c: _Cluster, order: dict[str, int]) -> TimelineEntry:
    evs = sorted(c.events, key=lambda e: (order.get(e.article_id, len(order)), e.start))
    kinds = Counter(e.kind for e in evs)
    top = max(kinds.values())
    kind = next(e.kind for e in evs if kinds[e.kind] == top)       # the most reported, the first on a tie
    part = Counter(p for e in evs for p in e.participants)
    places = Counter(e.place for e in evs if e.place)
    place = places.most_common(1)[0][0] if places else None
    rng = c.range
    dated_by = "none"
    gran = None
    if c.strong:
        dated_by = "text"
        gran = min((e for e in evs if e.date_source in _STRONG), key=_width).granularity
    elif c.weak:
        dated_by = min((e.date_source for e in evs if e.date_min), key=lambda s: s != "report")
        gran = "days"
    participants = tuple(p for p, _ in part.most_common())
    return TimelineEntry(kind, rng[0] if rng else None, rng[1] if rng else None, gran, dated_by,
                         _label(kind, participants, place, evs), participants, place, tuple(evs))


def _name(key: str) -> str:
    from marsad.extract.gazetteer import load_gazetteer
    g = load_gazetteer().get(key)
    return g.ar if g else key


def _label(kind: str, participants: Sequence[str], place: str | None, evs: Sequence[Event]) -> str:
    """Short Arabic description: kind, the main participants (persons first for visits,
    meetings and talks; countries and organisations first otherwise), place."""
    from marsad.extract.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    persons = [p for p in participants if (g := gaz.get(p)) is not None and g.type == "PER"]
    others = [p for p in participants if p != place and p not in persons]
    who = (persons + others if kind in _ENCOUNTER else others + persons)[:3]
    text = kind_label(kind)
    if who:
        text += ": " + "، ".join(_name(p) for p in who)
    if place:
        text += " — " + _name(place)
    return text


def format_timeline(entries: Sequence[TimelineEntry], names: dict[str, str] | None = None) -> str:
    """Plain-text timeline, one entry a line with the reports it cites (``names`` maps article
    ids to short labels such as file names)."""
    names = names or {}
    lines = []
    for t in entries:
        when = f"{t.date_min}..{t.date_max}" if t.date_min else "(undated)"
        if t.date_min and t.date_min == t.date_max:
            when = t.date_min
        cites = ", ".join(f"{names.get(e.article_id, (e.article_id or '?')[:8])}@{e.start}:{e.text}" for e in t.events)
        lines.append(f"{when:<24} [{t.dated_by}] {t.label}  <- {cites}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m marsad.corpus.timeline FILE... [--published NAME=DATE ...] [--all]``"""
    from marsad.ingest import read_path
    from marsad.records import Article

    ap = argparse.ArgumentParser(prog="python -m marsad.corpus.timeline", description=main.__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--published", action="append", default=[], metavar="NAME=DATE",
                    help="publication date for the article read from file NAME (prefix match)")
    ap.add_argument("--all", action="store_true", help="also planned, possible and negated events")
    args = ap.parse_args(argv)
    given = dict(p.split("=", 1) for p in args.published)
    arts: list[Article] = []
    names: dict[str, str] = {}
    for path in args.paths:
        for a in read_path(path):
            if not isinstance(a, Article):
                print(a, file=sys.stderr)
                continue
            for prefix, day in given.items():
                if path.name.startswith(prefix):
                    a = replace(a, published=day)
            arts.append(a)
            names[a.id] = path.name[:12]
    statuses = ("reported", "planned", "possible", "negated") if args.all else ("reported",)
    print(format_timeline(build_timeline(arts, statuses=statuses), names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
