"""Entity mentions and their resolution: one entity per real person, organisation and place.

Mentions come from a cascade (trafilatura-style: each method fills what the previous left):

1. the **gazetteer** (``marsad/lexicon/ar/gazetteer.json``: CLDR country names via Babel plus
   curated news entities with their spellings), clitic- and spelling-tolerant;
2. **context rules** (``marsad/lexicon/ar/entities.json``): a person's title before a name
   ("وزير الخارجية الروسي سيرجي لافروف"), an organisation head and its genitives
   ("جهاز المخابرات الوطنية في كوريا الجنوبية"), capitalised Latin names inside Arabic text
   ("Dmitry Peskov", "RIA Novosti", "CNN");
3. the **statistical tagger** (a CRF trained on ANERcorp, shipped in ``marsad/models``) for
   names neither of the above sees.

With the tagger on (the default), its spans come first and keep their newswire extent; the
gazetteer gives them identity and type, adds the names the tagger missed (less descriptive
phrases the tagger is sure are not names), and of the rules only the Latin-script one is
used (see ``find_mentions``; measured in ``marsad/models/MODEL_CARD.md``).

Resolution across documents (:func:`resolve`) gives every mention an entity id:

* a gazetteer mention is its entry; another mention whose phonetic key (see
  :mod:`marsad.extract.translit`) equals a gazetteer spelling's, word for word and with the
  same type, is that entry too ("Zelensky", "زيلنسكي");
* within a document a one-word person mention ("بوتين", "كيم" after "السيد") joins the only
  longer person mention of that document containing a word with the same key;
* across documents, names of two or more words join when their types agree and every word's
  key matches (rapidfuzz ratio ≥ 90 on keys): a shared first or family name alone never merges
  two people ("سيرجي لافروف" ≠ "سيرجي شويغو", "كيم جونغ أون" ≠ "كيم يونغ هيون");
* an acronym in brackets after a name ("جهاز المخابرات الوطنية (NIS)") is that entity elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from marsad.extract.attribution import _clitic_cut, _words_identity
from marsad.extract.gazetteer import Gazetteer, load_gazetteer
from marsad.extract.translit import name_key, to_latin, token_keys
from marsad.text.normalize import norm, normalize

__all__ = ["Mention", "Entity", "EntityRules", "find_mentions", "resolve", "load_rules"]

@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text: half-open span, type, and how it was found."""

    start: int
    end: int
    text: str
    type: str                       # PER | ORG | LOC
    via: str                        # gazetteer | rule | latin | ner | acronym
    entry_id: str | None = None     # gazetteer entry when known
    score: float = 1.0
    name: str | None = None         # the name without attached proclitics, when the span has them

    @property
    def surface(self) -> str:
        return self.name or self.text


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name_ar: str
    name_en: str
    wikidata: str | None
    spellings: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class EntityRules:
    titles: tuple[tuple[str, ...], ...]
    title_mods: frozenset[str]
    org_heads: tuple[tuple[str, ...], ...]
    joiners: frozenset[str]
    latin_org: frozenset[str]
    not_names: frozenset[str]
    title_index: dict[str, tuple[tuple[str, ...], ...]]   # first word -> title sequences, longest first
    org_index: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]   # first word -> (rank in org_heads, head)
    title_starts: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> EntityRules:
    d = json.loads(resources.files("marsad.lexicon.ar").joinpath("entities.json").read_text("utf-8"))
    seqs = lambda xs: tuple(sorted((tuple(norm(x).split()) for x in xs), key=len, reverse=True))  # noqa: E731
    titles = seqs(d["person_titles"])
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for t in titles:
        index[t[0]].append(t)
    heads = seqs(d["org_heads"])
    org_index: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for rank, h in enumerate(heads):
        org_index[h[0]].append((rank, h))
    return EntityRules(titles, frozenset(norm(x) for x in d["title_modifiers"]),
                       heads, frozenset(norm(x) for x in d["name_joiners"]),
                       frozenset(x.lower() for x in d["latin_org_words"]), frozenset(norm(x) for x in d["not_names"]),
                       {k: tuple(v) for k, v in index.items()},
                       {k: tuple(v) for k, v in org_index.items()}, frozenset(t[0] for t in titles))


