"""Which reports copy each other: exact, near and partial copies, and re-translations, passage by passage.

Two views of every article, both cut into *units* (sentences, cut cheaply at ``. ! ? …`` before
a space and at line breaks):

* the **copy view**: the set of word 3-shingles of each unit, over normalised words
  (:func:`marsad.text.normalize.norm` rules: diacritics, tatweel, alef/ya/ta-marbuta variants,
  digits, lower-case Latin);
* the **translation view**: the set of *content stems* of each unit (normalised words of three
  letters or more, a leading article ``ال`` with its proclitic ``و ف ب ك ل`` and a trailing
  ``ة``/``ات``/``ين``/``ون``/``ان`` cut off, function words dropped). Two Arabic translations of
  one English sentence use different words and word order, but keep its names, numbers and
  most content roots, so their stem sets still overlap.

Each unit gets a MinHash signature; LSH banding (the scheme of datasketch's ``MinHashLSH``,
b bands of r rows) turns signatures into bucket keys, and two articles that share buckets in
either view are a *candidate pair* (in the copy view: at least ``min_copy_hits`` (unit, band)
keys, for one colliding band of 16 is what two different sentences of one story built around
the same names and formulas give, and at 100k synthetic articles such single collisions were
97 % of 810k candidates and verified as a copy 2 % of the time, never a planted one; in the
translation view: at least ``min_trans_hits``
shared keys, and among the ``trans_top_k`` best partners of one of the two articles, for in a
big story every report shares some stems with every other). Candidates are then checked with
exact, explainable measures on the real sentences
(:func:`marsad.text.sentences.split_sentences`):

* **copy links**: sentences sharing at least ``link_min_shared`` word 3-shingles that cover at
  least ``link_min_containment`` of the shorter sentence; runs of consecutive linked sentences
  become one :class:`PassageLink` (kind ``"copy"``). A shared stock phrase ("قالت وكالة الأنباء
  الرسمية إن") is a few shingles of longer, different sentences, so it never links; and unless
  the articles are near copies, the links of a pair must share ``min_copied_shingles`` in all,
  so a repeated headline or "spokesman X of Y said" formula alone is not a copy;
* **translation links** (sentences not already copy-linked): the mean of two cosines of TF-IDF
  vectors over character 3–5-grams of the normalised sentences, one on the sentences as they
  are and one with their entity mentions blanked (so that sharing "North Korea", "Russia" and a
  minister is not enough), IDF fitted on the sentences of the two articles only (so the
  comparison of a pair never depends on the rest of the corpus), plus a bonus for gazetteer
  entities and numbers that the two sentences and few others state; the two sentences must be
  each other's best match with a score of ``trans_threshold``, or of ``trans_min_cosine`` next
  to such a link (a re-translated passage runs over several sentences, in order). A pair with
  no copied passage is a re-translation only with ``trans_min_links`` such links, or one of
  ``trans_single_score``: two reports of one fact often have one sentence in the same words of
  the trade ("ارتفعت بنسبة 6 في المائة لتبلغ ..."), which is not a re-translation. In Arabic
  press most pairs this view finds are rewrites of one press release or wire report (the
  same facts, in order, reworded), which is what it should find; it cannot tell a
  re-translation from a rewrite.

The article-level kind of a :class:`CopyPair`:

* ``"exact"``: the same sequence of normalised words;
* ``"near"``: word-shingle Jaccard of the whole articles ≥ ``near_jaccard`` (a copy with edits,
  a new headline or a paragraph more or less);
* ``"partial"``: some passages copied, the rest different;
* ``"translation"``: passages linked only by the translation similarity.

Why the MinHash is computed here and not by datasketch: datasketch's ``MinHash`` hashes every
shingle with SHA-1 in Python and permutes one article at a time (600–900 articles/s here, so
2–3 minutes for 100k articles before any banding); even normalising with ``str.translate`` and
splitting words in Python would take 50 s. Here a batch of 500 articles is one numpy array of
code points: normalisation is a table look-up (built from :func:`norm` itself), words, stems
and units are found with vector operations, word hashes are polynomial hashes computed from
prefix sums, and the permutations (``a·x + b mod 2**32`` on already mixed hashes) run over
cache-sized blocks, then ``np.minimum.reduceat`` per unit. Banding and bucketing are
vectorised too (one sort of packed ``key|owner`` integers). rensa's Rust MinHash is faster on
the permutations alone, but reading its digests back into numpy costs more than it saves.
``bench/copies_bench.py`` compares the three on the same articles and checks that they give
the same pairs.

The incremental :class:`CopyIndex` (ingest time) keeps the bucket keys in sorted numpy runs
merged like a log-structured tree, so adding one article costs a few binary searches, and its
state is a single ``bytes`` value (:meth:`CopyIndex.to_bytes`) a store can persist.

Limits: text in characters outside the Basic Multilingual Plane (emoji) separates words;
presentation-form ligatures that NFKC expands to two letters (``ﻻ``) are kept as one
character; a unit (sentence) with fewer than ``min_unit_shingles`` shingles or
``min_unit_stems`` stems is not indexed (it can still be part of a verified passage). LSH
over whole sentences finds a sentence copied into a longer one (containment, not Jaccard) only
by chance: in the seeds, 001's lead repeats 004's with a clause added (Jaccard about 0.47), which
the copy view alone no longer finds (one colliding band); the translation view finds it, and
:func:`compare` on the pair always does.
"""

from __future__ import annotations

import io
import json
from collections import OrderedDict
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from marsad.records import Article, ArticleText
from marsad.text.normalize import norm
from marsad.text.sentences import split_sentences

__all__ = [
    "PassageLink", "CopyPair", "CopyParams", "Candidate", "CopyIndex", "find_copies", "compare",
    "minhash_signatures", "article_shingles", "candidate_pairs",
]

_U64 = np.uint64


# ------------------------------------------------------------------ records

@dataclass(frozen=True, slots=True)
class PassageLink:
    """A passage of article ``a`` repeating a passage of article ``b``; offsets index ``Article.text``."""

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    kind: str          # "copy" | "translation"
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two articles of which one repeats the other (``a < b`` as strings)."""

    a: str
    b: str
    kind: str          # "exact" | "near" | "partial" | "translation"
    score: float       # exact/near/partial: word-shingle Jaccard of the articles; translation: mean link score
    passages: tuple[PassageLink, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "kind": self.kind, "score": self.score,
                "passages": [p.to_dict() for p in self.passages]}


@dataclass(frozen=True, slots=True)
class CopyParams:
    """All thresholds in one place; the defaults were tuned on tests/data/corpus and the seeds."""

    num_perm: int = 64              # MinHash permutations per unit
    copy_bands: int = 16            # copy view: 16 bands x 4 rows, 50% point at Jaccard ~0.50
    trans_bands: int = 32           # translation view: 32 bands x 2 rows, 50% point at Jaccard ~0.15
    min_unit_shingles: int = 4      # units with fewer word 3-shingles are not indexed (copy view)
    min_unit_stems: int = 4         # units with fewer content stems are not indexed (translation view)
    max_bucket: int = 200           # a bucket shared by more articles is a stock phrase: ignored
    min_copy_hits: int = 2          # copy candidates need this many colliding (unit, band) keys
    max_trans_bucket: int = 50      # the same in the translation view (a story's stock sentences)
    min_trans_hits: int = 2         # translation candidates need this many colliding (unit, band) keys
    trans_top_k: int = 8            # ... and to be among an article's k most colliding partners
    link_min_shared: int = 4        # copy link: shared word 3-shingles between two sentences
    link_min_containment: float = 0.6   # ... covering this share of the shorter sentence
    min_copied_shingles: int = 10   # a partial copy shares at least this many shingles in its links
    near_jaccard: float = 0.5       # article shingle Jaccard from which a copy is "near"
    trans_threshold: float = 0.34   # translation link: mean of full and entity-masked char TF-IDF cosines + bonus
    trans_min_cosine: float = 0.18  # ... or at least this next to a stronger translation link of the pair
    anchor_bonus: float = 0.05      # per shared specific entity or number, at most two counted
    trans_min_links: int = 2        # a re-translation (no copied passage) links this many sentences ...
    trans_single_score: float = 0.6     # ... or one sentence pair this strongly
    min_sentence_words: int = 5     # shorter sentences (headers, "سي إن إن") never link as translations
    seed: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An already indexed article sharing LSH buckets with the one just added."""

    id: str
    view: str          # "copy" | "translation"
    hits: int          # colliding (unit, band) keys


