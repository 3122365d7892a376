import json


from marsad.ingest import IngestOptions, iter_files, read_path
from marsad.records import Article, IngestError

BODY = ("أعلنت هيئة الأرصاد يوم الأحد 15 مارس 2026 أن الأمطار الغزيرة ستستمر ثلاثة أيام أخرى.\n"
        "وقال المتحدث باسم الهيئة إن نحو 40 قرية معرضة لخطر الفيضانات.")


def only(items, cls):
    return [i for i in items if isinstance(i, cls)]


def test_txt_headline_and_date_from_text(write):
    p = write("a.txt", "أمطار غزيرة تهدد القرى\n\n" + BODY)
    (a,) = read_path(p)
    assert a.title == "أمطار غزيرة تهدد القرى"
    assert a.published == "2026-03-15" and a.published_from == "text"
    assert a.format == "txt" and a.encoding == "utf-8"
    assert a.raw_text.startswith("أمطار") and a.text.endswith("الفيضانات.")


def test_txt_cp1256_records_encoding(write):
    p = write("b.txt", "عنوان الخبر\n" + BODY, encoding="cp1256")
    (a,) = read_path(p)
    assert a.encoding == "cp1256" and "الفيضانات" in a.text


def test_jsonl_fields_extra_and_bad_lines(write):
    good = {"id": "x1", "url": "https://example.org/a", "outlet": "صحيفة الوادي", "title": "عنوان",
            "published": "2026-03-16", "text": BODY, "section": "محليات"}
    lines = [json.dumps(good, ensure_ascii=False), "{not json", json.dumps({"title": "بلا نص"}, ensure_ascii=False),
             "", json.dumps(["list"])]
    p = write("c.jsonl", "\n".join(lines))
    items = list(read_path(p))
    (a,) = only(items, Article)
    assert (a.outlet, a.url, a.title, a.published, a.source_line) == ("صحيفة الوادي", good["url"], "عنوان", "2026-03-16", 1)
    assert a.extra == {"id": "x1", "section": "محليات"}
    errs = only(items, IngestError)
    assert [(e.line, e.reason.split(" (")[0]) for e in errs] == [
        (2, "not valid JSON"), (3, "no 'text' field"), (5, "expected a JSON object, got list")]
    assert str(errs[0]).startswith(f"{p}:2: ")


HTML = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>انهيار جسر في المدينة | صحيفة النهار الجديد</title>
<meta property="og:site_name" content="صحيفة النهار الجديد">
<meta name="author" content="ليلى حداد">
<meta property="article:published_time" content="2026-03-17T08:30:00+03:00">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/sport">رياضة</a></nav>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر أول عن الطقس</a></li><li><a href="/2">خبر ثان</a></li></ul></aside>
<article><h1>انهيار جسر في المدينة</h1>
<p>انهار جسر للمشاة فوق النهر في وسط المدينة صباح الثلاثاء، ما أدى إلى إصابة 14 شخصًا بجروح متفاوتة.</p>
<p>وقال مدير الدفاع المدني إن فرق الإنقاذ أخلت المنطقة بالكامل، وإن التحقيق جارٍ لمعرفة أسباب الانهيار.</p>
<p>وأضاف أن الجسر شُيّد قبل نحو ثلاثين عامًا ولم يخضع لصيانة شاملة منذ عام 2015.</p>
</article>
<div class="share">شارك: فيسبوك تويتر واتساب</div>
<footer>جميع الحقوق محفوظة © 2026</footer></body></html>"""


def test_html_main_text_and_metadata(write):
    p = write("d.html", HTML)
    (a,) = read_path(p)
    assert a.format == "html"
    assert a.outlet == "صحيفة النهار الجديد" and a.author == "ليلى حداد"
    assert a.published.startswith("2026-03-17")
    assert "انهار جسر للمشاة" in a.text and "ثلاثين عامًا" in a.text
    for junk in ("الأكثر قراءة", "الرئيسية", "جميع الحقوق", "واتساب"):
        assert junk not in a.text


def test_truncated_html_still_read(write):
    p = write("e.html", HTML[: HTML.index("وقال مدير")])
    (a,) = read_path(p)
    assert "انهار جسر للمشاة" in a.text


def test_html_without_text_is_an_error(write):
    p = write("f.html", "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>")
    (e,) = read_path(p)
    assert isinstance(e, IngestError) and "without article text" in e.reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الساحل</title><link>https://example.org</link>
<item><title>وصول قافلة إغاثة</title><link>https://example.org/1</link>
<pubDate>Fri, 20 Mar 2026 09:00:00 +0000</pubDate>
<description><![CDATA[<p>وصلت قافلة تضم 25 شاحنة إلى المنطقة المنكوبة.</p><p>وقالت المنظمة إن قافلة ثانية ستصل غدًا.</p>]]></description></item>
<item><title>إعادة فتح الطريق</title><link>https://example.org/2</link>
<pubDate>Sat, 21 Mar 2026 10:00:00 +0000</pubDate><description>أعيد فتح الطريق الجبلي أمام حركة السير بعد إزالة الركام.</description></item>
<item><title>بلا نص</title><link>https://example.org/3</link></item>
</channel></rss>"""


