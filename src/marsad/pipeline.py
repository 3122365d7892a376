"""The Python API: wire the stages to a store. The CLI, REST API and web page call these.

Example:
    >>> from marsad.pipeline import ingest
    >>> from marsad.store import SQLiteStore
    >>> report = ingest(["examples/"], SQLiteStore(":memory:"))   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from marsad.ingest import IngestOptions, iter_files, read_path
from marsad.extract.claims import extract_claims
from marsad.records import Article, IngestError
from marsad.store.sqlite import SQLiteStore

__all__ = ["IngestReport", "ingest"]


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


def ingest(paths: Iterable[str | Path], store: SQLiteStore, opts: IngestOptions = IngestOptions(),
           on_file: Callable[[Path | str], None] | None = None) -> IngestReport:
    """Read every file under ``paths`` into ``store``: one transaction per file.

    Bad files and bad lines become :class:`IngestError` records (reported and stored in
    ``ingest_errors``); good items of the same file are still stored.
    """
    rep = IngestReport()
    for f in iter_files(paths):
        if isinstance(f, IngestError):
            rep.errors.append(f)
            store.add_batch([f])
            continue
        items = list(read_path(f, opts))
        fresh = store.missing_ids([a.id for a in items if isinstance(a, Article)])
        claims = {a.id: extract_claims(a.text, published=a.published, article_id=a.id)
                  for a in items if isinstance(a, Article) and a.id in fresh}
        res = store.add_batch(items, claims)
        rep.files += 1
        rep.added += res.added
        rep.duplicates += res.duplicates
        rep.errors.extend(it for it in items if isinstance(it, IngestError))
        if on_file:
            on_file(f)
    return rep
