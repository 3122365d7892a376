"""Arabic numeric expressions: where a text says how many, with value, range, type and hedge.

:func:`find_numbers` returns one :class:`NumberMention` per expression, with its span in the
*original* text. It is hand-written because no maintained library parses Arabic number words,
ranges and hedges while keeping offsets: Microsoft Recognizers-Text has its Arabic grammar only
in the .NET/JavaScript ports (the Python port has no Arabic), Duckling needs a Haskell service,
and CAMeL Tools does morphology, not quantities. The vocabulary is data
(``marsad/lexicon/ar/numbers.json``, documented there); this module is the grammar.

How a text is read (matching is on :func:`~marsad.text.normalize.normalize`'d text; every span
is mapped back to the original at the end):

1. **Atoms.** Number words, with their clitics (و/ف, ب/ل, ال: ``والعشرين``, ``بثلاثة``,
   ``الألف``), are found by one regex compiled from the lexicon as a character trie. Digit
   expressions are matched where digits start: phone numbers, dates (``14/3/2026``), clock
   times, slash pairs (``3/4``, ``2022/2023``) and numbers with separators (``30,000``,
   ``1.2``, ``180,25`` decimal comma, ``1 234 567``, ``1e10``, ``2.5^-1``).
2. **Grammar.** Atoms joined by spaces or by و compose the Arabic way: unit + عشر (13), unit
   و tens (25), hundreds و rest (116), group × scale (ثلاثة آلاف, 12 ألف, 1.2 مليون,
   مائتين وإثنين ألف), descending scales joined by و (ثلاثة آلاف وتسعمائة), fractions (نصف,
   ثلاثة أرباع, واحد ونصف, مليون ونصف, نصف مليون, جزء من مئة, واحد على ثلاثة, اثنان من خمسة),
   ordinals with the article (الحادي عشر, الخامسة والعشرون, القرن العشرين), vague
   quantities (عشرات الآلاف ≥ 20000, عدة آلاف ≥ 2000), negatives (سالب, ``-5``), duals that
   state a number (يومين, مرتين).
3. **Ranges.** ``بين X و Y``, ``ما بين X إلى Y``, ``من X إلى Y`` (not after a change verb:
   ``ارتفع من 200 إلى 300`` is two numbers), ``X-Y``, ``X إلى Y``, close ``X أو Y``; a first
   part without a scale borrows the second's (``بين 10 و12 ألف`` = 10000-12000).
4. **Hedges** before the number (حوالي, أكثر من, لا يقل عن, حتى, ``>=`` …) or after it,
   possibly after its noun (``50 شخصا على الأقل``); the span grows to cover them. Two bounds
   (``أكثر من 100 وأقل من 300``) become one interval.
5. **Types** from the words around: units after the number (%, currencies, ملم, كم, days …),
   year and month words, identifiers (اللواء 401, إف-16, phone numbers and ``(0)`` counters are
   ``other``), ordinals, fractions, and ``count`` otherwise.

Where Microsoft's Arabic spec reads a phrase one way and news another, news wins: ``خمس`` alone
is "five" (not 1/5) and ``ثمن`` alone "price", ``322 ألف`` is 322000, digits glued to a word
(``10000دولار``) are still a number, ``من 200 إلى 300`` is a range.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .normalize import Normalized, norm, normalize

__all__ = ["NumberMention", "find_numbers", "TYPES", "HEDGES"]

TYPES = ("count", "year", "date_part", "calibre", "duration", "percentage", "ordinal", "money",
         "measure", "fraction", "other")
HEDGES = ("exact", "approx", "at_least", "at_most", "more_than", "less_than", "vague")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One numeric expression; ``text == original[start:end]`` and hedge words are inside it.

    ``value_min == value_max`` for one value; a range gives both ends; a vague quantity
    (``عشرات الآلاف``) gives its implied lower bound and ``value_max=None``. For a bounded
    hedge (``أكثر من 100``) both are the stated number and ``hedge`` says which side is open.
    """

    start: int
    end: int
    text: str
    value_min: float | int | None
    value_max: float | int | None
    type: str
    hedge: str
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value_min": self.value_min,
                "value_max": self.value_max, "type": self.type, "hedge": self.hedge, "unit": self.unit}


# --------------------------------------------------------------------------------------------
# Lexicon, compiled once into dicts and regexes
# --------------------------------------------------------------------------------------------

_LEX = json.loads(resources.files("marsad.lexicon.ar").joinpath("numbers.json").read_text("utf-8"))

L = r"[^\W\d_]"  # one letter, Arabic or Latin
_NLB = rf"(?<!{L})"  # not preceded by a letter
_NLA = rf"(?!{L})"  # not followed by a letter

# readings of a number word
ONE, ONEC, TEN, TENS, HUND, SCALE, FRAC, DEN, ORD, VAGUE, PART, POINT, NEG, DUALN = (
    "one", "onec", "ten", "tens", "hund", "scale", "frac", "den", "ord", "vague", "part", "point", "neg", "dualn")


def _n(s: str) -> str:
    """Normalised lexicon form (spaces collapsed)."""
    return re.sub(r"\s+", " ", norm(s)).strip()


def _build_words() -> dict[str, dict[str, Any]]:
    """normalised word -> {reading: payload}; a word may have several readings (خمس: 5 and 1/5)."""
    words: dict[str, dict[str, Any]] = {}

    def add(kind: str, payload: Any, forms) -> None:
        for f in forms:
            words.setdefault(_n(f), {}).setdefault(kind, payload)

    for v, forms in _LEX["ones"]["forms"]:
        add(ONE, v, forms)
    for v, forms in _LEX["ones"]["construct"]:
        add(ONEC, v, forms)
    add(TEN, 10, _LEX["ten"]["forms"])
    for v, forms in _LEX["tens"]["forms"]:
        add(TENS, v, forms)
    for v, forms in _LEX["hundreds"]["forms"]:
        add(HUND, v, forms)
    for sc in _LEX["scales"]["forms"]:
        for num in ("singular", "dual", "ambiguous", "plural"):
            add(SCALE, (sc["value"], num[:2]), sc[num])
    for v, forms in _LEX["fractions"]["alone"]:
        add(FRAC, v, forms)
    for den, sg, pl in _LEX["fractions"]["denominators"]:
        add(DEN, (den, "sg"), sg)
        add(DEN, (den, "pl"), pl)
    add(PART, 1, _LEX["fractions"]["part"])
    add(POINT, 1, _LEX["fractions"]["point"])
    add(NEG, 1, _LEX["fractions"]["negative"])
    for v, forms in _LEX["ordinals"]["forms"]:
        add(ORD, v, forms)
    for count, base, forms in _LEX["vague"]["forms"]:
        add(VAGUE, (count, base), forms)
    for typ, unit, forms in _LEX["dual_nouns"]["forms"]:
        add(DUALN, (typ, unit), forms)
    return words


