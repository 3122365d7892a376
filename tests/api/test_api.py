"""The REST API through FastAPI's TestClient: reads, filters, search, uploads, safety."""

from __future__ import annotations

import sqlite3

import pytest

from .apidata import ART_A, ART_B, ART_C, json_articles


def _counts(db) -> dict:
    c = sqlite3.connect(db)
    out = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("articles", "claims", "sightings", "ingest_errors", "search_docs", "search_terms")}
    c.close()
    return out


def _id_of(client, title: str) -> str:
    items = client.get("/api/articles", params={"per_page": 100}).json()["items"]
    return next(r["id"] for r in items if r["title"] == title)


# ---------------------------------------------------------------- reading

def test_openapi_lists_the_endpoints(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/claims", "/api/search", "/api/stats"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    body = spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)


def test_empty_store(client):
    assert client.get("/api/articles").json() == {"total": 0, "page": 1, "per_page": 20, "items": []}
    assert client.get("/api/entities").json()["total"] == 0
    assert client.get("/api/stats").json()["articles"] == 0


def test_list_articles_pages_and_filters(loaded):
    r = loaded.get("/api/articles", params={"per_page": 2}).json()
    assert (r["total"], len(r["items"])) == (3, 2)
    assert [x["published"] for x in r["items"]] == ["2026-04-05", "2026-04-03"]   # newest first
    r2 = loaded.get("/api/articles", params={"per_page": 2, "page": 2}).json()
    assert [x["published"] for x in r2["items"]] == ["2026-04-01"]
    assert loaded.get("/api/articles", params={"page": 9}).json()["items"] == []
    assert loaded.get("/api/articles", params={"outlet": "وكالة الشمال"}).json()["total"] == 2
    assert loaded.get("/api/articles", params={"date_from": "2026-04-02", "date_to": "2026-04-04"}).json()["total"] == 1
    assert loaded.get("/api/articles", params={"entity": "shoigu"}).json()["total"] == 2
    assert all(x["claims"] >= 2 for x in r["items"])


def test_article_detail_spans_index_the_text(loaded):
    aid = _id_of(loaded, "قوات جديدة تصل إلى الحدود الشمالية")
    a = loaded.get(f"/api/articles/{aid[:6]}").json()
    assert a["id"] == aid and a["text"].startswith("قوات جديدة")
    assert a["claims"] and a["entities"]
    for c in a["claims"]:
        assert a["text"][c["start"]:c["end"]] == c["text"]
        assert c["sentence"] in a["text"]
    troops = next(c for c in a["claims"] if c["category"] == "troops")
    assert (troops["value_min"], troops["qualifier"]) == (1200, "approx")
    for m in a["entities"]:
        if m["start"] is not None:
            assert a["text"][m["start"]:m["end"]] == m["text"]
    assert {"shoigu", "pyongyang"} <= {m["entity_id"] for m in a["entities"]}
    assert a["sightings"][0]["source_path"] == "api"


def test_article_not_found_and_bad_ids(loaded):
    for bad in ("ffffffff", "zz", "%25", "abc_", "' OR 1=1 --", "a" * 40):
        r = loaded.get(f"/api/articles/{bad}")
        assert r.status_code == 404, bad
        assert "error" in r.json()


def test_entities_one_per_person_with_all_spellings(loaded):
    r = loaded.get("/api/entities", params={"q": "شويجو"}).json()
    assert r["items"][0]["id"] == "shoigu"
    e = loaded.get("/api/entities/shoigu").json()
    texts = {s["text"] for s in e["spelling_counts"]}
    assert {"سيرغي شويغو", "شويجو"} <= texts
    assert e["articles"] == 2 and len(e["mention_list"]) == e["mentions"]
    for m in e["mention_list"]:
        a = loaded.get(f"/api/articles/{m['article_id']}").json()
        assert a["text"][m["start"]:m["end"]] == m["text"]
    p = loaded.get("/api/entities/pyongyang").json()
    assert {"بيونغ يانغ", "بيونج يانج"} <= set(p["spellings"])
    assert loaded.get("/api/entities", params={"type": "LOC"}).json()["items"][0]["type"] == "LOC"
    assert loaded.get("/api/entities/nobody").status_code == 404
    assert loaded.get("/api/entities", params={"type": "XYZ"}).status_code == 422


def test_claims_filters(loaded):
    allc = loaded.get("/api/claims").json()
    assert allc["total"] == 7
    troops = loaded.get("/api/claims", params={"category": "troops"}).json()
    assert troops["total"] == 4 and {c["category"] for c in troops["items"]} == {"troops"}
    by_src = loaded.get("/api/claims", params={"source": "الهلال الاحمر"}).json()    # hamza-insensitive
    assert by_src["total"] == 2
    assert loaded.get("/api/claims", params={"outlet": "صحيفة الجنوب"}).json()["total"] == 3
    dated = loaded.get("/api/claims", params={"date_from": "2026-04-04"}).json()
    assert dated["total"] == 2
    as_source = loaded.get("/api/claims", params={"entity": "shoigu", "role": "source"}).json()
    assert [c["value_min"] for c in as_source["items"]] == [300]
    assert as_source["items"][0]["source"]["entity_id"] == "shoigu"
    mentioning = loaded.get("/api/claims", params={"entity": "shoigu"}).json()
    assert mentioning["total"] == 2
    aid = _id_of(loaded, "فيضانات في مدينة الساحل")
    assert loaded.get("/api/claims", params={"article": aid[:8]}).json()["total"] == 2
    assert loaded.get("/api/claims", params={"per_page": 3, "page": 3}).json()["items"][0]["id"]


@pytest.mark.parametrize("params", [{"category": "ghosts"}, {"date_from": "yesterday"}, {"per_page": 0},
                                    {"per_page": 101}, {"page": 0}, {"page": "x"}, {"entity": "nobody"},
                                    {"role": "witness"}, {"source": "x" * 400}])
def test_claims_validation_errors_are_clear_4xx(loaded, params):
    r = loaded.get("/api/claims", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["error"] and body["details"] and "Traceback" not in r.text


def test_search_finds_spelling_variants_and_marks_the_original(loaded):
    r = loaded.get("/api/search", params={"q": "بيونج يانج"}).json()
    assert r["total"] == 2
    assert {"بيونج", "بيونغ", "يانج", "يانغ"} <= set(r["terms"])
    assert r["items"][0]["exact"] and not r["items"][1]["exact"]          # as typed first
    a_hit = next(h for h in r["items"] if h["title"].startswith("قوات"))
    marked = [s["text"][b:e] for s in a_hit["snippets"] for b, e in s["highlights"]]
    assert marked == ["وبيونغ", "يانغ"]                                     # the article's own words
    for s in a_hit["snippets"]:
        a = loaded.get(f"/api/articles/{a_hit['id']}").json()
        assert a["text"][s["start"]:s["end"]] == s["text"]
    assert r["entities"][0]["id"] == "pyongyang"


def test_search_phrases_clitics_and_filters(loaded):
    assert loaded.get("/api/search", params={"q": '"بيونغ يانغ"'}).json()["total"] == 2
    assert loaded.get("/api/search", params={"q": '"يانغ بيونغ"'}).json()["total"] == 0      # order matters
    assert loaded.get("/api/search", params={"q": "الجنود"}).json()["total"] == 0
    assert loaded.get("/api/search", params={"q": "جندي"}).json()["total"] == 2
    assert loaded.get("/api/search", params={"q": "والفيضانات"}).json()["total"] == 1       # clitics stripped
    assert loaded.get("/api/search", params={"q": "شويجو", "outlet": "وكالة الشمال"}).json()["total"] == 1
    assert loaded.get("/api/search", params={"q": "جندي", "date_to": "2026-04-02"}).json()["total"] == 1
    assert loaded.get("/api/search", params={"q": "الساحل", "entity": "shoigu"}).json()["total"] == 0
    assert loaded.get("/api/search", params={"q": "٣٠٠٠"}).json()["total"] == 1              # Arabic-Indic digits


@pytest.mark.parametrize("q", ["", "...", "؟!", "x" * 301, " ".join(["كلمة"] * 20)])
def test_search_rejects_queries_without_words(loaded, q):
    r = loaded.get("/api/search", params={"q": q})
    assert r.status_code == 422 and r.json()["error"]


@pytest.mark.parametrize("q", ['NEAR(a b', '"', 'a OR b', '*', 'title:x', '-x', '^x', "a' OR '1'='1", '(((', 'AND'])
def test_search_operators_are_plain_words(loaded, q):
    r = loaded.get("/api/search", params={"q": q})
    assert r.status_code in (200, 422)


# ---------------------------------------------------------------- uploads

def test_upload_files_multipart(client, tmp_path):
    files = [("files", ("a.txt", ART_A.encode("utf-8"), "text/plain")),
             ("files", ("c_cp1256.txt", ART_C.encode("cp1256"), "text/plain"))]
    r = client.post("/api/articles", files=files, data={"outlet": "وكالة الاختبار"})
    assert r.status_code == 201, r.text
    rep = r.json()
    assert (rep["files"], rep["added"], rep["duplicates"]) == (2, 2, 0)
    assert {a["source"] for a in rep["articles"]} == {"upload/a.txt", "upload/c_cp1256.txt"}
    assert all(a["new"] and a["claims"] >= 2 for a in rep["articles"])
    assert client.get("/api/articles").json()["items"][0]["outlet"] == "وكالة الاختبار"
    again = client.post("/api/articles", files=files[:1]).json()
    assert (again["added"], again["duplicates"], again["articles"][0]["new"]) == (0, 1, False)
    assert client.get("/api/search", params={"q": "بيونج"}).json()["total"] == 1


def test_upload_json_and_its_validation(client):
    r = client.post("/api/articles", json={"articles": [{"text": ART_B, "title": "ب"}]})
    assert r.status_code == 201 and r.json()["added"] == 1
    for bad in ({}, {"articles": []}, {"articles": [{"title": "no text"}]}, {"articles": [{"text": ""}]},
                {"articles": [{"text": "x", "evil": 1}]}, [1, 2], "text"):
        r = client.post("/api/articles", json=bad)
        assert r.status_code == 422, bad
    r = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["error"]
    r = client.post("/api/articles", content=b"hello", headers={"content-type": "text/plain"})
    assert r.status_code == 415


def test_failed_upload_leaves_the_store_as_it_was(client, tmp_path):
    client.post("/api/articles", json={"articles": [{"text": ART_C}]})
    db = tmp_path / "api.db"
    before = _counts(db)
    cases = [
        ([("files", ("good.txt", ART_A.encode(), "text/plain")),
          ("files", ("bad.txt", b"\x00\x01\x02binary\xff\xfe" * 50, "text/plain"))], 422),
        ([("files", ("good.txt", ART_A.encode(), "text/plain")),
          ("files", ("lines.jsonl", ('{"text": "%s"}\n{"broken' % "نص قصير").encode(), "application/json"))], 422),
        ([("files", ("good.txt", ART_A.encode(), "text/plain")),
          ("files", ("virus.exe", b"MZ\x90\x00", "application/octet-stream"))], 415),
        ([("files", ("empty.txt", b"", "text/plain"))], 422),
        ([("files", ("boiler.txt", "شارك هذا المقال".encode(), "text/plain"))], 422),
    ]
    for files, status in cases:
        r = client.post("/api/articles", files=files)
        assert r.status_code == status, (files[-1][1][0], r.text)
        assert r.json()["error"] and "Traceback" not in r.text
        assert _counts(db) == before
    r = client.post("/api/articles", json={"articles": [{"text": ART_A}, {"text": "   "}]})
    assert r.status_code == 422 and _counts(db) == before


def test_upload_limits(make_client, tmp_path):
    from marsad.api.uploads import UploadLimits

    c = make_client(limits=UploadLimits(max_files=2, max_file_bytes=2000, max_request_bytes=6000))
    big = ("x" * 2500).encode()
    r = c.post("/api/articles", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413 and "big.txt" in r.json()["error"]
    r = c.post("/api/articles", files=[("files", (f"{i}.txt", ART_C.encode(), "text/plain")) for i in range(3)])
    assert r.status_code == 413
    r = c.post("/api/articles", content=b"x" * 7000, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert c.get("/api/stats").json()["articles"] == 0


# ---------------------------------------------------------------- safety

def test_token_guards_writes_only(make_client):
    c = make_client(token="s3cret")
    body = {"articles": [{"text": ART_C}]}
    assert c.post("/api/articles", json=body).status_code == 401
    assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    r = c.post("/api/articles", files=[("files", ("c.txt", ART_C.encode(), "text/plain"))], data={"token": "bad"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert c.get("/api/stats").json() == {**c.get("/api/stats").json(), "articles": 0, "write_requires_token": True}
    assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert c.get("/api/articles").json()["total"] == 1


def test_cross_site_writes_refused(client):
    body = {"articles": [{"text": ART_C}]}
    r = client.post("/api/articles", json=body, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/api/articles", json=body, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = client.post("/api/articles", json=body, headers={"Origin": "http://testserver"})
    assert r.status_code == 201


def test_foreign_host_header_refused(client):
    assert client.get("/api/stats", headers={"Host": "attacker.example"}).status_code == 400


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_unexpected_errors_have_no_stack_trace(make_client, monkeypatch):
    from marsad.api import service

    c = make_client(raise_server_exceptions=False)

    def boom(*a, **k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(service, "articles_page", boom)
    r = c.get("/api/articles")
    assert r.status_code == 500
    assert r.json() == {"error": "internal error; the server log has the details", "details": []}
    r = c.get("/", headers={"accept": "text/html"})
    assert r.status_code == 500 and "secret internals" not in r.text and "Traceback" not in r.text


def test_unreadable_database_is_refused_at_start(tmp_path):
    from marsad.api import create_app
    from marsad.store.sqlite import StoreError

    p = tmp_path / "junk.db"
    p.write_bytes(b"not sqlite" * 100)
    with pytest.raises(StoreError):
        create_app(p)


def test_examples_corpus(examples_client):
    st = examples_client.get("/api/stats").json()
    assert st["articles"] >= 9 and st["claims"] > 20 and st["categories"]["troops"] >= 1
    r = examples_client.get("/api/search", params={"q": "قرطالة"}).json()
    assert r["total"] >= 8
    e = examples_client.get("/api/entities", params={"q": "لارسن"}).json()["items"][0]
    assert {"جوستاف لارسن", "غوستاف لارسن"} <= set(e["spellings"])
