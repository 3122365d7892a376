"""Synthetic Arabic news corpus for benchmarks, with ground truth for copies and stories.

    python bench/generate.py OUT [--articles 10000] [--seed 7] [--format mixed|jsonl|txt]
                             [--exact 0.05] [--near 0.10] [--kb 3.0] [--shard 1000]

Writes into ``OUT`` (default ``/tmp/marsad-bench/corpus-N``; never inside the repository):

* ``corpus/jsonl/part-00000.jsonl`` ... : one article per line (``id``, ``outlet``, ``title``,
  ``published``, ``author``, ``url``, ``text``, ``synthetic``), ``--shard`` lines per file;
* ``corpus/txt/000/g0000123.txt`` ... (``--format txt`` or ``mixed``): plain-text files with the
  headline, a masthead line (outlet and date), sometimes a byline, the body and web
  boilerplate; about one in six is Windows-1256;
* ``truth.json``: every document's story and, for copies, what it copies, how (``exact`` or
  ``near`` with the list of edits) and the word 5-shingle Jaccard with its original (as
  written, and with spellings and digits folded);
* ``manifest.json``: the parameters, counts and byte sizes.

Everything is invented from the templates below (original sentences in news style about
troop deployments, casualties, weapons shipments, meetings and statements), with realistic
variation: outlets and wires, datelines, bylines, publication dates, sources ("بحسب ..."),
names in several spellings (شويغو/شويجو, بيونغ يانغ/بيونج يانج), numbers as digits,
Arabic-Indic digits, "30،000", "3 آلاف", words, ranges and hedges. Stories are events
(a theatre, a theme, a place, base figures) reported by many outlets over a few days with
figures that disagree; story sizes are skewed (a few big stories, many small ones) and the
number of stories grows with the corpus, so corpus stages should scale near linearly.

Deterministic: the same ``--seed``, ``--articles`` and options give byte-identical output.
Run by hand; not part of the test suite. Real text for benchmarks is not here: see
``stages_bench.py --saudinewsnet``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ the world

OUTLETS = [
    # name, url host, writes bylines, style of masthead
    ("صحيفة الرائد", "alraed.example", True, "pipe"),
    ("موقع الراصد الإخباري", "alrased.example", False, "published"),
    ("وكالة الأنباء المستقلة", "ina-news.example", False, "pipe"),
    ("قناة الساعة", "alsaa-tv.example", True, "pipe"),
    ("شبكة المنارة الإخبارية", "almanara.example", True, "published"),
    ("صحيفة الضفتين", "aldiffatain.example", True, "pipe"),
    ("بوابة الحدث الآن", "hadath-now.example", False, "published"),
    ("صحيفة المساء العربي", "almassa.example", True, "pipe"),
    ("موقع خبر عاجل", "khabar-ajel.example", False, "published"),
    ("مجلة الأفق الدولي", "ufuq-intl.example", True, "pipe"),
    ("صحيفة النهار الجديد", "nahar-jadid.example", True, "pipe"),
    ("إذاعة صوت المدينة", "sawt-almadina.example", False, "published"),
]
WIRES = [("أ ف ب", "فرانس برس"), ("رويترز", "رويترز"), ("د ب أ", "الوكالة الألمانية"),
         ("الأناضول", "الأناضول"), ("أ ب", "أسوشيتد برس")]
AUTHORS = ["سامر الخطيب", "ليلى عبد الرحمن", "يوسف بن عمر", "هالة منصور", "كريم الدباغ", "نادية الفاسي",
           "عمر الشريف", "رنا حداد", "طارق بوعزة", "منى السيد", "خالد العتيبي", "سلوى بن علي"]

# Each theatre: the two sides, places (spelling variants in one list), officials
# (spelling variants, title), forces, sources an outlet cites, weapons.
THEATRES = {
    "ukraine": dict(
        a="روسيا", b="أوكرانيا", a_adj="الروسية", b_adj="الأوكرانية",
        capitals=[["موسكو"], ["كييف", "كييف"]],
        places=[["خاركيف", "خاركوف"], ["دونيتسك"], ["زابوريجيا", "زابوروجيا"], ["بيلغورود", "بيلجورود"],
                ["كورسك"], ["أوديسا", "أوديسّا"], ["سومي"], ["خيرسون"]],
        officials=[(["سيرغي شويغو", "سيرجي شويجو", "سيرغي شويجو"], "أمين مجلس الأمن الروسي"),
                   (["سيرغي لافروف", "سيرجي لافروف"], "وزير الخارجية الروسي"),
                   (["دميتري بيسكوف", "ديمتري بيسكوف"], "المتحدث باسم الكرملين"),
                   (["فولوديمير زيلينسكي", "فلاديمير زيلنسكي", "فولوديمير زيلنسكي"], "الرئيس الأوكراني"),
                   (["أندريه سيبيها", "أندريه سيبيغا"], "وزير الخارجية الأوكراني")],
        forces=["القوات الروسية", "الجيش الروسي", "القوات الأوكرانية", "الجيش الأوكراني"],
        sources=["وزارة الدفاع الروسية", "هيئة الأركان العامة الأوكرانية", "وكالة تاس الروسية",
                 "معهد دراسة الحرب الأمريكي", "مسؤول عسكري أوكراني طلب عدم ذكر اسمه", "الاستخبارات البريطانية"],
        weapons=[("صاروخ", "صاروخا", "صواريخ", "m"), ("طائرة مسيرة", "طائرة مسيرة", "طائرات مسيرة", "f"),
                 ("قذيفة مدفعية", "قذيفة مدفعية", "قذائف مدفعية", "f"), ("دبابة", "دبابة", "دبابات", "f")],
    ),
    "korea": dict(
        a="كوريا الشمالية", b="كوريا الجنوبية", a_adj="الكورية الشمالية", b_adj="الكورية الجنوبية",
        capitals=[["بيونغ يانغ", "بيونج يانج", "بيونغيانغ"], ["سيول", "سول"]],
        places=[["بانمونجوم"], ["يونغبيون", "يونجبيون"], ["كورسك"], ["فلاديفوستوك"], ["جزيرة يونبيونغ", "جزيرة يونبيونج"]],
        officials=[(["كيم جونغ أون", "كيم جونج أون", "كيم جونغ اون"], "الزعيم الكوري الشمالي"),
                   (["كيم يو جونغ", "كيم يو جونج"], "شقيقة الزعيم الكوري الشمالي"),
                   (["سيرغي شويغو", "سيرجي شويجو"], "أمين مجلس الأمن الروسي"),
                   (["تشو تاي يونغ", "تشو تاي يونج"], "مدير جهاز المخابرات الوطنية في كوريا الجنوبية")],
        forces=["الجيش الكوري الشمالي", "القوات الكورية الشمالية", "الجيش الكوري الجنوبي"],
        sources=["جهاز المخابرات الوطنية في كوريا الجنوبية", "هيئة الأركان المشتركة في سيول", "وكالة يونهاب",
                 "وكالة الأنباء المركزية الكورية", "مصادر استخباراتية غربية", "البنتاغون"],
        weapons=[("صاروخ باليستي", "صاروخا باليستيا", "صواريخ باليستية", "m"), ("قذيفة", "قذيفة", "قذائف", "f"),
                 ("راجمة صواريخ", "راجمة صواريخ", "راجمات صواريخ", "f"), ("حاوية ذخيرة", "حاوية ذخيرة", "حاويات ذخيرة", "f")],
    ),
    "sudan": dict(
        a="الجيش السوداني", b="قوات الدعم السريع", a_adj="السودانية", b_adj="السودانية",
        capitals=[["الخرطوم"], ["بورتسودان", "بور سودان"]],
        places=[["الفاشر"], ["نيالا"], ["أم درمان", "ام درمان"], ["الأبيض", "الابيض"], ["ود مدني"], ["كادوقلي", "كادقلي"]],
        officials=[(["عبد الفتاح البرهان", "عبدالفتاح البرهان"], "رئيس مجلس السيادة السوداني"),
                   (["محمد حمدان دقلو", "محمد حمدان دقلو (حميدتي)"], "قائد قوات الدعم السريع"),
                   (["نبيل عبد الله", "نبيل عبدالله"], "المتحدث باسم الجيش السوداني")],
        forces=["الجيش السوداني", "قوات الدعم السريع", "القوات المسلحة السودانية"],
        sources=["نقابة أطباء السودان", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "المنظمة الدولية للهجرة",
                 "لجان المقاومة المحلية", "مصدر طبي في المدينة", "منظمة أطباء بلا حدود"],
        weapons=[("طائرة مسيرة", "طائرة مسيرة", "طائرات مسيرة", "f"), ("مركبة قتالية", "مركبة قتالية", "مركبات قتالية", "f"),
                 ("قذيفة", "قذيفة", "قذائف", "f"), ("صاروخ", "صاروخا", "صواريخ", "m")],
    ),
    "sahel": dict(
        a="مالي", b="النيجر", a_adj="المالية", b_adj="النيجرية",
        capitals=[["باماكو"], ["نيامي"]],
        places=[["تمبكتو", "تومبوكتو"], ["غاو", "جاو"], ["كيدال"], ["موبتي"], ["واغادوغو", "واجادوجو"], ["أغاديز", "أجاديز"]],
        officials=[(["عاصمي غويتا", "آسيمي غويتا", "عاصمي جويتا"], "رئيس المجلس العسكري في مالي"),
                   (["عبد الرحمن تياني", "عبدالرحمن تشياني"], "رئيس المجلس العسكري في النيجر"),
                   (["إبراهيم تراوري", "ابراهيم تراوري"], "رئيس المجلس العسكري في بوركينا فاسو")],
        forces=["الجيش المالي", "مجموعة فاغنر", "مجموعة فاجنر", "الفيلق الأفريقي", "جيش النيجر"],
        sources=["مصادر أمنية محلية", "بعثة الأمم المتحدة", "منظمة هيومن رايتس ووتش", "مسؤول محلي",
                 "وزارة الدفاع المالية", "سكان في المنطقة"],
        weapons=[("مركبة مدرعة", "مركبة مدرعة", "مركبات مدرعة", "f"), ("طائرة مسيرة", "طائرة مسيرة", "طائرات مسيرة", "f"),
                 ("مروحية", "مروحية", "مروحيات", "f"), ("قطعة سلاح", "قطعة سلاح", "قطع سلاح", "f")],
    ),
    "redsea": dict(
        a="جماعة الحوثي", b="التحالف البحري", a_adj="اليمنية", b_adj="الغربية",
        capitals=[["صنعاء"], ["عدن"]],
        places=[["الحديدة"], ["البحر الأحمر"], ["خليج عدن"], ["مضيق باب المندب", "باب المندب"], ["مأرب", "مارب"], ["تعز"]],
        officials=[(["يحيى سريع", "يحيي سريع"], "المتحدث العسكري باسم الحوثيين"),
                   (["عبد الملك الحوثي", "عبدالملك الحوثي"], "زعيم جماعة الحوثي"),
                   (["هانس غروندبرغ", "هانز جروندبرج"], "المبعوث الأممي إلى اليمن")],
        forces=["جماعة الحوثي", "الحوثيون", "القوات الأمريكية", "القوات الأميركية", "القوات الحكومية"],
        sources=["القيادة المركزية الأمريكية", "هيئة عمليات التجارة البحرية البريطانية", "وكالة سبأ",
                 "مصادر ملاحية", "شركة أمبري للأمن البحري", "مسؤولون أمريكيون"],
        weapons=[("صاروخ مضاد للسفن", "صاروخا مضادا للسفن", "صواريخ مضادة للسفن", "m"),
                 ("طائرة مسيرة", "طائرة مسيرة", "طائرات مسيرة", "f"), ("زورق مفخخ", "زورقا مفخخا", "زوارق مفخخة", "m")],
    ),
}

# counted nouns: singular (after 100+ and scales), accusative (11-99), plural (3-10), gender, definite plural
NOUNS = {
    "troops": ("جندي", "جنديا", "جنود", "m", "الجنود"),
    "fighters": ("مقاتل", "مقاتلا", "مقاتلين", "m", "المقاتلين"),
    "dead": ("قتيل", "قتيلا", "قتلى", "m", "القتلى"),
    "injured": ("جريح", "جريحا", "جرحى", "m", "الجرحى"),
    "civilians": ("مدني", "مدنيا", "مدنيين", "m", "المدنيين"),
    "displaced": ("نازح", "نازحا", "نازحين", "m", "النازحين"),
    "people": ("شخص", "شخصا", "أشخاص", "m", "الأشخاص"),
    "families": ("أسرة", "أسرة", "أسر", "f", "الأسر"),
}
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                 "تشرين الأول", "تشرين الثاني", "كانون الأول"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
HEDGES = ["نحو", "حوالي", "قرابة", "زهاء", "أكثر من", "ما لا يقل عن", "ما يزيد على", "أقل من", "ما يصل إلى",
          "ما يقارب", "أكثر من"]
UNITS_M = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
UNITS_F = ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"]
HUNDREDS = ["", "مئة", "مئتي", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]
HUNDREDS_ALT = ["", "مائة", "مائتي", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة"]
INDIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")

BOILERPLATE = ["اقرأ أيضا", "تابعونا على فيسبوك وتويتر للمزيد من الأخبار", "شارك هذا المقال",
               "جميع الحقوق محفوظة © {year}", "اشترك الآن في النشرة الإخبارية لتصلك آخر الأخبار على بريدك",
               "التعليقات (0)", "زر الذهاب إلى الأعلى"]


# ------------------------------------------------------------------ numbers

def nice(v: float) -> int:
    """Round to two significant digits, as newsrooms quote figures."""
    v = max(1, int(v))
    if v < 20:
        return v
    mag = 10 ** (len(str(v)) - 2)
    return int(round(v / mag) * mag)


def _grouped(v: int, sep: str) -> str:
    return f"{v:,}".replace(",", sep)


def noun_for(v: int, noun: tuple) -> str:
    sing, acc, plural = noun[0], noun[1], noun[2]
    if 3 <= v <= 10:
        return plural
    if 11 <= v % 100 <= 99 and v < 100:
        return acc
    return sing


def words_for(v: int, noun: tuple, rng: random.Random) -> str | None:
    """Number words for the values news writes in words ("ثلاثة آلاف جندي"), else None."""
    gender = noun[3]
    if 3 <= v <= 10:
        return f"{(UNITS_M if gender == 'm' else UNITS_F)[v]} {noun[2]}"
    if v < 1000 and v % 100 == 0:
        h = v // 100
        return f"{rng.choice((HUNDREDS, HUNDREDS_ALT))[h]} {noun[0]}"
    if v % 1000 == 0 and v <= 10000:
        k = v // 1000
        if k == 1:
            return f"ألف {noun[0]}"
        if k == 2:
            return f"ألفي {noun[0]}"
        return f"{UNITS_M[k]} آلاف {noun[0]}"
    return None


def render_count(v: int, noun: tuple, rng: random.Random, style: str | None = None) -> tuple[str, str]:
    """A count with its noun in one of the written styles; returns (text, style)."""
    styles = ["digits", "digits", "grouped", "grouped_ar", "indic", "scale", "scale", "words"]
    style = style or rng.choice(styles)
    if style == "words":
        w = words_for(v, noun, rng)
        if w:
            return w, style
        style = "scale"
    if style == "scale" and v >= 1000 and v % 1000 == 0 and v < 1_000_000:
        k = v // 1000
        if 3 <= k <= 10:
            return f"{k} آلاف {noun[0]}", style
        return f"{k} ألف {noun[0]}", style
    if style == "scale" and v >= 1_000_000:
        return f"{v / 1_000_000:g} مليون {noun[0]}", style
    if style in ("scale", "digits"):
        return f"{v} {noun_for(v, noun)}", "digits"
    if style == "grouped":
        return f"{_grouped(v, ',')} {noun_for(v, noun)}", style
    if style == "grouped_ar":
        return f"{_grouped(v, '،')} {noun_for(v, noun)}", style
    # indic
    digits = _grouped(v, ",") if v >= 10000 and rng.random() < 0.5 else str(v)
    return f"{digits.translate(INDIC)} {noun_for(v, noun)}", style


def quantity(v: int, noun: tuple, rng: random.Random, *, allow_range: bool = True, allow_vague: bool = True) -> str:
    """A figure as an outlet writes it: maybe hedged, maybe a range, maybe vague."""
    r = rng.random()
    if allow_vague and r < 0.05 and v >= 20:
        scale = "عشرات" if v < 100 else "مئات" if v < 1000 else "آلاف"
        return f"{scale} {noun[4]}"
    if allow_range and r < 0.2 and v >= 20:
        lo, hi = nice(v * 0.85), nice(v * 1.15)
        if hi <= lo:
            hi = lo + max(1, lo // 10)
        form = rng.randrange(4)
        if form == 0:
            return f"ما بين {lo} و{hi} {noun[0] if hi >= 100 else noun[1]}"
        if form == 1 and lo % 1000 == 0 and hi % 1000 == 0 and lo >= 11000:
            return f"ما بين {lo // 1000} و{hi // 1000} ألف {noun[0]}"
        if form == 2:
            return f"من {_grouped(lo, ',')} إلى {_grouped(hi, ',')} {noun[0] if hi >= 100 else noun[1]}"
        return f"{lo}-{hi} {noun[0] if hi >= 100 else noun[1]}"
    text, _ = render_count(v, noun, rng)
    if r < 0.55:
        hedge = rng.choice(HEDGES)
        return f"{hedge} {text}"
    if r < 0.62:
        return f"{text} على الأقل"
    return text


def money(v_million: int, rng: random.Random) -> str:
    if v_million >= 1000 and v_million % 100 == 0:
        b = v_million / 1000
        return rng.choice([f"{b:g} مليار دولار", f"{str(b).rstrip('0').rstrip('.').translate(INDIC)} مليار دولار"])
    return rng.choice([f"{v_million} مليون دولار", f"{str(v_million).translate(INDIC)} ملايين دولار" if 3 <= v_million <= 10
                       else f"{v_million} مليون دولار", f"{_grouped(v_million * 1_000_000, ',')} دولار"])


# ------------------------------------------------------------------ stories and templates

THEMES = ("deployment", "casualties", "shipment", "meeting", "statement")


@dataclass
class Story:
    sid: int
    theatre: str
    theme: str
    start: dt.datetime
    place: int                      # index into theatre places
    official: int                   # index into theatre officials
    figures: dict[str, int]
    source: int
    docs: list[int] = field(default_factory=list)


def make_story(sid: int, rng: random.Random, base: dt.datetime) -> Story:
    theatre = rng.choice(sorted(THEATRES))
    w = THEATRES[theatre]
    figures = {
        "troops": nice(rng.choice([1, 2, 3, 5, 8, 12, 30]) * 1000 * rng.uniform(0.8, 1.3)),
        "dead": nice(rng.lognormvariate(3.5, 1.2)) + 3,
        "injured": 0,
        "displaced": nice(rng.lognormvariate(9, 1.0)),
        "weapons": nice(rng.choice([4, 6, 12, 24, 40, 150, 300, 1000])),
        "money": nice(rng.choice([20, 50, 120, 400, 1500])),
        "families": nice(rng.lognormvariate(6, 0.8)),
        "percent": rng.randint(12, 85),
        "weapon": rng.randrange(len(w["weapons"])),
    }
    figures["injured"] = nice(figures["dead"] * rng.uniform(1.5, 4))
    start = base + dt.timedelta(days=rng.randrange(365), hours=rng.randrange(24))
    return Story(sid, theatre, rng.choice(THEMES), start, rng.randrange(len(w["places"])),
                 rng.randrange(len(w["officials"])), figures, rng.randrange(len(w["sources"])))


LEADS = {
    "deployment": [
        "أعلن {source} {day} أن {force} نشرت {troops} في محيط {place}، في أكبر تعزيز عسكري تشهده المنطقة منذ أشهر.",
        "دفعت {force} بـ{troops} إلى {place} خلال الأيام الماضية، بحسب ما أفاد به {source} {day}.",
        "قال {source} إن {troops} وصلوا إلى {place} {day} ضمن خطة لإعادة انتشار {force} على طول خطوط التماس.",
        "كشف {source} أن {force} حشدت {troops} قرب {place}، وسط مخاوف من هجوم واسع خلال الأسابيع المقبلة.",
    ],
    "casualties": [
        "قتل {dead} وأصيب {injured} في هجوم استهدف {place} {day}، وفق حصيلة أعلنها {source}.",
        "ارتفعت حصيلة القصف الذي تعرضت له {place} إلى {dead}، فيما بلغ عدد الجرحى {injured}، بحسب {source}.",
        "أفاد {source} بمقتل {dead} وإصابة {injured} جراء غارات شنتها {force} على {place} {day}.",
        "لقي {dead} حتفهم {day} في {place}، في حين نقل {injured} إلى المستشفيات، حسبما ذكر {source}.",
    ],
    "shipment": [
        "تسلمت {force} شحنة تضم {weapons}، بحسب ما نقلته {wire_name} عن {source} {day}.",
        "قال {source} إن شحنة جديدة من {weapons} وصلت إلى {place} {day}، في إطار صفقة تبلغ قيمتها {money}.",
        "كشف {source} عن نقل {weapons} عبر {place} خلال الشهر الماضي، مشيرا إلى أن الشحنات لا تزال مستمرة.",
        "رصد {source} وصول {weapons} إلى مستودعات قرب {place}، في خطوة قد تغير موازين القوى على الأرض.",
    ],
    "meeting": [
        "التقى {official_title} {official} {day} في {capital} وفدا رفيعا لبحث التطورات الميدانية في {place}، وفق {source}.",
        "عقد {official_title} {official} {day} اجتماعا مغلقا استمر {hours} ساعات، تناول ملف {place} والمساعدات العسكرية.",
        "بحث {official_title} {official} مع نظيره في {capital} {day} سبل تعزيز التعاون الأمني، حسبما أعلن {source}.",
    ],
    "statement": [
        "قال {official_title} {official} في بيان {day} إن {force} لن تنسحب من {place} قبل تحقيق أهدافها.",
        "حذر {official_title} {official} {day} من أن الوضع في {place} قد يخرج عن السيطرة، داعيا إلى وقف فوري للقتال.",
        "نفى {official_title} {official} {day} ما تردد عن نشر {troops} في {place}، واصفا التقارير بأنها «مختلقة».",
    ],
}

BODY = {
    "deployment": [
        "وأضاف {source2} أن التعزيزات شملت {weapons}، إضافة إلى وحدات هندسية ومستشفى ميداني.",
        "وتقدر مصادر عسكرية أن عدد القوات في المنطقة بات يقارب {troops2}، مقارنة بنحو {troops3} مطلع العام.",
        "وأظهرت صور أقمار اصطناعية نشرتها شركة خاصة قوافل طويلة من الشاحنات تتجه نحو {place2} ليلا.",
        "ويقول محللون إن نشر {troops2} في هذا التوقيت يهدف إلى الضغط قبل جولة المفاوضات المرتقبة.",
        "وأكد {source2} أن الدفعة الأولى من القوات وصلت فجرا، على أن تلحق بها بقية الوحدات خلال {hours} ساعة.",
    ],
    "casualties": [
        "وقال {source2} إن بين القتلى {children} أطفال، وإن عدد الضحايا مرشح للارتفاع لأن فرق الإنقاذ لم تصل بعد إلى بعض الأحياء.",
        "في المقابل، قدر {source3} عدد القتلى بـ{dead2}، مشيرا إلى أن الحصيلة الرسمية لا تشمل المفقودين.",
        "وأدى القصف إلى نزوح {displaced} من {place} نحو {place2}، حيث تفتقر مراكز الإيواء إلى الماء والدواء.",
        "وتضررت {families} جراء تدمير منازلها، وفق تقديرات أولية للسلطات المحلية.",
        "وذكر مصدر طبي أن المستشفى الرئيسي استقبل {injured2} خلال الساعات الأولى، وأن نسبة إشغال الأسرة تجاوزت {percent}%.",
    ],
    "shipment": [
        "وبحسب {source2}، فإن الشحنة نقلت على متن {ships} سفن شحن وعشرات القطارات، واستغرق نقلها نحو {hours} يوما.",
        "وتقدر قيمة الأسلحة التي جرى نقلها منذ بداية العام بأكثر من {money}، وفق تقرير نشره {source3}.",
        "ولم يتسن التحقق من هذه المعلومات من مصدر مستقل، فيما رفضت {capital_country} التعليق على التقارير.",
        "وقال خبير عسكري إن {weapons2} قد تكفي لتغطية احتياجات الجبهة لعدة أشهر إذا استمرت وتيرة القتال الحالية.",
        "وتشير تقديرات {source2} إلى أن نسبة الذخائر المعطوبة في الشحنات السابقة بلغت {percent}%.",
    ],
    "meeting": [
        "وأوضح {source2} أن الجانبين اتفقا على تشكيل لجنة مشتركة تعقد أول اجتماعاتها خلال {hours} يوما.",
        "وتناول الاجتماع، بحسب بيان رسمي، ملف الأسرى وإمكانية تبادل {prisoners} من كل جانب.",
        "ويأتي اللقاء بعد أيام من إعلان {source3} نشر {troops2} قرب الحدود، وهو ما أثار قلقا إقليميا واسعا.",
        "وقال مسؤول شارك في المحادثات إن النقاش «كان صريحا»، لكنه لم يسفر عن اتفاق نهائي بشأن {place2}.",
        "وكانت الجولة السابقة من المحادثات قد انتهت دون نتائج ملموسة في {month_text}.",
    ],
    "statement": [
        "وأضاف {official} أن بلاده «لن تقف مكتوفة الأيدي» أمام ما وصفه بالاستفزازات المتكررة.",
        "وجاء البيان ردا على تقرير نشره {source2} تحدث عن مقتل {dead2} خلال الأسبوع الماضي.",
        "وفي وقت لاحق، قال {source3} إن التصريحات «تعكس حجم الضغوط» التي تواجهها القيادة.",
        "ودعا {official} المجتمع الدولي إلى تقديم مساعدات عاجلة بقيمة {money} لإغاثة {displaced}.",
    ],
}

GENERIC = [
    "وتشهد {place} توترا متصاعدا منذ {month_text}، حين اندلعت اشتباكات عنيفة بين الأطراف المتنازعة.",
    "ويرى مراقبون أن التصعيد الأخير يعقد جهود الوساطة التي تقودها أطراف إقليمية ودولية منذ أشهر.",
    "ولم يصدر أي تعليق رسمي من {capital_country} حتى ساعة إعداد هذا التقرير.",
    "وقال المحلل السياسي {author2} لـ«{outlet}» إن «الأرقام المعلنة لا تعكس حقيقة ما يجري على الأرض، فكل طرف ينشر ما يخدم روايته».",
    "وبحسب إحصاءات الأمم المتحدة، فإن {displaced2} اضطروا إلى مغادرة منازلهم منذ بداية الأزمة.",
    "ويعاني السكان من انقطاع الكهرباء لساعات طويلة، فيما ارتفعت أسعار المواد الغذائية بنسبة {percent}% خلال شهر واحد.",
    "وأعلنت منظمات إغاثة أنها تحتاج إلى {money} لتغطية الاحتياجات العاجلة خلال الأشهر الثلاثة المقبلة.",
    "وكان {official_title} {official} قد صرح في وقت سابق بأن «الحل العسكري ليس خيارا»، غير أن الوقائع الميدانية تشير إلى عكس ذلك.",
    "وتعود جذور الأزمة إلى عام {year_old}، عندما فشلت محاولات التوصل إلى تسوية شاملة.",
    "وقال شاهد عيان من سكان {place2} إنه سمع «دوي انفجارات متتالية» قرابة الساعة {clock} فجرا.",
    "وأشار تقرير حديث إلى أن {percent}% من البنية التحتية في المنطقة تعرضت لأضرار جسيمة.",
    "وتتضارب الأرقام بين المصادر الرسمية والمستقلة، إذ يتهم كل طرف الآخر بتضخيم الخسائر أو التقليل منها.",
]

QUOTES = [
    "وقال {official_title} {official}: «نحن مستعدون للحوار، لكننا لن نقبل بفرض الأمر الواقع».",
    "وصرح المتحدث باسم {source} بأن «الوضع الإنساني بلغ مستوى غير مسبوق، والاحتياجات تفوق قدراتنا».",
    "وأضاف {official} أن «ما يجري في {place} يتطلب تحركا دوليا عاجلا».",
    "ونقلت {wire_name} عن مصدر مطلع قوله إن «الساعات المقبلة ستكون حاسمة».",
]

HEADLINES = {
    "deployment": ["{force} تنشر {troops} قرب {place}", "تعزيزات عسكرية كبيرة في {place}: {troops} في الطريق",
                   "بحسب {source}: {troops} إلى {place}"],
    "casualties": ["مقتل {dead} وإصابة {injured} في {place}", "ارتفاع حصيلة ضحايا قصف {place}",
                   "{place}: {dead} وعشرات الجرحى في هجوم جديد"],
    "shipment": ["شحنة أسلحة جديدة تصل إلى {place}", "{source}: {weapons} في طريقها إلى الجبهة",
                 "صفقة بقيمة {money} تثير الجدل"],
    "meeting": ["{official} يبحث في {capital} تطورات {place}", "اجتماع مغلق حول {place} دون نتائج حاسمة"],
    "statement": ["{official}: لن ننسحب من {place}", "{official} يحذر من انفجار الوضع في {place}"],
}


class Slots(dict):
    """Template slots; a figure slot is rendered afresh each time it is used."""

    def __init__(self, rng: random.Random, story: Story, outlet: str, pub: dt.datetime):
        super().__init__()
        self.rng, self.story, self.outlet, self.pub = rng, story, outlet, pub
        w = THEATRES[story.theatre]
        self.w = w
        # this outlet's figures: sources disagree, so each article moves the story's figures
        jitter = {k: nice(v * rng.uniform(0.8, 1.35)) if isinstance(v, int) and k not in ("weapon", "percent") else v
                  for k, v in story.figures.items()}
        self.fig = jitter
        off_names, off_title = w["officials"][story.official]
        self.static = {
            "official": rng.choice(off_names), "official_title": off_title,
            "place": rng.choice(w["places"][story.place]),
            "place2": rng.choice(rng.choice(w["places"])),
            "capital": rng.choice(rng.choice(w["capitals"])),
            "capital_country": rng.choice([w["a"], w["b"]]),
            "force": rng.choice(w["forces"]),
            "source": w["sources"][story.source],
            "source2": rng.choice(w["sources"]), "source3": rng.choice(w["sources"]),
            "wire_name": "وكالة " + rng.choice(WIRES)[1], "outlet": outlet,
            "author2": rng.choice(AUTHORS),
            "hours": str(rng.choice([3, 4, 5, 6, 10, 48, 72])), "ships": str(rng.randint(3, 9)),
            "children": str(rng.randint(3, 9)),
            "clock": f"{rng.randint(1, 5)}:{rng.choice(['00', '15', '30', '45'])}",
            "year_old": str(rng.randint(2011, 2021)),
            "month_text": self.month_text(story.start - dt.timedelta(days=rng.randint(40, 300))),
            "day": self.day_text(),
        }

    def month_text(self, d: dt.datetime) -> str:
        if self.rng.random() < 0.3:
            return f"{MONTHS_LEVANT[d.month - 1]}/{MONTHS[d.month - 1]} {d.year}"
        return f"{MONTHS[d.month - 1]} {d.year}"

    def day_text(self) -> str:
        wd = WEEKDAYS[self.pub.weekday()]
        return self.rng.choice([f"يوم {wd}", f"{wd}", f"مساء {wd}", f"صباح اليوم", "أمس", f"يوم {wd} الماضي"])

    def __missing__(self, key: str) -> str:
        if key in self.static:
            return self.static[key]
        rng, f = self.rng, self.fig
        base = key.rstrip("0123456789")
        mult = {"": 1.0, "2": rng.uniform(0.7, 1.4), "3": rng.uniform(0.3, 0.7)}[key[len(base):]]
        if base in ("troops", "dead", "injured", "displaced", "families"):
            noun = NOUNS[base if base != "displaced" or rng.random() < 0.5 else "people"]
            return quantity(nice(f[base] * mult), noun, rng)
        if base == "weapons":
            return quantity(nice(f["weapons"] * mult), self.w["weapons"][f["weapon"]], rng, allow_vague=False)
        if base == "percent":
            return str(max(1, min(99, int(f["percent"] * mult + rng.randint(-8, 8)))))
        if base == "money":
            return money(nice(f["money"] * mult), rng)
        if base == "prisoners":
            return quantity(nice(rng.choice([50, 100, 200, 300])), NOUNS["people"], rng, allow_range=False)
        raise KeyError(key)


def fill(tmpl: str, slots: Slots) -> str:
    return tmpl.format_map(slots)


def compose(rng: random.Random, story: Story, doc: int, kb: float) -> dict:
    """One original article: metadata and paragraphs."""
    outlet, host, bylines, mast = rng.choice(OUTLETS)
    pub = story.start + dt.timedelta(hours=rng.randrange(0, 24 * 6), minutes=rng.randrange(60))
    s = Slots(rng, story, outlet, pub)
    wire = rng.choice(WIRES) if rng.random() < 0.6 else None
    city = rng.choice(rng.choice(s.w["capitals"]) + [s.static["place"]])
    lead = fill(rng.choice(LEADS[story.theme]), s)
    if wire:
        lead = rng.choice([f"{city} - ({wire[0]}) - ", f"{city} ({wire[0]}) - ", f"{wire[1]} - "]) + lead
    else:
        lead = f"{city} - " + lead if rng.random() < 0.5 else lead
    paras = [lead]
    body = list(BODY[story.theme])
    rng.shuffle(body)
    generic = list(GENERIC)
    rng.shuffle(generic)
    pool = body[:3] + [rng.choice(QUOTES)] + generic
    target = int(kb * 1024 * rng.uniform(0.85, 1.15))
    size = len(lead.encode())
    i = 0
    while size < target and i < len(pool):
        # a paragraph is one to three sentences
        k = 1 if rng.random() < 0.5 else 2
        para = " ".join(fill(t, s) for t in pool[i:i + k])
        i += k
        paras.append(para)
        size += len(para.encode()) + 2
    title = fill(rng.choice(HEADLINES[story.theme]), s)
    author = rng.choice(AUTHORS) if bylines and rng.random() < 0.6 else None
    return {"id": f"g{doc:07d}", "outlet": outlet, "host": host, "mast": mast, "title": title,
            "published": pub, "author": author, "paras": paras}


# ------------------------------------------------------------------ copies

_SPELL_SWAPS = [("شويغو", "شويجو"), ("سيرغي", "سيرجي"), ("بيونغ يانغ", "بيونج يانج"), ("جونغ", "جونج"),
                ("زيلينسكي", "زيلنسكي"), ("فاغنر", "فاجنر"), ("أمريكية", "أميركية"), ("غروندبرغ", "جروندبرج"),
                ("بيلغورود", "بيلجورود"), ("عبد الفتاح", "عبدالفتاح")]


def _hamza_strip(s: str) -> str:
    """A content farm's spelling: أ/إ -> ا, final ي -> ى in a few words."""
    return s.replace("أ", "ا").replace("إ", "ا").replace("في ", "فى ")


