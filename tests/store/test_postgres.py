"""PostgresStore: the same behaviour as SQLiteStore (tests parametrised over both stores
with the ``store`` fixture), PostgreSQL specifics (migrations table, concurrency, errors),
the CLI with a URL, and search (one result shape on both stores; snippets through the API's
helpers in :mod:`marsad.api.search`).

PostgreSQL comes from ``$MARSAD_TEST_PG`` (a URL; ``.ci/run`` starts a server and sets it)
or, when that is unset, from a throwaway server started once per session with the local
PostgreSQL binaries (``initdb``/``pg_ctl``, on a unix socket in a temporary folder, as the
``postgres`` user when running as root). When neither is possible the PostgreSQL cases are
skipped with the reason. Each test gets a fresh schema of its own.

(The fixtures live here, not in a ``conftest.py``: tests import the top-level ``conftest``
by name, and a second ``conftest`` module would shadow it.)
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import pytest

from marsad.ingest import read_path
from marsad.pipeline import ingest
from marsad.records import IngestError
from marsad.store.sqlite import SQLiteStore, StoreError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXT_A = "قالت وزارة الصحة إن عدد المصابين بلغ 310 أشخاص، بينهم 45 طفلًا، في حصيلة غير نهائية."
TEXT_B = "أفاد الهلال الأحمر بأن أكثر من ألفي أسرة نزحت من القرى المتضررة خلال يومين."


# ------------------------------------------------------------------ fixtures
PG_ENV = "MARSAD_TEST_PG"
PG_SKIP_ENV = "MARSAD_TEST_PG_SKIP"  # set by .ci/run with the reason it could not start a server


def _pg_bindir() -> str | None:
    """A folder with ``initdb``, ``pg_ctl`` and ``postgres`` (PATH first, then Debian's layout)."""
    cands = []
    initdb = shutil.which("initdb")
    if initdb:
        cands.append(str(Path(initdb).resolve().parent))
    cands += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[-2].split(".")
                                                                         if x.isdigit()], reverse=True)
    for d in cands:
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


class _Server:
    """A throwaway PostgreSQL cluster on a unix socket (no TCP port, nothing to clash with)."""

    def __init__(self, bindir: str):
        self.bindir = bindir
        self.dir = tempfile.mkdtemp(prefix="marsad-pg-")  # short: unix socket paths are limited
        self.data = os.path.join(self.dir, "data")
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run the server as") from None
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            runuser = shutil.which("runuser")
            self.prefix = [runuser, "-u", "postgres", "--"] if runuser else None  # type: ignore[assignment]
            if self.prefix is None:
                self.prefix = ["su", "postgres", "-s", "/bin/sh", "-c"]

    def _run(self, *args: str) -> None:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.prefix and self.prefix[0] == "su":
            import shlex

            cmd = [*self.prefix, shlex.join(cmd)]
        else:
            cmd = [*self.prefix, *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode:
            raise RuntimeError(f"{args[0]} failed: {(r.stderr or r.stdout).strip()[-500:]}")

    def start(self) -> str:
        self._run("initdb", "-D", self.data, "-U", "marsad", "-A", "trust", "-E", "UTF8", "--no-sync",
                  "--locale=C")
        opts = f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                  "-o", opts, "start")
        import psycopg

        with psycopg.connect(f"postgresql:///postgres?host={quote(self.dir)}&user=marsad", autocommit=True) as c:
            c.execute("CREATE DATABASE marsad_test")
        return f"postgresql:///marsad_test?host={quote(self.dir)}&user=marsad"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        except Exception:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _provide_server() -> tuple[str, "_Server | None"]:
    """``(url, server to stop or None)`` of the PostgreSQL to test with, or skip/fail."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed (pip install 'marsad[postgres]')")
    url = os.environ.get(PG_ENV)
    if url:
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            pytest.fail(f"${PG_ENV}={url} is set but the server cannot be reached: {exc}")
        return url, None
    if os.environ.get(PG_SKIP_ENV):
        pytest.skip(f"PostgreSQL tests skipped: {os.environ[PG_SKIP_ENV]}")
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(f"PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
                    f"/usr/lib/postgresql/*/bin, and ${PG_ENV} is not set (install PostgreSQL or set "
                    f"{PG_ENV}=postgresql://...)")
    try:
        server = _Server(bindir)
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        url = server.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start is a reason to skip
        server.stop()
        pytest.skip(f"PostgreSQL tests skipped: could not start a throwaway server with {bindir}: {exc}")
    return url, server


@pytest.fixture(scope="session")
def pg_server(request):
    """URL of a PostgreSQL database for tests (see the module docstring), or skip.

    One per session even when another test module imports these fixtures (tests/api does):
    the first to ask starts the server and keeps the outcome on the pytest config (so it is
    torn down last), the others reuse it, or skip with the same reason."""
    cfg = request.config
    shared = getattr(cfg, "_marsad_pg", None)
    if shared is not None:
        url, reason = shared
        if url is None:
            pytest.skip(reason)
        yield url
        return
    try:
        url, server = _provide_server()
    except pytest.skip.Exception as exc:
        cfg._marsad_pg = (None, exc.msg)
        raise
    cfg._marsad_pg = (url, None)
    try:
        yield url
    finally:
        del cfg._marsad_pg
        if server is not None:
            server.stop()


def _with_search_path(url: str, schema: str) -> str:
    opt = quote(f"-csearch_path={schema}", safe="")
    return url + ("&" if "?" in url else "?") + f"options={opt}"


@pytest.fixture
def pg_url(pg_server):
    """A URL whose tables live in a fresh schema, dropped after the test."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    yield _with_search_path(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_factory(request, tmp_path):
    """``make()`` opens (again) the same store of the parametrised kind."""
    opened = []
    if request.param == "sqlite":

        def make():
            opened.append(SQLiteStore(tmp_path / "s.db"))
            return opened[-1]
    else:
        url = request.getfixturevalue("pg_url")
        from marsad.store.postgres import PostgresStore

        def make():
            opened.append(PostgresStore(url))
            return opened[-1]
    make.kind = request.param  # type: ignore[attr-defined]
    yield make
    for s in opened:
        try:
            s.close()
        except Exception:
            pass


