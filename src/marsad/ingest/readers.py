"""Read articles from files: plain text, JSON Lines / JSON, HTML pages and RSS/Atom feeds.

Every reader yields :class:`~marsad.records.Article` records or
:class:`~marsad.records.IngestError` records (one per bad file or bad line), never raises for
bad input: a folder with one broken file still yields all the good articles.

Formats are chosen by extension, else by sniffing the first bytes of the decoded text.
HTML main text, title, date, site name and author come from trafilatura (with its baseline
extractor as a rescue for truncated pages); feeds are parsed by feedparser.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from marsad.ingest.clean import clean_text
from marsad.ingest.dates import find_text_date, parse_meta_date
from marsad.ingest.decode import DEFAULT_MAX_BYTES, DecodeError, decode_file
from marsad.records import Article, IngestError
from marsad.text.normalize import norm

__all__ = ["IngestOptions", "read_path", "iter_files", "make_article", "article_id", "FORMATS"]

Item = Article | IngestError


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options for reading; one record passed explicitly rather than many parameters."""

    encoding: str | None = None          # force an encoding instead of detecting it
    max_bytes: int = DEFAULT_MAX_BYTES   # largest single-article file (txt/html)
    max_collection_bytes: int = 1024 * 1024 * 1024  # largest JSONL/JSON/feed file
    outlet: str | None = None            # outlet to record when the input names none


def article_id(text: str) -> str:
    """Stable id: hash of the normalised content (whitespace-insensitive)."""
    key = " ".join(norm(text).split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def make_article(
    raw: str, *, fmt: str, opts: IngestOptions, title: str | None = None, outlet: str | None = None,
    url: str | None = None, author: str | None = None, published: Any = None,
    source_path: str | None = None, source_line: int | None = None, encoding: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Article | IngestError:
    """Clean ``raw`` and build the record; an article with no text left is an error."""
    where = source_path or "<input>"
    if "\x00" in raw:
        raw = raw.replace("\x00", "")
    c = clean_text(raw, title=title)
    if not c.text.strip():
        return IngestError(where, "no article text (empty after removing boilerplate)", source_line)
    pub = parse_meta_date(published)
    pub_from = "metadata" if pub else None
    if pub is None and c.published:
        pub, pub_from = c.published, "text"
    if pub is None:
        found = find_text_date(c.text)
        if found:
            pub, pub_from = found[0], "text"
    return Article(
        id=article_id(c.text), text=c.text, raw_text=raw, offsets=c.map,
        title=(title or c.title or None), outlet=outlet or c.outlet or opts.outlet, url=url,
        author=author or c.author, published=pub, published_from=pub_from, dateline=c.dateline,
        source_path=source_path, source_line=source_line, format=fmt, encoding=encoding,
        removed=c.removed, extra={**(extra or {}), **({"section": c.section} if c.section else {})},
    )


# ---------------------------------------------------------------- plain text

def read_txt(path: Path, text: str, enc: str, opts: IngestOptions) -> Iterator[Item]:
    yield make_article(text, fmt="txt", opts=opts, source_path=str(path), encoding=enc)


# ---------------------------------------------------------------- JSON Lines / JSON

_TEXT_KEYS = ("text", "content", "body", "article", "description")
_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "url": ("url", "link"),
    "author": ("author", "byline"),
    "published": ("published", "date", "published_at", "pubDate", "date_published", "date_extracted"),
}


def _first(obj: dict, keys: Iterable[str]) -> tuple[str | None, Any]:
    for k in keys:
        v = obj.get(k)
        if v not in (None, ""):
            return k, v
    return None, None


def _from_object(obj: Any, path: Path, line: int, enc: str, fmt: str, opts: IngestOptions) -> Item:
    if not isinstance(obj, dict):
        return IngestError(str(path), f"expected a JSON object, got {type(obj).__name__}", line)
    tkey, text = _first(obj, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return IngestError(str(path), "no 'text' field (or it is empty)", line)
    used = {tkey}
    meta: dict[str, Any] = {}
    for field, keys in _KEYS.items():
        k, v = _first(obj, keys)
        if k is not None:
            used.add(k)
            meta[field] = v if field == "published" else str(v)
    extra = {k: v for k, v in obj.items() if k not in used}
    return make_article(text, fmt=fmt, opts=opts, source_path=str(path), source_line=line,
                        encoding=enc, extra=extra, **meta)


def read_jsonl(path: Path, text: str, enc: str, opts: IngestOptions) -> Iterator[Item]:
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno})", i)
            continue
        yield _from_object(obj, path, i, enc, "jsonl", opts)


def read_json(path: Path, text: str, enc: str, opts: IngestOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items, 1):
        yield _from_object(obj, path, i, enc, "json", opts)


