"""Quantitative claims: who says how many of what, and when.

From each sentence's numeric expressions of type *count* (and money), a :class:`Claim` is
built with the counted thing and its category, the hedge, the predicate and actor, the stance
(asserted / reported / denied), the reference date and the source the text attributes it to.

Hand-written because no maintained library does attribution for Arabic news prose; the
grammar is small and explicit, the words are data (``marsad/lexicon/ar/claims.json``):

* **counted noun**: the word after the number (skipping "آخرين", "جديد", a partitive "من" and
  demonstratives: "الآلاف من القوات", "1000 من هؤلاء الأشخاص"), else a bigram; when nothing
  follows, "عدد/حصيلة X" before the number, or a pronoun ("4000 منهم") resolved through the
  sentence's predicate ("قتلوا أو أصيبوا" -> casualties) or the previous claim;
* **source**, in order of precedence: "وفقًا لـ/بحسب/حسب/نقلًا عن/مستشهدة بـ X" in the same
  sentence; a reporting verb with its subject before the clause ("قالت الوزارة إن ...",
  "الوزارة قالت إن ...", "قام X بتقييم أن ...", "تقارير X التي تفيد بـ ..."); a reporting verb after
  the clause ("... ، قال المتحدث"); a source noun ("تقديرات X"); a verb with no subject
  ("وقال إن", "وأضاف أن") continues the previous sentence's speaker; a following sentence
  naming the origin ("وتأتي هذه الأرقام من X"); otherwise the article itself (``None``);
* **stance**: a denial cue before the figure ("نفى", "رفض الادعاءات", "لا تحتوي على معلومات").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

from marsad.extract.when import resolve_ref_date
from marsad.ingest.dates import month_table
from marsad.text.normalize import norm, normalize
from marsad.text.numbers import NumberMention, find_numbers
from marsad.text.sentences import Sentence, split_sentences
from marsad.text.tokens import word_forms as _word_forms

__all__ = ["Claim", "Source", "ClaimLexicon", "load_lexicon", "extract_claims", "CLAIM_TYPES"]

CLAIM_TYPES = frozenset({"count", "money"})

# word_forms is pure; memoising it changes no result and saves most of this stage's time
word_forms = lru_cache(maxsize=1 << 16)(_word_forms)
_WORD = re.compile(r"\w+")
_BREAK = re.compile(r"[،,.:;!?«»\"“”()\[\]؛؟]|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class Source:
    """Who the text says a figure comes from; ``start/end`` index the article text."""

    text: str
    start: int
    end: int
    cue: str                     # according_to | verb_before | verb_after | noun | continuation | origin
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantitative claim. ``start/end`` (number and counted noun) index the article text."""

    start: int
    end: int
    text: str
    value_min: float | int | None
    value_max: float | int | None
    qualifier: str
    category: str
    noun: str | None
    predicate: str | None
    actor: str | None
    stance: str                  # asserted | reported | denied
    ref_date: str | None
    ref_date_from: str           # text | article | none
    source: Source | None
    sentence_start: int
    sentence_end: int
    number_start: int
    number_end: int
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = None if self.source is None else asdict(self.source)
        return d


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    nouns: dict[str, str]                 # normalised noun form -> category
    bigrams: dict[str, str]
    pronouns: frozenset[str]
    partitive: frozenset[str]
    skip: frozenset[str]
    verbs: dict[str, tuple[str, str | None]]  # verb form -> (predicate, category)
    reporting: frozenset[str]
    continuation: frozenset[str]
    complementisers: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]   # cue word sequences; a final "ل"/"ب" is a clitic
    according_first: frozenset[str]
    source_nouns: frozenset[str]
    origin: frozenset[str]
    denial: tuple[str, ...]
    relatives: frozenset[str]
    auxiliaries: frozenset[str]
    clause_openers: frozenset[str]
    function_words: frozenset[str]
    others: frozenset[str]
    visit_times: frozenset[str]
    multipliers: frozenset[str]
    duals: dict[str, str]
    construct_casualty: frozenset[str]


def _n(words: Iterable[str]) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