# ---------------------------------------------------------------- words

@dataclass(frozen=True, slots=True)
class _W:
    n: str        # normalised
    start: int
    end: int
    gap: str      # normalised text before the word


_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[،,.:;!?«»\"“”()\[\]؛؟|]|\s-\s")
_FUNCTION = frozenset(norm(w) for w in (
    "في من الى إلى على عن مع منذ حتى بين خلال عبر حول ضد نحو لدى عند قبل بعد امام و او ثم لكن بل ان إن انه أنه "
    "كما مما ما لا لم لن قد هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن كان كانت يوم اليوم امس قال قالت وقال "
    "وقالت يقول تقول اكد أكد اضاف أضاف ذكر ذكرت اعلن أعلن انها إنها وأضاف واكد وذكرت بأن لأن بأنه بأنها فيما بينما حيث إذ اذ لكن غير بل").split())


def _words(text: str) -> list[_W]:
    n = normalize(text)
    if n.map.blocks == ((0, 0, len(n.text)),) and len(n.text) == len(text):   # nothing deleted
        return _words_identity(n.text, 0, _W)
    out, prev = [], 0
    for m in _WORD.finditer(n.text):
        s, e = n.span_to_src(m.start(), m.end())
        out.append(_W(m.group(), s, e, n.text[prev:m.start()]))
        prev = m.end()
    return out


