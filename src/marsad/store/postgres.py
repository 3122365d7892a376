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
* :meth:`PostgresStore.search` is Arabic-aware full-text search (see :func:`search_document`).

PostgreSQL text cannot hold NUL characters; the rare NUL in a title or author is stored as
U+FFFD (one character for one, so offsets stay valid). Readers already drop NULs from texts.
"""

from __future__ import annotations

import html
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from marsad.records import Article, IngestError
from marsad.store import is_postgres_url
from marsad.store.sqlite import _ARTICLE_COLS, _CLAIM_COLS, BatchResult, StoreError
from marsad.text.offsets import OffsetMap

__all__ = ["PostgresStore", "is_postgres_url", "search_document", "parse_query", "make_snippet", "fold", "SearchQuery"]

_LOCK_KEY = 0x6D61727361640001  # "marsad" + 1: advisory lock held while migrating
_SEARCH_MIGRATION = 3
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
                self.reindex_search(only_missing=True)
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
        """Store the articles and errors of one input file in one transaction.

        ``claims`` maps an article id to its :class:`~marsad.extract.claims.Claim` records;
        they are stored with the article when the article is new (when another process
        stored the same article first, this one counts it as a duplicate).
        """
        added = dups = errs = 0
        cols = ",".join(_ARTICLE_COLS)
        marks = ",".join(["%s"] * len(_ARTICLE_COLS))
        with self.transaction() as c:
            cur = c.cursor()
            for it in items:
                if isinstance(it, IngestError):
                    cur.execute("INSERT INTO ingest_errors(path, line, reason) VALUES (%s,%s,%s)",
                                (_nul(it.path), it.line, _nul(it.reason)))
                    errs += 1
                    continue
                search_text, search_vec = search_document(it.title, it.text)
                cur.execute(
                    f"INSERT INTO articles({cols}, offsets, removed, extra, search_text, search_vec) "
                    f"VALUES ({marks}, %s, %s, %s, %s, %s::tsvector) ON CONFLICT (id) DO NOTHING",
                    (*(_nul(getattr(it, k)) for k in _ARTICLE_COLS), json.dumps(it.offsets.to_list()),
                     json.dumps([list(r) for r in it.removed]), json.dumps(it.extra, ensure_ascii=False, default=str),
                     search_text, search_vec),
                )
                if cur.rowcount:
                    added += 1
                    if claims and claims.get(it.id):
                        self._add_claims(cur, it, claims[it.id])
                else:
                    dups += 1
                cur.execute("INSERT INTO sightings(article_id, source_path, source_line, url, outlet, published) "
                            "VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                            (it.id, _nul(it.source_path or ""), it.source_line or 0, _nul(it.url), _nul(it.outlet),
                             _nul(it.published)))
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

    def reindex_search(self, *, only_missing: bool = False, batch: int = 500) -> int:
        """Recompute the search columns (after an upgrade or a change of the search rules)."""
        n = 0
        last = ""
        while True:
            rows = self.conn.execute(
                f"SELECT id, title, text FROM articles WHERE id > %s {'AND search_vec IS NULL' if only_missing else ''} "
                f"ORDER BY id LIMIT %s", (last, batch)).fetchall()
            if not rows:
                return n
            with self.transaction() as c:
                cur = c.cursor()
                for r in rows:
                    cur.execute("UPDATE articles SET search_text = %s, search_vec = %s::tsvector WHERE id = %s",
                                (*search_document(r["title"], r["text"]), r["id"]))
            n += len(rows)
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

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        return self.conn.execute(
            "SELECT source_path, source_line, url, outlet, published, seen_at FROM sightings WHERE article_id = %s "
            "ORDER BY seen_at, seq", (article_id,)).fetchall()

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.conn.execute(
            "SELECT path, line, reason, seen_at FROM ingest_errors ORDER BY id DESC LIMIT %s",
            (limit if limit is not None and limit >= 0 else None,)).fetchall()  # SQLite: LIMIT -1 is all

    # ------------------------------------------------------------ search
    def search(self, query: str, *, limit: int = 20, offset: int = 0, outlet: str | None = None,
               date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
        """Articles matching ``query``, best first.

        Returns dicts with the keys ``article_id, title, outlet, published, score, snippet``.

        * Every word must match (AND); ``"quoted words"`` (and hyphenated words) must be
          adjacent, in order; ``word*`` matches words that start with ``word``.
        * Words match in title and text whatever their spelling variant: after
          normalisation (hamza, alef, ya, ta marbuta, diacritics, tatweel), without their
          proclitics (``الجنود`` finds ``وجنود`` and ``للجنود``), and, as a last resort,
          after folding the letters transliterations use for g/k/q (``بيونج يانج`` finds
          ``وبيونغ يانغ``).
        * ``score`` is PostgreSQL's ``ts_rank`` (normalised by document length, in [0, 1))
          where the spelling itself and its clitic-free base weigh more than the folded
          variant, plus 1 when every word matched by its own spelling or base, so articles
          found only through a transliteration variant always come after.
        * ``snippet`` is about 200 characters of the article's text around its best hit,
          HTML-escaped, each matching word wrapped in ``<mark>``…``</mark>``; it is taken
          from the original (not normalised) text.
        * ``outlet`` keeps one outlet; ``date_from``/``date_to`` (inclusive ISO date
          prefixes such as ``2026-03-17``) keep articles whose ``published`` falls in the
          range (articles without a date are then left out).

        An empty query (or one with no words) returns ``[]``.
        """
        q = parse_query(query)
        if q is None:
            return []
        if limit < 0 or offset < 0:
            raise ValueError("limit and offset must be >= 0")
        where = ["search_vec @@ %(q)s::tsquery"]
        args: dict[str, Any] = {"q": q.tsquery, "qx": q.tsquery_exact, "limit": limit, "offset": offset}
        if outlet:
            where.append("outlet = %(outlet)s")
            args["outlet"] = outlet
        if date_from:
            where.append(f"published {_C} >= %(date_from)s")
            args["date_from"] = date_from
        if date_to:
            where.append(f"left(published, %(date_to_len)s) {_C} <= %(date_to)s")
            args["date_to"] = date_to
            args["date_to_len"] = len(date_to)
        rows = self.conn.execute(
            "SELECT id AS article_id, title, outlet, published, text, "
            "ts_rank(search_vec, %(q)s::tsquery, 1) + CASE WHEN search_vec @@ %(qx)s::tsquery THEN 1 ELSE 0 END "
            "AS score FROM articles WHERE " + " AND ".join(where) +
            f" ORDER BY score DESC, coalesce(published, '') {_C} DESC, id LIMIT %(limit)s OFFSET %(offset)s",
            args).fetchall()
        out = []
        for r in rows:
            text = r.pop("text")
            r["score"] = round(float(r["score"]), 6)
            r["snippet"] = make_snippet(text, q)
            out.append(r)
        return out


# ---------------------------------------------------------------- search terms
#
# Store-independent: the same functions build the indexed terms and the query terms, in
# Python, so the server's text-search parser and locale never see Arabic text (lexemes go
# to PostgreSQL as tsvector/tsquery literals; no text-search configuration is involved).

# Letters that transliterations of foreign names use interchangeably for g, k and q
# ("بيونغ"/"بيونج", "شويغو"/"شويجو", "غوغل"/"جوجل"/"قوقل"); see marsad.extract.translit,
# whose phonetic keys put them in one class. Vowels are kept: the fold is a weak tier.
_FOLD = str.maketrans({"ج": "ك", "غ": "ك", "ق": "ك", "گ": "ك", "چ": "ك", "ڨ": "ك", "ڤ": "ف", "پ": "ب"})
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+")
_MAX_POS = 16383       # PostgreSQL's largest tsvector position
_MAX_POSITIONS = 256   # positions kept per lexeme
_MAX_LEXEME = 500      # characters; longer tokens are not indexed


def fold(term: str) -> str:
    """The transliteration-folded form of a normalised term (g/k/q letters as ``ك``)."""
    return term.translate(_FOLD)


def _token_terms(tok: Any) -> list[tuple[str, str]]:
    """``(lexeme, weight)`` of one token: A the normalised word, B its base, C the folded base."""
    if tok.kind == "punct" or len(tok.norm) > _MAX_LEXEME:
        return []
    out = [(tok.norm, "A")]
    if tok.kind == "number":
        if _GROUPED_NUMBER.fullmatch(tok.norm):
            out.append((tok.norm.replace(",", ""), "B"))
        return out
    if tok.kind == "word":
        if tok.base != tok.norm:
            out.append((tok.base, "B"))
        f = fold(tok.base)
        if f != tok.base and f != tok.norm:
            out.append((f, "C"))
    return out


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def search_document(title: str | None, text: str) -> tuple[str, str]:
    """``(search_text, tsvector literal)`` of an article.

    ``search_text`` is the clitic-stripped normalised bases of the title's and text's
    tokens, space-separated; the tsvector puts each token's tiers (see :func:`_token_terms`)
    at the token's position, title first (positions past PostgreSQL's limit share the last).
    """
    from marsad.text.tokens import tokenize

    lex: dict[str, dict[int, str]] = {}
    bases: list[str] = []
    pos = 0
    for part in (title or "", text or ""):
        for tok in tokenize(part):
            terms = _token_terms(tok)
            if not terms:
                continue
            pos = min(pos + 1, _MAX_POS)
            bases.append(tok.base)
            for lexeme, w in terms:
                slots = lex.setdefault(lexeme, {})
                if len(slots) < _MAX_POSITIONS and min(slots.get(pos, "D"), w) == w:
                    slots[pos] = w  # "A" < "B" < "C" < "D": keep the strongest weight
        pos = min(pos + 1, _MAX_POS)  # a gap: a phrase never spans title and text
    vec = " ".join(f"{_quote(k)}:" + ",".join(f"{p}{w}" for p, w in sorted(v.items())) for k, v in lex.items())
    return " ".join(bases), vec


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: ``tsquery`` (all tiers), ``tsquery_exact`` (without the folded tier)
    and, for highlighting, one ``(lexemes, prefixes)`` pair per query word."""

    tsquery: str
    tsquery_exact: str
    words: tuple[tuple[frozenset[str], tuple[str, ...]], ...]


