"""Quantitative claims: who says how many of what, and when.

From each sentence's numeric expressions of type *count* (and money), a :class:`Claim` is
built with the counted thing and its category, the hedge, the predicate and actor, the stance
(asserted / reported / denied), the reference date and the source the text attributes it to.

Hand-written because no maintained library does this for Arabic news prose; the grammar
is small and explicit, the words are data (``marsad/lexicon/ar/claims.json``); the
attribution cues live in :mod:`marsad.extract.attribution`, shared with quotes:

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

from dataclasses import asdict, dataclass
from typing import Any, Sequence

from marsad.extract.attribution import (
    _HARD_BREAK, _TIME_WORDS, ClaimLexicon, Source, _according_to, _is_break, _n, _np, _origin, _speaker,
    _verb_after, _verb_before, _Word, load_lexicon, sentence_words, word_forms)
from marsad.extract.when import resolve_ref_date
from marsad.text.numbers import NumberMention, find_numbers
from marsad.text.sentences import Sentence, split_sentences

__all__ = ["Claim", "Source", "ClaimLexicon", "load_lexicon", "extract_claims", "CLAIM_TYPES"]

CLAIM_TYPES = frozenset({"count", "money"})

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
        if w.text in _COUNT_CONTEXT or not _COUNT_CONTEXT.isdisjoint(word_forms(w.text)):
            for m in range(k + 1, min(i0, k + 3)):
                cat = _lookup(word_forms(words[m].text), lex.nouns)
                if cat:
                    return cat, words[m].text, i1
            if not _TOLL.isdisjoint(word_forms(w.text)):
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


_DUAL_ENDS = ("ين", "ان")


def _dual(w: _Word, lex: ClaimLexicon) -> str | None:
    """Category of a dual noun standing for the number two ("زيارتين", "جنديين")."""
    t = w.text
    if not t.endswith(_DUAL_ENDS):
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
                if hit[0] in _PLANNABLE and k < i0 and _planned_before(words, k, lex):
                    return "planned", hit[1], k      # "تخطط لإرسال", "تعتزم نشر": a plan, not a deployment
                return hit[0], hit[1], k
    return None, None, None


_PLANNABLE = frozenset({"sent", "deployed", "supplied"})


def _planned_before(words: list[_Word], k: int, lex: ClaimLexicon) -> bool:
    """A plan verb governing the verb at ``k`` from up to four words before it, in the same clause
    ("تخطط لإرسال", "تخطط أديس أبابا لإرسال")."""
    for j in range(k - 1, max(-1, k - 5), -1):
        if _HARD_BREAK.search(words[j + 1].gap):
            return False
        if any(lex.verbs.get(f, ("",))[0] == "planned" for f in word_forms(words[j].text)):
            return True
    return False


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
    words_of = sentence_words(text)
    last_source: Source | None = None
    last_category: str | None = None
    pending: list[int] = []          # claims of the previous sentence without a source
    for sent in sents:
        in_sent = [n for n in nums if sent.start <= n.start < sent.end]
        words = words_of(sent)
        origin = _origin(text, words, lex) if pending else None
        if origin and pending:
            for ci in pending:
                c = claims[ci]
                claims[ci] = _replace(c, source=origin, stance="reported" if c.stance == "asserted" else c.stance)
        pending = []
        sentence_sources: list[Source] = []
        figures = _figures(words, in_sent, lex)
        if figures:                                      # most sentences carry no figure
            acc = _according_to(text, words, lex)
            joined = " ".join(w.text for w in words)
            denied = any(d in joined for d in lex.denial)
        ref_date: tuple[str | None, str] | None = None   # resolved when the sentence has a claim
        for i0, i1, n in figures:
            cat, noun, last = _counted(words, i0, i1, lex)
            if i0 == i1 and not words[i0].text[:1].isdigit():
                cat = _dual(words[i0], lex) or cat       # "زيارتين", "جنديان": the noun is the number
            if i0 > 0 and not _is_break(words[i0]) and not lex.construct_casualty.isdisjoint(word_forms(words[i0 - 1].text)):
                cat = "casualties"                        # "انتشال جثث 23 مهاجرًا"
            pred, pred_cat, pred_idx = _predicate(words, i0, lex)
            nxt = words[i1 + 1].text if i1 + 1 < len(words) else ""
            if n.unit == "times":
                if nxt in lex.multipliers or not lex.multipliers.isdisjoint(word_forms(n.text.split()[-1])):
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
            if ref_date is None:
                ref_date = resolve_ref_date(sent.text, published,   # the words hold the normalised sentence
                                            normalized="".join([w.gap + w.text for w in words]))
            ref, ref_from = ref_date
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
        if not w.text.endswith(_DUAL_ENDS) or k in covered or (k > 0 and words[k - 1].text.isdigit()):
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


def _replace(c: Claim, **kw: Any) -> Claim:
    d = {f: getattr(c, f) for f in c.__slots__}
    d.update(kw)
    return Claim(**d)
