"""Search terms and queries shared by the stores (SQLite FTS5, PostgreSQL tsvector).

Both stores index the same *terms* (:func:`index_terms`: one per token, the normalised,
clitic-light base form), expand a query's terms to the same spelling variants the corpus
holds (:func:`pick_variants` over terms with the same phonetic key, :func:`term_key`), and
read a query the same way (:func:`plan_query`: words ANDed, "quoted words" a phrase). Only
the rendering differs: :func:`compile_query` writes an FTS5 expression, :func:`compile_tsquery`
a PostgreSQL ``tsquery``. Either way :attr:`CompiledQuery.terms` is every index term the query
may match, so a caller marks the hits in an article's own text by tokenising it again
(:func:`marsad.api.search.hit_spans`), whatever the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any, Callable, Iterable, Sequence

__all__ = ["SearchResult", "CompiledQuery", "QueryPlan", "index_term", "index_terms", "term_key", "pick_variants",
           "plan_query", "compile_query", "compile_tsquery", "tsquery_of", "ts_lexeme", "MAX_QUERY_TERMS"]


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int                     # matching articles (before limit/offset)
    hits: list[dict[str, Any]]     # id, title, outlet, published, head, score (lower is better), exact
    terms: frozenset[str]          # every index term the query matched (the words and their variants)


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    match: str                     # the query with the variants (FTS5 expression or tsquery)
    exact: str                     # the query with the words as typed (normalised)
    terms: frozenset[str]


_NUM_SEP = re.compile(r"[,\u060c\u066c]")
_NOT_TERM = re.compile(r"[^\w]|_")


def index_term(tok: Any) -> str:
    """The search term of one :class:`~marsad.text.tokens.Token` ("" for punctuation).

    Words give their clitic-light normalised base; numbers their digits with thousands
    separators dropped ("30،000" -> "30000", "6.8" -> "6p8"); Latin words are lower-cased
    without accents ("Pyöngjang" -> "pyongjang", "S-400" -> "s400").
    """
    if tok.kind == "word":
        return _NOT_TERM.sub("", tok.base)
    if tok.kind == "number":
        return _NUM_SEP.sub("", tok.norm).replace(".", "p")
    if tok.kind == "latin":
        import unicodedata

        t = "".join(ch for ch in unicodedata.normalize("NFKD", tok.norm) if not unicodedata.combining(ch))
        return _NOT_TERM.sub("", t.lower())
    return ""


def index_terms(text: str) -> list[str]:
    """Search terms of ``text`` in order, one per token (punctuation skipped).

    Equal to ``[index_term(t) for t in tokenize(text)]`` without the empty ones, but a
    token's term depends only on its string and kind, so the terms are memoised per token
    string and no :class:`~marsad.text.tokens.Token` is built (indexing was a fifth of the
    ingest pipeline's time).
    """
    from marsad.text.tokens import word_token_strings

    out = []
    append = out.append
    for t, kind in word_token_strings(text):
        term = _term_of(t, kind)
        if term:
            append(term)
    return out


@lru_cache(maxsize=1 << 18)
def _term_of(t: str, kind: str) -> str:
    from marsad.text.tokens import Token, analyse_token

    return index_term(Token(0, len(t), t, *analyse_token(t, kind)))


@lru_cache(maxsize=200_000)
def term_key(term: str) -> str:
    """Phonetic key of an index term ("" for numbers and keys too short to be a name)."""
    if term.isdigit() or len(term) < 3:
        return ""
    from marsad.extract.translit import name_key

    k = name_key(term)
    return k if len(k) >= 2 else ""


def _is_latin(term: str) -> bool:
    return term.isascii()


# Letters a transliteration may add, drop or swap without naming another thing: long vowels
# and hamza seats (Arabic), vowels (Latin); and the consonant classes foreign sounds are
# written with (g: ج غ ق, k: ك ق, v: ف ڤ, emphatic/plain pairs).
_SOFT_AR = frozenset("اويىءئؤأإآ")
_SOFT_LAT = frozenset("aeiouy")
_SAME_SOUND = [frozenset(c) for c in ("جغق", "كق", "تط", "سصث", "دضذ", "زظذ", "فڤ", "cks", "vw", "ij")]


def _soft_edits(term: str, cand: str, ops: Sequence[tuple[str, int, int]]) -> bool:
    """Every edit turning ``term`` into ``cand`` is one a transliteration makes: a vowel
    letter or hamza seat added or dropped (once), a letter doubled or undoubled, a letter
    swapped within its sound class, or a final ه written ا/ى ("أوديسه"/"أوديسا"). Edits on
    real consonants ("حديده" -> "حداد", "امنيه" -> "امين", "جندي" -> "كندي") or two vowel
    letters ("حديده" -> "حدوديه") name other words. Arabic words that differ by one vowel
    letter (دفاع/دفوع, شحنه/شاحنه) still pass: telling them from name spellings needs a
    lexicon. ``ops``: the Levenshtein edit operations from ``term`` to ``cand``."""
    soft = _SOFT_LAT if term.isascii() else _SOFT_AR
    vowel_edits = 0
    for op, i, j in ops:
        if op == "replace":
            a, b = term[i], cand[j]
            vowel = a in soft and b in soft
            if not vowel and (any(a in c and b in c for c in _SAME_SOUND)
                              or (i == len(term) - 1 and j == len(cand) - 1 and {a, b} <= {"ه", "ا", "ى"})):
                continue
        else:
            word, k = (term, i) if op == "delete" else (cand, j)
            ch = word[k]
            if (k > 0 and word[k - 1] == ch) or (k + 1 < len(word) and word[k + 1] == ch):
                continue                     # a doubled letter
            vowel = ch in soft
        vowel_edits += 1                     # two long vowels more or less make another
        if not vowel or vowel_edits > 1:     # pattern of the root: "حديده" / "حدوديه"
            return False
    return True


def pick_variants(term: str, candidates: Iterable[str], limit: int = 8) -> list[str]:
    """The ``candidates`` (indexed terms with ``term``'s phonetic key) that spell ``term``
    another way: same script, one or two letters apart by transliteration edits only
    (:func:`_soft_edits`), short words only with the same length ("كيف" is not a spelling
    of "كييف"); closest first, ``term`` excluded."""
    from rapidfuzz.distance import Levenshtein

    out = []
    for cand in candidates:
        if cand == term or _is_latin(cand) != _is_latin(term):
            continue
        if min(len(cand), len(term)) <= 3 and len(cand) != len(term):
            continue                               # "كيف" is not a spelling of "كييف"
        if abs(len(cand) - len(term)) > 1:
            continue
        ops = Levenshtein.editops(term, cand)
        d = len(ops)
        if d <= (1 if len(term) <= 4 else 2) and _soft_edits(term, cand, ops):
            out.append((d, cand))
    return [t for _, t in sorted(out)[:limit]]


_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
MAX_QUERY_TERMS = 16
_MAX_PHRASE_FORMS = 32


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """A user query read once for every store: ``groups`` are the terms of each word or
    "phrase" as typed (all groups must match); ``alternatives`` the term sequences that
    satisfy each group (the typed terms first, then spelling variants, phrases bounded)."""

    groups: tuple[tuple[str, ...], ...]
    alternatives: tuple[tuple[tuple[str, ...], ...], ...]
    terms: frozenset[str]


def plan_query(query: str, variants: Callable[[str], Iterable[str]] = lambda t: []) -> QueryPlan:
    """Read a user query: words are ANDed, "quoted words" form a phrase (so does an unquoted
    chunk of several terms, such as "كيم-جونغ"). ``variants`` gives other spellings of a term
    (see :meth:`SQLiteStore.term_variants`). Raises ``ValueError`` when the query has no
    searchable word, or more than :data:`MAX_QUERY_TERMS` terms."""
    groups: list[tuple[str, ...]] = []   # each: the terms of one word or phrase
    for m in _QUERY_PART.finditer(query):
        terms = index_terms(m.group(1) if m.group(1) is not None else m.group(2))
        if terms:
            groups.append(tuple(terms))
    n_terms = sum(len(g) for g in groups)
    if not n_terms:
        raise ValueError("the query has no searchable word")
    if n_terms > MAX_QUERY_TERMS:
        raise ValueError(f"the query has {n_terms} words; at most {MAX_QUERY_TERMS} are searched")
    alternatives, used = [], set()
    for g in groups:
        forms = [[t, *variants(t)] for t in g]
        used.update(f for fs in forms for f in fs)
        if len(g) == 1:
            alternatives.append(tuple((f,) for f in forms[0]))
            continue
        phrases = [g]
        for combo in product(*forms):           # phrase: every combination of variants, bounded
            if combo not in phrases:
                phrases.append(combo)
            if len(phrases) >= _MAX_PHRASE_FORMS:
                break
        alternatives.append(tuple(phrases))
    return QueryPlan(tuple(groups), tuple(alternatives), frozenset(used))


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def compile_query(query: str, variants: Callable[[str], Iterable[str]] = lambda t: []) -> CompiledQuery:
    """FTS5 expressions for a user query (see :func:`plan_query`).

    Every term is quoted (no FTS5 operator a user types is ever interpreted).
    """
    plan = plan_query(query, variants)
    match = ["(" + " OR ".join(_fts_string(" ".join(p)) for p in alts) + ")" for alts in plan.alternatives]
    exact = [_fts_string(" ".join(g)) for g in plan.groups]
    return CompiledQuery(" AND ".join(match), " AND ".join(exact), plan.terms)


def ts_lexeme(term: str) -> str:
    """A term as a quoted lexeme of a ``tsvector``/``tsquery`` literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _ts_phrase(terms: tuple[str, ...]) -> str:
    s = " <-> ".join(ts_lexeme(t) for t in terms)
    return f"({s})" if len(terms) > 1 else s


def tsquery_of(plan: QueryPlan) -> CompiledQuery:
    """PostgreSQL ``tsquery`` literals of a :class:`QueryPlan` (``&`` between groups, ``|``
    between alternatives, ``<->`` inside phrases; every lexeme quoted)."""
    match = ["(" + " | ".join(_ts_phrase(p) for p in alts) + ")" for alts in plan.alternatives]
    exact = ["(" + _ts_phrase(g) + ")" for g in plan.groups]
    return CompiledQuery(" & ".join(match), " & ".join(exact), plan.terms)


def compile_tsquery(query: str, variants: Callable[[str], Iterable[str]] = lambda t: []) -> CompiledQuery:
    """PostgreSQL ``tsquery`` literals for a user query (see :func:`plan_query`)."""
    return tsquery_of(plan_query(query, variants))