@lru_cache(maxsize=1 << 16)
def _strip_proclitic(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def _match_seq(words: list[_W], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(words):
        return False
    for k, s in enumerate(seq):
        w = words[i + k].n
        if w != s and not (k == 0 and w[:1] in "وفبل" and w[1:] == s):
            return False
        if k and _PUNCT.search(words[i + k].gap):
            return False
    return True


def _is_name_word(w: _W, rules: EntityRules) -> bool:
    t = w.n
    return (t.isalpha() and t not in _FUNCTION and not t.startswith("ال") and t not in rules.title_mods
            and t not in rules.not_names and _strip_proclitic(t) not in rules.not_names and len(t) >= 2
            and not (len(t) > 4 and t.endswith("يه")))       # feminine nisba adjectives: "ميدانية"


def _family_name(w: _W, rules: EntityRules) -> bool:
    """A family name with the article after a first name: "يوسف القاسمي", "محمد الهادي الزواري"."""
    t = w.n
    return (t.startswith("ال") and len(t) > 4 and t not in rules.title_mods and t not in _FUNCTION
            and t[2:] not in rules.not_names and t not in rules.not_names and not t.endswith("يه"))


# ---------------------------------------------------------------- rules

def _title_names(text: str, words: list[_W], rules: EntityRules) -> Iterable[Mention]:
    """Names after a person's title: "الرئيس الروسي فلاديمير بوتين", "السيد كيم"."""
    i = 0
    while i < len(words):
        w0 = words[i].n
        cands = rules.title_index.get(w0, ()) + (rules.title_index.get(w0[1:], ()) if w0[:1] in "وفبل" else ())
        seq = next((s for s in cands if _match_seq(words, i, s)), None)
        if not seq:
            i += 1
            continue
        j = i + len(seq)
        # the title's own genitives and adjectives
        while j < len(words) and (words[j].n in rules.title_mods or words[j].n.startswith(("ال", "لل"))) and j - i < 8:
            if _PUNCT.search(words[j].gap) and not words[j].gap.strip() in (",",):
                break
            j += 1
        if j < len(words) and _PUNCT.search(words[j].gap) and words[j].gap.strip() not in (",", "،"):
            i = j
            continue
        k = j
        while k < len(words) and k - j < 4 and (k == j or not _PUNCT.search(words[k].gap)):
            w = words[k]
            after_family = k > j and _family_name(words[k - 1], rules) and words[k - 2].n not in rules.joiners
            if (_is_name_word(w, rules) and not after_family) or (
                    k > j and (words[k - 1].n in rules.joiners or _family_name(w, rules))):
                k += 1
                continue
            break
        if k > j:
            s, e = words[j].start, words[k - 1].end
            yield Mention(s, e, text[s:e], "PER", "rule", score=0.8)
        i = max(k, i + 1)


def _speaker_names(text: str, words: list[_W], rules: EntityRules) -> Iterable[Mention]:
    """Two or three name words right after a reporting verb: "وأكد جوستاف لارسن أن"."""
    from marsad.extract.attribution import load_lexicon
    from marsad.text.tokens import word_forms

    reporting = load_lexicon().reporting
    for i, w in enumerate(words[:-2]):
        if w.n.startswith("ال") or reporting.isdisjoint(word_forms(w.n)):
            continue
        k = i + 1
        while k < len(words) and k - i <= 3 and _is_name_word(words[k], rules) and (k == i + 1 or not _PUNCT.search(words[k].gap)):
            k += 1
        n = k - (i + 1)
        if 2 <= n <= 3 and not _PUNCT.search(words[i + 1].gap):
            s, e = words[i + 1].start, words[k - 1].end
            yield Mention(s, e, text[s:e], "PER", "rule", score=0.5)


def _org_names(text: str, words: list[_W], rules: EntityRules, places: list[tuple[int, int]]) -> Iterable[Mention]:
    """Organisation heads with their genitives: "مديرية الاستخبارات في أوكرانيا"."""
    i = 0
    while i < len(words):
        w = words[i]
        base = _strip_proclitic(w.n)
        cands = rules.org_index.get(w.n, ())
        if base != w.n:
            cands = sorted(cands + rules.org_index.get(base, ()))   # in org_heads order, longest first
        head = next((s for _, s in cands if all(
            i + k < len(words) and words[i + k].n == s[k] for k in range(1, len(s)))), None)
        if not head:
            i += 1
            continue
        j = i + len(head)
        title_starts = rules.title_starts
        while j < len(words) and j - i < 7 and not _PUNCT.search(words[j].gap) and words[j].n.startswith(("ال", "لل")) \
                and words[j].n not in _FUNCTION and words[j].n not in title_starts:
            j += 1
        if j == i + len(head):
            i += 1
            continue                                  # a bare head ("منظمة في الجزائر") names nothing
        # "... في كوريا الجنوبية" when a known place follows
        if j + 1 < len(words) and words[j].n == "في" and not _PUNCT.search(words[j].gap):
            nxt = next(((s, e) for s, e in places if s == words[j + 1].start or (s > words[j + 1].start and s < words[j + 1].end)), None)
            if nxt:
                e = nxt[1]
                while j < len(words) and words[j].end <= e:
                    j += 1
        if j - i >= 2 or (j - i == 1 and len(head) > 1):
            keep_article = base if not w.n.startswith(("ال", "وال", "بال", "فال", "كال")) else "ال" + base
            s = _clitic_start(text, w, keep_article if head[0] == base else w.n)
            e = words[j - 1].end
            yield Mention(s, e, text[s:e], "ORG", "rule", score=0.7)
        i = max(j, i + 1)


def _clitic_start(text: str, w: _W, base: str) -> int:
    """Start of ``base`` inside the original word ``w`` (skipping clitic letters and their marks)."""
    return w.start + _clitic_cut(text[w.start:w.end], len(w.n) - len(base))


_LATIN_SEQ = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-zÀ-ÿ'\-]*)(\s+[A-Z][A-Za-zÀ-ÿ'\-]*){0,3}")


def _latin_names(text: str, rules: EntityRules) -> Iterable[Mention]:
    for m in _LATIN_SEQ.finditer(text):
        s, e = m.span()
        toks = m.group().split()
        if len(toks) == 1 and toks[0].isupper() and 2 <= len(toks[0]) <= 6:
            yield Mention(s, e, m.group(), "ORG", "latin", score=0.6)
        elif any(t.lower() in rules.latin_org for t in toks):
            yield Mention(s, e, m.group(), "ORG", "latin", score=0.6)
        elif len(toks) >= 2:
            yield Mention(s, e, m.group(), "PER", "latin", score=0.5)
        else:
            yield Mention(s, e, m.group(), "", "latin", score=0.3)   # type from resolution


# ---------------------------------------------------------------- the stage