_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
_QUOTES = str.maketrans({c: '"' for c in "«»“”„″"})


def parse_query(query: str) -> SearchQuery | None:
    """Parse a user query (see :meth:`PostgresStore.search`); ``None`` when it has no words."""
    from marsad.text.tokens import tokenize

    query = (query or "").translate(_QUOTES)  # not norm(): clitic stripping needs the hamzas
    groups, groups_x, words = [], [], []
    for m in _QUERY_PART.finditer(query):
        part = m.group(1) if m.group(1) is not None else m.group(2)
        toks = tokenize(part)
        alts, alts_x = [], []
        for i, tok in enumerate(toks):
            terms = _token_terms(tok)
            if not terms:
                continue
            prefix = i + 1 < len(toks) and toks[i + 1].text.startswith("*") and toks[i + 1].start == tok.end
            star = ":*" if prefix else ""
            lexemes = [t for t, _ in terms]
            exact = [t for t, w in terms if w != "C"]
            alts.append("(" + " | ".join(_quote(t) + star for t in lexemes) + ")")
            alts_x.append("(" + " | ".join(_quote(t) + star for t in exact) + ")")
            words.append((frozenset() if prefix else frozenset(lexemes), tuple(lexemes) if prefix else ()))
        if alts:
            groups.append("(" + " <-> ".join(alts) + ")")
            groups_x.append("(" + " <-> ".join(alts_x) + ")")
    if not groups:
        return None
    return SearchQuery(" & ".join(groups), " & ".join(groups_x), tuple(words))


