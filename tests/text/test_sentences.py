"""Sentence segmentation: Arabic news conventions, spans into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.sentences import Sentence, split_sentences


def check_invariants(text: str, sentences: list[Sentence]) -> None:
    prev_end = 0
    for s in sentences:
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        assert s.start >= prev_end, "sentences overlap or are out of order"
        assert any(c.isalnum() for c in s.text), "punctuation-only sentence"
        prev_end = s.end
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)
    assert not paragraphs or set(paragraphs) == set(range(paragraphs[-1] + 1))


def texts(text: str, **kw) -> list[str]:
    got = split_sentences(text, **kw)
    check_invariants(text, got)
    return [s.text for s in got]


CASES = [
    # --- terminators
    pytest.param(
        "أعلنت الحكومة خطة جديدة للطاقة. وقال الوزير إنها ستنفذ خلال عامين.",
        ["أعلنت الحكومة خطة جديدة للطاقة.", "وقال الوزير إنها ستنفذ خلال عامين."],
        id="two-full-stops",
    ),
    pytest.param(
        "هل تنجح المفاوضات؟ يرى مراقبون أن الفرص ضئيلة.",
        ["هل تنجح المفاوضات؟", "يرى مراقبون أن الفرص ضئيلة."],
        id="arabic-question-mark",
    ),
    pytest.param(
        "هل انتهت الأزمة؟! لا أحد يملك الجواب.",
        ["هل انتهت الأزمة؟!", "لا أحد يملك الجواب."],
        id="question-exclamation-run",
    ),
    pytest.param(
        "يا له من يوم! خرج الآلاف إلى الشوارع.",
        ["يا له من يوم!", "خرج الآلاف إلى الشوارع."],
        id="exclamation",
    ),
    pytest.param(
        "Is it over? The talks resume on Monday.",
        ["Is it over?", "The talks resume on Monday."],
        id="latin-question",
    ),
    pytest.param(
        "وصلت القافلة إلى المدينة.ودخلت الشاحنات الأولى صباحا.",
        ["وصلت القافلة إلى المدينة.", "ودخلت الشاحنات الأولى صباحا."],
        id="missing-space-after-stop",
    ),
    pytest.param(
        "انتهى الاجتماع دون اتفاق . وغادر الوفد القاعة .",
        ["انتهى الاجتماع دون اتفاق .", "وغادر الوفد القاعة ."],
        id="space-before-stop",
    ),
    pytest.param(
        "ارتفعت الأسعار مجددا، وزاد القلق في الأسواق، ولم يصدر أي تعليق",
        ["ارتفعت الأسعار مجددا، وزاد القلق في الأسواق، ولم يصدر أي تعليق"],
        id="commas-never-split",
    ),
    pytest.param(
        "للخطة ثلاثة أهداف؛ أولها خفض العجز؛ وثانيها دعم الصادرات.",
        ["للخطة ثلاثة أهداف؛ أولها خفض العجز؛ وثانيها دعم الصادرات."],
        id="semicolon-default-no-split",
    ),
    # --- paragraphs and headings
    pytest.param(
        "وزير المالية يعرض الموازنة\nعرض وزير المالية مشروع الموازنة أمام البرلمان.",
        ["وزير المالية يعرض الموازنة", "عرض وزير المالية مشروع الموازنة أمام البرلمان."],
        id="heading-without-stop",
    ),
    pytest.param(
        "عاجل\n\nسقوط أمطار غزيرة على العاصمة\n\nغمرت المياه عدة شوارع. وتدخلت فرق الإنقاذ.",
        ["عاجل", "سقوط أمطار غزيرة على العاصمة", "غمرت المياه عدة شوارع.", "وتدخلت فرق الإنقاذ."],
        id="blank-line-paragraphs",
    ),
    pytest.param(
        "وكالة الأنباء\n—\nبدأت الانتخابات المحلية صباح اليوم.",
        ["وكالة الأنباء", "بدأت الانتخابات المحلية صباح اليوم."],
        id="dash-only-line-dropped",
    ),
    pytest.param(
        "أغلقت البورصة على ارتفاع.\r\nوسجل المؤشر العام مكاسب.\r\n",
        ["أغلقت البورصة على ارتفاع.", "وسجل المؤشر العام مكاسب."],
        id="crlf",
    ),
    pytest.param(
        "قال المتحدث إن اللجنة ستجتمع غدا\nدون أن يحدد موعدا",
        ["قال المتحدث إن اللجنة ستجتمع غدا", "دون أن يحدد موعدا"],
        id="newline-always-ends",
    ),
    pytest.param(
        "تابعنا على المنصات .\n\nKommentare (0)\n",
        ["تابعنا على المنصات .", "Kommentare (0)"],
        id="boilerplate-lines",
    ),
    pytest.param("   \n\n\t \n", [], id="whitespace-only"),
    pytest.param("... — !! «» ؟", [], id="punctuation-only"),
    # --- abbreviations
    pytest.param(
        "استقبل د. سامي الخطيب وفدا طبيا. وناقش الطرفان خطة التطعيم.",
        ["استقبل د. سامي الخطيب وفدا طبيا.", "وناقش الطرفان خطة التطعيم."],
        id="arabic-doctor",
    ),
    pytest.param(
        "ألقى أ. منير حداد محاضرة عن الاقتصاد.",
        ["ألقى أ. منير حداد محاضرة عن الاقتصاد."],
        id="arabic-ustadh",
    ),
    pytest.param(
        "أشرف م. خالد يوسف على المشروع. واكتمل البناء في موعده.",
        ["أشرف م. خالد يوسف على المشروع.", "واكتمل البناء في موعده."],
        id="arabic-engineer-title",
    ),
    pytest.param(
        "وقع الحدث عام 1948 م. وتغيرت بعده خريطة المنطقة.",
        ["وقع الحدث عام 1948 م.", "وتغيرت بعده خريطة المنطقة."],
        id="era-after-year-ends-sentence",
    ),
    pytest.param(
        "صدر القرار في 10 رمضان 1445 هـ. الموافق 20 مارس 2024 م. ونشر في الجريدة الرسمية.",
        ["صدر القرار في 10 رمضان 1445 هـ. الموافق 20 مارس 2024 م.", "ونشر في الجريدة الرسمية."],
        id="era-continued-by-date",
    ),
    pytest.param(
        "بني المسجد سنة 1200م. وما زال قائما.",
        ["بني المسجد سنة 1200م.", "وما زال قائما."],
        id="era-glued-to-year",
    ),
    pytest.param(
        "ورد الرقم في ص. 14 من التقرير. وأكده مسؤول آخر.",
        ["ورد الرقم في ص. 14 من التقرير.", "وأكده مسؤول آخر."],
        id="arabic-page",
    ),
    pytest.param(
        "عاشت المدينة ازدهارا في القرن الثالث ق.م. ثم تراجعت.",
        ["عاشت المدينة ازدهارا في القرن الثالث ق.م. ثم تراجعت."],
        id="dotted-arabic-abbreviation",
    ),
    pytest.param(
        "استقبل د.هشام الضيوف في القاعة.",
        ["استقبل د.هشام الضيوف في القاعة."],
        id="abbreviation-without-space",
    ),
    pytest.param(
        "أعلنت الخارجية U.S. عن عقوبات جديدة. ورحبت بها كييف.",
        ["أعلنت الخارجية U.S. عن عقوبات جديدة.", "ورحبت بها كييف."],
        id="us-dotted",
    ),
    pytest.param(
        "التقى الوزير Dr. Martin Weber في برلين. وبحثا ملف الهجرة.",
        ["التقى الوزير Dr. Martin Weber في برلين.", "وبحثا ملف الهجرة."],
        id="latin-title",
    ),
    pytest.param(
        "صرح Mr. Lee للصحفيين بأن الشحنة تأخرت.",
        ["صرح Mr. Lee للصحفيين بأن الشحنة تأخرت."],
        id="latin-mr",
    ),
    pytest.param(
        "نقلت الصحيفة عن الكاتب J. R. Harris قوله إن الوضع هش. ولم يوضح أكثر.",
        ["نقلت الصحيفة عن الكاتب J. R. Harris قوله إن الوضع هش.", "ولم يوضح أكثر."],
        id="latin-initials",
    ),
    pytest.param(
        "تشمل المواد الأولية e.g. النحاس والحديد.",
        ["تشمل المواد الأولية e.g. النحاس والحديد."],
        id="eg",
    ),
    pytest.param(
        "وقعت الصفقة مع شركة Acme Inc. الأمريكية أمس.",
        ["وقعت الصفقة مع شركة Acme Inc. الأمريكية أمس."],
        id="inc",
    ),
    pytest.param(
        "1. خفض الضرائب على الشركات الصغيرة",
        ["1. خفض الضرائب على الشركات الصغيرة"],
        id="numbered-list-label",
    ),
    pytest.param(
        "انتهت الحرب عام 2003. وبدأت مرحلة جديدة.",
        ["انتهت الحرب عام 2003.", "وبدأت مرحلة جديدة."],
        id="year-at-sentence-end",
    ),
    # --- numbers, urls, e-mails, ellipses
    pytest.param(
        "بلغ النمو 3.5% في الربع الأول. وتوقع البنك 1.2 مليون وظيفة جديدة.",
        ["بلغ النمو 3.5% في الربع الأول.", "وتوقع البنك 1.2 مليون وظيفة جديدة."],
        id="decimals",
    ),
    pytest.param(
        "ارتفع التضخم إلى ٤٫٢٪ خلال الشهر. وقالت الحكومة إنه مؤقت.",
        ["ارتفع التضخم إلى ٤٫٢٪ خلال الشهر.", "وقالت الحكومة إنه مؤقت."],
        id="arabic-decimal",
    ),
    pytest.param(
        "نشر البيان على www.example.org. ويمكن تحميله مجانا.",
        ["نشر البيان على www.example.org.", "ويمكن تحميله مجانا."],
        id="url-at-sentence-end",
    ),
    pytest.param(
        "راجع https://news.example.com/بحث?كلمة=موسكو للتفاصيل. ثم شارك رأيك.",
        ["راجع https://news.example.com/بحث?كلمة=موسكو للتفاصيل.", "ثم شارك رأيك."],
        id="url-with-arabic-query",
    ),
    pytest.param(
        "للتواصل: desk@example.net. نرد خلال يومين.",
        ["للتواصل: desk@example.net.", "نرد خلال يومين."],
        id="email",
    ),
    pytest.param(
        "كان ينتظر... ثم غادر دون كلمة.",
        ["كان ينتظر... ثم غادر دون كلمة."],
        id="ellipsis-continuation",
    ),
    pytest.param(
        "الوضع معقد… والحل بعيد. لكن الأمل قائم.",
        ["الوضع معقد… والحل بعيد.", "لكن الأمل قائم."],
        id="unicode-ellipsis-continuation",
    ),
    pytest.param(
        "He paused... Then he left.",
        ["He paused...", "Then he left."],
        id="ellipsis-before-capital",
    ),
    pytest.param(
        "وعدت الحكومة بالكثير...\nلكن شيئا لم يتغير.",
        ["وعدت الحكومة بالكثير...", "لكن شيئا لم يتغير."],
        id="ellipsis-at-line-end",
    ),
    # --- quotes and brackets
    pytest.param(
        "قال: «نحن مستعدون. هذا واجبنا» ثم غادر المنصة.",
        ["قال: «نحن مستعدون. هذا واجبنا» ثم غادر المنصة."],
        id="quote-continues-sentence",
    ),
    pytest.param(
        "قال: «نحن مستعدون. هذا واجبنا». ثم غادر المنصة.",
        ["قال: «نحن مستعدون.", "هذا واجبنا».", "ثم غادر المنصة."],
        id="quote-ends-sentence-multi",
    ),
    pytest.param(
        "وأضاف المتحدث: «لن نتراجع عن القرار.» وقالت المعارضة إنها سترد.",
        ["وأضاف المتحدث: «لن نتراجع عن القرار.»", "وقالت المعارضة إنها سترد."],
        id="closing-guillemet-after-stop",
    ),
    pytest.param(
        "وصف المحلل الاتفاق بأنه “خطوة أولى. لا أكثر”، مشيرا إلى العقبات.",
        ["وصف المحلل الاتفاق بأنه “خطوة أولى. لا أكثر”، مشيرا إلى العقبات."],
        id="curly-quote-then-comma",
    ),
    pytest.param(
        "قالت الوزيرة: “الأرقام مشجعة. سنواصل العمل”. وصفق الحاضرون.",
        ["قالت الوزيرة: “الأرقام مشجعة.", "سنواصل العمل”.", "وصفق الحاضرون."],
        id="curly-quote-stop-after",
    ),
    pytest.param(
        'وكتب على حسابه: "الطريق طويل. لكننا بدأنا"',
        ['وكتب على حسابه: "الطريق طويل.', 'لكننا بدأنا"'],
        id="ascii-quote-at-line-end",
    ),
    pytest.param(
        'ووصف العرض بأنه "مقبول. مبدئيا" وطلب مهلة للرد.',
        ['ووصف العرض بأنه "مقبول. مبدئيا" وطلب مهلة للرد.'],
        id="ascii-quote-continues",
    ),
    pytest.param(
        "انسحب الفريق (بعد خسارة ثقيلة. وإصابات عديدة) من البطولة.",
        ["انسحب الفريق (بعد خسارة ثقيلة. وإصابات عديدة) من البطولة."],
        id="parentheses-continue",
    ),
    pytest.param(
        "سألني الصحفي: «هل أنت متفائل؟» فأجبت بالإيجاب.",
        ["سألني الصحفي: «هل أنت متفائل؟»", "فأجبت بالإيجاب."],
        id="question-inside-closing-quote",
    ),
    pytest.param(
        "انتهى اللقاء. » وبدأ المؤتمر الصحفي.",
        ["انتهى اللقاء. »", "وبدأ المؤتمر الصحفي."],
        id="detached-closing-quote",
    ),
    pytest.param(
        "قال مسؤول “هناك المزيد… الكثير هنا. هذه البداية فقط”. “.",
        ["قال مسؤول “هناك المزيد… الكثير هنا.", "هذه البداية فقط”."],
        id="stray-quote-fragment-dropped",
    ),
    pytest.param(
        "وقال رئيس البلدية “نحن بحاجة إلى دعم. الوضع صعب",
        ["وقال رئيس البلدية “نحن بحاجة إلى دعم.", "الوضع صعب"],
        id="unclosed-quote",
    ),
    pytest.param(
        "أكد الناطق (GUR). ثم رفض الإجابة.",
        ["أكد الناطق (GUR).", "ثم رفض الإجابة."],
        id="bracket-before-stop",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_exact_spans_and_paragraphs() -> None:
    text = "  عنوان الخبر  \n\nقال المسؤول إن العمل مستمر. وأضاف أنه متفائل.\n—\nانتهى"
    got = split_sentences(text)
    check_invariants(text, got)
    first, second = text.index("قال"), text.index("وأضاف")
    assert [(s.start, s.end, s.paragraph) for s in got] == [
        (2, 13, 0),
        (first, first + len("قال المسؤول إن العمل مستمر."), 1),
        (second, second + len("وأضاف أنه متفائل."), 1),
        (len(text) - len("انتهى"), len(text), 2),
    ]
    assert got[0] == Sentence(2, 13, "عنوان الخبر", 0)


def test_spans_with_diacritics_and_invisible_marks() -> None:
    text = "\u200fقالَ الرئيسُ إنّ الاتفاقَ نهائيٌّ.\u200f وأضافَ: «لا تراجع»."
    got = split_sentences(text)
    check_invariants(text, got)
    assert [s.text for s in got] == ["قالَ الرئيسُ إنّ الاتفاقَ نهائيٌّ.", "وأضافَ: «لا تراجع»."]
    assert got[0].start == 1


def test_semicolon_option() -> None:
    text = "للخطة ثلاثة أهداف؛ أولها خفض العجز؛ وثانيها دعم الصادرات."
    assert texts(text, split_on_semicolon=True) == [
        "للخطة ثلاثة أهداف؛",
        "أولها خفض العجز؛",
        "وثانيها دعم الصادرات.",
    ]
    assert texts("نقطة أولى; نقطة ثانية", split_on_semicolon=True) == ["نقطة أولى;", "نقطة ثانية"]


def test_comma_never_splits_even_with_option() -> None:
    text = "أولا، ثانيا، ثالثا"
    assert texts(text, split_on_semicolon=True) == [text]


def test_empty() -> None:
    assert split_sentences("") == []


def test_sentence_is_frozen() -> None:
    s = split_sentences("جملة واحدة.")[0]
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


ALPHABET = st.sampled_from(
    list("قال الوزير إن 12.5 «» “” \"()!?؟….،؛\n\t U.S Dr د م") + [". ", "\n\n", "... ", " م. ", "«نعم. لا»"]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_invariants_on_random_text(text: str) -> None:
    check_invariants(text, split_sentences(text))
    check_invariants(text, split_sentences(text, split_on_semicolon=True))