@pytest.fixture
def store(store_factory):
    return store_factory()


@pytest.fixture(autouse=True)
def _fresh_trafilatura_dedup():
    """Work around a reader quirk: trafilatura's deduplication cache is process-global, so the
    4th read of the same HTML page in one process extracts a different text (another id).
    These tests read examples/ many times; clear the cache around each so that every test
    (here and later in the session) sees what a fresh process sees."""
    try:
        from trafilatura.deduplication import LRU_TEST
    except ImportError:  # pragma: no cover - another trafilatura layout
        yield
        return
    LRU_TEST.clear()
    yield
    LRU_TEST.clear()


@pytest.fixture(scope="session")
def load_examples():
    """``load(store)`` stores ``examples/`` as :func:`marsad.pipeline.ingest` does (one batch
    per file, claims of new articles), reading and analysing the files once per session."""
    from marsad.ingest import iter_files
    from marsad.pipeline import analyse_claims
    from marsad.records import Article

    batches = []
    for f in iter_files([EXAMPLES]):
        items = [f] if isinstance(f, IngestError) else list(read_path(f))
        batches.append((items, {a.id: analyse_claims(a) for a in items if isinstance(a, Article)}))

    def load(store):
        for items, claims in batches:
            store.add_batch(items, claims)
        return store

    return load


def _no_time(rows, *keys):
    return [{k: v for k, v in r.items() if k not in ("seen_at", "ingested_at", *keys)} for r in rows]


# ------------------------------------------------------------------ same behaviour, both stores
def test_ingest_examples(store):
    rep = ingest([EXAMPLES], store)
    assert rep.added >= 8 and store.count() == rep.added
    rows = store.list_articles()
    assert len(rows) == rep.added
    assert set(rows[0]) == {"id", "title", "outlet", "published", "format", "encoding", "source_path", "chars",
                            "head", "sightings"}
    assert [r["published"] or "" for r in rows] == sorted(r["published"] or "" for r in rows)
    assert store.list_articles(limit=2, offset=1) == rows[1:3]
    outlet = next(r["outlet"] for r in rows if r["outlet"])
    assert {r["outlet"] for r in store.list_articles(outlet=outlet)} == {outlet}
    assert store.claims() and {"id", "article_id", "start", "end", "raw_start", "raw_end", "category", "source_text",
                                "outlet", "published", "title", "source_path"} <= set(store.claims()[0])
    for a in store.iter_articles():
        for c in store.claims(article=a.id):
            assert a.raw_text[c["raw_start"]:c["raw_end"]] and a.text[c["start"]:c["end"]] == c["text"]