SNIPPET_CHARS = 200


def make_snippet(text: str, q: SearchQuery, width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around the window with the most distinct query
    words, HTML-escaped, the matching words wrapped in ``<mark>``…``</mark>``."""
    from marsad.text.tokens import tokenize

    hits: list[tuple[int, int, int]] = []
    for tok in tokenize(text):
        terms = [t for t, _ in _token_terms(tok)]
        if not terms:
            continue
        for wi, (lexemes, prefixes) in enumerate(q.words):
            if any(t in lexemes for t in terms) or any(t.startswith(p) for t in terms for p in prefixes):
                hits.append((tok.start, tok.end, wi))
                break
    if not hits:
        start, end = 0, min(len(text), width)
    else:
        best, best_n = 0, -1
        for i, (s, _, _) in enumerate(hits):
            n = len({wi for s2, _, wi in hits[i:] if s2 < s + width * 3 // 4})
            if n > best_n:
                best, best_n = i, n
        s0 = hits[best][0]
        start = max(0, s0 - width // 4)
        end = min(len(text), start + width)
        start = max(0, end - width) if end == len(text) else start
    # snap to word boundaries
    if start > 0:
        sp = text.rfind(" ", max(0, start - 20), start + 1)
        start = sp + 1 if sp >= 0 else start
    if end < len(text):
        sp = text.find(" ", end, end + 20)
        end = sp if sp >= 0 else end
    pieces = []
    cur = start
    for s, e, _ in hits:
        if s < start or e > end:
            continue
        pieces.append(_esc(text[cur:s]))
        pieces.append("<mark>" + _esc(text[s:e]) + "</mark>")
        cur = e
    pieces.append(_esc(text[cur:end]))
    return ("…" if start > 0 else "") + "".join(pieces).strip() + ("…" if end < len(text) else "")


def _esc(s: str) -> str:
    return html.escape(re.sub(r"\s+", " ", s))