# ------------------------------------------------------------------ vectorised text features

_STOPWORDS = (
    "في من على الى إلى عن مع ان أن إن كان كانت قد لقد لم لن لا ما ماذا هذا هذه ذلك تلك التي الذي الذين "
    "اللذين اللتين هو هي هم هن نحن انه أنه إنه انها أنها إنها بين حتى بعد قبل عند منذ خلال حول ضد دون "
    "او أو ثم كما لكن بل اي أي كل بعض غير ايضا أيضا حيث وقد فقد وقال قال قالت وقالت وفي ومن وعلى "
    "الا إلا اذا إذا لدى ولا وما وهو وهي عليه عليها فيه فيها منه منها اليه إليه لها له بها به يوم "
    "وأن وإن فإن بأن لأن كذلك هناك هنا وكان ولم وأضاف اضاف أضاف"
)


@dataclass(frozen=True, slots=True)
class _Tables:
    mapped: np.ndarray      # code point -> normalised code point
    delete: np.ndarray      # code point -> removed by normalisation (diacritics, tatweel, marks)
    word: np.ndarray        # normalised code point -> letter or digit
    term: np.ndarray        # normalised code point -> sentence terminator
    space: np.ndarray       # normalised code point -> whitespace or the document separator
    stop: np.ndarray        # sorted word hashes of the stop words


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Look-up tables over the Basic Multilingual Plane, built once from :func:`norm` itself."""
    n = 0x10000
    mapped = np.arange(n, dtype=np.uint32)
    delete = np.zeros(n, dtype=bool)
    cps = [cp for cp in range(1, n) if not 0xD800 <= cp < 0xE000]
    outs = norm("\x00".join(chr(cp) for cp in cps)).split("\x00")   # one call, then split per character
    assert len(outs) == len(cps)
    for cp, out in zip(cps, outs):
        if out == "":
            delete[cp] = True
        elif len(out) == 1:
            mapped[cp] = ord(out)
    chars = [chr(c) if not (0xD800 <= c < 0xE000) else " " for c in range(n)]
    word = np.array([c.isalnum() for c in chars], dtype=bool)
    term = np.zeros(n, dtype=bool)
    for c in ".!?\u2026\u06d4\u061f":
        term[ord(c)] = True
    space = np.array([c.isspace() for c in chars], dtype=bool)
    space[0] = True
    stop = np.unique(_word_hashes_py(norm(_STOPWORDS).split()))
    return _Tables(mapped, delete, word, term, space, stop)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, element-wise (arithmetic wraps modulo 2**64)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


_P = 0x100000001B3                 # FNV prime: the polynomial base of word hashes (odd, so invertible)
_PINV = pow(_P, -1, 2**64)


def _poly_hash(c: np.ndarray, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Hash of ``c[start:start+length]`` for every span at once, in O(len(c)) vector work.

    The polynomial hash ``sum(c[j] * P**(end-1-j))`` (mod 2**64) of a span is
    ``P**(end-1) * (G[end] - G[start])`` with ``G`` the prefix sums of ``c[j] * P**-j``:
    ``P`` is odd, so it has an inverse modulo 2**64, and numpy's integer arithmetic wraps.
    """
    if len(start) == 0:
        return np.zeros(0, dtype=_U64)
    n = len(c)
    pw = np.empty(n + 1, dtype=_U64)
    pw[0] = 1
    pw[1:] = _U64(_P)
    np.cumprod(pw, out=pw)
    ipw = np.empty(n + 1, dtype=_U64)
    ipw[0] = 1
    ipw[1:] = _U64(_PINV)
    np.cumprod(ipw, out=ipw)
    g = np.zeros(n + 1, dtype=_U64)
    np.cumsum(c.astype(_U64) * ipw[:n], out=g[1:])
    end = start + length
    h = pw[np.maximum(end - 1, 0)] * (g[end] - g[start])
    return _mix(h ^ (length.astype(_U64) << _U64(56)))


def _word_hashes_py(words: Iterable[str]) -> np.ndarray:
    """:func:`_poly_hash` of already normalised words given as strings (stop words, tests)."""
    ws = [w for w in words if w]
    if not ws:
        return np.zeros(0, dtype=_U64)
    cps = np.frombuffer("".join(ws).encode("utf-32-le"), dtype=np.uint32)
    lens = np.array([len(w) for w in ws], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    return _poly_hash(cps, starts, lens)


@dataclass(slots=True)
class _Doc:
    """Words of one text: offsets into the text, hashes, stems, and cheap sentence units."""

    n_chars: int
    start: np.ndarray       # int64, word start offsets
    end: np.ndarray         # int64, word end offsets
    word: np.ndarray        # uint64 word hashes (normalised word)
    stem: np.ndarray        # uint64 stem hashes
    content: np.ndarray     # bool: the stem counts for the translation view
    unit: np.ndarray        # int64 unit (cheap sentence) index of each word, from 0


_ALEF, _LAM = ord("ا"), ord("ل")


def _featurize(texts: Sequence[str]) -> list[_Doc]:
    """Words, stems and units of many texts in one pass of numpy operations."""
    t = _tables()
    if not texts:
        return []
    lens = np.array([len(x) for x in texts], dtype=np.int64)
    joined = "\x00".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cp = np.where(cp > 0xFFFF, 0x20, cp)
    keep = ~t.delete[cp]
    pos = np.flatnonzero(keep)
    c = t.mapped[cp[pos]]
    doc_start = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])     # in joined
    isw = t.word[c]
    edge = np.diff(np.concatenate([[0], isw.view(np.int8), [0]]).astype(np.int8))
    ws = np.flatnonzero(edge == 1)
    we = np.flatnonzero(edge == -1)
    wl = we - ws
    cpad = np.concatenate([c, np.zeros(4, dtype=np.uint32)])
    word_h = _poly_hash(cpad, ws, wl)
    # stems: one article layer (ال, with و ف ب ك before it, or لل) and one suffix layer off
    c0, c1, c2 = cpad[ws], cpad[ws + 1], cpad[ws + 2]
    pre = np.zeros(len(ws), dtype=np.int64)
    art = (c0 == _ALEF) & (c1 == _LAM) & (wl >= 5)
    art3 = np.isin(c0, [ord("و"), ord("ف"), ord("ب"), ord("ك")]) & (c1 == _ALEF) & (c2 == _LAM) & (wl >= 6)
    lil = (c0 == _LAM) & (c1 == _LAM) & (wl >= 5)
    wlil = (c0 == ord("و")) & (c1 == _LAM) & (c2 == _LAM) & (wl >= 6)
    pre = np.where(art | lil, 2, pre)
    pre = np.where(art3 | wlil, 3, pre)
    last, last2 = cpad[np.maximum(we - 1, 0)], cpad[np.maximum(we - 2, 0)]
    rem = wl - pre
    suf = np.where((last == ord("ه")) & (rem >= 4), 1, 0)
    two = ((last2 == ord("ا")) & (last == ord("ت"))) | ((last2 == ord("ي")) & (last == ord("ن"))) \
        | ((last2 == ord("و")) & (last == ord("ن"))) | ((last2 == ord("ا")) & (last == ord("ن")))
    suf = np.where(two & (rem >= 5), 2, suf)
    stem_h = _poly_hash(cpad, ws + pre, wl - pre - suf)
    isdigit = (c0 >= ord("0")) & (c0 <= ord("9"))
    at = np.minimum(np.searchsorted(t.stop, word_h), len(t.stop) - 1)
    content = ((wl - pre - suf >= 3) | (isdigit & (wl >= 2))) & (t.stop[at] != word_h)
    # units: a terminator followed by a space, a line break, or the document separator
    nxt = np.concatenate([c[1:], [0]])
    brk = (t.term[c] & t.space[nxt]) | (c == 10) | (c == 13) | (c == 0) | (c == 0x2029)
    ucount = np.cumsum(brk)
    unit_g = ucount[ws]
    # words -> documents; offsets back into each text
    doc_c = np.searchsorted(pos, doc_start)           # first compact index of each document
    wdoc = np.searchsorted(doc_c, ws, side="right") - 1
    wstart = pos[ws] - doc_start[wdoc]
    wend = pos[we - 1] + 1 - doc_start[wdoc]
    bounds = np.searchsorted(wdoc, np.arange(len(texts) + 1))
    out = []
    for i in range(len(texts)):
        s, e = bounds[i], bounds[i + 1]
        u = unit_g[s:e]
        out.append(_Doc(int(lens[i]), wstart[s:e], wend[s:e], word_h[s:e], stem_h[s:e], content[s:e],
                        (u - u[0]) if e > s else u))
    return out