def test_round_trip_and_reingest_is_noop(store, tmp_path, write):
    write("in/a.txt", TEXT_A)
    write("in/b.txt", TEXT_B)
    write("in/copy_of_a.txt", "\n" + TEXT_A + "\n")
    r1 = ingest([tmp_path / "in"], store)
    assert (r1.files, r1.added, r1.duplicates, r1.errors) == (3, 2, 1, [])
    r2 = ingest([tmp_path / "in"], store)
    assert (r2.added, r2.duplicates) == (0, 3)
    assert store.count() == 2
    (a,) = read_path(tmp_path / "in/a.txt")
    got = store.get_article(a.id[:6])
    assert got == a.__class__(**{**{k: getattr(a, k) for k in a.__slots__}, "extra": got.extra})
    assert got.offsets == a.offsets
    seen = store.sightings(a.id)
    assert [s["source_path"].rsplit("/", 1)[-1] for s in seen] == ["a.txt", "copy_of_a.txt"]
    assert set(seen[0]) == {"source_path", "source_line", "url", "outlet", "published", "seen_at"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", seen[0]["seen_at"])


def test_errors_kept_and_good_files_stored(store, tmp_path, write):
    ingest([write("a.txt", TEXT_A)], store)
    write("mix/good.txt", TEXT_B)
    write("mix/bad.txt", b"\x00\x01binary\x02" * 20)
    write("mix/empty.txt", "")
    write("mix/lines.jsonl", '{"text": "%s"}\n{oops\n' % TEXT_B.replace("ألفي", "ثلاثة آلاف"))
    rep = ingest([tmp_path / "mix"], store)
    assert rep.added == 2 and len(rep.errors) == 3
    assert store.count() == 3
    errs = store.errors()
    assert len(errs) == 3 and set(errs[0]) == {"path", "line", "reason", "seen_at"}
    assert {e["path"].rsplit("/", 1)[-1] for e in errs} == {"bad.txt", "empty.txt", "lines.jsonl"}
    assert any(e["line"] == 2 for e in errs)
    assert len(store.errors(limit=1)) == 1


def test_failed_batch_leaves_the_store_as_it_was(store, write):
    (a,) = read_path(write("a.txt", TEXT_A))
    (b,) = read_path(write("b.txt", TEXT_B))
    store.add_batch([a])

    def items():
        yield IngestError("x.txt", "bad")
        yield b
        raise RuntimeError("crash in the middle of a file")

    with pytest.raises(RuntimeError):
        store.add_batch(items())
    assert store.count() == 1 and store.errors() == [] and len(store.sightings(a.id)) == 1
    assert store.sightings(b.id) == []
    assert store.add_batch([b, IngestError("x", "bad")]).added == 1
    assert store.count() == 2


def test_claims_filters(store, load_examples):
    load_examples(store)
    every = store.claims()
    cats = {c["category"] for c in every}
    assert "casualties" in cats
    cas = store.claims(category="casualties")
    assert cas and all(c["category"] == "casualties" for c in cas)
    assert [c["id"] for c in cas] == [c["id"] for c in every if c["category"] == "casualties"]
    assert len(store.claims(limit=3)) == 3
    src = next(c["source_text"] for c in every if c["source_text"])
    got = store.claims(source=src)
    assert got and all(src in c["source_text"] or c["source_text"] for c in got)
    aid = cas[0]["article_id"]
    mine = store.claims(article=aid[:8])
    assert mine and {c["article_id"] for c in mine} == {aid}
    with pytest.raises(KeyError):
        store.claims(article="zzzz")


def test_id_prefixes(store, load_examples):
    load_examples(store)
    ids = sorted(r["id"] for r in store.list_articles())
    assert store.resolve_id(ids[0]) == ids[0]
    assert store.resolve_id(ids[0][:10].upper()) == ids[0]  # as SQLite's LIKE: ASCII case ignored
    shared = next(i[:1] for i, j in zip(ids, ids[1:]) if i[:1] == j[:1])
    with pytest.raises(KeyError, match="ambiguous"):
        store.resolve_id(shared)
    with pytest.raises(KeyError, match="no article"):
        store.get_article("zzzz")
    assert store.missing_ids([ids[0], "0" * 16]) == {"0" * 16}
    assert store.missing_ids([]) == set()


def test_reopen_keeps_everything(store_factory, load_examples):
    s = load_examples(store_factory())
    n, v = s.count(), s.schema_version
    s.close()
    s2 = store_factory()
    assert s2.count() == n and s2.migrate() == v


# ------------------------------------------------------------------ SQLite and PostgreSQL agree
def test_postgres_reads_back_what_sqlite_reads_back(pg_url, tmp_path):
    from marsad.store.postgres import PostgresStore

    lite, pg = SQLiteStore(tmp_path / "s.db"), PostgresStore(pg_url)
    try:
        for s in (lite, pg):
            ingest([EXAMPLES], s)
            ingest([EXAMPLES / "txt"], s)  # copies: sightings, duplicates
            s.add_batch([IngestError("x/y.txt", "unreadable", 3)])
        assert lite.count() == pg.count()
        # list order is (published, ingest time to the second, id): ties depend on the clock
        by_id = lambda rows: sorted(rows, key=lambda r: r["id"])  # noqa: E731
        assert by_id(lite.list_articles()) == by_id(pg.list_articles())
        assert lite.claims() == pg.claims()
        assert [json.dumps(c, ensure_ascii=False) for c in lite.claims()] == \
               [json.dumps(c, ensure_ascii=False) for c in pg.claims()]  # same key order, same types
        a_lite, a_pg = list(lite.iter_articles()), list(pg.iter_articles())
        assert a_lite == a_pg
        assert list(lite.iter_texts()) == list(pg.iter_texts())
        assert [a.to_dict() for a in a_lite] == [a.to_dict() for a in a_pg]
        assert [list(a.extra) for a in a_lite] == [list(a.extra) for a in a_pg]  # key order too
        for a in a_lite:
            assert pg.get_article(a.id[:7]) == a
            assert _no_time(lite.sightings(a.id)) == _no_time(pg.sightings(a.id))
        assert _no_time(lite.errors()) == _no_time(pg.errors())
    finally:
        lite.close()
        pg.close()


def test_pages_agree_across_stores(pg_url, tmp_path, load_examples):
    """The paged queries of the REST API and web pages give the same rows on both stores."""
    from marsad.store.postgres import PostgresStore

    lite, pg = load_examples(SQLiteStore(tmp_path / "s.db")), load_examples(PostgresStore(pg_url))
    try:
        assert lite.outlets() == pg.outlets() and len(lite.outlets()) > 2
        assert lite.claim_categories() == pg.claim_categories()
        ids = sorted(r["id"] for r in lite.list_articles())
        for kw in ({}, {"outlet": lite.outlets()[1]}, {"date_from": "2026-03-17"},
                   {"date_from": "2026-03-16", "date_to": "2026-03-17"}, {"ids": ids[:3]}, {"ids": []},
                   {"outlet": "لا أحد\x00"}):
            (n1, r1), (n2, r2) = lite.article_page(**kw), pg.article_page(**kw)
            assert n1 == n2 and len(r1) == min(n1, 20), kw
            assert [r["published"] for r in r1] == [r["published"] for r in r2], kw  # newest first
            assert sorted(r1, key=lambda r: r["id"]) == sorted(r2, key=lambda r: r["id"]), kw
        (n1, r1), (n2, r2) = lite.article_page(limit=3, offset=2), pg.article_page(limit=3, offset=2)
        assert n1 == n2 and len(r1) == len(r2) == 3
        every = lite.claims()
        src = next(c["source_text"] for c in every if c["source_text"])
        for kw in ({}, {"category": "casualties"}, {"source": src}, {"source": src, "category": "casualties"},
                   {"outlet": lite.outlets()[1]}, {"article": every[0]["article_id"][:8]},
                   {"date_from": "2026-03-17", "date_to": "2026-03-18"}, {"ids": [c["id"] for c in every[::3]]},
                   {"ids": []}, {"limit": 5, "offset": 3}, {"limit": 500}):
            assert lite.claim_page(**kw) == pg.claim_page(**kw), kw
        ent = next(c["source_entity"] for c in every if c["source_entity"])
        for arts, entity in ((ids[:4], None), ([], ent), (ids[2:], ent)):
            assert lite.claim_spans(arts, source_entity=entity) == pg.claim_spans(arts, source_entity=entity)
    finally:
        lite.close()
        pg.close()


# ------------------------------------------------------------------ PostgreSQL specifics
def test_pg_migrations_table(pg_url):
    from marsad.store.postgres import PostgresStore, _migrations

    s = PostgresStore(pg_url)
    latest = _migrations()[-1][0]
    assert s.schema_version == latest >= 3
    rows = s.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r["name"] for r in rows] == [n for _, n, _ in _migrations()]
    assert s.migrate() == latest  # idempotent
    s.conn.execute("INSERT INTO schema_migrations(version, name) VALUES (999, 'future')")
    s.close()
    with pytest.raises(StoreError, match="newer"):
        PostgresStore(pg_url)


