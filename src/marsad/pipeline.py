"""The Python API: wire the stages to a store. The CLI, REST API and web page call these.

Example:
    >>> from marsad.pipeline import ingest
    >>> from marsad.store import SQLiteStore
    >>> report = ingest(["examples/"], SQLiteStore(":memory:"))   # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from marsad.ingest import IngestOptions, iter_files, read_path
from marsad.extract.claims import extract_claims
from marsad.records import Article, IngestError
from marsad.store.sqlite import SQLiteStore

__all__ = ["IngestReport", "ingest", "article_mentions", "analyse_claims", "link_sources", "Analysis", "analyse"]

_HEADER_RULES = ("dateline", "outlet_line", "masthead", "byline")


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        return {"files": self.files, "added": self.added, "duplicates": self.duplicates,
                "errors": [e.to_dict() for e in self.errors]}


BATCH_ARTICLES = 200
"""Articles written per transaction when files are small: a file's items are never split,
and consecutive small files (one article a ``.txt``) share a transaction, since a commit
(with its full-text index flush) costs about as much as analysing an article."""


def ingest(paths: Iterable[str | Path], store: SQLiteStore, opts: IngestOptions = IngestOptions(),
           on_file: Callable[[Path | str], None] | None = None) -> IngestReport:
    """Read every file under ``paths`` into ``store``.

    Each file is read and analysed whole before anything is written, then written in one
    transaction with the files before it, up to :data:`BATCH_ARTICLES` articles (a bigger
    file is one transaction of its own). Bad files and bad lines become
    :class:`IngestError` records (reported and stored in ``ingest_errors``); good items of
    the same file are still stored.
    """
    rep = IngestReport()
    batch: list = []
    claims: dict = {}                  # the batch's new articles (analysed, not yet committed)

    def flush() -> None:
        if batch:
            res = store.add_batch(batch, claims)
            rep.added += res.added
            rep.duplicates += res.duplicates
            batch.clear()
            claims.clear()

    for f in iter_files(paths):
        if isinstance(f, IngestError):
            rep.errors.append(f)
            batch.append(f)
            continue
        items = list(read_path(f, opts))
        ids = [a.id for a in items if isinstance(a, Article)]
        if len(batch) + len(ids) > BATCH_ARTICLES:
            flush()
        fresh = store.missing_ids(ids)
        for a in items:
            if isinstance(a, Article) and a.id in fresh and a.id not in claims:
                claims[a.id] = analyse_claims(a)     # the first copy: the one stored
        batch.extend(items)
        rep.files += 1
        rep.errors.extend(it for it in items if isinstance(it, IngestError))
        if len(batch) >= BATCH_ARTICLES:
            flush()
        if on_file:
            on_file(f)
    flush()
    return rep


def article_mentions(a: Article, *, use_ner: bool = True) -> list:
    """Entity mentions of an article in *raw-text* coordinates, the header lines cleaning
    removed (datelines such as "CNN -", bylines) included: they name outlets and authors."""
    from dataclasses import replace

    from marsad.extract.entities import find_mentions

    out = []
    for m in find_mentions(a.text, use_ner=use_ner):
        s, e = a.raw_span(m.start, m.end)
        out.append(replace(m, start=s, end=e, text=a.raw_text[s:e]))
    for s0, e0, rule in a.removed:
        if rule in _HEADER_RULES:
            for m in find_mentions(a.raw_text[s0:e0], use_ner=False):
                out.append(replace(m, start=m.start + s0, end=m.end + s0))
    return sorted(out, key=lambda m: m.start)


def link_sources(claims: list, mentions: list) -> list:
    """Give each claim's source the entity id of the gazetteer mention inside it.

    ``claims`` and ``mentions`` must use the same coordinates (the article's cleaned text).
    """
    from dataclasses import replace

    out = []
    for c in claims:
        src = c.source
        if src is not None:
            src = _trim_source(src, mentions)
            if src is not c.source:
                c = replace(c, source=src)
        if src is not None and src.entity_id is None:
            head = _head_start(src.text)
            inside = [m for m in mentions if m.entry_id and src.start + head <= m.start <= src.start + head + 3
                      and m.end <= src.end]
            if inside:   # the phrase's head is a known entity ("تقارير جهاز المخابرات الوطنية" -> NIS)
                c = replace(c, source=replace(src, entity_id=inside[0].entry_id))
        out.append(c)
    return out


def _trim_source(src, mentions: list):
    """Cut a source phrase after the name it opens with when the object of the verb follows
    ("وزارة الدفاع التونسية إرسال ..." -> "وزارة الدفاع التونسية"; "وزير الصحة يوسف القاسمي حالة
    الطوارئ" -> "وزير الصحة يوسف القاسمي"): after a name, an indefinite word starts a new phrase."""
    from dataclasses import replace

    head_limit = src.start + len(" ".join(src.text.split()[:4]))
    names = [m for m in mentions if m.type in ("PER", "ORG") and src.start <= m.start <= head_limit
             and src.start < m.end < src.end]
    if not names:
        return src
    end = max(m.end for m in names)
    rest = src.text[end - src.start:].strip()
    first = rest.split(maxsplit=1)[0] if rest else ""
    if not first or first.startswith(("ال", "(", "في", "و", "لل", "ب", "من")) or not first[0].isalpha():
        return src
    return replace(src, text=src.text[: end - src.start].rstrip(), end=end)


def _head_start(phrase: str) -> int:
    """Offset of a source phrase's head word, after a leading source noun ("تقارير", "تقديرات")."""
    from marsad.extract.attribution import load_lexicon
    from marsad.text.normalize import norm

    words = phrase.split(maxsplit=1)
    if len(words) == 2 and norm(words[0]) in load_lexicon().source_nouns:
        return len(phrase) - len(words[1])
    return 0


def _stop_after(text: str, i: int) -> int:
    """End of the sentence around position ``i`` (after the next full stop or line end)."""
    ends = [j for j in (text.find(".", i), text.find("\n", i), text.find("؟", i)) if j >= 0]
    return min(ends) + 1 if ends else len(text)


# a source phrase's context: two words on each side, within its line and sentence; the
# phrase may start or end inside a word (after a proclitic: "ل|لمنظمة"), which is completed
_CONTEXT_BEFORE = re.compile(r"(?<![^\s.؟!])(?:[^\s.؟!]+[ \t\u00a0]+){0,2}[^\s.؟!]*\Z")
_CONTEXT_AFTER = re.compile(r"[^\s.؟!]*(?:[ \t\u00a0]+[^\s.؟!]+){0,2}")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ``(start, end)`` spans merged, in order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def analyse_claims(a: Article, *, use_ner: bool = False) -> list:
    """Claims of an article with their sources linked to known entities."""
    from dataclasses import replace

    from marsad.extract.entities import find_mentions

    claims = extract_claims(a.text, published=a.published, article_id=a.id)
    if not any(c.source for c in claims):
        return claims
    # link_sources reads only the mentions that lie inside a source phrase, so the cascade
    # (gazetteer and rules: rule names such as "وزارة الدفاع التونسية" also bound a source
    # phrase, see _trim_source) runs over each phrase with two words of context on each side
    # (the reporting verb before an unknown name: "وأكد جوستاف لارسن"), within its sentence;
    # an "origin" source may sit in the next sentence (up to its stop)
    mentions = []
    text = a.text
    windows = []
    for c in claims:
        if c.source is None:
            continue
        lo = min(c.sentence_start, c.source.start)
        hi = max(c.sentence_end, _stop_after(text, c.source.end))
        before = _CONTEXT_BEFORE.search(text[lo:c.source.start])   # a slice: nothing before lo counts
        after = _CONTEXT_AFTER.match(text, c.source.end, hi)
        windows.append((lo + before.start(), after.end()))
    for s0, s1 in _merge(windows):
        for m in find_mentions(text[s0:s1], use_ner=use_ner):
            mentions.append(replace(m, start=m.start + s0, end=m.end + s0))
    return link_sources(claims, mentions)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the per-article stages find in one article.

    ``claims`` and ``quotes`` index the cleaned text; ``mentions`` the raw text (they include
    the header lines cleaning removed). Corpus stages work from these records only.
    """

    article: Article
    claims: tuple = ()
    mentions: tuple = ()
    quotes: tuple = ()
    events: tuple = ()
    quality: Any = None              # marsad.corpus.quality.Quality: text-quality score and flags


def analyse(article: Article, *, use_ner: bool = True) -> Analysis:
    """Run the per-article stages on one article: claims (sources linked), mentions, quotes, events.

    A pure function of the article, so it can run anywhere (a worker process, a Dask cluster).
    """
    from marsad.extract.entities import find_mentions
    from marsad.extract.events import extract_events
    from marsad.extract.quotes import extract_quotes

    claims = extract_claims(article.text, published=article.published, article_id=article.id)
    if any(c.source for c in claims):
        claims = link_sources(claims, find_mentions(article.text, use_ner=False))
    from marsad.corpus.quality import quality

    return Analysis(article, tuple(claims), tuple(article_mentions(article, use_ner=use_ner)),
                    tuple(extract_quotes(article.text)), tuple(extract_events(article)), quality(article))
