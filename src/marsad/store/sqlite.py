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

from marsad.records import Article, ArticleText, IngestError
from marsad.store.searchterms import (  # noqa: F401  (re-exported: the search names of this module)
    MAX_QUERY_TERMS, CompiledQuery, SearchResult, compile_query, index_term, index_terms, pick_variants, term_key)
from marsad.text.offsets import OffsetMap

__all__ = ["SQLiteStore", "BatchResult", "SearchResult", "default_db_path", "open_store", "StoreError",
           "index_terms", "compile_query"]


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
        self._terms_seen: set[str] = set()   # terms committed to search_terms by this connection
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
        """Store articles and errors (one or more input files) in one transaction.

        ``claims`` maps an article id to its :class:`~marsad.extract.claims.Claim` records;
        they are stored with the article when the article is new.
        """
        added = dups = errs = 0
        new_terms: set[str] = set()
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
                    self._index_article(c, it.id, it.title, it.text, new_terms)
                else:
                    dups += 1
                c.execute("INSERT OR IGNORE INTO sightings(article_id, source_path, source_line, url, outlet, published) "
                          "VALUES (?,?,?,?,?,?)",
                          (it.id, it.source_path or "", it.source_line or 0, it.url, it.outlet, it.published))
        self._remember_terms(new_terms)
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
        """Full id from a unique prefix (as git does).

        A range on the primary key, not ``LIKE 'prefix%'``: SQLite's case-insensitive LIKE
        cannot use the index, and a scan of every article per lookup made reading a 100k
        store one article at a time quadratic.
        """
        low = prefix.lower()           # ids are lower-case hex (LIKE ignored ASCII case too)
        rows = self.conn.execute("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                                 (low, low + "\U0010ffff")).fetchall()
        if not rows:
            raise KeyError(f"no article with id {prefix!r}")
        if len(rows) > 1:
            raise KeyError(f"id prefix {prefix!r} is ambiguous; give more characters")
        return rows[0][0]

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (self.resolve_id(article_id),)).fetchone()
        return self._article_of(row)

    @staticmethod
    def _article_of(row: sqlite3.Row) -> Article:
        d = dict(row)
        offsets = OffsetMap.from_blocks(json.loads(d.pop("offsets")), len(d["text"]), len(d["raw_text"]))
        removed = tuple(tuple(r) for r in json.loads(d.pop("removed")))
        extra = json.loads(d.pop("extra"))
        d.pop("ingested_at", None)
        return Article(offsets=offsets, removed=removed, extra=extra, **d)

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest first, read in pages of ids (one query a page)."""
        ids = [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY coalesce(published, ''), id")]
        for i in range(0, len(ids), 500):
            page = ids[i:i + 500]
            rows = {r["id"]: r for r in self.conn.execute(
                f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(page))})", page)}
            for aid in page:
                yield self._article_of(rows[aid])

    def iter_texts(self) -> Iterator[ArticleText]:
        """:meth:`iter_articles` as :class:`ArticleText` records (no raw text nor offsets)."""
        cols = ", ".join(ArticleText.__slots__)
        for r in self.conn.execute(f"SELECT {cols} FROM articles ORDER BY coalesce(published, ''), id"):
            yield ArticleText(*r)

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT source_path, source_line, url, outlet, published, seen_at FROM sightings WHERE article_id = ? "
            "ORDER BY seen_at", (article_id,))]

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT path, line, reason, seen_at FROM ingest_errors ORDER BY id DESC LIMIT ?", (limit,))]


    # ------------------------------------------------------------ pages (the REST API and web pages)
    def article_page(self, *, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                     ids: Iterable[str] | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """``(total, rows)``: the rows of :meth:`list_articles` plus their claim counts, newest first."""
        where, args = _date_filters("a.published", date_from, date_to)
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        if ids is not None:
            where.append("a.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(ids)))
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.conn.execute(f"SELECT count(*) FROM articles a{cond}", args).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.format, a.encoding, a.source_path, length(a.text) AS chars, "
            "substr(a.text, 1, 160) AS head, (SELECT count(*) FROM sightings s WHERE s.article_id = a.id) AS sightings, "
            f"(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims FROM articles a{cond} "
            "ORDER BY a.published IS NULL, a.published DESC, a.ingested_at DESC, a.id LIMIT ? OFFSET ?",
            [*args, limit, offset]).fetchall()
        return total, [dict(r) for r in rows]

    def claim_page(self, *, category: str | None = None, source: str | None = None, outlet: str | None = None,
                   article: str | None = None, date_from: str | None = None, date_to: str | None = None,
                   ids: Iterable[int] | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """``(total, rows)`` of stored claims (rows as :meth:`claims`), filtered in SQL.

        ``source`` matches the normalised source text (as :meth:`claims`); the dates bound the
        claim's reference date, else its article's publication date (inclusive); ``ids`` keeps
        only these claim ids. Ordered by that date (undated last), article, position.
        """
        from marsad.text.normalize import norm

        self.conn.create_function("marsad_norm", 1, lambda t: norm(t) if t else t, deterministic=True)
        where, args = _date_filters("coalesce(c.ref_date, a.published)", date_from, date_to)
        if category:
            where.append("c.category = ?")
            args.append(category)
        if source:
            where.append("instr(marsad_norm(c.source_text), ?) > 0")
            args.append(norm(source))
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        if article:
            where.append("c.article_id = ?")
            args.append(self.resolve_id(article))
        if ids is not None:
            where.append("c.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(ids)))
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        base = f"FROM claims c JOIN articles a ON a.id = c.article_id{cond}"
        total = self.conn.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT c.*, a.outlet, a.published, a.title, a.source_path {base} "
            "ORDER BY coalesce(c.ref_date, a.published) IS NULL, substr(coalesce(c.ref_date, a.published), 1, 10), "
            "a.id, c.start LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return total, [dict(r) for r in rows]

    def claim_spans(self, article_ids: Iterable[str], *, source_entity: str | None = None) -> list[dict[str, Any]]:
        """Positions of the claims of these articles (and of claims whose source is linked to
        ``source_entity``): id, article_id, start, end, sentence and source spans, source_entity."""
        return [dict(r) for r in self.conn.execute(
            "SELECT id, article_id, start, end, sentence_start, sentence_end, source_start, source_end, source_entity "
            "FROM claims WHERE article_id IN (SELECT value FROM json_each(?)) OR source_entity = ?",
            (json.dumps(list(article_ids)), source_entity))]

    def outlets(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != '' GROUP BY outlet ORDER BY outlet")]

    def claim_categories(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT category, count(*) FROM claims GROUP BY category ORDER BY 2 DESC")}

    # ------------------------------------------------------------ search (FTS5, migration 0003)
    SEARCH_VERSION = 1

    _TERMS_SEEN_MAX = 2_000_000

    def _index_article(self, c: sqlite3.Connection, article_id: str, title: str | None, text: str,
                       new_terms: set[str]) -> None:
        """Index one article inside the caller's transaction (see :func:`index_terms`).

        The variant table (``search_terms``) only grows, so terms this connection has already
        committed there are not inserted again (``self._terms_seen``, most of an article's
        terms); the terms inserted now go to ``new_terms``, which the caller adds to
        ``_terms_seen`` once the transaction has committed.
        """
        body = index_terms(text)
        head = index_terms(title) if title else []
        cur = c.execute("INSERT OR IGNORE INTO search_docs(article_id, version) VALUES (?, ?)",
                        (article_id, SQLiteStore.SEARCH_VERSION))
        if not cur.rowcount:
            return
        c.execute("INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)",
                  (cur.lastrowid, " ".join(head), " ".join(body)))
        seen = self._terms_seen
        rows = [(t, k) for t in set(body).union(head) if t not in seen and t not in new_terms and (k := term_key(t))]
        if rows:
            c.executemany("INSERT OR IGNORE INTO search_terms(term, pkey) VALUES (?, ?)", rows)
            new_terms.update(t for t, _ in rows)

    def _remember_terms(self, terms: set[str]) -> None:
        if len(self._terms_seen) + len(terms) > self._TERMS_SEEN_MAX:
            self._terms_seen.clear()                 # a bound on memory; only costs re-inserts
        self._terms_seen.update(terms)

    def ensure_search_index(self) -> int:
        """Index the articles the search index lacks (stores older than migration 0003, or an
        older indexing scheme, which is rebuilt); returns how many articles were indexed."""
        stale = self.conn.execute("SELECT 1 FROM search_docs WHERE version != ? LIMIT 1",
                                  (self.SEARCH_VERSION,)).fetchone()
        if not stale and self.conn.execute(
                "SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM search_docs)").fetchone()[0]:
            return 0
        n = 0
        with self.transaction() as c:
            if stale:
                c.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
                c.execute("DELETE FROM search_docs")
                c.execute("DELETE FROM search_terms")
                self._terms_seen.clear()
            rows = c.execute("SELECT a.id, a.title, a.text FROM articles a WHERE NOT EXISTS "
                             "(SELECT 1 FROM search_docs d WHERE d.article_id = a.id)").fetchall()
            new_terms: set[str] = set()
            for r in rows:
                self._index_article(c, r["id"], r["title"], r["text"], new_terms)
                n += 1
        self._remember_terms(new_terms)
        return n

    def term_variants(self, term: str, limit: int = 8) -> list[str]:
        """Indexed terms that spell ``term`` another way (same phonetic key, one or two letters
        apart: "بيونج" -> "بيونغ", "زيلنسكي" -> "زيلينسكي"), closest first; ``term`` excluded."""
        key = term_key(term)
        if not key or len(term) < 3:
            return []
        return pick_variants(term, (cand for (cand,) in self.conn.execute(
            "SELECT term FROM search_terms WHERE pkey = ?", (key,))), limit)

    def search(self, query: str, *, outlet: str | None = None, date_from: str | None = None,
               date_to: str | None = None, article_ids: Iterable[str] | None = None,
               limit: int = 20, offset: int = 0) -> "SearchResult":
        """Full-text search: every word of ``query`` (or "quoted phrase") must occur, in any
        inflection (clitics stripped) or transliteration variant the corpus holds.

        Ranked by BM25 (title weighs three times the body), articles holding the words as
        typed before those found only through variants. Filters: ``outlet`` (exact),
        ``date_from``/``date_to`` (ISO dates, inclusive, on the publication date) and
        ``article_ids`` (only these articles). Raises ``ValueError`` when the query has no
        searchable word.
        """
        q = compile_query(query, self.term_variants)
        self.ensure_search_index()
        where, args = _date_filters("a.published", date_from, date_to)
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        if article_ids is not None:
            where.append("a.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(article_ids)))
        if not where:
            return self._search_unfiltered(q, limit, offset)
        cond = " AND " + " AND ".join(where)
        base = ("FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid JOIN articles a ON a.id = d.article_id "
                f"WHERE search_fts MATCH ?{cond}")
        total = self.conn.execute(f"SELECT count(*) {base}", [q.match, *args]).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, substr(a.text, 1, 160) AS head, bm25(search_fts, 3.0, 1.0) AS score, "
            "search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) AS exact "
            f"{base} ORDER BY exact DESC, score, coalesce(a.published, '') DESC, a.id LIMIT ? OFFSET ?",
            [q.exact, q.match, *args, limit, offset]).fetchall()
        return SearchResult(total, [dict(r) for r in rows], q.terms)


    RANK_WINDOW = 20_000

    def _search_unfiltered(self, q: CompiledQuery, limit: int, offset: int) -> "SearchResult":
        """:meth:`search` without filters, from the full-text index alone until the page is known.

        Joining every match to its article before sorting cost 0.1-0.4 s for a common word
        at 100,000 articles; here FTS5 ranks the matches itself (BM25, in C) and only the
        page's rows are read from ``articles``: the articles holding the words as typed first
        (``exact``), then those found only through spelling variants. Ties in BM25 go by
        index row (insertion order). When more than :attr:`RANK_WINDOW` articles match (a
        word in a fifth of a 100,000-article store), the page is ranked among the latest
        ``RANK_WINDOW`` of them: BM25 costs about 2 µs a match, and a monitoring desk wants
        the recent reports first; ``total`` still counts them all.
        """
        fts = self.conn.execute
        total = fts("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", [q.match]).fetchone()[0]
        want = offset + limit
        since = 0
        if total > self.RANK_WINDOW:      # a very common word: rank the latest RANK_WINDOW matches
            since = fts("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                        [q.match, self.RANK_WINDOW - 1]).fetchone()[0]
        top = ("SELECT rowid, bm25(search_fts, 3.0, 1.0) AS s FROM search_fts WHERE search_fts MATCH ? "
               "AND rowid >= ? ORDER BY s, rowid LIMIT ?")
        ranked = [(r[0], r[1], 1) for r in fts(top, [q.exact, since, want])] if want else []
        if len(ranked) < want and q.exact != q.match:
            ranked += [(r[0], r[1], 0) for r in fts(top, [f"({q.match}) NOT ({q.exact})", since, want - len(ranked)])]
        page = ranked[offset:want]
        if not page:
            return SearchResult(total, [], q.terms)
        rows = {r["rowid"]: dict(r) for r in fts(
            "SELECT d.id AS rowid, a.id, a.title, a.outlet, a.published, substr(a.text, 1, 160) AS head "
            "FROM search_docs d JOIN articles a ON a.id = d.article_id "
            "WHERE d.id IN (SELECT value FROM json_each(?))", [json.dumps([r[0] for r in page])])}
        hits = []
        for rowid, score, exact in page:
            r = rows.get(rowid)
            if r is not None:
                r.pop("rowid")
                hits.append({**r, "score": score, "exact": exact})
        return SearchResult(total, hits, q.terms)


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (no semicolons inside literals in our migrations)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]



def _date_filters(col: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions bounding the ISO date in ``col`` (inclusive; rows without a date fail)."""
    where, args = [], []
    if date_from:
        where.append(f"substr({col}, 1, 10) >= ?")
        args.append(str(date_from)[:10])
    if date_to:
        where.append(f"substr({col}, 1, 10) <= ?")
        args.append(str(date_to)[:10])
    return where, args


def open_store(path: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(path or default_db_path())
