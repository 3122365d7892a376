"""Property-based fuzzing of every endpoint (API and pages): whatever the request, no 5xx."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .apidata import ART_A

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_TRICKY = ["", " ", "0", "-1", "1e9", "99999999999999999999", "nan", "null", "true", "[]", "{}", "%", "_", "*",
           '"', "'", "\\", "\x00", "NEAR(", "a OR b", '"بيونج يانج"', "بيونج يانج", "شويجو", "2026-03-15",
           "2026-02-30", "0000-00-00", "troops", "PER", "source", "shoigu", "north_korea", "4afb", "ffffffffffffffff",
           "../../etc/passwd", "<script>alert(1)</script>", "٣٠٬٠٠٠", "ـــ", "\u200f\u202e", "ﻻ", "🙂" * 5,
           "و" * 200, "x" * 5000]
_ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوىيءآأؤإئةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩ ،؛؟«»\"'*()-")),
                  max_size=40)
VALUES = st.one_of(st.sampled_from(_TRICKY), _ARABIC, st.text(max_size=60),
                   st.integers(-10**15, 10**15).map(str))
PARAMS = st.dictionaries(st.sampled_from(["q", "page", "per_page", "outlet", "entity", "date_from", "date_to",
                                          "category", "source", "role", "article", "type", "other"]),
                         VALUES, max_size=6)
COLLECTIONS = ["/api/articles", "/api/entities", "/api/claims", "/api/search", "/api/stats", "/",
               "/claims", "/entities", "/search", "/upload", "/api", "/api/openapi.json"]
ITEMS = ["/api/articles/{}", "/api/entities/{}", "/articles/{}", "/entities/{}", "/static/{}", "/{}"]


@pytest.fixture(scope="module")
def warm(examples_client):
    examples_client.get("/api/entities")            # the entity index, once
    return examples_client


@FUZZ
@given(path=st.sampled_from(COLLECTIONS), params=PARAMS, html=st.booleans())
def test_collections_never_fail(warm, path, params, html):
    r = warm.get(path, params=params, headers={"accept": "text/html"} if html else {})
    assert r.status_code < 500, (path, params, r.text[:300])
    if r.status_code >= 400 and r.headers["content-type"].startswith("application/json"):
        assert r.json()["error"]


@settings(FUZZ, max_examples=50)
@given(template=st.sampled_from(ITEMS), ident=st.one_of(st.sampled_from(_TRICKY), st.text(max_size=80)))
def test_items_never_fail(warm, template, ident):
    r = warm.get(template.format(quote(ident, safe="")))
    assert r.status_code < 500, (template, ident, r.text[:300])


_JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), VALUES),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(VALUES, kids, max_size=4), max_leaves=12)
_ARTICLE = st.fixed_dictionaries({"text": VALUES}, optional={"title": VALUES, "outlet": VALUES,
                                                              "published": VALUES, "url": VALUES, "author": VALUES})
_BODIES = st.one_of(_JSON, st.fixed_dictionaries({"articles": st.lists(_ARTICLE, max_size=3)}),
                    st.fixed_dictionaries({"articles": _JSON}))
_NAMES = st.tuples(st.text(max_size=20), st.sampled_from([".txt", ".jsonl", ".json", ".html", ".xml", ".rss", ".exe",
                                                           "", ".TXT", ".txt.exe"])).map("".join)
_CONTENT = st.one_of(st.binary(max_size=2000), VALUES.map(lambda s: s.encode("utf-8", "surrogatepass")),
                     st.just(ART_A.encode("cp1256")), st.just(b'{"text": "\\u0646\\u0635"}\n{bad'),
                     st.just(b"<rss><channel><item><description>x</description></item></channel></rss>"))


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    return TestClient(create_app(tmp_path_factory.mktemp("fuzz") / "w.db"), raise_server_exceptions=False)


@settings(FUZZ, max_examples=50)
@given(body=_BODIES)
def test_json_uploads_never_fail(writer, body):
    r = writer.post("/api/articles", content=json.dumps(body).encode(), headers={"content-type": "application/json"})
    assert r.status_code in (201, 413, 422), (body, r.text[:300])


@settings(FUZZ, max_examples=40)
@given(files=st.lists(st.tuples(_NAMES, _CONTENT), max_size=4), form_page=st.booleans(),
       ctype=st.sampled_from(["text/plain", "application/octet-stream", "text/html"]))
def test_file_uploads_never_fail(writer, files, form_page, ctype):
    payload = [("files", (name, data, ctype)) for name, data in files]
    r = writer.post("/upload" if form_page else "/api/articles", files=payload or None,
                    data=None if payload else {"x": "1"})
    assert r.status_code < 500, (files, r.text[:300])


@settings(FUZZ, max_examples=30)
@given(raw=st.binary(max_size=500), ctype=st.sampled_from(["multipart/form-data", "multipart/form-data; boundary=x",
                                                           "application/json", "text/plain", ""]))
def test_raw_bodies_never_fail(writer, raw, ctype):
    r = writer.post("/api/articles", content=raw, headers={"content-type": ctype} if ctype else {})
    assert r.status_code < 500, (raw, ctype, r.text[:300])