def test_pg_not_a_marsad_database(pg_url):
    import psycopg

    from marsad.store.postgres import PostgresStore

    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("CREATE TABLE articles (x int)")
    with pytest.raises(StoreError, match="not a Marsad database"):
        PostgresStore(pg_url)


def test_pg_unreachable_server_is_a_store_error(tmp_path):
    from marsad.store.postgres import PostgresStore

    with pytest.raises(StoreError, match="cannot connect") as e:
        PostgresStore(f"postgresql://marsad:secret@/nodb?host={tmp_path}", connect_timeout=2)
    assert "secret" not in str(e.value)


def test_open_store_dispatch(pg_url, tmp_path, monkeypatch):
    from marsad.store import PostgresStore, open_store

    with open_store(pg_url) as s:
        assert isinstance(s, PostgresStore) and "postgres" in s.path
    with open_store("postgres://" + pg_url.removeprefix("postgresql://")) as s:
        assert isinstance(s, PostgresStore)
    monkeypatch.setenv("MARSAD_DB", pg_url)
    with open_store() as s:
        assert isinstance(s, PostgresStore)
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    with open_store(None) as s:
        assert isinstance(s, SQLiteStore) and s.path == tmp_path / "env.db"
    with open_store(str(tmp_path / "x.db")) as s:
        assert isinstance(s, SQLiteStore)
    with pytest.raises(StoreError, match="URL"):
        open_store(Path("postgresql://u@h/db"))