_WORDS = _build_words()
_NOT_NUMBERS = {_n(w) for w in _LEX["not_numbers"]["forms"]}
_ORDINAL_CONSTRUCT = {_n("حادي"), _n("حادية")}  # الحادي عشر, الحادية والعشرون
_MONDAY = {_n("اثنين"), _n("اثنان"), _n("إثنين")}  # الاثنين alone is Monday


def _trie_regex(words) -> str:
    """An alternation shaped as a character trie (fast to scan; longer forms tried first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def _alt(forms) -> str:
    """Alternation of normalised forms, longest first; a space matches any run of spaces."""
    items = sorted({_n(f) for f in forms if f.strip()}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in items)


def _cue_before(forms, extra: str = "") -> re.Pattern:
    """A cue (group ``cue``) that ends, with spaces, right where a search's ``endpos`` is."""
    return re.compile(rf"{_NLB}[وفبل]{{0,2}}(?P<cue>{_alt(forms)}){extra}\s*$")


def _named_alt(groups: dict[str, list[str]]) -> str:
    return "|".join(f"(?P<{k}>{_alt(v)})" for k, v in groups.items() if not k.startswith("_") and v)


def _form_table(entries) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for typ, unit, forms in entries:
        for f in forms:
            table.setdefault(_n(f), (typ, unit))
    return table


# clitics before a number word: و/ف, then ب/ل (+ال), or ال/لل. Not ك: كمية/كميات would read ك+مئة.
_PREFIX = r"(?:[وف]?(?:ب?ال|لل|[بل])|[وف])"
_WORD_RE = re.compile(rf"{_NLB}(?:(?P<w0>{_trie_regex(_WORDS)})|(?P<pre>{_PREFIX})(?P<w>{_trie_regex(_WORDS)})){_NLA}")
_FI_BEFORE_RE = re.compile(rf"{_NLB}في\s+$")
_SPLIT_MONTH_RE = re.compile(r"(?:كانون|تشرين|ربيع|جمادي)\s+$")  # كانون الثاني is a month, not "the second"

_DIGITS = (r"(?:\d+(?:(?:[.,]|[ \u00a0](?=\d{3}(?!\d)))\d+)*|(?<![\d.,])[.,]\d+)"
           r"(?:e[+-]?\d+)?(?:\^[+-]?\d+(?:[.,]\d+)?)?")
_DIGIT_RUN_RE = re.compile(r"\d+")
# Digit expressions, tried in this order where digits start (an anchored match is cheap; one
# alternation of all of them scanned over the whole text is not).
_DIGIT_FORMS = (
    ("phone", re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}(?:[ \-.]?\(?\d{1,4}\)?){2,6}(?!\d)"
                         r"|(?<![\w.,])0\d{1,3}[ \-]\d{3,4}[ \-]?\d{3,4}(?![\d.,])")),
    ("date", re.compile(r"(?<![\d/.\-])(?:\d{1,2}(?P<ds>[/.\-])\d{1,2}(?P=ds)\d{4}|\d{1,2}/\d{1,2}/\d{2}"
                        r"|\d{4}(?P<ds2>[/.\-])\d{1,2}(?P=ds2)\d{1,2})(?![\d/])")),
    ("time", re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")),
    ("slash", re.compile(r"(?<![\d/.,])\d+/\d+(?![\d/])")),
    ("num", re.compile(rf"(?<!\d){_DIGITS}")),
)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_NUM_PARTS_RE = re.compile(r"(?P<core>[\d.,\u00a0 ]+?)(?:e(?P<e>[+-]?\d+))?(?:\^(?P<p>[+-]?\d+(?:[.,]\d+)?))?")

_H = _LEX["hedges"]


def _signs(forms) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s?") for f in forms)


# '=<', '=>' and '<>' are no comparison: a sign may not follow another sign
_SYMBOLS = "|".join(rf"(?P<s_{k}>(?<![<=>])(?:{_signs(v)}))" for k, v in _H["symbols"].items() if not k.startswith("_"))
_PRE_HEDGE_RE = re.compile(rf"(?:{_NLB}[وفبل]{{0,2}}(?:{_named_alt(_H['before'])})|{_SYMBOLS})\s*$")
# A hedge before a number ends with the last word of one of its forms (or a sign) right
# before the number: looked up first, so that the regex above (tried at every position of
# a 40-character window) runs only where it can match.
_PRE_HEDGE_LAST = frozenset(_n(f).split()[-1] for k, v in _H["before"].items() if not k.startswith("_")
                            for f in v if f.strip())
_SIGN_CHARS = frozenset(ch for k, v in _H["symbols"].items() if not k.startswith("_") for f in v for ch in f
                        if not ch.isspace())


def _may_end_pre_hedge(t: str, lo: int, end: int) -> bool:
    """Whether ``t[lo:end]`` can end with a pre-number hedge (see ``_PRE_HEDGE_RE``)."""
    e = end
    while e > lo and t[e - 1].isspace():
        e -= 1
    if e == lo:
        return False
    if t[e - 1] in _SIGN_CHARS:
        return True
    s = e
    while s > lo and t[s - 1].isalpha():
        s -= 1
    w = t[s:e]
    return w in _PRE_HEDGE_LAST or (w[:1] in "وفبل" and (
        w[1:] in _PRE_HEDGE_LAST or (w[1:2] in "وفبل" and w[2:] in _PRE_HEDGE_LAST)))
# after the number, maybe after its noun; a comparative followed by من/عن/على opens the next
# number instead (5 وأكثر من 10)
_POST_HEDGE_RE = re.compile(rf"(?P<skip>(?:\s+{L}+){{0,2}}?)\s*,?\s*(?:{_named_alt(_H['after'])}){_NLA}")
_COMPARATIVE_RE = re.compile(r"اكثر|اقل|يزيد|يفوق")
_OPENER_RE = re.compile(r"\s+(?:من|عن|علي)\s")

_R = _LEX["ranges"]
_YEAR_WORDS = _alt(_LEX["dates"]["year_words"])
_BETWEEN_RE = _cue_before(_R["between"], rf"(?:\s+(?:{_YEAR_WORDS}))?")
_FROM_RE = _cue_before(_R["from"], rf"(?:\s+(?:{_YEAR_WORDS}))?")
_CHANGE_RE = re.compile(rf"{_NLB}[وف]?(?:{_alt(_R['change_verbs'])}){_NLA}")
_LINK_RE = re.compile(
    rf"\s*(?:(?P<and>{_alt(_R['and'])})|(?P<to>{_alt(_R['to'])})|(?P<dash>{'|'.join(map(re.escape, _R['dash']))})"
    rf"|(?P<or>{_alt(_R['or'])}))\s*")