def test_rss_entries(write):
    p = write("g.rss", RSS)
    items = list(read_path(p))
    arts = only(items, Article)
    assert [a.title for a in arts] == ["وصول قافلة إغاثة", "إعادة فتح الطريق"]
    assert arts[0].text == "وصلت قافلة تضم 25 شاحنة إلى المنطقة المنكوبة.\nوقالت المنظمة إن قافلة ثانية ستصل غدًا."
    assert arts[0].outlet == "وكالة الساحل" and arts[0].url == "https://example.org/1"
    assert arts[0].published.startswith("2026-03-20") and arts[0].source_line == 1
    (e,) = only(items, IngestError)
    assert e.line == 3


def test_not_a_feed(write):
    (e,) = read_path(write("h.xml", "<?xml version='1.0'?><root><x>١</x></root>"))
    assert isinstance(e, IngestError) and "feed" in e.reason


def test_same_content_same_id(write):
    a1, = read_path(write("x/1.txt", BODY))
    a2, = read_path(write("x/2.txt", "\n\n" + BODY.replace("ثلاثة", "ثلاثةَ") + "\n"))
    assert a1.id == a2.id and len(a1.id) == 16


def test_folder_recursion_skips_hidden(write, tmp_path):
    write("d/a.txt", BODY)
    write("d/sub/b.txt", BODY + " إضافة")
    write("d/.hidden/c.txt", BODY)
    files = list(iter_files([tmp_path / "d", tmp_path / "missing"]))
    assert [f.name for f in files[:-1]] == ["a.txt", "b.txt"]
    assert isinstance(files[-1], IngestError) and files[-1].reason == "no such file or folder"


def test_empty_and_binary_files(write):
    (e1,) = read_path(write("empty.txt", ""))
    (e2,) = read_path(write("bin.txt", b"\x00\x01\x02" * 50))
    (e3,) = read_path(write("only_junk.txt", "زر الذهاب إلى الأعلى\nContinue reading\n"))
    assert "empty file" in e1.reason and "binary" in e2.reason and "no article text" in e3.reason


def test_size_limit_option(write):
    p = write("big.txt", BODY * 200)
    (e,) = read_path(p, IngestOptions(max_bytes=1000))
    assert isinstance(e, IngestError) and "too large" in e.reason
    (a,) = read_path(p)
    assert isinstance(a, Article)


def test_sniffing_unknown_extension(write):
    a = next(read_path(write("feed.dat", RSS)))
    assert a.format == "feed"
    (b,) = read_path(write("page", HTML))
    assert b.format == "html"