# ---------------------------------------------------------------- HTML

_MIN_WORDS = 6
_BLOCK_TAGS = re.compile(r"(?i)<\s*(br|/p|/div|/h[1-6]|/li|/blockquote|/tr)\b[^>]*>")


def html_fragment_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry), paragraphs on their own lines."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        doc = lxml.html.fromstring(_BLOCK_TAGS.sub(lambda m: m.group(0) + "\n", fragment))
    except Exception:  # lxml raises several types on junk; the raw text is the best we have
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    return "\n".join(ln.strip() for ln in doc.text_content().splitlines() if ln.strip())


def read_html(path: Path, text: str, enc: str, opts: IngestOptions) -> Iterator[Item]:
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=True)
    except Exception as exc:  # trafilatura/lxml on badly broken markup
        doc = None
        err = str(exc)
    else:
        err = "no main text found"
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = (meta.get("text") or "").strip()
    if len(body.split()) < _MIN_WORDS:  # a menu or a title alone is not an article
        body = ""
    if not body:
        try:
            _, body, _ = trafilatura.baseline(text)
        except Exception:
            body = ""
        body = (body or "").strip()
        if len(body.split()) < _MIN_WORDS:
            body = ""
    if not body:
        yield IngestError(str(path), f"HTML page without article text ({err})")
        return
    yield make_article(body, fmt="html", opts=opts, source_path=str(path), encoding=enc,
                       title=meta.get("title"), outlet=meta.get("sitename"), url=meta.get("url"),
                       author=meta.get("author"), published=meta.get("date"),
                       extra={k: meta[k] for k in ("description", "categories", "tags", "language")
                              if meta.get(k)})


# ---------------------------------------------------------------- RSS / Atom

def read_feed(path: Path, text: str, enc: str, opts: IngestOptions) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield IngestError(str(path), f"not an RSS/Atom feed with entries ({why or 'no entries'})")
        return
    feed_title = parsed.feed.get("title")
    for i, e in enumerate(parsed.entries, 1):
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e["content"]), key=len)
        content = content or e.get("summary", "") or e.get("description", "")
        body = html_fragment_text(content).strip()
        if not body:
            yield IngestError(str(path), "feed entry without text", i)
            continue
        title = html_fragment_text(e.get("title", "")).strip() or None
        yield make_article(body, fmt="feed", opts=opts, source_path=str(path), source_line=i,
                           encoding=enc, title=title, outlet=feed_title, url=e.get("link"),
                           author=e.get("author"), published=e.get("published") or e.get("updated"),
                           extra={"feed": feed_title, **({"guid": e["id"]} if e.get("id") else {})})


# ---------------------------------------------------------------- dispatch

Reader = Callable[[Path, str, str, IngestOptions], Iterator[Item]]
FORMATS: dict[str, Reader] = {"txt": read_txt, "jsonl": read_jsonl, "json": read_json,
                               "html": read_html, "feed": read_feed}
_BY_EXT = {".txt": "txt", ".text": "txt", ".md": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "json", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".rss": "feed", ".atom": "feed", ".xml": "feed"}
_COLLECTIONS = {"jsonl", "json", "feed"}


def _sniff(text: str) -> str:
    head = text[:2048].lstrip().lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if re.search(r"<(rss|feed|rdf:rdf)\b", head):
        return "feed"
    if head.startswith("<") and re.search(r"<(html|body|p|div|article|!doctype)\b", head):
        return "html"
    return "txt"


def read_path(path: str | Path, opts: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Articles (and errors) from one file."""
    p = Path(path)
    fmt = _BY_EXT.get(p.suffix.lower())
    limit = opts.max_collection_bytes if fmt in _COLLECTIONS else opts.max_bytes
    try:
        dec = decode_file(p, encoding=opts.encoding, max_bytes=limit)
    except DecodeError as exc:
        yield IngestError(str(p), str(exc))
        return
    except OSError as exc:
        yield IngestError(str(p), f"cannot read: {exc.strerror or exc}")
        return
    fmt = fmt or _sniff(dec.text)
    if fmt not in _COLLECTIONS and len(dec.text) > opts.max_bytes:
        yield IngestError(str(p), f"too large for one article ({len(dec.text)} characters)")
        return
    yield from FORMATS[fmt](p, dec.text, dec.encoding, opts)


def iter_files(paths: Iterable[str | Path | IngestError]) -> Iterator[Path | IngestError]:
    """Files under ``paths`` (folders recursively, sorted, hidden files skipped)."""
    for raw in paths:
        if isinstance(raw, IngestError):
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts) and f.suffix.lower() not in (".md",):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield IngestError(str(p), "no such file or folder")