def near_copy(rng: random.Random, src: dict, doc: int, story: Story) -> tuple[dict, list[str]]:
    """An edited republication of ``src``: 1-3 edits an outlet really makes."""
    c = dict(src)
    paras = list(src["paras"])
    outlet, host, bylines, mast = rng.choice(OUTLETS)
    c.update(id=f"g{doc:07d}", outlet=outlet, host=host, mast=mast,
             published=src["published"] + dt.timedelta(minutes=rng.randrange(20, 60 * 30)),
             author=rng.choice(AUTHORS) if bylines and rng.random() < 0.4 else None)
    edits: list[str] = []
    kinds = ["drop_paragraph", "add_sentence", "number_restyle", "spelling", "dateline", "truncate",
             "credit_line", "retitle"]
    for kind in rng.sample(kinds, rng.randint(1, 3)):
        if kind == "drop_paragraph" and len(paras) > 3:
            del paras[rng.randrange(1, len(paras))]
        elif kind == "add_sentence":
            s = Slots(rng, story, outlet, c["published"])
            paras.insert(rng.randrange(1, len(paras) + 1), fill(rng.choice(GENERIC), s))
        elif kind == "number_restyle":
            k = rng.randrange(len(paras))
            p2 = re.sub(r"(\d+),(\d{3})\b", r"\1\2", paras[k], count=1)
            if p2 == paras[k]:
                p2 = re.sub(r"\b(\d{2,})\b", lambda m: m.group(1).translate(INDIC), paras[k], count=1)
            if p2 == paras[k]:
                continue
            paras[k] = p2
        elif kind == "spelling":
            joined = "\n".join(paras)
            swapped = joined
            for a, b in _SPELL_SWAPS:
                swapped = swapped.replace(a, b) if a in swapped else swapped.replace(b, a)
            if swapped == joined:
                swapped = _hamza_strip(joined)
            paras = swapped.split("\n")
        elif kind == "dateline":
            w = rng.choice(WIRES)
            paras[0] = re.sub(r"^[^-]{0,40}\) - |^[^-]{0,25} - ", "", paras[0])
            paras[0] = f"{w[1]} - " + paras[0]
        elif kind == "truncate" and len(paras) > 4:
            paras = paras[: max(3, int(len(paras) * rng.uniform(0.55, 0.8)))]
        elif kind == "credit_line":
            paras.append(rng.choice(["المصدر: " + src["outlet"], f"(نقلا عن {src['outlet']})",
                                     "ساهم في إعداد هذا التقرير مراسلونا في المنطقة."]))
        elif kind == "retitle":
            c["title"] = rng.choice(["عاجل: ", "بالأرقام.. ", "فيديو | ", ""]) + src["title"]
        else:
            continue
        edits.append(kind)
    if not edits or edits == ["retitle"]:
        paras.append(f"(نقلا عن {src['outlet']})")
        edits.append("credit_line")
    c["paras"] = paras
    return c, edits


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    w = text.split()
    return {tuple(w[i:i + k]) for i in range(max(1, len(w) - k + 1))}


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", **{chr(0x660 + i): str(i) for i in range(10)},
                       "٬": "", "،": "", ",": "", "٫": "."})


