from marsad.ingest.clean import clean_text, load_rules

from conftest import seed

ARTICLE = """الأخبار العاجلة

ارتفاع حصيلة الزلزال في الولاية الجبلية

ارتفاع حصيلة الزلزال في الولاية الجبلية

كتب: سامي العبدالله

بيروت (رويترز) - قال مسؤولون في الدفاع المدني إن حصيلة الزلزال ارتفعت إلى 230 قتيلًا.
وأضافوا أن فرق الإنقاذ ما زالت تبحث عن مفقودين في ثلاث قرى.

شارك هذا المقال
تابعونا على فيسبوك وتويتر وإنستغرام
التعليقات (0)
اشترك الآن للاستمرار في القراءة والحصول على الأرشيف الكامل
زر الذهاب إلى الأعلى
Continue reading
"""


def test_clean_removes_boilerplate_and_keeps_offsets():
    c = clean_text(ARTICLE)
    assert c.title == "ارتفاع حصيلة الزلزال في الولاية الجبلية"
    assert c.author == "سامي العبدالله"
    assert c.section == "الأخبار العاجلة"
    assert c.dateline == "بيروت (رويترز)"
    assert c.outlet == "Reuters"
    assert c.text == ("ارتفاع حصيلة الزلزال في الولاية الجبلية\n\n"
                      "قال مسؤولون في الدفاع المدني إن حصيلة الزلزال ارتفعت إلى 230 قتيلًا.\n"
                      "وأضافوا أن فرق الإنقاذ ما زالت تبحث عن مفقودين في ثلاث قرى.")
    rules = {r for _, _, r in c.removed}
    assert {"share", "follow_us", "comments_counter", "subscribe", "back_to_top", "continue_reading",
            "byline", "repeated_headline", "section_label", "dateline"} <= rules
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert ARTICLE[c.map.to_src(i)] == ch
    i = c.text.index("230")
    s, e = c.map.span_to_src(i, i + 3)
    assert ARTICLE[s:e] == "230"


def test_sentence_mentioning_facebook_is_kept():
    raw = ("قال المتحدث إن الوزارة ستنشر أسماء الضحايا على صفحتها في فيسبوك وتويتر خلال الساعات المقبلة "
           "بعد التحقق من هوياتهم مع المستشفيات والدفاع المدني.")
    assert clean_text(raw).text == raw


def test_outlet_line_with_dash_line():
    raw = "سي إن إن\n—\nوصلت قافلة مساعدات تضم 40 شاحنة إلى المعبر الحدودي صباح اليوم.\n"
    c = clean_text(raw)
    assert c.outlet == "CNN"
    assert c.text.startswith("وصلت قافلة")


def test_rules_are_data():
    r = load_rules()
    assert len(r.drop_lines) >= 10 and r.outlets["رويترز"] == "Reuters"


def test_seed_004_subscription_prompts_removed():
    raw = seed("004").read_text(encoding="utf-8")
    c = clean_text(raw)
    for junk in ("اشترك", "Continue reading", "زر الذهاب إلى الأعلى", "تابعنا", "اكتشاف المزيد"):
        assert junk not in c.text
    assert c.author and c.author.startswith("هاني")
    assert c.text.count(c.title) == 1
    assert c.text.rstrip().endswith("في البحر.")


def test_seed_003_comment_counter_removed():
    raw = seed("003").read_text(encoding="utf-8")
    c = clean_text(raw)
    assert "Kommentare" not in c.text
    assert c.outlet == "CNN"
    assert c.text.count("كوريا الشمالية ترسل المواطنين لدعم الجيش الروسي في أوكرانيا") == 1


def test_contact_the_author_footer_dropped():
    body = "قال الوزير إن الخطة ستنفذ على ثلاث مراحل خلال العام المقبل."
    footer = ("sami.k@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (17) ثم مسافة ثم نص الرسالة "
              "إلى 80000 - Stc 123456 - Mobily 654321 - Zain")
    c = clean_text(body + "\n" + footer)
    assert c.text == body and [r for _, _, r in c.removed] == ["contact_author"]
    # a sentence about contacting a writer is not a footer
    prose = "وأكد أن التواصل مع الكاتب الراحل كان عبر الرسائل البريدية التي حفظتها العائلة منذ عام 1990."
    assert clean_text(prose).text == prose


def test_lines_are_normalised_in_one_pass_as_line_by_line():
    """``_lines`` normalises the whole text once and splits it at line breaks: that equals
    normalising each line only because normalisation keeps every "\\n" and never makes one,
    whatever else the text holds (other line separators, CR, diacritics, tatweel, NFKC forms)."""
    from conftest import EXAMPLES
    from marsad.ingest import iter_files, read_path
    from marsad.ingest.clean import _LINE_RE, _lines
    from marsad.records import Article
    from marsad.text.normalize import norm

    texts = ["العنوان\r\nقالَ الوزيرُ إنّ ٣٠٬٠٠٠ جنديـــاً\u2028وصلوا\u2029أمس\x85\x0b\x0c\n\nﻻ سطر أخير",
             "\n", "", "سطر بلا نهاية"]
    texts += [a.raw_text for f in iter_files([EXAMPLES]) if hasattr(f, "suffix") for a in read_path(f)
              if isinstance(a, Article)]
    for raw in texts:
        want = [norm(m.group().rstrip("\r\n")).strip() for m in _LINE_RE.finditer(raw)]
        assert [ln.normed for ln in _lines(raw)] == want, raw[:40]