def _shingles(words: np.ndarray, unit: np.ndarray, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Word k-shingle hashes inside units, and the unit of each (shingles never cross units)."""
    if len(words) < k:
        return np.zeros(0, dtype=_U64), np.zeros(0, dtype=np.int64)
    h = words[: len(words) - k + 1] * _U64(0x9E3779B97F4A7C15)
    for j in range(1, k):
        h = h + words[j: len(words) - k + 1 + j] * _U64(((0xC2B2AE3D27D4EB4F * j) | 1) & 0xFFFFFFFFFFFFFFFF)
    same = unit[: len(unit) - k + 1] == unit[k - 1:]
    return _mix(h)[same], unit[: len(unit) - k + 1][same]


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique`` for the small arrays of one article (sort and drop repeats: no hashing set-up)."""
    x = np.sort(x)
    return x[np.concatenate([[True], x[1:] != x[:-1]])] if len(x) else x


def article_shingles(text: str) -> np.ndarray:
    """Sorted unique word 3-shingle hashes of a text (the sets the copy view compares)."""
    d = _featurize([text])[0]
    return _sorted_unique(_shingles(d.word, d.unit)[0])


# ------------------------------------------------------------------ MinHash and banding

@lru_cache(maxsize=8)
def _perms(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2**32, num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 2**32, num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


_BLOCK = 1 << 16      # values per block: the block and its hashes stay in the CPU cache


def minhash_signatures(values: np.ndarray, seg_starts: np.ndarray, num_perm: int = 64, seed: int = 1) -> np.ndarray:
    """MinHash of consecutive segments of ``values`` (uint64 hashes): ``(n_segments, num_perm)`` uint32.

    Segment ``i`` is ``values[seg_starts[i]:seg_starts[i+1]]`` (the last runs to the end);
    segments must not be empty. The values are already well-mixed hashes, so permutation
    ``p`` is the bijection ``x -> a_p * x + b_p (mod 2**32)`` (``a_p`` odd) of their high 32
    bits: on random inputs its minima estimate Jaccard with the binomial error of an ideal
    MinHash (checked in the tests and the benchmark). Whole segments are processed in blocks
    of about 65,536 values, one permutation at a time (``np.minimum.reduceat``), which keeps
    the work in the CPU cache: 4x faster than permuting the whole array in 64-bit arithmetic.
    """
    a, b = _perms(num_perm, seed)
    n_seg = len(seg_starts)
    out = np.empty((num_perm, n_seg), dtype=np.uint32)
    if n_seg == 0:
        return out.T
    x = (values >> _U64(32)).astype(np.uint32)
    starts = np.asarray(seg_starts, dtype=np.int64)
    ends = np.append(starts[1:], len(x))
    cuts = _sorted_unique(np.concatenate([[0], np.searchsorted(starts, np.arange(_BLOCK, len(x), _BLOCK)), [n_seg]]))
    for i in range(len(cuts) - 1):
        s0, s1 = int(cuts[i]), int(cuts[i + 1])
        if s0 == s1:
            continue
        lo, hi = int(starts[s0]), int(ends[s1 - 1])
        xb = x[lo:hi]
        st = starts[s0:s1] - lo
        h = np.empty_like(xb)
        for p in range(num_perm):
            np.multiply(xb, a[p], out=h)
            np.add(h, b[p], out=h)
            out[p, s0:s1] = np.minimum.reduceat(h, st)
    return out.T


_BAND_K = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F],
                   dtype=np.uint64)


def _band_keys(sig: np.ndarray, bands: int) -> np.ndarray:
    """``(n, bands)`` uint64 bucket keys: band ``i`` hashes rows ``i*r .. i*r+r-1`` (and ``i``)."""
    n, p = sig.shape
    r = p // bands
    if r > len(_BAND_K):
        raise ValueError(f"at most {len(_BAND_K)} rows per band")
    s64 = sig.astype(_U64).reshape(n, bands, r)
    acc = (s64 * _BAND_K[:r]).sum(axis=2, dtype=_U64)          # wraps modulo 2**64
    acc ^= (np.arange(1, bands + 1, dtype=_U64) * _U64(0x2545F4914F6CDD1D))[None, :]
    return _mix(acc)


def _unit_keys(doc: _Doc, params: CopyParams) -> tuple[np.ndarray, np.ndarray]:
    """Bucket keys of one document's units: (copy view keys, translation view keys), flat."""
    sig_c, sig_t = _unit_signatures([doc], params)
    return (_band_keys(sig_c[0], params.copy_bands).ravel(), _band_keys(sig_t[0], params.trans_bands).ravel())


