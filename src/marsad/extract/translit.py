"""Phonetic keys and Latin transliteration for names written in Arabic (and Latin) script.

Foreign names reach Arabic through several transliteration habits: g as ج, غ or ق
("شويغو", "شويجو"), long vowels (and w/y glides, even word-initial) written or not ("زيلينسكي", "زيلنسكي"), ه or ة at the end,
hamza forms, doubled letters; and the same names also appear in Latin script inside
Arabic text ("Zelensky", "Pyöngjang"). A *phonetic key* maps all of these to one string of
consonant classes so that spellings of one name meet; Latin names get the same key.
Hand-written: no maintained library transliterates Arabic names into such keys (the
Buckwalter/ISO schemes keep the distinctions we need to erase).

Example:
    >>> name_key("شويغو") == name_key("شويجو") == name_key("Shoigu")
    True
    >>> name_key("بيونغ يانغ") == name_key("بيونج يانج") == name_key("Pyongyang")
    True
"""

from __future__ import annotations

import re
import unicodedata

from marsad.text.normalize import norm

__all__ = ["name_key", "token_keys", "to_latin"]

# Arabic letter -> consonant class ("" drops it: vowels, hamza, ain)
_AR = {
    "ا": "", "و": "", "ي": "", "ء": "", "ع": "", "ى": "",
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "ج": "K", "ح": "H", "خ": "H", "د": "D", "ض": "D",
    "ذ": "Z", "ظ": "Z", "ر": "R", "ز": "Z", "س": "S", "ص": "S", "ش": "X", "غ": "K", "ف": "F", "ڤ": "F",
    "ق": "K", "ك": "K", "گ": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H", "ة": "",
}
# Latin digraphs first, then letters
_LAT_DI = (("sch", "X"), ("sh", "X"), ("ch", "X"), ("zh", "Z"), ("kh", "H"), ("ph", "F"), ("th", "T"),
           ("ts", "S"), ("dj", "K"), ("gh", "K"), ("ck", "K"), ("ng", "NK"))
_LAT = {"b": "B", "p": "B", "t": "T", "d": "D", "k": "K", "g": "K", "q": "K", "c": "K", "j": "K", "x": "KS",
        "s": "S", "z": "Z", "f": "F", "v": "F", "w": "", "h": "H", "r": "R", "l": "L", "m": "M", "n": "N",
        "a": "", "e": "", "i": "", "o": "", "u": "", "y": ""}
_AR_TOKEN = re.compile(r"[\u0621-\u064a]+")
_LATIN_TOKEN = re.compile(r"[a-z]+")


def _arabic_key(tok: str) -> str:
    out = []
    for i, ch in enumerate(tok):
        if ch == "ه" and i == len(tok) - 1:
            continue                                   # final ه/ة: "كوريه", "موسكوه"
        out.append(_AR.get(ch, ""))
    return "".join(out)


def _latin_key(tok: str) -> str:
    s = tok
    out = []
    i = 0
    while i < len(s):
        for di, rep in _LAT_DI:
            if s.startswith(di, i):
                out.append(rep)
                i += len(di)
                break
        else:
            ch = s[i]
            out.append(_LAT.get(ch, ""))
            i += 1
    return "".join(out)


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def token_keys(name: str) -> tuple[str, ...]:
    """One phonetic key per word of ``name`` (Arabic or Latin), words without consonants dropped."""
    n = norm(name)
    n = "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
    keys = []
    prev = ""
    for m in re.finditer(r"[\u0621-\u064a]+|[a-z]+", n):
        tok = m.group()
        if tok.startswith("ال") and len(tok) > 4 and prev not in ("عبد", "ابو", "ابي", "بن", "ابن"):
            tok = tok[2:]                              # "الكرملين" meets "Kremlin"; "عبد الحميد" keeps its ال
        prev = m.group()
        k = _arabic_key(tok) if "\u0621" <= tok[0] <= "\u064a" else _latin_key(tok)
        k = _collapse(k)
        if k:
            keys.append(k)
    return tuple(keys)


def name_key(name: str) -> str:
    """Phonetic key of a whole name: the word keys joined (so "بيونغ يانغ" meets "Pyongyang")."""
    return _collapse("".join(token_keys(name)))


_TO_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y",
    "ى": "a", "ة": "a", "ء": "'", "ؤ": "'", "ئ": "'", "پ": "p", "ڤ": "v", "گ": "g", " ": " ",
}


def to_latin(name: str) -> str:
    """A readable Latin rendering of an Arabic name (for display when no English name is known)."""
    out = []
    for w in name.split():
        chars = []
        for i, ch in enumerate(w):
            if ch in "وي" and 0 < i:
                chars.append("u" if ch == "و" else "i")   # long vowels inside a word
            else:
                chars.append(_TO_LATIN.get(ch, ch if ch.isascii() else ""))
        t = "".join(chars)
        t = t.replace("'", "").replace("aa", "a")
        out.append(t[:1].upper() + t[1:])
    return " ".join(out)
