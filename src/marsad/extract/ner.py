"""Statistical named-entity tagger for Arabic news: persons, organisations and places.

Linear-chain CRFs (CRFsuite through ``python-crfsuite``) trained on ANERcorp by
``scripts/train_ner.py``; the models ship in ``marsad/models/`` (``ner_crf.crfsuite``, the
first pass ``ner_crf_pass1.crfsuite``, the name lists ``ner_gazetteer.json`` and the word
clusters ``ner_clusters.tsv.gz``) and their
data, split, scores and licences are in ``marsad/models/MODEL_CARD.md``. Why a CRF: it
trains in minutes on two cores, tags about 15,000 tokens a second on one CPU core, needs no
download at run time and gives marginal probabilities that rules can combine with
(:attr:`NerSpan.score`). Neural taggers (CAMeLBERT and the like) are more accurate but pull
torch and hundreds of MB of weights.

Labels are BIO over ``PER``, ``ORG``, ``LOC`` (and ``MISC``, learnt to keep nationalities,
events and the like apart, never reported). A span covers whole tokens as the tokeniser cuts
them, so a proclitic stays inside it (``وباريس``, ``لماكرون``), as in the training corpus;
:attr:`marsad.text.tokens.Token.prefix` tells how many letters to drop for a bare name.

Features (:class:`_Featurizer`) come from the project's own text core, so training and run
time see the same thing whether a word arrives as a corpus token (:func:`token_info`) or
from :func:`marsad.text.tokens.tokenize`: the normalised word
(:func:`marsad.text.normalize.norm`), its clitic-stripped base and the stripped prefix
(``و ب ل ك ف ال``), an article flag, prefixes and suffixes of 1–3 letters of the base, a
length bucket, the token kind (word, number, Latin, capitalised Latin, punctuation), the
trigger flags of :data:`TRIGGERS`, the :class:`Gazetteer` matches and the
:class:`WordClusters` ids of the base (distributional clusters learnt without labels from
about 2 million words of news, at three granularities); a smaller set, clusters included,
for the words at −2..+2; the base bigrams and middle-size cluster bigrams with the previous
and next word.

Two passes: the first CRF tags every sentence of the text; the second (main) CRF also sees
:func:`document_features` -- what the first pass said about the same word in the 10
sentences before and after -- so a surname used alone is read like the full name met
earlier. :meth:`NerTagger.tag` treats its text as one document;
:meth:`NerTagger.tag_tokens` has only its own sentence.

A small neural tagger (char-CNN + word embeddings + the same gazetteer and trigger flags ->
BiLSTM -> CRF, :mod:`marsad.extract.ner_nn`, ``ner_nn.npz``, run in numpy) ships beside the
CRFs: per token, the second-pass CRF's label marginals and the network's are averaged
(:data:`CRF_WEIGHT`) and decoded by Viterbi under BIO constraints. The network alone is
weaker than the CRF; the average is better than either (MODEL_CARD.md).

Not thread-safe: a :class:`NerTagger` holds CRFsuite taggers; use one per thread.
"""

from __future__ import annotations

from contextlib import ExitStack
from fnmatch import fnmatch
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

__all__ = [
    "NerSpan",
    "NerTagger",
    "load_tagger",
    "TriggerList",
    "TRIGGERS",
    "MODEL_RESOURCE",
    "ENTITY_TYPES",
    "token_info",
    "sentence_features",
    "bio_spans",
    "Gazetteer",
    "GAZETTEER_RESOURCE",
    "CLUSTERS_RESOURCE",
    "WordClusters",
    "cluster_key",
    "FIRST_PASS_NAME",
    "DOC_WINDOW",
    "TokenInfo",
    "first_pass_probs",
    "document_features",
]

MODEL_RESOURCE = "models/ner_crf.crfsuite"  # inside the ``marsad`` package
GAZETTEER_RESOURCE = "models/ner_gazetteer.json"  # read from the model's folder
CLUSTERS_RESOURCE = "models/ner_clusters.tsv.gz"  # word clusters, read from the model's folder
ENTITY_TYPES = ("PER", "ORG", "LOC")


