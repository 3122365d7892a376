"""Tokenisation of Arabic news text with offsets, and safe proclitic stripping for matching.

Why hand-written: no maintained, light library splits Arabic clitics offline while keeping
offsets. camel-tools needs torch and downloaded models (not allowed here); Farasa and
MADAMIRA run on Java; PyArabic and Tashaphyne return stripped strings, without offsets and
without guards for the foreign names that fill news text (``بوتين`` must not become
``وتين``). The rules below are the usual light stemming of Arabic information retrieval
(the proclitics of Larkey et al.'s "light10") plus those guards.

Tokens
    Found by one regular expression over the original text, so every token's ``text`` is
    ``original[start:end]``:

    * ``number``: digits (ASCII, Arabic-Indic, Persian) with internal separators
      ``. , ، ٬ ٫`` between digits (``30،000``, ``1.2``, ``٣٠٬٠٠٠``); ``10-12`` is three
      tokens and ``3.5%`` is ``3.5`` + ``%``;
    * ``word``: Arabic letters with their diacritics and tatweel (``لـ`` is a word);
    * ``latin``: dotted acronyms (``U.S.``), Latin words and acronyms with internal
      digits, hyphens or apostrophes (``CNN``, ``GUR``, ``S-400``, ``O'Brien``), and words
      of other scripts;
    * ``punct``: any other visible character; a run of the same character is one token
      (``...``, ``!!``). Whitespace and invisible marks are skipped.

``norm`` is :func:`marsad.text.normalize.norm` of the token.

Proclitics (words only)
    Layers, outermost first: a conjunction ``و``/``ف``, a preposition ``ب``/``ل``/``ك``,
    the article ``ال`` (written ``ل`` after the preposition ``ل``: ``للرئيس`` = ل + ال +
    رئيس). Every combination is a candidate (``وبال``, ``فلل``, ``ولل``, ``وب``, ``ول``,
    ``فال``…). The decision is taken on the token with diacritics removed but hamza kept
    (``ألمانيا`` does not start with the article, ``لأوكرانيا`` is ل + a word that starts
    with hamza), then reported in normalised form.

    A segmentation is a *candidate* (listed by :func:`match_forms`) when:

    * the word, and every remainder on the way, is not in the stems list of
      ``clitics.json`` (``وزير``, ``بريطانيا``, ``لبنان``, ``الذي``…): stripping stops there;
    * at least 3 letters remain, or 2 after the article (``كيم`` is never ``ك`` + ``يم``;
      ``اليد`` is ال + يد).

    It is *safe* (used for ``base``/``prefix``) when moreover:

    * without the article, the remaining word does not begin with a long-vowel letter
      ``ا و ي ى`` or a seat of hamza: a clitic is glued to a consonant or to a hamza, while
      transliterated names put a long vowel after their first letter (``بوتين``,
      ``كوريا``, ``لافروف``, ``بايدن``, ``كييف``, ``ليبيا``). Exceptions: a bare alef that
      opens a hamzat-wasl pattern (``استـ`` ``انـ`` ``اـتـ`` ``اتـ``: ``واستمرار``,
      ``لاجتماع``, ``باتفاق``); ``و`` or ``ي`` after a lone ``و`` (``ووزير``: no word
      starts with two waws; ``ويقول``: و + imperfect verb, far more common than names in
      ``وي``, which are listed); and remainders in the stems list (``لوزير``);
    * without the article, a bare ``ف`` or ``ك`` is stripped only before a hamza
      (``فأضاف``, ``كأنه``): most words that start with them are stems (``فرنسا``,
      ``فلسطين``, ``فريق``, ``كبير``, ``كندا``), which ``match_forms`` still offers.

    ``لل`` + X is read ل + ال + X (``للحد`` → حد) unless ``لX`` is a listed stem, for
    ل + (ال) + لX is written the same way (``لليل`` → ليل, ``لليبيا`` → ليبيا).

    ``base`` is the safe segmentation that removes the most letters; ``prefix`` the removed
    letters (normalised, ``""`` if none). ``match_forms`` gives the full form, then the
    levels of the safe segmentation (outermost first, restoring the article's alef after
    ``لل``: ``للولايات`` → ``الولايات`` → ``ولايات``), then the other candidates, so a
    gazetteer look-up tries the most specific form first.

Not handled (documented limits): the future prefix ``س``, enclitic pronouns (``ـها``,
``ـهم``), the interrogative ``أ``; stems outside the list that begin with
``و``/``ب``/``ل`` + a consonant and are not clitic + word (``وصلت`` is in the list,
``وصلنا`` is not).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .normalize import norm, normalize, strip_diacritics

__all__ = ["Token", "tokenize", "token_strings", "word_token_strings", "analyse_token", "match_forms", "word_forms"]


@dataclass(frozen=True, slots=True)
class Token:
    """A token: half-open span of the original text, its forms and its kind."""

    start: int
    end: int
    text: str
    norm: str
    base: str
    prefix: str
    kind: str  # "word" | "number" | "latin" | "punct"


def _load_stems() -> tuple[frozenset[str], tuple[str, ...]]:
    raw = json.loads(files("marsad").joinpath("lexicon/ar/clitics.json").read_text("utf-8"))
    exact: set[str] = set()
    prefixes: set[str] = set()
    for key, values in raw.items():
        if key.startswith("_"):
            continue
        for v in values:
            if v.endswith("*"):
                prefixes.add(norm(v[:-1]))
            else:
                exact.add(norm(v))
    return frozenset(exact), tuple(sorted(prefixes))


_STEM_WORDS, _STEM_PREFIXES = _load_stems()

_AR_L = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
_AR_M = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LAT_M = "\u0300-\u036f"
_SKIP = "\\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c"

_TOKEN = re.compile(
    rf"(?P<number>\d+(?:[.,\u060c\u066b\u066c]\d+)*)"
    rf"|(?P<word>[{_AR_L}][{_AR_L}{_AR_M}]*(?:[\u200c\u200d]+[{_AR_L}{_AR_M}]+)*)"
    rf"|(?P<latin>(?:[A-Za-z]\.){{2,}}"
    rf"|[{_LAT}][{_LAT}{_LAT_M}\d]*(?:[-'’][{_LAT}\d][{_LAT}{_LAT_M}\d]*)*"
    rf"|[^\W\d_]+)"
    rf"|(?P<punct>([^\w{_SKIP}{_AR_M}{_LAT_M}])\5*|_+)"
)

# the same alternatives without punctuation: no number, word or Latin token can start inside a
# punctuation run (punctuation is never a word character), so this finds exactly the tokens of
# _TOKEN that are not punctuation, with no match object per token (see word_token_strings)
_WORD_TOKEN = re.compile(_TOKEN.pattern[:_TOKEN.pattern.index("|(?P<punct>")])

# hamzat-wasl patterns after a bare alef: istaf'ala, infa'ala, ifta'ala (and assimilated forms)
_WASL = re.compile(r"ا(?:ست..|ن....|[^\W\d_]ت..|ت...|[صضط]ط..|زد..)")
_BLOCKED_START = frozenset("اويىءئؤ")
_HAMZA_START = frozenset("أإآ")
_ARTICLES = ("ال", "ٱل")
_CLITIC_INITIALS = frozenset("وفبلكا")


def tokenize(text: str) -> list[Token]:
    """Tokenise ``text``; see the module docstring for token kinds and clitic rules.

    Example:
        >>> [(t.text, t.base, t.prefix, t.kind) for t in tokenize("وبالعاصمة 30،000 CNN.")]
        [('وبالعاصمة', 'عاصمه', 'وبال', 'word'), ('30،000', '30,000', '', 'number'), ('CNN', 'cnn', '', 'latin'), ('.', '.', '', 'punct')]
    """
    out: list[Token] = []
    memo: dict[str, tuple[str, str, str, str]] = {}  # per call: news text repeats its words
    memo_get = memo.get
    aligned = _aligned(text)
    if aligned is not None:
        light_text, full_text, blocks = aligned
        last = len(blocks) - 1
    bi = 0
    append = out.append
    for m in _TOKEN.finditer(text):
        t = m.group()
        s, e = m.span()
        info = memo_get(t)
        if info is None:
            if aligned is None:
                light, full = _light_and_full(t)
            else:
                # source -> normalised offsets; tokens come in order, so walk the blocks once
                while bi < last and blocks[bi + 1][1] <= s:
                    bi += 1
                d, src, n = blocks[bi]
                if s >= src and e <= src + n:  # the usual case: no deleted character inside
                    ds, de = s + d - src, e + d - src
                else:
                    ds = d + min(s - src, n) if s >= src else d
                    j = bi
                    while j < last and blocks[j + 1][1] < e:
                        j += 1
                    d, src, n = blocks[j]
                    de = d + min(e - src, n)
                light, full = light_text[ds:de], full_text[ds:de]
            info = memo[t] = _analyse(light, full, m.lastgroup)  # type: ignore[arg-type]
        append(Token(s, e, t, *info))
    return out


def token_strings(text: str) -> list[tuple[str, str]]:
    """``(token text, kind)`` of every token of ``text`` in order, without offsets or forms.

    The cheap half of :func:`tokenize` for callers that need only what each token says
    (search indexing): pair it with :func:`analyse_token`.
    """
    return [(m.group(), m.lastgroup) for m in _TOKEN.finditer(text)]  # type: ignore[misc]


def word_token_strings(text: str) -> list[tuple[str, str]]:
    """``token_strings(text)`` without the punctuation tokens (search indexing skips them),
    found by one ``findall`` in C."""
    return [(n or w or la, "number" if n else ("word" if w else "latin"))
            for n, w, la in _WORD_TOKEN.findall(text)]


@lru_cache(maxsize=1 << 17)
def analyse_token(t: str, kind: str) -> tuple[str, str, str, str]:
    """``(norm, base, prefix, kind)`` of one token string of :func:`token_strings`: the same
    forms :func:`tokenize` gives it (tokens are normalised on their own there too, unless the
    whole text is NFKC, when only deletions happen and the slices agree; a test checks both
    over a corpus)."""
    light, full = _light_and_full(t)
    return _analyse(light, full, kind)


def _aligned(text: str) -> tuple[str, str, tuple[tuple[int, int, int], ...]] | None:
    """The whole text normalised once, both forms index-aligned, and the offset blocks.

    Only when the text is already NFKC (nearly all web text): normalisation then only
    deletes characters, so the map from source to normalised offsets is monotonic and one
    walk over its blocks places every token. Otherwise tokens are normalised one by one.
    """
    if not unicodedata.is_normalized("NFKC", text):
        return None
    n = normalize(text)
    light = strip_diacritics(text)
    if len(light) != len(n.text) or not n.map.blocks or n.map.blocks[0][1] != 0:
        return None
    return light, n.text, n.map.blocks


def match_forms(token: Token) -> tuple[str, ...]:
    """Forms to try against a lexicon, most specific first (see the module docstring).

    Example:
        >>> match_forms(tokenize("وللولايات")[0])
        ('وللولايات', 'للولايات', 'الولايات', 'ولايات', 'لولايات')
    """
    if token.kind != "word":
        return (token.norm,)
    return word_forms(token.text)


@lru_cache(maxsize=1 << 16)
def word_forms(word: str) -> tuple[str, ...]:
    """:func:`match_forms` for one word given as a string (original or already normalised).

    An already normalised word has lost its hamzas, so fewer segmentations count as safe;
    they are still all listed, only the order after the full form can differ.

    Example:
        >>> word_forms("بالعاصمة")
        ('بالعاصمه', 'العاصمه', 'عاصمه')

    Pure, so memoised: callers look up the same few thousand words again and again.
    """
    light, full = _light_and_full(word)
    segs = _segmentations(light, full)
    segs.sort(key=lambda seg: (not seg[2], -seg[0]))
    forms = [full]
    seen = {full}
    for _, levels, _ in segs:
        for f in levels:
            if f not in seen:
                seen.add(f)
                forms.append(f)
    return tuple(forms)


@lru_cache(maxsize=1 << 16)
def _analyse(light: str, full: str, kind: str) -> tuple[str, str, str, str]:
    """``(norm, base, prefix, kind)`` of a token (pure, memoised across texts)."""
    if kind == "word":
        best_cut, best_stem = 0, full
        for cut, levels, safe in _segmentations(light, full):
            if safe and cut > best_cut:
                best_cut, best_stem = cut, levels[-1]
        return full, best_stem, full[:best_cut], kind
    return full, full, "", kind


def _light_and_full(t: str) -> tuple[str, str]:
    """The token without diacritics (hamza kept) and fully normalised, index-aligned."""
    nfkc = t if unicodedata.is_normalized("NFKC", t) else unicodedata.normalize("NFKC", t)
    light = strip_diacritics(nfkc)
    full = norm(t)
    if len(light) != len(full):  # cannot happen with the current tables; stay correct anyway
        light = full
    return light, full


def _is_stem(word: str) -> bool:
    return word in _STEM_WORDS or word.startswith(_STEM_PREFIXES)


def _segmentations(light: str, full: str) -> list[tuple[int, tuple[str, ...], bool]]:
    """All candidate segmentations ``(cut, levels, safe)``.

    ``cut`` is the number of letters removed and ``levels`` the normalised word after each
    layer is removed, outermost first (the last one is the stem).
    """
    out: list[tuple[int, tuple[str, ...], bool]] = []
    if full[:1] not in _CLITIC_INITIALS or _is_stem(full):
        return out
    n = len(light)
    starts: list[tuple[int, tuple[str, ...], bool]] = [(0, (), False)]  # (at, levels, after ف)
    c = light[0]
    if c in "وف" and n >= 4:  # conjunction
        rest = full[1:]
        out.append((1, (rest,), _bare_safe(light, full, 1, c == "ف", c == "و")))
        if not _is_stem(rest):
            starts.append((1, (rest,), c == "ف"))
    for a, levels, after_f in starts:
        c = light[a]
        if (c == "ب" or c == "ك") and n - a >= 4:  # preposition
            rest = full[a + 1 :]
            out.append((a + 1, levels + (rest,), _bare_safe(light, full, a + 1, after_f or c == "ك", False)))
            if n - a >= 5 and light.startswith(_ARTICLES, a + 1) and not _is_stem(rest):
                out.append((a + 3, levels + (rest, full[a + 3 :]), True))
        elif c == "ل" and n - a >= 4:
            rest = full[a + 1 :]
            if light[a + 1] == "ل":
                # ل + ال + X is written للX: the article's alef is restored in the level
                if _is_stem(rest):  # لليبيا = ل + ليبيا; لِلَّجنة = ل + (ال) + لجنة
                    out.append((a + 1, levels + ("ال" + rest, rest), True))
                    continue
                out.append((a + 2, levels + ("ا" + rest, full[a + 2 :]), True))
            out.append((a + 1, levels + (rest,), _bare_safe(light, full, a + 1, after_f, False)))
        if n - a >= 4 and light.startswith(_ARTICLES, a):  # article
            out.append((a + 2, levels + (full[a + 2 :],), True))
    return out


def _bare_safe(light: str, full: str, cut: int, needs_hamza: bool, after_waw: bool) -> bool:
    """Is it safe to strip ``cut`` letters that end in a clitic glued to a bare word (no article)?"""
    if len(light) - cut < 3:
        return False
    first = light[cut]
    if needs_hamza:  # a bare ف or ك
        return first in _HAMZA_START
    if first in _BLOCKED_START:
        if first == "ا" and _WASL.match(light, cut):
            return True
        if (first == "و" or first == "ي") and after_waw and cut == 1:  # ووزير، ويقول
            return True
        return _is_stem(full[cut:])
    return True
