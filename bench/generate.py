"""Synthetic Arabic news corpus for benchmarks, with ground truth for copies and stories.

    python bench/generate.py OUT [--articles 10000] [--seed 7] [--format mixed|jsonl|txt]
                             [--exact 0.05] [--near 0.10] [--partial 0.05] [--kb 3.0] [--shard 1000]

Writes into ``OUT`` (default ``/tmp/marsad-bench/corpus-N``; never inside the repository):

* ``corpus/jsonl/part-00000.jsonl`` ... : one article per line (``id``, ``outlet``, ``title``,
  ``published``, ``author``, ``url``, ``text``, ``synthetic``), ``--shard`` lines per file;
* ``corpus/txt/000/g0000123.txt`` ... (``--format txt`` or ``mixed``): plain-text files with the
  headline, a masthead line (outlet and date), sometimes a byline, the body and web
  boilerplate; about one in six is Windows-1256;
* ``truth.json``: every document's story and, for copies, what it copies, how (``exact``,
  ``near`` with the list of edits, or ``partial``: paragraphs of another report of the story
  inside a new one) and the word 5-shingle Jaccard with its original (as written, and with
  spellings and digits folded);
* ``manifest.json``: the parameters, counts and byte sizes.

**Worlds.** Stories (``articles / 20`` of them, sizes skewed: Zipf, exponent 0.8) are events
of many topics: fires, floods, earthquakes, building collapses, road accidents, explosions,
outbreaks, inflation and interest rates, trials, elections, football, power cuts, exams and
teachers' strikes, heat waves and storms, drug seizures, migrant boats, protests and strikes,
and the five war theatres of the first version (Russia/Ukraine, the Koreas, Sudan, the
Sahel, the Red Sea, with their officials in several spellings: شويغو/شويجو, بيونغ يانغ/بيونج
يانج). Each story has its own cast, composed from lists in ``gen_lexicon.py``: a country,
invented province, city, town and district names (roots in Arabic toponym patterns:
القطيفة، رحبان، عين الزيتون), people (given and family names, some with spelling variants:
عبد الله/عبدالله, أبو/ابو, غ/ج in foreign names), organisations, and its own figures, which
every outlet reports with its own error and which grow over the story's days (death tolls,
cases). Big stories last longer (up to a month).

**Articles are written independently.** Each report picks the facts of its story it tells
(propositions), in its own order, and writes every sentence afresh from a small grammar
(``(a|b)`` choices, optional parts, slots, and a synonym layer over the literal words; see
``gen_lexicon.py``): the clause's wording, an attribution frame (``قال X إن``، ``أفاد X بأن``،
``بحسب X،``، ``..., وفق ما أعلنه X``، ``نقلت وكالة ... عن X قوله إن``) with the source named in
one of several forms, connectives, time expressions, and up to 24-40 words a second fact or a
circumstance (``مضيفا أن ...``، ``فيما ...``، ``وسط ...``). Each outlet has its own analyst,
residents and witnesses; stock sentences (no comment, history, next step) are few and carry a
fact of the story, and a fact whose wording names nothing of its story is placed in it
(``... في المدينة``). Headlines are put together from parts (event, place, figure, a second part
or a kicker). Two reports of one story share names, numbers and stock phrases but rarely a
run of words as long as half a sentence; reports of different stories share only stock
phrases. ``bench/corpus_check.py`` measures this.

Everything else as in news: outlets and wires, datelines (``سيول (رويترز) -``), bylines,
publication dates, figures written as digits, ``3,000``, ``3،000``, Arabic-Indic ``٣٠٠٠``,
``3 آلاف``, words (``ثلاثة آلاف``, ``خمسمئة``/``خمسمائة``), ranges (``ما بين 500 و700``,
``من 10,000 إلى 12,000``, ``500-700``), hedges (``نحو``, ``أكثر من``, ``على الأقل``) and vague
quantities (``عشرات القتلى``), percentages, money, measures, clock times and dates.

**Copies** (the only shared passages): ``--exact`` (same body, another outlet and time),
``--near`` (1-3 edits an outlet makes: ``drop_paragraph``, ``add_sentence``,
``number_restyle``, ``spelling``, ``dateline``, ``truncate``, ``credit_line``, ``retitle``) and
``--partial`` (a new report of the story with 1-3 consecutive paragraphs of another one
inside); the source is a recent article of the same story, so chains occur.

Deterministic: the same ``--seed``, ``--articles`` and options give byte-identical output.
Run by hand; not part of the test suite. Real text for benchmarks is not here: see
``stages_bench.py --saudinewsnet``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_lexicon as L  # noqa: E402
from gen_lexicon import (AUTHORS, BOILERPLATE, MONTHS, MONTHS_LEVANT, OUTLETS, WEEKDAYS,  # noqa: E402
                         WIRES)

REPO = Path(__file__).resolve().parents[1]

# counted nouns: singular (after 100+ and scales), accusative (11-99), plural (3-10), gender,
# definite plural (vague quantities), exact (figures never hedged nor given as ranges)
NOUNS = {
    "troops": ("جندي", "جنديا", "جنود", "m", "الجنود"),
    "fighters": ("مقاتل", "مقاتلا", "مقاتلين", "m", "المقاتلين"),
    "dead": ("قتيل", "قتيلا", "قتلى", "m", "القتلى"),
    "injured": ("جريح", "جريحا", "جرحى", "m", "الجرحى"),
    "civilians": ("مدني", "مدنيا", "مدنيين", "m", "المدنيين"),
    "displaced": ("نازح", "نازحا", "نازحين", "m", "النازحين"),
    "people": ("شخص", "شخصا", "أشخاص", "m", "الأشخاص"),
    "families": ("أسرة", "أسرة", "أسر", "f", "الأسر"),
    "num_hours": ("ساعة", "ساعة", "ساعات", "f", "الساعات", True),
    "vehicles": ("مركبة", "مركبة", "مركبات", "f", "المركبات"),
    "shops": ("محل", "محلا", "محال", "m", "المحال"),
    "aftershocks": ("هزة ارتدادية", "هزة ارتدادية", "هزات ارتدادية", "f", "الهزات الارتدادية"),
    "houses": ("منزل", "منزلا", "منازل", "m", "المنازل"),
    "homes": ("منزل", "منزلا", "منازل", "m", "المنازل"),
    "buildings": ("مبنى", "مبنى", "مبان", "m", "المباني"),
    "passengers": ("راكب", "راكبا", "ركاب", "m", "الركاب"),
    "cases": ("إصابة", "إصابة", "إصابات", "f", "الإصابات"),
    "deaths": ("شخص", "شخصا", "أشخاص", "m", "الأشخاص"),
    "doses": ("جرعة", "جرعة", "جرعات", "f", "الجرعات"),
    "beds": ("سرير", "سريرا", "أسرة", "m", "الأسرة"),
    "teams": ("فريق طبي", "فريقا طبيا", "فرق طبية", "m", "الفرق الطبية"),
    "bps": ("نقطة أساس", "نقطة أساس", "نقاط أساس", "f", "نقاط الأساس", True),
    "defendants": ("متهم", "متهما", "متهمين", "m", "المتهمين"),
    "years": ("سنة", "سنة", "سنوات", "f", "السنوات", True),
    "sessions": ("جلسة", "جلسة", "جلسات", "f", "الجلسات"),
    "seats": ("مقعد", "مقعدا", "مقاعد", "m", "المقاعد", True),
    "votes": ("ناخب", "ناخبا", "ناخبين", "m", "الناخبين"),
    "stations": ("مركز اقتراع", "مركز اقتراع", "مراكز اقتراع", "m", "مراكز الاقتراع"),
    "candidates": ("مرشح", "مرشحا", "مرشحين", "m", "المرشحين"),
    "complaints": ("شكوى", "شكوى", "شكاوى", "f", "الشكاوى"),
    "fans": ("مشجع", "مشجعا", "مشجعين", "m", "المشجعين"),
    "points": ("نقطة", "نقطة", "نقاط", "f", "النقاط", True),
    "rounds": ("جولة", "جولة", "جولات", "f", "الجولات", True),
    "barrels": ("برميل", "برميلا", "براميل", "m", "البراميل"),
    "months": ("شهر", "شهرا", "أشهر", "m", "الأشهر", True),
    "students": ("طالب", "طالبا", "طلاب", "m", "الطلاب"),
    "teachers": ("معلم", "معلما", "معلمين", "m", "المعلمين"),
    "schools": ("مدرسة", "مدرسة", "مدارس", "f", "المدارس"),
    "days": ("يوم", "يوما", "أيام", "m", "الأيام", True),
    "flights": ("رحلة", "رحلة", "رحلات", "f", "الرحلات"),
    "pills": ("قرص", "قرصا", "أقراص", "m", "الأقراص"),
    "suspects": ("شخص", "شخصا", "أشخاص", "m", "الأشخاص"),
    "operations": ("عملية", "عملية", "عمليات", "f", "العمليات", True),
    "migrants": ("مهاجر", "مهاجرا", "مهاجرين", "m", "المهاجرين"),
    "protesters": ("متظاهر", "متظاهرا", "متظاهرين", "m", "المتظاهرين"),
    "workers": ("عامل", "عاملا", "عمال", "m", "العمال"),
}
HEDGES = ["نحو", "حوالي", "قرابة", "زهاء", "أكثر من", "ما لا يقل عن", "ما يزيد على", "أقل من", "ما يصل إلى",
          "ما يقارب", "أكثر من"]
UNITS_M = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
UNITS_F = ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"]
HUNDREDS = ["", "مئة", "مئتي", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]
HUNDREDS_ALT = ["", "مائة", "مائتي", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة"]
INDIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")


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


def percent(v: int, rng: random.Random) -> str:
    s = str(v)
    form = rng.random()
    if form < 0.45:
        return f"{s}%"
    if form < 0.65:
        return f"{s} في المئة"
    if form < 0.78:
        return f"{s} بالمئة"
    if form < 0.88:
        return f"{s} في المائة"
    return f"{s.translate(INDIC)}٪"


def measure(v: int, unit: str, rng: random.Random) -> str:
    r = rng.random()
    s = _grouped(v, rng.choice([",", "،"])) if v >= 10000 and r < 0.4 else str(v)
    if r > 0.85:
        s = s.translate(INDIC)
    text = f"{s} {unit}".strip()
    h = rng.random()
    if h < 0.3:
        return f"{rng.choice(HEDGES)} {text}"
    return text


def decimal(v: float, rng: random.Random) -> str:
    s = f"{v:.1f}"
    return s.translate(INDIC) if rng.random() < 0.15 else s


# ------------------------------------------------------------------ templates

_CACHE: dict[str, object] = {}


_SYN: dict[tuple[str, ...], list[str]] = {}
for _group in L.SYNONYMS:
    for _w in _group:
        _SYN[tuple(_w.split())] = _group
_PUNCT_END = "،.:؛»"


def _synonyms(text: str):
    """A literal run of a template with every word of ``L.SYNONYMS`` turned into a choice.

    Only whole words count: the first and last word of a run glued to a slot or a choice
    (``نشر{ft}``) are left alone."""
    toks = text.split(" ")
    out: list = []
    buf: list[str] = []
    i = 0
    while i < len(toks):
        hit = None
        for n in (2, 1):
            if i + n > len(toks):
                continue
            words = toks[i:i + n]
            last = words[-1]
            core_last = last.rstrip(_PUNCT_END)
            punct = last[len(core_last):]
            key = tuple(words[:-1]) + (core_last,)
            pre = ""
            if key not in _SYN and key[0].startswith("و") and (key[0][1:],) + key[1:] in _SYN:
                pre, key = "و", (key[0][1:],) + key[1:]
            if key in _SYN and key != ("",) and (i > 0) and (i + n < len(toks) or punct):
                hit = (n, pre, key, punct)
                break
        if hit:
            n, pre, key, punct = hit
            buf.append(pre)
            out.append("".join(" ".join(buf[:-1]) + (" " if len(buf) > 1 else "")) + pre)
            buf.clear()
            out.append((0, list(_SYN[key])))
            buf.append(punct)
            i += n
            continue
        buf.append(toks[i])
        i += 1
    # join: after a choice, the rest of the run starts with the punctuation glued to it
    tail = buf[0] + ((" " + " ".join(buf[1:])) if len(buf) > 1 else "") if buf else ""
    out.append(tail)
    out = [x for x in out if x != ""]
    if len(out) == 1:
        return out[0]
    return out


_NO_SPACE_BEFORE = " ،.:؛»|)]["
_SUFFIX_SLOTS = ("{t}", "{ft}")               # verb endings: glued to the alternative before
_PROCLITIC = ("ـ", "ب", "ل", "و", "ف", "ك")


def _last(node):
    """The last literal character a node can end with (None: ends with a slot)."""
    if isinstance(node, str):
        return node[-1] if node else ""
    if isinstance(node, list):
        return _last(node[-1]) if node else ""
    if node[0] == 2:
        return None
    if node[0] == 0:
        return _last(node[1][0])
    return _last(node[1])


def _needs_space(alt) -> bool:
    """An alternative glued to what follows needs a space unless it ends with a proclitic
    (``بـ``, ``لـ``, ``ب``, ``ل``, ``و``) or is empty."""
    if isinstance(alt, str):
        w = alt.rstrip().split(" ")[-1] if alt.strip() else ""
        return bool(w) and not (w.endswith("ـ") or w in _PROCLITIC) and not alt.endswith(" ")
    if isinstance(alt, list) and not alt:
        return False
    last = _last(alt)
    return last is None or (last not in ("", " ") and last != "ـ")


def compile_template(src: str, pad: bool = True):
    """``(a|b)`` choice, ``[x]`` optional, ``{slot}``, ``\\(`` literal: a tree of lists (sequence),
    tuples ``(0, alternatives)``, ``(1, node)`` (optional), ``(2, name)`` (slot) and strings.
    Literal words with synonyms (``L.SYNONYMS``) become choices too."""
    node = _CACHE.get((src, pad))
    if node is not None:
        return node
    text = " " + src + " " if pad else src
    pos = 0

    def seq(stops: str):
        nonlocal pos
        out: list = []
        buf: list[str] = []

        def flush():
            if buf:
                out.append(_synonyms("".join(buf)))
                buf.clear()
        while pos < len(text) and text[pos] not in stops:
            c = text[pos]
            if c == "\\":
                buf.append(text[pos + 1])
                pos += 2
            elif c == "(":
                flush()
                pos += 1
                alts = [seq("|)")]
                while text[pos] == "|":
                    pos += 1
                    alts.append(seq("|)"))
                pos += 1
                if pos < len(text) and text[pos] not in _NO_SPACE_BEFORE and not text.startswith(_SUFFIX_SLOTS, pos):
                    alts = [[x, " "] if _needs_space(x) else x for x in alts]
                out.append((0, alts))
            elif c == "[":
                flush()
                pos += 1
                inner = seq("]")
                pos += 1
                out.append((1, inner))
            elif c == "{":
                flush()
                end = text.index("}", pos)
                out.append((2, text[pos + 1:end]))
                pos = end + 1
            else:
                buf.append(c)
                pos += 1
        flush()
        return out[0] if len(out) == 1 else out

    node = seq("")
    if pos != len(text):
        raise ValueError(f"unbalanced template: {src!r}")
    _CACHE[(src, pad)] = node
    return node


def _expand(node, out: list, rng: random.Random, ctx) -> None:
    t = type(node)
    if t is str:
        out.append(node)
    elif t is list:
        for n in node:
            _expand(n, out, rng, ctx)
    else:
        tag = node[0]
        if tag == 0:
            alts = node[1]
            _expand(alts[int(rng.random() * len(alts))], out, rng, ctx)
        elif tag == 1:
            if rng.random() < 0.5:
                _expand(node[1], out, rng, ctx)
        else:
            v = ctx[node[1]]
            tv = type(v)
            if tv is str:
                out.append(v)
            elif tv is list or tv is tuple:
                _expand(v, out, rng, ctx)
            else:
                out.append(v())


_SPACES = re.compile(r"\s+")
_BEFORE_PUNCT = re.compile(r"\s+([،.:»])")
_AFTER_OPEN = re.compile(r"([«])\s+")
_DOUBLE_COMMA = re.compile(r"،\s*،")


def expand(src: str, rng: random.Random, ctx) -> str:
    out: list[str] = []
    _expand(compile_template(src), out, rng, ctx)
    s = _SPACES.sub(" ", "".join(out)).strip()
    s = _BEFORE_PUNCT.sub(r"\1", s)
    s = _AFTER_OPEN.sub(r"\1", s)
    return _tidy(_DOUBLE_COMMA.sub("،", s))


def _tidy(s: str) -> str:
    """``بـال`` -> ``بال``, ``لـال`` -> ``لل``: the tatweel marks a proclitic before a name or a number only."""
    return s.replace("بـال", "بال").replace("لـال", "لل").replace("لـل", "لل")


# ------------------------------------------------------------------ names

def _root_name(rng: random.Random) -> str:
    r = rng.choice(L.ROOTS)
    p = rng.choice(L.PATTERNS)
    return p.replace("{1}", r[0]).replace("{2}", r[1]).replace("{3}", r[2])


def place_name(rng: random.Random) -> str:
    """An invented toponym: a root in a toponym pattern (القطيفة، رحبان) or head + tail (عين الزيتون)."""
    x = rng.random()
    if x < 0.55:
        return _root_name(rng)
    if x < 0.9:
        return f"{rng.choice(L.PLACE_HEAD)} {rng.choice(L.PLACE_TAIL)}"
    n = _root_name(rng)
    return f"{rng.choice(L.PLACE_HEAD)} {n}"


def nisba(rng: random.Random) -> str:
    r = rng.choice(L.ROOTS)
    return rng.choice(["ال{0}{1}{2}ي", "ال{0}{1}ي{2}ي", "ال{0}{1}{2}اني"]).format(*r)


def spellings(name: str) -> list[str]:
    """The canonical spelling first, then the variants outlets use for it."""
    out = [name]
    v = re.sub(r"\bعبد ", "عبد", name)
    v = re.sub(r"\bأبو ", "ابو ", v)
    if v != name:
        out.append(v)
    h = re.sub(r"(^|\s)(ال)?[أإ]", lambda m: m.group(1) + (m.group(2) or "") + "ا", name)
    if h != name and h not in out:
        out.append(h)
    return out


def person(rng: random.Random) -> list[str]:
    given = rng.choice(L.MALE)
    fam = rng.choice(L.FAMILY)
    if rng.random() < 0.2:
        name = f"{given} {rng.choice(L.MALE)} {fam}"
    else:
        name = f"{given} {fam}"
    return spellings(name)


def foreign(rng: random.Random) -> list[str]:
    first = rng.choice(L.FOREIGN_FIRST)
    return [f"{first} {v}" for v in rng.choice(L.FOREIGN)]


# ------------------------------------------------------------------ stories

TOPICS = {t["key"]: t for t in L.TOPICS}
TOPIC_KEYS = list(TOPICS)
THEATRES = L.THEATRES
WAR_SHARE = 0.25              # share of stories in the five war theatres
PEOPLE_SLOTS = ["gov", "spk", "doc", "wit", "own", "eng", "minister", "governor", "analyst", "trader", "judge",
                "prosecutor", "lawyer", "accused", "head", "leader", "rival", "union", "student", "forecaster",
                "player", "player2", "chair", "dir", "resident", "commander"]


@dataclass
class Story:
    sid: int
    topic: str                      # a TOPICS key, or "war"
    theatre: str                    # war: the theatre; else the topic
    theme: str                      # war: the theme; else the topic's lead proposition
    start: dt.datetime
    days: int                       # articles fall within this many days of the start
    cast: dict[str, list[str]]      # slot -> spellings (the first is the usual one)
    consts: dict[str, str]
    figures: dict[str, int | float]
    props: list[dict]
    heads: list[str]
    actors: dict[str, list[tuple[str, str]]]
    default_actors: list[str]
    words: dict[str, str]
    fig_spec: dict[str, tuple]
    growth: float
    docs: list[int] = field(default_factory=list)


_WAR_FIG = {"troops": ("troops", None, ""), "dead": ("people", None, "grow"), "injured": ("people", None, "grow"),
            "displaced": ("displaced", None, ""), "weapons": ("weapons", None, ""), "money": ("money", None, ""),
            "percent": ("pct", None, ""), "prisoners": ("people", None, "")}


def _gender(src: str) -> str:
    first = src.split()[0]
    return "f" if first.endswith("ة") or first in ("مصادر", "لجان", "الاستخبارات", "بعثة") else "m"


def make_story(sid: int, rng: random.Random, base: dt.datetime, expected: float) -> Story:
    start = base + dt.timedelta(days=rng.randrange(365), hours=rng.randrange(24))
    days = max(2, min(30, int(2 + math.sqrt(expected))))
    ci = rng.randrange(len(L.COUNTRIES))
    country, cadj, capital, prov_word, gov_t = L.COUNTRIES[ci]
    cast: dict[str, list[str]] = {}
    for slot in PEOPLE_SLOTS:
        cast[slot] = person(rng)
    cast["coach"] = foreign(rng)
    cast["foreign"] = foreign(rng)
    for slot in ("city", "city2", "town", "prov", "prov2", "village", "wadi", "place_field"):
        cast[slot] = spellings(place_name(rng))
    consts = {"country": country, "country_adj": cadj, "capital": capital, "gov_t": gov_t,
              "prov_t": f"{prov_word} {cast['prov'][0]}", "district": f"حي {rng.choice(L.PLACE_TAIL)}"
              if rng.random() < 0.5 else f"حي {_root_name(rng)}",
              "hosp": rng.choice([f"{cast['city'][0]} (العام|الجامعي|المركزي)", "(الشفاء|الأمل|السلام|النور|الرحمة)",
                                  f"{rng.choice(L.MALE)} {rng.choice(L.FAMILY)} (التخصصي|)"]),
              "market": f"{rng.choice([cast['city'][0], rng.choice(L.PLACE_TAIL), _root_name(rng)])} (الشعبي|المركزي|القديم|الكبير)",
              "brand": rng.choice([_root_name(rng), rng.choice(L.FAMILY), f"{rng.choice(L.PLACE_HEAD)} {rng.choice(L.PLACE_TAIL)}"]),
              "nisba": nisba(rng), "nisba2": nisba(rng),
              "stadium": rng.choice([f"{cast['city'][0]} (البلدي|الأولمبي)", f"الشهيد {rng.choice(L.MALE)} {rng.choice(L.FAMILY)}"]),
              "dir": rng.choice(L.DIRECTIONS)[0]}
    consts["company"] = f"{consts['brand']} (للإنشاءات|للتجارة العامة|للصناعات الغذائية|للنقل|للطاقة|للمقاولات)"
    consts["factory"] = f"{consts['brand']} (للبلاستيك|للأغذية|للنسيج|للأثاث|للدهانات)"
    # consts that are templates are fixed once per story
    fixed = {}
    for k in ("hosp", "market", "stadium", "company", "factory"):
        fixed[k] = consts[k]
    if rng.random() < WAR_SHARE:
        theatre = rng.choice(sorted(THEATRES))
        w = THEATRES[theatre]
        theme = rng.choice(sorted(L.WAR_THEMES))
        props = L.WAR_THEMES[theme] + rng.sample(L.WAR_COMMON, rng.randint(1, 2)) + L.GENERIC
        off_names, off_title = w["officials"][rng.randrange(len(w["officials"]))]
        cast["official"] = list(off_names)
        cast["place"] = list(w["places"][rng.randrange(len(w["places"]))])
        local = L.THEATRE_LOCAL.get(theatre)
        if local:
            stem = rng.choice(local["stems"])
            cast["village"] = [rng.choice(local["village"]).replace("{uk}", stem)]
            cast["commander"] = [f"{rng.choice(local['first'])} {rng.choice(local['last'])}"]
        src = w["sources"][rng.randrange(len(w["sources"]))]
        consts.update(official_title=off_title, source=src, capital=rng.choice(rng.choice(w["capitals"])),
                      side_a=w["a"], side_b=w["b"], country=rng.choice([w["a"], w["b"]]))
        og = "f" if off_title.startswith("شقيقة") else "m"
        actors = {"off": [("{official_title} {official}", og), ("{official}", og)],
                  "src": [(src, _gender(src)), ("{source2}", "m")],
                  "other": [(s, _gender(s)) for s in L.WAR_ACTORS_EXTRA]}
        default = ["src", "src", "off", "other"]
        figures = {
            "troops": nice(rng.choice([1, 2, 3, 5, 8, 12, 30]) * 1000 * rng.uniform(0.8, 1.3)),
            "dead": nice(rng.lognormvariate(3.5, 1.2)) + 3, "displaced": nice(rng.lognormvariate(9, 1.0)),
            "weapons": nice(rng.choice([4, 6, 12, 24, 40, 150, 300, 1000])),
            "money": nice(rng.choice([20, 50, 120, 400, 1500])), "percent": rng.randint(12, 85),
            "prisoners": rng.choice([50, 100, 200, 300]),
        }
        figures["injured"] = nice(figures["dead"] * rng.uniform(1.5, 4))
        consts["weapon"] = rng.randrange(len(w["weapons"]))
        fig_spec = dict(_WAR_FIG)
        words = {"silent": "(" + "|".join([w["a"], w["b"]]) + ")", "silent_m": "(متحدث عسكري|المتحدث باسم الجيش)",
                 "topic_noun": "(هذه التقارير|ما جرى في {place})", "analyst_field": "(الشؤون العسكرية|الدراسات الاستراتيجية)",
                 "analyst_view": "(التصعيد|ما يجري) في {place} (قد يتحول|مرشح للتحول) إلى (مواجهة|حرب) (أوسع|مفتوحة) (إذا|ما لم) (فشلت|تنجح) (الوساطات|جهود التهدئة)",
                 "resident_view": "(العائلات|الناس) (تنام|باتت تنام) (في الملاجئ|في الأقبية) (منذ|طوال) (أيام|أسابيع)",
                 "residents_view": "(خوفهم|قلقهم) من (تجدد|اتساع) (القصف|المعارك)", "authority": "(المجتمع الدولي|الأمم المتحدة)",
                 "history_event": "(معارك|اشتباكات) (عنيفة|دامية)", "history_event_v": "(اندلعت|تجددت) المعارك",
                 "next_step": "(تستأنف|تعقد) (جولة|جولة جديدة من) (المفاوضات|المحادثات)", "next_step_n": "(جولة|استئناف) المفاوضات",
                 "next_when": "(الأيام المقبلة|الأسبوع المقبل)", "place_h": "{place}",
                 "off_ref": "({official_title} {official}|{official}|{official}، {official_title}،|{official})"}
        heads = ["{force} (تنشر|تحشد) {troops_h} (قرب|في) {place}", "(مقتل|سقوط) {dead_h} في (قصف|هجوم) على {place}",
                 "{official}: (لن ننسحب من|باقون في) {place}", "شحنة (أسلحة|عسكرية) (جديدة|) (تصل|في طريقها) إلى {place}",
                 "{place}: (تصعيد|توتر) (جديد|متواصل) و{dead_h}",
                 "{official_title} (يبحث|يناقش) (في|بـ){capital} تطورات {place}"]
        topic = "war"
        growth = rng.uniform(0.0, 0.8)
    else:
        topic = rng.choice(TOPIC_KEYS)
        t = TOPICS[topic]
        theatre, theme = topic, t["props"][0]["key"]
        # a story has its lead facts and some of the others: two fires differ in what is told
        rest = [p for p in t["props"] if not p.get("lead")]
        keep = [p for p in rest if rng.random() < 0.7] or rest[:2]
        props = [p for p in t["props"] if p.get("lead")] + keep + L.GENERIC
        actors, default = t["actors"], t["default"]
        fig_spec = t["figures"]
        figures = {}
        for k, (kind, (mu, sigma), _) in fig_spec.items():
            v = rng.lognormvariate(mu, sigma)
            figures[k] = round(v, 1) if kind[0] == "dec" else nice(v)
        words = t["words"]
        heads = t["heads"]
        growth = rng.uniform(0.0, 1.5)
        for k, options in t.get("consts", {}).items():
            fixed[k] = rng.choice(options)
    # story constants written once: expand the template ones with the story's names
    ctx0 = {**{k: v[0] for k, v in cast.items()}, **{k: v for k, v in consts.items() if isinstance(v, str)}}
    for k, v in fixed.items():
        consts[k] = expand(v, rng, _Static(ctx0, rng))
        ctx0[k] = consts[k]
    return Story(sid, topic, theatre, theme, start, days, cast, consts, figures, props, heads, actors, default,
                 words, fig_spec, growth)


class _Static(dict):
    """Context for story constants: names only, and nested constants (``{city}`` in a club name)."""

    def __init__(self, d: dict, rng: random.Random):
        super().__init__(d)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key == "place":
            return self["city"]
        if key == "place_field":
            return place_name(self.rng)
        raise KeyError(key)


# ------------------------------------------------------------------ one article's context

_ANY_VIEW = compile_template("(" + "|".join(L.EXTRA_VIEWS) + ")", pad=False)
_ANY_RESIDENT = compile_template("(" + "|".join(L.EXTRA_RESIDENT) + ")", pad=False)


class Ctx(dict):
    """Slots of one article: the story's cast in this outlet's spellings, its figures (with this
    outlet's error, rendered afresh at each use), time expressions around its date."""

    def __init__(self, rng: random.Random, story: Story, outlet: str, pub: dt.datetime):
        super().__init__()
        self.rng, self.story, self.outlet, self.pub = rng, story, outlet, pub
        self.used: dict[int, int] = {}       # facts told so far (by id of the proposition)
        for k, v in story.cast.items():
            self[k] = v[0] if len(v) == 1 or rng.random() < 0.75 else rng.choice(v[1:])
        self.update({k: v for k, v in story.consts.items() if isinstance(v, str)})
        for k, v in story.words.items():
            self[k] = compile_template(v, pad=False)
        self["outlet"] = outlet
        w = rng.choice(WIRES)[1]
        self["wire"] = w if w.startswith("الوكالة") else "وكالة " + w
        # people an outlet finds itself: its own analyst, residents, witnesses
        for k in ("analyst", "resident", "wit", "student"):
            self[k] = person(rng)[0]
        self["any_view"], self["any_resident"] = _ANY_VIEW, _ANY_RESIDENT
        # the event's day: the day of publication or the one before
        self.event = pub - dt.timedelta(days=rng.choice([0, 0, 0, 1]) if pub.hour > 9 else rng.choice([0, 1, 1]))
        day = (pub - story.start).total_seconds() / 86400
        grow = 1 + story.growth * min(1.0, max(0.0, day / max(1, story.days)))
        jit = {}
        for k, v in story.figures.items():
            spec = story.fig_spec.get(k)
            if spec is None or (spec[0] in NOUNS and len(NOUNS[spec[0]]) > 5) or spec[0][0] in ("dec", "num"):
                jit[k] = v
                continue
            g = grow if spec[2] == "grow" else 1.0
            jit[k] = nice(v * g * rng.uniform(0.85, 1.2))
        self.fig = jit
        if story.topic == "war":
            w = THEATRES[story.theatre]
            self["force"] = rng.choice(w["forces"])
            self["ft"] = "ت" if self["force"].split()[0] in ("القوات", "قوات", "مجموعة", "جماعة") else ""
            self["source2"] = rng.choice(w["sources"])
            self["source3"] = rng.choice(w["sources"])
            self["children"] = f"{rng.randint(3, 9)} أطفال"
            self.weapon = w["weapons"][story.consts["weapon"]]
        if "goals" in jit:
            g1, g2 = sorted((int(story.figures["goals"]) % 5 + 1, int(story.figures["goals2"]) % 3), reverse=True)
            if g1 == g2:
                g1 += 1
            self["score"] = f"{g1}-{g2}" if rng.random() < 0.6 else f"{g1}-{g2}".translate(INDIC)
            self["round"] = f"الـ{(story.sid % 28) + 3}"

    def __missing__(self, key: str):
        v = self._slot(key)
        self[key] = v
        return v

    def _slot(self, key: str):
        rng = self.rng
        base = key.rstrip("0123456789")
        if key.endswith("_h"):
            return lambda: self.figure(key[:-2], headline=True)
        if base in self.fig:
            return lambda: self.figure(key)
        if key == "when":
            return self.when_text
        if key == "place":
            return compile_template("({city}|مدينة {city}|{district} (ب|في ){city}|{city} (الواقعة|) {dir} {prov_t}|"
                                    "بلدة {town}|{city} \\({dir} البلاد\\))", pad=False)
        if key == "since":
            return compile_template("((مطلع|بداية) (الأسبوع|الشهر)|أيام|{month_past})", pad=False)
        if key == "month_past":
            return lambda: self.month_text(self.story.start - dt.timedelta(days=rng.randint(40, 700)))
        if key == "month_now":
            return lambda: self.month_text(self.pub - dt.timedelta(days=20))
        if key == "year_past":
            return lambda: str(rng.randint(2011, 2021))
        if key == "clock":
            return lambda: f"{rng.randint(1, 5)}:{rng.choice(['00', '15', '30', '45'])}"
        if key == "population":
            return lambda: f"{rng.choice([40, 60, 80, 120, 150, 200, 350])} ألف نسمة"
        if key == "critical_n":
            return lambda: rng.choice([str(rng.randint(2, 9)), rng.choice(UNITS_M[3:8])])
        if key == "hours":
            return lambda: render_count(rng.choice([3, 4, 5, 6, 10, 48, 72]), NOUNS["num_hours"], rng, "digits")[0]
        if key == "percent":
            return lambda: percent(rng.randint(12, 85), rng)
        if key == "commander":
            return self["player"]
        raise KeyError(key)

    def when_text(self) -> str:
        wd = WEEKDAYS[self.event.weekday()]
        same = self.event.date() == self.pub.date()
        forms = [f"يوم {wd}", wd, f"مساء {wd}", f"صباح {wd}", f"فجر {wd}", f"ليل {wd}", f"بعد ظهر {wd}",
                 f"في وقت مبكر من صباح {wd}", f"في وقت متأخر من ليل {wd}"]
        forms += ["اليوم", "صباح اليوم", "في وقت سابق اليوم"] if same else ["أمس", "مساء أمس", f"يوم {wd} الماضي"]
        return self.rng.choice(forms)

    def month_text(self, d: dt.datetime) -> str:
        if self.rng.random() < 0.3:
            return f"{MONTHS_LEVANT[d.month - 1]}/{MONTHS[d.month - 1]} {d.year}"
        return f"{MONTHS[d.month - 1]} {d.year}"

    def figure(self, key: str, headline: bool = False) -> str:
        rng = self.rng
        base = key.rstrip("0123456789")
        mult = {"": 1.0, "2": rng.uniform(0.7, 1.4), "3": rng.uniform(0.3, 0.7)}.get(key[len(base):], 1.0)
        v = self.fig[base]
        spec = self.story.fig_spec.get(base, (base, None, ""))
        kind = spec[0]
        if base == "weapons":
            noun = self.weapon
            w = nice(v * mult)
            return render_count(w, noun, rng, "digits")[0] if headline else quantity(w, noun, rng, allow_vague=False)
        if kind == "pct":
            return percent(max(1, min(99, int(v * mult))), rng)
        if kind == "money":
            return money(nice(v * mult), rng)
        if kind[0] == "dec":
            return decimal(v + (0 if mult == 1.0 else rng.choice([-0.3, -0.2, 0.2])), rng)
        if kind[0] == "num":
            return str(int(v))
        if kind[0] == "measure":
            return measure(nice(v * mult), kind[1], rng)
        noun = NOUNS[kind]
        n = max(3, nice(v * mult))
        if headline:
            return render_count(n, noun, rng, "digits")[0]
        if len(noun) > 5:
            return render_count(n, noun, rng, rng.choice(["digits", "digits", "words"]))[0]
        return quantity(n, noun, rng)


# ------------------------------------------------------------------ sentences

def _actor(rng: random.Random, story: Story, prop: dict) -> tuple[str, str]:
    groups = prop.get("actors") or story.default_actors
    forms = story.actors[rng.choice(groups)]
    return forms[rng.randrange(len(forms))]


# slots that belong to one story (its places, people, organisations, case, club ...)
_STORY_SLOTS = frozenset((
    "city", "city2", "town", "district", "prov", "prov_t", "place", "village", "hosp", "market", "factory",
    "company", "site", "club", "club2", "player", "player2", "coach", "party", "party2", "case_def", "case_key",
    "plant", "field", "exam", "coast", "route", "union_name", "disease_def", "official", "off_ref", "source",
    "commander", "accused", "gov", "spk", "doc", "minister", "governor", "judge", "prosecutor", "lawyer", "head",
    "leader", "rival", "union", "forecaster", "stadium", "wave", "vote_def", "demand", "ngo", "foreign"))
_ANCHORED: dict[tuple[str, str], bool] = {}
_ANCHOR = {"war": "(في|ب)({place}|{village})", "": "(في|ب)({city}|{district}|{town}|{prov_t}|{city})"}


def _slots_of(node, out: set) -> None:
    """Slots a node always fills (optional parts left out)."""
    t = type(node)
    if t is list:
        for n in node:
            _slots_of(n, out)
    elif t is tuple:
        if node[0] == 0:
            for n in node[1]:
                _slots_of(n, out)
        elif node[0] == 2:
            out.add(node[1])


def _anchored(tmpl: str, story: Story) -> bool:
    """Does the template name something of its story (directly or through the topic's words)?"""
    key = (story.topic if story.topic == "war" else story.theatre, tmpl)
    hit = _ANCHORED.get(key)
    if hit is None:
        names: set = set()
        _slots_of(compile_template(tmpl), names)
        for w in list(names):
            if w in story.words:
                _slots_of(compile_template(story.words[w], pad=False), names)
        hit = _ANCHORED[key] = bool(names & _STORY_SLOTS)
    return hit


def _clause(rng: random.Random, ctx: Ctx, prop: dict, kind: str) -> str:
    """A clause of ``prop``; one that names nothing of its story is placed in it (``... في المدينة``):
    a report never says only "the toll rose to 12"."""
    tmpl = rng.choice(prop[kind])
    c = expand(tmpl, rng, ctx)
    if not _anchored(tmpl, ctx.story):
        c += " " + expand(_ANCHOR["war" if ctx.story.topic == "war" else ""], rng, ctx)
    return c


def realise(rng: random.Random, ctx: Ctx, prop: dict, first: bool) -> str:
    """One sentence stating ``prop``: a clause in an attribution frame, in this article's words,
    lengthened to a target length with other facts of the story or a tail."""
    story = ctx.story
    v, n = prop.get("v", []), prop.get("n", [])
    tmpl, g = _actor(rng, story, prop)
    actor = expand(tmpl, rng, ctx)
    frames: list[str] = []
    if prop.get("bare"):
        v, n = v or n, []
        frames = ["bare"]
    elif prop.get("own"):             # the clause names its speaker: no second attribution
        frames = ["bare"] * 2 + (["say"] * 2 + ["wire"] if n else [])
    else:
        if n:
            frames += ["say"] * 4 + ["wire"]
        if v:
            frames += ["trail"] * 3 + (["leadin"] * 2 if not first else []) + (["bare"] * (4 if prop.get("free") else 1))
    frame = rng.choice(frames)
    clause = _clause(rng, ctx, {"t": n if frame in ("say", "wire") else v}, "t")
    if prop.get("tails") and rng.random() < 0.3:
        clause += expand(rng.choice(L.TAILS[rng.choice(prop["tails"])]), rng, ctx)
    conn = "" if first else rng.choice(L.CONNECT)
    a_end = actor.rstrip("،").strip()
    if frame == "say":
        verbs = [x for x in L.SAY_VERBS if x[2] and (not first or not x[3])]
        m, f, comp, _ = rng.choice(verbs)
        parts = [f if g == "f" else m, actor]
        if rng.random() < 0.3:
            parts.append(ctx.when_text())
        if rng.random() < 0.35:
            parts.append(expand(rng.choice(L.CHANNELS), rng, ctx))
        s = " ".join(parts) + (f" {comp}{clause}" if clause.startswith("ه ") else f" {comp} {clause}")
    elif frame == "wire":
        s = f"نقلت {ctx['wire']} عن {a_end} {'قولها' if g == 'f' else 'قوله'} إن"
        s += clause if clause.startswith("ه ") else " " + clause
    elif frame == "trail":
        s = clause + "، " + expand(rng.choice(L.TRAIL), rng, _With(ctx, a_end, g))
    elif frame == "leadin":
        s = expand(rng.choice(L.LEAD_IN), rng, _With(ctx, a_end, g)) + " " + clause
        conn = ""
    else:
        s = clause
    # lengthen: real news sentences run to 20-40 words, with a second fact or a circumstance
    target = rng.randint(24, 40)
    clause_words = s.split()
    used = ctx.used
    used[id(prop)] = used.get(id(prop), 0) + 1
    tails: list[str] = []
    others = [p for p in story.props if p is not prop and not p.get("bare") and not p.get("own")]
    for _ in range(3):
        if len(s.split()) >= target:
            break
        fresh = [p for p in others if used.get(id(p), 0) < 2]
        stock = prop.get("bare") and len(s.split()) == len(clause_words)
        if stock and others:                # a stock sentence carries a fact of its story, the least told
            cand = [p for p in others if p.get("v")] or others
            least = min(used.get(id(p), 0) for p in cand)
            fresh = [p for p in cand if used.get(id(p), 0) == least]
        elif not fresh:
            if len(tails) == len(L.EXT_TAIL) or len(tails) >= 2:
                break
            t = rng.choice([x for x in L.EXT_TAIL if x not in tails])
            s = s.rstrip("،") + expand(t, rng, ctx)
            tails.append(t)
            continue
        o = rng.choice(fresh)
        used[id(o)] = used.get(id(o), 0) + 1
        others = [p for p in others if p is not o]
        x = 0.6 if stock else rng.random()
        if frame in ("say", "wire") and o.get("n") and x < 0.5:
            pm, pf, comp = rng.choice(L.EXT_SAY)
            c = _clause(rng, ctx, o, "n")
            s = s.rstrip("،") + f"، {pf if g == 'f' else pm} {comp}" + (c if c.startswith("ه ") else " " + c)
        elif o.get("v") and x < 0.8:
            s = s.rstrip("،") + f"، {rng.choice(L.EXT_WHILE)} " + _clause(rng, ctx, o, "v")
        elif len(tails) < 2:
            t = rng.choice([x for x in L.EXT_TAIL if x not in tails])
            s = s.rstrip("،") + expand(t, rng, ctx)
            tails.append(t)
    if conn:
        s = ("و" + s) if conn == "و" else conn + s
    s = _SPACES.sub(" ", s).strip().rstrip("،")
    s = _BEFORE_PUNCT.sub(r"\1", s)
    s = _tidy(_DOUBLE_COMMA.sub("،", s))
    return s + "."


class _With(dict):
    """The article's context plus the attributed actor as ``{a}``."""

    def __init__(self, ctx: Ctx, actor: str, gender: str = "m"):
        super().__init__(a=actor, t="ت" if gender == "f" else "")
        self.ctx = ctx

    def __missing__(self, key):
        return self.ctx[key]


class _HeadCtx(dict):
    """A headline's slots: the event phrase, a figure phrase, a short place; names in full."""

    def __init__(self, ctx: Ctx, np_: str = "", fig: str = ""):
        super().__init__(np=compile_template(np_, pad=False), hfig=compile_template(fig, pad=False))
        self.ctx = ctx
        self["hplace"] = compile_template("({place}|{city})" if ctx.story.topic == "war" else
                                          "({city}|{district}|{prov_t}|{town}|{city})", pad=False)

    def __missing__(self, key):
        return self.ctx[key]


def dateline(rng: random.Random, ctx: Ctx, wire) -> str:
    story = ctx.story
    if story.topic == "war":
        w = THEATRES[story.theatre]
        city = rng.choice(rng.choice(w["capitals"]) + [ctx["place"]])
    else:
        city = rng.choice([story.cast["city"][0], story.cast["city"][0], ctx["capital"]])
    if wire:
        return rng.choice([f"{city} - ({wire[0]}) - ", f"{city} ({wire[0]}) - ", f"{wire[1]} - "])
    return f"{city} - " if rng.random() < 0.5 else ""


def compose(rng: random.Random, story: Story, doc: int, kb: float) -> dict:
    """One original article: metadata and paragraphs, every sentence written for it."""
    outlet, host, bylines, mast = rng.choice(OUTLETS)
    pub = story.start + dt.timedelta(hours=rng.randrange(0, 24 * story.days), minutes=rng.randrange(60))
    ctx = Ctx(rng, story, outlet, pub)
    wire = rng.choice(WIRES) if rng.random() < 0.6 else None
    leads = [p for p in story.props if p.get("lead")]
    lead_prop = leads[0] if rng.random() < 0.5 else rng.choice(leads)
    paras = [dateline(rng, ctx, wire) + realise(rng, ctx, lead_prop, True)]
    if rng.random() < 0.4:
        second = rng.choice([p for p in story.props if p is not lead_prop and not p.get("later")] or [lead_prop])
        paras[0] += " " + realise(rng, ctx, second, False)
    rest = [p for p in story.props if p is not lead_prop]
    # the story's facts first, loosely in their order; generic ones later
    own = [p for p in rest if p not in L.GENERIC]
    gen = [p for p in rest if p in L.GENERIC]
    own.sort(key=lambda p: rng.random() + (0.8 if p.get("later") else 0))
    rng.shuffle(gen)
    n_gen = rng.randint(1, 2)
    pool = own + gen[:n_gen]                     # stock sentences (analyst, residents, no comment): a few
    spare = gen[n_gen:]
    if rng.random() < 0.3 and len(pool) > 3:
        del pool[rng.randrange(len(pool))]
    target = int(kb * 1024 * rng.uniform(0.85, 1.15))
    size = len(paras[0].encode())
    i = 0
    reuse = 0
    while size < target:
        k = 1 if rng.random() < 0.5 else 2
        while len(pool) < i + k:
            if spare:
                pool.append(spare.pop())
                continue
            told = [p for p in own if ctx.used.get(id(p), 0) < 3]
            if reuse > 4 or not told:
                break
            pool.append(rng.choice(told))             # another source on a fact already told
            reuse += 1
        take = pool[i:i + k]
        if not take:
            break
        i += len(take)
        para = " ".join(realise(rng, ctx, p, False) for p in take)
        paras.append(para)
        size += len(para.encode()) + 2
    parts = L.HEAD_PARTS.get(story.topic)
    if parts and rng.random() < 0.9:
        np_, fig = parts
        hctx = _HeadCtx(ctx, rng.choice(np_), rng.choice(fig))
        title = expand(rng.choice(L.HEAD_PATTERNS), rng, hctx)
    else:
        title = expand(rng.choice(story.heads), rng, _HeadCtx(ctx))
    x = rng.random()
    if x < 0.5:
        title += rng.choice(L.HEAD_JOIN) + expand(rng.choice(L.HEAD_DETAILS), rng, _HeadCtx(ctx))
    elif x < 0.65:
        title = rng.choice(L.HEAD_KICKERS) + title
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


def _story_swaps(story: Story) -> list[tuple[str, str]]:
    out = []
    for v in story.cast.values():
        for other in v[1:]:
            out.append((v[0], other))
    return out + _SPELL_SWAPS


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
            ctx = Ctx(rng, story, outlet, c["published"])
            prop = rng.choice(story.props)
            paras.insert(rng.randrange(1, len(paras) + 1), realise(rng, ctx, prop, False))
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
            for a, b in _story_swaps(story):
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
            # short (under four word 3-shingles): a credit line is not a copied passage
            paras.append(rng.choice(["المصدر: " + src["outlet"], f"(نقلا عن {src['outlet']})", f"({src['outlet']})"]))
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


def partial_copy(rng: random.Random, src: dict, doc: int, story: Story, kb: float) -> tuple[dict, int]:
    """A new report of the story that takes 1-3 consecutive paragraphs of ``src`` (its lead
    excluded, with its dateline) into its own text; the paragraphs it takes replace some of its own."""
    art = compose(rng, story, doc, kb)
    body = src["paras"][1:] or src["paras"]
    k = min(len(body), rng.choice([1, 2, 2, 3]))
    at = rng.randrange(0, len(body) - k + 1)
    taken = body[at:at + k]
    own = art["paras"]
    keep = max(2, len(own) - k)
    pos = rng.randrange(1, keep + 1)
    art["paras"] = own[:pos] + taken + own[pos:keep]
    return art, k


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


_TO_ASCII = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)}, "٫": ".", "٬": ",", "٪": "%"})


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
             kb: float = 3.0, shard: int = 1000, txt_share: float = 0.2, partial: float = 0.05) -> dict:
    """Write the corpus into ``out``; returns the manifest."""
    if REPO in out.resolve().parents or out.resolve() == REPO:
        raise SystemExit(f"refusing to write a corpus inside the repository: {out}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    base = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    n_stories = max(5, n // 20)
    weights = [1 / (r + 1) ** 0.8 for r in range(n_stories)]
    total_w = sum(weights)
    stories = [make_story(i, rng, base, n * weights[i] / total_w) for i in range(n_stories)]
    recent: dict[int, list[dict]] = {}        # story -> its last articles (copy sources)
    truth_docs: list[dict] = []
    jsonl_files: list[Path] = []
    counts = {"original": 0, "exact": 0, "near": 0, "partial": 0, "txt": 0, "jsonl": 0, "cp1256": 0}
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
        elif pool and r < exact + near + partial:
            src = rng.choice(pool)
            art, k = partial_copy(rng, src, doc, story, kb)
            t = {"doc": art["id"], "story": story.sid, "copy_of": src["id"], "kind": "partial",
                 "edits": ["insert_paragraphs"], "paragraphs": k,
                 "jaccard": jaccard(body_text(src), body_text(art)),
                 "jaccard_folded": jaccard(body_text(src), body_text(art), fold=True)}
            counts["partial"] += 1
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
            if enc == "cp1256":                 # Windows-1256 has no Arabic-Indic digits: such sites write 0-9
                text = text.translate(_TO_ASCII)
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
                "copies, 'exact' (same body text), 'near' (edited; 'edits' lists how) or 'partial' ('paragraphs' "
                "consecutive paragraphs of it inside a new report of the story) and the word 5-shingle "
                "Jaccard of the two bodies, as written and with spellings folded (alef/hamza, ta marbuta, "
                "alef maqsura, Arabic-Indic digits, digit group separators). 'stories': theatre (a war theatre, "
                "or the topic), theme (the war theme, or the topic's lead fact), topic, start and documents of each story.",
        "docs": truth_docs,
        "stories": [{"story": s.sid, "theatre": s.theatre, "theme": s.theme, "topic": s.topic,
                     "start": s.start.isoformat(), "docs": [f"g{d:07d}" for d in s.docs]} for s in stories if s.docs],
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    manifest = {"articles": n, "seed": seed, "format": fmt, "exact": exact, "near": near, "partial": partial, "kb": kb,
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
    ap.add_argument("--partial", type=float, default=0.05, help="share of partial copies (paragraphs of another report)")
    ap.add_argument("--kb", type=float, default=3.0, help="mean article body size in KB (UTF-8)")
    ap.add_argument("--shard", type=int, default=1000, help="articles per JSONL file")
    ap.add_argument("--txt-share", type=float, default=0.2, help="share of txt files with --format mixed")
    a = ap.parse_args(argv)
    out = a.out or Path(f"/tmp/marsad-bench/corpus-{a.articles}")
    m = generate(out, a.articles, a.seed, a.format, a.exact, a.near, a.kb, a.shard, a.txt_share, a.partial)
    print(json.dumps({"out": str(out), **m}, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