class TriggerList(NamedTuple):
    """Words that announce an entity next to them; matched on the clitic-stripped base."""

    feature: str  # the feature name the CRF sees ("trig=title" …)
    doc: str
    words: tuple[str, ...]  # ordinary spelling; normalised and clitic-stripped at load time


# Data, not logic: adding a word here changes the features, so retrain after editing
# (scripts/train_ner.py) -- the model only knows the flags it was trained with.
TRIGGERS: dict[str, TriggerList] = {
    "title": TriggerList(
        "title",
        "titles, ranks and roles written before a person's name",
        (
            "الرئيس", "الرئيسة", "رئيس", "رئيسة", "وزير", "وزيرة", "الزعيم", "السيد", "السيدة",
            "الشيخ", "الشيخة", "الأمير", "الأميرة", "الملك", "الملكة", "السلطان", "المتحدث",
            "المتحدثة", "الناطق", "الناطقة", "العقيد", "اللواء", "الجنرال", "العميد", "الرائد",
            "المشير", "الفريق", "الدكتور", "الدكتورة", "النائب", "النائبة", "السفير", "السفيرة",
            "المستشار", "المستشارة", "القائد", "المبعوث", "الأمين", "المدير", "المديرة",
            "المدرب", "اللاعب", "اللاعبة", "الفنان", "الفنانة", "الكاتب", "الكاتبة", "الشاعر",
            "الإمام", "البابا", "المرشد", "الحاخام", "القاضي", "المحامي", "المراسل", "الصحفي",
            "الممثل", "الممثلة", "المطرب", "المطربة", "المخرج", "نائب",
            "زعيم", "قائد", "مبعوث", "مدير", "المفوض", "حاكم", "الحاكم", "المرشح", "المرشحة",
        ),
    ),
    "name_part": TriggerList(
        "name_part",
        "particles inside Arabic personal names",
        ("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "أم", "عبد", "آل", "ولد"),
    ),
    "say": TriggerList(
        "say",
        "reporting verbs, whose subject is often a person or an organisation",
        (
            "قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "صرح", "صرحت", "أوضح", "أوضحت",
            "أضاف", "أضافت", "ذكر", "ذكرت", "أشار", "أشارت", "نفى", "نفت", "دعا", "دعت",
            "أفاد", "أفادت", "اعتبر", "اعتبرت", "حذر", "حذرت", "طالب", "طالبت",
        ),
    ),
    "org": TriggerList(
        "org",
        "heads of organisation names",
        (
            "وزارة", "وكالة", "جهاز", "شركة", "جامعة", "حزب", "منظمة", "مجلس", "صحيفة", "قناة",
            "جيش", "بنك", "مصرف", "اتحاد", "هيئة", "حركة", "جبهة", "مؤسسة", "لجنة", "مركز",
            "معهد", "نادي", "نادى", "محكمة", "برلمان", "صندوق", "مفوضية", "رابطة", "جمعية",
            "تحالف", "كتائب", "منتدى", "مكتب", "سلطة", "قوات", "شرطة", "مجموعة", "مصلحة",
            "إدارة", "المنظمة", "الأمم", "الجامعة", "الحزب", "البنك", "مجلة", "إذاعة", "تلفزيون",
            "بورصة", "أكاديمية", "كلية", "مستشفى", "دار",
        ),
    ),
    "place": TriggerList(
        "place",
        "words that announce a place name",
        (
            "مدينة", "محافظة", "ولاية", "إقليم", "عاصمة", "العاصمة", "بلدة", "نهر", "جزيرة",
            "قرية", "منطقة", "مقاطعة", "بحر", "جبل", "مخيم", "حي", "شارع", "ميناء", "مطار",
            "خليج", "قطاع", "ضاحية", "دولة", "بلاد", "جمهورية", "مملكة", "إمارة", "شمال",
            "جنوب", "شرق", "غرب", "وسط", "قضاء", "ناحية", "بحيرة", "صحراء", "واحة",
        ),
    ),
}


def _trigger_table() -> dict[str, tuple[str, ...]]:
    """Normalised base (and normalised full form) -> trigger features."""
    table: dict[str, list[str]] = {}
    for tl in TRIGGERS.values():
        for w in tl.words:
            toks = tokenize(w)
            keys = {t.base for t in toks[-1:]} | {t.norm for t in toks[-1:]}
            for k in keys:
                feats = table.setdefault(k, [])
                if "trig=" + tl.feature not in feats:
                    feats.append("trig=" + tl.feature)
    return {k: tuple(v) for k, v in table.items()}


class TokenInfo(NamedTuple):
    text: str
    norm: str
    base: str
    prefix: str
    kind: str  # word | number | latin | punct | mixed


def token_info(text: str) -> TokenInfo:
    """Forms of one pre-split token (a corpus token), as :func:`tokenize` would give them.

    A corpus token the tokeniser would cut in several pieces (``U.S.A``, ``30-40``) keeps its
    normalised form and is of kind ``mixed``.
    """
    toks = tokenize(text)
    if len(toks) == 1:
        t = toks[0]
        return TokenInfo(text, t.norm, t.base, t.prefix, t.kind)
    if not toks:  # invisible marks only
        return TokenInfo(text, "", "", "", "punct")
    n = "".join(t.norm for t in toks)
    return TokenInfo(text, n, n, "", "mixed")


def _info_of(t: Token) -> TokenInfo:
    return TokenInfo(t.text, t.norm, t.base, t.prefix, t.kind)


_OFFSETS = (-2, -1, 1, 2)


class Gazetteer:
    """Name lists (normalised, space-separated tokens) matched longest-first over a sentence.

    Built by ``scripts/train_ner.py`` into ``ner_gazetteer.json`` (sources and licences in
    its ``_doc`` and in MODEL_CARD.md). The CRF sees ``gz=CAT:B`` on the first token of a
    match and ``gz=CAT:I`` on the others, for itself and its neighbours at -1/+1; it learns
    how far to trust each list (``علي`` is a given name and, normalised, the preposition
    ``على``).
    """

    __slots__ = ("categories", "_index")

    def __init__(self, entries: dict[str, Iterable[str]]) -> None:
        self.categories = tuple(sorted(entries))
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for cat, names in entries.items():
            for name in names:
                parts = tuple(name.split())
                if parts:
                    index.setdefault(parts[0], []).append((parts[1:], cat))
        for v in index.values():
            v.sort(key=lambda e: -len(e[0]))
        self._index = index

    @classmethod
    def from_json(cls, path: str | Path) -> "Gazetteer":
        import json

        raw = json.loads(Path(path).read_text("utf-8"))
        return cls({k: v for k, v in raw.items() if not k.startswith("_")})

    @staticmethod
    def _forms(info: TokenInfo) -> tuple[str, ...]:
        n, base, prefix = info.norm, info.base, info.prefix
        if prefix.endswith("ال") or prefix.endswith("لل"):
            return (n, base, "ال" + base)
        return (n, base) if base != n else (n,)

    def tags(self, infos: Sequence[TokenInfo]) -> list[list[str]]:
        n = len(infos)
        out: list[list[str]] = [[] for _ in range(n)]
        forms = [self._forms(i) for i in infos]
        index = self._index
        for cat in self.categories:
            i = 0
            while i < n:
                best = 0
                for f in forms[i]:
                    for rest, c in index.get(f, ()):
                        L = len(rest)
                        if c != cat or L + 1 <= best or i + L >= n:
                            continue
                        if all(rest[k] in forms[i + 1 + k] for k in range(L)):
                            best = L + 1
                if best:
                    out[i].append(f"gz={cat}:B")
                    for k in range(i + 1, i + best):
                        out[k].append(f"gz={cat}:I")
                    i += best
                else:
                    i += 1
        return out


def cluster_key(info: TokenInfo) -> str:
    """The form a word is clustered under: the clitic-stripped base of an Arabic word,
    ``<NUM>`` for a number, the normalised form otherwise."""
    if info.kind == "word":
        return info.base
    if info.kind == "number":
        return "<NUM>"
    return info.norm


class WordClusters:
    """Word -> distributional cluster ids at several granularities (``c64=…``, ``c256=…``…).

    Learnt without labels by ``scripts/train_ner.py`` (:func:`cluster_key` forms of news text:
    positional co-occurrence counts, PPMI, truncated SVD, k-means at each granularity) and
    shipped as ``ner_clusters.tsv.gz``: a header ``#word<TAB>64<TAB>256…`` then one word a
    line. Words not in the table get the feature ``cl=UNK``.
    """

    __slots__ = ("sizes", "_table")

    def __init__(self, sizes: Sequence[int], table: dict[str, tuple[int, ...]]) -> None:
        self.sizes = tuple(sizes)
        names = [f"c{k}=" for k in self.sizes]
        self._table = {w: tuple(n + str(c) for n, c in zip(names, ids)) for w, ids in table.items()}

    def __len__(self) -> int:
        return len(self._table)

    def get(self, key: str) -> tuple[str, ...] | None:
        return self._table.get(key)

    @classmethod
    def from_file(cls, path: str | Path) -> "WordClusters":
        import gzip

        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            sizes = [int(x) for x in header[1:]]
            table = {}
            for line in f:
                parts = line.rstrip("\n").split("\t")
                table[parts[0]] = tuple(int(x) for x in parts[1:])
        return cls(sizes, table)

    def write(self, path: str | Path, table: dict[str, Sequence[int]]) -> None:
        import gzip

        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            f.write("#word\t" + "\t".join(map(str, self.sizes)) + "\n")
            for w, ids in table.items():
                f.write(w + "\t" + "\t".join(map(str, ids)) + "\n")


class _Featurizer:
    """Per-word feature strings, memoised per instance (news text repeats its words)."""

    __slots__ = ("_triggers", "_memo", "gazetteer", "clusters")

    def __init__(self, gazetteer: Gazetteer | None = None, clusters: WordClusters | None = None,
                 triggers: bool = True) -> None:
        self._triggers = _trigger_table() if triggers else {}
        self.gazetteer = gazetteer
        self.clusters = clusters
        self._memo: dict[TokenInfo, tuple[tuple[str, ...], ...]] = {}

    def word(self, info: TokenInfo) -> tuple[tuple[str, ...], ...]:
        """``(own, ctx@-2, ctx@-1, ctx@+1, ctx@+2, (base, mid cluster))`` for one token."""
        got = self._memo.get(info)
        if got is not None:
            return got
        text, n, base, prefix, kind = info
        if kind == "latin" and text[:1].isupper():
            shape = "LATIN_CAP" if not text.isupper() or len(text) == 1 else "LATIN_UPPER"
        else:
            shape = kind
        art = prefix.endswith("ال") or prefix.endswith("لل") or (not prefix and base.startswith("ال"))
        trig = self._triggers.get(base) or self._triggers.get(n) or ()
        L = len(base)
        lb = str(L) if L <= 5 else "6-7" if L <= 7 else "8+"
        own = [
            "bias",
            "w=" + n,
            "b=" + base,
            "p=" + prefix,
            "k=" + shape,
            "len=" + lb,
        ]
        if kind == "word":
            own += [
                "pre1=" + base[:1], "pre2=" + base[:2], "pre3=" + base[:3],
                "suf1=" + base[-1:], "suf2=" + base[-2:], "suf3=" + base[-3:],
            ]
        elif kind == "number":
            own.append("digits=" + str(min(len(n), 5)))
        if art:
            own.append("art")
        own.extend(trig)
        ctx = ["w=" + n, "b=" + base, "k=" + shape]
        if art:
            ctx.append("art")
        if prefix:
            ctx.append("p=" + prefix)
        if kind == "word":
            ctx.append("suf2=" + base[-2:])
        ctx.extend(trig)
        mid = ""
        if self.clusters is not None:
            cl = self.clusters.get(cluster_key(info))
            if cl is None:
                cl = ("cl=UNK",) if kind in ("word", "latin") else ()
            else:
                mid = cl[len(cl) // 2]
            own.extend(cl)
            ctx.extend(cl)
        out = (tuple(own),) + tuple(tuple(f"{o}:{c}" for c in ctx) for o in _OFFSETS) + ((base, mid),)
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[info] = out
        return out

    def sentence(self, infos: Sequence[TokenInfo], gz: list[list[str]] | None = None) -> list[list[str]]:
        """Features of each token; ``gz``: the gazetteer tags of ``infos`` when already known."""
        words = [self.word(i) for i in infos]
        n = len(words)
        bases = [w[5][0] for w in words]
        mids = [w[5][1] for w in words]
        if gz is None and self.gazetteer is not None:
            gz = self.gazetteer.tags(infos)
        out: list[list[str]] = []
        for i, w in enumerate(words):
            f = list(w[0])
            if gz is not None:
                f += gz[i]
                if i >= 1:
                    f += ["-1:" + g for g in gz[i - 1]]
                if i + 1 < n:
                    f += ["1:" + g for g in gz[i + 1]]
            if i >= 2:
                f += words[i - 2][1]  # the word two back, as "-2:..." features
            if i >= 1:
                f += words[i - 1][2]
                f.append("bg-=" + bases[i - 1] + "|" + bases[i])
                if mids[i - 1] and mids[i]:
                    f.append("cb-=" + mids[i - 1] + "|" + mids[i])
            else:
                f.append("BOS")
            if i + 1 < n:
                f += words[i + 1][3]
                f.append("bg+=" + bases[i] + "|" + bases[i + 1])
                if mids[i] and mids[i + 1]:
                    f.append("cb+=" + mids[i] + "|" + mids[i + 1])
            else:
                f.append("EOS")
            if i + 2 < n:
                f += words[i + 2][4]
            out.append(f)
        return out


def sentence_features(infos: Sequence[TokenInfo], featurizer: _Featurizer | None = None) -> list[list[str]]:
    """CRF features of one sentence (shared by training and tagging)."""
    return (featurizer or _Featurizer()).sentence(infos)


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last_exclusive, type)`` token ranges of PER/ORG/LOC in BIO labels.

    An ``I-X`` that does not continue an ``X`` starts a new span (the CRF rarely does that).
    """
    out: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, lab in enumerate(labels):
        typ = lab[2:] if len(lab) > 2 else ""
        if lab.startswith("I-") and cur is not None and cur[2] == typ:
            cur[1] = i + 1
            continue
        if cur is not None:
            out.append(tuple(cur))  # type: ignore[arg-type]
            cur = None
        if typ in ENTITY_TYPES and lab[:2] in ("B-", "I-"):
            cur = [i, i + 1, typ]
    if cur is not None:
        out.append(tuple(cur))  # type: ignore[arg-type]
    return out


DOC_WINDOW = 10  # sentences on each side whose first-pass labels inform the second pass


def first_pass_probs(tagger, xseq: list[list[str]]) -> tuple[list[str], list[tuple[float, float, float]]]:
    """Viterbi labels and, per token, the marginal probability of PER, ORG and LOC."""
    tagger.set(xseq)
    labels = tagger.tag()
    known = set(tagger.labels())
    pairs = [(("B-" + t) if "B-" + t in known else None, ("I-" + t) if "I-" + t in known else None) for t in ENTITY_TYPES]
    marg = tagger.marginal
    probs = []
    for i in range(len(xseq)):
        probs.append(tuple(
            (marg(b, i) if b else 0.0) + (marg(ii, i) if ii else 0.0) for b, ii in pairs
        ))
    return labels, probs  # type: ignore[return-value]


def _doc_key(info: TokenInfo) -> str | None:
    if info.kind not in ("word", "latin") or len(info.base) < 2:
        return None
    return info.base


def document_features(
    sents: Sequence[Sequence[TokenInfo]],
    labels: Sequence[Sequence[str]],
    probs: Sequence[Sequence[tuple[float, float, float]]],
    window: int = DOC_WINDOW,
) -> list[list[list[str]]]:
    """Second-pass features: what the first pass said about the same word elsewhere nearby.

    For each token, the first-pass PER/ORG/LOC probabilities of the other occurrences of its
    base within ``window`` sentences on each side are averaged (``doc=PER`` when >= 0.5,
    ``doc~PER`` when >= 0.2, and how many occurrences); plus the token's own first-pass
    label and its neighbours'. A surname alone (``وقال لحود``) is then read like the full
    name a few sentences earlier (``الرئيس اللبناني إميل لحود``).
    """
    keys = [[_doc_key(i) for i in s] for s in sents]
    n = len(sents)
    agg: dict[str, list[float]] = {}  # key -> [count, pPER, pORG, pLOC]

    def add(j: int, sign: int) -> None:
        for k, p in zip(keys[j], probs[j]):
            if k is None:
                continue
            a = agg.get(k)
            if a is None:
                a = agg[k] = [0.0, 0.0, 0.0, 0.0]
            a[0] += sign
            a[1] += sign * p[0]
            a[2] += sign * p[1]
            a[3] += sign * p[2]

    for j in range(min(window + 1, n)):
        add(j, 1)
    out: list[list[list[str]]] = []
    for si in range(n):
        if si > 0:
            if si + window < n:
                add(si + window, 1)
            if si - window - 1 >= 0:
                add(si - window - 1, -1)
        own: list[list[str]] = []
        for k, p in zip(keys[si], probs[si]):
            f: list[str] = []
            a = agg.get(k) if k is not None else None
            if a is not None:
                cnt = a[0] - 1
                if cnt >= 0.5:
                    f.append("docn=" + ("1" if cnt < 1.5 else "2" if cnt < 2.5 else "3+"))
                    for t, total, mine in zip(ENTITY_TYPES, a[1:], p):
                        avg = (total - mine) / cnt
                        if avg >= 0.5:
                            f.append("doc=" + t)
                        elif avg >= 0.2:
                            f.append("doc~" + t)
            own.append(f)
        lab = labels[si]
        m = len(lab)
        feats: list[list[str]] = []
        for i in range(m):
            f = list(own[i])
            f.append("s1=" + lab[i])
            if i >= 1:
                f.append("-1:s1=" + lab[i - 1])
                f += ["-1:" + x for x in own[i - 1] if x.startswith("doc=")]
            if i + 1 < m:
                f.append("1:s1=" + lab[i + 1])
                f += ["1:" + x for x in own[i + 1] if x.startswith("doc=")]
            feats.append(f)
        out.append(feats)
    return out


@dataclass(frozen=True, slots=True)
class NerSpan:
    """An entity mention: half-open span ``[start, end)`` of the tagged text."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC
    score: float  # mean marginal probability of the span's labels (0..1)


FIRST_PASS_NAME = "ner_crf_pass1.crfsuite"  # beside the main model; optional
NN_GLOB = "ner_nn*.npz"  # neural taggers beside the main model (marsad.extract.ner_nn); optional
CRF_WEIGHT = 0.5  # share of the CRF in the averaged marginals when networks ship (chosen on dev)


class NerTagger:
    """Tags text with the shipped models (or the model at ``model_path`` and the files beside it).

    Two passes when the first-pass model sits beside the main one (as shipped): the first
    CRF tags every sentence; the second, main, CRF sees the same features plus
    :func:`document_features` of the first pass over the neighbouring sentences. When neural
    taggers (``ner_nn*.npz``) sit beside it too (as shipped), their per-token label marginals
    are averaged with the main CRF's (see :meth:`_decode`).
    """

    def __init__(self, model_path: str | Path | None = None, *, neural: bool = True) -> None:
        """Load the shipped models, or ``model_path`` and the files beside it.

        ``neural=False`` leaves out the neural networks (``ner_nn*.npz``) even when they ship:
        the CRF alone, as before they were added.
        """
        self._nets: list = []
        if model_path is not None:
            model = Path(model_path)
            first = model.with_name(FIRST_PASS_NAME)
            gz = model.with_name(Path(GAZETTEER_RESOURCE).name)
            cl = model.with_name(Path(CLUSTERS_RESOURCE).name)
            self._open(model, first if first.is_file() and first != model else None, gz if gz.is_file() else None,
                       cl if cl.is_file() else None)
            if neural:
                self._open_nets(sorted(model.parent.glob(NN_GLOB)))
            return
        root = files("marsad")
        with ExitStack() as stack:  # real paths even from a zipped install (CRFsuite reads the file at open)
            def real(rel: str) -> Path | None:
                t = root.joinpath(rel)
                return stack.enter_context(as_file(t)) if t.is_file() else None

            model = real(MODEL_RESOURCE)
            if model is None:
                raise FileNotFoundError(f"NER model not found in the marsad package: {MODEL_RESOURCE}")
            self._open(model, real(str(Path(MODEL_RESOURCE).with_name(FIRST_PASS_NAME))), real(GAZETTEER_RESOURCE),
                       real(CLUSTERS_RESOURCE))
            if neural:
                folder = root.joinpath(str(Path(MODEL_RESOURCE).parent))
                nets = sorted((t for t in folder.iterdir() if fnmatch(t.name, NN_GLOB)), key=lambda t: t.name)
                self._open_nets([real(str(Path(MODEL_RESOURCE).parent / t.name)) for t in nets])

    def _open_nets(self, paths) -> None:
        if not paths:
            return
        from marsad.extract.ner_nn import NeuralTagger  # numpy only

        self._nets = [NeuralTagger(p) for p in paths]
        if any(n.labels != self._nets[0].labels for n in self._nets):
            raise ValueError("the neural NER models disagree on their labels")
        # index of each network label among the CRF's labels (-1: the CRF lacks it)
        crf = {lab: i for i, lab in enumerate(self.labels)}
        self._nn_labels: tuple[str, ...] = self._nets[0].labels
        self._crf_index = [crf.get(lab, -1) for lab in self._nn_labels]
        L = len(self._nn_labels)
        # BIO constraints for decoding the combined marginals: I-X only after B-X or I-X
        import numpy as np

        self._bio_trans = np.array([[-1e9 if b.startswith("I-") and a[2:] != b[2:] else 0.0 for b in self._nn_labels]
                                    for a in self._nn_labels])
        self._bio_start = np.array([-1e9 if b.startswith("I-") else 0.0 for b in self._nn_labels])
        self._nn_other = [i for i, lab in enumerate(self._nn_labels) if lab[2:] not in ENTITY_TYPES]
        self._nn_L = L

    def _open(self, model: Path, first: Path | None, gazetteer: Path | None, clusters: Path | None = None) -> None:
        import pycrfsuite  # imported here so that importing marsad stays light

        if not Path(model).is_file():
            raise FileNotFoundError(f"NER model not found: {model}")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._first = None
        if first is not None:
            self._first = pycrfsuite.Tagger()
            self._first.open(str(first))
        self._feat = _Featurizer(Gazetteer.from_json(gazetteer) if gazetteer is not None else None,
                                 WordClusters.from_file(clusters) if clusters is not None else None)
        self.labels: tuple[str, ...] = tuple(self._tagger.labels())
        self.two_pass = self._first is not None

    # -- features of a document (a list of sentences)
    def _features(self, sents: Sequence[Sequence[TokenInfo]], gz: Sequence | None = None) -> list[list[list[str]]]:
        xs = [self._feat.sentence(s, g) for s, g in zip(sents, gz or [None] * len(sents))]
        if self._first is None:
            return xs
        labels, probs = [], []
        for x in xs:
            lab, pr = first_pass_probs(self._first, x)
            labels.append(lab)
            probs.append(pr)
        docf = document_features(sents, labels, probs)
        return [[a + b for a, b in zip(x, d)] for x, d in zip(xs, docf)]

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O``…) for one pre-tokenised sentence."""
        return self.tag_token_sentences([tokens])[0]

    def tag_token_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for the pre-tokenised sentences of one document (CoNLL evaluation)."""
        infos = [[token_info(t) for t in s] for s in sentences]
        out = []
        for labels, _ in self._decode([i for i in infos if i]):
            out.append([lab if lab[2:] in ENTITY_TYPES else "O" for lab in labels])
        it = iter(out)
        return [next(it) if i else [] for i in infos]

    def _decode(self, sents: Sequence[Sequence[TokenInfo]], probs: bool = False) -> list[tuple[list[str], list]]:
        """Labels of each sentence of a document, with what :meth:`_tag_document` needs: per
        token, (probability of its label, probability of a PER/ORG/LOC label) when
        ``probs`` else the probability of its label only inside spans.

        CRF alone: CRF Viterbi labels and marginals. With the networks: the per-token label
        marginals of the CRF and of each network (forward-backward) are averaged
        (:data:`CRF_WEIGHT` for the CRF, the rest shared by the networks) and decoded by
        Viterbi under BIO constraints.
        """
        gzr = self._feat.gazetteer
        gz = [gzr.tags(s) for s in sents] if gzr is not None else None
        xs = self._features(sents, gz)
        tagger = self._tagger
        out: list[tuple[list[str], list]] = []
        if not self._nets:
            other = [lab for lab in self.labels if lab == "O" or lab[2:] not in ENTITY_TYPES]
            for x in xs:
                tagger.set(x)
                labels = tagger.tag()
                sc = [tagger.marginal(lab, i) if lab[2:] in ENTITY_TYPES else 0.0 for i, lab in enumerate(labels)]
                ent = [1.0 - sum(tagger.marginal(lab, i) for lab in other) for i in range(len(x))] if probs else None
                out.append((labels, list(zip(sc, ent)) if probs else [(p, 0.0) for p in sc]))
            return out
        import numpy as np

        from marsad.extract.ner_nn import encode, viterbi_batch

        gz = gz or [None] * len(sents)
        w_nn = (1.0 - CRF_WEIGHT) / len(self._nets)
        combined = []
        for k, x in enumerate(xs):  # the CRF's marginals, in the networks' label order
            n = len(x)
            tagger.set(x)
            crf = np.zeros((n, self._nn_L))
            for j, ci in enumerate(self._crf_index):
                if ci >= 0:
                    lab = self.labels[ci]
                    crf[:, j] = [tagger.marginal(lab, i) for i in range(n)]
            combined.append(CRF_WEIGHT * crf)
        for net in self._nets:
            enc = [encode(s, g, self._feat._triggers, net.vocab) for s, g in zip(sents, gz)]
            for p, m in zip(combined, net.marginals_batch(net.emissions_batched(enc))):
                p += w_nn * m
        labs = self._nn_labels
        best_all = viterbi_batch([np.log(np.maximum(p, 1e-12)) for p in combined], self._bio_trans,
                                 self._bio_start, np.zeros(self._nn_L))
        for p, best in zip(combined, best_all):
            mine = p[np.arange(len(best)), best]
            labels = [labs[j] for j in best]
            if probs:
                ent = 1.0 - p[:, self._nn_other].sum(1)
                out.append((labels, list(zip(mine.tolist(), ent.tolist()))))
            else:
                out.append((labels, [(v, 0.0) for v in mine.tolist()]))
        return out

    def tag(self, text: str) -> list[NerSpan]:
        """Entity mentions of ``text``, in order; each ``text[start:end] == span.text``."""
        return self._tag_document(text, self._sentences(text))[0]

    def tag_detailed(self, text: str) -> tuple[list[NerSpan], list[tuple[int, int, float]]]:
        """:meth:`tag`, plus every token's ``(start, end, p)``: ``p`` the probability that it
        is part of a PER, ORG or LOC name (1 - P(O) - P(MISC)), for combining with other
        sources (``marsad.extract.entities`` lets it veto gazetteer names it is sure of)."""
        return self._tag_document(text, self._sentences(text), probs=True)

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, list[Token]]]:
        sents = []
        for sent in split_sentences(text):
            toks = tokenize(sent.text)
            if toks:
                sents.append((sent.start, toks))
        return sents

    def tag_sentence_tokens(self, text: str, tokens: Sequence[Token], offset: int = 0) -> list[NerSpan]:
        """Spans for already tokenised text: ``tokens`` of ``text[offset:]`` (one sentence)."""
        return self._tag_document(text, [(offset, tokens)])[0] if tokens else []

    def _tag_document(self, text: str, sents: Sequence[tuple[int, Sequence[Token]]], probs: bool = False
                      ) -> tuple[list[NerSpan], list[tuple[int, int, float]]]:
        if not sents:
            return [], []
        decoded = self._decode([[_info_of(t) for t in toks] for _, toks in sents], probs=probs)
        out: list[NerSpan] = []
        tok_probs: list[tuple[int, int, float]] = []
        for (offset, toks), (labels, pr) in zip(sents, decoded):
            for a, b, typ in bio_spans(labels):
                score = sum(pr[i][0] for i in range(a, b)) / (b - a)
                s, e = offset + toks[a].start, offset + toks[b - 1].end
                out.append(NerSpan(s, e, text[s:e], typ, round(min(1.0, max(0.0, score)), 4)))
            if probs:
                for i, t in enumerate(toks):
                    tok_probs.append((offset + t.start, offset + t.end, min(1.0, max(0.0, pr[i][1]))))
        return out, tok_probs


@lru_cache(maxsize=1)
def load_tagger() -> NerTagger:
    """The shared tagger with the shipped model (loaded once per process)."""
    return NerTagger()
