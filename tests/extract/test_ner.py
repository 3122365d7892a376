"""The shipped CRF named-entity tagger (marsad.extract.ner).

The sentences are written for this test (not taken from the training corpora or the seeds):
well-known people, organisations and places in ordinary news phrasing. Scores on real
corpora are in src/marsad/models/MODEL_CARD.md (scripts/train_ner.py measures them).
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from marsad.extract.ner import (
    FIRST_PASS_NAME,
    GAZETTEER_RESOURCE,
    MODEL_RESOURCE,
    TRIGGERS,
    NerSpan,
    NerTagger,
    bio_spans,
    load_tagger,
)

# (sentence, entities that must be found with exactly this text and type)
CASES = [
    ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده ستواصل دعم أوكرانيا.",
     [("إيمانويل ماكرون", "PER"), ("باريس", "LOC"), ("أوكرانيا", "LOC")]),
    ("التقى وزير الخارجية السعودي الأمير فيصل بن فرحان في الرياض أمس.",
     [("فيصل بن فرحان", "PER"), ("الرياض", "LOC")]),
    ("أعلنت منظمة الصحة العالمية أن عدد الإصابات في السودان ارتفع خلال الأسبوع الماضي.",
     [("منظمة الصحة العالمية", "ORG"), ("السودان", "LOC")]),
    ("وذكرت وكالة رويترز أن الحكومة ستعلن قرارها الأسبوع المقبل.",
     [("رويترز", "ORG")]),
    ("أكد الأمين العام للأمم المتحدة أنطونيو غوتيريش ضرورة وقف إطلاق النار في قطاع غزة.",
     [("أنطونيو غوتيريش", "PER"), ("غزة", "LOC")]),
    ("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى طهران في زيارة رسمية تستمر يومين.",
     [("محمد شياع السوداني", "PER"), ("طهران", "LOC")]),
    ("اجتمع مجلس الأمن الدولي في نيويورك لمناقشة الأوضاع في ليبيا.",
     [("مجلس الأمن الدولي", "ORG"), ("نيويورك", "LOC"), ("ليبيا", "LOC")]),
    ("وقال المتحدث باسم حركة حماس إن الوفد سيتوجه إلى القاهرة غدا.",
     [("حماس", "ORG"), ("القاهرة", "LOC")]),
    ("زار الملك عبد الله الثاني مدينة العقبة جنوب الأردن.",
     [("عبد الله الثاني", "PER"), ("العقبة", "LOC"), ("الأردن", "LOC")]),
    ("فاز نادي ريال مدريد في المباراة التي أقيمت مساء السبت.",
     [("ريال مدريد", "ORG")]),
]


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return load_tagger()


def test_model_files_ship_and_load(tagger):
    root = files("marsad")
    for rel in (MODEL_RESOURCE, GAZETTEER_RESOURCE, "models/" + FIRST_PASS_NAME, "models/MODEL_CARD.md"):
        assert root.joinpath(rel).is_file(), rel
    assert {"B-PER", "I-PER", "B-ORG", "B-LOC", "O"} <= set(tagger.labels)
    assert tagger.two_pass
    assert load_tagger() is tagger  # loaded once


@pytest.mark.parametrize("sentence,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_well_known_entities(tagger, sentence, expected):
    got = {(s.text, s.type) for s in tagger.tag(sentence)}
    for ent in expected:
        assert ent in got, f"{ent} not in {sorted(got)}"


def test_spans_point_into_the_text(tagger):
    text = "\n\n".join(s for s, _ in CASES) + "\nوأضافَ ماكرونُ أنّ «فرنسا» لن تتراجع."
    spans = tagger.tag(text)
    assert len(spans) >= 20
    prev_end = 0
    for s in spans:
        assert isinstance(s, NerSpan)
        assert text[s.start : s.end] == s.text
        assert s.type in ("PER", "ORG", "LOC")
        assert 0.0 <= s.score <= 1.0
        assert s.start >= prev_end  # in order, no overlap
        prev_end = s.end


def test_document_context_and_clitics(tagger):
    # a surname alone, after the full name earlier in the text; a proclitic stays in the span
    text = "قال الرئيس الفرنسي إيمانويل ماكرون إن الحوار ضروري. وأضاف ماكرون أن فرنسا مستعدة للمساعدة. واتصل بالرئيس الأمريكي."
    got = {(s.text, s.type) for s in tagger.tag(text)}
    assert ("ماكرون", "PER") in got
    assert ("فرنسا", "LOC") in got
    assert any(t == "LOC" and s.endswith("باريس") for s, t in
               ((x.text, x.type) for x in tagger.tag("وصل الوفد إلى العاصمة الفرنسية وبباريس التقى المسؤولين.")))


def test_empty_and_entity_free_text(tagger):
    assert tagger.tag("") == []
    assert tagger.tag("   \n ") == []
    assert tagger.tag_tokens([]) == []
    assert tagger.tag("ارتفعت الأسعار بنسبة 5% خلال الشهر الماضي.") == []


def test_tag_tokens_bio(tagger):
    toks = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس .".split()
    labels = tagger.tag_tokens(toks)
    assert len(labels) == len(toks)
    assert all(lab == "O" or lab[:2] in ("B-", "I-") and lab[2:] in ("PER", "ORG", "LOC") for lab in labels)
    assert bio_spans(labels) == [(3, 5, "PER"), (6, 7, "LOC")]
    assert tagger.tag_token_sentences([toks, [], toks[:1]])[1] == []


def test_bio_spans():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC", "B-MISC"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC"),
    ]


def test_trigger_lists_are_data():
    assert {"title", "org", "place"} <= set(TRIGGERS)
    for tl in TRIGGERS.values():
        assert tl.words and tl.doc and tl.feature