def _segments(values: np.ndarray, unit: np.ndarray, min_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Values of units with at least ``min_size`` distinct values, and their segment starts."""
    if len(values) == 0:
        return values, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], unit[1:] != unit[:-1]]))
    sizes = np.diff(np.append(starts, len(values)))
    ok = sizes >= min_size
    if ok.all():
        return values, starts
    keep = np.repeat(ok, sizes)
    v = values[keep]
    sz = sizes[ok]
    return v, np.concatenate([[0], np.cumsum(sz)[:-1]]).astype(np.int64) if len(sz) else np.zeros(0, np.int64)


def _unit_signatures(docs: Sequence[_Doc], params: CopyParams, translations: bool = True
                     ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per document: MinHash signatures of its indexable units in both views (one numpy pass);
    the translation view is left empty when ``translations`` is false."""
    cv, cs, ct, tv, ts, tt = [], [], [], [], [], []
    off_c = off_t = 0
    for d in docs:
        sh, su = _shingles(d.word, d.unit)
        v, st = _segments(sh, su, params.min_unit_shingles)
        cv.append(v)
        cs.append(st + off_c)
        ct.append(len(st))
        off_c += len(v)
        m = d.content if translations else np.zeros(len(d.content), dtype=bool)
        v2, st2 = _segments(d.stem[m], d.unit[m], params.min_unit_stems)
        tv.append(v2)
        ts.append(st2 + off_t)
        tt.append(len(st2))
        off_t += len(v2)
    out = []
    for vals, starts, counts in ((cv, cs, ct), (tv, ts, tt)):
        allv = np.concatenate(vals) if vals else np.zeros(0, _U64)
        alls = np.concatenate(starts).astype(np.int64) if starts else np.zeros(0, np.int64)
        sig = minhash_signatures(allv, alls, params.num_perm, params.seed)
        bounds = np.concatenate([[0], np.cumsum(counts)])
        out.append([sig[bounds[i]:bounds[i + 1]] for i in range(len(docs))])
    return out[0], out[1]


_OWNER_BITS = 24
_OWNER_MASK = _U64((1 << _OWNER_BITS) - 1)


def _bucket_pairs(packed: np.ndarray, max_bucket: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of owners sharing a bucket, with how many buckets they share.

    ``packed`` holds ``key_high_bits | owner`` (owner in the low 24 bits), so one ``np.sort``
    groups buckets; buckets larger than ``max_bucket`` (stock phrases) are skipped.
    """
    if len(packed) == 0:
        e = np.zeros(0, np.int64)
        return e, e, e
    # ``packed`` is sorted in place and the temporaries are dropped as soon as they are used:
    # at 100k articles it holds tens of millions of keys, and every full-size copy is 8 bytes
    # a key (this bounded find_copies' peak memory)
    packed.sort()
    keep = np.empty(len(packed), dtype=bool)
    keep[0] = True
    np.not_equal(packed[1:], packed[:-1], out=keep[1:])
    v = packed[keep]                # one entry per (bucket, owner)
    del keep
    d = v[1:] ^ v[:-1]
    d >>= _U64(_OWNER_BITS)
    new = np.empty(len(v), dtype=bool)
    new[0] = True
    np.not_equal(d, 0, out=new[1:])
    del d
    own = (v & _OWNER_MASK).astype(np.int32)
    n_v = len(v)
    del v
    gs = np.flatnonzero(new)
    del new
    size = np.diff(np.append(gs, n_v))
    # every pair inside every bucket of 2..max_bucket owners, without a Python loop: the
    # member at offset o of a bucket of size s pairs with the s-1-o members after it
    ok = (size >= 2) & (size <= max_bucket)
    gs, size = gs[ok], size[ok]
    codes = []
    if len(gs):
        member = np.repeat(gs, size) + (np.arange(size.sum()) - np.repeat(np.cumsum(size) - size, size))
        after = np.repeat(size, size) - (member - np.repeat(gs, size)) - 1
        first = np.repeat(member, after)
        second = first + 1 + (np.arange(after.sum()) - np.repeat(np.cumsum(after) - after, after))
        a, b = own[first].astype(np.int64), own[second].astype(np.int64)
        codes.append(np.minimum(a, b) << 24 | np.maximum(a, b))
    if not codes:
        e = np.zeros(0, np.int64)
        return e, e, e
    allc = np.sort(np.concatenate(codes))
    first = np.concatenate([[True], allc[1:] != allc[:-1]])
    uc = allc[first]
    cnt = np.diff(np.append(np.flatnonzero(first), len(allc)))
    return uc >> 24, uc & ((1 << 24) - 1), cnt


def _pack(keys: np.ndarray, owner: int | np.ndarray) -> np.ndarray:
    return (keys >> _U64(_OWNER_BITS) << _U64(_OWNER_BITS)) | (np.asarray(owner).astype(_U64) & _OWNER_MASK)


def _batch_keys(texts: Sequence[str], params: CopyParams, offset: int, translations: bool = True
                ) -> tuple[np.ndarray, np.ndarray]:
    """Packed bucket keys (copy view, translation view) of a batch of texts; owners from ``offset``."""
    docs = _featurize(texts)
    sc, st = _unit_signatures(docs, params, translations)
    out = []
    for sigs, bands in ((sc, params.copy_bands), (st, params.trans_bands)):
        owner = np.repeat(np.arange(offset, offset + len(sigs)), [len(x) for x in sigs])
        allsig = np.concatenate(sigs) if sigs else np.zeros((0, params.num_perm), np.uint32)
        keys = _band_keys(allsig, bands)
        out.append(_pack(keys, owner[:, None]).ravel())
    return out[0], out[1]


_KEYS: dict[str, Any] = {}     # texts shared with forked key workers (set just before the pool starts)


def _keys_job(args: tuple[int, int, dict, bool]) -> tuple[np.ndarray, np.ndarray]:
    lo, hi, pd, translations = args
    texts = _KEYS["texts"]
    params = CopyParams(**pd)
    kc, kt = [], []
    for i in range(lo, hi, 500):
        a, b = _batch_keys(texts[i:min(hi, i + 500)], params, i, translations)
        kc.append(a)
        kt.append(b)
    return np.concatenate(kc), np.concatenate(kt)


def candidate_pairs(texts: Sequence[str], params: CopyParams = CopyParams(), *, workers: int = 1,
                    translations: bool = True) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Candidate pairs of text indices ``(i, j)``, ``i < j``, with their bucket hits, per view
    (the translation view only when ``translations``). ``workers`` > 1 forks that many
    processes for the signatures (the texts are inherited, not copied through pipes)."""
    if len(texts) >= 1 << _OWNER_BITS:
        raise ValueError("at most 16,777,215 articles per call")
    step = max(500, -(-len(texts) // max(1, workers * 2)))
    chunks = [(i, min(len(texts), i + step), params.to_dict(), translations) for i in range(0, len(texts), step)]
    _KEYS["texts"] = texts
    try:
        if workers > 1 and len(chunks) > 1:
            from concurrent.futures import ProcessPoolExecutor
            import multiprocessing as mp

            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as ex:
                res = [list(r) for r in ex.map(_keys_job, chunks)]
        else:
            res = [list(_keys_job(c)) for c in chunks]
    finally:
        _KEYS.clear()
    out = []
    for view, min_hits, top, cap in ((0, params.min_copy_hits, 0, params.max_bucket),
                                     (1, params.min_trans_hits, params.trans_top_k, params.max_trans_bucket)):
        keys = np.concatenate([r[view] for r in res]) if res else np.zeros(0, _U64)
        for r in res:                # one full copy of a view's keys at a time
            r[view] = None
        a, b, n = _bucket_pairs(keys, cap)
        del keys
        ok = n >= min_hits
        a, b, n = a[ok], b[ok], n[ok]
        if top and len(a):
            keep = _top_k(a, b, n, top)
            a, b, n = a[keep], b[keep], n[keep]
        out.append({(int(x), int(y)): int(z) for x, y, z in zip(a, b, n)})
    return out[0], out[1]


def _top_k(a: np.ndarray, b: np.ndarray, n: np.ndarray, k: int) -> np.ndarray:
    """Pairs among the ``k`` most colliding partners of at least one of their two articles.

    Within one big story every pair of articles shares some content stems; re-translations
    share many. Keeping each article's best ``k`` bounds the verification work to ``k`` pairs
    per article (ties broken by the partner's index, so the choice is deterministic).
    """
    ends = np.concatenate([a, b])
    other = np.concatenate([b, a])
    hits = np.concatenate([n, n])
    pair = np.concatenate([np.arange(len(a)), np.arange(len(a))])
    order = np.lexsort((other, -hits, ends))
    e = ends[order]
    first = np.concatenate([[True], e[1:] != e[:-1]])
    start = np.maximum.accumulate(np.where(first, np.arange(len(e)), 0))
    rank = np.arange(len(e)) - start
    keep = np.zeros(len(a), dtype=bool)
    keep[pair[order][rank < k]] = True
    return keep


# ------------------------------------------------------------------ verification: passages

@dataclass(slots=True)
class _Prepared:
    """What verification needs of one article: sentences and their shingles, words, anchors."""

    id: str
    text: str
    doc: _Doc
    sents: list                       # marsad.text.sentences.Sentence
    sent_of_word: np.ndarray          # sentence index of each word, -1 outside sentences
    sh: np.ndarray                    # unique (shingle, sentence) rows: shingle hashes ...
    sh_sent: np.ndarray               # ... and their sentence
    sent_nsh: np.ndarray              # distinct shingles per sentence
    all_sh: np.ndarray                # sorted unique shingles of the whole article
    sent_words: np.ndarray            # words per sentence
    anchors: list | None = None       # entity mentions (start, end, entry id), for translations
    numbers: list | None = None       # per sentence: anchors (entity ids, number values)
    vocab: tuple | None = None        # (sentences, (_Vocab full, _Vocab entity-masked)), see _tfidf_pair


def _prepare(article: Article, doc: _Doc | None = None) -> _Prepared:
    text = article.text
    d = doc if doc is not None else _featurize([text])[0]
    sents = split_sentences(text)
    ss = np.array([s.start for s in sents], dtype=np.int64)
    se = np.array([s.end for s in sents], dtype=np.int64)
    idx = np.searchsorted(ss, d.start, side="right") - 1
    inside = (idx >= 0) & (d.start < se[np.maximum(idx, 0)]) if len(ss) else np.zeros(len(d.start), bool)
    sow = np.where(inside, idx, -1)
    sh, su = _shingles(d.word, sow)
    ok = su >= 0
    sh, su = sh[ok], su[ok]
    if len(sh):
        order = np.lexsort((sh, su))
        sh, su = sh[order], su[order]
        new = np.concatenate([[True], (sh[1:] != sh[:-1]) | (su[1:] != su[:-1])])
        sh_sent, sh_u = su[new].astype(np.int64), sh[new]
    else:
        sh_sent, sh_u = np.zeros(0, np.int64), np.zeros(0, _U64)
    nsh = np.bincount(sh_sent, minlength=len(sents))
    nw = np.bincount(sow[sow >= 0], minlength=len(sents))
    allsh = _sorted_unique(_shingles(d.word, d.unit)[0])
    return _Prepared(article.id, text, d, sents, sow, sh_u, sh_sent, nsh, allsh, nw)


def _runs(links: list[tuple[int, int, float, float]]) -> list[list[tuple[int, int, float, float]]]:
    """Group sentence links ``(i, j, shared, base)`` into runs of consecutive sentences on both sides."""
    links = sorted(links)
    runs: list[list[tuple[int, int, float, float]]] = []
    for ln in links:
        for run in runs:
            li, lj = run[-1][0], run[-1][1]
            if ln[0] - li in (0, 1) and ln[1] - lj in (0, 1) and (ln[0], ln[1]) != (li, lj):
                run.append(ln)
                break
        else:
            runs.append([ln])
    return runs


def _passages(pa: _Prepared, pb: _Prepared, links, kind: str) -> list[PassageLink]:
    out = []
    for run in _runs(links):
        i0, i1 = min(r[0] for r in run), max(r[0] for r in run)
        j0, j1 = min(r[1] for r in run), max(r[1] for r in run)
        score = sum(r[2] for r in run) / max(1e-9, sum(r[3] for r in run))
        out.append(PassageLink(pa.id, pa.sents[i0].start, pa.sents[i1].end, pb.id, pb.sents[j0].start,
                               pb.sents[j1].end, kind, round(min(1.0, score), 3)))
    return out


def _copy_links(pa: _Prepared, pb: _Prepared, params: CopyParams) -> list[tuple[int, int, float, float]]:
    """Sentence pairs sharing enough word 3-shingles: ``(i, j, shared, min_size)``."""
    if not len(pa.sh) or not len(pb.sh):
        return []
    order = np.argsort(pb.sh, kind="stable")
    bsh, bsent = pb.sh[order], pb.sh_sent[order]
    lo = np.searchsorted(bsh, pa.sh, "left")
    hi = np.searchsorted(bsh, pa.sh, "right")
    cnt = hi - lo
    if not cnt.any():
        return []
    ai = np.repeat(pa.sh_sent, cnt)
    starts = np.repeat(lo, cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    bj = bsent[starts]
    code, shared = np.unique(ai * (len(pb.sents) + 1) + bj, return_counts=True)
    i, j = code // (len(pb.sents) + 1), code % (len(pb.sents) + 1)
    base = np.minimum(pa.sent_nsh[i], pb.sent_nsh[j])
    ok = (shared >= params.link_min_shared) & (shared >= params.link_min_containment * base)
    return [(int(x), int(y), float(s), float(m)) for x, y, s, m in zip(i[ok], j[ok], shared[ok], base[ok])]


def _trans_links(pa: _Prepared, pb: _Prepared, params: CopyParams, taken_a: set[int], taken_b: set[int],
                 mentions_a: Sequence | None, mentions_b: Sequence | None
                 ) -> tuple[list[tuple[int, int, float, float]], dict[int, int], dict[int, int]]:
    """Sentence pairs that say the same thing in other words: ``(i, j, score, 1.0)``, and the
    rank of each sentence that could link among those of its article.

    ``score`` is the mean of two cosines over TF-IDF vectors of character 3-5-grams inside
    words of the normalised sentences (IDF from the sentences of the two articles only):

    * the *full* cosine, where the names the sentences share count;
    * the *masked* cosine, on the same sentences with every entity mention blanked, so that
      two sentences sharing only "North Korea", "Russia" and a minister score low;

    plus ``anchor_bonus`` for each gazetteer entity or number (not a year) both sentences state
    and at most two sentences of each article state, two at most. Only
    mutual best matches link: at ``trans_threshold``, or down to ``trans_min_cosine`` next to
    another link of the pair (see :func:`_keep_translation`).
    """
    ia = [i for i, n in enumerate(pa.sent_words) if n >= params.min_sentence_words and i not in taken_a]
    ib = [j for j, n in enumerate(pb.sent_words) if n >= params.min_sentence_words and j not in taken_b]
    rank_a = {i: r for r, i in enumerate(ia)}
    rank_b = {j: r for r, j in enumerate(ib)}
    if not ia or not ib:
        return [], rank_a, rank_b
    va, vb = _vocabs(pa, ia, mentions_a), _vocabs(pb, ib, mentions_b)
    sims = [_tfidf_pair(va[v], vb[v]) for v in (0, 1)]
    score = (sims[0] + sims[1]) / 2
    na, nb = _specific(_sentence_anchors(pa, mentions_a), ia), _specific(_sentence_anchors(pb, mentions_b), ib)
    for r, i in enumerate(ia):
        if not na[i]:
            continue
        for c, j in enumerate(ib):
            if score[r, c] >= params.trans_min_cosine:
                score[r, c] += params.anchor_bonus * min(2, len(na[i] & nb[j]))
    best_c = score.argmax(axis=1)
    best_r = score.argmax(axis=0)
    out = []
    for r, c in enumerate(best_c):
        if best_r[c] == r and score[r, c] >= params.trans_min_cosine:
            out.append((ia[r], ib[c], float(score[r, c]), 1.0))
    return out, rank_a, rank_b


@lru_cache(maxsize=1)
def _isspace() -> np.ndarray:
    """``str.isspace`` of every code point of the Basic Multilingual Plane (none above it is)."""
    return np.array([chr(c).isspace() if not 0xD800 <= c < 0xE000 else False for c in range(0x10000)], dtype=bool)


_EMPTY_COUNTS = (np.zeros(0, np.int64), np.zeros(0, np.int64))


def _gram_counts(texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per text: its distinct character 3-5-grams inside words padded with a space (as
    scikit-learn's ``char_wb`` analyzer cuts them) as (hashes, counts) arrays, sorted by hash.

    Computed for all texts at once with numpy (the grams of a string in Python cost 15 ms an
    article): words are the runs between ``str.isspace`` characters, as ``str.split`` cuts
    them, each padded with a space; a gram's hash is the 64-bit polynomial hash of its code
    points. Only equality of grams matters (for the per-pair cosines; nothing is stored).
    """
    if not texts:
        return []
    cp = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    isw = ~np.where(cp < 0x10000, _isspace()[np.minimum(cp, 0xFFFF)], False)
    edge = np.diff(np.concatenate([[0], isw.view(np.int8), [0]]).astype(np.int8))
    ws, we = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    if not len(ws):
        return [_EMPTY_COUNTS] * len(texts)
    wl = we - ws
    plen = wl + 2
    pstart = np.concatenate([[0], np.cumsum(plen)[:-1]])
    padded = np.full(int(plen.sum()) + 8, 32, dtype=np.uint32)
    wid = np.repeat(np.arange(len(ws)), wl)
    pos = np.flatnonzero(isw)
    padded[pstart[wid] + 1 + (pos - ws[wid])] = cp[pos]
    text_start = np.concatenate([[0], np.cumsum([len(t) + 1 for t in texts])[:-1]])
    wdoc = np.searchsorted(text_start, ws, side="right") - 1
    hs, ds = [], []
    for n in (3, 4, 5):
        m = np.maximum(plen - n + 1, 0)
        total = int(m.sum())
        if not total:
            continue
        starts = np.repeat(pstart, m) + (np.arange(total) - np.repeat(np.cumsum(m) - m, m))
        hs.append(_poly_hash(padded, starts, np.full(total, n, dtype=np.int64)).view(np.int64))
        ds.append(np.repeat(wdoc, m))
    if not hs:
        return [_EMPTY_COUNTS] * len(texts)
    h, d = np.concatenate(hs), np.concatenate(ds)
    order = np.lexsort((h, d))
    h, d = h[order], d[order]
    new = np.concatenate([[True], (h[1:] != h[:-1]) | (d[1:] != d[:-1])])
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(h)))
    uh, ud = h[first], d[first]
    bounds = np.searchsorted(ud, np.arange(len(texts) + 1))
    return [(uh[bounds[i]:bounds[i + 1]], counts[bounds[i]:bounds[i + 1]]) for i in range(len(texts))]


def _sentence_grams(p: _Prepared, mentions: Sequence | None, idx: list[int]) -> tuple[list, list]:
    """For sentences ``idx``: n-gram counts of the sentence, and of the sentence with its entities blanked."""
    spans = _entity_spans(p, mentions)
    sents = [p.sents[i] for i in idx]
    g = _gram_counts([norm(s.text) for s in sents] + [norm(_blank(p.text, spans, s.start, s.end)) for s in sents])
    return g[:len(sents)], g[len(sents):]


@dataclass(slots=True)
class _Vocab:
    """The n-grams of some sentences of one article, for :func:`_tfidf_pair`: sorted distinct
    hashes with the number of sentences holding each, and every (sentence, n-gram) entry."""

    n: int                  # sentences
    keys: np.ndarray        # sorted distinct n-gram hashes
    df: np.ndarray          # sentences holding each
    row: np.ndarray         # per entry: sentence (0..n-1), entries in sentence order
    col: np.ndarray         # per entry: index into keys
    tf: np.ndarray          # per entry: 1 + log(count)


def _vocab(docs: list[tuple[np.ndarray, np.ndarray]]) -> _Vocab:
    lens = np.array([len(h) for h, _ in docs], dtype=np.int64)
    hashes = np.concatenate([h for h, _ in docs]) if docs else np.zeros(0, np.int64)
    keys, col = np.unique(hashes, return_inverse=True)
    cnt = np.concatenate([c for _, c in docs]).astype(float) if docs else np.zeros(0)
    return _Vocab(len(docs), keys, np.bincount(col, minlength=len(keys)),
                  np.repeat(np.arange(len(docs), dtype=np.int32), lens), col.astype(np.int32), 1.0 + np.log(cnt))


def _vocabs(p: _Prepared, idx: list[int], mentions: Sequence | None) -> tuple[_Vocab, _Vocab]:
    """The :class:`_Vocab` of sentences ``idx`` of ``p``, full and with entities blanked; the
    last selection is kept (nearly every pair selects the same sentences of an article)."""
    key = tuple(idx)
    if p.vocab is None or p.vocab[0] != key:
        full, masked = _sentence_grams(p, mentions, idx)
        p.vocab = (key, (_vocab(full), _vocab(masked)))
    return p.vocab[1]


def _tfidf_pair(va: _Vocab, vb: _Vocab) -> np.ndarray:
    """Cosines between the sentences of ``va`` and those of ``vb`` over TF-IDF vectors of their
    n-grams: scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
    sublinear_tf=True)`` fitted on the sentences of both (smooth IDF, L2 norm), written out
    with numpy (importing scikit-learn costs three seconds; a test checks the two agree).

    From per-article vocabularies: the pair's IDF is each n-gram's sentence count in ``va``
    plus that in ``vb`` (a binary search of one sorted array in the other instead of a sort of
    every entry), and only n-grams of both articles enter the dot products (a dense product
    over the shared ones); 2.4 times faster than scipy's sparse product over all n-grams.
    """
    n = va.n + vb.n
    if not len(va.keys) or not len(vb.keys):
        return np.zeros((va.n, vb.n))
    pos = np.minimum(np.searchsorted(vb.keys, va.keys), len(vb.keys) - 1)
    shared = vb.keys[pos] == va.keys
    ka = np.flatnonzero(shared)                 # shared n-grams: index in va.keys ...
    kb = pos[ka]                                # ... and in vb.keys
    df_a = va.df.copy()
    df_a[ka] += vb.df[kb]
    df_b = vb.df.copy()
    df_b[kb] += va.df[ka]
    sides = []
    for v, df, k in ((va, df_a, ka), (vb, df_b, kb)):
        w = v.tf * (np.log((1 + n) / (1 + df[v.col])) + 1.0)
        norms = np.sqrt(np.bincount(v.row, weights=w * w, minlength=v.n))
        w = w / np.where(norms[v.row] > 0, norms[v.row], 1.0)
        slot = np.full(len(v.keys), -1, dtype=np.int64)
        slot[k] = np.arange(len(k))
        s = slot[v.col]
        m = np.zeros((v.n, len(k)))
        keep = s >= 0
        m[v.row[keep], s[keep]] = w[keep]
        sides.append(m)
    return sides[0] @ sides[1].T


def _mentions(p: _Prepared, mentions: Sequence | None) -> Sequence:
    if mentions is None:
        from marsad.extract.entities import find_mentions

        mentions = find_mentions(p.text, use_ner=False)
    return mentions


def _entity_spans(p: _Prepared, mentions: Sequence | None) -> list[tuple[int, int]]:
    if p.anchors is None:
        ms = _mentions(p, mentions)
        p.anchors = [(m.start, m.end, m.entry_id) for m in ms]
    return [(s, e) for s, e, _ in p.anchors]


def _blank(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` with the entity spans inside it replaced by spaces."""
    parts, cur = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > cur:
            parts.append(text[cur:s])
        parts.append(" " * (e - s))
        cur = max(cur, e)
    parts.append(text[cur:end])
    return "".join(parts)


def _sentence_anchors(p: _Prepared, mentions: Sequence | None) -> list[frozenset]:
    """Per sentence: gazetteer entities (by id) and number values it states (not years or dates)."""
    if p.numbers is not None:
        return p.numbers
    from marsad.text.numbers import find_numbers

    _entity_spans(p, mentions)
    starts = np.array([s.start for s in p.sents], dtype=np.int64)
    sets: list[set] = [set() for _ in p.sents]

    def put(pos: int, item: Any) -> None:
        i = int(np.searchsorted(starts, pos, side="right")) - 1
        if 0 <= i < len(sets) and pos < p.sents[i].end:
            sets[i].add(item)

    for s, _, eid in p.anchors or ():
        if eid:
            put(s, ("e", eid))
    for nm in find_numbers(p.text):
        if nm.type in ("year", "ordinal", "date_part", "other") or nm.value_min is None:
            continue
        put(nm.start, ("n", float(nm.value_min), float(nm.value_max) if nm.value_max is not None else None))
    p.numbers = [frozenset(x) for x in sets]
    return p.numbers


def _specific(anchors: list[frozenset], idx: list[int]) -> dict[int, frozenset]:
    """Anchors stated by at most two of the sentences ``idx``: a story's main actors tie nothing."""
    count: dict = {}
    for i in idx:
        for x in anchors[i]:
            count[x] = count.get(x, 0) + 1
    return {i: frozenset(x for x in anchors[i] if count[x] <= 2) for i in idx}


def _keep_translation(links: list[tuple[int, int, float, float]], params: CopyParams,
                      rank_a: dict[int, int], rank_b: dict[int, int]) -> list[tuple[int, int, float, float]]:
    """Strong links stay; weaker ones only next to another link, in the same direction.

    "Next to" counts the sentences that could have linked (long enough, not copied), at most
    two apart on each side: a re-translated passage keeps the order of its sentences, while a
    weak match far from any other link is usually two sentences on the same topic.
    """
    def near(x: tuple, o: tuple) -> bool:
        di, dj = rank_a[x[0]] - rank_a[o[0]], rank_b[x[1]] - rank_b[o[1]]
        return 1 <= abs(di) <= 2 and 1 <= abs(dj) <= 2 and (di > 0) == (dj > 0)

    kept = [ln for ln in links if ln[2] >= params.trans_threshold]
    weak = sorted(ln for ln in links if ln[2] < params.trans_threshold)
    changed = True
    while changed:
        changed = False
        for ln in weak:
            if ln not in kept and any(near(ln, o) for o in kept):
                kept.append(ln)
                changed = True
    return kept


def _trans_runs(links: list[tuple[int, int, float, float]], rank_a: dict[int, int], rank_b: dict[int, int]
                ) -> list[list[tuple[int, int, float, float]]]:
    """Translation links in passages: consecutive links at most two linkable sentences apart."""
    links = sorted(links)
    runs: list[list[tuple[int, int, float, float]]] = []
    for ln in links:
        if runs and 1 <= rank_a[ln[0]] - rank_a[runs[-1][-1][0]] <= 2 \
                and 1 <= rank_b[ln[1]] - rank_b[runs[-1][-1][1]] <= 2:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return runs


def _compare_prepared(pa: _Prepared, pb: _Prepared, params: CopyParams, translations: bool,
                      mentions_a: Sequence | None = None, mentions_b: Sequence | None = None) -> CopyPair | None:
    if pa.id > pb.id:
        pa, pb, mentions_a, mentions_b = pb, pa, mentions_b, mentions_a
    inter = len(np.intersect1d(pa.all_sh, pb.all_sh, assume_unique=True))
    union = len(pa.all_sh) + len(pb.all_sh) - inter
    jac = inter / union if union else 0.0
    links = _copy_links(pa, pb, params)
    exact = len(pa.doc.word) == len(pb.doc.word) and bool(np.array_equal(pa.doc.word, pb.doc.word))
    taken = links
    if jac < params.near_jaccard and sum(ln[2] for ln in links) < params.min_copied_shingles:
        links = []          # a shared headline or attribution formula: not a copy
    passages = _passages(pa, pb, links, "copy")
    if translations:
        ta = {ln[0] for ln in taken}     # sentences copied, even too little, are not re-translations
        tb = {ln[1] for ln in taken}
        tl, rank_a, rank_b = _trans_links(pa, pb, params, ta, tb, mentions_a, mentions_b)
        tl = _keep_translation(tl, params, rank_a, rank_b)
        if not links and len(tl) < params.trans_min_links \
                and not any(ln[2] >= params.trans_single_score for ln in tl):
            tl = []     # one sentence on the same fact, in the words of the trade: not a re-translation
        for run in _trans_runs(tl, rank_a, rank_b):
            i0, i1 = run[0][0], run[-1][0]
            j0, j1 = min(r[1] for r in run), max(r[1] for r in run)
            score = sum(min(1.0, r[2]) for r in run) / len(run)
            passages.append(PassageLink(pa.id, pa.sents[i0].start, pa.sents[i1].end, pb.id, pb.sents[j0].start,
                                        pb.sents[j1].end, "translation", round(score, 3)))
    passages.sort(key=lambda p: (p.a_start, p.b_start))
    if exact:
        kind = "exact"
    elif jac >= params.near_jaccard and links:
        kind = "near"
    elif links:
        kind = "partial"
    elif passages:
        kind = "translation"
    else:
        return None
    score = jac if kind != "translation" else sum(p.score for p in passages) / len(passages)
    return CopyPair(pa.id, pb.id, kind, round(score, 3), tuple(passages))


def compare(a: Article, b: Article, *, params: CopyParams = CopyParams(), translations: bool = True,
            mentions_a: Sequence | None = None, mentions_b: Sequence | None = None) -> CopyPair | None:
    """Verify one pair: the :class:`CopyPair` of ``a`` and ``b``, or ``None`` if neither repeats the other.

    ``mentions_a``/``mentions_b`` (entity mentions in ``Article.text`` coordinates) save
    finding them again for the translation anchors. The result does not depend on any other
    article, so the same pair gives the same answer in a batch and at ingest time.
    """
    return _compare_prepared(_prepare(a), _prepare(b), params, translations, mentions_a, mentions_b)


class _Cache:
    """Prepared articles for verification: words featurised in batches up front (one numpy
    pass per 500 articles), sentences and shingles on first use, kept in a small LRU (pairs
    are visited grouped by article)."""

    def __init__(self, articles: Sequence[Article], needed: Iterable[int], size: int = 4096):
        self.articles = articles
        self.size = size
        self.data: OrderedDict[int, _Prepared] = OrderedDict()
        need = sorted(set(needed))
        self.docs: dict[int, _Doc] = {}
        for k in range(0, len(need), 500):
            chunk = need[k:k + 500]
            for i, d in zip(chunk, _featurize([articles[i].text for i in chunk])):
                self.docs[i] = d

    def get(self, i: int) -> _Prepared:
        p = self.data.get(i)
        if p is None:
            p = self.data[i] = _prepare(self.articles[i], self.docs.get(i))
            if len(self.data) > self.size:
                self.data.popitem(last=False)
        else:
            self.data.move_to_end(i)
        return p


# state shared with forked verification workers (set just before the pool starts)
_VERIFY: dict[str, Any] = {}


def _verify(pairs: Sequence[tuple[int, int]]) -> list[CopyPair]:
    arts, params, cand_t, mget = _VERIFY["arts"], _VERIFY["params"], _VERIFY["cand_t"], _VERIFY["mget"]
    cache = _Cache(arts, (x for p in pairs for x in p))
    out = []
    for i, j in pairs:
        cp = _compare_prepared(cache.get(i), cache.get(j), params, (i, j) in cand_t, mget(i), mget(j))
        if cp is not None:
            out.append(cp)
    return out


def find_copies(articles: Sequence[Article | ArticleText], *, params: CopyParams = CopyParams(), translations: bool = True,
                mentions: Mapping[str, Sequence] | None = None, workers: int | None = None) -> list[CopyPair]:
    """Every pair of ``articles`` of which one copies or re-translates the other, with the passages.

    Candidates come from MinHash LSH over sentence units (both views, see the module
    docstring); each candidate is then verified as :func:`compare` does. Articles with the
    same id (same normalised text) are one article. ``mentions`` (article id -> entity
    mentions in ``Article.text`` coordinates) is used for translation anchors when given.
    ``workers``: processes for the signatures and the verification (default: one per core
    from 2,000 articles on; they are forked, so only on platforms with ``fork``).

    Returns pairs sorted by ``(a, b)``; within a pair ``a < b``.
    """
    import os

    arts = list(articles)
    if workers is None:
        workers = (os.cpu_count() or 1) if len(arts) >= 2000 else 1
    first: dict[str, int] = {}
    uniq: list[int] = []
    for i, a in enumerate(arts):
        if first.setdefault(a.id, i) == i:
            uniq.append(i)
    texts = [arts[i].text for i in uniq]
    cand_c, cand_t = candidate_pairs(texts, params, workers=workers, translations=translations)
    pairs = sorted(set(cand_c) | set(cand_t))
    mget = (lambda i: mentions.get(arts[uniq[i]].id)) if mentions else (lambda i: None)
    _VERIFY.update(arts=[arts[i] for i in uniq], params=params, cand_t=cand_t, mget=mget)
    try:
        if workers > 1 and len(pairs) >= 2000:
            from concurrent.futures import ProcessPoolExecutor
            import multiprocessing as mp

            step = -(-len(pairs) // (workers * 4))
            chunks = [pairs[k:k + step] for k in range(0, len(pairs), step)]
            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as ex:
                found = [cp for part in ex.map(_verify, chunks) for cp in part]
        else:
            found = _verify(pairs)
    finally:
        _VERIFY.clear()
    out = {(cp.a, cp.b): cp for cp in found}
    return [out[k] for k in sorted(out)]


# ------------------------------------------------------------------ incremental index

class _KeyStore:
    """Bucket keys -> owners, as sorted numpy runs merged like a log-structured tree.

    New keys wait in a small unsorted buffer; a full buffer becomes a sorted run, and the last
    two runs are merged while the newer is at least half the size of the older, so there are
    O(log n) runs and every key is merged O(log n) times. A query is one binary search per run.
    """

    BUFFER = 8192

    def __init__(self) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []
        self.buf_k: list[np.ndarray] = []
        self.buf_o: list[np.ndarray] = []
        self.buf_n = 0

    def add(self, keys: np.ndarray, owner: int) -> None:
        if not len(keys):
            return
        self.buf_k.append(keys)
        self.buf_o.append(np.full(len(keys), owner, dtype=np.int32))
        self.buf_n += len(keys)
        if self.buf_n >= self.BUFFER:
            self._flush()

    def _flush(self) -> None:
        if not self.buf_n:
            return
        k = np.concatenate(self.buf_k)
        o = np.concatenate(self.buf_o)
        order = np.argsort(k, kind="stable")
        self.runs.append((k[order], o[order]))
        self.buf_k, self.buf_o, self.buf_n = [], [], 0
        while len(self.runs) >= 2 and len(self.runs[-1][0]) * 2 >= len(self.runs[-2][0]):
            (k2, o2), (k1, o1) = self.runs.pop(), self.runs.pop()
            k, o = np.concatenate([k1, k2]), np.concatenate([o1, o2])
            order = np.argsort(k, kind="stable")
            self.runs.append((k[order], o[order]))

    def query(self, keys: np.ndarray, max_bucket: int) -> dict[int, int]:
        """Owners sharing each key, counted over the (distinct) keys; crowded buckets skipped."""
        keys = np.unique(keys)
        found: list[tuple[np.ndarray, np.ndarray]] = []       # (key index, owner)
        sizes = np.zeros(len(keys), dtype=np.int64)
        for rk, ro in self.runs:
            lo = np.searchsorted(rk, keys, "left")
            hi = np.searchsorted(rk, keys, "right")
            n = hi - lo
            if n.any():
                sizes += n
                qi = np.repeat(np.arange(len(keys)), n)
                at = np.repeat(lo, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
                found.append((qi, ro[at]))
        if self.buf_n:
            bk, bo = np.concatenate(self.buf_k), np.concatenate(self.buf_o)
            hit = np.isin(bk, keys)
            if hit.any():
                qi = np.searchsorted(keys, bk[hit])
                np.add.at(sizes, qi, 1)
                found.append((qi, bo[hit]))
        if not found:
            return {}
        qi = np.concatenate([f[0] for f in found])
        ow = np.concatenate([f[1] for f in found]).astype(np.int64)
        ok = sizes[qi] <= max_bucket
        pairs = np.unique(qi[ok] * (1 << 32) + ow[ok])      # one hit per (key, owner)
        owners, hits = np.unique(pairs & 0xFFFFFFFF, return_counts=True)
        return {int(o): int(h) for o, h in zip(owners, hits)}

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        self._flush()
        while len(self.runs) >= 2:
            (k2, o2), (k1, o1) = self.runs.pop(), self.runs.pop()
            k, o = np.concatenate([k1, k2]), np.concatenate([o1, o2])
            order = np.argsort(k, kind="stable")
            self.runs.append((k[order], o[order]))
        if not self.runs:
            return np.zeros(0, _U64), np.zeros(0, np.int32)
        return self.runs[0]

    @classmethod
    def from_arrays(cls, k: np.ndarray, o: np.ndarray) -> "_KeyStore":
        st = cls()
        if len(k):
            st.runs = [(k.astype(_U64), o.astype(np.int32))]
        return st


class CopyIndex:
    """Incremental copy/translation candidates, for ingest time.

    ``add(article)`` returns the already indexed articles that share LSH buckets with it
    (:class:`Candidate`, both views), then indexes it; verify a candidate with
    :func:`compare`. The index keeps only bucket keys and ids, never text. Its state is one
    ``bytes`` value: ``CopyIndex.from_bytes(idx.to_bytes())`` answers as ``idx`` does.

    Example:
        >>> idx = CopyIndex()                                   # doctest: +SKIP
        >>> for art in articles:                                # doctest: +SKIP
        ...     for cand in idx.add(art):
        ...         pair = compare(art, store.get(cand.id))
    """

    VERSION = 1

    def __init__(self, params: CopyParams = CopyParams()) -> None:
        self.params = params
        self.ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._copy = _KeyStore()
        self._trans = _KeyStore()

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._pos

    def _keys(self, article: Article) -> tuple[np.ndarray, np.ndarray]:
        return _unit_keys(_featurize([article.text])[0], self.params)

    def _candidates(self, kc: np.ndarray, kt: np.ndarray, skip: int | None = None) -> list[Candidate]:
        out: dict[str, Candidate] = {}
        for view, store, keys, need in (("copy", self._copy, kc, self.params.min_copy_hits),
                                         ("translation", self._trans, kt, self.params.min_trans_hits)):
            cap = self.params.max_bucket if view == "copy" else self.params.max_trans_bucket
            found = sorted(((o, h) for o, h in store.query(keys, cap).items()
                            if o != skip and h >= need), key=lambda x: (-x[1], x[0]))
            if view == "translation":
                found = found[: self.params.trans_top_k]
            for owner, hits in found:
                oid = self.ids[owner]
                if oid not in out:          # the copy view is the stronger evidence
                    out[oid] = Candidate(oid, view, hits)
        return sorted(out.values(), key=lambda c: (c.view != "copy", -c.hits, c.id))

    def query(self, article: Article) -> list[Candidate]:
        """Candidates for ``article`` without indexing it."""
        kc, kt = self._keys(article)
        return self._candidates(kc, kt, self._pos.get(article.id))

    def add(self, article: Article) -> list[Candidate]:
        """Candidates among the articles indexed so far, then index ``article`` (once per id)."""
        kc, kt = self._keys(article)
        if article.id in self._pos:
            return self._candidates(kc, kt, self._pos[article.id])
        cands = self._candidates(kc, kt)
        owner = len(self.ids)
        self.ids.append(article.id)
        self._pos[article.id] = owner
        self._copy.add(kc, owner)
        self._trans.add(kt, owner)
        return cands

    def to_bytes(self) -> bytes:
        kc, oc = self._copy.arrays()
        kt, ot = self._trans.arrays()
        meta = json.dumps({"version": self.VERSION, "params": self.params.to_dict(), "ids": self.ids})
        buf = io.BytesIO()
        np.savez_compressed(buf, meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8),
                            kc=kc, oc=oc, kt=kt, ot=ot)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "CopyIndex":
        z = np.load(io.BytesIO(data), allow_pickle=False)
        meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        if meta.get("version") != cls.VERSION:
            raise ValueError(f"copy index version {meta.get('version')} (expected {cls.VERSION})")
        idx = cls(CopyParams(**meta["params"]))
        idx.ids = list(meta["ids"])
        idx._pos = {i: n for n, i in enumerate(idx.ids)}
        idx._copy = _KeyStore.from_arrays(z["kc"], z["oc"])
        idx._trans = _KeyStore.from_arrays(z["kt"], z["ot"])
        return idx
