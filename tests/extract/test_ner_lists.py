"""The curated name lists behind the NER gazetteer (``scripts/data/ner_*_names*.txt``).

They are original curation (organisations, people in the news, smaller places), expanded by
``scripts/train_ner.py`` into the ``org``, ``per`` and ``place`` lists of
``marsad/models/ner_gazetteer.json``. These tests keep the files well formed and the shipped
gazetteer in step with them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "scripts" / "data"
SHIPPED = REPO / "src" / "marsad" / "models" / "ner_gazetteer.json"


@pytest.fixture(scope="module")
def T(train_ner):
    return train_ner


@pytest.fixture(scope="module")
def shipped():
    return json.loads(SHIPPED.read_text("utf-8"))


def test_every_pattern_expands_to_arabic_names(T):
    """(The organisation file also holds forms with digits, ``تحالف 14 آذار``, which the build leaves out.)"""
    for path in [T.PLACE_LIST] + [DATA / f for f in T.PERSON_LISTS]:
        raw, lines = T.curated_names([path], clean=lambda s: s)
        assert lines > 1000, path.name
        bad = sorted(s for s in raw if T.arabic_name(s) is None)
        assert not bad, f"{path.name}: not Arabic letters only: {bad[:5]}"


def test_curated_names_expands_the_pattern_syntax(T, tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("# comment line\n\nأن[غج]{ي,}لا ميركل  # trailing comment\nعبد{ ,}الله الثاني\n", "utf-8")
    names, lines = T.curated_names([f])
    assert lines == 2
    assert names == {"انغيلا ميركل", "انجيلا ميركل", "انغلا ميركل", "انجلا ميركل",
                     "عبد الله الثاني", "عبدالله الثاني"}


def test_person_names_carry_no_title(T):
    titles = {T.norm(w) for w in ("الرئيس", "الملك", "الأمير", "الشيخ", "السيد", "الدكتور", "وزير", "سمو",
                                  "المدرب", "اللاعب", "الفنان", "الفنانة", "البابا", "الإمام")}
    names, _ = T.curated_names([DATA / f for f in T.PERSON_LISTS])
    assert not sorted(n for n in names if n.split()[0] in titles)


def test_place_names_carry_no_generic_head(T):
    """``مخيم [بلاطة]``: news and ANERcorp put the head word outside the name."""
    heads = {T.norm(w) for w in ("مخيم", "قرية", "بلدة", "محافظة", "مقاطعة", "مدينة")}
    names, _ = T.curated_names([T.PLACE_LIST])
    # districts whose very name holds the word (Baghdad's, Cairo's, the Gulf's planned towns)
    allowed = {T.norm(w) for w in ("مدينة الصدر", "مدينة نصر", "مدينة عيسى", "مدينة زايد", "مدينة الشيخ زايد",
                                   "مدينة حمد", "مدينة خليفة", "مدينة جابر الأحمد", "مدينة سعد العبدالله",
                                   "مدينة صباح الأحمد")}
    assert not sorted(n for n in names if n.split()[0] in heads and n not in allowed)


def test_short_forms_that_are_common_words_are_left_out(T):
    """Single words that read as ordinary Arabic in most sentences are not listed alone."""
    people, _ = T.curated_names([DATA / f for f in T.PERSON_LISTS])
    places, _ = T.curated_names([T.PLACE_LIST])
    for word in ("وسوف", "عباس", "سلمان", "حسن", "جمال", "الاسد", "مبارك"):
        assert T.norm(word) not in people, word
    for word in ("نجد", "دوما", "بيتا", "الشعب", "الوحدة", "النصر", "الدورة", "الجزيرة"):
        assert T.norm(word) not in places, word


def test_news_people_and_places_are_listed(T):
    people, _ = T.curated_names([DATA / f for f in T.PERSON_LISTS])
    for name in ("بنيامين نتنياهو", "نتنياهو", "فلاديمير بوتين", "كيم جونغ أون", "بان كي مون",
                 "زين الدين زيدان", "محمد صلاح", "أم كلثوم"):
        assert T.norm(name) in people, name
    places, _ = T.curated_names([T.PLACE_LIST])
    for name in ("خان يونس", "مزارع شبعا", "الضاحية الجنوبية", "مضيق هرمز", "الليطاني", "دارفور"):
        assert T.norm(name) in places, name


def test_shipped_gazetteer_holds_the_curated_lists(T, shipped):
    """The shipped ``per`` list is exactly the person files expanded; ``place`` holds the place file."""
    people, _ = T.curated_names([DATA / f for f in T.PERSON_LISTS])
    assert set(shipped["per"]) == people
    places, _ = T.curated_names([T.PLACE_LIST])
    assert places <= set(shipped["place"])
    orgs, _ = T.org_names()
    assert set(shipped["org"]) == orgs
