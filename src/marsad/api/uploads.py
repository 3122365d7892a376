"""Uploads: files or JSON articles, processed like ``marsad ingest`` but all or nothing.

Every file of an upload is read and checked first; if any file, line or entry cannot be read
the upload is refused (422, one message per problem) and the store is not touched. Otherwise
all articles, their claims and their search terms are written in one transaction.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from marsad.ingest import IngestOptions, make_article, read_path
from marsad.pipeline import analyse_claims
from marsad.records import Article, IngestError
from marsad.store.base import Store

__all__ = ["UploadRejected", "UploadLimits", "ingest_files", "ingest_json", "ALLOWED_SUFFIXES"]

ALLOWED_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom")


@dataclass(frozen=True, slots=True)
class UploadLimits:
    max_files: int = 50
    max_file_bytes: int = 5 * 1024 * 1024
    max_request_bytes: int = 25 * 1024 * 1024


class UploadRejected(Exception):
    """An upload refused as a whole; ``problems`` are ``(where, message)`` pairs."""

    def __init__(self, status: int, message: str, problems: Iterable[tuple[str, str]] = ()):
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = list(problems)


@dataclass(slots=True)
class _Batch:
    items: list[Article] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)      # article id -> upload name (+ line)
    files: int = 0


_SAFE = re.compile(r"[^\w.\-]+")


def safe_name(name: str | None, i: int) -> str:
    """A file name for the temporary copy: the base name, only word characters, dots and dashes."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE.sub("_", base).strip("._")[:120]
    return base or f"upload_{i}.txt"


def check_file(name: str, size: int, limits: UploadLimits) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(415, f"{name}: unsupported file type {suffix or '(none)'}; accepted: "
                                  + " ".join(ALLOWED_SUFFIXES), [(name, "unsupported file type")])
    if size > limits.max_file_bytes:
        raise UploadRejected(413, f"{name}: {size} bytes; a file may have at most {limits.max_file_bytes} bytes",
                             [(name, "file too large")])
    if size == 0:
        raise UploadRejected(422, f"{name}: empty file", [(name, "empty file")])


def ingest_files(store: Store, files: list[tuple[str, bytes]], *, outlet: str | None = None,
                 limits: UploadLimits = UploadLimits()) -> dict:
    """Read ``(file name, content)`` pairs and store their articles in one transaction."""
    if not files:
        raise UploadRejected(422, "no file in the upload", [("files", "missing")])
    if len(files) > limits.max_files:
        raise UploadRejected(413, f"{len(files)} files; at most {limits.max_files} per upload", [("files", "too many")])
    opts = IngestOptions(outlet=outlet or None, max_bytes=limits.max_file_bytes,
                         max_collection_bytes=limits.max_file_bytes)
    batch = _Batch()
    problems: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="marsad-upload-") as tmp:
        for i, (name, data) in enumerate(files):
            display = safe_name(name, i)
            check_file(display, len(data), limits)
            path = Path(tmp) / f"{i:03d}_{display}"
            path.write_bytes(data)
            batch.files += 1
            for it in read_path(path, opts):
                if isinstance(it, IngestError):
                    problems.append((display + (f":{it.line}" if it.line else ""), _plain_reason(it.reason, tmp)))
                    continue
                src = f"upload/{display}"
                a = replace(it, source_path=src)
                batch.items.append(a)
                batch.sources.setdefault(a.id, src + (f":{a.source_line}" if a.source_line else ""))
    if problems:
        raise UploadRejected(422, "nothing was stored: " + "; ".join(f"{w}: {m}" for w, m in problems), problems)
    return _store(store, batch)


def ingest_json(store: Store, articles: list[dict], *, limits: UploadLimits = UploadLimits()) -> dict:
    """Store articles given as objects (``text`` required; title, outlet, url, author, published)."""
    batch = _Batch(files=0)
    problems = []
    opts = IngestOptions()
    for i, d in enumerate(articles, 1):
        it = make_article(d["text"], fmt="json", opts=opts, title=d.get("title"), outlet=d.get("outlet"),
                          url=d.get("url"), author=d.get("author"), published=d.get("published"),
                          source_path="api", source_line=i, encoding="utf-8")
        if isinstance(it, IngestError):
            problems.append((f"articles[{i - 1}]", it.reason))
            continue
        batch.items.append(it)
        batch.sources.setdefault(it.id, f"api:{i}")
    if problems:
        raise UploadRejected(422, "nothing was stored: " + "; ".join(f"{w}: {m}" for w, m in problems), problems)
    return _store(store, batch)


def _plain_reason(reason: str, tmp: str) -> str:
    return reason.replace(tmp + "/", "").replace(tmp, "")


def _store(store: Store, batch: _Batch) -> dict:
    fresh = store.missing_ids([a.id for a in batch.items])
    claims = {}
    for a in batch.items:
        if a.id in fresh and a.id not in claims:
            claims[a.id] = analyse_claims(a)
    res = store.add_batch(batch.items, claims)
    seen: dict[str, dict] = {}
    for a in batch.items:
        if a.id in seen:
            continue
        seen[a.id] = {"id": a.id, "title": a.title, "head": a.text[:160], "outlet": a.outlet, "published": a.published,
                      "source": batch.sources[a.id], "new": a.id in fresh,
                      "claims": len(claims.get(a.id, ())) if a.id in fresh else
                      store.claim_page(article=a.id, limit=0)[0]}
    return {"files": batch.files, "added": res.added, "duplicates": res.duplicates, "articles": list(seen.values())}