def test_pg_concurrent_inserts_of_one_article(pg_url, write):
    """Two processes storing the same article at once: one adds it, the other counts a duplicate."""
    from marsad.store.postgres import PostgresStore

    (a,) = read_path(write("a.txt", TEXT_A))
    s1, s2 = PostgresStore(pg_url), PostgresStore(pg_url)
    inside, release = threading.Event(), threading.Event()
    results = {}

    def slow_items():
        yield a
        inside.set()
        assert release.wait(10)

    t1 = threading.Thread(target=lambda: results.__setitem__(1, s1.add_batch(slow_items())))
    t1.start()
    assert inside.wait(10)  # s1 holds an uncommitted insert of a
    t2 = threading.Thread(target=lambda: results.__setitem__(2, s2.add_batch([a])))
    t2.start()
    t2.join(0.3)
    assert t2.is_alive()  # waits on s1's transaction instead of failing
    release.set()
    t1.join(10)
    t2.join(10)
    assert (results[1].added, results[1].duplicates) == (1, 0)
    assert (results[2].added, results[2].duplicates) == (0, 1)
    assert s1.count() == 1 and len(s1.sightings(a.id)) == 1
    s1.close()
    s2.close()


def test_pg_nul_characters_are_stored(pg_url, write):
    from dataclasses import replace

    from marsad.store.postgres import PostgresStore

    (a,) = read_path(write("a.txt", TEXT_A))
    a = replace(a, title="عنوان\x00", extra={"k": "v\x00"})
    with PostgresStore(pg_url) as s:
        assert s.add_batch([a]).added == 1
        got = s.get_article(a.id)
        assert got.title == "عنوان\ufffd" and got.extra == {"k": "v\x00"}


# ------------------------------------------------------------------ search (both stores: one shape, one meaning)
DOCS = [
    # (key, outlet, published, title, text)
    ("A", "وكالة الشرق", "2026-03-10", "وفد عسكري في بيونج يانج",
     "أعلنت وكالة الأنباء أن وفدا عسكريا وصل إلى بيونج يانج صباح الاثنين لبحث التعاون الدفاعي."),
    ("B", "صحيفة الغد", "2026-03-12T08:30:00+03:00", "محادثات مرتقبة",
     "قال مسؤولون في سيول وبيونغ يانغ إن المحادثات ستستأنف الأسبوع المقبل بعد توقف طويل."),
    ("C", "وكالة الشرق", "2026-03-14", "انتشار على الحدود",
     "انتشر الجنود على الحدود الشمالية بعد منتصف الليل وفق بيان رسمي."),
    ("D", "صحيفة الغد", "2026-03-15", "حقوق العسكريين",
     "وأكد المتحدث أن للجنود حق الراحة، وجنود الاحتياط سيلتحقون بوحداتهم غدا."),
    ("E", "موقع النبأ", "2026-03-16", "تقرير ميداني",
     "قال تقرير إن الجُنُودَ <المنهكين> & الجرحى عادوا إلى الثكنة بعد أسبوعين من القتال."),
    ("F", "موقع النبأ", None, "جلسة برلمانية",
     "عقد البرلمان جلسة لمناقشة الموازنة العامة وتأمين احتياجات الأسرة الفقيرة."),
]
HIT_KEYS = ["id", "title", "outlet", "published", "head", "score", "exact"]


@pytest.fixture
def searchable(store, write):
    lines = [json.dumps({"id": k, "outlet": o, "published": p, "title": t, "text": x}, ensure_ascii=False)
             for k, o, p, t, x in DOCS]
    rep = ingest([write("docs.jsonl", "\n".join(lines) + "\n")], store)
    assert rep.added == len(DOCS), rep.errors
    ids = {a.extra.get("id"): a.id for a in store.iter_articles()}
    names = {v: k for k, v in ids.items()}
    return store, ids, names


def _keys(res, names):
    return [names[h["id"]] for h in res.hits]


def _marked(store, hit, terms) -> list[str]:
    """The words the API marks in the hit's snippets (marsad.api.search), in text order."""
    from marsad.api.search import hit_spans, snippets

    text = store.get_article(hit["id"]).text
    return [sn["text"][s:e] for sn in snippets(text, hit_spans(text, terms)) for s, e in sn["highlights"]]


def _art(text: str, **kw):
    from marsad.ingest import IngestOptions, make_article

    return make_article(text, fmt="txt", opts=IngestOptions(), **kw)


def test_search_result_shape(searchable):
    from marsad.store.searchterms import SearchResult

    s, ids, names = searchable
    res = s.search("البرلمان")
    assert isinstance(res, SearchResult) and res.total == 1 and _keys(res, names) == ["F"]
    h = res.hits[0]
    assert list(h) == HIT_KEYS
    assert (h["title"], h["outlet"], h["published"]) == ("جلسة برلمانية", "موقع النبأ", None)
    assert h["head"] == s.get_article(h["id"]).text[:160]
    assert isinstance(h["score"], float) and h["exact"] == 1
    assert res.terms == {"برلمان"}
    assert _marked(s, h, res.terms) == ["البرلمان"]
    for q in ("", "  ،. ", '""', "«»"):
        with pytest.raises(ValueError, match="no searchable word"):
            s.search(q)
    with pytest.raises(ValueError, match="at most"):
        s.search(" ".join(["جنود"] * 17))
    none = s.search("كلمةغيرموجودة")
    assert (none.total, none.hits, none.terms) == (0, [], {"كلمهغيرموجوده"})