@lru_cache(maxsize=1)
def load_lexicon() -> ClaimLexicon:
    data = json.loads(resources.files("marsad.lexicon.ar").joinpath("claims.json").read_text("utf-8"))
    nouns: dict[str, str] = {}
    bigrams: dict[str, str] = {}
    for cat, words in data["nouns"].items():
        for w in words:
            k = norm(w)
            (bigrams if " " in k else nouns).setdefault(k, cat)
    verbs = {}
    for pred, spec in data["verbs"].items():
        for w in spec["words"]:
            verbs.setdefault(norm(w), (pred, spec.get("category")))
    return ClaimLexicon(
        nouns=nouns, bigrams=bigrams, pronouns=_n(data["pronouns"]), partitive=_n(data["partitive"]),
        skip=_n(data["skip_after_number"]), verbs=verbs, reporting=_n(data["reporting_verbs"]),
        continuation=_n(data["continuation_verbs"]), complementisers=_n(data["complementisers"]),
        according_to=tuple(tuple(norm(c).split()) for c in sorted(data["according_to"], key=len, reverse=True)),
        according_first=frozenset(norm(c).split()[0] for c in data["according_to"]),
        source_nouns=_n(data["source_nouns"]), origin=_n(data["source_origin"]),
        denial=tuple(norm(d) for d in data["denial"]), relatives=_n(data["relative_pronouns"]),
        auxiliaries=_n(data["auxiliary_verbs"]), clause_openers=_n(data["clause_openers"]),
        function_words=_n(data["function_words"]), others=_n(data["others"]),
        visit_times=_n(data["times_words"]["visits"]), multipliers=_n(data["times_words"]["multiplier"]),
        duals={norm(w): cat for cat, ws in data["masculine_duals"].items() for w in ws},
        construct_casualty=_n(data["construct_casualty_nouns"]),
    )


# ---------------------------------------------------------------- words of a sentence

@dataclass(frozen=True, slots=True)
class _Word:
    text: str          # normalised
    start: int         # span in the article text
    end: int
    gap: str           # normalised text between the previous word and this one


def _words(text: str, sent: Sentence) -> list[_Word]:
    n = normalize(sent.text)
    out: list[_Word] = []
    prev = 0
    for m in _WORD.finditer(n.text):
        s, e = n.span_to_src(m.start(), m.end())
        out.append(_Word(m.group(), sent.start + s, sent.start + e, n.text[prev:m.start()]))
        prev = m.end()
    return out


def _lookup(forms: Sequence[str], table: dict[str, str]) -> str | None:
    for f in forms:
        hit = table.get(f)
        if hit:
            return hit
        # accusative tanwin alef and feminine/plural endings the lexicon may not list
        for suf in ("ا", "ين", "ان", "ون", "ات", "ه"):
            if f.endswith(suf) and len(f) - len(suf) >= 3:
                hit = table.get(f[: -len(suf)])
                if hit:
                    return hit
    return None


def _is_break(w: _Word) -> bool:
    return bool(_BREAK.search(w.gap))


# ---------------------------------------------------------------- counted noun

_DEMONSTRATIVES = _n(["هؤلاء", "هذه", "هذا", "تلك", "ذلك", "اولئك"])
_COUNT_CONTEXT = _n(["عدد", "حصيله", "اجمالي", "مجموع", "تعداد", "رقم"])
_TOLL = _n(["حصيله", "ضحايا", "الضحايا"])


def _content_word(w: _Word, lex: ClaimLexicon) -> bool:
    """Could ``w`` be a counted noun? (an Arabic word that is no function word, time or unit)."""
    t = w.text
    if not t.isalpha() or len(t) < 2 or not ("\u0600" <= t[0] <= "\u06ff"):
        return False
    return not any(f in lex.function_words or f in _TIME_WORDS for f in word_forms(t))