def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def find_mentions(text: str, *, gazetteer: Gazetteer | None = None, use_ner: bool = True,
                  rules: EntityRules | None = None) -> list[Mention]:
    """Mentions of persons, organisations and places in ``text``, in order, non-overlapping."""
    gaz = gazetteer or load_gazetteer()
    rules = rules or load_rules()
    words = _words(text)
    found: list[Mention] = []
    for g in gaz.find(text):
        if g.via == "demonym":
            continue
        found.append(Mention(g.start, g.end, g.text, g.type, "gazetteer" if g.via == "name" else "acronym", g.entry_id))
    places = [(m.start, m.end) for m in found if m.type == "LOC"]
    rule_cands: list[Mention] = []
    rule_cands.extend(_org_names(text, words, rules, places))
    rule_cands.extend(_title_names(text, words, rules))
    rule_cands.extend(_speaker_names(text, words, rules))
    rule_cands.extend(_latin_names(text, rules))
    tagger = _tagger() if use_ner else None
    out: list[Mention] = []
    if tagger is not None:
        # The tagger's spans come first and keep their extent: they follow the newswire
        # convention (ANERcorp) -- the bare name without its head noun or title ("غزة", not
        # "قطاع غزة"; "حماس", not "حركة حماس"), attached proclitics inside ("وباريس"; ``name``
        # is the bare name). The gazetteer gives them identity and curated type: a gazetteer
        # name covering most of the span ("لسيول" tagged LOC -> Seoul), else a gazetteer
        # name found in the span's own text when a longer one runs past it.
        spans, tok_probs = tagger.tag_detailed(text)
        for sp in spans:
            if any(_beats(g, sp) for g in found):
                continue
            typ, eid = sp.type, None
            g = _identity(sp.start, sp.end, [g for g in found if sp.start <= g.start and g.end <= sp.end])
            if g is None and any(_overlaps(g2, Mention(sp.start, sp.end, "", "", "ner")) for g2 in found):
                g = _identity(sp.start, sp.end, [
                    Mention(h.start + sp.start, h.end + sp.start, h.text, h.type, h.via, h.entry_id)
                    for h in gaz.find(text[sp.start:sp.end]) if h.via != "demonym"])
            if g is not None:
                typ, eid = g.type, g.entry_id
            out.append(Mention(sp.start, sp.end, sp.text, typ, "ner", eid, sp.score, _bare_name(sp.text)))
        for g in found:
            if not any(_overlaps(g, m) for m in out) and not _vetoed(g, tok_probs):
                out.append(_with_proclitic(text, g))
        # with the tagger, the context rules (titles, reporting verbs, organisation heads)
        # over-reach where a trained tagger has already read the sentence: only Latin-script
        # names are left to them, and a Latin name replaces the tagger spans with Latin
        # letters that it overlaps (the tagger knows little of Latin script).
        rule_cands = [c for c in rule_cands if c.via == "latin"]
        for c in rule_cands:
            out = [m for m in out if not (m.via == "ner" and _overlaps(m, c) and _LATIN_LETTER.search(m.text))]
    else:
        out.extend(found)
    # rules fill what neither saw; a rule organisation may swallow the places in its name
    for c in sorted(rule_cands, key=lambda m: (-_rank(m), -(m.end - m.start))):
        clash = [m for m in out if _overlaps(m, c)]
        if not clash:
            out.append(c)
        elif (c.type == "ORG" and c.via == "rule" and len(clash) < 3
              and all(m.start >= c.start and m.end <= c.end and m.type == "LOC" for m in clash)
              and not text[c.start:c.end].startswith(clash[0].text)):
            # "جهاز المخابرات الوطنية في كوريا الجنوبية": the place is part of the organisation's name
            out = [m for m in out if m not in clash] + [c]
    return sorted(out, key=lambda m: m.start)


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _beats(g: Mention, sp) -> bool:
    """Gazetteer mention ``g`` wins over the overlapping tagger span ``sp`` (else the span wins).

    * the span has Latin letters: the tagger, trained on Arabic news, knows little of them
      ("RIA Novosti" over the tagger's "Novosti News Outlet");
    * ``g`` is longer and of another type: an organisation named after a place
      ("جهاز المخابرات الوطنية في كوريا الجنوبية" over the tagger's "كوريا الجنوبية").
    """
    if not (g.start < sp.end and sp.start < g.end) or (g.start, g.end) == (sp.start, sp.end):
        return False
    if _LATIN_LETTER.search(sp.text):
        return True
    return g.start <= sp.start and sp.end <= g.end and g.type != sp.type