def test_search_transliteration_variants(searchable):
    s, ids, names = searchable
    assert s.term_variants("بيونج") == ["بيونغ"] and s.term_variants("يانغ") == ["يانج"]
    res = s.search("بيونج يانج")
    assert _keys(res, names) == ["A", "B"] and res.total == 2  # the exact spelling first, then the variant
    assert [h["exact"] for h in res.hits] == [1, 0]
    assert res.terms == {"بيونج", "يانج", "بيونغ", "يانغ"}
    assert _marked(s, res.hits[0], res.terms) == ["بيونج", "يانج"]
    assert _marked(s, res.hits[1], res.terms) == ["وبيونغ", "يانغ"]  # the article's own spelling
    # exact before variant-only even where the variant is in the title (which weighs more)
    res = s.search("بيونغ يانغ")
    assert _keys(res, names) == ["B", "A"] and [h["exact"] for h in res.hits] == [1, 0]


def test_search_short_words_are_not_variants(store):
    """"كيف" (how) is not a spelling of "كييف" (Kyiv): short words need the same length."""
    store.add_batch([_art("وصل الوفد إلى كييف أمس في زيارة رسمية."),
                     _art("لا أحد يعرف كيف انتهت الزيارة ولا كم دامت.")])
    assert store.term_variants("كييف") == [] and store.term_variants("كيف") == []
    for q in ("كييف", "كيف"):
        res = store.search(q)
        assert res.total == 1 and res.terms == {q} and q in res.hits[0]["head"]


def test_search_clitics_and_normalisation(searchable):
    s, ids, names = searchable
    res = s.search("الجنود")
    assert set(_keys(res, names)) == {"C", "D", "E"} and res.terms == {"جنود"}
    assert all(h["exact"] == 1 for h in res.hits)  # clitics are stripped: the same term
    d = next(h for h in res.hits if names[h["id"]] == "D")
    assert _marked(s, d, res.terms) == ["للجنود", "وجنود"]
    assert set(_keys(s.search("جنود"), names)) == {"C", "D", "E"}
    assert _keys(s.search("الأسرة"), names) == ["F"]      # written الأسرة, ة/ه and hamza folded
    assert _keys(s.search("الاسره"), names) == ["F"]
    assert _keys(s.search("البرلمانُ"), names) == ["F"]   # diacritics


def test_search_snippets_are_the_original_text(searchable):
    from marsad.api.search import hit_spans, snippets

    s, ids, names = searchable
    res = s.search("الجنود الجرحى")
    assert _keys(res, names) == ["E"]
    text = s.get_article(res.hits[0]["id"]).text
    (sn,) = snippets(text, hit_spans(text, res.terms))
    assert sn["text"] == text[sn["start"]:sn["end"]]
    assert [sn["text"][a:b] for a, b in sn["highlights"]] == ["الجُنُودَ", "الجرحى"]  # diacritics included
    assert "<المنهكين> &" in sn["text"]  # raw text: escaping is the page's business


def test_search_phrases_and_all_words(searchable):
    s, ids, names = searchable
    assert _keys(s.search('"الحدود الشمالية"'), names) == ["C"]
    assert s.search('"الشمالية الحدود"').total == 0
    assert _keys(s.search("الشمالية الحدود"), names) == ["C"]   # words: any order
    assert s.search("الجنود البرلمان").total == 0                # every word must match
    res = s.search('"بيونج يانج"')                                 # a phrase of variants
    assert _keys(res, names) == ["A", "B"] and [h["exact"] for h in res.hits] == [1, 0]
    assert s.search('"يانج بيونج"').total == 0
    assert s.search('"يانج صباح"').total == 1                     # inside A's text
    assert s.search('"يانج أعلنت"').total == 0                    # A's title ends, its text begins
    # operators of either engine are words like any other
    assert s.search("الجنود OR البرلمان").total == 0
    assert s.search("جنود' | 'x & !y:*").total == 0
    assert set(_keys(s.search("NOT الجنود*"), names)) == set()
    assert set(_keys(s.search("(الجنود)"), names)) == {"C", "D", "E"}


def test_search_filters_and_pages(searchable):
    import datetime as dt

    s, ids, names = searchable
    q = "قال"  # in B and E (and قالت is another word)
    assert set(_keys(s.search(q), names)) == {"B", "E"}
    assert _keys(s.search(q, outlet="صحيفة الغد"), names) == ["B"]
    assert s.search(q, outlet="صحيفة").total == 0
    assert set(_keys(s.search("الجنود", date_from="2026-03-15"), names)) == {"D", "E"}
    assert set(_keys(s.search("الجنود", date_from=dt.date(2026, 3, 15)), names)) == {"D", "E"}
    assert _keys(s.search("الجنود", date_to="2026-03-14"), names) == ["C"]
    assert _keys(s.search("بيونج", date_from="2026-03-12", date_to=dt.date(2026, 3, 12)), names) == ["B"]
    assert s.search("البرلمان", date_from="2000-01-01").total == 0  # undated articles are left out
    assert _keys(s.search("الجنود", article_ids=[ids["C"], ids["F"]]), names) == ["C"]
    assert s.search("الجنود", article_ids=[]).total == 0
    every = s.search("الجنود")
    assert every.total == 3
    page1, page2 = s.search("الجنود", limit=2), s.search("الجنود", limit=2, offset=2)
    assert page1.hits + page2.hits == every.hits and page1.total == page2.total == 3
    assert s.search("الجنود", limit=0).hits == [] and s.search("الجنود", offset=5).hits == []


