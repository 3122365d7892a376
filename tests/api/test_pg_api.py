"""The REST API and the web pages over a PostgreSQL store answer as over a SQLite one.

Two apps get the same articles (posted as JSON): one over a SQLite file, one over a
PostgreSQL URL. Every read answers the same, search included (same hits, exact flags,
matched terms, snippets and highlights; only ``score`` differs: BM25 on SQLite, ``ts_rank``
on PostgreSQL).

PostgreSQL comes from the fixtures of ``tests/store/test_postgres.py`` (``$MARSAD_TEST_PG``
or a throwaway server, one per session); without one these tests skip with the reason.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from pathlib import Path

import pytest

from .apidata import json_articles


def _store_test_fixtures():
    """tests/store/test_postgres.py as a module (its fixtures; tests/store is no package)."""
    name = "marsad_tests_store_postgres"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parents[1] / "store" / "test_postgres.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


_pg = _store_test_fixtures()
pg_server = _pg.pg_server  # a fixture: PostgreSQL's URL, or skip with the reason


@pytest.fixture(scope="module")
def apps(pg_server, tmp_path_factory):
    """``(pg, lite)``: TestClients of apps over a PostgreSQL schema and a SQLite file holding
    the same articles, and the answers of the two uploads."""
    import psycopg
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    schema = "api_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    try:
        url = _pg._with_search_path(pg_server, schema)
        pg = TestClient(create_app(url))
        lite = TestClient(create_app(tmp_path_factory.mktemp("pgapi") / "lite.db"))
        posted = []
        for client in (pg, lite):
            r = client.post("/api/articles", json={"articles": json_articles()})
            assert r.status_code == 201, r.text
            posted.append(r.json())
        yield pg, lite, posted
    finally:
        from marsad.api.entities import clear_cache

        clear_cache()
        with psycopg.connect(pg_server, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")


def _get(client, path: str, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, params, r.text)
    return r.json()


def _no_score(page: dict) -> dict:
    return {**page, "items": [{k: v for k, v in h.items() if k != "score"} for h in page["items"]]}


def test_upload_to_postgres(apps):
    pg, lite, (p1, l1) = apps
    assert (p1["added"], p1["duplicates"]) == (3, 0) and p1 == l1
    again = [c.post("/api/articles", json={"articles": json_articles()}) for c in (pg, lite)]
    assert [r.status_code for r in again] == [201, 201]
    p2, l2 = (r.json() for r in again)
    assert (p2["added"], p2["duplicates"]) == (0, 3) and p2 == l2
    assert [a["claims"] for a in p2["articles"]] == [a["claims"] for a in p1["articles"]]  # counted in the store
    assert not any(a["new"] for a in p2["articles"])


@pytest.mark.parametrize("params", [{}, {"per_page": 2}, {"per_page": 2, "page": 2}, {"outlet": "وكالة الشمال"},
                                    {"date_from": "2026-04-02", "date_to": "2026-04-04"}, {"entity": "shoigu"},
                                    {"page": 9}])
def test_articles_on_postgres(apps, params):
    pg, lite, _ = apps
    got = _get(pg, "/api/articles", **params)
    assert got == _get(lite, "/api/articles", **params)
    if not params:
        assert got["total"] == 3 and [a["published"] for a in got["items"]] == ["2026-04-05", "2026-04-03", "2026-04-01"]
        for a in got["items"]:
            detail = _get(pg, f"/api/articles/{a['id'][:8]}")
            expect = _get(lite, f"/api/articles/{a['id'][:8]}")
            for d in (detail, expect):
                for s in d["sightings"]:
                    s.pop("seen_at")
            assert detail == expect and detail["claims"]


def test_search_on_postgres_finds_variants_and_marks_the_original(apps):
    pg, lite, _ = apps
    r = _get(pg, "/api/search", q="بيونج يانج")
    assert r["total"] == 2 and {"بيونج", "بيونغ", "يانج", "يانغ"} <= set(r["terms"])
    assert [h["exact"] for h in r["items"]] == [True, False]                 # as typed first
    a_hit = next(h for h in r["items"] if h["title"].startswith("قوات"))
    marked = [s["text"][b:e] for s in a_hit["snippets"] for b, e in s["highlights"]]
    assert marked == ["وبيونغ", "يانغ"]                                       # the article's own words
    text = _get(pg, f"/api/articles/{a_hit['id']}")["text"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in a_hit["snippets"])
    assert r["entities"][0]["id"] == "pyongyang"
    assert _no_score(r) == _no_score(_get(lite, "/api/search", q="بيونج يانج"))


@pytest.mark.parametrize("params", [
    {"q": '"بيونغ يانغ"'}, {"q": '"يانغ بيونغ"'}, {"q": "الجنود"}, {"q": "جندي"}, {"q": "والفيضانات"},
    {"q": "شويجو", "outlet": "وكالة الشمال"}, {"q": "جندي", "date_to": "2026-04-02"},
    {"q": "جندي", "date_from": "2026-04-02"}, {"q": "الساحل", "entity": "shoigu"}, {"q": "جندي", "entity": "shoigu"},
    {"q": "٣٠٠٠"}, {"q": "جندي", "per_page": 1, "page": 2}, {"q": "NEAR(a b OR *"}, {"q": "a' | 'b & !c:*"},
])
def test_search_on_postgres_answers_as_on_sqlite(apps, params):
    pg, lite, _ = apps
    got, expect = _get(pg, "/api/search", **params), _get(lite, "/api/search", **params)
    assert _no_score(got) == _no_score(expect)
    ranked = [(not h["exact"], h["score"]) for h in got["items"]]
    assert ranked == sorted(ranked)  # as typed first, then by score (lower is better)
    if params["q"] == "جندي" and len(params) == 1:
        assert got["total"] == 2


@pytest.mark.parametrize("q", ["...", "؟!", " ".join(["كلمة"] * 20)])
def test_search_on_postgres_rejects_queries_without_words(apps, q):
    pg, _, _ = apps
    r = pg.get("/api/search", params={"q": q})
    assert r.status_code == 422 and r.json()["error"]


@pytest.mark.parametrize("path, params", [("/api/stats", {}), ("/api/claims", {}), ("/api/claims", {"category": "troops"}),
                                          ("/api/claims", {"source": "الهلال الاحمر"}),
                                          ("/api/claims", {"entity": "shoigu", "role": "source"}),
                                          ("/api/entities", {"q": "شويجو"}), ("/api/entities/shoigu", {})])
def test_other_reads_on_postgres(apps, path, params):
    pg, lite, _ = apps
    assert _get(pg, path, **params) == _get(lite, path, **params)


def test_pages_on_postgres(apps):
    pg, lite, _ = apps
    r = pg.get("/search", params={"q": "بيونج يانج"})
    assert r.status_code == 200 and "<mark" in r.text and "وبيونغ" in r.text
    hit = next(h for h in _get(pg, "/api/search", q="بيونج يانج")["items"] if not h["exact"])
    r = pg.get(f"/articles/{hit['id']}", params={"q": "بيونج يانج"})  # the article with the hits marked
    assert r.status_code == 200 and "وبيونغ" in r.text
    assert r.text == lite.get(f"/articles/{hit['id']}", params={"q": "بيونج يانج"}).text
    for path in ("/", "/claims", "/entities", "/entities/shoigu"):
        assert pg.get(path).status_code == 200, path