_VETO = 0.02  # a gazetteer phrase none of whose words the tagger gives this much is dropped


def _vetoed(g: Mention, tok_probs: list[tuple[int, int, float]]) -> bool:
    """The tagger is sure that no word of the several-word gazetteer mention ``g`` belongs to a name.

    Descriptive phrases that news corpora do not mark as names ("الجيش الاسرائيلي",
    "الخارجية الأميركية", "الجمهورية اللبنانية") and agency bylines ("أ ف ب"); names the
    tagger is merely unsure of stay (on the ANERcorp dev split: 15 false alarms dropped, no
    correct name lost), and so do one-word names, which a tagger trained on older news may
    not know ("كريملين").
    """
    ps = [p for s, e, p in tok_probs if s < g.end and g.start < e]
    return len(ps) >= 2 and max(ps) < _VETO


def _identity(start: int, end: int, inside: list[Mention]) -> Mention | None:
    """The one gazetteer mention inside ``[start, end)`` covering at least 60% of it."""
    if len(inside) == 1 and inside[0].end - inside[0].start >= (end - start) * 0.6:
        return inside[0]
    return None


def _with_proclitic(text: str, m: Mention) -> Mention:
    """Widen a gazetteer span over the proclitics attached to it ("و" + "العراق"), the newswire
    convention the tagger follows; ``name`` keeps the bare name."""
    s = m.start
    while s > 0 and text[s - 1] in "وفبلك\u0640" and (s - 1 == 0 or not text[s - 2].isalnum()
                                                      or text[s - 2] in "وفبلك"):
        s -= 1
    if s == m.start or (s > 0 and text[s - 1].isalnum()):
        return m
    return Mention(s, m.end, text[s:m.end], m.type, m.via, m.entry_id, m.score, m.text)


def _bare_name(text: str) -> str | None:
    """``text`` without the proclitics of its first word ("وتونس" -> "تونس", "بالجزائر" -> "الجزائر")."""
    from marsad.text.tokens import tokenize

    toks = tokenize(text)
    if not toks or not toks[0].prefix:
        return None
    pre = toks[0].prefix
    letters = len(pre) - (2 if pre.endswith("ال") else 1 if pre == "لل" else 0)
    if letters <= 0:
        return None
    cut = _clitic_start(text, _W(toks[0].norm, toks[0].start, toks[0].end, ""), toks[0].norm[letters:])
    return text[cut:] or None


def _tagger():
    """The shipped statistical tagger, or None when its model is missing (rules still work)."""
    try:
        from marsad.extract.ner import load_tagger

        return load_tagger()
    except (ImportError, OSError) as exc:
        import logging

        logging.getLogger(__name__).warning("NER model unavailable, using gazetteer and rules only: %s", exc)
        return None


def _rank(m: Mention) -> int:
    return {"gazetteer": 5, "acronym": 4, "rule": 3, "latin": 2, "ner": 1}[m.via] + (m.type == "ORG" and m.via == "rule")


# ---------------------------------------------------------------- resolution

@dataclass
class _Cluster:
    id: str
    type: str
    keys: tuple[str, ...] = ()
    spellings: dict[str, int] = field(default_factory=dict)
    entry_id: str | None = None


def _keys_match(a: Sequence[str], b: Sequence[str]) -> bool:
    if len(a) != len(b) or not a:
        return False
    return all(x == y or (len(x) >= 3 and fuzz.ratio(x, y) >= 90) for x, y in zip(a, b))


@lru_cache(maxsize=4)
def _gazetteer_keys(gaz: Gazetteer) -> dict[tuple[str, tuple[str, ...]], str]:
    """Phonetic keys of every spelling of every gazetteer entry (computed once per gazetteer)."""
    keys: dict[tuple[str, tuple[str, ...]], str] = {}
    for e in gaz.entries.values():
        for v in (e.ar, e.en, *e.variants):
            if v:
                k = token_keys(v)
                keys.setdefault((e.type, k), e.id)
                keys.setdefault(("", k), e.id)
    return keys