def test_search_title_weighs_more(store):
    store.add_batch([_art("الزلزال ضرب المدينة فجرا وتضررت المباني في الأحياء القديمة.", title="عاجل"),
                     _art("ضرب المدينة فجرا حادث كبير وتضررت المباني في الأحياء القديمة.", title="الزلزال")])
    assert [h["title"] for h in store.search("زلزال").hits] == ["الزلزال", "عاجل"]


def test_search_examples_corpus(store, load_examples):
    load_examples(store)
    res = store.search("زلزال قرطالة")
    assert res.total >= 3 and len(res.hits) == min(res.total, 20)
    for h in res.hits:
        assert _marked(store, h, res.terms)
    ranked = [(-h["exact"], h["score"]) for h in res.hits]
    assert ranked == sorted(ranked)  # exact first, then by score (lower is better)


def test_search_indexes_what_is_missing(store):
    store.add_batch([_art("انتشر الجنود على الحدود الشمالية بعد منتصف الليل وفق بيان رسمي.")])
    assert store.ensure_search_index() == 0
    if isinstance(store, SQLiteStore):
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        store.conn.execute("DELETE FROM search_docs")
    else:
        store.conn.execute("UPDATE articles SET search_vec = NULL")
    assert store.search("الجنود").total == 1  # search indexes what is missing first
    assert store.ensure_search_index() == 0


# ------------------------------------------------------------------ search: SQLite and PostgreSQL agree
SAME_QUERIES = ["زلزال قرطالة", "الهلال الأحمر", '"الهلال الأحمر"', "كوبنهاجن", "الضحايا", "حوالي", "قرطالة 2026",
                '"فرق الإنقاذ"', "الأمم المتحدة"]


def test_tsquery_compilation_quotes_everything():
    from marsad.store.searchterms import compile_query, compile_tsquery

    v = {"بيونج": ["بيونغ"], "يانج": ["يانغ"]}
    q = compile_tsquery('"بيونج يانج" الجنود', lambda t: v.get(t, [])[:1] if t == "بيونج" else [])
    assert q.match == "(('بيونج' <-> 'يانج') | ('بيونغ' <-> 'يانج')) & ('جنود')"
    assert q.exact == "(('بيونج' <-> 'يانج')) & ('جنود')"
    assert q.terms == {"بيونج", "بيونغ", "يانج", "جنود"}
    both = [f('"بيونج يانج" كيم-جونغ', lambda t: v.get(t, [])) for f in (compile_query, compile_tsquery)]
    assert both[0].terms == both[1].terms and both[1].match.count("<->") == 5  # 4 phrase forms, 1 hyphenated
    assert compile_tsquery("a:* & !b | c").match == "('a') & ('b') & ('c')"  # tsquery operators are not read
    with pytest.raises(ValueError, match="no searchable word"):
        compile_tsquery("!&|:*")


def test_search_agrees_across_stores(pg_url, tmp_path, load_examples):
    """The same articles, the same exact flags, the same matched terms (only ranking may differ)."""
    from marsad.store.postgres import PostgresStore

    lite, pg = load_examples(SQLiteStore(tmp_path / "s.db")), load_examples(PostgresStore(pg_url))
    try:
        found = 0
        for q in SAME_QUERIES:
            a, b = lite.search(q, limit=100), pg.search(q, limit=100)
            assert a.total == b.total and a.terms == b.terms, q
            assert {h["id"]: h["exact"] for h in a.hits} == {h["id"]: h["exact"] for h in b.hits}, q
            strip = lambda h: {k: v for k, v in h.items() if k != "score"}  # noqa: E731
            assert sorted(map(strip, a.hits), key=lambda h: h["id"]) == sorted(map(strip, b.hits), key=lambda h: h["id"])
            found += a.total
            for t in a.terms:
                assert lite.term_variants(t) == pg.term_variants(t), t
        assert found > 20
        assert lite.search("قرطالة", outlet=lite.outlets()[0]).total == pg.search("قرطالة", outlet=pg.outlets()[0]).total
    finally:
        lite.close()
        pg.close()


def test_pg_reindex_search(pg_url, load_examples):
    from marsad.store.postgres import PostgresStore

    with load_examples(PostgresStore(pg_url)) as s:
        before = s.search("الزلزال")
        n_terms = s.conn.execute("SELECT count(*) AS n FROM search_terms").fetchone()["n"]
        assert before.total and n_terms
        assert s.reindex_search() == s.count()  # a full rebuild: the same index
        assert s.search("الزلزال") == before
        s.conn.execute("UPDATE articles SET search_vec = NULL")
        s.conn.execute("DELETE FROM search_terms")
        assert s.ensure_search_index() == s.count()
        assert s.ensure_search_index() == 0
        assert s.search("الزلزال") == before
        assert s.conn.execute("SELECT count(*) AS n FROM search_terms").fetchone()["n"] == n_terms