def jaccard(a: str, b: str, fold: bool = False) -> float:
    """Word 5-shingle Jaccard; ``fold`` first evens out hamza/alef/ta marbuta/yaa spellings and digits."""
    if fold:
        a, b = a.translate(_FOLD), b.translate(_FOLD)
    sa, sb = shingles(a), shingles(b)
    return round(len(sa & sb) / len(sa | sb), 3) if sa | sb else 1.0


# ------------------------------------------------------------------ writing

def body_text(art: dict) -> str:
    return "\n\n".join(art["paras"])


def txt_text(rng: random.Random, art: dict) -> str:
    """The plain-text file of an article as a scraper saves it: headline, masthead, byline, body, boilerplate."""
    pub: dt.datetime = art["published"]
    lines = [art["title"], ""]
    if art["mast"] == "pipe":
        month = rng.choice([MONTHS[pub.month - 1], f"{MONTHS_LEVANT[pub.month - 1]}/{MONTHS[pub.month - 1]}"])
        lines.append(f"{art['outlet']} | {WEEKDAYS[pub.weekday()]} {pub.day} {month} {pub.year}")
    else:
        lines.append(f"نُشر في: {pub:%d/%m/%Y - %H:%M} | {art['outlet']}")
    if art["author"]:
        lines.append(f"كتب: {art['author']}")
    lines.append("")
    lines.append(body_text(art))
    if rng.random() < 0.7:
        lines.append("")
        lines += [b.format(year=pub.year) for b in rng.sample(BOILERPLATE, rng.randint(1, 4))]
    return "\n".join(lines) + "\n"