_UNIT_OF = _form_table(_LEX["units"]["forms"])
_UNIT_AFTER_RE = re.compile(rf"\s*(?:(?:من\s+)?ال)?(?P<u>{_alt(_UNIT_OF)})(?![^\W_])")
_PERCENT_AFTER_RE = re.compile(
    rf"\s*(?P<u>{_alt([f for f, (typ, _) in _UNIT_OF.items() if typ == 'percentage'])})(?![^\W_])")
_UNIT_BEFORE = _form_table(_LEX["units"]["before"]["forms"])
_UNIT_BEFORE_RE = re.compile(rf"(?:(?<=[^\W\d_])(?=[$€£])|{_NLB})[وفبل]?(?P<u>{_alt(_UNIT_BEFORE)})\s*$")

_D = _LEX["dates"]
_MONTHS = _alt(_D["months"])
_MONTH_AFTER_RE = re.compile(rf"\s*(?:من\s+)?(?:شهر\s+)?(?:{_MONTHS}){_NLA}")
_MONTH_BEFORE_RE = re.compile(rf"{_NLB}(?:{_MONTHS})\s*,?\s*$")
_YEAR_WORD_RE = _cue_before(_D["year_words"])
_YEAR_PREP_RE = _cue_before(_D["year_preps"])
_ERA_RE = re.compile(rf"\s*(?:{_alt(_D['era'])})(?:{_NLA}|$)")
_END_AFTER_RE = re.compile(r"\s*(?:[.,;:!?)\]\"'\n\-]|$)")
_SLASH_DATE_RE = _cue_before(_D["slash_date_cues"])
_TIME_BEFORE_RE = _cue_before(_D["time_words"])
_TIME_AFTER_RE = re.compile(rf"\s*(?:{_alt(_D['time_after'])}){_NLA}")

_I = _LEX["identifiers"]
_IDENT_RE = re.compile(rf"{_NLB}[وفبل]?(?:{_alt(_I['before'])})\s*[-:]?\s*$")
_COUNTER_RE = re.compile(rf"{_NLB}(?:{_alt(_I['counters'])})\s*\(\s*$")
_PAREN_AFTER_WORD_RE = re.compile(rf"{L}\s*\(\s*$")
_LATIN_GLUE_RE = re.compile(r"[a-z]-?$")
_ART_DIGITS_RE = re.compile(rf"{_NLB}[وفبل]?(?:ال|لل)\s?$")  # الـ15

_VAGUE_PHRASES = {_n(f): v for v, forms in _LEX["vague"]["phrases"] for f in forms}
_VAGUE_FIRST_WORDS = frozenset(f.split()[0] for f in _VAGUE_PHRASES)
_VAGUE_PHRASE_RE = re.compile(rf"{_NLB}[وفبل]?(?P<p>{_alt(_VAGUE_PHRASES)}){_NLA}")

_FROM_GAP_RE = re.compile(r"\s+من\s+")
_OVER_GAP_RE = re.compile(r"\s+علي\s+")  # على, normalised
_WA_GAP_RE = re.compile(r"\s+و\s*")
_YEAR_LIST_GAP_RE = re.compile(r"\s*(?:,|و|او)\s*")
_BOUNDS_GAP_RE = re.compile(r"\s*,?\s*(?:و\s*)?")

_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most")
_DATE_TYPES = ("year", "date_part", "other")


# --------------------------------------------------------------------------------------------
# Atoms
# --------------------------------------------------------------------------------------------

class _Atom:
    """A number word (kind ``w``), a digit number (``d``) or a finished item (``f``: phone,
    date part, clock time, list member) that the grammar does not compose."""

    __slots__ = ("kind", "s", "e", "ps", "pre", "art", "form", "r", "val", "dot3", "typ", "unit")

    def __init__(self, kind, s, e, *, ps=None, pre="", form="", r=None, val=None, dot3=False, typ=None, unit=None):
        self.kind, self.s, self.e, self.ps = kind, s, e, (s if ps is None else ps)
        self.pre, self.form, self.r, self.val = pre, form, r or {}, val
        self.art = "ال" in pre or pre.endswith("لل")
        self.dot3, self.typ, self.unit = dot3, typ, unit


def _scan(t: str) -> list[_Atom]:
    """Number words and digit expressions of ``t`` in text order (none inside URLs)."""
    words, digits = _scan_words(t), _scan_digits(t)
    if digits and ("http" in t or "www." in t or "@" in t):
        links = [m.span() for m in _URL_RE.finditer(t)]
        digits = [a for a in digits if not any(s <= a.s < e for s, e in links)]
    if not digits or not words:
        return words or digits
    out: list[_Atom] = []
    for a in sorted(words + digits, key=lambda x: x.ps):
        if not out or a.ps >= out[-1].e:
            out.append(a)
    return out


def _scan_words(t: str) -> list[_Atom]:
    atoms = []
    for m in _WORD_RE.finditer(t):
        w, pre = m.group("w0") or m.group("w"), m.group("pre") or ""
        if w in _NOT_NUMBERS or (pre + w) in _NOT_NUMBERS:
            continue
        r = _WORDS[w]
        if r.get(HUND) == 100 and pre.endswith("ال") and (pre[0] == "ب" or _FI_BEFORE_RE.search(t, 0, m.start())):
            continue  # بالمئة, في المئة: a percent sign, not a hundred
        if ORD in r and pre and _SPLIT_MONTH_RE.search(t, max(0, m.start() - 8), m.start()):
            continue
        s = m.start("w") - (2 if pre.endswith("ال") else 0) if pre else m.start()  # keep the article
        atoms.append(_Atom("w", s, m.end(), ps=m.start(), pre=pre, form=w, r=r))
    return atoms


