"""The HTML report: self-contained, right-to-left, escaped, with contradictions marked."""

from __future__ import annotations

import re
from functools import lru_cache

from conftest import REPO
from marsad.corpus.report import highlight, render_report, _Span
from marsad.corpus.view import build_view
from marsad.ingest import read_path
from marsad.pipeline import analyse

DATA = REPO / "tests" / "data" / "compare"


@lru_cache(maxsize=1)
def _html() -> str:
    view = build_view([analyse(a, use_ner=False) for a in read_path(DATA / "articles.jsonl")])
    return render_report(view, title="تقرير اختبار")


def test_report_is_rtl_arabic_and_self_contained():
    html = _html()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<script" not in html                                   # no code at all
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched from the network
    assert html.count("<svg") >= 3                                 # one chart per disputed figure


def test_matrix_marks_contradictions_and_links_evidence():
    html = _html()
    assert 'class="val disputed"' in html
    # each matrix value links to the claim's anchor inside the article text
    for anchor in re.findall(r'class="val[^"]*"><a href="#(c-[^"]+)"', html):
        assert f'id="{anchor}"' in html
    assert "مقابل" in html and "وزارة الدفاع الصومالية" in html     # Arabic notes name both sources


def test_article_text_is_escaped(tmp_path):
    p = tmp_path / "evil.jsonl"
    p.write_text('{"title": "<script>alert(1)</script>", "text": "قال مسؤول إن 300 جندي <script>alert(2)</script> '
                 'وصلوا إلى المدينة يوم الأحد الماضي وفق ما نقلته الوكالة."}\n', encoding="utf-8")
    view = build_view([analyse(a, use_ner=False) for a in read_path(p)])
    html = render_report(view)
    assert "<script>" not in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_highlight_nests_and_escapes():
    out = str(highlight("قال <b> كيم", [_Span(0, 3, "claim", "x"), _Span(8, 11, "ent ent-PER", "كيم")]))
    assert out.startswith('<span class="claim" title="x">قال</span> &lt;b&gt; ')
    assert out.endswith('<span class="ent ent-PER" title="كيم">كيم</span>')