def _counted(words: list[_Word], i0: int, i1: int, lex: ClaimLexicon) -> tuple[str | None, str | None, int]:
    """(category, noun, index of the evidence's last word) for the number at words[i0..i1].

    The category is ``None`` with a noun for pronouns and "others" ("منهم", "آخرون"), which
    the caller resolves from context, and ``None, None`` when nothing is counted.
    """
    for k in range(i0 + 1, i1 + 1):                 # "14 شخصًا على الأقل": the noun inside the span
        cat = _lookup(word_forms(words[k].text), lex.nouns)
        if cat and not words[k].text.isdigit():
            return cat, words[k].text, i1
    j = i1 + 1
    steps = 0
    while j < len(words) and steps < 3 and not _is_break(words[j]):
        w = words[j]
        forms = word_forms(w.text)
        if j + 1 < len(words) and not _is_break(words[j + 1]):
            pair = [f + " " + words[j + 1].text for f in forms]
            bg = _lookup(pair, lex.bigrams)
            if bg:
                return bg, w.text + " " + words[j + 1].text, j + 1
            if any(p in lex.skip for p in pair):
                j += 2
                steps += 1
                continue
        cat = _lookup(forms, lex.nouns)
        if cat:
            return cat, w.text, j
        if w.text in lex.pronouns or w.text in lex.others:
            return None, w.text, j
        if w.text in lex.skip or w.text in lex.partitive or w.text in _DEMONSTRATIVES or any(f in lex.skip for f in forms):
            j += 1
            steps += 1
            continue
        if steps == 0 and _content_word(w, lex) and not w.text.startswith(("ال", "لل")):
            return "other", w.text, j        # "زهاء 600 منزل", "9 آلاف خيمة"; a counted noun is indefinite
        break
    # "عدد القتلى ... 312", "حصيلة الضحايا ... إلى 870"
    for k in range(i0 - 1, max(-1, i0 - 8), -1):
        w = words[k]
        if w.text in _COUNT_CONTEXT or any(f in _COUNT_CONTEXT for f in word_forms(w.text)):
            for m in range(k + 1, min(i0, k + 3)):
                cat = _lookup(word_forms(words[m].text), lex.nouns)
                if cat:
                    return cat, words[m].text, i1
            if any(f in _TOLL for f in word_forms(w.text)):
                return "casualties", w.text, i1
        if _is_break(w) and k < i0 - 1:
            break
    return None, None, i1


_CASUALTY_PREDICATES = frozenset({"killed", "wounded"})


def _near_predicate(words: list[_Word], i0: int, last: int, lex: ClaimLexicon, preds: frozenset[str]) -> str | None:
    """A predicate of ``preds`` next to the figure in the same clause ("قتل 27 مدنيًا", "320 شخصًا أصيبوا")."""
    around = list(range(last + 1, min(len(words), last + 5))) + list(range(i0 - 1, max(-1, i0 - 4), -1))
    for k in around:
        if (k > last and _HARD_BREAK.search(words[k].gap)) or (k < i0 and _HARD_BREAK.search(words[k + 1].gap)):
            continue
        for f in word_forms(words[k].text):
            hit = lex.verbs.get(f)
            if hit and hit[0] in preds:
                return hit[0]
    return None


def _dual(w: _Word, lex: ClaimLexicon) -> str | None:
    """Category of a dual noun standing for the number two ("زيارتين", "جنديين")."""
    t = w.text
    if not t.endswith(("ين", "ان")):
        return None
    for f in word_forms(t):
        if f in lex.duals:
            return lex.duals[f]
        if len(f) >= 6 and f.endswith(("تين", "تان")):   # feminine duals cannot be plurals
            cat = lex.nouns.get(f[:-3] + "ه")
            if cat:
                return cat
    return None


def _predicate(words: list[_Word], i0: int, lex: ClaimLexicon) -> tuple[str | None, str | None, int | None]:
    """Nearest predicate verb, before the number first: (predicate, category, index)."""
    order = list(range(i0 - 1, -1, -1)) + list(range(i0 + 1, len(words)))
    for k in order:
        for f in word_forms(words[k].text):
            hit = lex.verbs.get(f)
            if hit:
                return hit[0], hit[1], k
    return None, None, None


# ---------------------------------------------------------------- sources

_TIME_WORDS = _n(["يوم", "اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
                  "صباح", "مساء", "ليله", "فجر", "ظهر", "الاسبوع", "الشهر", "العام", "السنه", "مؤخرا", "سابقا", "حاليا",
                  "مرارا", "ايضا", "كذلك", "اول", "الاول", "الماضي", "الحالي"])
_NP_STOP = _n(["ل", "لـ", "في بيان", "للصحفيين", "للصحافيين", "لوسائل", "امام", "خلال", "عبر", "على", "الي", "بعد", "قبل", "حيث",
               "التي", "الذي", "الذين", "والتي", "والذي", "مع", "منذ", "لقناه", "لصحيفه", "لوكاله", "لشبكه", "انه", "انها",
               "بان", "ان", "هو", "هي", "قد", "لقد", "لم", "لن", "لا", "ما", "كما", "وقت"])
