"""The corpus endpoints and pages: matrix, timeline and brief over a store (the compare test corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COMPARE = REPO / "tests" / "data" / "compare" / "articles.jsonl"


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.api import create_app
    from marsad.pipeline import ingest
    from marsad.store import SQLiteStore

    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with SQLiteStore(db) as s:
        assert ingest([COMPARE], s).added == 5
    return TestClient(create_app(db))


def test_matrix_endpoint_lists_contradictions_with_sources(corpus_client):
    d = corpus_client.get("/api/matrix").json()
    keys = {m["key"]: m for m in d["measures"]}
    troops = keys["troops:moved:ethiopia:all"]
    assert troops["status"] == "contradiction"
    assert {c["source"] for c in troops["cells"]} >= {"وزارة الدفاع الصومالية", "رويترز"}
    kinds = {f["kind"] for f in troops["findings"]}
    assert {"contradiction", "change"} <= kinds
    only = corpus_client.get("/api/matrix", params={"category": "casualties"}).json()
    assert only["measures"] and all(m["category"] == "casualties" for m in only["measures"])
    assert corpus_client.get("/api/matrix", params={"category": "nonsense"}).status_code == 422


def test_timeline_and_brief_endpoints(corpus_client):
    t = corpus_client.get("/api/timeline").json()
    assert t["total"] == len(t["entries"]) > 0
    assert all(e["cites"] for e in t["entries"])
    b = corpus_client.get("/api/brief", params={"sentences": 3}).json()
    assert len(b["sentences"]) == 3 and b["figures"][0]["status"] == "contradiction"
    assert "الأرقام الرئيسية" in b["text"]
    assert corpus_client.get("/api/brief", params={"sentences": 0}).status_code == 422


def test_matrix_page_marks_disputed_figures_and_links_to_evidence(corpus_client):
    html = corpus_client.get("/matrix").text
    assert 'class="fig disputed"' in html and "<svg" in html
    anchor = re.search(r'href="/articles/([0-9a-f]+)#(c\d+)"', html)
    assert anchor, "matrix values link to the claim inside its article"
    art = corpus_client.get(f"/articles/{anchor.group(1)}").text
    assert f'id="{anchor.group(2)}"' in art


def test_timeline_and_brief_pages_render(corpus_client):
    assert "الخط الزمني" in corpus_client.get("/timeline").text
    page = corpus_client.get("/brief").text
    assert "الأرقام الرئيسية" in page and "صحيفة الأفق" in page
    nav = re.findall(r'<nav aria-label="الأقسام">(.*?)</nav>', page, re.S)[0]
    assert "/matrix" in nav and "/timeline" in nav and "/brief" in nav


@pytest.fixture(scope="module")
def two_story_client(tmp_path_factory):
    """The compare corpus (Horn of Africa) plus the bundled examples (an earthquake): two stories."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app
    from marsad.pipeline import ingest
    from marsad.store import SQLiteStore

    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with SQLiteStore(db) as s:
        ingest([COMPARE, REPO / "examples"], s)
    return TestClient(create_app(db))


def test_stories_endpoint_and_story_filters(two_story_client):
    d = two_story_client.get("/api/stories").json()
    assert d["total"] >= 2
    horn = next(s for s in d["stories"] if any("الصومال" in x or "إثيوبيا" in x for x in s["entities"]))
    quake = next(s for s in d["stories"] if s["id"] != horn["id"] and s["articles"] >= 5)
    assert not set(horn["article_ids"]) & set(quake["article_ids"])
    m = two_story_client.get("/api/matrix", params={"story": horn["id"], "all": True}).json()
    assert m["measures"] and all("tunisia" not in x["key"] for x in m["measures"])
    q = two_story_client.get("/api/matrix", params={"story": quake["id"], "all": True}).json()
    assert all("ethiopia" not in x["key"] for x in q["measures"])
    assert two_story_client.get("/api/brief", params={"story": "zzzz"}).status_code == 404
    page = two_story_client.get("/stories").text
    assert f'/matrix?story={horn["id"]}' in page
    assert two_story_client.get(f'/matrix?story={horn["id"]}').status_code == 200


def test_copies_endpoint_links_passages(two_story_client):
    d = two_story_client.get("/api/copies").json()
    for p in d["passages"]:
        assert p["a_text"] and p["b_text"] and p["kind"] in ("copy", "translation", "exact")
    # the example corpus repeats the AFP dispatch (T1) in the content farm (T3): they are linked
    docs = {(p["a_doc"], p["b_doc"]) for p in d["passages"]} | {(p["b_doc"], p["a_doc"]) for p in d["passages"]}
    assert any("02_akhbar" in a and "03_bawabat" in b for a, b in docs), docs
