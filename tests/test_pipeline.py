"""The pipeline's claim analysis: sources linked to gazetteer entities and cut after the name."""

from __future__ import annotations

import pytest

from marsad.ingest.readers import IngestOptions, make_article
from marsad.pipeline import analyse, analyse_claims
from marsad.records import Article

CASES = [
    # an organisation with its place: one entity (the NIS), not South Korea
    ("وقال جهاز المخابرات الوطنية في كوريا الجنوبية إن نحو 3000 جندي كوري شمالي وصلوا إلى كورسك.",
     "جهاز المخابرات الوطنية في كوريا الجنوبية", "nis"),
    ("وبحسب كوريا الجنوبية، فإن 10 آلاف جندي انتشروا قرب الحدود.", "كوريا الجنوبية", "south_korea"),
    ("قالت أوكرانيا إن 200 جندي روسي قتلوا في المعارك.", "أوكرانيا", "ukraine"),
    ("أعلنت وزارة الدفاع الروسية أن قواتها أسقطت 40 طائرة مسيرة أوكرانية خلال الليل.", "وزارة الدفاع الروسية",
     "russian_mod"),
    ("وقال الكرملين إن 1,200 أسير أفرج عنهم، فيما قالت كييف إن العدد لا يتجاوز 900.", "الكرملين", "kremlin"),
    ("وذكرت تقارير جهاز المخابرات الوطنية (NIS) أن 11 ألف جندي أرسلوا إلى روسيا.", None, "nis"),
    ("وبحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية في السودان فإن 150 ألف شخص نزحوا من الفاشر.",
     "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية في السودان", "ocha"),
    # the object of the verb is not part of its subject: the source stops after the name
    ("وأعلن وزير الصحة يوسف القاسمي حالة الطوارئ بعد وصول أكثر من 400 مصاب إلى المستشفيات.",
     "وزير الصحة يوسف القاسمي", None),
    ("وأعلنت وزارة الدفاع التونسية إرسال ثلاثة آلاف جندي إلى الولاية.", "وزارة الدفاع التونسية", None),
    # the phrase starts after the proclitic of "للمنظمة": its window starts at the word
    ("وفقا للمنظمة الدولية للهجرة، فإن أكثر من 2,000 مهاجر غرقوا في البحر المتوسط هذا العام.",
     None, "iom"),
    # an unknown name after its reporting verb
    ("وأكد جوستاف لارسن أن 300 عامل فقدوا وظائفهم في المصنع.", "جوستاف لارسن", None),
]


def _article(text: str) -> Article:
    a = make_article(text, fmt="txt", opts=IngestOptions(), published="2026-03-20")
    assert isinstance(a, Article)
    return a


@pytest.mark.parametrize("text,source,entity", CASES)
def test_sources_are_linked_and_cut(text, source, entity):
    claims = analyse_claims(_article(text))
    src = claims[0].source
    assert src is not None
    if source is not None:
        assert src.text == source
    if entity is not None:
        assert src.entity_id == entity


def test_analyse_gathers_every_per_article_stage():
    text = ("قال الرئيس الأوكراني فولوديمير زيلينسكي يوم الأحد إن 3000 جندي كوري شمالي وصلوا إلى كورسك. "
            "والتقى وزير الخارجية الروسي سيرغي لافروف بنظيره في بيونغ يانغ أمس. "
            "وقال زيلينسكي: «لن نسمح بذلك».")
    an = analyse(_article(text), use_ner=False)
    assert [c.value_min for c in an.claims] == [3000]
    assert {m.entry_id for m in an.mentions} >= {"zelensky", "lavrov", "pyongyang"}
    assert any(q.kind == "direct" for q in an.quotes)
    assert any(e.kind == "meeting" for e in an.events)
    assert an.quality is not None and 0.0 <= an.quality.score <= 1.0


def _corpus_texts():
    from conftest import EXAMPLES, SEEDS
    from marsad.ingest import iter_files, read_path

    paths = [EXAMPLES] + ([SEEDS] if SEEDS.is_dir() else [])
    return [a for f in iter_files(paths) if not isinstance(f, Exception) and hasattr(f, "suffix")
            for a in read_path(f) if isinstance(a, Article)]


def test_linking_over_source_sentences_equals_the_whole_article_cascade():
    """analyse_claims runs the entity cascade only over each source phrase with two words
    of context on each side (the phrase may sit in the next sentence, for "وتأتي هذه الأرقام
    من X"); the links must equal those of the cascade over the whole article."""
    from marsad.extract.claims import extract_claims
    from marsad.extract.entities import find_mentions
    from marsad.pipeline import link_sources

    arts = _corpus_texts()
    assert len(arts) >= 9
    for a in arts:
        ref = extract_claims(a.text, published=a.published, article_id=a.id)
        if any(c.source for c in ref):
            ref = link_sources(ref, find_mentions(a.text, use_ner=False))
        assert analyse_claims(a) == ref, a.source_path


def _jsonl_line(published: str, text: str) -> str:
    import json

    return json.dumps({"title": "قصف على المدينة", "outlet": "صحيفة الرائد", "published": published, "text": text},
                      ensure_ascii=False)


def test_ingest_batches_small_files_and_keeps_claims_of_the_stored_copy(tmp_path):
    """Several one-article files share a transaction; an article seen twice keeps the claims
    of the copy that is stored (the first), dated by that copy's publication date."""
    from marsad.pipeline import BATCH_ARTICLES, ingest
    from marsad.store.sqlite import SQLiteStore

    text = "وقالت وزارة الصحة إن 27 شخصا قتلوا أمس في قصف استهدف سوقا شعبيا وسط المدينة."
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.jsonl").write_text(_jsonl_line("2026-03-20", text) + "\n" + _jsonl_line("2026-03-25", text) + "\n",
                                      encoding="utf-8")
    for k in range(BATCH_ARTICLES + 5):          # more small files than one batch holds
        (inp / f"t{k:03d}.txt").write_text(f"خبر رقم {k}\n\nأعلنت البلدية افتتاح {k + 3} حدائق جديدة في الأحياء الشرقية.",
                                               encoding="utf-8")
    (inp / "empty.txt").write_bytes(b"")
    store = SQLiteStore(tmp_path / "m.db")
    rep = ingest([inp], store)
    assert rep.added == BATCH_ARTICLES + 6 and rep.duplicates == 1 and len(rep.errors) == 1
    assert store.count() == BATCH_ARTICLES + 6
    got = [c for c in store.claims(category="casualties")]
    assert [(c["value_min"], c["published"][:10], c["ref_date"]) for c in got] == [(27, "2026-03-20", "2026-03-19")]
    assert len(store.claims()) >= BATCH_ARTICLES + 6
    # the bad file is stored as an error and nothing else was lost
    assert store.conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] == 1
