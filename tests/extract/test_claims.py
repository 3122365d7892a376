"""Claims: behaviour on sentences written for these tests (one rule each)."""

import json

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.extract.claims import extract_claims
from marsad.extract.when import resolve_ref_date


def one(text, **kw):
    cs = extract_claims(text, **kw)
    assert len(cs) == 1, [c.text for c in cs]
    return cs[0]


def test_record_spans_are_evidence():
    text = "وقالت الهيئة العامة للإغاثة إن قرابة ١٬٢٠٠ عائلة نزحت من القرى الحدودية."
    c = one(text, published="2026-04-02")
    assert text[c.start:c.end] == c.text == "قرابة ١٬٢٠٠ عائلة"
    assert (c.value_min, c.value_max, c.qualifier, c.category) == (1200, 1200, "approx", "personnel")
    assert text[c.source.start:c.source.end] == c.source.text == "الهيئة العامة للإغاثة"
    assert c.stance == "reported" and c.ref_date == "2026-04-02" and c.ref_date_from == "article"
    assert text[c.sentence_start:c.sentence_end] == text


def test_according_to_with_attached_clitic():
    c = one("ووصلت 45 شاحنة محملة بالأدوية إلى المعبر، وفقًا لمنظمة الصحة العالمية.")
    assert c.category == "containers" and c.source.text == "منظمة الصحة العالمية" and c.source.cue == "according_to"


def test_trailing_reporting_verb():
    c = one("انتشل المسعفون جثث 17 شخصًا من تحت الركام، قال مدير الدفاع المدني.")
    assert c.category == "casualties" and c.source.text == "مدير الدفاع المدني"


def test_svo_subject_and_masdar_object():
    c = one("الحكومة أعلنت تخصيص 40 مليون دولار لإعادة الإعمار.")
    assert c.category == "money" and c.value_min == 40_000_000 and c.source.text == "الحكومة"


def test_two_sources_in_one_sentence():
    cs = extract_claims("قالت وزارة الصحة إن 210 أشخاص قتلوا، في حين أن الهلال الأحمر قال إن العدد وصل إلى 260 قتيلًا.")
    assert [(c.value_min, c.category, c.source.text) for c in cs] == [
        (210, "casualties", "وزارة الصحة"), (260, "casualties", "الهلال الأحمر")]


def test_continuation_of_speaker():
    cs = extract_claims("قال قائد الشرطة العميد سامر نصار إن 300 شرطي انتشروا في المدينة. وأضاف أن 40 دورية تعمل ليلًا.")
    assert [c.source.text for c in cs] == ["قائد الشرطة العميد سامر نصار"] * 2
    assert cs[1].source.cue == "continuation"


def test_following_sentence_names_the_origin():
    cs = extract_claims("ودُمّر نحو 900 منزل بالكامل. وتأتي هذه الأرقام من وزارة الإسكان.")
    assert cs[0].source.text == "وزارة الإسكان" and cs[0].source.cue == "origin"


def test_denial():
    c = one("ونفت وزارة الداخلية أن يكون 500 معتقل قد نُقلوا إلى سجون سرية.")
    assert c.stance == "denied" and c.source.text == "وزارة الداخلية" and c.category == "personnel"


def test_pronoun_takes_the_predicate_category():
    c = extract_claims("وصل 3 آلاف مقاتل إلى الجبهة، وقتل نحو 400 منهم خلال أسبوعين.")[1]
    assert (c.value_min, c.category, c.qualifier) == (400, "casualties", "approx")


def test_others_take_the_previous_category():
    cs = extract_claims("قتل 14 شخصًا على الأقل وأصيب 30 آخرون في انفجار الشاحنة.")
    assert [(c.value_min, c.category, c.qualifier) for c in cs] == [(14, "casualties", "at_least"), (30, "casualties", "exact")]


def test_visits_and_multipliers():
    assert one("زار المبعوث العاصمة ثلاث مرات هذا العام.").category == "visits"
    assert one("عقد الطرفان اجتماعين في جنيف.").category == "visits"
    assert extract_claims("ارتفعت الأسعار ثلاثة أضعاف خلال عام.") == []


def test_vague_quantities():
    c = one("وفرّ الآلاف من السكان نحو الجبال.")
    assert (c.value_min, c.value_max, c.qualifier, c.category) == (1000, None, "vague", "personnel")
    assert extract_claims("وشارك عدد كبير من المتطوعين في التنظيف.") == []


@pytest.mark.parametrize("text", [
    "وقعت الهزة في 14 مارس 2026 عند الساعة 10:30 صباحًا.",
    "استخدم الجيش قذائف من عيار 152 ملم في القصف.",
    "استمر الحصار 11 يومًا قبل أن ينسحب المسلحون.",
    "وهذه هي المرة الثالثة التي يُغلق فيها المعبر هذا العام.",
    "وارتفعت نسبة البطالة إلى 14% في الربع الأخير.",
    "وبلغت قوة الزلزال 6.2 درجات على مقياس ريختر.",
    "للاستفسار اتصلوا بالرقم 0114567890 على مدار الساعة.",
    "التعليقات (0)",
    "انتهت الحرب الكورية 1950-53 بهدنة لا اتفاق سلام.",
    "ويبلغ الوزير من العمر 61 عامًا.",
])
def test_traps_are_no_claims(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("sentence, published, expected", [
    ("قال المتحدث يوم الأحد إن 20 جنديًا أصيبوا", "2026-03-18", "2026-03-15"),   # Wednesday article
    ("وفي 2 يوليو أعلنت الوزارة", "2026-10-01", "2026-07-02"),
    ("وقالت الوكالة في 15 ديسمبر", "2026-01-10", "2025-12-15"),
    ("وقال أمس إن", "2026-05-05", "2026-05-04"),
    ("في بيانها في 27 فبراير 2025", "2026-05-05", "2025-02-27"),
    ("ولم يذكر موعدًا", "2026-05-05", "2026-05-05"),
])
def test_reference_dates(sentence, published, expected):
    assert resolve_ref_date(sentence, published)[0] == expected


def test_cli_claims_files_and_store(tmp_path):
    text = ("الخرطوم - (رويترز) - قالت الأمم المتحدة يوم الجمعة 10 أبريل 2026 إن أكثر من 8 آلاف شخص عبروا الحدود خلال أسبوع.\n"
            "وأضافت أن 12 شاحنة مساعدات فقط دخلت المنطقة.")
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(app, ["claims", str(p), "--jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [(x["value_min"], x["qualifier"], x["category"], x["source"]["text"]) for x in rows] == [
        (8000, "more_than", "personnel", "الأمم المتحدة"), (12, "exact", "containers", "الأمم المتحدة")]
    for x in rows:
        assert text[x["start"]:x["end"]] == x["text"] and x["doc"] == "a.txt"
        assert text[x["source"]["start"]:x["source"]["end"]] == x["source"]["text"]
    db = tmp_path / "s.db"
    CliRunner().invoke(app, ["ingest", str(p), "--db", str(db)])
    r = CliRunner().invoke(app, ["claims", "--db", str(db), "--category", "containers"])
    assert "12 شاحنة" in r.output and "8 آلاف" not in r.output
