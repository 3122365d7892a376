"""The embedded store: one SQLite file in WAL mode, with versioned schema migrations.

* The schema version is SQLite's ``PRAGMA user_version``; migrations are the numbered files
  in ``marsad/store/migrations/`` (``0001_articles.sql`` ...), applied in order, each in its
  own transaction, and never edited once released: a change is a new file.
* Writes go through :meth:`SQLiteStore.add_batch`, one transaction per input file, so a
  crash or a bad file never loses what earlier files committed, and never half-stores a file.
* Adding an article whose id (content hash) is already stored changes nothing but records
  a *sighting* (where and when it was seen again).
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from marsad.records import Article, IngestError
from marsad.text.offsets import OffsetMap

__all__ = ["SQLiteStore", "BatchResult", "default_db_path", "open_store", "StoreError"]


class StoreError(RuntimeError):
    pass


def default_db_path() -> Path:
    """``$MARSAD_DB`` if set, else ``marsad.db`` in the per-user data directory."""
    env = os.environ.get("MARSAD_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("marsad", appauthor=False)) / "marsad.db"


def _migrations() -> list[tuple[int, str, str]]:
    files = resources.files("marsad.store.migrations")
    out = []
    for f in files.iterdir():
        name = f.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name, f.read_text("utf-8")))
    return sorted(out)


@dataclass(frozen=True, slots=True)
class BatchResult:
    added: int
    duplicates: int
    errors: int


_CLAIM_COLS = ("article_id", "start", "end", "raw_start", "raw_end", "text", "value_min", "value_max", "qualifier",
               "category", "noun", "predicate", "actor", "stance", "ref_date", "ref_date_from", "source_text",
               "source_start", "source_end", "source_cue", "source_entity", "sentence_start", "sentence_end")
_ARTICLE_COLS = ("id", "title", "outlet", "url", "author", "published", "published_from", "dateline",
                 "format", "encoding", "source_path", "source_line", "raw_text", "text")


class SQLiteStore:
    """Articles and errors in one SQLite database file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a Marsad database or unreadable ({exc})") from None

    # ------------------------------------------------------------ schema
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        current = self.schema_version
        known = _migrations()
        latest = known[-1][0] if known else 0
        if current > latest:
            raise StoreError(f"{self.path}: schema version {current} is newer than this Marsad ({latest}); upgrade Marsad")
        for version, name, sql in known:
            if version <= current:
                continue
            with self.transaction():
                for stmt in _split_sql(sql):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {version}")
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------ writes
    def add_batch(self, items: Iterable[Article | IngestError], claims: dict[str, Sequence[Any]] | None = None) -> BatchResult:
        """Store the articles and errors of one input file in one transaction.

        ``claims`` maps an article id to its :class:`~marsad.extract.claims.Claim` records;
        they are stored with the article when the article is new.
        """
        added = dups = errs = 0
        with self.transaction() as c:
            for it in items:
                if isinstance(it, IngestError):
                    c.execute("INSERT INTO ingest_errors(path, line, reason) VALUES (?,?,?)",
                              (it.path, it.line, it.reason))
                    errs += 1
                    continue
                cur = c.execute(
                    f"INSERT OR IGNORE INTO articles({','.join(_ARTICLE_COLS)}, offsets, removed, extra) "
                    f"VALUES ({','.join('?' * (len(_ARTICLE_COLS) + 3))})",
                    (*(getattr(it, k) for k in _ARTICLE_COLS), json.dumps(it.offsets.to_list()),
                     json.dumps([list(r) for r in it.removed]), json.dumps(it.extra, ensure_ascii=False, default=str)),
                )
                if cur.rowcount:
                    added += 1
                    if claims and claims.get(it.id):
                        self._add_claims(c, it, claims[it.id])
                else:
                    dups += 1
                c.execute("INSERT OR IGNORE INTO sightings(article_id, source_path, source_line, url, outlet, published) "
                          "VALUES (?,?,?,?,?,?)",
                          (it.id, it.source_path or "", it.source_line or 0, it.url, it.outlet, it.published))
        return BatchResult(added, dups, errs)

    @staticmethod
    def _add_claims(c: sqlite3.Connection, art: Article, claims: Sequence[Any]) -> None:
        rows = []
        for cl in claims:
            rs, re_ = art.raw_span(cl.start, cl.end)
            src = cl.source
            rows.append((art.id, cl.start, cl.end, rs, re_, cl.text, cl.value_min, cl.value_max, cl.qualifier,
                         cl.category, cl.noun, cl.predicate, cl.actor, cl.stance, cl.ref_date, cl.ref_date_from,
                         src and src.text, src and src.start, src and src.end, src and src.cue, src and src.entity_id,
                         cl.sentence_start, cl.sentence_end))
        c.executemany(f"INSERT INTO claims({','.join(_CLAIM_COLS)}) VALUES ({','.join('?' * len(_CLAIM_COLS))})", rows)

    def claims(self, *, category: str | None = None, source: str | None = None, article: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Stored claims with their article's outlet and date; ``source`` matches normalised text."""
        sql = ("SELECT c.*, a.outlet, a.published, a.title, a.source_path FROM claims c JOIN articles a ON a.id = c.article_id")
        where, args = [], []
        if category:
            where.append("c.category = ?")
            args.append(category)
        if article:
            where.append("c.article_id = ?")
            args.append(self.resolve_id(article))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.category, coalesce(c.ref_date, a.published, ''), a.id, c.start"
        rows = [dict(r) for r in self.conn.execute(sql, args)]
        if source:
            from marsad.text.normalize import norm

            want = norm(source)
            rows = [r for r in rows if r["source_text"] and want in norm(r["source_text"])]
        return rows[:limit] if limit else rows

    # ------------------------------------------------------------ reads
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self, *, limit: int | None = None, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.title, a.outlet, a.published, a.format, a.encoding, a.source_path, length(a.text) AS chars, "
               "substr(a.text, 1, 120) AS head, (SELECT count(*) FROM sightings s WHERE s.article_id = a.id) AS sightings "
               "FROM articles a")
        args: list[Any] = []
        if outlet:
            sql += " WHERE a.outlet = ?"
            args.append(outlet)
        sql += " ORDER BY coalesce(a.published, ''), a.ingested_at, a.id LIMIT ? OFFSET ?"
        args += [limit if limit is not None else -1, offset]
        return [dict(r) for r in self.conn.execute(sql, args)]

    def missing_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids of ``ids`` not stored yet."""
        have = set()
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            have.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return set(ids) - have

    def resolve_id(self, prefix: str) -> str:
        """Full id from a unique prefix (as git does)."""
        rows = self.conn.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2", (prefix + "%",)).fetchall()
        if not rows:
            raise KeyError(f"no article with id {prefix!r}")
        if len(rows) > 1:
            raise KeyError(f"id prefix {prefix!r} is ambiguous; give more characters")
        return rows[0][0]

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (self.resolve_id(article_id),)).fetchone()
        d = dict(row)
        offsets = OffsetMap.from_blocks(json.loads(d.pop("offsets")), len(d["text"]), len(d["raw_text"]))
        removed = tuple(tuple(r) for r in json.loads(d.pop("removed")))
        extra = json.loads(d.pop("extra"))
        d.pop("ingested_at", None)
        return Article(offsets=offsets, removed=removed, extra=extra, **d)

    def iter_articles(self) -> Iterator[Article]:
        for (aid,) in self.conn.execute("SELECT id FROM articles ORDER BY coalesce(published, ''), id").fetchall():
            yield self.get_article(aid)

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT source_path, source_line, url, outlet, published, seen_at FROM sightings WHERE article_id = ? "
            "ORDER BY seen_at", (article_id,))]

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT path, line, reason, seen_at FROM ingest_errors ORDER BY id DESC LIMIT ?", (limit,))]


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (no semicolons inside literals in our migrations)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def open_store(path: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(path or default_db_path())