def _scan_digits(t: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    end = 0
    for dm in _DIGIT_RUN_RE.finditer(t):
        p = dm.start()
        if p < end:
            continue
        starts = (p - 1, p) if p and t[p - 1] in "+.," else (p,)
        m = kind = None
        for kind, rx in _DIGIT_FORMS:
            m = next((x for x in (rx.match(t, st) for st in starts) if x), None)
            if m:
                break
        if m is None:
            continue
        s, end = m.span()
        if kind == "num":
            atoms.extend(_digit_atoms(t, s, end))
        elif kind == "date":
            atoms.extend(_date_atoms(t, s, end))
        elif kind == "phone":
            atoms.extend(_phone_atoms(t, s, end))
        elif kind == "time":
            atoms.append(_Atom("f", s, end, typ="other", unit="time"))
        else:
            atoms.extend(_slash_atoms(t, s, end))
    return atoms


def _num(s: str) -> float:
    return float(s.replace(",", "."))


def _digit_value(core: str) -> tuple[float, bool] | None:
    """(value, dot3) of a digit string with separators, or ``None`` when it is a list of
    numbers (``192.168.1.2``). ``dot3``: a single dot before exactly three digits (``1.200``),
    which may be a thousands dot."""
    if " " in core or "\u00a0" in core:
        groups = re.split(r"[ \u00a0]", core)
        if len(groups[0]) <= 3 and groups[0].isdigit() and all(re.fullmatch(r"\d{3}(?:[.,]\d+)?", g) for g in groups[1:]):
            v = _digit_value("".join(groups))
            return (v[0], False) if v else None
        return None
    if core[0] in ".,":
        return _num("0" + core), False
    seps = re.findall(r"[.,]", core)
    if not seps:
        return float(core), False
    groups = re.split(r"[.,]", core)
    head_ok = len(groups[0]) <= 3
    thousands = head_ok and all(len(g) == 3 for g in groups[1:-1])
    if len(set(seps)) == 1:
        if len(groups) == 2:
            if seps[0] == "," and head_ok and len(groups[1]) == 3:
                return float("".join(groups)), False  # 30,000
            return float(groups[0] + "." + groups[1]), seps[0] == "." and head_ok and len(groups[1]) == 3
        if thousands and len(groups[-1]) == 3:
            return float("".join(groups)), False  # 1,234,567 / 1.234.567
        if seps[0] == "," and thousands:
            return float("".join(groups[:-1]) + "." + groups[-1]), False  # 26,013,94
        return None
    if seps.count(seps[-1]) == 1 and seps[0] != seps[-1] and thousands:
        return float("".join(groups[:-1]) + "." + groups[-1]), False  # 1,234.5 / 1.234,5
    return None


def _digit_atoms(t: str, s: int, e: int) -> list[_Atom]:
    m = _NUM_PARTS_RE.fullmatch(t, s, e)
    v = _digit_value(m.group("core")) if m else None
    if v is None:  # a list (IP address, version, "1,2,3"): one "other" number per part
        return [_Atom("f", s + a.start(), s + a.end(), val=float(a.group()), typ="other")
                for a in re.finditer(r"\d+", t[s:e])]
    val, dot3 = v
    try:
        if m.group("e"):
            val *= 10.0 ** int(m.group("e"))
        if m.group("p"):
            val = val ** _num(m.group("p"))
    except (OverflowError, ZeroDivisionError):
        pass
    if isinstance(val, complex) or not math.isfinite(val):
        val = v[0]
    return [_Atom("d", s, e, val=val, dot3=dot3)]


def _date_atoms(t: str, s: int, e: int) -> list[_Atom]:
    parts = list(re.finditer(r"\d+", t[s:e]))
    out = [_Atom("f", s + a.start(), s + a.end(), val=float(a.group()),
                 typ="year" if len(a.group()) == 4 else "date_part") for a in parts]
    if out[0].typ != "year":
        out[-1].typ = "year"  # 14/3/26
    return out


def _phone_atoms(t: str, s: int, e: int) -> list[_Atom]:
    digits = re.sub(r"\D", "", t[s:e])
    if len(digits) >= 8:
        return [_Atom("f", s, e, val=float(digits), typ="other", unit="phone")]
    out = []
    for sm in re.finditer(_DIGITS, t[s:e]):
        out.extend(_digit_atoms(t, s + sm.start(), s + sm.end()))
    return out


def _slash_atoms(t: str, s: int, e: int) -> list[_Atom]:
    """``2022/2023`` year pair, ``14/3`` day and month (after في, يوم …), else a fraction."""
    a_s, b_s = t[s:e].split("/")
    a, b = float(a_s), float(b_s)
    if len(a_s) == 4 and 1000 <= a <= 2100 and (
            (len(b_s) == 4 and 0 < b - a <= 10) or (len(b_s) == 2 and b == (a + 1) % 100)):
        return [_Atom("f", s, e, val=(a, a + 1 if len(b_s) == 2 else b), typ="year")]
    dated = _SLASH_DATE_RE.search(t, max(0, s - 20), s) is not None
    if b and (a < b or not (1 <= a <= 31 and 1 <= b <= 12)) and not (dated and 1 <= a <= 31 and 1 <= b <= 12):
        return [_Atom("d", s, e, val=a / b, typ="fraction")]
    typ = "date_part" if 1 <= a <= 31 and 1 <= b <= 12 else "other"
    return [_Atom("f", s, s + len(a_s), val=a, typ=typ), _Atom("f", e - len(b_s), e, val=b, typ=typ)]


# --------------------------------------------------------------------------------------------
# Grammar: atoms -> single expressions
# --------------------------------------------------------------------------------------------

class _M:
    """A mention under construction; spans in the normalised text.

    ``s``/``e`` grow with hedges; ``ps`` is the start with clitics; ``cs`` the start of the
    number itself. ``mult``/``scale``: the first ``N × scale`` (so a range can share it)."""

    __slots__ = ("s", "e", "ps", "cs", "lo", "hi", "typ", "unit", "hedge", "scaled", "mult", "scale", "digit",
                 "is_int", "words", "ordinal", "frac", "vague", "final", "ranged", "sign", "tail", "dot3")

    def __init__(self, s, e, lo, hi=None, *, ps=None, typ=None, unit=None, hedge="exact", vague=False,
                 words=False, frac=False):
        self.s, self.e = s, e
        self.ps = s if ps is None else ps
        self.cs = s
        self.lo, self.hi = lo, (lo if hi is None and not vague else hi)
        self.typ, self.unit, self.hedge = typ, unit, hedge
        self.scaled, self.mult, self.scale = False, None, None
        self.digit = self.is_int = self.ordinal = self.final = self.ranged = self.sign = self.dot3 = False
        self.words, self.frac, self.vague = words, frac, vague
        self.tail = None  # a last unit joined by و (مائة و ثلاثة): numerator of a following أرباع


class _Parser:
    """Recursive descent over the atom list; ``link[i]`` says how atom i joins atom i-1."""

    def __init__(self, t: str, atoms: list[_Atom]):
        self.t, self.a, self.n = t, atoms, len(atoms)
        self.link: list[str | None] = [None] + [self._link(p, c) for p, c in zip(atoms, atoms[1:])]

    def _link(self, p: _Atom, c: _Atom) -> str | None:
        gap = self.t[p.e:c.ps]
        if not gap.strip():
            return "wa" if c.pre.startswith("و") else "adj"
        if not c.pre and _WA_GAP_RE.fullmatch(gap):
            return "wa"
        return None

    def _word(self, i: int, kind: str):
        if i < self.n and self.a[i].kind == "w":
            return self.a[i].r.get(kind)
        return None

    def _linked(self, i: int, how: str) -> bool:
        return i < self.n and self.link[i] == how

    def _bare_adj(self, i: int) -> bool:
        """Atom i follows directly, without clitics (ثلاث مئة, not ثلاث بالمئة)."""
        return self._linked(i, "adj") and not self.a[i].pre

    # -- cardinals ---------------------------------------------------------------------------
    def _unit(self, i: int):
        """(value, is_ordinal) of a unit word (واحد, الثالث, حادي), or None."""
        a = self.a[i]
        if ORD in a.r and a.art:
            return a.r[ORD], True
        if ONEC in a.r and a.form in _ORDINAL_CONSTRUCT:
            return a.r[ONEC], True
        if ONE in a.r:
            return a.r[ONE], False
        if ONEC in a.r:
            return a.r[ONEC], False
        return None

    def below100(self, i: int, after_hundred: bool = False):
        """A value below 100 at i: (value, next, ordinal) or None."""
        if i >= self.n:
            return None
        a = self.a[i]
        if a.kind == "d":
            ok = after_hundred and a.typ is None and a.val < 100
            return (a.val, i + 1, False) if ok else None
        if a.kind != "w":
            return None
        u = self._unit(i)
        if u is not None:
            v, ordf = u
            if 1 <= v <= 9 and self._word(i + 1, TEN) and self._linked(i + 1, "adj"):
                return 10 + v, i + 2, ordf  # ثلاثة عشر, الحادي عشر
            if 1 <= v <= 9 and self._word(i + 1, TENS) and self._linked(i + 1, "wa"):
                return v + self._word(i + 1, TENS), i + 2, ordf  # خمسة وعشرون
            if ONE not in a.r and not ordf:
                return None  # أحد, إحدى, اثنا: numbers only inside a compound
            if (v == 0 and after_hundred) or (a.art and a.form in _MONDAY):
                return None
            return v, i + 1, ordf
        if TEN in a.r:
            return 10, i + 1, False
        if TENS in a.r:
            return a.r[TENS], i + 1, a.art  # العشرين alone: twentieth
        sc = a.r.get(SCALE)
        if sc and sc[0] == 12 and sc[1] in ("si", "du"):
            return (24 if sc[1] == "du" else 12), i + 1, False  # دزينة, دزينتين
        return None

    def group(self, i: int):
        """A sub-thousand group or a digit number at i: (value, next, info) or None."""
        a = self.a[i]
        h = None
        if a.kind == "d":
            if a.typ is not None:
                return a.val, i + 1, {"frac": True}
            if self._word(i + 1, HUND) == 100 and self._bare_adj(i + 1) and a.val in range(1, 10):
                h, j = a.val * 100, i + 2  # 3 مائة
            else:
                return a.val, i + 1, {"digit": True}
        elif a.kind == "w":
            if HUND in a.r:
                h, j = a.r[HUND], i + 1
            elif a.r.get(ONE) in range(1, 10) and self._word(i + 1, HUND) == 100 and self._bare_adj(i + 1):
                h, j = a.r[ONE] * 100, i + 2  # ثلاث مئة
        else:
            return None
        if h is not None:
            if self._linked(j, "wa"):
                r = self.below100(j, after_hundred=True)
                if r is not None:
                    tail = r[0] if r[1] == j + 1 and r[0] < 10 else None
                    return h + r[0], r[1], {"hund": True, "ord": r[2], "tail": tail}
            return h, j, {"hund": True}
        r = self.below100(i)
        if r is None:
            return None
        return r[0], r[1], {"ord": r[2], "art_tens": TENS in a.r and a.art}

    def _scale_at(self, k: int, j: int):
        """The scale word at k if it follows the group that started at j directly."""
        sc = self._word(k, SCALE)
        if sc is not None and (k == j or (self.link[k] == "adj" and not self.a[k].pre)):
            return sc
        return None

    def cardinal(self, i: int):
        """A whole cardinal at i: groups × descending scales joined by و. (_M, next) or None."""
        total, j, last, parts = 0.0, i, None, 0
        mult = scale = info0 = tail = None
        ordinal = False
        while j < self.n:
            if parts and self.link[j] not in ("wa", "adj"):
                break
            g = self.group(j)
            gv, k, info = g if g is not None else (None, j, {})
            sc = self._scale_at(k, j)
            if sc is not None:
                sv, num = sc
                if (last is not None and sv >= last) or (gv is None and num == "pl") or (gv is not None and num == "du"):
                    break
                if parts and self.link[j] == "adj" and not (info.get("hund") or gv is None):
                    break  # 10 آلاف 5 …: only "4 آلاف 3 مائة" may follow without و
                if parts == 0:
                    mult, scale, info0 = gv, sv, info
                if gv is None:  # ألفا جندي: two thousand; بلغ العدد ألفا.: a thousand (accusative)
                    gv = 2 if num == "du" or (num == "am" and not _END_AFTER_RE.match(self.t, self.a[k].e)) else 1
                total += gv * sv
                last, j, parts = sv, k + 1, parts + 1
                ordinal = ordinal or info.get("ord", False)
                tail = None
                continue
            if gv is None:
                break
            if parts:
                if gv >= last or (self.link[j] == "adj" and not info.get("hund")):
                    break
                if info.get("digit") and self.link[j] != "wa":
                    break
                tail = gv if k == j + 1 and gv < 10 else None
            else:
                info0 = info
            tail = info.get("tail", tail)
            total += gv
            ordinal = ordinal or info.get("ord", False)
            j, parts = k, parts + 1
            break
        if parts == 0:
            return None
        first = self.a[i]
        m = _M(first.s, self.a[j - 1].e, total, ps=first.ps, words=first.kind == "w")
        m.scaled, m.mult, m.scale, m.tail = last is not None, mult, scale, tail
        m.digit = j == i + 1 and first.kind == "d" and first.typ is None
        m.dot3 = m.digit and first.dot3
        m.is_int = m.digit and self.t[first.s:first.e].isdigit()
        m.ordinal = ordinal or bool(info0.get("art_tens") and j == i + 1)
        m.frac = bool(info0.get("frac")) and last is None
        return m, j

    # -- fractions ---------------------------------------------------------------------------
    def tails(self, m: _M, j: int):
        """Fraction parts after a cardinal: ثلاثة أرباع, عشرون خمس, واحد ونصف, مليون ونصف,
        خمس فاصلة خمسة."""
        den = self._word(j, DEN)
        if den and self._linked(j, "adj") and not m.scaled and (den[1] == "pl" or (m.words and not m.digit)):
            if m.tail is not None and den[1] == "pl":
                m.lo = m.lo - m.tail + m.tail / den[0]  # مائة و ثلاثة أرباع = 100 + 3/4
            else:
                m.lo = m.lo / den[0]
            m.frac, m.e, j = True, self.a[j].e, j + 1
        if self._linked(j, "wa"):
            f = self._word(j, FRAC)
            if f is not None and not self.a[j].art:
                m.lo += f * (m.scale if m.scaled else 1)
                m.frac = m.frac or not m.scaled
                m.e, j = self.a[j].e, j + 1
            elif self.a[j].kind in ("w", "d"):
                c = self.cardinal(j)
                if c is not None and not c[0].scaled:
                    d2 = self._word(c[1], DEN)
                    if d2 and d2[1] == "pl" and self._linked(c[1], "adj"):
                        m.lo += c[0].lo / d2[0]  # عشرون وثلاثة أخماس
                        m.frac, m.e, j = True, self.a[c[1]].e, c[1] + 1
        if self._word(j, POINT) is not None and self._linked(j, "adj") and not m.scaled and self._linked(j + 1, "adj"):
            c = self.cardinal(j + 1)
            if c is not None and not c[0].scaled and c[0].lo == int(c[0].lo) and c[0].lo >= 0:
                digits = str(int(c[0].lo))
                m.lo += int(digits) / 10 ** len(digits)  # خمسة فاصلة خمسة
                m.e, j = c[0].e, c[1]
        m.hi = m.lo
        return m, j

    def ratio(self, m: _M, j: int, part: bool = False):
        """``X جزء من Y``, ``X من Y`` (X < Y), ``X على Y``; ``part``: m is the word جزء itself."""
        if not part and self._word(j, PART) is not None and self._linked(j, "adj"):
            part, j0 = True, j + 1
        else:
            j0 = j
        if j0 >= self.n or j0 == 0 or m.ordinal or m.vague or m.typ in _DATE_TYPES:
            return m, j
        gap = self.t[self.a[j0 - 1].e:self.a[j0].ps]
        over = not part and _OVER_GAP_RE.fullmatch(gap) is not None
        if not (over or _FROM_GAP_RE.fullmatch(gap)):
            return m, j
        c = self.value(j0)
        if c is None:
            return m, j
        d, k = c
        if d.vague or d.ordinal or d.typ in _DATE_TYPES or d.lo == 0 or not (part or over or m.lo < d.lo):
            return m, j
        m.lo = m.hi = m.lo / d.lo
        m.e, m.frac, m.scaled, m.digit, m.is_int = d.e, True, False, False, False
        return m, k

    def value(self, i: int):
        """A cardinal or a fraction word with its tails, maybe negated by سالب/ناقص."""
        neg = self._word(i, NEG) is not None and self._linked(i + 1, "adj")
        j0 = i + 1 if neg else i
        if j0 >= self.n:
            return None
        c = self.cardinal(j0) if self.a[j0].kind in ("w", "d") else None
        if c is None:
            c = self.fraction_alone(j0)
        if c is None:
            return None
        m, j = self.tails(*c)
        if neg:
            m.lo, m.hi = -m.lo, -m.hi
            m.s = m.ps = self.a[i].s
        return m, j

    def fraction_alone(self, i: int):
        """نصف, ثلثي …, and ``نصف مليون`` (a fraction of a scale is a count)."""
        f = self._word(i, FRAC)
        if f is None:
            return None
        a = self.a[i]
        sc = self._word(i + 1, SCALE)
        if sc is not None and sc[1] in ("si", "am") and self._linked(i + 1, "adj"):
            m = _M(a.s, self.a[i + 1].e, f * sc[0], ps=a.ps, words=True)
            m.scaled, m.mult, m.scale = True, f, sc[0]
            return m, i + 2
        return _M(a.s, a.e, f, ps=a.ps, frac=True, words=True), i + 1

    # -- other shapes ------------------------------------------------------------------------
    def vague(self, i: int):
        """عشرات, مئات, عدة آلاف, عشرات الآلاف, بضع مئات, الملايين, بضعة عشر."""
        a = self.a[i]
        v, sc = self._word(i, VAGUE), self._word(i, SCALE)
        if v is None and not (sc and sc[1] == "pl"):
            return None
        lo = float(v[0] * v[1]) if v is not None else float(sc[0])
        j = i + 1
        if v is not None and v[1] == 1 and self._word(j, TEN) and self._linked(j, "adj"):
            lo, j = 10.0 + v[0], j + 1  # بضعة عشر
        elif v is not None and v[1] == 1 and self._word(j, TENS) and self._linked(j, "wa"):
            lo, j = v[0] + self._word(j, TENS), j + 1  # بضع وعشرون
        while j < self.n and self._linked(j, "adj"):
            s2, v2 = self._word(j, SCALE), self._word(j, VAGUE)
            if s2 and s2[1] == "pl" and s2[0] >= 1000:
                lo *= s2[0]
            elif v2 and v2[1] > 1 and lo < 10 * v2[1]:
                lo *= v2[1]
            else:
                break
            j += 1
        return _M(a.s, self.a[j - 1].e, lo, None, ps=a.ps, vague=True, hedge="vague", words=True), j

    def dual_noun(self, i: int):
        d = self._word(i, DUALN)
        if d is None:
            return None
        a = self.a[i]
        return _M(a.s, a.e, 2.0, ps=a.ps, typ=d[0], unit=d[1], words=True), i + 1

    def part_ratio(self, i: int):
        """``جزء من مئة`` with no number before: 1/100."""
        if self._word(i, PART) is None:
            return None
        a = self.a[i]
        m, j = self.ratio(_M(a.s, a.e, 1.0, ps=a.ps, words=True), i + 1, part=True)
        return (m, j) if j > i + 1 else None

    def parse(self) -> list[_M]:
        out: list[_M] = []
        i = 0
        while i < self.n:
            a = self.a[i]
            if a.kind == "f":
                lo, hi = a.val if isinstance(a.val, tuple) else (a.val, a.val)
                m = _M(a.s, a.e, lo, hi, typ=a.typ, unit=a.unit)
                m.final, m.ranged = True, isinstance(a.val, tuple)
                out.append(m)
                i += 1
                continue
            r = self.value(i)
            if r is not None:
                r = self.ratio(*r)
                if a.kind == "d":
                    self._digit_context(r[0])
            r = r or self.vague(i) or self.dual_noun(i) or self.part_ratio(i)
            if r is None:
                i += 1
                continue
            out.append(r[0])
            i = r[1]
        return out

    def _digit_context(self, m: _M) -> None:
        """A sign before a digit number, and ``1.200 جندي`` read as 1200."""
        t = self.t
        if m.s > 0 and t[m.s - 1] in "-+" and (m.s == 1 or not t[m.s - 2].isalnum()):
            if t[m.s - 1] == "-":
                m.lo, m.hi, m.sign = -m.lo, -m.hi, True
            m.s = m.ps = m.s - 1
        if m.dot3 and re.match(rf"\s+{L}", t[m.e:m.e + 3]):
            after = _WORD_RE.match(t, m.e + len(t[m.e:m.e + 3]) - len(t[m.e:m.e + 3].lstrip()))
            if not (after and SCALE in _WORDS[after.group("w0") or after.group("w")]):
                m.lo = m.hi = round(m.lo * 1000)  # a dot before 3 digits and a noun: thousands
        m.cs = m.s


# --------------------------------------------------------------------------------------------
# Ranges, hedges, bounds
# --------------------------------------------------------------------------------------------

def _percent_signs(t: str, ms: list[_M]) -> None:
    """Put ``%`` / ``في المئة`` inside the span first, so ranges and hedges see past them."""
    for m in ms:
        if not m.final and not m.vague:
            pm = _PERCENT_AFTER_RE.match(t, m.e)
            if pm:
                m.e, (m.typ, m.unit) = pm.end(), _UNIT_OF[re.sub(r"\s+", " ", pm.group("u"))]


def _merge_ranges(t: str, ms: list[_M]) -> list[_M]:
    out: list[_M] = []
    i = 0
    while i < len(ms):
        merged = _try_range(t, ms[i], ms[i + 1]) if i + 1 < len(ms) else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(ms[i])
            i += 1
    return out


def _rangeable(m: _M) -> bool:
    return not (m.vague or m.ranged or m.ordinal or m.typ in ("date_part", "other") or (m.final and m.typ != "year"))


def _try_range(t: str, a: _M, b: _M) -> _M | None:
    if not (_rangeable(a) and _rangeable(b)) or (a.typ == "percentage" and b.typ != "percentage"):
        return None
    if b.sign:
        lk = _LINK_RE.fullmatch(t, a.e, b.s + 1)
    else:  # the link may be a clitic of the second number (و12 ألف)
        lk = _LINK_RE.fullmatch(t, a.e, b.ps) or _LINK_RE.fullmatch(t, a.e, b.s)
    if lk is None:
        return None
    kind = lk.lastgroup
    if b.sign and kind != "dash":
        return None
    ws = max(0, a.ps - 40)
    cue = _BETWEEN_RE.search(t, ws, a.ps)
    between = cue is not None
    if cue is None:
        cue = _FROM_RE.search(t, ws, a.ps)
    if cue is not None and not between and _CHANGE_RE.search(t, max(0, cue.start() - 60), cue.start()):
        return None  # ارتفع عدد القتلى من 200 إلى 300: a change, not a range
    lo, hi = a.lo, (-b.lo if b.sign else b.lo)
    if not a.scaled and b.scaled and b.mult is not None and not a.frac and 0 < lo < b.mult:
        lo *= b.scale  # بين 10 و12 ألف
    typ = None
    if kind == "dash" and a.is_int and b.is_int and 1000 <= lo <= 2100 and not cue:
        bt = t[b.cs + (1 if b.sign else 0):b.e]
        if bt.startswith("0"):
            b.typ = "date_part"  # 1995-01: a month
            return None
        if len(bt) == 2 and hi > lo % 100:
            hi, typ = lo // 100 * 100 + hi, "year"  # 1950-53
        elif len(bt) == 4 and 1000 <= hi <= 2100:
            typ = "year"
    if between:
        ok = kind in ("and", "to", "dash")
    elif cue is not None:
        ok = kind in ("to", "dash")
    elif kind == "dash":
        ok = not a.words and not b.words
    elif kind == "to":
        ok = _CHANGE_RE.search(t, max(0, a.ps - 60), a.ps) is None
    elif kind == "or":
        ok = a.digit == b.digit and lo > 0 and hi <= 2 * lo + 1
    else:
        ok = False
    if not ok or not lo < hi:
        return None
    s = cue.start("cue") if cue is not None else a.s
    m = _M(s, b.e, lo, hi, ps=s, typ=typ or (b.typ if b.typ == "percentage" else None), words=a.words or b.words,
           hedge="approx" if kind == "or" else "exact", frac=a.frac and b.frac)
    m.unit = b.unit if b.typ == "percentage" else None
    m.cs, m.ranged, m.scaled, m.mult, m.scale = a.cs, True, b.scaled, b.mult, b.scale
    m.is_int = a.is_int and b.is_int
    if a.typ == "year" and b.typ == "year":
        m.typ = "year"
    return m


def _hedges(t: str, ms: list[_M]) -> None:
    for idx, m in enumerate(ms):
        if m.vague or m.typ in _DATE_TYPES:
            continue
        prev_end = ms[idx - 1].e if idx else 0
        nxt = ms[idx + 1].s if idx + 1 < len(ms) else len(t)
        lo = max(prev_end, m.ps - 40)
        pre = _PRE_HEDGE_RE.search(t, lo, m.ps) if _may_end_pre_hedge(t, lo, m.ps) else None
        pre_h = pre.lastgroup.removeprefix("s_") if pre else None
        if m.ranged and pre_h != "approx":
            pre_h = None
        post = _POST_HEDGE_RE.match(t, m.e)
        if post and _COMPARATIVE_RE.search(post.group(post.lastgroup)) and _OPENER_RE.match(t, post.end()):
            post = None
        post_h = post.lastgroup if post and post.end() <= nxt and "\n" not in t[m.e:post.end()] else None
        if post_h == "or_equal" and (post.group("skip") or pre_h not in ("more_than", "less_than")):
            post_h = None
        if m.ranged and post_h != "approx":
            post_h = None
        hedge = pre_h
        if post_h == "or_equal":
            hedge = "at_least" if pre_h == "more_than" else "at_most"
        elif post_h is not None and pre_h in (None, "exact", "approx"):
            hedge = post_h
        else:
            post_h = None
        if pre_h is not None:
            m.s = m.ps = pre.start(pre.lastgroup)
        if post_h is not None:
            m.e = post.end()
        if hedge is not None:
            m.hedge = hedge


def _bounds(t: str, ms: list[_M]) -> list[_M]:
    """``أكثر من 100 وأقل من 300``, ``على الأكثر 100 وعلى الأقل 20`` -> one interval."""
    out: list[_M] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        if b is not None and not (a.ranged or b.ranged) and _BOUNDS_GAP_RE.fullmatch(t, a.e, b.s):
            low, up = (a, b) if a.hedge in _LOWER and b.hedge in _UPPER else (
                (b, a) if a.hedge in _UPPER and b.hedge in _LOWER else (None, None))
            if low is not None and low.lo < up.hi:
                m = _M(a.s, b.e, low.lo, up.hi, ps=a.ps, typ=up.typ or low.typ, unit=up.unit or low.unit)
                m.cs, m.ranged = a.cs, True
                out.append(m)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _vague_phrases(t: str, ms: list[_M]) -> list[_M]:
    """عدد كبير, أعداد قليلة …: whole phrases, where no number was found."""
    if not any(w in t for w in _VAGUE_FIRST_WORDS):     # most texts have none: skip the scan
        return ms
    extra = []
    for pm in _VAGUE_PHRASE_RE.finditer(t):
        s, e = pm.span("p")
        if not any(m.s < e and s < m.e for m in ms):
            extra.append(_M(s, e, float(_VAGUE_PHRASES[re.sub(r"\s+", " ", pm.group("p"))]), None,
                            vague=True, hedge="vague", words=True))
    return sorted(ms + extra, key=lambda m: m.s) if extra else ms


# --------------------------------------------------------------------------------------------
# Types
# --------------------------------------------------------------------------------------------

def _is_identifier(t: str, m: _M, ws: int) -> bool:
    """اللواء 401, القرار 2254, إف-16, mp3, (0) after a word, phone-like digit strings."""
    cs = m.cs
    if _IDENT_RE.search(t, ws, cs) or _COUNTER_RE.search(t, ws, cs):
        return True
    if _PAREN_AFTER_WORD_RE.search(t, ws, cs) and t[m.e:m.e + 2].lstrip().startswith(")"):
        return True
    if _LATIN_GLUE_RE.search(t, max(0, cs - 2), cs) or (m.e < len(t) and "a" <= t[m.e] <= "z"):
        return True
    digits = t[cs:m.e].lstrip("-+")
    return digits.isdigit() and (len(digits) >= 10 or (digits.startswith("0") and len(digits) >= 7))


def _is_year(t: str, m: _M, ws: int) -> bool:
    if not m.is_int or m.lo < 0 or m.hi > 2100:
        return False
    if _YEAR_WORD_RE.search(t, ws, m.cs):
        return True  # عام 2022, العام 1948, بين عامي 1950 و1953
    if m.lo < 1000:
        return False
    if _MONTH_BEFORE_RE.search(t, ws, m.cs) or _ERA_RE.match(t, m.e):
        return True  # يوليو 2024, 1445هـ
    if m.lo < 1900 or _END_AFTER_RE.match(t, m.e) is None:
        return False
    return m.ranged or _YEAR_PREP_RE.search(t, ws, m.ps) is not None  # في 2022. / من 2010 إلى 2020،


def _assign_type(t: str, m: _M, prev: _M | None) -> None:
    if m.typ in _DATE_TYPES or m.typ == "percentage" or m.final:
        m.typ = m.typ or "count"
        return
    ws = max(prev.e if prev else 0, m.cs - 40)
    if prev is not None and prev.typ == "year" and m.is_int and 1000 <= m.lo <= 2100 and _YEAR_LIST_GAP_RE.fullmatch(
            t, prev.e, m.ps):
        m.typ = "year"  # عامي 2022 و2023
        return
    ua = _UNIT_AFTER_RE.match(t, m.e)
    unit = _UNIT_OF[re.sub(r"\s+", " ", ua.group("u"))] if ua else None
    if m.vague or m.typ:
        if unit and unit[0] in ("money", "measure", "duration") and m.vague:
            m.typ, m.unit = unit
        m.typ = m.typ or "count"
        return
    if m.digit and _is_identifier(t, m, ws):
        m.typ = "other"
    elif _is_year(t, m, ws):
        m.typ = "year"
    elif (m.lo == int(m.lo) and 1 <= m.lo and m.hi <= 31 and not m.scaled and (m.is_int or m.words or m.ordinal)
          and _MONTH_AFTER_RE.match(t, m.e)):
        m.typ = "date_part"  # 2 يوليو, الخامس من يونيو, من 10 إلى 15 مارس
    elif unit is not None and not (unit[0] == "duration" and m.ordinal):
        m.typ, m.unit = unit
    elif (ub := _UNIT_BEFORE_RE.search(t, max(0, m.cs - 12), m.cs) or _UNIT_BEFORE_RE.search(t, ws, m.ps)):
        m.typ, m.unit = _UNIT_BEFORE[re.sub(r"\s+", " ", ub.group("u"))]
        if ub.group("u") in "$€£" and ub.start("u") < m.s:
            m.s = ub.start("u")
    elif (m.digit or m.ordinal) and m.lo <= 24 and (_TIME_AFTER_RE.match(t, m.e) or (
            m.digit and _TIME_BEFORE_RE.search(t, ws, m.cs))):
        m.typ, m.unit = "other", "time"  # الساعة 10, السابعة صباحا
    elif m.ordinal or (m.digit and _ART_DIGITS_RE.search(t, max(0, m.cs - 4), m.cs)):
        m.typ = "ordinal"  # الثالث, الدورة الـ15
    else:
        m.typ = "fraction" if m.frac and not m.scaled else "count"


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------

def find_numbers(text: str, *, normalized: Normalized | None = None) -> list[NumberMention]:
    """Every numeric expression of ``text``, sorted by start and non-overlapping.

    ``normalized`` may pass ``normalize(text)`` when the caller already has it.

    Example:
        >>> [(m.text, m.value_min, m.value_max, m.type, m.hedge) for m in find_numbers(
        ...     "أرسلت ما بين 25000 إلى 30،000 جندي، وقتل نحو 11 ألفا خلال 3 أشهر")]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('ما بين 25000 إلى 30،000', 25000, 30000, 'count', 'exact'),
         ('نحو 11 ألفا', 11000, 11000, 'count', 'approx'), ('3', 3, 3, 'duration', 'exact')]
    """
    if not text:
        return []
    nz = normalized if normalized is not None else normalize(text)
    t = nz.text
    atoms = _scan(t)
    ms = _vague_phrases(t, _Parser(t, atoms).parse() if atoms else [])
    if not ms:
        return []
    _percent_signs(t, ms)
    ms = _merge_ranges(t, ms)
    _hedges(t, ms)
    ms = _bounds(t, ms)
    prev = None
    for m in ms:
        _assign_type(t, m, prev)
        prev = m
    return _emit(text, nz, ms)


def _clean(v: float | None) -> float | int | None:
    """Ints where integral; floats rounded to 12 significant digits (1/3 -> 0.333333333333)."""
    if v is None or not math.isfinite(v):
        return v
    if v == int(v) and abs(v) < 1e18:
        return int(v)
    return float(f"{v:.12g}")


def _emit(text: str, nz: Normalized, ms: list[_M]) -> list[NumberMention]:
    out: list[NumberMention] = []
    last_end = -1
    for m in sorted(ms, key=lambda x: x.s):
        s, e = nz.span_to_src(m.s, m.e)
        if s < last_end:
            continue
        out.append(NumberMention(s, e, text[s:e], _clean(m.lo), _clean(m.hi), m.typ or "count", m.hedge, m.unit))
        last_end = e
    return out
