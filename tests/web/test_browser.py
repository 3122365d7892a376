"""The web page in a real browser (Playwright driving Debian's Chromium, no downloaded browser):
upload articles through the form, see their claims highlighted, search, open an entity; and a
hostile article whose scripts must never run. Skipped only when /usr/bin/chromium is absent."""

from __future__ import annotations

import json
import urllib.request

import pytest

from .webdata import CHROMIUM, HOSTILE_TITLE, TROOPS, TROOPS_B, hostile_article

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")


def _no_foreign_requests(page, base):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return lambda: [u for u in seen if not u.startswith(base) and not u.startswith("data:")]


def test_upload_see_claims_search_and_entity(page, live_server, tmp_path):
    base, _db = live_server
    foreign = _no_foreign_requests(page, base)
    a = tmp_path / "troops.txt"
    a.write_text(TROOPS, encoding="utf-8")
    b = tmp_path / "troops_b_cp1256.txt"
    b.write_bytes(TROOPS_B.encode("cp1256"))

    # upload two files (one in Windows-1256) through the form
    page.goto(base + "/upload")
    page.set_input_files("#files", [str(a), str(b)])
    assert page.locator("#file-list li").count() == 2                   # the page's own script lists them
    page.click("#upload-form button[type=submit]")
    result = page.locator("#upload-result")
    result.wait_for()
    assert "2</strong> مقالات جديدة" in result.inner_html()

    # open the first article: its claims are highlighted, with value and source on hover
    result.get_by_role("link", name="وصول دفعة جديدة من القوات إلى الحدود").click()
    page.wait_for_url("**/articles/*")
    claims = page.locator("#article-text .claim")
    assert claims.count() >= 2
    troops = page.locator("#article-text .claim", has_text="1200 جندي")
    title = troops.get_attribute("title")
    assert "نحو 1,200" in title and "قوات وجنود" in title and "المصدر: وزارة الدفاع" in title
    claim_id = troops.get_attribute("data-claim")
    troops.hover()
    assert "active-claim" in page.locator(f'tr[data-claim="{claim_id}"]').get_attribute("class")
    shoigu = page.locator('#article-text a[href="/entities/shoigu"]')
    assert "Sergei Shoigu" in shoigu.get_attribute("title")
    page.uncheck('#legend input[data-layer="claim"]')                    # layers can be hidden
    assert "hide-claim" in page.locator("#article-text").get_attribute("class")

    # search from the header box: the other spelling is found and marked in the original text
    page.fill("header input[name=q]", "بيونج يانج")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ol.results > li.result").count() == 2
    marks = page.locator("ol.results mark").all_inner_texts()
    assert "وبيونغ" in marks and "بيونج" in marks
    page.locator("ol.results a.title").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text .hit").count() >= 2

    # the entity page of Shoigu with both spellings
    page.goto(base + "/entities?q=" + "شويجو")
    page.locator("table.entities a.title").first.click()
    page.wait_for_url("**/entities/shoigu")
    spellings = page.locator(".spellings-table .spelling").all_inner_texts()
    assert "سيرغي شويغو" in spellings and "شويجو" in spellings
    assert foreign() == []                                               # nothing fetched from elsewhere


def test_hostile_article_never_runs(page, live_server):
    base, _db = live_server
    req = urllib.request.Request(base + "/api/articles", data=json.dumps({"articles": [hostile_article()]}).encode(),
                                 headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(req) as r:
        aid = json.load(r)["articles"][0]["id"]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/", f"/articles/{aid}", "/search?q=شيفرة", "/claims", "/entities"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    page.goto(base + f"/articles/{aid}")
    assert page.locator("h1").inner_text().startswith(HOSTILE_TITLE)        # shown as text, not run
    assert "<script>window.__pwned = 3" in page.locator("#article-text").inner_text()
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.locator("#article-text img, #article-text script").count() == 0
    assert dialogs == []
