"""Arabic normalisation for matching, with an offset map back to the original text.

Hand-written because no maintained, light library does this for Arabic while keeping
offsets: camel-tools pulls torch and downloads models; PyArabic's helpers return a new
string without telling where each character came from. The rules are the usual ones of
Arabic information retrieval (as in Lucene's ``ArabicNormalizer``), made explicit:

* Unicode NFKC (presentation forms such as ``ﻻ`` or ``ﺍ`` become plain letters);
* diacritics (harakat, tanwin, shadda, sukun, dagger alef), tatweel, directional marks
  and zero-width characters are removed;
* alef with hamza or madda and alef wasla become bare alef; ``ى`` becomes ``ي``;
  ``ة`` becomes ``ه``; ``ؤ`` becomes ``و`` and ``ئ`` becomes ``ي``;
* Arabic-Indic and Persian digits become ASCII digits; Arabic punctuation becomes its
  ASCII counterpart (``،``→``,``, ``؛``→``;``, ``؟``→``?``, ``٫``→``.``, ``٬``→``,``,
  ``٪``→``%``) and typographic quotes become ``"``;
* ASCII letters are lower-cased.

The original text is never changed: :func:`normalize` returns the normalised text and an
:class:`~marsad.text.offsets.OffsetMap` from it back to the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .offsets import OffsetMap

__all__ = ["Normalized", "normalize", "norm", "DIACRITICS", "strip_diacritics"]

DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
TATWEEL = "\u0640"
# directional marks, zero-width characters and the byte-order mark
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u2060\ufeff\u00ad"

_DELETE = DIACRITICS + TATWEEL + INVISIBLE
_DELETE_RE = re.compile(f"[{_DELETE}]+")

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه",
    "ؤ": "و",
    "ک": "ك", "گ": "ك",
    "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",", "٪": "%", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
for _c in range(ord("A"), ord("Z") + 1):
    _MAP[chr(_c)] = chr(_c + 32)

_TABLE = str.maketrans({**_MAP, **{c: None for c in _DELETE}})
_TABLE_KEEP_CASE = str.maketrans(
    {**{k: v for k, v in _MAP.items() if not ("A" <= k <= "Z")}, **{c: None for c in _DELETE}}
)


def _char_class(table: dict[int, str | None]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(table)) + "]")


_CLASS = _char_class(_TABLE)
_CLASS_KEEP_CASE = _char_class(_TABLE_KEEP_CASE)
# replacing character by character equals str.translate only if no output is itself replaced
assert not any(v and chr(k) != v and ord(v[0]) in _TABLE for k, v in _TABLE.items())


def _translate(s: str, table: dict[int, str | None], chars: re.Pattern) -> str:
    """``s.translate(table)``, faster on Arabic text of more than a few words.

    ``str.translate`` looks every character up in the table (about 0.2 µs each outside
    Latin-1); news text holds only a dozen distinct characters to change, so find them once
    and replace each with one C-speed ``str.replace``.
    """
    if len(s) < 200:
        return s.translate(table)
    for c in set(chars.findall(s)):
        s = s.replace(c, table[ord(c)] or "")
    return s


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the map from its characters to the original text."""

    text: str
    map: OffsetMap

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        return self.map.span_to_src(start, end)


def _nfkc(text: str) -> tuple[str, OffsetMap | None]:
    """NFKC character by character so that every output character keeps its source.

    Only the distinct characters NFKC changes are looked at (``set(text)`` runs in C), and
    the text is rebuilt around their occurrences, so long texts with a few presentation
    forms or no-break spaces stay fast.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    changed = {}
    for ch in set(text):
        if ord(ch) > 0x7F:
            n = unicodedata.normalize("NFKC", ch)
            if n != ch:
                changed[ch] = n
    if not changed:
        return text, None
    pieces: list[str] = []
    blocks: list[tuple[int, int, int]] = []
    src = dst = 0
    for m in re.finditer("[" + "".join(re.escape(c) for c in changed) + "]", text):
        i = m.start()
        if i > src:
            pieces.append(text[src:i])
            blocks.append((dst, src, i - src))
            dst += i - src
        rep = changed[text[i]]
        pieces.append(rep)
        for k in range(len(rep)):
            blocks.append((dst + k, i, 1))
        dst += len(rep)
        src = i + 1
    if src < len(text):
        pieces.append(text[src:])
        blocks.append((dst, src, len(text) - src))
        dst += len(text) - src
    return "".join(pieces), OffsetMap(tuple(blocks), dst, len(text))


def normalize(text: str, *, lower: bool = True) -> Normalized:
    """Normalise ``text`` for matching and keep where each character came from.

    The same article or sentence is normalised by several stages (numbers, claims, dates,
    the gazetteer), so the last results are memoised; :class:`Normalized` is immutable.

    Example:
        >>> n = normalize("قالَ إنّ ٣٠٬٠٠٠ جنديٍّ")
        >>> n.text
        'قال ان 30,000 جندي'
        >>> n.span_to_src(7, 13)
        (8, 14)
    """
    return _normalize(text, lower)


@lru_cache(maxsize=256)
def _normalize(text: str, lower: bool) -> Normalized:
    base, nfkc_map = _nfkc(text)
    table, chars = (_TABLE, _CLASS) if lower else (_TABLE_KEEP_CASE, _CLASS_KEEP_CASE)
    if not _DELETE_RE.search(base):
        out = _translate(base, table, chars)
        m = OffsetMap.identity(len(base)) if nfkc_map is None else nfkc_map
        return Normalized(out, m)
    blocks: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    src = dst = 0
    for mt in _DELETE_RE.finditer(base):
        if mt.start() > src:
            n = mt.start() - src
            blocks.append((dst, src, n))
            pieces.append(base[src : mt.start()])
            dst += n
        src = mt.end()
    if src < len(base):
        blocks.append((dst, src, len(base) - src))
        pieces.append(base[src:])
        dst += len(base) - src
    out = _translate("".join(pieces), table, chars)
    m = OffsetMap(tuple(blocks), dst, len(base))
    if nfkc_map is not None:
        m = m.then(nfkc_map)
    return Normalized(out, m)


def norm(text: str) -> str:
    """The normalised form only: for lexicon keys and look-ups.

    Same text as ``normalize(text).text`` without building the offset map: the deletions are
    part of the translation table. Short strings (words, names, cue phrases, looked up again
    and again) are memoised.
    """
    if len(text) <= 64:
        return _norm_short(text)
    return _translate(_nfkc(text)[0], _TABLE, _CLASS)


@lru_cache(maxsize=1 << 16)
def _norm_short(text: str) -> str:
    return _nfkc(text)[0].translate(_TABLE)


def strip_diacritics(text: str) -> str:
    return _DELETE_RE.sub("", text)
