"""Sentence segmentation for Arabic news text, with spans into the original text.

Hand-written because the light, offline splitters do not fit Arabic news: pySBD's Arabic
rules (ported from Pragmatic Segmenter) end sentences at ``:`` and ``،``; NLTK's Punkt has
no Arabic model; Wikimedia's sentencex comes closest (non-destructive, an Arabic
abbreviation list) but would still need the rules below; Stanza, camel-tools and spaCy
need downloaded models. The rules, in the order they are applied:

1. **Paragraphs.** Every line break (``\\n``, ``\\r\\n``, ``\\r``, U+2028/2029, form feed)
   ends a sentence; a run of blank lines is one break. A line is a paragraph, so a
   heading without final punctuation is a sentence of its own. ``paragraph`` counts only
   the lines that yield at least one sentence (a line that is just ``—`` gets no index).
2. **Candidates.** A run of ``.`` ``!`` ``?`` ``؟`` ``…`` ``۔`` (and ``؛``/``;`` when
   ``split_on_semicolon=True``; never ``،``/``,``) followed by whitespace, by an Arabic
   letter (``الحرب.وقال``: machine-translated text often drops the space) or by an opening
   quote. Closing quotes and brackets right after the run (``.»`` ``”.`` ``!)``), even
   after a space when nothing but whitespace follows them, belong to the sentence.
3. **Full stops that are not sentence ends** (single ``.`` only):

   * abbreviations: dotted Latin letters (``U.S.``, ``e.g.``), a capital initial before a
     capitalised word (``J. K. Rowling``), the Latin list of ``abbreviations.json``
     (``Dr.``, ``Mr.``, ``Inc.``…), any single Arabic letter or dotted run of single
     letters (``د.`` ``أ.`` ``م.`` ``ص.`` ``ج.`` ``ق.م.``): Arabic has no one-letter words,
     so these are abbreviations or list labels;
   * era abbreviations after a number (``عام 1948 م.``, ``1445هـ.``) are the exception:
     they end the sentence unless a date continues (a digit, ``الموافق``…);
   * a number alone at the start of the sentence (``1. النقطة الأولى``): a list label;
   * decimals, URLs, e-mail addresses: dots with no space after them are never candidates
     except before an Arabic letter, and dots inside a URL or e-mail never are.
4. **Ellipses** (``…``, ``...``): Arabic has no capital letters to tell a continuation
   from a new sentence, so an ellipsis ends a sentence only at the end of a line, before a
   closing quote, or before a capital Latin letter. Merging two sentences is the safer
   mistake for evidence snippets.
5. **Quotes and brackets** (``«…»``, ``“…”``, ``"…"``, ``(…)`` closed on the same line):
   a sentence end inside them is kept only if the quotation ends the sentence: a
   terminator right before or right after the closing mark, or the end of the line.
   ``قال: «نحن مستعدون. هذا واجبنا» ثم غادر.`` is one sentence;
   ``قال: «نحن مستعدون. هذا واجبنا». ثم غادر.`` is three.
6. Each piece is stripped of surrounding whitespace (and invisible bidi/zero-width
   marks); pieces without any letter or digit (``—``, ``“.``, ``...``) are dropped.

Every :class:`Sentence` satisfies ``text == original[start:end]``; sentences are in order
and do not overlap. Known limits: a sentence broken over two lines by bad extraction stays
broken; a quotation that spans lines is not recognised as one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from importlib.resources import files

from .normalize import norm, strip_diacritics

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: half-open span ``[start, end)`` of the original text and its text."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    latin: frozenset[str]
    era: frozenset[str]
    era_next: frozenset[str]


def _load_abbreviations() -> _Abbreviations:
    raw = json.loads(files("marsad").joinpath("lexicon/ar/abbreviations.json").read_text("utf-8"))
    return _Abbreviations(
        latin=frozenset(norm(x) for x in raw["latin"]),
        era=frozenset(norm(x) for x in raw["arabic_era"]),
        era_next=frozenset(norm(x) for x in raw["era_continuations"]),
    )


_ABBR = _load_abbreviations()

_AR = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc"
_CLOSERS = "»”’)\\]}›"
_OPENERS = "«“\"'(\\[{‹"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c"

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_TERM_CORE = r"[.!?\u061f\u2026\u06d4]+"
_CLOSE_RUN = rf"""(?P<close>(?:[{_CLOSERS}]|["'](?=[\s{_CLOSERS}"']|\Z))*)(?:[ \t\u00a0]+[{_CLOSERS}](?=\s|\Z))?"""
_CAND = re.compile(rf"(?P<term>{_TERM_CORE}){_CLOSE_RUN}")
_CAND_SEMI = re.compile(rf"(?P<term>{_TERM_CORE}|[;\u061b]+){_CLOSE_RUN}")
# what may follow a sentence end: whitespace, an Arabic letter (missing space), an opening quote
_AFTER_OK = re.compile(rf"[\s{_INVISIBLE}{_AR}«“(\"]")
_PREV_WORD = re.compile(r"\S+\Z")
_NEXT_WORD = re.compile(rf"[\s{_INVISIBLE}]*(\S+)")
_PREV_NUMBER = re.compile(r"\d[\d.,\u060c\u066b\u066c]*\s*\Z")
_STRIP_OPEN = re.compile(rf"^[{_OPENERS}]+")
_LATIN_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_AR_DOTTED = re.compile(rf"(?:[{_AR}]\.)*[{_AR}]")
_GLUED_ERA = re.compile(rf"\d+([{_AR}]+)")
_DIGITS = re.compile(r"\d+")
_QUOTE = re.compile(
    r"«[^«»\n]*»"
    r"|“[^“”\n]*”"
    r"""|(?<![^\s(\[:«“])"(?=[^\s"])[^"\n]*(?<=[^\s"])"(?!\w)"""
    r"|\([^()\n]*\)"
)
_QUOTE_CHARS = re.compile(r"[«“\"(]")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s«»“”\"'<>]+?(?=[.,;:!?\u060c\u061b\u061f»”\"')\]]*(?:\s|\Z))"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_CONTENT = re.compile(r"[^\W_]")
_NONSPACE = re.compile(rf"[^\s{_INVISIBLE}]")
_TRAIL_SPACE = re.compile(rf"[\s{_INVISIBLE}]+\Z")
_TERMINATORS = frozenset(".!?\u061f\u2026\u06d4")
_STRONG = frozenset("!?\u061f\u06d4;\u061b")
_CLOSER_SET = frozenset(_CLOSERS.replace("\\", "") + "\"'")


def split_sentences(text: str, *, split_on_semicolon: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences (see the module docstring for the rules).

    Args:
        text: the original article text.
        split_on_semicolon: also end sentences at ``؛`` and ``;`` (default: a clause break
            that stays inside the sentence).

    Example:
        >>> [s.text for s in split_sentences("قال د. أحمد إن النمو بلغ 1.2%. وأضاف: «نحن مستعدون».")]
        ['قال د. أحمد إن النمو بلغ 1.2%.', 'وأضاف: «نحن مستعدون».']
    """
    cand = _CAND_SEMI if split_on_semicolon else _CAND
    urls = _url_spans(text)
    out: list[Sentence] = []
    paragraph = 0
    for line in _LINE.finditer(text):
        ls, le = line.span()
        n_before = len(out)
        cur = ls
        protected: list[tuple[int, int]] | None = None
        for m in cand.finditer(text, ls, le):
            q = m.end()
            if q >= le or not _AFTER_OK.match(text, q):
                continue
            if protected is None:
                protected = _protected_quotes(text, ls, le)
            if not _is_boundary(text, m, cur, le, urls, protected):
                continue
            _emit(text, cur, q, paragraph, out)
            cur = q
        _emit(text, cur, le, paragraph, out)
        if len(out) > n_before:
            paragraph += 1
    return out


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    m = _NONSPACE.search(text, start, end)
    if m is None:
        return
    s = m.start()
    t = _TRAIL_SPACE.search(text, s, end)
    e = t.start() if t else end
    if _CONTENT.search(text, s, e) is None:
        return
    out.append(Sentence(s, e, text[s:e], paragraph))


def _url_spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if "@" not in text and "://" not in text and "www." not in text:
        return (), ()
    spans = [m.span() for m in _URL.finditer(text)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def _in_url(pos: int, urls: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = urls
    if not starts:
        return False
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _protected_quotes(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """Quotations/brackets on this line that do NOT end their sentence: ``(open, close)``."""
    if not _QUOTE_CHARS.search(text, ls, le):
        return []
    out = []
    for m in _QUOTE.finditer(text, ls, le):
        qs, qe = m.span()
        if not _quote_ends_sentence(text, qs, qe, le):
            out.append((qs, qe - 1))
    return out


def _quote_ends_sentence(text: str, qs: int, qe: int, le: int) -> bool:
    i = qe - 2  # the character before the closing mark, skipping nested closers
    while i > qs and text[i] in _CLOSER_SET:
        i -= 1
    if i > qs and text[i] in _TERMINATORS:
        return True
    j = qe
    while j < le and text[j] in _CLOSER_SET:
        j += 1
    if j < le and text[j] in _TERMINATORS:
        return True
    return _NONSPACE.search(text, j, le) is None


def _is_boundary(
    text: str,
    m: re.Match[str],
    sent_start: int,
    le: int,
    urls: tuple[tuple[int, ...], tuple[int, ...]],
    protected: list[tuple[int, int]],
) -> bool:
    p, q = m.start(), m.end()
    if protected:  # quotations do not overlap: only the last one opening before p matters
        i = bisect_right(protected, (p,)) - 1
        if i >= 0 and protected[i][0] < p and q <= protected[i][1]:
            return False
    if _in_url(p, urls):
        return False
    term = m.group("term")
    if any(c in _STRONG for c in term):
        return True
    if term != ".":  # an ellipsis
        if m.group("close"):
            return True
        nxt = _NEXT_WORD.match(text, q, le)
        return nxt is not None and "A" <= nxt.group(1)[0] <= "Z"
    return not _is_abbreviation(text, p, q, sent_start, le)


def _is_abbreviation(text: str, p: int, q: int, sent_start: int, le: int) -> bool:
    """Is the full stop at ``p`` the end of an abbreviation (or list label), not of a sentence?"""
    w = _PREV_WORD.search(text, max(sent_start, p - 48), p)
    if w is None:
        return False  # "النهاية ." -- a detached full stop ends the sentence
    ws = w.start()
    word = _STRIP_OPEN.sub("", w.group())
    if not word:
        return False
    if _DIGITS.fullmatch(word):
        return _NONSPACE.search(text, sent_start, ws) is None
    if _LATIN_DOTTED.fullmatch(word):
        return True
    if len(word) == 1 and "A" <= word <= "Z":
        nxt = _NEXT_WORD.match(text, q, le)
        return nxt is not None and "A" <= nxt.group(1)[0] <= "Z"
    if word.isascii():
        return norm(word) in _ABBR.latin
    bare = strip_diacritics(word)
    glued = _GLUED_ERA.fullmatch(bare)
    if glued:  # "2020م."
        return norm(glued.group(1)) in _ABBR.era and _date_continues(text, q, le)
    if _AR_DOTTED.fullmatch(bare):
        if norm(bare) in _ABBR.era and _PREV_NUMBER.search(text, max(sent_start, ws - 24), ws):
            return _date_continues(text, q, le)
        return True
    return False


def _date_continues(text: str, q: int, le: int) -> bool:
    nxt = _NEXT_WORD.match(text, q, le)
    if nxt is None:
        return False
    w = nxt.group(1)
    return w[0].isdigit() or w[0] in "-–/(\u060c," or norm(w.rstrip("،,.")) in _ABBR.era_next