def resolve(docs: Sequence[tuple[str, str, Sequence[Mention]]], *, gazetteer: Gazetteer | None = None
            ) -> tuple[list[Entity], list[tuple[str, Mention, str]]]:
    """Give every mention of every document an entity id.

    Args:
        docs: ``(doc_id, text, mentions)`` triples.
    Returns:
        the entities, and ``(doc_id, mention, entity_id)`` for every mention kept.
    """
    gaz = gazetteer or load_gazetteer()
    gaz_keys = _gazetteer_keys(gaz)
    clusters: dict[str, _Cluster] = {}
    by_key: dict[tuple[str, tuple[str, ...]], str] = {}
    assigned: list[tuple[str, Mention, str]] = []
    acronyms: dict[str, str] = {}

    def cluster_for_entry(entry_id: str) -> _Cluster:
        e = gaz.entries[entry_id]
        cid = entry_id
        if cid not in clusters:
            clusters[cid] = _Cluster(cid, e.type, token_keys(e.ar or e.en), entry_id=entry_id)
        return clusters[cid]

    for doc_id, text, mentions in docs:
        local: list[tuple[Mention, _Cluster]] = []
        pending: list[Mention] = []
        for m in mentions:
            if m.entry_id and m.entry_id in gaz.entries:
                local.append((m, cluster_for_entry(m.entry_id)))
            else:
                pending.append(m)
        # longer names first so one-word mentions can attach to them
        for m in sorted(pending, key=lambda m: -len(token_keys(m.surface))):
            keys = token_keys(m.surface)
            if not keys:
                continue
            entry = gaz_keys.get((m.type, keys)) or gaz_keys.get(("", keys))
            if entry and (not m.type or m.via == "latin" or gaz.entries[entry].type == m.type):
                m = Mention(m.start, m.end, m.text, gaz.entries[entry].type, m.via, entry, m.score, m.name)
                local.append((m, cluster_for_entry(entry)))
                continue
            if m.surface.isupper() and m.surface in acronyms:
                local.append((m, clusters[acronyms[m.text]]))
                continue
            if len(keys) <= 2:
                host = [c for mm, c in local if (not m.type or c.type == m.type) and len(c.keys) > len(keys)
                        and (any(_keys_match(keys, (k,)) for k in c.keys) if len(keys) == 1
                             else _keys_match(keys, c.keys[-len(keys):]))]
                hosts = {c.id: c for c in host}
                if len(hosts) == 1:
                    local.append((m, next(iter(hosts.values()))))
                    continue
            if not m.type:
                continue                                 # a lone Latin word we cannot type
            cid = None
            joined = name_key(m.surface)
            for (t, ks), known in by_key.items():
                if t == m.type and ((_keys_match(ks, keys) and (len(keys) > 1 or ks == keys))
                                    or (len(keys) > 1 and len(ks) > 1 and "".join(ks) == joined)):
                    cid = known
                    break
            if cid is None:
                cid = "e_" + hashlib.sha1(f"{m.type}:{' '.join(keys)}".encode()).hexdigest()[:10]
                clusters[cid] = _Cluster(cid, m.type, keys)
                by_key[(m.type, keys)] = cid
            local.append((m, clusters[cid]))
        # "(NIS)" right after an organisation name names it
        for m, c in local:
            after = text[m.end:m.end + 12]
            am = re.match(r"\s*\(([A-Z]{2,6})\)", after)
            if am and c.type == "ORG":
                acronyms.setdefault(am.group(1), c.id)
        for m, c in sorted(local, key=lambda t: t[0].start):
            c.spellings[m.surface] = c.spellings.get(m.surface, 0) + 1
            assigned.append((doc_id, m, c.id))
    entities = []
    for c in clusters.values():
        if not c.spellings:
            continue
        e = gaz.entries.get(c.entry_id) if c.entry_id else None
        top = max(c.spellings, key=lambda s: (c.spellings[s], len(s)))
        name_ar = e.ar if e else top
        entities.append(Entity(c.id, c.type, name_ar, (e.en if e and e.en else to_latin(name_ar)),
                               e.wikidata if e else None, tuple(sorted(c.spellings)), sum(c.spellings.values())))
    entities.sort(key=lambda x: -x.mentions)
    return entities, assigned