_IN_STOP_NEXT = _n(["بيان", "بيانه", "بيانها", "تصريح", "تصريحات", "تصريحه", "مؤتمر", "رساله", "رسالته", "حديث",
                    "مقابله", "تغريده", "منشور", "وقت", "اتصال", "كلمه", "خطاب"])


def _np(words: list[_Word], k: int, limit: int = 9, stop_at: int | None = None) -> tuple[int, int] | None:
    """Noun phrase starting at words[k]: indices [k, end) up to a stop word or punctuation."""
    end = k
    stop_at = len(words) if stop_at is None else stop_at
    while end < stop_at and end - k < limit:
        w = words[end]
        if end > k and _is_break(w):
            break
        if w.text in _NP_STOP or w.text in _TIME_WORDS:
            break
        if w.text == "في" and end + 1 < len(words) and (
                words[end + 1].text in _IN_STOP_NEXT or words[end + 1].text in month_table()
                or words[end + 1].text.isdigit() or words[end + 1].text in _TIME_WORDS):
            break
        end += 1
    return (k, end) if end > k else None


def _source(text: str, words: list[_Word], a: int, b: int, cue: str) -> Source:
    s, e = words[a].start, words[b - 1].end
    if text.count("(", s, e) > text.count(")", s, e) and text[e:e + 1] == ")":
        e += 1                                        # "جهاز المخابرات (NIS)"
    return Source(text[s:e], s, e, cue)


def _according_to(text: str, words: list[_Word], lex: ClaimLexicon) -> list[tuple[int, Source]]:
    """Every "وفقًا لـ X" / "بحسب X" in the sentence: (cue index, source)."""
    out = []
    firsts = lex.according_first
    for i, w in enumerate(words):
        if w.text not in firsts and not (w.text.startswith("و") and w.text[1:] in firsts):
            continue
        for cue in lex.according_to:
            n = len(cue)
            last = cue[-1]
            seq = [x.text for x in words[i : i + n]]
            if len(seq) < n:
                continue
            first = seq[0][1:] if seq[0].startswith("و") and seq[0][1:] == cue[0] else seq[0]
            if last in ("ل", "ب"):  # clitic attached to the next word: "وفقا لسيول", "مستشهده بتقييم"
                if n - 1 == 0 or [first] + seq[1 : n - 1] != list(cue[:-1]):
                    continue
                nxt = words[i + n - 1]
                if not nxt.text.startswith(last) or len(nxt.text) < 3:
                    continue
                np_ = _np(words, i + n - 1)
                if np_:
                    a, b = np_
                    src = _source(text, words, a, b, "according_to")
                    off = len(last) if not nxt.text.startswith(last + "ل") or last != "ل" else 1
                    # drop the clitic letter(s) from the surface form
                    raw_first = text[nxt.start : nxt.end]
                    cut = _clitic_cut(raw_first, off)
                    src = Source(text[src.start + cut : src.end], src.start + cut, src.end, src.cue)
                    out.append((i, src))
            else:
                if [first] + seq[1:] != list(cue):
                    continue
                np_ = _np(words, i + n)
                if np_:
                    out.append((i, _source(text, words, *np_, "according_to")))
            break
    return out


def _clitic_cut(raw: str, letters: int) -> int:
    """Characters of ``raw`` covering its first ``letters`` letters plus any diacritics/tatweel."""
    i = seen = 0
    while i < len(raw) and seen < letters:
        if not ("\u064b" <= raw[i] <= "\u065f" or raw[i] in "\u0640\u0670"):
            seen += 1
        i += 1
    while i < len(raw) and ("\u064b" <= raw[i] <= "\u065f" or raw[i] in "\u0640\u0670"):
        i += 1
    return i


_DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل")


def _is_reporting(w: _Word, lex: ClaimLexicon) -> bool:
    if w.text.startswith(_DEFINITE):
        return False                                  # a word with the article is no verb
    return any(f in lex.reporting for f in word_forms(w.text))


