"""The shared store: PostgreSQL, with the same schema and behaviour as the SQLite store.

Open it with a URL (``marsad --db postgresql://user@host/db``, ``$MARSAD_DB`` or
:func:`marsad.store.open_store`); ``postgres://`` works too, and so does anything libpq
accepts in a URL (``postgresql:///marsad?host=/run/postgresql``, ``?options=-csearch_path%3Dx``
to keep Marsad's tables in their own schema).

* Same public methods and return shapes as :class:`~marsad.store.sqlite.SQLiteStore`: the
  same dicts (same keys, same order), :class:`~marsad.records.Article` objects that read
  back identical, the same errors (:class:`~marsad.store.sqlite.StoreError` when the
  database cannot be opened, is not a Marsad database or is newer than this Marsad;
  ``KeyError`` for an unknown or ambiguous id prefix).
* Migrations are the numbered files in ``marsad/store/migrations_pg/`` (the twins of the
  SQLite ones, plus full-text search), applied in order, each in its own transaction,
  recorded in the table ``schema_migrations`` and serialised between processes by an
  advisory lock.
* :meth:`PostgresStore.add_batch` is one transaction per input file; inserts are
  ``ON CONFLICT DO NOTHING``, so several processes may ingest into one database at once.
* :meth:`PostgresStore.search` is the SQLite store's Arabic-aware full-text search (same
  arguments, same :class:`~marsad.store.searchterms.SearchResult`, same terms and query
  rules from :mod:`marsad.store.searchterms`) on PostgreSQL's own machinery: a ``tsvector``
  per article under a GIN index, ``tsquery`` matching and ``ts_rank`` (see
  :func:`search_document`).

PostgreSQL text cannot hold NUL characters; the rare NUL in a title or author is stored as
U+FFFD (one character for one, so offsets stay valid). Readers already drop NULs from texts.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from importlib import resources
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from marsad.records import Article, ArticleText, IngestError
from marsad.store import is_postgres_url
from marsad.store.searchterms import SearchResult, index_terms, pick_variants, plan_query, term_key, ts_lexeme, tsquery_of
from marsad.store.sqlite import _ARTICLE_COLS, _CLAIM_COLS, BatchResult, StoreError
from marsad.text.offsets import OffsetMap

__all__ = ["PostgresStore", "is_postgres_url", "search_document"]

_LOCK_KEY = 0x6D61727361640001  # "marsad" + 1: advisory lock held while migrating
_SEARCH_MIGRATION = 4  # the latest migration that leaves articles to (re-)index
_C = 'COLLATE "C"'


def _display(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)
        user = netloc[0].split(":", 1)[0]
        return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))
    except ValueError:
        return url


def _migrations() -> list[tuple[int, str, str]]:
    files = resources.files("marsad.store.migrations_pg")
    out = []
    for f in files.iterdir():
        name = f.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name, f.read_text("utf-8")))
    return sorted(out)


def _nul(v: Any) -> Any:
    return v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v


_CLAIM_SQL_COLS = ",".join('"end"' if c == "end" else c for c in _CLAIM_COLS)
_ARTICLE_SELECT = ",".join(_ARTICLE_COLS) + ", offsets, removed, extra"


class PostgresStore:
    """Articles, claims and errors in a PostgreSQL database (see the module docstring)."""

    def __init__(self, url: str, *, connect_timeout: int = 10):
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        self.path = _display(url)  # what the CLI prints as the store's location
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL ({msg})") from None
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a Marsad database or unusable ({exc})") from None
        except BaseException:
            self.conn.close()
            raise

    # ------------------------------------------------------------ schema
    @property
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass('schema_migrations') AS t").fetchone()["t"] is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").fetchone()["v"]

    def migrate(self) -> int:
        """Apply pending migrations (each in its own transaction); returns the schema version."""
        known = _migrations()
        latest = known[-1][0] if known else 0
        c = self.conn
        c.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
        try:
            if c.execute("SELECT to_regclass('schema_migrations') AS t").fetchone()["t"] is None:
                if c.execute("SELECT to_regclass('articles') AS t").fetchone()["t"] is not None:
                    raise StoreError(f"{self.path}: not a Marsad database (a table 'articles' exists but no "
                                     "'schema_migrations'); use another database or schema")
                c.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                          "applied_at TEXT NOT NULL DEFAULT "
                          "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))")
            current = self.schema_version
            if current > latest:
                raise StoreError(f"{self.path}: schema version {current} is newer than this Marsad ({latest}); "
                                 "upgrade Marsad")
            for version, name, sql in known:
                if version <= current:
                    continue
                with c.transaction():
                    c.execute(sql)  # no parameters: the whole file runs as one simple query
                    c.execute("INSERT INTO schema_migrations(version, name) VALUES (%s, %s)", (version, name))
            if current < _SEARCH_MIGRATION <= latest and current > 0:
                self.ensure_search_index()  # under the lock: one process indexes, the others wait
        finally:
            c.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.conn.transaction():
            yield self.conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------ writes
    def add_batch(self, items: Iterable[Article | IngestError], claims: dict[str, Sequence[Any]] | None = None) -> BatchResult:
        """Store articles and errors (one or more input files) in one transaction.

        ``claims`` maps an article id to its :class:`~marsad.extract.claims.Claim` records;
        they are stored with the article when the article is new (when another process
        stored the same article first, this one counts it as a duplicate). New articles are
        indexed for search in the same transaction.
        """
        added = dups = errs = 0
        cols = ",".join(_ARTICLE_COLS)
        marks = ",".join(["%s"] * len(_ARTICLE_COLS))
        vocabulary: set[str] = set()
        with self.transaction() as c:
            cur = c.cursor()
            for it in items:
                if isinstance(it, IngestError):
                    cur.execute("INSERT INTO ingest_errors(path, line, reason) VALUES (%s,%s,%s)",
                                (_nul(it.path), it.line, _nul(it.reason)))
                    errs += 1
                    continue
                new = False
                # articles are never deleted: one stored already is a duplicate, not worth indexing
                if cur.execute("SELECT 1 FROM articles WHERE id = %s", (it.id,)).fetchone() is None:
                    search_vec, terms = search_document(it.title, it.text)
                    cur.execute(
                        f"INSERT INTO articles({cols}, offsets, removed, extra, search_vec) "
                        f"VALUES ({marks}, %s, %s, %s, %s::tsvector) ON CONFLICT (id) DO NOTHING",
                        (*(_nul(getattr(it, k)) for k in _ARTICLE_COLS), json.dumps(it.offsets.to_list()),
                         json.dumps([list(r) for r in it.removed]),
                         json.dumps(it.extra, ensure_ascii=False, default=str), search_vec),
                    )
                    new = bool(cur.rowcount)  # False: another process stored it first
                if new:
                    added += 1
                    vocabulary.update(terms)
                    if claims and claims.get(it.id):
                        self._add_claims(cur, it, claims[it.id])
                else:
                    dups += 1
                cur.execute("INSERT INTO sightings(article_id, source_path, source_line, url, outlet, published) "
                            "VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                            (it.id, _nul(it.source_path or ""), it.source_line or 0, _nul(it.url), _nul(it.outlet),
                             _nul(it.published)))
            self._add_terms(cur, vocabulary)
        return BatchResult(added, dups, errs)

    @staticmethod
    def _add_claims(cur: Any, art: Article, claims: Sequence[Any]) -> None:
        rows = []
        for cl in claims:
            rs, re_ = art.raw_span(cl.start, cl.end)
            src = cl.source
            row = (art.id, cl.start, cl.end, rs, re_, cl.text, cl.value_min, cl.value_max, cl.qualifier,
                   cl.category, cl.noun, cl.predicate, cl.actor, cl.stance, cl.ref_date, cl.ref_date_from,
                   src and src.text, src and src.start, src and src.end, src and src.cue, src and src.entity_id,
                   cl.sentence_start, cl.sentence_end)
            rows.append(tuple(_nul(v) for v in row))
        cur.executemany(f"INSERT INTO claims({_CLAIM_SQL_COLS}) VALUES ({','.join(['%s'] * len(_CLAIM_COLS))})", rows)

    @staticmethod
    def _add_terms(cur: Any, terms: Iterable[str]) -> None:
        """Add indexed terms to the vocabulary of spelling variants, at the end of the caller's
        transaction and in sorted order: concurrent batches then take the locks of the terms
        they share in one order, and cannot deadlock on them."""
        rows = sorted((t, k) for t in set(terms) if (k := term_key(t)))
        if rows:
            cur.execute("INSERT INTO search_terms(term, pkey) SELECT * FROM unnest(%s::text[], %s::text[]) "
                        "ON CONFLICT DO NOTHING", ([t for t, _ in rows], [k for _, k in rows]))

    def ensure_search_index(self) -> int:
        """Index the articles the search index lacks (stores older than migration 0004, whose
        vectors it emptied); returns how many articles were indexed. Cheap when there are none
        (a partial index holds the unindexed articles)."""
        return self.reindex_search(only_missing=True)

    def reindex_search(self, *, only_missing: bool = False, batch: int = 500) -> int:
        """Index for search the articles without a search vector (``only_missing``), or all of
        them with a fresh vocabulary (after a change of the search rules), ``batch`` articles
        per transaction; returns how many articles were indexed."""
        if not only_missing:
            with self.transaction() as c:
                c.execute("UPDATE articles SET search_vec = NULL")
                c.execute("DELETE FROM search_terms")
        n = 0
        last = ""
        while True:
            rows = self.conn.execute(
                "SELECT id, title, text FROM articles WHERE search_vec IS NULL AND id > %s ORDER BY id LIMIT %s",
                (last, batch)).fetchall()
            if not rows:
                return n
            with self.transaction() as c:
                cur = c.cursor()
                vocabulary: set[str] = set()
                for r in rows:
                    vec, terms = search_document(r["title"], r["text"])
                    cur.execute("UPDATE articles SET search_vec = %s::tsvector WHERE id = %s AND search_vec IS NULL",
                                (vec, r["id"]))
                    if cur.rowcount:  # 0: another process indexed it meanwhile
                        n += 1
                        vocabulary.update(terms)
                self._add_terms(cur, vocabulary)
            last = rows[-1]["id"]

    def claims(self, *, category: str | None = None, source: str | None = None, article: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Stored claims with their article's outlet and date; ``source`` matches normalised text."""
        sql = "SELECT c.*, a.outlet, a.published, a.title, a.source_path FROM claims c JOIN articles a ON a.id = c.article_id"
        where, args = [], []
        if category:
            where.append("c.category = %s")
            args.append(category)
        if article:
            where.append("c.article_id = %s")
            args.append(self.resolve_id(article))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (f" ORDER BY c.category {_C}, coalesce(c.ref_date, a.published, '') {_C}, a.id, c.start, c.id")
        rows = self.conn.execute(sql, args).fetchall()
        if source:
            from marsad.text.normalize import norm

            want = norm(source)
            rows = [r for r in rows if r["source_text"] and want in norm(r["source_text"])]
        return rows[:limit] if limit else rows

    # ------------------------------------------------------------ reads
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) AS n FROM articles").fetchone()["n"]

    def list_articles(self, *, limit: int | None = None, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.title, a.outlet, a.published, a.format, a.encoding, a.source_path, length(a.text) AS chars, "
               "substr(a.text, 1, 120) AS head, (SELECT count(*) FROM sightings s WHERE s.article_id = a.id) AS sightings "
               "FROM articles a")
        args: list[Any] = []
        if outlet:
            sql += " WHERE a.outlet = %s"
            args.append(outlet)
        sql += f" ORDER BY coalesce(a.published, '') {_C}, a.ingested_at, a.id LIMIT %s OFFSET %s"
        args += [limit if limit is not None and limit >= 0 else None, offset]
        return self.conn.execute(sql, args).fetchall()

    def missing_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids of ``ids`` not stored yet."""
        ids = list(ids)
        if not ids:
            return set()
        have = {r["id"] for r in self.conn.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))}
        return set(ids) - have

    def resolve_id(self, prefix: str) -> str:
        """Full id from a unique prefix (as git does)."""
        # ids are lower-case hex; SQLite's LIKE ignores ASCII case, so lower() keeps the behaviour
        rows = self.conn.execute("SELECT id FROM articles WHERE id LIKE %s LIMIT 2",
                                 (prefix.lower() + "%",)).fetchall()
        if not rows:
            raise KeyError(f"no article with id {prefix!r}")
        if len(rows) > 1:
            raise KeyError(f"id prefix {prefix!r} is ambiguous; give more characters")
        return rows[0]["id"]

    @staticmethod
    def _article(d: dict[str, Any]) -> Article:
        offsets = OffsetMap.from_blocks(d.pop("offsets"), len(d["text"]), len(d["raw_text"]))
        removed = tuple(tuple(r) for r in d.pop("removed"))
        return Article(offsets=offsets, removed=removed, **d)

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id = %s",
                                (self.resolve_id(article_id),)).fetchone()
        return self._article(row)

    def iter_articles(self) -> Iterator[Article]:
        ids = [r["id"] for r in self.conn.execute(
            f"SELECT id FROM articles ORDER BY coalesce(published, '') {_C}, id").fetchall()]
        for i in range(0, len(ids), 200):
            chunk = ids[i : i + 200]
            rows = {r["id"]: r for r in self.conn.execute(
                f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id = ANY(%s)", (chunk,))}
            for aid in chunk:
                if aid in rows:
                    yield self._article(rows[aid])

    def iter_texts(self) -> Iterator[ArticleText]:
        """:meth:`iter_articles` as :class:`ArticleText` records (no raw text nor offsets)."""
        cols = ", ".join(ArticleText.__slots__)
        for r in self.conn.execute(f"SELECT {cols} FROM articles ORDER BY coalesce(published, '') {_C}, id"):
            yield ArticleText(*(r[c] for c in ArticleText.__slots__))

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        return self.conn.execute(
            "SELECT source_path, source_line, url, outlet, published, seen_at FROM sightings WHERE article_id = %s "
            "ORDER BY seen_at, seq", (article_id,)).fetchall()

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.conn.execute(
            "SELECT path, line, reason, seen_at FROM ingest_errors ORDER BY id DESC LIMIT %s",
            (limit if limit is not None and limit >= 0 else None,)).fetchall()  # SQLite: LIMIT -1 is all

    # ------------------------------------------------------------ pages (the REST API and web pages)
    def article_page(self, *, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                     ids: Iterable[str] | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """``(total, rows)``: the rows of :meth:`list_articles` plus their claim counts, newest first."""
        where, args = _date_filters("a.published", date_from, date_to)
        if outlet:
            where.append("a.outlet = %s")
            args.append(_nul(outlet))
        if ids is not None:
            where.append("a.id = ANY(%s::text[])")
            args.append([_nul(i) for i in ids])
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.conn.execute(f"SELECT count(*) AS n FROM articles a{cond}", args).fetchone()["n"]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.format, a.encoding, a.source_path, length(a.text) AS chars, "
            "substr(a.text, 1, 160) AS head, (SELECT count(*) FROM sightings s WHERE s.article_id = a.id) AS sightings, "
            f"(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims FROM articles a{cond} "
            f"ORDER BY a.published IS NULL, a.published {_C} DESC, a.ingested_at {_C} DESC, a.id LIMIT %s OFFSET %s",
            [*args, _limit(limit), _offset(offset)]).fetchall()
        return total, rows

    def claim_page(self, *, category: str | None = None, source: str | None = None, outlet: str | None = None,
                   article: str | None = None, date_from: str | None = None, date_to: str | None = None,
                   ids: Iterable[int] | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """``(total, rows)`` of stored claims (rows as :meth:`claims`), filtered in SQL.

        ``source`` matches the normalised source text (as :meth:`claims`; the normalisation
        is Python's, so the claims with a source are read and filtered here first); the dates
        bound the claim's reference date, else its article's publication date (inclusive);
        ``ids`` keeps only these claim ids. Ordered by that date (undated last), article,
        position.
        """
        where, args = _date_filters("coalesce(c.ref_date, a.published)", date_from, date_to)
        if category:
            where.append("c.category = %s")
            args.append(_nul(category))
        if outlet:
            where.append("a.outlet = %s")
            args.append(_nul(outlet))
        if article:
            where.append("c.article_id = %s")
            args.append(self.resolve_id(article))
        if ids is not None:
            where.append("c.id = ANY(%s::bigint[])")
            args.append(list(ids))
        if source:
            from marsad.text.normalize import norm

            want = norm(source)
            cond = " AND ".join([*where, "c.source_text IS NOT NULL"])
            keep = [r["id"] for r in self.conn.execute(
                f"SELECT c.id, c.source_text FROM claims c JOIN articles a ON a.id = c.article_id WHERE {cond}", args)
                if want in norm(r["source_text"])]
            where.append("c.id = ANY(%s::bigint[])")
            args.append(keep)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        base = f"FROM claims c JOIN articles a ON a.id = c.article_id{cond}"
        total = self.conn.execute(f"SELECT count(*) AS n {base}", args).fetchone()["n"]
        rows = self.conn.execute(
            f"SELECT c.*, a.outlet, a.published, a.title, a.source_path {base} "
            "ORDER BY coalesce(c.ref_date, a.published) IS NULL, "
            f"substr(coalesce(c.ref_date, a.published), 1, 10) {_C}, a.id, c.start, c.id LIMIT %s OFFSET %s",
            [*args, _limit(limit), _offset(offset)]).fetchall()
        return total, rows

    def claim_spans(self, article_ids: Iterable[str], *, source_entity: str | None = None) -> list[dict[str, Any]]:
        """Positions of the claims of these articles (and of claims whose source is linked to
        ``source_entity``): id, article_id, start, end, sentence and source spans, source_entity."""
        return self.conn.execute(
            'SELECT id, article_id, start, "end", sentence_start, sentence_end, source_start, source_end, source_entity '
            "FROM claims WHERE article_id = ANY(%s::text[]) OR source_entity = %s ORDER BY id",
            ([_nul(i) for i in article_ids], _nul(source_entity))).fetchall()

    def outlets(self) -> list[str]:
        return [r["outlet"] for r in self.conn.execute(
            f"SELECT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != '' GROUP BY outlet "
            f"ORDER BY outlet {_C}")]

    def claim_categories(self) -> dict[str, int]:
        return {r["category"]: r["n"] for r in self.conn.execute(
            "SELECT category, count(*) AS n FROM claims GROUP BY category ORDER BY 2 DESC, 1")}

    # ------------------------------------------------------------ search (tsvector, migrations 0003-0004)
    def term_variants(self, term: str, limit: int = 8) -> list[str]:
        """Indexed terms that spell ``term`` another way (same phonetic key, one or two letters
        apart: "بيونج" -> "بيونغ", "زيلنسكي" -> "زيلينسكي"), closest first; ``term`` excluded."""
        key = term_key(term)
        if not key or len(term) < 3:
            return []
        return pick_variants(term, (r["term"] for r in self.conn.execute(
            "SELECT term FROM search_terms WHERE pkey = %s", (key,))), limit)

    def search(self, query: str, *, outlet: str | None = None, date_from: str | None = None,
               date_to: str | None = None, article_ids: Iterable[str] | None = None,
               limit: int = 20, offset: int = 0) -> SearchResult:
        """Full-text search: every word of ``query`` (or "quoted phrase") must occur, in any
        inflection (clitics stripped) or transliteration variant the corpus holds.

        The same query rules, terms and filters as :meth:`SQLiteStore.search
        <marsad.store.sqlite.SQLiteStore.search>` (see :mod:`marsad.store.searchterms`), and
        the same :class:`~marsad.store.searchterms.SearchResult`: hits are dicts with ``id,
        title, outlet, published, head, score, exact`` and ``terms`` the index terms the query
        matched. Ranked by ``ts_rank`` (title weighs three times the body, normalised by
        document length; ``score`` is minus the rank, so lower is better as with SQLite's
        BM25), articles holding the words as typed (``exact``) before those found only through
        variants. Filters: ``outlet`` (exact), ``date_from``/``date_to`` (ISO dates,
        inclusive, on the publication date) and ``article_ids`` (only these articles).
        Raises ``ValueError`` when the query has no searchable word.
        """
        self.ensure_search_index()
        plan = plan_query(query, self.term_variants)
        if any(len(t.encode()) > _MAX_LEXEME_BYTES for g in plan.groups for t in g):
            return SearchResult(0, [], plan.terms)  # such a word is never indexed (PostgreSQL's limit)
        q = tsquery_of(plan)
        where, args = _date_filters("a.published", date_from, date_to)
        if outlet:
            where.append("a.outlet = %s")
            args.append(_nul(outlet))
        if article_ids is not None:
            where.append("a.id = ANY(%s::text[])")
            args.append([_nul(i) for i in article_ids])
        cond = (" AND " + " AND ".join(where)) if where else ""
        base = f"FROM articles a WHERE a.search_vec @@ %s::tsquery{cond}"
        total = self.conn.execute(f"SELECT count(*) AS n {base}", [q.match, *args]).fetchone()["n"]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, substr(a.text, 1, 160) AS head, "
            f"-ts_rank('{_RANK_WEIGHTS}', a.search_vec, %s::tsquery, 1)::float8 AS score, "
            f"(a.search_vec @@ %s::tsquery)::int AS exact {base} "
            f"ORDER BY exact DESC, score, coalesce(a.published, '') {_C} DESC, a.id LIMIT %s OFFSET %s",
            [q.match, q.exact, q.match, *args, _limit(limit), _offset(offset)]).fetchall()
        return SearchResult(total, rows, q.terms)


def _limit(limit: int | None) -> int | None:
    """SQLite's LIMIT: a negative limit (or none) is no limit."""
    return limit if limit is not None and limit >= 0 else None


def _offset(offset: int | None) -> int:
    """SQLite's OFFSET: a negative offset is 0."""
    return max(0, offset or 0)


def _date_filters(col: str, date_from: Any, date_to: Any) -> tuple[list[str], list[Any]]:
    """SQL conditions bounding the ISO date in ``col`` (inclusive; rows without a date fail),
    as :func:`marsad.store.sqlite._date_filters`."""
    where, args = [], []
    if date_from:
        where.append(f"substr({col}, 1, 10) {_C} >= %s")
        args.append(_nul(str(date_from)[:10]))
    if date_to:
        where.append(f"substr({col}, 1, 10) {_C} <= %s")
        args.append(_nul(str(date_to)[:10]))
    return where, args


# ---------------------------------------------------------------- search vectors
#
# The terms are the SQLite store's (marsad.store.searchterms.index_terms), computed in
# Python, so the server's text-search parser and locale never see Arabic text: lexemes go to
# PostgreSQL as tsvector/tsquery literals, no text-search configuration is involved.

_RANK_WEIGHTS = "{0.1, 0.1, 0.1, 0.3}"  # ts_rank weights of D (text), C, B, A (title): title x3
_MAX_POS = 16383                 # PostgreSQL's largest tsvector position: later tokens share it
_MAX_POSITIONS = 255             # positions kept per lexeme (PostgreSQL keeps at most 256)
_MAX_LEXEME_BYTES = 2046         # PostgreSQL's longest lexeme; longer terms are not indexed
_MAX_VECTOR_BYTES = 1_000_000    # a tsvector holds at most 1 MB of lexemes and positions


def search_document(title: str | None, text: str) -> tuple[str, set[str]]:
    """``(tsvector literal, indexed terms)`` of an article.

    Each token's index term (:func:`~marsad.store.searchterms.index_terms`) at the token's
    position, the title's with weight A, then a gap (a phrase never spans title and text),
    then the text's. Limits of PostgreSQL, reached only by huge articles: positions past
    16383 share the last one (phrases there are not found), a term keeps its first 255
    positions, and terms past 1 MB of vector are left out.
    """
    lex: dict[str, list[tuple[int, str]]] = {}
    budget = _MAX_VECTOR_BYTES
    pos = 0
    for part, weight in ((title or "", "A"), (text or "", "")):
        for term in index_terms(part):
            pos = min(pos + 1, _MAX_POS)
            slots = lex.get(term)
            if slots is None:
                size = len(term.encode())
                if size > _MAX_LEXEME_BYTES or size + 10 > budget:
                    continue
                budget -= size + 10
                lex[term] = [(pos, weight)]
                continue
            if len(slots) >= _MAX_POSITIONS or slots[-1][0] == pos or budget < 2:
                continue
            budget -= 2
            slots.append((pos, weight))
        pos = min(pos + 1, _MAX_POS)
    vec = " ".join(ts_lexeme(k) + ":" + ",".join(f"{p}{w}" for p, w in v) for k, v in lex.items())
    return vec, set(lex)
