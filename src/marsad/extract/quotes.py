"""Quotes: who said what, directly (“…”, «…», "…") or in indirect speech ("قال X إن ...").

The speaker is found with the attribution rules of :mod:`marsad.extract.attribution` (a reporting
verb and its subject before the quote, a reporting verb after it, or the previous sentence's
speaker for "وأضاف: «...»"), so figures and quotes are attributed the same way.
Quotes of fewer than two words are scare quotes ("الآلاف") and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from marsad.extract.attribution import (Source, _HARD_BREAK, _is_comp, _is_reporting, _speaker, _verb_after,
                                   _verb_before, _words, load_lexicon, word_forms)
from marsad.text.sentences import split_sentences

__all__ = ["Quote", "extract_quotes"]

_PAIRS = re.compile(r"“([^”\n]{2,}?)”|«([^»\n]{2,}?)»|\"([^\"\n]{2,}?)\"|„([^“\n]{2,}?)“")


@dataclass(frozen=True, slots=True)
class Quote:
    """``start/end`` index the quoted words (marks excluded); the speaker keeps its own span."""

    start: int
    end: int
    text: str
    kind: str                      # direct | indirect
    speaker: Source | None
    sentence_start: int
    sentence_end: int
    speaker_entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["speaker"] = None if self.speaker is None else asdict(self.speaker)
        return d


def extract_quotes(text: str) -> list[Quote]:
    """Direct and indirect quotations in ``text`` with their speakers, in order."""
    lex = load_lexicon()
    sents = split_sentences(text)
    out: list[Quote] = []
    last: Source | None = None
    directs = [m for m in _PAIRS.finditer(text) if len(m.group(m.lastindex).split()) >= 2]
    for sent in sents:
        words = _words(text, sent)
        found_here: list[Quote] = []
        for m in directs:
            if not (sent.start <= m.start() < sent.end):
                continue
            s, e = m.span(m.lastindex)
            i0 = next((k for k, w in enumerate(words) if w.start >= s), len(words))
            i1 = max(0, next((k for k, w in enumerate(words) if w.start >= e), len(words)) - 1)
            src, continues = _verb_before(text, words, i0, lex) if i0 else (None, False)
            src = src or _verb_after(text, words, i1, lex)
            if src is None and (continues or i0 == 0 or _opens_with_reporting(words, i0, lex)) and last is not None:
                src = Source(last.text, last.start, last.end, "continuation")
            found_here.append(Quote(s, e, text[s:e], "direct", src, sent.start, sent.end))
        if not found_here:
            q = _indirect(text, sent, words, lex, last)
            if q is not None:
                found_here.append(q)
        for q in found_here:
            if q.speaker is not None:
                last = q.speaker
        if not found_here:
            sp = _speaker(text, words, lex)
            if sp is not None:
                last = sp
        out.extend(found_here)
    return out


def _opens_with_reporting(words, i0: int, lex) -> bool:
    return any(_is_reporting(w, lex) for w in words[:i0])


def _indirect(text: str, sent, words, lex, last: Source | None) -> Quote | None:
    """"قال X إن ..." : the clause after the complementiser, when a reporting verb governs it."""
    for k, w in enumerate(words[:12]):
        if not _is_reporting(w, lex):
            continue
        comp = next((m for m in range(k + 1, min(len(words), k + 10)) if _is_comp(words[m], lex)), None)
        if comp is None or comp + 1 >= len(words) or _HARD_BREAK.search(words[comp].gap):
            return None
        src, continues = _verb_before(text, words, comp + 1, lex)
        continues = continues and not lex.continuation.isdisjoint(word_forms(w.text))  # "وأضاف أن", not "ويعتقد أن"
        if src is None and continues and last is not None:
            src = Source(last.text, last.start, last.end, "continuation")
        if src is None:
            return None                       # "ويعتقد أن ...": no one is quoted
        s, e = words[comp + 1].start, sent.end
        while e > s and text[e - 1] in ".!?؟ ":
            e -= 1
        return Quote(s, e, text[s:e], "indirect", src, sent.start, sent.end)
    return None
