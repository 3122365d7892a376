"""Text-quality flags for machine-translated or mangled reports, and an explainable score.

:func:`quality` returns a score in [0, 1] and the :class:`Flag` records behind it; every flag
has a span of ``Article.text`` (zero-width where the problem is a missing thing), the text
there, and a note. Hand-written: the usual language-quality tools (LanguageTool, spell
checkers) need dictionaries or services and do not know the failure modes of Arabic news
machine translation; these are the ones seen in the field, each a plain rule:

``replacement_char``
    U+FFFD, left where bytes could not be decoded.
``mojibake``
    Arabic UTF-8 read as Windows-1252/Latin-1 (``Ø§Ù„``): two or more pairs of a lead
    character ``Ø Ù Ú Û`` and a continuation character.
``mixed_script``
    one token with both Arabic and Latin letters (``كوريTV``).
``implausible_word``
    an Arabic word no writer produces: ``ة`` or ``ى`` inside a word (``لقادةهم`` for
    ``لقادتهم``: the suffix was glued by a machine), a letter three times in a row, or more
    than ``max_word_letters`` letters (words run together).
``latin_leftover``
    a run of Latin-script words inside an Arabic line, once acronyms (``CNN``, ``NIS``,
    ``KCNA``, ``S-400``), anything in brackets (``(GUR)``), units and web words, and names the
    gazetteer knows (``Dmitry Peskov``, ``RIA Novosti``) are set aside. A word in lower case
    or with German/Nordic letters (``Pyöngjang``, ``reading``) is surely a leftover of the
    source language (weight ``latin_leftover``); a capitalised unknown word (``Kremllagers``,
    ``Rosselkhozbank``) may be an untranslated word or an untransliterated name (weight
    ``latin_capitalised``, lower).
``repeated_headline`` / ``repeated_line``
    the headline printed twice (cleaning drops the copy: ``Article.removed`` rule
    ``repeated_headline``; the flag sits on the kept headline), or any other line of four
    words or more printed twice.
``broken_sentence``
    a line that ends on a word a sentence cannot end on (``قال``, ``إن``, ``في``…; see
    ``dangling_words``) while text follows: the sentence was cut across lines; a short line
    without punctuation stranded between a finished paragraph and a heading or the end (a
    fragment), or such a piece left after the last full stop of a paragraph; an article
    whose last line stops without punctuation.
``unbalanced_quote``
    a line with an opening ``«``/``“`` and no closing one (or the reverse), or an odd number
    of ``"``.
``long_sentence``
    a sentence of more than ``long_sentence_words`` words, or of more than
    ``long_unpunctuated_words`` words without a comma, colon or semicolon (machine output
    that lost its punctuation).

**Score** = 1 − Σ over kinds of min(cap, Σ weights of that kind's flags), floored at 0. The
weights and caps are data (``marsad/lexicon/ar/quality.json``): one U+FFFD costs 0.15 (at
most 0.45), a cut sentence 0.07 (at most 0.35), a Latin leftover 0.08, an unknown Latin
name 0.03, a repeated headline 0.05… An article without flags scores 1.0.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from marsad.records import Article
from marsad.text.normalize import norm
from marsad.text.sentences import split_sentences

__all__ = ["Flag", "Quality", "quality", "load_rules"]


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str
    start: int          # span of Article.text
    end: int
    text: str
    note: str
    weight: float       # what this flag takes off the score (before the cap of its kind)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quality:
    score: float                    # 1.0 = nothing found
    flags: tuple[Flag, ...]         # in text order
    penalties: tuple[tuple[str, float], ...] = ()   # per kind, after its cap: how the score was made

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "flags": [f.to_dict() for f in self.flags],
                "penalties": {k: v for k, v in self.penalties}}


@dataclass(frozen=True, slots=True)
class _Rules:
    weights: dict[str, float]
    caps: dict[str, float]
    long_words: int
    long_unpunct: int
    max_letters: int
    dangling: frozenset[str]
    latin_ok: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> _Rules:
    d = json.loads(resources.files("marsad.lexicon.ar").joinpath("quality.json").read_text("utf-8"))
    return _Rules(dict(d["weights"]), dict(d["caps"]), int(d["long_sentence_words"]),
                  int(d["long_unpunctuated_words"]), int(d["max_word_letters"]),
                  frozenset(norm(w) for w in d["dangling_words"]), frozenset(w.lower() for w in d["latin_ok"]))


_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_AR_RE = re.compile(f"[{_AR}]")
_LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(r"[^\s\d()\[\]{}«»“”\"'،,.:;!?؟…\-–—/|]+")
_MIXED = re.compile(f"(?=.*[{_AR}])(?=.*[{_LAT}])")
_INNER_TA = re.compile(f"[ةى](?=[{_AR}])")
_TRIPLE = re.compile(f"([{_AR}])\\1\\1")
_MOJIBAKE = re.compile("(?:[ØÙÚÛ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]){2,}")
_LATIN_RUN = re.compile(f"[{_LAT}][{_LAT}0-9'’.-]*(?:[ \t]+[{_LAT}][{_LAT}0-9'’.-]*)*")
_GERMANIC = re.compile("[äöüßÄÖÜåøæ]")
_ACRONYM = re.compile(r"(?:[A-Z][A-Z0-9&.\-]{1,7}|[A-Z](?:\.[A-Z])+\.?)")
_LINE = re.compile(r"[^\n]+")
_TERMINAL = tuple(".!?؟…:\"»”)'")
_PUNCT_IN = re.compile(r"[،,;؛:]")


def quality(article: Article | str, *, mentions: Sequence | None = None) -> Quality:
    """Quality flags and score of an article (or of a bare text).

    ``mentions`` (entity mentions in ``Article.text`` coordinates) tell known Latin names
    from leftovers; they are found with the gazetteer when needed and not given.
    """
    if isinstance(article, str):
        text, removed = article, ()
        raw = article
    else:
        text, removed, raw = article.text, article.removed, article.raw_text
    r = load_rules()
    flags: list[Flag] = []

    def add(kind: str, s: int, e: int, note: str, weight: float | None = None) -> None:
        flags.append(Flag(kind, s, e, text[s:e], note, r.weights[kind] if weight is None else weight))

    for m in re.finditer("\ufffd+", text):
        add("replacement_char", m.start(), m.end(), f"{m.end() - m.start()} undecodable character(s) (U+FFFD)")
    for m in _MOJIBAKE.finditer(text):
        add("mojibake", m.start(), m.end(), "Arabic UTF-8 read as Windows-1252 (mojibake)")
    for m in _TOKEN.finditer(text):
        w = m.group()
        if _MIXED.match(w):
            add("mixed_script", m.start(), m.end(), "Arabic and Latin letters in one word")
            continue
        if not _AR_RE.search(w):
            continue
        if _INNER_TA.search(w):
            add("implausible_word", m.start(), m.end(), "ta marbuta or alef maqsura inside a word")
        elif _TRIPLE.search(w):
            add("implausible_word", m.start(), m.end(), "a letter three times in a row")
        elif len(w) > r.max_letters:
            add("implausible_word", m.start(), m.end(), f"{len(w)} letters: words run together?")
    garbled = [(f.start, f.end) for f in flags if f.kind in ("mojibake", "mixed_script")]
    flags.extend(f for f in _latin(text, mentions, r) if not any(s <= f.start < e for s, e in garbled))
    flags.extend(_repeats(text, raw, removed, r))
    flags.extend(_broken(text, r))
    flags.extend(_quotes(text, r))
    for s in split_sentences(text):
        n = len(s.text.split())
        if n > r.long_words:
            add("long_sentence", s.start, s.end, f"{n} words in one sentence")
        elif n > r.long_unpunct and not _PUNCT_IN.search(s.text):
            add("long_sentence", s.start, s.end, f"{n} words without a comma or colon")
    flags.sort(key=lambda f: (f.start, f.end, f.kind))
    total: dict[str, float] = {}
    for f in flags:
        total[f.kind] = total.get(f.kind, 0.0) + f.weight
    penalties = tuple(sorted((k, round(min(r.caps.get(k, 1.0), v), 4)) for k, v in total.items()))
    score = max(0.0, 1.0 - sum(v for _, v in penalties))
    return Quality(round(score, 4), tuple(flags), penalties)


def _latin(text: str, mentions: Sequence | None, r: _Rules) -> list[Flag]:
    out: list[Flag] = []
    known: list[tuple[int, int]] | None = None
    for line in _LINE.finditer(text):
        ls, le = line.span()
        if not _AR_RE.search(text, ls, le):
            continue                    # a Latin-only line is not Arabic text with a leftover
        for m in _LATIN_RUN.finditer(text, ls, le):
            s, e = m.span()
            if _bracketed(text, s, e, ls, le):
                continue
            if known is None:
                if mentions is None:
                    from marsad.extract.entities import find_mentions

                    mentions = find_mentions(text, use_ner=False)
                known = [(x.start, x.end) for x in mentions if x.entry_id]
            for w in re.finditer(r"[^\s.'’-]+(?:[.'’-][^\s.'’-]+)*", text[s:e]):
                ws, we = s + w.start(), s + w.end()
                word = w.group()
                if not word or _ACRONYM.fullmatch(word) or word.lower() in r.latin_ok:
                    continue
                germanic = bool(_GERMANIC.search(word))
                if not germanic and any(ks <= ws and we <= ke for ks, ke in known):
                    continue
                if word[0].islower() or germanic:
                    why = "German/Nordic letters: left from a German source" if germanic else "a Latin word in lower case"
                    out.append(Flag("latin_leftover", ws, we, text[ws:we], f"{why} inside Arabic text",
                                    r.weights["latin_leftover"]))
                else:
                    out.append(Flag("latin_leftover", ws, we, text[ws:we],
                                    "a capitalised Latin word inside Arabic text: untranslated word or name?",
                                    r.weights["latin_capitalised"]))
    return _merge_adjacent(out, text)


def _merge_adjacent(flags: list[Flag], text: str) -> list[Flag]:
    """One flag per run of neighbouring words of the same kind (``News Outlet`` is one leftover)."""
    out: list[Flag] = []
    for f in flags:
        if out and out[-1].kind == f.kind and out[-1].weight == f.weight and text[out[-1].end:f.start].strip() == "":
            p = out[-1]
            out[-1] = Flag(p.kind, p.start, f.end, text[p.start:f.end], p.note, p.weight)
        else:
            out.append(f)
    return out


def _bracketed(text: str, s: int, e: int, ls: int, le: int) -> bool:
    """Is ``text[s:e]`` inside brackets on its line (``(GUR)``, ``[NIS]``)?"""
    before = text[ls:s]
    after = text[e:le]
    for o, c in (("(", ")"), ("[", "]"), ("{", "}")):
        i = before.rfind(o)
        if i >= 0 and c not in before[i:] and c in after:
            return True
    return False


def _repeats(text: str, raw: str, removed: Sequence[tuple[int, int, str]], r: _Rules) -> list[Flag]:
    out: list[Flag] = []
    lines = [(m.start(), m.end(), " ".join(norm(m.group()).split())) for m in _LINE.finditer(text)]
    for s0, e0, rule in removed:
        if rule != "repeated_headline":
            continue
        dup = " ".join(norm(raw[s0:e0]).split())
        hit = next(((s, e) for s, e, n in lines if n == dup), (0, 0))
        out.append(Flag("repeated_headline", hit[0], hit[1], text[hit[0]:hit[1]],
                        f"headline printed twice (the copy at raw [{s0}, {e0}) was dropped by cleaning)",
                        r.weights["repeated_headline"]))
    seen: dict[str, int] = {}
    for s, e, n in lines:
        if len(n.split()) < 4:
            continue
        if n in seen:
            out.append(Flag("repeated_line", s, e, text[s:e], f"the line at {seen[n]} printed again",
                            r.weights["repeated_line"]))
        else:
            seen[n] = s
    return out


def _last_word(line: str) -> str:
    words = re.findall(r"[^\W\d_]+", norm(line))
    return words[-1] if words else ""


def _broken(text: str, r: _Rules) -> list[Flag]:
    out: list[Flag] = []
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text) if m.group().strip()]
    for k, (s, e, t) in enumerate(lines):
        ended = t.endswith(_TERMINAL)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if not ended and nxt is not None and _last_word(t) in r.dangling:
            out.append(Flag("broken_sentence", s, nxt[1], text[s:nxt[1]],
                            f"line ends on «{t.split()[-1]}» and the sentence goes on in the next line",
                            r.weights["broken_sentence"]))
            continue
        if ended or len(t.split()) > 3 or k == 0:
            continue
        # a few words without punctuation: a heading, unless nothing (or only another heading)
        # follows; a heading before a cut line ("قال" alone) is still a heading
        prev_ended = lines[k - 1][2].endswith(_TERMINAL)
        if nxt is None:
            fragment = True
        else:
            after = lines[k + 2] if k + 2 < len(lines) else None
            heading_next = not nxt[2].endswith(_TERMINAL) and len(nxt[2].split()) <= 8 \
                and _last_word(nxt[2]) not in r.dangling and after is not None and len(after[2].split()) > 8
            fragment = prev_ended and heading_next
        if fragment:
            out.append(Flag("broken_sentence", s, e, t, "a fragment: a few words without punctuation that "
                            "no paragraph follows", r.weights["broken_sentence"]))
    for s, e, t in lines:               # "... التحولات. الغزو الروسي": a piece after the last full stop
        if t.endswith(_TERMINAL):
            continue
        sents = split_sentences(t)
        if len(sents) >= 2 and len(sents[-1].text.split()) <= 3 and sents[-2].text.endswith(_TERMINAL):
            fs = s + sents[-1].start
            out.append(Flag("broken_sentence", fs, s + sents[-1].end, sents[-1].text,
                            "a fragment after the paragraph's last full stop", r.weights["broken_sentence"]))
    if lines:
        s, e, t = lines[-1]
        if not t.endswith(_TERMINAL) and len(t.split()) >= 4 and not any(f.start <= s < f.end for f in out):
            out.append(Flag("broken_sentence", e, e, "", "the article stops without punctuation",
                            r.weights["broken_sentence"]))
    return out


def _quotes(text: str, r: _Rules) -> list[Flag]:
    out: list[Flag] = []
    for m in _LINE.finditer(text):
        ls, t = m.start(), m.group()
        for o, c in (("«", "»"), ("“", "”")):
            depth = 0
            for i, ch in enumerate(t):
                if ch == o:
                    depth += 1
                elif ch == c:
                    if depth == 0:
                        out.append(Flag("unbalanced_quote", ls + i, ls + i + 1, ch, f"{c} without an opening {o}",
                                        r.weights["unbalanced_quote"]))
                    else:
                        depth -= 1
            if depth > 0:
                i = t.rfind(o)
                out.append(Flag("unbalanced_quote", ls + i, ls + i + 1, o, f"{o} never closed on its line",
                                r.weights["unbalanced_quote"]))
        if t.count('"') % 2:
            i = t.rfind('"')
            out.append(Flag("unbalanced_quote", ls + i, ls + i + 1, '"', 'an odd number of " on the line',
                            r.weights["unbalanced_quote"]))
    return out
