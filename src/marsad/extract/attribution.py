"""Attribution in Arabic news prose: who the text says a statement comes from.

Shared by claims (who gives a figure) and quotes (who said something): the words of a
sentence with their spans, noun-phrase boundaries, and the cascade of cues (وفقًا لـ/بحسب X,
a reporting verb with its subject before or after the clause, a source noun such as
"تقديرات X", a following sentence naming the origin, the previous speaker for "وأضاف").
The words are data in ``marsad/lexicon/ar/claims.json``. Hand-written: no maintained
library attributes statements in Arabic.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

from marsad.ingest.dates import month_table
from marsad.text.normalize import norm, normalize
from marsad.text.sentences import Sentence
from marsad.text.tokens import word_forms   # memoised there (pure)

_WORD = re.compile(r"\w+")
_GAP_WORD = re.compile(r"(\W*)(\w+)")   # the same words, each with the gap before it
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

@dataclass(slots=True)
class _Word:
    """A word of a sentence (scratch record of this stage: never changed once made, but not
    ``frozen``, which makes building the few hundred per article three times slower)."""

    text: str          # normalised
    start: int         # span in the article text
    end: int
    gap: str           # normalised text between the previous word and this one


def _words(text: str, sent: Sentence) -> list[_Word]:
    """The words of ``sent`` with their spans in ``text`` (see also :func:`sentence_words`)."""
    n = normalize(sent.text)
    nt = n.text
    if n.map.blocks == ((0, 0, len(nt)),):          # nothing deleted: offsets are the sentence's
        return _words_identity(nt, sent.start)
    out: list[_Word] = []
    prev = 0
    base = sent.start
    for m in _WORD.finditer(nt):
        s, e = n.span_to_src(m.start(), m.end())
        out.append(_Word(m.group(), base + s, base + e, nt[prev:m.start()]))
        prev = m.end()
    return out


def _words_identity(nt: str, base: int, record: Callable = _Word) -> list:
    """``record(word, start, end, gap)`` for each word of ``nt``, a normalised text whose
    characters sit at ``base``, ``base + 1``, ... of the original (nothing was deleted)."""
    out = []
    pos = base
    for gap, w in _GAP_WORD.findall(nt):             # (non-word run, word) pairs, in C
        s = pos + len(gap)
        pos = s + len(w)
        out.append(record(w, s, pos, gap))
    return out


def sentence_words(text: str) -> Callable[[Sentence], list[_Word]]:
    """``_words(text, sent)`` for the sentences of ``text``, from one normalisation of the
    whole text instead of one per sentence (normalisation is character by character, so a
    sentence's slice of the normalised text is the normalised sentence).

    Only when ``text`` is NFKC (nearly all web text): normalisation then only deletes
    characters and maps positions monotonically; otherwise each sentence is normalised.
    """
    if not unicodedata.is_normalized("NFKC", text):
        return lambda sent: _words(text, sent)
    n = normalize(text)
    nt, blocks = n.text, n.map.blocks
    if blocks == ((0, 0, len(text)),) and len(nt) == len(text):
        return lambda sent: _words_identity(nt[sent.start:sent.end], sent.start)   # nothing deleted
    src_starts = [b[1] for b in blocks]

    def to_dst(p: int) -> int:                        # first kept character at or after p
        i = bisect_right(src_starts, p) - 1
        if i < 0:
            return 0
        d, s, k = blocks[i]
        return d + (p - s) if p < s + k else d + k

    dst_starts = [b[0] for b in blocks]
    last = len(blocks) - 1

    def words(sent: Sentence) -> list[_Word]:
        # Words come in order, so one block pointer walks forward through the sentence
        # instead of a bisection per word end (this was 8 % of the pipeline); the
        # positions are those of ``OffsetMap.span_to_src``.
        ds, de = to_dst(sent.start), to_dst(sent.end)
        i = max(bisect_right(dst_starts, ds) - 1, 0)
        d, s, k = blocks[i]
        if de <= d + k:                                # the sentence lies in one run: a shift
            return _words_identity(nt[ds:de], ds + s - d)
        out: list[_Word] = []
        pos = ds
        for gap, w in _GAP_WORD.findall(nt, ds, de):
            a = pos + len(gap)
            pos = a + len(w)
            while i < last and dst_starts[i + 1] <= a:
                i += 1
            d, s, k = blocks[i]
            s0 = s + min(a - d, k - 1)
            q = pos - 1
            while i < last and dst_starts[i + 1] <= q:
                i += 1
            d, s, k = blocks[i]
            out.append(_Word(w, s0, s + min(q - d, k - 1) + 1, gap))
        return out

    return words


def _is_break(w: _Word) -> bool:
    return w.gap != " " and bool(_BREAK.search(w.gap))


# ---------------------------------------------------------------- sources

_TIME_WORDS = _n(["يوم", "اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
                  "صباح", "مساء", "ليله", "فجر", "ظهر", "الاسبوع", "الشهر", "العام", "السنه", "مؤخرا", "سابقا", "حاليا",
                  "مرارا", "ايضا", "كذلك", "اول", "الاول", "الماضي", "الحالي"])
_NP_STOP = _n(["ل", "لـ", "في بيان", "للصحفيين", "للصحافيين", "لوسائل", "امام", "خلال", "عبر", "على", "الي", "بعد", "قبل", "حيث",
               "التي", "الذي", "الذين", "والتي", "والذي", "مع", "منذ", "لقناه", "لصحيفه", "لوكاله", "لشبكه", "انه", "انها",
               "بان", "ان", "هو", "هي", "قد", "لقد", "لم", "لن", "لا", "ما", "كما", "وقت",
               # the object of "قدرت الصحيفة عدد الجنود بـ": a count noun ends the subject
               "عدد", "حصيله", "اجمالي", "مجموع", "فقد", "وقد", "فان", "وان"])
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
        if w.text in _NP_STOP or w.text in _TIME_WORDS or w.text[:1].isdigit():
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


_SOURCE_MODIFIERS = _n(["آخر", "اخر", "أحدث", "أول", "آخر", "أخير", "وآخر"])
#: adjectives that describe a report without naming who made it ("بيان منفصل", "تقديرات أولية")
_SOURCE_ADJECTIVES = _n(["منفصل", "رسمي", "رسمية", "أولي", "أولية", "جديد", "جديدة", "صحفي", "صحفية", "مشترك",
                         "مشتركة", "سابق", "سابقة", "حديث", "حديثة", "أخير", "أخيرة", "مقتضب", "مكتوب", "نهائي",
                         "نهائية", "يومي", "يومية", "ميداني", "ميدانية", "حكومي", "حكومية", "غير"])
_PEOPLE_NOUNS = _n(["مصادر", "مصدر"])


def _refine_source(text: str, words: list[_Word], a: int, b: int, lex: ClaimLexicon, cue: str) -> Source | None:
    """The source named by the phrase ``words[a:b]`` when it opens with a report noun.

    "مصادر ميدانية" is a source (anonymous people); "بيان لوزارة الصحة" names its owner
    after "لـ"; "آخر بيان رسمي", "بيان منفصل" and "بيانات جمعتها فرقها" name nobody
    (``None``: the sentence's speaker is the source). Any other phrase ("تقرير منظمة الصحة",
    "تقديرات غربية") is returned unchanged.
    """
    i = a
    while i < b and words[i].text in _SOURCE_MODIFIERS:
        i += 1
    if i >= b or not _is_source_noun(words[i], lex) or words[i].text.startswith(("ال", "وال")):
        return _source(text, words, a, b, cue)
    noun = i
    i += 1
    if words[noun].text in _PEOPLE_NOUNS:
        j = i
        while j < b and not words[j].text.startswith(_DEFINITE) and words[j].text not in ("في", "من", "لدى", "داخل"):
            j += 1
        if j < b and j > i and words[j].text.startswith(_DEFINITE):
            return _source(text, words, noun, j, cue)    # "مصادر ميدانية العدد الفعلي" -> "مصادر ميدانية"
        return _source(text, words, a, b, cue)
    adjectives = 0
    while i < b and words[i].text in _SOURCE_ADJECTIVES:
        i += 1
        adjectives += 1
    if i < b and words[i].text.startswith("ل") and not words[i].text.startswith("لل") and len(words[i].text) > 3:
        j = i + 1
        while j < b and not _is_break(words[j]) and (
                words[j].text.startswith("ال") or (words[j].text.startswith("ل") and j + 1 < b
                                                   and words[j + 1].text.startswith("ال"))):
            j += 1
        src = _source(text, words, i, j, cue)
        cut = _clitic_cut(text[words[i].start:words[i].end], 1)
        return Source(text[src.start + cut:src.end], src.start + cut, src.end, cue)
    if adjectives and (i >= b or not words[i].text.startswith("لل")):
        return None                                      # "بيان منفصل", "آخر بيان رسمي": nobody named
    if i >= b and noun > a:
        return None                                      # "آخر بيان"
    if i < b and i == noun + 1 and _looks_verb(words[i], lex):
        return None                                      # "بيانات جمعتها فرقها"
    return _source(text, words, a, b, cue)


def _looks_verb(w: _Word, lex: ClaimLexicon) -> bool:
    if w.text.startswith(_DEFINITE):
        return False
    return (any(f in lex.verbs or f in lex.reporting for f in word_forms(w.text))
            or w.text.endswith(("تها", "ته", "تهم", "وها", "وه")))


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
                    ref = _refine_source(text, words, a, b, lex, "according_to")
                    if ref is None or ref.start > words[a].start:   # nobody named, or the owner after "لـ"
                        src = ref
                    if src is not None:
                        out.append((i, src))
            else:
                if [first] + seq[1:] != list(cue):
                    continue
                np_ = _np(words, i + n)
                if np_:
                    src = _refine_source(text, words, *np_, lex, "according_to")
                    if src is not None:
                        out.append((i, src))
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
    return not lex.reporting.isdisjoint(word_forms(w.text))


def _is_comp(w: _Word, lex: ClaimLexicon) -> bool:
    return w.text in lex.complementisers or (w.text.startswith("ب") and w.text[1:] in lex.complementisers)


def _is_source_noun(w: _Word, lex: ClaimLexicon) -> bool:
    return not lex.source_nouns.isdisjoint(word_forms(w.text))


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
    if not lex.function_words.isdisjoint(word_forms(words[start].text)) and words[start].text not in lex.relatives:
        return None                                  # "ومع ذلك ذكرت": no subject
    while start < end and (words[start].text in _TIME_WORDS or not lex.auxiliaries.isdisjoint(word_forms(words[start].text))):
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
        if any(_is_break(words[m]) and words[m].text in lex.clause_openers for m in range(k + 1, min(i0 + 1, len(words)))):
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
        if np_ and np_[0] == k + 1 and lex.function_words.isdisjoint(word_forms(words[k + 1].text)):
            if verb:
                return _source(text, words, *np_, "verb_before"), False
            ref = _refine_source(text, words, k, np_[1], lex, "noun")
            if ref is not None:
                if ref.start == words[k].start and words[k].text not in _PEOPLE_NOUNS:
                    ref = _source(text, words, *np_, "noun")    # "تقديرات الوزارة": the owner after the noun
                return ref, False
            continue
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
        if not lex.origin.isdisjoint(word_forms(w.text)):
            for m in range(k + 1, min(len(words), k + 12)):
                if words[m].text in ("من", "عن"):
                    np_ = _np(words, m + 1, limit=6)
                    if np_:
                        return _source(text, words, *np_, "origin")
            return None
    return None


def _speaker(text: str, words: list[_Word], lex: ClaimLexicon) -> Source | None:
    """A sentence's named speaker even when it carries no figure ("وقال وزير الدفاع إن ...")."""
    for k, w in enumerate(words[:6]):
        if _is_reporting(w, lex):
            np_ = _np(words, k + 1, limit=7)
            if np_:
                return _source(text, words, *np_, "verb_before")
            return None
    return None

