"""The server-rendered pages through TestClient: content, filters, escaping, upload form."""

from __future__ import annotations

import re

import pytest

from .webdata import HOSTILE_TEXT, TROOPS, TROOPS_B, hostile_article


@pytest.fixture
def filled(web):
    r = web.post("/api/articles", json={"articles": [
        {"text": TROOPS, "title": "وصول دفعة جديدة من القوات إلى الحدود", "outlet": "وكالة الشمال", "published": "2026-04-01"},
        {"text": TROOPS_B, "outlet": "صحيفة الجنوب", "published": "2026-04-03"}]})
    assert r.status_code == 201
    return web


def _ids(web):
    return [r["id"] for r in web.get("/api/articles").json()["items"]]


def test_every_page_is_rtl_arabic_with_the_nav_bar(filled):
    aid = _ids(filled)[0]
    for path in ("/", f"/articles/{aid}", "/entities", "/entities/shoigu", "/claims", "/search?q=جندي", "/upload", "/api"):
        r = filled.get(path)
        assert r.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in r.text
        for href in ('href="/"', 'href="/claims"', 'href="/entities"', 'href="/search"', 'href="/upload"'):
            assert href in r.text, (path, href)
        assert "http://" not in r.text.replace("http://www.w3.org", "") and "cdn" not in r.text.lower(), path


def test_home_lists_articles_and_untitled_ones_by_their_first_line(filled):
    html = filled.get("/").text
    assert "وصول دفعة جديدة من القوات إلى الحدود" in html
    assert "ثلاثة آلاف جندي آخرين في الطريق" in html          # no title: the first line stands in
    assert "2</strong> مقالًا" in html
    r = filled.get("/", params={"outlet": "", "date_from": "", "date_to": "", "entity": ""})   # empty form fields
    assert r.status_code == 200
    assert filled.get("/", params={"date_from": "2026-04-02"}).text.count('href="/articles/') == 1
    assert filled.get("/", params={"date_from": "nope"}).status_code == 422


def test_article_page_marks_claims_sources_and_entities(filled):
    aid = _ids(filled)[-1]             # oldest: the titled one
    html = filled.get(f"/articles/{aid}").text
    claim = re.search(r'<span class="claim" title="([^"]*)" data-claim="\d+" id="c\d+">نحو 1200 جندي</span>', html)
    assert claim, html[:2000]
    title = claim.group(1)
    assert "الرقم: نحو 1,200" in title and "الفئة: قوات وجنود" in title and "المصدر:" in title
    assert re.search(r'<a class="[^"]*ent ent-PER" href="/entities/shoigu" title="[^"]*سيرغي شويغو — Sergei Shoigu \(شخص\)"',
                     html)
    assert 'class="src"' in html                                  # the claim's source phrase
    assert html.count('data-claim="') >= 4                       # in the text and in the side table


def test_article_page_marks_search_hits(filled):
    aid = _ids(filled)[-1]
    html = filled.get(f"/articles/{aid}", params={"q": "بيونج يانج"}).text
    assert re.search(r'<a class="ent ent-LOC hit" href="/entities/pyongyang"[^>]*>وبيونغ</a>', html) or \
        re.search(r'class="[^"]*hit[^"]*"[^>]*>وبيونغ<', html)


def test_entity_page_lists_all_spellings_and_mentions(filled):
    html = filled.get("/entities/shoigu").text
    for s in ("سيرغي شويغو", "شويجو"):
        assert f'<span class="spelling">{s}</span>' in html
    kwic = html[html.index('class="kwic"'):]
    assert kwic.count("<mark>") == 2                             # one line per mention
    assert "أرقام منسوبة إليه" in html
    listing = filled.get("/entities", params={"q": "شويجو"}).text
    assert 'href="/entities/shoigu"' in listing
    assert filled.get("/entities/nobody").status_code == 404
    assert filled.get("/entities", params={"type": "ALIEN"}).status_code == 422


def test_claims_page_filters(filled):
    html = filled.get("/claims", params={"category": "troops"}).text
    assert "4 رقمًا" in html and "<mark>نحو 1200 جندي</mark>" in html
    assert filled.get("/claims", params={"category": "", "source": "", "entity": "", "date_to": ""}).status_code == 200
    html = filled.get("/claims", params={"entity": "shoigu", "role": "source"}).text
    assert "1 رقمًا" in html and "أرقام منسوبة إلى" in html
    assert filled.get("/claims", params={"category": "ghosts"}).status_code == 422


def test_search_page(filled):
    html = filled.get("/search", params={"q": "بيونج يانج"}).text
    assert "2 نتيجة" in html
    assert "<mark>وبيونغ</mark>" in html and "<mark>بيونج</mark>" in html
    assert 'href="/entities/pyongyang"' in html                  # matching entity card
    assert filled.get("/search").status_code == 200              # empty form
    r = filled.get("/search", params={"q": "!!!"})
    assert r.status_code == 422 and "no searchable word" in r.text


def test_hostile_text_is_escaped_everywhere(web):
    assert web.post("/api/articles", json={"articles": [hostile_article()]}).status_code == 201
    aid = _ids(web)[0]
    for path in ("/", f"/articles/{aid}", "/search?q=شيفرة", "/claims", "/entities", "/upload"):
        html = web.get(path).text
        assert "<script>window" not in html and "<script>alert" not in html, path
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "") or \
            '<img src=x onerror' not in html, path
        assert 'href="javascript:' not in html, path
    html = web.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;وكالة&lt;/b&gt;" in html


def test_upload_form_all_or_nothing(web):
    files = [("files", ("troops.txt", TROOPS.encode(), "text/plain")),
             ("files", ("bad.bin.txt", b"\x00\xff\x00\xfe" * 64, "text/plain"))]
    r = web.post("/upload", files=files)
    assert r.status_code == 422 and "لم يُحفظ شيء" in r.text and "bad.bin.txt" in r.text
    assert web.get("/api/stats").json()["articles"] == 0
    r = web.post("/upload", files=files[:1])
    assert r.status_code == 200 and "تمّت المعالجة" in r.text and "troops.txt" in r.text
    assert "marsad-upload-" not in r.text                          # no temporary path leaks
    assert web.get("/api/stats").json()["articles"] == 1
    r = web.post("/upload", data={"text": HOSTILE_TEXT, "title": "ملصق", "outlet": "يدوي"})
    assert r.status_code == 200 and web.get("/api/stats").json()["articles"] == 2
    r = web.post("/upload", data={"text": "  "})
    assert r.status_code == 422


def test_upload_form_needs_the_token_when_configured(tmp_path):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    c = TestClient(create_app(tmp_path / "t.db", token="tok"))
    c.headers["accept"] = "text/html"
    assert 'name="token"' in c.get("/upload").text
    assert c.post("/upload", data={"text": TROOPS}).status_code == 401
    assert c.post("/upload", data={"text": TROOPS, "token": "tok"}).status_code == 200


def test_static_files_are_served(web):
    assert "Marsad" in web.get("/static/marsad.js").text
    assert web.get("/static/marsad.css").headers["content-type"].startswith("text/css")
    assert web.get("/static/../api/deps.py").status_code == 404