def _is_comp(w: _Word, lex: ClaimLexicon) -> bool:
    return w.text in lex.complementisers or (w.text.startswith("ب") and w.text[1:] in lex.complementisers)


def _is_source_noun(w: _Word, lex: ClaimLexicon) -> bool:
    return any(f in lex.source_nouns for f in word_forms(w.text))


_HARD_BREAK = re.compile(r"[،,.:;!?«»\"“”؛؟]")


def _subject_before(text: str, words: list[_Word], k: int, lex: ClaimLexicon) -> Source | None:
    """Subject written before the reporting verb at ``k``: "الوزارة قالت", "تقارير X التي تفيد"."""
    if k == 0 or _is_break(words[k]):
        return None
    end = k
    if words[k - 1].text in lex.relatives:          # "تقارير جهاز المخابرات (NIS) التي تفيد"
        end = k - 1
        start = end
        while start > 0 and end - start < 10 and (start == end or not _HARD_BREAK.search(words[start].gap)):
            prev = words[start - 1]
            if _is_reporting(prev, lex) or prev.text in _NP_STOP:
                break
            start -= 1
    else:
        start = k - 1
        while (start > 0 and k - start < 8 and not _is_break(words[start]) and words[start - 1].text not in _NP_STOP
               and not _is_reporting(words[start - 1], lex) and not _is_comp(words[start - 1], lex)):
            start -= 1
        if _is_comp(words[start], lex) or _is_reporting(words[start], lex):
            return None
        if not (start == 0 or _is_break(words[start]) or words[start - 1].text in ("و", "ف")
                or _is_comp(words[start - 1], lex)):
            return None
    if any(f in lex.function_words for f in word_forms(words[start].text)) and words[start].text not in lex.relatives:
        return None                                  # "ومع ذلك ذكرت": no subject
    while start < end and (words[start].text in _TIME_WORDS or any(f in lex.auxiliaries for f in word_forms(words[start].text))):
        start += 1
    while end > start and words[end - 1].text in _TIME_WORDS:
        end -= 1
    if end <= start or words[start].text in lex.complementisers:
        return None
    return _source(text, words, start, end, "verb_before")


def _clause_initial_subject(words: list[_Word], k: int, lex: ClaimLexicon) -> bool:
    """Is the verb at ``k`` preceded, within its clause, by a short noun phrase (SVO order)?"""
    if k == 0 or _is_break(words[k]):
        return False
    start = k - 1
    while start > 0 and k - start < 6 and not _is_break(words[start]):
        start -= 1
    first = words[start]
    if not (start == 0 or _is_break(first)):
        return False
    return not any(f in lex.function_words or f in _TIME_WORDS or f in lex.complementisers
                   for f in word_forms(first.text)) and not _is_reporting(first, lex)


def _verb_before(text: str, words: list[_Word], i0: int, lex: ClaimLexicon) -> tuple[Source | None, bool]:
    """Reporting verb (or source noun) and its subject before the figure.

    Returns ``(source, continues)``: ``continues`` is true for a verb with no subject of its
    own ("وقال إن", "وأضاف أن"), whose speaker is the previous sentence's.
    """
    continues = False
    for k in range(i0 - 1, -1, -1):
        w = words[k]
        verb = _is_reporting(w, lex)
        if not verb and not _is_source_noun(w, lex):
            continue
        if not verb and w.text.startswith(("ال", "وال")):
            continue  # "المعلومات الاستخباراتية": a definite noun is not in construct with a source
        # "... ، حيث يستند أكثر من 25000 جندي": a new clause is the article's own background
        if any(_is_break(words[m]) and words[m].text in lex.clause_openers for m in range(k + 1, i0 + 1)):
            return None, False
        comp = next((m for m in range(k + 1, i0) if _is_comp(words[m], lex)), None)
        fa = next((m for m in range(k + 1, i0) if words[m].text.startswith("ب") and
                   any(f in lex.verbs or f[1:] in lex.verbs for f in word_forms(words[m].text))), None)
        stop = comp if comp is not None else (fa if fa is not None else i0)
        np_ = None
        if k + 1 < len(words) and not _HARD_BREAK.search(words[k + 1].gap):   # "وأضاف: «..." has no subject
            np_ = _np(words, k + 1, stop_at=stop)
        if verb and (words[k - 1].text in lex.relatives if k else False) or (verb and _clause_initial_subject(words, k, lex)):
            subj = _subject_before(text, words, k, lex)   # "تقارير X التي تفيد بـ", "الحكومة أعلنت تخصيص"
            if subj is not None:
                return subj, False
        if np_ and np_[0] == k + 1 and not any(f in lex.function_words for f in word_forms(words[k + 1].text)):
            return _source(text, words, *np_, "verb_before" if verb else "noun"), False
        if not verb and not w.text.startswith("ب"):
            continue  # only a verbal noun after an auxiliary has its subject before: "قام X بتقييم"
        subj = _subject_before(text, words, k, lex)
        if subj is not None:
            return subj, False
        if verb and (comp is not None or np_ is None):
            continues = True   # "قالت X إنها تعتقد أن": look further back before falling back
    return None, continues


