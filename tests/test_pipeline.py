"""The pipeline's claim analysis: its fast gazetteer path links sources exactly as the entity cascade would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.extract.claims import extract_claims
from marsad.extract.entities import find_mentions
from marsad.ingest import read_path
from marsad.pipeline import _gazetteer_links, analyse_claims, link_sources
from marsad.records import Article

from conftest import EXAMPLES, SEEDS

DATA = Path(__file__).parent / "data"

SENTENCES = [
    # an organisation rule swallows the place: the cascade links nothing to the place
    "وقال جهاز المخابرات الوطنية في كوريا الجنوبية إن نحو 3000 جندي كوري شمالي وصلوا إلى كورسك.",
    "وبحسب كوريا الجنوبية، فإن 10 آلاف جندي انتشروا قرب الحدود.",
    "قالت أوكرانيا إن 200 جندي روسي قتلوا في المعارك.",
    "أعلنت وزارة الدفاع الروسية أن قواتها أسقطت 40 طائرة مسيرة أوكرانية خلال الليل.",
    "ونقلت وكالة يونهاب عن هيئة الأركان المشتركة في سيول أن بيونغ يانغ أطلقت 3 صواريخ باليستية.",
    "وقال الكرملين إن 1,200 أسير أفرج عنهم، فيما قالت كييف إن العدد لا يتجاوز 900.",
    "وذكرت تقارير جهاز المخابرات الوطنية (NIS) أن 11 ألف جندي أرسلوا إلى روسيا.",
    "وبحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية في السودان فإن 150 ألف شخص نزحوا من الفاشر.",
]


def _texts() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [(s, "2026-03-20") for s in SENTENCES]
    for f in sorted(EXAMPLES.rglob("*")):
        if f.is_file() and f.suffix != ".md":
            out += [(a.text, a.published) for a in read_path(f) if isinstance(a, Article)]
    for f in sorted((DATA / "claims_dev").glob("*.txt")):
        out.append((f.read_text("utf-8"), None))
    for line in (DATA / "claims_sentences.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append((d["text"], d.get("article_date")))
    if SEEDS.is_dir():
        out += [(f.read_text("utf-8", errors="replace"), None) for f in sorted(SEEDS.glob("*.txt"))]
    return out


def _article(text: str, published: str | None) -> Article:
    from marsad.ingest.readers import IngestOptions, make_article

    a = make_article(text, fmt="txt", opts=IngestOptions(), published=published)
    assert isinstance(a, Article)
    return a


@pytest.mark.parametrize("text,published", _texts())
def test_fast_links_equal_the_entity_cascade(text, published):
    a = _article(text, published)
    claims = extract_claims(a.text, published=a.published, article_id=a.id)
    reference = link_sources(claims, find_mentions(a.text, use_ner=False)) if any(c.source for c in claims) else claims
    assert analyse_claims(a) == reference


def test_a_place_first_in_a_source_falls_back_to_the_cascade():
    a = _article(SENTENCES[1], "2026-03-20")
    claims = extract_claims(a.text, published=a.published)
    assert any(c.source for c in claims)
    assert _gazetteer_links(a.text, claims) is None


def test_an_organisation_source_takes_the_fast_path():
    a = _article(SENTENCES[3], "2026-03-20")
    claims = extract_claims(a.text, published=a.published)
    links = _gazetteer_links(a.text, claims)
    assert links is not None
    assert [c.source.entity_id for c in link_sources(claims, links)] == \
        [c.source.entity_id for c in link_sources(claims, find_mentions(a.text, use_ner=False))]