def test_pg_upgrade_from_the_first_search_scheme(pg_url, load_examples):
    """A store of migration 0003 (three-tier vectors, search_text) is re-indexed on open."""
    from marsad.store.postgres import PostgresStore

    with load_examples(PostgresStore(pg_url)) as s:
        before = s.search("زلزال قرطالة")
        n = s.count()
        c = s.conn
        c.execute("DROP TABLE search_terms")
        c.execute("DROP INDEX articles_search_pending")
        c.execute("ALTER TABLE articles ADD COLUMN search_text TEXT")
        c.execute("UPDATE articles SET search_text = 'x', search_vec = 'x:1A'::tsvector")
        c.execute("DELETE FROM schema_migrations WHERE version >= 4")
    with PostgresStore(pg_url) as s:
        assert s.schema_version >= 4
        assert s.conn.execute("SELECT count(*) AS n FROM articles WHERE search_vec IS NULL").fetchone()["n"] == 0
        assert s.search("زلزال قرطالة") == before and s.count() == n


_LONG_WORD = "ب" * 3000  # a PostgreSQL lexeme has at most 2046 bytes


@lru_cache(maxsize=1)
def _huge_document() -> tuple[str, str, str, set[str]]:
    """``(title, text, tsvector literal, terms)`` of an article past every tsvector limit:
    300 times one word, 25,000 distinct 20-letter words (over 1 MB of lexemes, over 16,383
    positions) and one word too long to be a lexeme."""
    import itertools

    from marsad.store.postgres import search_document

    many = ["".join(p) for p in itertools.islice(itertools.product("سترمندجح", repeat=20), 25_000)]
    title, text = "عنوان", " ".join(["كلمة"] * 300 + many + [_LONG_WORD])
    return (title, text, *search_document(title, text))


def test_pg_search_vector_limits():
    """Huge articles stay storable: PostgreSQL's tsvector limits are respected."""
    from marsad.store.postgres import search_document

    _, _, vec, terms = _huge_document()
    assert {"عنوان", "كلمه"} <= terms and 15_000 < len(terms) < 25_002
    assert vec.count("'كلمه':") == 1
    positions = vec.split("'كلمه':")[1].split(" ")[0].split(",")
    assert len(positions) == 255 and positions[0] == "3"  # title at 1, a gap, then the text
    assert ":16383" in vec and _LONG_WORD[1:] not in vec
    vec, terms = search_document(None, f"كلمة {_LONG_WORD} أخرى")
    assert terms == {"كلمه", "اخري"} and vec == "'كلمه':2 'اخري':4"  # position 1: the (empty) title's gap


def test_pg_search_vector_is_accepted(pg_url):
    from marsad.store.postgres import PostgresStore

    title, _, vec, terms = _huge_document()
    with PostgresStore(pg_url) as s:
        assert s.conn.execute("SELECT length(%s::tsvector) AS n", (vec,)).fetchone()["n"] == len(terms)
        s.add_batch([_art("نص قصير عن موضوع آخر", title="خبر")])
        s.conn.execute("UPDATE articles SET search_vec = %s::tsvector", (vec,))
        assert s.search("كلمة").total == 1 and s.search("عنوان").hits[0]["exact"] == 1
        assert s.search(_LONG_WORD).total == 0 and s.search("ب" * 1100).total == 0


def test_cli_db_accepts_a_postgres_url(pg_url, tmp_path, write):
    from typer.testing import CliRunner

    from marsad.cli.main import app

    def run(*args):
        return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)

    write("in/a.txt", "وصول فرق الإغاثة\n\n" + TEXT_A)
    r = run("ingest", tmp_path / "in", "--db", pg_url, "--json")
    assert r.exit_code == 0, r.output
    rep = json.loads(r.output)
    assert (rep["added"], rep["total"], rep["db"]) == (1, 1, pg_url)
    rows = json.loads(run("list", "--db", pg_url, "--json").output)
    assert rows[0]["title"] == "وصول فرق الإغاثة"
    shown = json.loads(run("show", rows[0]["id"][:6], "--db", pg_url, "--json").output)
    assert shown["text"].endswith("نهائية.") and len(shown["sightings"]) == 1
    assert json.loads(run("claims", "--db", pg_url, "--jsonl").output.splitlines()[0])["article_id"] == rows[0]["id"]
    r = run("list", "--db", "postgresql://nobody@/nodb?host=" + str(tmp_path / "nosocket"))
    assert r.exit_code == 2 and "cannot connect" in r.output


def test_both_stores_satisfy_the_store_protocol(store):
    from marsad.store.base import SearchableStore, Store

    assert isinstance(store, Store) and isinstance(store, SearchableStore)