def _verb_after(text: str, words: list[_Word], i1: int, lex: ClaimLexicon) -> Source | None:
    """"... 300 جريح، قال المتحدث باسم الوزارة" (verb after the clause, subject after the verb)."""
    for k in range(i1 + 1, len(words)):
        w = words[k]
        if _is_reporting(w, lex) and _is_break(w) and not any(_is_comp(x, lex) for x in words[k + 1 : k + 3]):
            np_ = _np(words, k + 1)
            if np_:
                return _source(text, words, *np_, "verb_after")
    return None


def _origin(text: str, words: list[_Word], lex: ClaimLexicon) -> Source | None:
    """"وتأتي هذه الأخبار من X" naming where the previous sentence's figures come from."""
    for k, w in enumerate(words[:6]):
        if any(f in lex.origin for f in word_forms(w.text)):
            for m in range(k + 1, min(len(words), k + 12)):
                if words[m].text in ("من", "عن"):
                    np_ = _np(words, m + 1, limit=6)
                    if np_:
                        return _source(text, words, *np_, "origin")
            return None
    return None


# ---------------------------------------------------------------- the stage

def _actor(text: str, words: list[_Word], pred_idx: int | None, i0: int) -> str | None:
    if pred_idx is None or pred_idx >= i0:
        return None
    np_ = _np(words, pred_idx + 1, limit=3, stop_at=i0)
    if not np_:
        return None
    a, b = np_
    return text[words[a].start : words[b - 1].end]


def _span_words(words: list[_Word], n: NumberMention) -> tuple[int, int] | None:
    idx = [i for i, w in enumerate(words) if w.start < n.end and w.end > n.start]
    return (idx[0], idx[-1]) if idx else None