def jsonl_record(art: dict) -> dict:
    d = {"id": art["id"], "outlet": art["outlet"], "title": art["title"],
         "published": art["published"].isoformat(), "url": f"https://{art['host']}/news/{art['id']}",
         "text": body_text(art), "synthetic": True}
    if art["author"]:
        d["author"] = art["author"]
    return d


def generate(out: Path, n: int, seed: int = 7, fmt: str = "mixed", exact: float = 0.05, near: float = 0.10,
             kb: float = 3.0, shard: int = 1000, txt_share: float = 0.2) -> dict:
    """Write the corpus into ``out``; returns the manifest."""
    if REPO in out.resolve().parents or out.resolve() == REPO:
        raise SystemExit(f"refusing to write a corpus inside the repository: {out}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    base = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    n_stories = max(5, n // 20)
    stories = [make_story(i, rng, base) for i in range(n_stories)]
    weights = [1 / (r + 1) ** 0.8 for r in range(n_stories)]
    recent: dict[int, list[dict]] = {}        # story -> its last articles (copy sources)
    truth_docs: list[dict] = []
    jsonl_files: list[Path] = []
    counts = {"original": 0, "exact": 0, "near": 0, "txt": 0, "jsonl": 0, "cp1256": 0}
    bytes_text = 0
    fh = None
    in_shard = 0
    for doc in range(n):
        story = rng.choices(stories, weights)[0]
        pool = recent.get(story.sid, [])
        r = rng.random()
        if pool and r < exact:
            src = rng.choice(pool)
            outlet, host, bylines, mast = rng.choice(OUTLETS)
            art = dict(src, id=f"g{doc:07d}", outlet=outlet, host=host, mast=mast, author=None,
                       published=src["published"] + dt.timedelta(minutes=rng.randrange(5, 600)))
            t = {"doc": art["id"], "story": story.sid, "copy_of": src["id"], "kind": "exact", "edits": [],
                 "jaccard": 1.0, "jaccard_folded": 1.0}
            counts["exact"] += 1
        elif pool and r < exact + near:
            src = rng.choice(pool)
            art, edits = near_copy(rng, src, doc, story)
            t = {"doc": art["id"], "story": story.sid, "copy_of": src["id"], "kind": "near", "edits": edits,
                 "jaccard": jaccard(body_text(src), body_text(art)),
                 "jaccard_folded": jaccard(body_text(src), body_text(art), fold=True)}
            counts["near"] += 1
        else:
            art = compose(rng, story, doc, kb)
            t = {"doc": art["id"], "story": story.sid, "copy_of": None, "kind": "original"}
            counts["original"] += 1
        pool.append(art)
        recent[story.sid] = pool[-6:]
        as_txt = fmt == "txt" or (fmt == "mixed" and rng.random() < txt_share)
        if as_txt:
            enc = "cp1256" if rng.random() < 0.17 else "utf-8"
            text = txt_text(rng, art)
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                enc, data = "utf-8", text.encode("utf-8")
            folder = out / "corpus" / "txt" / f"{doc // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            suffix = "_cp1256" if enc == "cp1256" else ""
            (folder / f"{art['id']}{suffix}.txt").write_bytes(data)
            t["file"] = f"corpus/txt/{doc // 1000:03d}/{art['id']}{suffix}.txt"
            counts["txt"] += 1
            counts["cp1256"] += enc == "cp1256"
            bytes_text += len(data)
        else:
            if fh is None or in_shard >= shard:
                if fh:
                    fh.close()
                p = out / "corpus" / "jsonl" / f"part-{len(jsonl_files):05d}.jsonl"
                p.parent.mkdir(parents=True, exist_ok=True)
                jsonl_files.append(p)
                fh = p.open("w", encoding="utf-8")
                in_shard = 0
            rec = jsonl_record(art)
            line = json.dumps(rec, ensure_ascii=False)
            fh.write(line + "\n")
            in_shard += 1
            t["file"] = f"corpus/jsonl/{jsonl_files[-1].name}"
            counts["jsonl"] += 1
            bytes_text += len(rec["text"].encode())
        story.docs.append(doc)
        truth_docs.append(t)
    if fh:
        fh.close()
    truth = {
        "_doc": "Ground truth of a synthetic corpus made by bench/generate.py. 'docs': every document "
                "(its 'id' field in JSONL, its file name in corpus/txt/; 'file' is where it is), its story, and for copies the document it "
                "copies, 'exact' (same body text) or 'near' (edited; 'edits' lists how) and the word 5-shingle "
                "Jaccard of the two bodies, as written and with spellings folded (alef/hamza, ta marbuta, "
                "alef maqsura, Arabic-Indic digits, digit group separators). 'stories': theatre, theme and documents of each story.",
        "docs": truth_docs,
        "stories": [{"story": s.sid, "theatre": s.theatre, "theme": s.theme, "start": s.start.isoformat(),
                     "docs": [f"g{d:07d}" for d in s.docs]} for s in stories if s.docs],
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    manifest = {"articles": n, "seed": seed, "format": fmt, "exact": exact, "near": near, "kb": kb,
                "stories": sum(1 for s in stories if s.docs), "counts": counts,
                "mean_text_bytes": round(bytes_text / max(1, n)), "jsonl_files": len(jsonl_files),
                "synthetic": True}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, help="output folder (default /tmp/marsad-bench/corpus-N)")
    ap.add_argument("--articles", "-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--format", choices=("mixed", "jsonl", "txt"), default="mixed")
    ap.add_argument("--exact", type=float, default=0.05, help="share of exact copies")
    ap.add_argument("--near", type=float, default=0.10, help="share of near copies (edited)")
    ap.add_argument("--kb", type=float, default=3.0, help="mean article body size in KB (UTF-8)")
    ap.add_argument("--shard", type=int, default=1000, help="articles per JSONL file")
    ap.add_argument("--txt-share", type=float, default=0.2, help="share of txt files with --format mixed")
    a = ap.parse_args(argv)
    out = a.out or Path(f"/tmp/marsad-bench/corpus-{a.articles}")
    m = generate(out, a.articles, a.seed, a.format, a.exact, a.near, a.kb, a.shard, a.txt_share)
    print(json.dumps({"out": str(out), **m}, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
