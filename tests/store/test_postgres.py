"""PostgresStore: the same behaviour as SQLiteStore (tests parametrised over both stores,
see conftest.py), PostgreSQL specifics (migrations table, concurrency, errors) and search.

The PostgreSQL cases need a server: $MARSAD_TEST_PG, or local binaries for a throwaway
one; otherwise they are skipped with the reason (conftest.py).
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from marsad.ingest import read_path
from marsad.pipeline import ingest
from marsad.records import IngestError
from marsad.store.sqlite import SQLiteStore, StoreError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXT_A = "قالت وزارة الصحة إن عدد المصابين بلغ 310 أشخاص، بينهم 45 طفلًا، في حصيلة غير نهائية."
TEXT_B = "أفاد الهلال الأحمر بأن أكثر من ألفي أسرة نزحت من القرى المتضررة خلال يومين."


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
        assert lite.list_articles() == pg.list_articles()
        assert lite.claims() == pg.claims()
        assert [json.dumps(c, ensure_ascii=False) for c in lite.claims()] == \
               [json.dumps(c, ensure_ascii=False) for c in pg.claims()]  # same key order, same types
        a_lite, a_pg = list(lite.iter_articles()), list(pg.iter_articles())
        assert a_lite == a_pg
        assert [a.to_dict() for a in a_lite] == [a.to_dict() for a in a_pg]
        assert [list(a.extra) for a in a_lite] == [list(a.extra) for a in a_pg]  # key order too
        for a in a_lite:
            assert pg.get_article(a.id[:7]) == a
            assert _no_time(lite.sightings(a.id)) == _no_time(pg.sightings(a.id))
        assert _no_time(lite.errors()) == _no_time(pg.errors())
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


def test_pg_reindex_search(pg_url, load_examples):
    from marsad.store.postgres import PostgresStore

    with load_examples(PostgresStore(pg_url)) as s:
        before = s.search("الزلزال")
        s.conn.execute("UPDATE articles SET search_vec = NULL, search_text = NULL")
        assert s.search("الزلزال") == []
        assert s.reindex_search(only_missing=True) == s.count()
        assert s.search("الزلزال") == before


# ------------------------------------------------------------------ search
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


@pytest.fixture
def searchable(store, write):
    if not hasattr(store, "search"):
        pytest.skip(f"{type(store).__name__} has no search() on this branch")
    lines = [json.dumps({"id": k, "outlet": o, "published": p, "title": t, "text": x}, ensure_ascii=False)
             for k, o, p, t, x in DOCS]
    rep = ingest([write("docs.jsonl", "\n".join(lines) + "\n")], store)
    assert rep.added == len(DOCS), rep.errors
    ids = {a.extra.get("id"): a.id for a in store.iter_articles()}
    names = {v: k for k, v in ids.items()}
    return store, ids, names


def _keys(hits, names):
    return [names[h["article_id"]] for h in hits]


def test_search_result_shape(searchable):
    s, ids, names = searchable
    hits = s.search("البرلمان")
    assert _keys(hits, names) == ["F"]
    h = hits[0]
    assert list(h) == ["article_id", "title", "outlet", "published", "score", "snippet"]
    assert (h["title"], h["outlet"], h["published"]) == ("جلسة برلمانية", "موقع النبأ", None)
    assert isinstance(h["score"], float) and h["score"] > 0
    assert s.search("") == [] and s.search("  ،. ") == []
    assert s.search("كلمةغيرموجودة") == []


def test_search_transliteration_variants(searchable):
    s, ids, names = searchable
    hits = s.search("بيونج يانج")
    assert _keys(hits, names) == ["A", "B"]  # the exact spelling first, then the variant
    assert hits[0]["score"] > hits[1]["score"]
    assert "<mark>وبيونغ</mark> <mark>يانغ</mark>" in hits[1]["snippet"]
    assert "<mark>بيونج</mark> <mark>يانج</mark>" in hits[0]["snippet"]
    assert _keys(s.search("بيونغ يانغ"), names) == ["B", "A"]


def test_search_clitics_and_normalisation(searchable):
    s, ids, names = searchable
    hits = s.search("الجنود")
    assert set(_keys(hits, names)) == {"C", "D", "E"}
    assert _keys(hits, names)[-1] == "D"  # only clitic variants there: ranked after the exact spelling
    d = next(h for h in hits if names[h["article_id"]] == "D")
    assert "<mark>للجنود</mark>" in d["snippet"] and "<mark>وجنود</mark>" in d["snippet"]
    assert _keys(s.search("جنود"), names) != []
    assert _keys(s.search("الأسرة"), names) == ["F"]      # written الأسرة, ة/ه and hamza folded
    assert _keys(s.search("الاسره"), names) == ["F"]


def test_search_snippet_is_escaped_original_text(searchable):
    s, ids, names = searchable
    (e,) = s.search("الجنود الجرحى")
    assert names[e["article_id"]] == "E"
    snip = e["snippet"]
    assert "<mark>الجُنُودَ</mark>" in snip  # the original spelling, diacritics included
    assert "&lt;المنهكين&gt; &amp; <mark>الجرحى</mark>" in snip
    assert re.sub(r"</?mark>", "", snip).count("<") == 0
    plain = re.sub(r"</?mark>", "", snip).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert plain.strip("…") in DOCS[4][4]


def test_search_phrases_prefixes_and_all_words(searchable):
    s, ids, names = searchable
    assert _keys(s.search('"الحدود الشمالية"'), names) == ["C"]
    assert s.search('"الشمالية الحدود"') == []
    assert _keys(s.search("الموازن*"), names) == ["F"]
    assert "<mark>الموازنة</mark>" in s.search("الموازن*")[0]["snippet"]
    assert s.search("الجنود البرلمان") == []  # every word must match


def test_search_filters_and_pages(searchable):
    s, ids, names = searchable
    q = "قال"  # in B and E (and قالت is another word)
    assert set(_keys(s.search(q), names)) == {"B", "E"}
    assert _keys(s.search(q, outlet="صحيفة الغد"), names) == ["B"]
    assert _keys(s.search("الجنود", date_from="2026-03-15"), names) == ["E", "D"]
    assert _keys(s.search("الجنود", date_to="2026-03-14"), names) == ["C"]
    assert _keys(s.search("بيونج", date_from="2026-03-12", date_to="2026-03-12"), names) == ["B"]
    assert s.search("البرلمان", date_from="2000-01-01") == []  # undated articles are left out
    every = s.search("الجنود")
    assert s.search("الجنود", limit=2) + s.search("الجنود", limit=2, offset=2) == every
    assert s.search("الجنود", limit=0) == []


def test_search_examples_corpus(store, load_examples):
    if not hasattr(store, "search"):
        pytest.skip(f"{type(store).__name__} has no search() on this branch")
    load_examples(store)
    hits = store.search("زلزال قرطالة")
    assert len(hits) >= 3
    assert all("<mark>" in h["snippet"] for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