def extract_claims(text: str, *, published: str | None = None, article_id: str | None = None,
                   sentences: Sequence[Sentence] | None = None,
                   numbers: Sequence[NumberMention] | None = None,
                   lexicon: ClaimLexicon | None = None) -> list[Claim]:
    """All claims in ``text`` (an article's cleaned text, or any text), in order.

    Example:
        >>> [(c.value_min, c.category, c.source.text) for c in extract_claims(
        ...     "قالت وزارة الصحة إن 312 شخصًا لقوا حتفهم.")]
        [(312, 'casualties', 'وزارة الصحة')]
    """
    lex = lexicon or load_lexicon()
    sents = list(sentences) if sentences is not None else split_sentences(text)
    nums = [n for n in (numbers if numbers is not None else find_numbers(text))
            if n.type in CLAIM_TYPES and not (n.hedge == "vague" and (n.value_min or 0) < 10)]
    claims: list[Claim] = []
    last_source: Source | None = None
    last_category: str | None = None
    pending: list[int] = []          # claims of the previous sentence without a source
    for sent in sents:
        in_sent = [n for n in nums if sent.start <= n.start < sent.end]
        words = _words(text, sent)
        origin = _origin(text, words, lex)
        if origin and pending:
            for ci in pending:
                c = claims[ci]
                claims[ci] = _replace(c, source=origin, stance="reported" if c.stance == "asserted" else c.stance)
        pending = []
        sentence_sources: list[Source] = []
        acc = _according_to(text, words, lex)
        denied = any(d in " ".join(w.text for w in words) for d in lex.denial)
        ref, ref_from = resolve_ref_date(sent.text, published)
        for i0, i1, n in _figures(words, in_sent, lex):
            cat, noun, last = _counted(words, i0, i1, lex)
            if i0 == i1 and not words[i0].text[:1].isdigit():
                cat = _dual(words[i0], lex) or cat       # "زيارتين", "جنديان": the noun is the number
            if i0 > 0 and not _is_break(words[i0]) and any(f in lex.construct_casualty for f in word_forms(words[i0 - 1].text)):
                cat = "casualties"                        # "انتشال جثث 23 مهاجرًا"
            pred, pred_cat, pred_idx = _predicate(words, i0, lex)
            nxt = words[i1 + 1].text if i1 + 1 < len(words) else ""
            if n.unit == "times":
                if nxt in lex.multipliers or any(f in lex.multipliers for f in word_forms(n.text.split()[-1])):
                    continue                              # "ثلاثة أضعاف" multiplies, counts nothing
                cat, noun = "visits", noun or n.text
            if n.type == "money":
                cat = "money"
            elif cat is None and noun is not None:        # "4000 منهم", "30 آخرون"
                cat = pred_cat or last_category
            if cat is None:
                continue
            if cat in ("personnel", "troops") and _near_predicate(words, i0, max(last, i1), lex, _CASUALTY_PREDICATES):
                cat = "casualties"                        # "قتل 27 مدنيًا", "320 شخصًا أصيبوا"
            src = _find_source(text, words, i0, i1, acc, last_source, lex)
            stance = "denied" if denied else ("reported" if src else "asserted")
            end_idx = max(last, i1)
            s, e = min(n.start, words[i0].start), max(n.end, words[end_idx].end)
            claims.append(Claim(
                start=s, end=e, text=text[s:e], value_min=n.value_min, value_max=n.value_max,
                qualifier=n.hedge, category=cat, noun=noun, predicate=pred,
                actor=_actor(text, words, pred_idx, i0), stance=stance, ref_date=ref, ref_date_from=ref_from,
                source=src, sentence_start=sent.start, sentence_end=sent.end,
                number_start=n.start, number_end=n.end, article_id=article_id,
            ))
            last_category = cat
            if src is None:
                pending.append(len(claims) - 1)
            else:
                sentence_sources.append(src)
        # the speaker of this sentence, for "وأضاف أن" in the next one
        speaker = sentence_sources[-1] if sentence_sources else _speaker(text, words, lex)
        if speaker is not None:
            last_source = speaker
    return claims


def _figures(words: list[_Word], nums: Sequence[NumberMention], lex: ClaimLexicon):
    """(first word, last word, number) of each figure in the sentence, dual nouns included."""
    out = []
    covered: set[int] = set()
    for n in nums:
        span = _span_words(words, n)
        if span is not None:
            out.append((span[0], span[1], n))
            covered.update(range(span[0], span[1] + 1))
    for k, w in enumerate(words):
        if k in covered or (k > 0 and words[k - 1].text.isdigit()):
            continue
        if _dual(w, lex):
            out.append((k, k, NumberMention(w.start, w.end, "", 2, 2, "count", "exact", None)))
    return sorted(out, key=lambda t: t[0])


def _find_source(text: str, words: list[_Word], i0: int, i1: int, acc: list[tuple[int, Source]],
                 last_source: Source | None, lex: ClaimLexicon) -> Source | None:
    """The cascade of attribution rules (module docstring), first that applies wins."""
    if acc:
        return min(acc, key=lambda t: abs(t[0] - i0))[1]
    src, continues = _verb_before(text, words, i0, lex)
    src = src or _verb_after(text, words, i1, lex)
    if src is None and continues and last_source is not None:
        src = Source(last_source.text, last_source.start, last_source.end, "continuation")
    return src


def _speaker(text: str, words: list[_Word], lex: ClaimLexicon) -> Source | None:
    """A sentence's named speaker even when it carries no figure ("وقال وزير الدفاع إن ...")."""
    for k, w in enumerate(words[:6]):
        if _is_reporting(w, lex):
            np_ = _np(words, k + 1, limit=7)
            if np_:
                return _source(text, words, *np_, "verb_before")
            return None
    return None


def _replace(c: Claim, **kw: Any) -> Claim:
    d = {f: getattr(c, f) for f in c.__slots__}
    d.update(kw)
    return Claim(**d)
