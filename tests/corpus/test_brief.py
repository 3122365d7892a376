"""The cited brief: central, non-redundant sentences with citations, then the key figures."""

from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import REPO, SEEDS
from marsad.corpus.brief import make_brief
from marsad.corpus.view import build_view
from marsad.ingest import read_path
from marsad.pipeline import analyse

DATA = REPO / "tests" / "data" / "compare"


@lru_cache(maxsize=1)
def _view():
    return build_view([analyse(a, use_ner=False) for a in read_path(DATA / "articles.jsonl")])


def test_every_sentence_is_cited_with_outlet_and_date():
    b = make_brief(_view(), k=4)
    assert len(b.sentences) == 4
    for s in b.sentences:
        assert s.citation.startswith("[") and s.outlet in s.citation and s.date in s.citation
        art = next(an.article for an in _view().analyses if an.article.id == s.article_id)
        assert " ".join(art.raw_text[s.raw_start:s.raw_end].split()) == s.text     # the evidence is exact


def test_sentences_are_in_date_order_and_not_redundant():
    b = make_brief(_view(), k=5)
    dates = [s.date for s in b.sentences]
    assert dates == sorted(dates)
    texts = [s.text for s in b.sentences]
    assert len(set(texts)) == len(texts)
    # a1 and a3 both say the Somali ministry counted about 2000 Ethiopian troops: at most one of them
    assert sum("2000" in t for t in texts) <= 1


def test_key_figures_put_contradictions_first():
    b = make_brief(_view())
    assert b.figures[0].status == "contradiction"
    troops = next(f for f in b.figures if f.key == "troops:moved:ethiopia:all")
    assert {v["value"] for v in troops.values} >= {"~2,000", "5,000", "7,000"}
    text = b.to_text()
    assert "تناقض بين المصادر" in text and "الأرقام الرئيسية" in text


def test_story_filter_keeps_only_its_articles():
    view = _view()
    kenya = [an.article.id for an in view.analyses if "كينيا" in (an.article.title or "")]
    b = make_brief(view, article_ids=kenya, k=3)
    assert b.articles == 1 and {s.article_id for s in b.sentences} == set(kenya)
    assert all(f.key.startswith("troops:moved:kenya") for f in b.figures)


def test_seed_brief_renders_english_names_once():
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found in {SEEDS}")
    arts = [a for p in sorted(SEEDS.glob("*.txt")) for a in read_path(p)]
    b = make_brief(build_view([analyse(a, use_ner=False) for a in arts]), k=6)
    text = " ".join(s.text_named for s in b.sentences)
    assert "(Kim Jong Un)" in text and text.count("(Kim Jong Un)") == 1
    assert len({s.article_id for s in b.sentences}) >= 3
